"""Translations: Qt's translate() backed by the .ts files in resources/i18n.

A .ts file is Qt Linguist's own format, so translators can use Linguist; we read it
directly (no lrelease step), which also keeps source and bundle identical.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from dlab.core.resources import resource

LANGUAGES = {"en": "English", "ko": "한국어"}


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, skipping unfinished or empty entries."""
    table: dict[tuple[str, str], str] = {}
    root = ET.parse(path).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            src = msg.findtext("source", "")
            tr = msg.find("translation")
            if tr is None or not (tr.text or "").strip() or tr.get("type") == "unfinished":
                continue
            table[(name, src)] = tr.text or ""
    return table


def load_language(lang: str) -> dict[tuple[str, str], str]:
    """Every resources/i18n/*.{lang}.ts file: one for the shell, one per topic."""
    table: dict[tuple[str, str], str] = {}
    for path in sorted(resource("i18n").glob(f"*.{lang}.ts")):
        table.update(load_ts(path))
    return table


class TsTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table
        self.missing: set[tuple[str, str]] = set()  # dlab's own texts asked for, not found

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        found = self.table.get((context, source))
        if found is None and source and not context.startswith("Q"):  # Qt's own contexts
            self.missing.add((context, source))
        return found

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.table


_installed: TsTranslator | None = None
_language = "en"


def set_language(lang: str) -> None:
    """Switch the application's language; widgets retranslate on LanguageChange."""
    global _installed, _language
    if lang not in LANGUAGES:
        lang = "en"
    if _installed is not None:
        QCoreApplication.removeTranslator(_installed)
        _installed = None
    if lang != "en":
        _installed = TsTranslator(load_language(lang))
        QCoreApplication.installTranslator(_installed)
    _language = lang


def translator() -> TsTranslator | None:
    return _installed


def language() -> str:
    return _language


@dataclass(frozen=True)
class Contexts:
    """The translation contexts of one topic's parameter labels/help and choices."""

    params: str
    choices: str


def contexts(topic: str) -> Contexts:
    """``topic/params`` and ``topic/choices``: a word may be translated differently in
    two topics without one file overriding the other. No topic: the shared contexts."""
    prefix = f"{topic}/" if topic else ""
    return Contexts(f"{prefix}params", f"{prefix}choices")


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
