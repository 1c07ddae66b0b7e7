"""Translations: Qt's translate() backed by the .ts files in resources/i18n.

Every text the UI shows is written where `pyside6-lupdate` finds it: an immediate
``translate("AdamTab", "Inside Adam")`` or a deferred ``QT_TRANSLATE_NOOP("plots", "step")``
(a `Msg` that widgets keep and translate whenever the language changes). Both take a
literal context: lupdate reads the source, it does not run it. Parameter labels, help
texts and choices are not marked in the engines' params.py (no Qt there); their metadata
is the source that ``tools/update_ts.py`` hands to lupdate.

Contexts: a tab's own class name (``AdamTab``), ``<topic-id>/params`` and
``<topic-id>/choices`` for one topic's parameters, and, shared by every topic and kept
once in ``dlab.ko.ts``, ``TopicTab``, ``MainWindow``, ``plots`` (axis words), ``params``
and ``choices`` (labels and choices several topics use; a topic's own context wins).

The .ts files are read directly (no lrelease step, see the README's developer notes).
Retranslation is explicit, not driven by Qt's LanguageChange event: ``set_language``
swaps the translator, then ``MainWindow.set_language`` calls ``retranslate()`` on the
window and on every tab built so far, at once; a tab built later is built in the current
language.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from dlab.core.resources import resource

LANGUAGES = {"en": "English", "ko": "한국어"}


class Msg(NamedTuple):
    """A source text with its context, translated when shown (``msg.text()``)."""

    context: str
    source: str

    def text(self) -> str:
        return translate(self.context, self.source)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Msg:  # noqa: N802 (lupdate's name)
    """Mark ``source`` for lupdate and keep it untranslated until it is shown."""
    return Msg(context, source)


def load_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation, skipping unfinished, obsolete or empty entries."""
    table: dict[tuple[str, str], str] = {}
    for context, source, translation in read_ts(path):
        if translation is not None:
            table[(context, source)] = translation
    return table


def read_ts(path: Path) -> list[tuple[str, str, str | None]]:
    """Every message of a .ts file in order: (context, source, finished translation or
    None)."""
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            el = msg.find("translation")
            text = (el.text or "") if el is not None else ""
            done = el is not None and text.strip() and el.get("type") not in (
                "unfinished", "obsolete", "vanished")
            out.append((name, msg.findtext("source", ""), text if done else None))
    return out


def ts_files(lang: str) -> list[Path]:
    """One file for the shell and the words every topic shares, one per topic."""
    return sorted(resource("i18n").glob(f"*.{lang}.ts"))


def load_language(lang: str) -> dict[tuple[str, str], str]:
    """Every resources/i18n/*.{lang}.ts file (a message lives in one file only: a test
    checks it, so the order of loading does not matter)."""
    table: dict[tuple[str, str], str] = {}
    for path in ts_files(lang):
        table.update(load_ts(path))
    return table


class TsTranslator(QTranslator):
    def __init__(self, table: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.table = table
        self.asked: set[tuple[str, str]] = set()  # every dlab text shown in this language

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ANN001
        return self.table.get((context, source))

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self.table

    def missing(self) -> set[tuple[str, str]]:
        """The texts shown that have no translation."""
        return {key for key in self.asked if key not in self.table}


_installed: TsTranslator | None = None
_qt_own: QTranslator | None = None
_language = "en"


def qt_own_translator(lang: str) -> QTranslator | None:
    """Qt's own texts in ``lang`` (the Close, Cancel and Save buttons of dialogs, the
    text fields' context menus), from the translations PySide6 ships; None where they are
    missing (the bundle keeps only qtbase_ko.qm): Qt then shows them in English."""
    import PySide6

    own = QTranslator()
    folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(Path(PySide6.__file__).parent / "Qt" / "translations"))  # in a bundle
    return own if any(own.load(f"qtbase_{lang}", folder) for folder in folders) else None


def set_language(lang: str) -> None:
    """Install the language's translator; the caller retranslates what is built."""
    global _installed, _qt_own, _language
    if lang not in LANGUAGES:
        lang = "en"
    for old in (_installed, _qt_own):
        if old is not None:
            QCoreApplication.removeTranslator(old)
    _installed = _qt_own = None
    if lang != "en":
        # Installed last, dlab's own table is asked first.
        _qt_own = qt_own_translator(lang)
        if _qt_own is not None:
            QCoreApplication.installTranslator(_qt_own)
        _installed = TsTranslator(load_language(lang))
        QCoreApplication.installTranslator(_installed)
    _language = lang


def translator() -> TsTranslator | None:
    return _installed


def language() -> str:
    return _language


def translate(context: str, source: str) -> str:
    """``source`` in the current language; lupdate extracts calls with literal arguments."""
    if _installed is not None:
        _installed.asked.add((context, source))
    return QCoreApplication.translate(context, source)


def translate_first(contexts: Sequence[str], source: str) -> str:
    """``source`` in the first of ``contexts`` that translates it (a topic's own context
    before the shared one)."""
    if _installed is not None:
        for context in contexts:
            if (context, source) in _installed.table:
                return translate(context, source)
    return translate(contexts[0], source)


@dataclass(frozen=True)
class Contexts:
    """Where one topic's parameter labels/help and choices are translated: its own
    contexts first, then the shared ones."""

    params: str
    choices: str

    def param(self, source: str) -> str:
        return translate_first((self.params, "params"), source)

    def choice(self, source: str) -> str:
        return translate_first((self.choices, "choices"), source)


def contexts(topic: str) -> Contexts:
    """``topic/params`` and ``topic/choices``: a word may be translated differently in
    two topics without one file overriding the other. No topic: the shared contexts."""
    prefix = f"{topic}/" if topic else ""
    return Contexts(f"{prefix}params", f"{prefix}choices")
