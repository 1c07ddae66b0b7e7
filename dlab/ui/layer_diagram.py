"""A network's layers drawn as blocks shaped like their outputs, left to right.

A feature-map output (channels, height, width) is a box: its front face is height × width
and its depth, drawn receding up and to the right, grows with the channels (∝ √channels,
so 128 channels still fit beside 1) and is marked by slab lines, one per channel up to
MAX_SLAB_LINES. A vector output (features,) is a thin bar, as tall as it has features.
One scale for every block, so a 14×14 map is drawn half as tall as a 28×28 one. A
convolution's k×k window is outlined on the block before it, with lines to its output.
Under each block the caller's lines of text (name, shape, counts), elided to the column.

``geometry`` is the layout as plain numbers (tests measure it); ``paintEvent`` draws it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from dlab.ui import look

DEPTH = 2.0  # a block's depth per √channel, in the units of one map row
RISE = 0.5  # the depth recedes up by half of what it goes right
FILL = 0.8  # the share of its column a block may take
BAR_PX = 8.0  # a vector's bar: a fixed width, its height is what it shows
MAX_SLAB_LINES = 16
MARGIN = 6.0
GAP = 6.0  # between the blocks and their text
TEXT_PT = 9.5  # the lines under each block
MIN_BLOCK_PX = 36  # the room the blocks keep above their text
FACE = {"input": "#BBBBBB", "conv": "#0072B2", "pool": "#56B4E9", "linear": "#009E73"}


@dataclass(frozen=True)
class Line:
    text: str
    color: str = "#000000"
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """One layer to draw: ``kind`` input | conv | pool | linear (anything else is drawn as
    a convolution), ``shape`` its output (channels, height, width) or (features,)."""

    kind: str
    shape: tuple[int, ...]
    lines: tuple[Line, ...] = ()
    kernel: int = 0  # a convolution's k: its window is outlined on the block before


@dataclass(frozen=True)
class Box:
    """Where a block is drawn, in widget pixels: the front face (x, y, w, h), the depth
    offset (dx right, dy up), its column (left, right) and the top of its text."""

    x: float
    y: float
    w: float
    h: float
    dx: float
    dy: float
    column: tuple[float, float]
    text_top: float
    slabs: int

    @property
    def right(self) -> float:
        return self.x + self.w + self.dx

    @property
    def top(self) -> float:
        return self.y - self.dy


def _extent(block: Block) -> tuple[float, float, float]:
    """(face width, face height, depth) in map units."""
    if len(block.shape) == 3:
        c, h, w = block.shape
        return float(w), float(h), DEPTH * math.sqrt(c)
    return 0.0, float(block.shape[0]), 0.0


def geometry(blocks: Sequence[Block], width: float, height: float,
             line_height: float) -> list[Box]:
    """The layout of ``blocks`` in a width × height widget with ``line_height`` pixels per
    line of text: one scale (pixels per map unit) for all, the largest that lets every
    block fit its column and the space above the text; faces centred on one line."""
    n = len(blocks)
    if n == 0:
        return []
    lines = max(len(b.lines) for b in blocks)
    col_w = (width - 2 * MARGIN) / n
    room_h = max(1.0, height - 2 * MARGIN - GAP - lines * line_height)
    # The faces share a centre line: above it the tallest half face and its rise, below
    # it the tallest half face (in map units; both scale with the unit).
    up = max(_extent(b)[1] / 2 + RISE * _extent(b)[2] for b in blocks)
    down = max(_extent(b)[1] / 2 for b in blocks)
    scales = [room_h / (up + down)]
    for b in blocks:
        w, h, d = _extent(b)
        if w + d > 0:
            scales.append(FILL * col_w / (w + d))
        elif FILL * col_w < BAR_PX:  # a bar has a fixed width: only its column limits it
            scales.append(0.0)
    unit = max(0.0, min(scales))
    up, down = up * unit, down * unit
    # Blocks and text together sit in the middle.
    group = up + down + GAP + lines * line_height
    centre = max(MARGIN, (height - group) / 2) + up
    text_top = centre + down + GAP
    boxes = []
    for i, b in enumerate(blocks):
        w, h, d = _extent(b)
        face_w = w * unit if w > 0 else BAR_PX
        dx, dy = d * unit, RISE * d * unit
        left = MARGIN + i * col_w
        x = left + (col_w - face_w - dx) / 2
        slabs = min(b.shape[0], MAX_SLAB_LINES) if len(b.shape) == 3 else 0
        boxes.append(Box(x, centre - h * unit / 2, face_w, h * unit, dx, dy,
                         (left, left + col_w), text_top, slabs))
    return boxes


class LayerDiagram(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.blocks: tuple[Block, ...] = ()
        self.setMinimumWidth(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_blocks(self, blocks: Sequence[Block]) -> None:
        self.blocks = tuple(blocks)
        self.fit_text()
        self.update()

    def fit_text(self) -> None:
        """Tall enough for every line of text and blocks at least MIN_BLOCK_PX tall, in the
        current look (presentation mode has larger text)."""
        lines = max((len(b.lines) for b in self.blocks), default=0)
        self.setMinimumHeight(round(lines * self.line_height() + 2 * MARGIN + GAP
                                    + MIN_BLOCK_PX))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # presentation mode (F5) or a zoom
            self.fit_text()

    def line_height(self) -> float:
        return QFontMetricsF(look.font(TEXT_PT)).height()

    def boxes(self) -> list[Box]:
        return geometry(self.blocks, self.width(), self.height(), self.line_height())

    def shown_lines(self) -> list[list[str]]:
        """The text under each block as drawn: elided where its column is too narrow."""
        out = []
        for block, box in zip(self.blocks, self.boxes(), strict=True):
            room = box.column[1] - box.column[0] - 2
            out.append([QFontMetricsF(look.font(TEXT_PT, line.bold)).elidedText(
                line.text, Qt.TextElideMode.ElideRight, room) for line in block.lines])
        return out

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        boxes = self.boxes()
        for i, (block, box) in enumerate(zip(self.blocks, boxes, strict=True)):
            if i > 0:
                self._arrow(p, boxes[i - 1], box)
            self._box(p, block, box)
            if block.kernel and i > 0 and len(self.blocks[i - 1].shape) == 3:
                self._window(p, self.blocks[i - 1], boxes[i - 1], block.kernel, box)
        for block, box, texts in zip(self.blocks, boxes, self.shown_lines(), strict=True):
            y = box.text_top
            for line, text in zip(block.lines, texts, strict=True):
                p.setFont(look.font(TEXT_PT, line.bold))
                p.setPen(QColor(line.color))
                rect = QRectF(box.column[0], y, box.column[1] - box.column[0],
                              self.line_height())
                p.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                           text)
                y += self.line_height()
        p.end()

    @staticmethod
    def _box(p: QPainter, block: Block, box: Box) -> None:
        face = QColor(FACE.get(block.kind, FACE["conv"]))
        p.setPen(QPen(QColor("#333333"), 1.0))
        x, y, w, h, dx, dy = box.x, box.y, box.w, box.h, box.dx, box.dy
        if dx > 0:  # the top and the side, a little darker than the face
            top = QPolygonF([QPointF(x, y), QPointF(x + w, y), QPointF(x + w + dx, y - dy),
                             QPointF(x + dx, y - dy)])
            side = QPolygonF([QPointF(x + w, y), QPointF(x + w + dx, y - dy),
                              QPointF(x + w + dx, y + h - dy), QPointF(x + w, y + h)])
            p.setBrush(face.darker(115))
            p.drawPolygon(top)
            p.setBrush(face.darker(135))
            p.drawPolygon(side)
            p.setPen(QPen(QColor(255, 255, 255, 150), 0.8))
            for j in range(1, box.slabs):  # one line per channel: the stacked maps
                f = j / box.slabs
                p.drawLine(QPointF(x + f * dx, y - f * dy), QPointF(x + w + f * dx, y - f * dy))
                p.drawLine(QPointF(x + w + f * dx, y - f * dy),
                           QPointF(x + w + f * dx, y + h - f * dy))
            p.setPen(QPen(QColor("#333333"), 1.0))
        p.setBrush(face)
        p.drawRect(QRectF(x, y, w, h))

    @staticmethod
    def _arrow(p: QPainter, before: Box, after: Box) -> None:
        y = after.y + after.h / 2
        a, b = QPointF(before.right + 3, y), QPointF(after.x - 3, y)
        if b.x() - a.x() < 6:
            return
        p.setPen(QPen(QColor("#888888"), 1.0))
        p.drawLine(a, b)
        p.drawLine(b, QPointF(b.x() - 4, y - 3))
        p.drawLine(b, QPointF(b.x() - 4, y + 3))

    @staticmethod
    def _window(p: QPainter, before: Block, box: Box, k: int, out: Box) -> None:
        """The k×k window on the middle of the previous block's face, and lines from it to
        the one output pixel it makes."""
        rect = QRectF(*window_rect(before, box, k))
        pen = QPen(QColor("#000000"), 1.2)
        p.setPen(pen)
        p.setBrush(QColor(255, 255, 255, 120))
        p.drawRect(rect)
        target = QPointF(out.x + out.w / 2, out.y + out.h / 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(0.8)
        p.setPen(pen)
        p.drawLine(rect.topRight(), target)
        p.drawLine(rect.bottomRight(), target)


def window_rect(before: Block, box: Box, k: int) -> tuple[float, float, float, float]:
    """(x, y, side, side) in pixels of a k×k window in the middle of ``before``'s face."""
    side = k * box.h / before.shape[1]
    cx, cy = box.x + box.w / 2, box.y + box.h / 2
    return cx - side / 2, cy - side / 2, side, side
