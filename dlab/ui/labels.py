"""Text labels sized for a projector, so every tab's headlines look the same."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def text_label(point_size: float = 12, *, bold: bool = False, wrap: bool = False) -> QLabel:
    """A label in ``point_size`` points (the text is set, and translated, later)."""
    label = QLabel()
    weight = " font-weight: bold;" if bold else ""
    label.setStyleSheet(f"font-size: {point_size:g}pt;{weight}")
    label.setWordWrap(wrap)
    return label
