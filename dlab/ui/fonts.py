"""Registers the shipped fonts, so Hangul and the lessons' math render on any machine.

Two families come with dlab (licences beside them in resources/fonts):

* SYMBOL_FILE, a subset of DejaVu Sans (tools/make_symbol_font.py): Latin, Greek,
  sub- and superscripts, math operators. NanumGothic lacks some of these (⁰, −, ⌈, the
  hat of V̂) and draws others badly (x₁ as a dot, ¹ as an apostrophe), so it comes first.
* HANGUL_FILE, NanumGothic, for Korean.

The application font is the system's family when it really exists here, then these two:
Qt takes each character from the first family that has it.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from dlab.core.resources import resource

SYMBOL_FILE = "DejaVuSansDlab.ttf"
HANGUL_FILE = "NanumGothic.ttf"
registered_families: list[str] = []  # the shipped families once loaded, in fallback order
registered_family: str | None = None  # the Hangul family (None if its file is missing)


def _load(file: str) -> str | None:
    fid = QFontDatabase.addApplicationFont(str(resource("fonts", file)))
    return QFontDatabase.applicationFontFamilies(fid)[0] if fid >= 0 else None


def register_fonts(app: QApplication) -> str | None:
    """Load the shipped fonts and make them the application font's fallbacks.

    Returns the Hangul family, or None when its file is missing (the app still runs).
    """
    global registered_family
    if registered_families:
        return registered_family
    symbols, hangul = _load(SYMBOL_FILE), _load(HANGUL_FILE)
    registered_family = hangul
    registered_families.extend(f for f in (symbols, hangul) if f)
    font = QFont(app.font())
    system = font.family()
    # A generic name ("Sans Serif" on Linux) is no family of the font database: it would
    # be skipped, and the first shipped family would draw everything. Keep only a real one.
    first = [system] if QFontInfo(QFont(system)).family() == system else []
    font.setFamilies([*first, *registered_families])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return hangul
