"""A grid of small images with captions: digits, reconstructions, filters, feature maps.

One plot, one ImageItem per cell, made when the grid first needs that many cells and then
updated in place with ``setImage`` at fixed levels (no auto-levelling per frame: a filter
that grows looks brighter, as it should). Images of any size share one cell size, so a
28×28 input and a 7×7 feature map sit side by side at the same width. Row 0 of an image
is drawn at the top, as images are read.

A click on a cell emits ``clicked(cell, row, col)`` with the pixel under the mouse, and
``mark(cell, ...)`` outlines a block of pixels of one cell (a receptive field, a window).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QFontMetricsF

from dlab.ui import look
from dlab.ui.i18n import Msg
from dlab.ui.plots import MIN_PLOT_H, PlotBase, pen

GAP = 0.12  # between cells, in cell widths
CAPTION_H = 0.32  # room under each cell for its caption, in cell widths


def _lut(stops: Sequence[tuple[float, tuple[int, int, int]]]) -> np.ndarray:
    cmap = pg.ColorMap([s[0] for s in stops], [s[1] for s in stops])
    return cmap.getLookupTable(nPts=256)


# "ink": 0 is white paper and 1 black ink (digits on a projector); "grey": 0 black, 1 white;
# "diverging": blue for negative, white for 0, red for positive (weights, filters).
LUTS = {
    "ink": _lut([(0.0, (255, 255, 255)), (1.0, (0, 0, 0))]),
    "grey": _lut([(0.0, (0, 0, 0)), (1.0, (255, 255, 255))]),
    "diverging": _lut([(0.0, (0, 90, 180)), (0.5, (255, 255, 255)), (1.0, (200, 60, 0))]),
}


class ImageGrid(PlotBase):
    """``columns`` cells a row; rows are added as more images come."""

    clicked = Signal(int, int, int)  # cell, pixel row, pixel column

    def __init__(self, title: Msg | None = None, *, columns: int = 8,
                 levels: tuple[float, float] = (0, 1), lut: str = "ink",
                 captions: bool = True, caption_left: bool = False) -> None:
        super().__init__()
        self.title = title
        self.columns, self.levels, self.lut = columns, levels, LUTS[lut]
        self.has_captions = captions
        self.caption_h = CAPTION_H if captions else 0.0  # grows to a line of text (_fit)
        # Left-aligned captions may run on under the next cells (a label per row).
        self.caption_left = caption_left
        self.cells: list[pg.ImageItem] = []
        self.captions: list[pg.TextItem] = []
        self.shapes: list[tuple[int, int]] = []  # each cell's image (rows, cols)
        self.frames: list[pg.QtWidgets.QGraphicsRectItem] = []
        self._n_shown = 0
        item = self.plotItem
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setMenuEnabled(False)
        item.setAspectLocked(True)
        item.getViewBox().setMouseEnabled(False, False)
        item.getViewBox().invertY(True)  # row 0 at the top
        self.marker = pg.QtWidgets.QGraphicsRectItem()
        self.marker.setPen(pen("#E69F00", 2.5))
        self.marker.setZValue(10)
        self.marker.setVisible(False)
        item.getViewBox().addItem(self.marker, ignoreBounds=True)
        self.scene().sigMouseClicked.connect(self._on_click)
        item.getViewBox().sigResized.connect(self._refit)
        self.setMinimumSize(MIN_PLOT_H, MIN_PLOT_H // 2)
        self.retranslate()

    # --- geometry ------------------------------------------------------------------------
    def cell_origin(self, cell: int) -> tuple[float, float]:
        """Top-left corner of a cell in view coordinates (each cell is 1 × 1)."""
        row, col = divmod(cell, self.columns)
        return col * (1 + GAP), row * (1 + GAP + self.caption_h)

    def _cell_rect(self, cell: int) -> QRectF:
        x, y = self.cell_origin(cell)
        return QRectF(x, y, 1.0, 1.0)

    def _grow(self, n: int) -> None:
        vb = self.plotItem.getViewBox()
        while len(self.cells) < n:
            cell = len(self.cells)
            image = pg.ImageItem(lut=self.lut)
            vb.addItem(image)
            frame = pg.QtWidgets.QGraphicsRectItem(self._cell_rect(cell))
            frame.setPen(pg.mkPen("#BBBBBB", width=1, cosmetic=True))
            vb.addItem(frame)
            text = pg.TextItem(anchor=(0.0 if self.caption_left else 0.5, 0.0),
                               color="#333333")
            x, y = self.cell_origin(cell)
            text.setPos(x if self.caption_left else x + 0.5, y + 1.0)
            vb.addItem(text)
            self.cells.append(image)
            self.frames.append(frame)
            self.captions.append(text)
            self.shapes.append((0, 0))

    def _fit(self, n: int) -> None:
        rows = max(1, -(-n // self.columns))
        cols = min(max(n, 1), self.columns)
        width = cols + (cols - 1) * GAP
        room = self._caption_room(rows, width)
        if room != self.caption_h:  # every cell moves: the rows are further apart
            self.caption_h = room
            self._place()
        height = rows * (1 + self.caption_h) + (rows - 1) * GAP
        self.plotItem.setRange(xRange=(0, width), yRange=(0, height), padding=0.02)

    def _caption_room(self, rows: int, width: float) -> float:
        """The room under each cell for its caption, in cell widths: CAPTION_H, or a line
        of the captions' text where the cells are small (a short grid of many columns: the
        next row covered "F(G(x))")."""
        vb = self.plotItem.getViewBox()
        if not self.has_captions or vb.width() < 1 or vb.height() < 1:
            return self.caption_h
        if not self.captions:
            return self.caption_h
        item = self.captions[0].textItem  # its text starts a document margin down
        text = QFontMetricsF(item.font()).height() + item.document().documentMargin() + 1
        room = CAPTION_H
        for _ in range(4):  # the cells shrink as their captions get more room
            height = rows * (1 + room) + (rows - 1) * GAP
            cell = min(vb.width() / width, vb.height() / height) / 1.04  # padding
            room = max(CAPTION_H, text / cell)
        return round(room, 3)

    def _place(self) -> None:
        for cell, (image, frame, text) in enumerate(
                zip(self.cells, self.frames, self.captions, strict=True)):
            frame.setRect(self._cell_rect(cell))
            if self.shapes[cell] != (0, 0):
                image.setRect(self._cell_rect(cell))
            x, y = self.cell_origin(cell)
            text.setPos(x if self.caption_left else x + 0.5, y + 1.0)

    @Slot()
    def _refit(self) -> None:
        if self._n_shown:
            self._fit(self._n_shown)

    # --- updates -------------------------------------------------------------------------
    def set_images(self, images: Sequence[np.ndarray | None] | np.ndarray,
                   captions: Sequence[str] | None = None,
                   levels: tuple[float, float] | None = None) -> None:
        """Show these images (each 2-D, or (rows, cols, 3) RGB; row 0 at the top) in the
        first cells; the rest, and cells given None (a gap in a row), are hidden.
        ``levels`` overrides the grid's fixed levels for this call."""
        n = len(images)
        self._grow(n)
        lo_hi = levels if levels is not None else self.levels
        shown = [False] * len(self.cells)
        for i, img in enumerate(images):
            if img is None:
                self.shapes[i] = (0, 0)
                continue
            img = np.asarray(img, dtype=np.float32)
            colour = img.ndim == 3  # (rows, cols, 3) RGB: drawn as it is, no lookup table
            if colour != (self.cells[i].lut is None):
                self.cells[i].setLookupTable(None if colour else self.lut)
            # col-major image axis order (plots.py): the first axis runs along x
            self.cells[i].setImage(img.transpose(1, 0, 2) if colour else img.T,
                                   levels=lo_hi, autoLevels=False)
            if img.shape[:2] != self.shapes[i]:  # the rect scales by the image's size
                self.cells[i].setRect(self._cell_rect(i))
            self.shapes[i] = img.shape[:2]
            self.captions[i].setText(captions[i] if captions is not None else "")
            shown[i] = True
        for i, (image, frame, text) in enumerate(
                zip(self.cells, self.frames, self.captions, strict=True)):
            if image.isVisible() != shown[i]:
                for part in (image, frame, text):
                    part.setVisible(shown[i])
        if n != self._n_shown:
            self._n_shown = n
            self._fit(n)

    def mark(self, cell: int, row: int, col: int, rows: int, cols: int) -> None:
        """Outline pixels [row, row+rows) × [col, col+cols) of a cell's image, clipped."""
        if not 0 <= cell < self._n_shown:
            self.unmark()
            return
        h, w = self.shapes[cell]
        if not h or not w:  # a gap
            self.unmark()
            return
        r0, c0 = max(0, row), max(0, col)
        r1, c1 = min(h, row + rows), min(w, col + cols)
        x, y = self.cell_origin(cell)
        self.marker.setRect(QRectF(x + c0 / w, y + r0 / h, (c1 - c0) / w, (r1 - r0) / h))
        self.marker.setVisible(True)

    def unmark(self) -> None:
        self.marker.setVisible(False)

    def clear_data(self) -> None:
        self.set_images([])
        self.unmark()

    # --- input ---------------------------------------------------------------------------
    def pixel_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """(cell, row, col) under a point in view coordinates, or None between cells."""
        for cell in range(self._n_shown):
            cx, cy = self.cell_origin(cell)
            h, w = self.shapes[cell]
            if cx <= x < cx + 1 and cy <= y < cy + 1 and h and w:  # (0, 0): a gap
                return cell, int((y - cy) * h), int((x - cx) * w)
        return None

    @Slot(object)
    def _on_click(self, event) -> None:  # noqa: ANN001 (a pyqtgraph event)
        p = self.plotItem.getViewBox().mapSceneToView(QPointF(event.scenePos()))
        hit = self.pixel_at(p.x(), p.y())
        if hit is not None:
            self.clicked.emit(*hit)

    def retranslate(self) -> None:
        super().retranslate()
        if self.title is not None:
            self.plotItem.setTitle(self.title.text(), size=look.title_size())
