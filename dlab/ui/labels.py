"""Text labels sized for a projector, so every tab's headlines look the same."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QSizePolicy

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


class FittedLine(QLabel):
    """One line of rich-text items after a lead-in ("Examples: (a → b) (a → c) …") that
    shows as many items as its width holds and ends with "…" when some are left out. A
    line wider than the view ran off its right edge (Word2Vec's examples at 1024 px), and
    wrapping it would make the plots below jump at every frame. Its width comes from the
    layout, never from its text; it refits when resized or restyled."""

    SEPARATOR = "&nbsp;&nbsp; "
    MORE = " …"

    def __init__(self, point_size: float = 12) -> None:
        super().__init__()
        self.lead, self.items = "", ()
        self._shown = 0
        self._widths: dict[str, float] = {}  # rich text -> its width in the current font
        self._font_key = ""
        self.setProperty("dlab_pt", float(point_size))  # restyled with the look
        self.setProperty("dlab_bold", False)
        self.setStyleSheet(look.label_css(point_size))
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_items(self, lead: str, items: Sequence[str]) -> None:
        self.lead, self.items = lead, tuple(items)
        self.refit()

    def shown(self) -> int:
        """How many items the line shows now."""
        return self._shown

    def refit(self) -> None:
        lead = self.lead + " " if self.lead and self.items else self.lead
        room = self.contentsRect().width() - 2 * self.margin() - 2 - self._width(lead)
        widths = [self._width(item) for item in self.items]
        sep = self._width(self.SEPARATOR)
        n = len(widths)
        if sum(widths) + sep * max(0, n - 1) > room:  # some are left out, "…" says so
            room -= self._width(self.MORE)
            used, n = 0.0, 0
            while n < len(widths) and used + widths[n] + (sep if n else 0) <= room:
                used += widths[n] + (sep if n else 0)
                n += 1
        self._shown = n
        more = self.MORE if n < len(self.items) else ""
        self.setText(lead + self.SEPARATOR.join(self.items[:n]) + more)

    def _width(self, html: str) -> float:
        self.ensurePolished()
        key = self.font().key()
        if key != self._font_key:  # another size or look: measure again
            self._widths.clear()
            self._font_key = key
        width = self._widths.get(html)
        if width is None:
            doc = QTextDocument()
            doc.setDocumentMargin(0)
            doc.setDefaultFont(self.font())
            doc.setHtml(html)
            width = self._widths[html] = doc.idealWidth()
        return width

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        super().resizeEvent(event)
        self.refit()

    def changeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self.refit()
