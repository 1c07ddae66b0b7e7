"""A pad to draw a digit on with the mouse: a square canvas of ink values in [0, 1], drawn
with a soft round brush. ``changed`` is emitted after each stroke segment; the owner reads
``canvas`` (and usually prepares it with dlab.core.digits.centre_like_mnist)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from dlab.core.digits import PAD_BRUSH, PAD_SIDE, ink_segment

CANVAS, BRUSH = PAD_SIDE, PAD_BRUSH


class DrawPad(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = np.zeros((CANVAS, CANVAS), np.float32)
        self._last: QPointF | None = None
        self.setMinimumSize(110, 110)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def has_ink(self) -> bool:
        return bool(self.canvas.max() > 0)

    def clear(self) -> None:
        self.canvas[:] = 0
        self.update()
        self.changed.emit()

    # --- painting with the mouse ---------------------------------------------------------
    def _side(self) -> float:
        return float(min(self.width(), self.height()))

    def _to_canvas(self, pos: QPointF) -> QPointF:
        s = CANVAS / self._side()
        return QPointF(pos.x() * s, pos.y() * s)

    def stroke(self, a: QPointF, b: QPointF) -> None:
        """Ink along the segment a → b (canvas coordinates)."""
        ink_segment(self.canvas, (a.x(), a.y()), (b.x(), b.y()), BRUSH)
        self.update()
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        if event.button() == Qt.MouseButton.LeftButton:
            self._last = self._to_canvas(event.position())
            self.stroke(self._last, self._last)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._last is not None:
            here = self._to_canvas(event.position())
            self.stroke(self._last, here)
            self._last = here

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802, ARG002
        self._last = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802, ARG002
        grey = (255 - self.canvas * 255).astype(np.uint8)
        image = QImage(grey.data, CANVAS, CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
        side = int(self._side())
        painter = QPainter(self)
        painter.drawImage(self.rect().adjusted(0, 0, side - self.width(), side - self.height()),
                          image)
        painter.setPen(QPen(Qt.GlobalColor.gray, 1))
        painter.drawRect(0, 0, side - 1, side - 1)
        painter.end()
