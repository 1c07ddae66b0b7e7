"""Registers the shipped Korean font so Hangul renders on machines without CJK fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from dlab.core.resources import resource

FONT_FILE = "NanumGothic.ttf"
registered_family: str | None = None  # set once the shipped font is loaded


def register_fonts(app: QApplication) -> str | None:
    """Load the font and make it the application font's fallback for Hangul.

    Returns the family name, or None when the file is missing (the app still runs).
    """
    global registered_family
    if registered_family is not None:
        return registered_family
    fid = QFontDatabase.addApplicationFont(str(resource("fonts", FONT_FILE)))
    if fid < 0:
        return None
    family = registered_family = QFontDatabase.applicationFontFamilies(fid)[0]
    font = QFont(app.font())
    # Latin text keeps the system font; Hangul falls back to the shipped one.
    font.setFamilies([font.family(), family])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return family
