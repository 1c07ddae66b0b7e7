"""The Word2Vec tab's views: words on a 2-D map with labels that do not overlap, the lookup
table as a heat map with one-hot × table = row, and the sliding window over a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Signal, Slot
from PySide6.QtGui import QFontMetricsF

from dlab.ui import look
from dlab.ui.i18n import Msg
from dlab.ui.plots import LabelledPlot, brush, pen

LABEL_PT = 10  # the words' size, as designed (look.set_font)
LABEL_GAP = 4  # pixels between a point and its label
LABEL_MARGIN = 2  # pixels kept free between two labels, so they never touch
POINT_RADIUS = 6  # pixels around a point that no label covers (the marker and its rim)
RINGS = 2  # beside the point, or one label height further (with a line to it)
# Where a label may go, relative to its point, in the order tried: right, left, above,
# below, the corners, then right and left half a line higher or lower, above and below
# starting or ending at the point; the same again one label height further out.
_SPOTS = [(1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (1, 1), (-1, -1), (-1, 1),
          (1, -0.5), (1, 0.5), (-1, -0.5), (-1, 0.5),
          (0.5, -1), (-0.5, -1), (0.5, 1), (-0.5, 1)]


def place_labels(xy: np.ndarray, sizes: Sequence[tuple[float, float]],
                 bounds: tuple[float, float, float, float]) -> np.ndarray:
    """Top-left corners (pixels, y down) for labels of the points ``xy`` (pixels), greedy
    in the order given: each label takes the first spot beside its point (or one label
    height further) that stays inside ``bounds`` (left, top, right, bottom), keeps
    LABEL_MARGIN from every label placed before and covers no point. A label with no such
    spot gets NaN (the map hides it; its point still shows and a click on it names it): a
    label is never far from its point, on another label or on another word's point.

    Every spot of a label is tested at once (arrays of candidates × placed labels and
    candidates × points): a frame places 40 labels 30 times a second."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    out = np.full((n, 2), np.nan)
    if not n:
        return out
    wh = np.asarray(sizes, dtype=float).reshape(n, 2)
    rects = _candidates(xy[:, 0, None], xy[:, 1, None], wh[:, 0, None], wh[:, 1, None])
    inside = ((rects[..., 0] >= bounds[0]) & (rects[..., 1] >= bounds[1])
              & (rects[..., 2] <= bounds[2]) & (rects[..., 3] <= bounds[3]))
    r = POINT_RADIUS
    px, py = xy[:, 0], xy[:, 1]
    # covers[i, c, j]: spot c of label i covers point j (its own point sits LABEL_GAP
    # from it and is left out).
    covers = ((rects[..., 0, None] - r < px) & (px < rects[..., 2, None] + r)
              & (rects[..., 1, None] - r < py) & (py < rects[..., 3, None] + r))
    covers[np.arange(n), :, np.arange(n)] = False
    free = inside & ~covers.any(axis=2)
    placed = np.zeros((n, 4))  # the first ``k`` rows are the labels placed so far
    k = 0
    m = LABEL_MARGIN
    for i in range(n):
        ok = free[i]
        if k:
            p, c = placed[:k], rects[i]
            ok = ok & ~np.any((c[:, None, 0] < p[:, 2] + m) & (p[:, 0] < c[:, None, 2] + m)
                              & (c[:, None, 1] < p[:, 3] + m) & (p[:, 1] < c[:, None, 3] + m),
                              axis=1)
        if ok.any():
            placed[k] = rects[i, int(np.argmax(ok))]
            out[i] = placed[k, :2]
            k += 1
    return out


# The candidate spots relative to a point, in the order tried: ring by ring, _SPOTS in each.
_RING = np.repeat(np.arange(RINGS), len(_SPOTS))
_SX, _SY = (np.tile(np.array(_SPOTS, dtype=float)[:, k], RINGS) for k in (0, 1))


def _candidates(x: np.ndarray, y: np.ndarray, w: np.ndarray, h: np.ndarray) -> np.ndarray:
    """Every spot of each (w, h) label around its (x, y) (columns of shape (n, 1)):
    shape (n, spots, 4), each (left, top, right, bottom). Beside the point (left or right)
    a spot may sit half a line higher or lower; above or below, it is centred on the
    point, starts there (x 0.5) or ends there (x -0.5)."""
    gap = LABEL_GAP + _RING * h
    left = np.where(_SX == 1, x + gap, np.where(_SX == -1, x - gap - w, x - (0.5 - _SX) * w))
    beside = (np.abs(_SX) == 1) & (np.abs(_SY) < 1)
    top = np.where(beside, y - h / 2 + _SY * h,
                   np.where(_SY < 0, y - h - gap, np.where(_SY > 0, y + gap, y - h / 2)))
    return np.stack([left, top, left + w, top + h], axis=-1)


class WordMap(LabelledPlot):
    """Labelled points, one colour per category; a click on a point picks its word."""

    picked = Signal(str)

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg) -> None:
        super().__init__(title, xlabel, ylabel, interactive=False)
        # A thin line from a point to its label when the label had to move away.
        self.leaders = pg.PlotDataItem(connect="pairs", pen=pen("#999999", 0.8))
        self.addItem(self.leaders, ignoreBounds=True)
        self.scatter = pg.ScatterPlotItem(size=9, pen=pen("#FFFFFF", 1.0))
        self.addItem(self.scatter)
        self.scatter.sigClicked.connect(self._on_click)
        self.texts: list[pg.TextItem] = []
        self.words: list[str] = []
        self.xy = np.zeros((0, 2))
        self.highlight = ""
        self._looks: dict[int, tuple[str, str, bool] | None] = {}  # each label's text as set
        self._placing = False
        for axis in ("left", "bottom"):
            self.plotItem.getAxis(axis).setStyle(showValues=False)  # PCA units mean nothing
        vb = self.plotItem.getViewBox()
        vb.sigResized.connect(self._place)
        vb.sigRangeChanged.connect(self._place)  # pixel sizes are known only after this
        self.retranslate()

    def set_points(self, xy: np.ndarray, words: Sequence[str], colors: Sequence[str],
                   highlight: str = "") -> None:
        self.xy, self.words, self.highlight = np.asarray(xy, float), list(words), highlight
        brushes = [brush(c) for c in colors]
        sizes = [14 if w == highlight else 9 for w in words]
        self.scatter.setData(x=self.xy[:, 0], y=self.xy[:, 1], brush=brushes, size=sizes,
                             data=list(words))
        self.add_labels(len(words))
        for i, item in enumerate(self.texts):
            shown = i < len(words)
            item.setVisible(shown)
            as_set = (words[i], colors[i], words[i] == highlight) if shown else None
            if shown and self._looks.get(i) != as_set:  # a text's layout is redone on a set
                self._looks[i] = as_set
                item.setText(words[i], color=colors[i])
                look.set_font(item, LABEL_PT, bold=words[i] == highlight)
        if len(self.xy):
            lo, hi = self.xy.min(0), self.xy.max(0)
            span = np.maximum(hi - lo, 1e-6)
            # Room on each side for the labels that go left, right, above or below.
            self._placing = True  # placed once below, not also on the range's signal
            try:
                self.plotItem.setRange(
                    xRange=(lo[0] - 0.12 * span[0], hi[0] + 0.18 * span[0]),
                    yRange=(lo[1] - 0.08 * span[1], hi[1] + 0.08 * span[1]), padding=0)
            finally:
                self._placing = False
        self._place()

    def add_labels(self, n: int, most: int | None = None) -> bool:
        """Make label slots up to ``n`` (made once, then reused), ``most`` of them now:
        True if any was made. The first vocabulary's 40 labels took 12 ms of one turn."""
        made = 0
        while len(self.texts) < n and (most is None or made < most):
            item = pg.TextItem(anchor=(0, 0))
            item.textItem.document().setDocumentMargin(1)  # the box hugs the word
            # Labels move at every frame and seldom change: drawn from a pixmap.
            item.textItem.setCacheMode(
                pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
            look.set_font(item, LABEL_PT)  # and at least look.TEXT_PX when presenting
            self.addItem(item, ignoreBounds=True)
            self.texts.append(item)
            made += 1
        return made > 0

    def look_changed(self) -> None:
        """The labels' size changed with the look (presentation mode, zoom): placed again,
        or they would grow over each other and past the view's edge."""
        self._place()

    @Slot()
    def _place(self, *_: object) -> None:
        n = len(self.words)
        if not n or self._placing:
            return
        vb = self.plotItem.getViewBox()
        pw, ph = vb.viewPixelSize()
        if not (pw > 0 and ph > 0):
            return
        px = np.c_[self.xy[:, 0] / pw, -self.xy[:, 1] / ph]
        sizes = [(t.boundingRect().width(), t.boundingRect().height())
                 for t in self.texts[:n]]
        (x0, x1), (y0, y1) = vb.viewRange()
        bounds = (x0 / pw, -y1 / ph, x1 / pw, -y0 / ph)
        # The highlighted word first: it gets the best spot.
        order = sorted(range(n), key=lambda i: self.words[i] != self.highlight)
        corners = place_labels(px[order], [sizes[i] for i in order], bounds)
        lines = []
        for k, i in enumerate(order):
            left, top = corners[k]
            self.texts[i].setVisible(bool(np.isfinite(left)))
            if not np.isfinite(left):  # no free spot: the point alone (a click names it)
                continue
            w, h = sizes[i]
            self.texts[i].setPos(left * pw, -top * ph)
            # The label's nearest point to its word's point, if it is not right beside it.
            near = np.clip(px[i], (left, top), (left + w, top + h))
            if np.hypot(*(near - px[i])) > 2 * LABEL_GAP:
                lines += [px[i], near]
        pts = np.array(lines).reshape(-1, 2) * (pw, -ph)
        self.leaders.setData(pts[:, 0], pts[:, 1])

    @Slot(object, object)
    def _on_click(self, _item: object, points: list) -> None:
        if len(points):
            self.picked.emit(str(points[0].data()))

    def clear_data(self) -> None:
        self.words = []
        self.xy = np.zeros((0, 2))
        self.scatter.setData([], [])
        self.leaders.setData([], [])
        for item in self.texts:
            item.setVisible(False)


class LookupView(LabelledPlot):
    """The lookup table's rows for a few words as a heat map (rows = words, columns =
    dimensions), the one-hot vector of the picked word beside it, and the picked row below:
    one-hot × table = row."""

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg,
                 heads: tuple[Msg, Msg]) -> None:
        """``heads``: the words over the one-hot column and over the table."""
        super().__init__(title, xlabel, ylabel, interactive=False)
        self.head_texts = heads
        self._shown: tuple[np.ndarray, list[str], int] | None = None  # the last rows asked
        self.cmap = pg.colormap.get("CET-D1")
        self.table = pg.ImageItem()
        self.onehot = pg.ImageItem()
        self.row = pg.ImageItem()
        for item in (self.table, self.onehot, self.row):
            self.addItem(item)
        for item in (self.table, self.row):
            item.setLookupTable(self.cmap.getLookupTable(nPts=256))
        # The one-hot vector is 0s and a single 1: white and black, not the table's scale.
        self.onehot.setLookupTable(np.array([[255, 255, 255], [0, 0, 0]], dtype=np.uint8))
        self.frame_rect = pg.QtWidgets.QGraphicsRectItem()  # around the picked row
        self.frame_rect.setPen(pen("#000000", 2.5))
        self.addItem(self.frame_rect)
        self.onehot_rect = pg.QtWidgets.QGraphicsRectItem()  # so its 0s show as cells
        self.onehot_rect.setPen(pen("#666666", 1.0))
        self.addItem(self.onehot_rect)
        font = pg.QtGui.QFont()
        font.setPointSize(14)
        font.setBold(True)
        self.signs = [pg.TextItem(s, color="#000000", anchor=(0.5, 0.5)) for s in ("×", "=")]
        # The one-hot column is narrow: its head starts at the view's left edge (centred on
        # the column it was cut off there); the table's head is centred over the table.
        self.heads = [pg.TextItem("", color="#333333", anchor=a) for a in ((0.0, 1.0),
                                                                             (0.5, 1.0))]
        for item in self.signs:
            item.setFont(font)
            self.addItem(item)
        for item in self.heads:
            self.addItem(item)
        self.retranslate()

    def set_rows(self, table: np.ndarray, words: Sequence[str], picked: int) -> None:
        """Draw ``table``'s rows, labelled by ``words``; as many as the view's height lets
        one read (each row at least a line of text high), the picked row always among them."""
        self._shown = (table, list(words), picked)
        fit = self.rows_that_fit()
        if fit < len(words):
            keep = [picked, *(i for i in range(len(words)) if i != picked)][:fit]
            keep.sort()
            table, words, picked = table[keep], [words[i] for i in keep], keep.index(picked)
        self._draw_rows(table, words, picked)

    def rows_that_fit(self) -> int:
        axis = self.plotItem.getAxis("left")
        line = QFontMetricsF(axis.style["tickFont"] or axis.font()).height() * 1.15
        # The view spans the rows plus 3.4 rows' height: the picked row below, the heads.
        return max(2, int(self.plotItem.vb.height() / line - 3.4))

    def resizeEvent(self, ev) -> None:  # noqa: ANN001, N802 (Qt's name)
        super().resizeEvent(ev)
        shown = getattr(self, "_shown", None)  # None too while the base class is built
        if shown is not None:
            self.set_rows(*shown)

    def _draw_rows(self, table: np.ndarray, words: Sequence[str], picked: int) -> None:
        r, d = table.shape
        m = float(np.abs(table).max()) or 1.0
        levels = (-m, m)
        # Row 0 at the top: image column y holds table row r-1-y.
        self.table.setImage(table[::-1].T, levels=levels)
        self.table.setRect(QRectF(0, 0, d, r))
        onehot = np.zeros((1, r))
        onehot[0, r - 1 - picked] = 1.0
        self.onehot.setImage(onehot, levels=(0, 1))
        gap = max(1.0, d / 10)
        self.onehot.setRect(QRectF(-2 * gap, 0, gap * 0.8, r))
        self.onehot_rect.setRect(QRectF(-2 * gap, 0, gap * 0.8, r))
        self.row.setImage(table[picked][:, None], levels=levels)
        self.row.setRect(QRectF(0, -1.6, d, 1))
        self.frame_rect.setRect(QRectF(0, r - 1 - picked, d, 1))
        self.signs[0].setPos(-0.6 * gap, r / 2)
        self.signs[1].setPos(-0.6 * gap, -1.1)
        self.heads[0].setPos(-2 * gap - 0.3, r + 0.1)
        self.heads[1].setPos(d / 2, r + 0.1)
        ticks = [(r - 1 - i + 0.5, w) for i, w in enumerate(words)]
        ticks.append((-1.1, words[picked]))
        self.plotItem.getAxis("left").setTicks([ticks])
        step = max(1, d // 8)
        self.plotItem.getAxis("bottom").setTicks(
            [[(j + 0.5, str(j + 1)) for j in range(0, d, step)]])
        self.plotItem.setRange(xRange=(-2 * gap - 0.3, d + 0.3), yRange=(-1.8, r + 1.6),
                               padding=0)
        for item in (*self.signs, *self.heads):
            item.setVisible(True)

    def clear_data(self) -> None:
        self._shown = None
        for item in (self.table, self.onehot, self.row):
            item.clear()
        self.frame_rect.setRect(QRectF())
        self.onehot_rect.setRect(QRectF())
        for item in (*self.signs, *self.heads):
            item.setVisible(False)

    def retranslate(self) -> None:
        super().retranslate()
        # The rows are labelled by their words: an axis title would sit on top of them.
        self.plotItem.getAxis("left").showLabel(False)
        for item, text in zip(self.heads, self.head_texts, strict=True):
            item.setText(text.text())


CENTRE_BG, CONTEXT_BG = "#E69F00", "#56B4E9"  # the palette's orange and sky blue
MAX_SHOWN_TOKENS = 15  # a long sentence is shown around its centre


def window_html(sentence: Sequence[str], centre: int, window: int) -> str:
    """The sentence with the centre word and its context words marked."""
    if not sentence or centre < 0:
        return ""
    lo = max(0, min(centre - MAX_SHOWN_TOKENS // 2, len(sentence) - MAX_SHOWN_TOKENS))
    hi = min(len(sentence), lo + MAX_SHOWN_TOKENS)
    parts = ["…"] if lo > 0 else []
    for i in range(lo, hi):
        word = escape(sentence[i])
        if i == centre:
            parts.append(f"<span style='background:{CENTRE_BG}; font-weight:bold'>"
                         f"&nbsp;{word}&nbsp;</span>")
        elif abs(i - centre) <= window:
            parts.append(f"<span style='background:{CONTEXT_BG}'>&nbsp;{word}&nbsp;</span>")
        else:
            parts.append(f"<span style='color:#777777'>{word}</span>")
    if hi < len(sentence):
        parts.append("…")
    return " ".join(parts)


def examples_html(examples: Sequence[tuple[tuple[str, ...], str]],
                  architecture: str) -> list[str]:
    """The example(s) of this centre, one item each: CBOW ([context], target); skip-gram
    (centre, context) pairs."""
    out = []
    for context, centre in examples:
        c = f"<b style='color:#A06000'>{escape(centre)}</b>"
        words = [f"<span style='color:#0072B2'>{escape(w)}</span>" for w in context]
        if architecture == "cbow":
            out.append(f"([{', '.join(words)}] → {c})")
        else:
            out.extend(f"({c} → {w})" for w in words)
    return out
