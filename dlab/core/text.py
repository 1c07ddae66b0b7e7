"""Messages made in Qt-free code, kept translatable (no Qt)."""

from __future__ import annotations

from typing import Any

SHOWN_CHARS = 60  # of a refused value quoted in a message


class Text:
    """A message as a template and its values: ``str()`` gives the English, and the window
    translates the template (and any Text among the values) before filling it in."""

    def __init__(self, template: str, **args: Any) -> None:
        self.template, self.args = template, args

    def __str__(self) -> str:
        return self.template.format(**{k: str(v) for k, v in self.args.items()})


def shown(value: Any) -> str:
    """``repr(value)`` for a message, cut short: a refused value may be a whole file."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"
