"""Write a Qt Linguist .ts file from a Python table {context: {source: translation}}.

Used to start a translation file; afterwards the .ts file is the source of truth and can
be edited by hand or in Qt Linguist.
Usage: python tools/make_ts.py table.py resources/i18n/NAME.ko.ts
"""

from __future__ import annotations

import runpy
import sys
from xml.sax.saxutils import escape


def render(table: dict[str, dict[str, str]], language: str = "ko_KR") -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>",
           f'<TS version="2.1" language="{language}">']
    for context, messages in table.items():
        out += ["<context>", f"    <name>{escape(context)}</name>"]
        for src, dst in messages.items():
            out += ["    <message>", f"        <source>{escape(src)}</source>",
                    f"        <translation>{escape(dst)}</translation>", "    </message>"]
        out.append("</context>")
    out.append("</TS>")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    table = runpy.run_path(sys.argv[1])["TABLE"]
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        fh.write(render(table))
