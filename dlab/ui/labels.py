"""Text labels sized for a projector, so every tab's headlines look the same."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QLabel

from dlab.ui import look


def text_label(point_size: float = 12, *, bold: bool = False, wrap: bool = False) -> QLabel:
    """A label in ``point_size`` points (the text is set, and translated, later)."""
    label = QLabel()
    # The design size stays on the label: presentation mode scales it (dlab.ui.look).
    label.setProperty("dlab_pt", float(point_size))
    label.setProperty("dlab_bold", bold)
    label.setStyleSheet(look.label_css(point_size, bold))
    label.setWordWrap(wrap)
    return label


def key_html(items: Sequence[tuple[str, str, str]]) -> str:
    """A key on one line of a label, for plots whose curves or points would be hidden by
    a legend drawn over them: (symbol, colour, text) each, e.g. ("━━", "#0072B2", "loss").
    A long key wraps between items, never inside one."""
    return "&nbsp;&nbsp; ".join(
        f"<span style='color:{color}; font-weight:bold'>{symbol}</span>&nbsp;"
        f"{text.replace(' ', '&nbsp;')}"
        for symbol, color, text in items)
