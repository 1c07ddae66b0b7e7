"""Bar charts and heat strips for per-layer statistics (Sigmoid, BatchNorm tabs).

Made once and updated in place, like the widgets in plots.py. Log scales are drawn by
hand as log10 with 10^n ticks, for the same reason as CurvePlot's.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot

from dlab.core.metrics import SeriesBuffer
from dlab.ui import look
from dlab.ui.i18n import QT_TRANSLATE_NOOP, Msg
from dlab.ui.plots import (
    LOG_FLOOR,
    TICK_GAP_LINES,
    TICK_GAP_LINES_V,
    CurvePlot,
    LabelledPlot,
    PlotBase,
    pen,
    set_line,
    thin_to_pixels,
)


class EmptyHint:
    """Grey text in the middle of a plot while it has nothing to show: what will appear
    there and how to get it. The axes' numbers are hidden meanwhile (an empty log axis
    would print 2, 3, ... 9 on top of each other). The plot keeps its hints: the base tab
    retranslates them with it and shows them again when it clears it."""

    def __init__(self, plot: PlotBase, text: Msg) -> None:
        self.plot, self.text = plot, text
        plot.hints.append(self)
        self.item = pg.TextItem(anchor=(0.5, 0.5), color="#666666")
        look.set_font(self.item, 11)
        self.vb = plot.plotItem.getViewBox()
        self.vb.addItem(self.item, ignoreBounds=True)
        self.vb.sigRangeChanged.connect(self._place)
        self.vb.sigResized.connect(self._place)
        self.empty: bool | None = None
        self.retranslate()
        self.set_empty(True)

    def _place(self, *_: object) -> None:
        (x0, x1), (y0, y1) = self.vb.viewRange()
        self.item.setPos((x0 + x1) / 2, (y0 + y1) / 2)
        self.item.setTextWidth(max(80.0, self.vb.width() - 24))
        self.item.textItem.document().setDefaultTextOption(
            pg.QtGui.QTextOption(pg.QtCore.Qt.AlignmentFlag.AlignCenter))

    def set_empty(self, empty: bool) -> None:
        if empty == self.empty:
            return  # restyling axes costs a relayout: only on a change
        self.empty = empty
        self.item.setVisible(empty)
        for axis in ("left", "bottom"):
            self.plot.plotItem.getAxis(axis).setStyle(showValues=not empty)
        self._place()

    def retranslate(self) -> None:
        self.item.setText(self.text.text())
        self._place()


MAX_KEY = 20  # layer_colors' last colour is the same for any n > 1


@functools.cache
def layer_colors(n: int) -> tuple[str, ...]:
    """n colours from dark blue (layer 1, the input side) to yellow (the last layer). Kept
    per n: Sigmoid colours its bars at every frame (ten colormap look-ups each time)."""
    cmap = pg.colormap.get("viridis")
    return tuple(cmap.map(0.85 * i / max(1, n - 1), mode="qcolor").name() for i in range(n))


BAR_WIDTH = 0.7  # of the distance between two bars
BAR_PT = (12, 10, 9, 8)  # a value label's sizes, the first that fits its bar's width


class BarChart(LabelledPlot):
    """Bars at 1..n with text ticks under them. With ``log_y`` heights are drawn as log10
    from a floor a decade below the smallest bar, so bars spanning decades stay readable.

    Every text keeps its room at any size of the plot (``fit``, again when it is resized):
    a value label over each bar in the largest size of BAR_PT its bar's width holds (else
    turned upright), with the room above the tallest bar its label needs; the names under
    the bars on one row, on two alternate rows where they are wider than a bar, and every
    second (third ...) one where even that crowds."""

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg, *, log_y: bool = False,
                 value_fmt: str | None = None) -> None:
        super().__init__(title, xlabel, ylabel, log_y=log_y, interactive=False)
        self.value_fmt = value_fmt  # e.g. "{:.1f} ms": a label above each bar
        self.bars = pg.BarGraphItem(x=[], y0=[], y1=[], width=BAR_WIDTH)
        self.addItem(self.bars)
        self.texts: list[pg.TextItem] = []
        self._shown: tuple | None = None  # (heights, floor, names): what fit() lays out
        self._given: tuple | None = None  # set_bars's arguments as shown
        self.plotItem.showGrid(x=False, y=True, alpha=0.25)
        self.plotItem.getViewBox().sigResized.connect(self.fit)
        self.retranslate()

    def set_bars(self, values: Sequence[float], labels: Sequence[str],
                 colors: Sequence[str] | None = None,
                 texts: Sequence[str | None] | None = None) -> None:
        """``texts`` replaces a bar's value label where it is not None (e.g. "locked").
        Bars as shown already are left alone: laying their names and numbers out again
        redrew both axes (BatchNorm measures its bars every 50 steps and drew them at
        every frame)."""
        given = (tuple(map(float, values)), tuple(labels),
                 None if colors is None else tuple(colors), None if texts is None else tuple(texts))
        if given == self._given:
            return
        self._given = given
        v = np.asarray(values, dtype=np.float64)
        n = len(v)
        x = np.arange(1, n + 1, dtype=np.float64)
        brushes = list(colors) if colors is not None else ["#0072B2"] * n
        if self.log_y:
            heights = np.log10(np.maximum(np.abs(v), LOG_FLOOR))
            floor = float(np.floor(heights.min())) - 1 if n else 0.0
        else:
            heights, floor = v, 0.0
        self.bars.setOpts(x=x, y0=np.full(n, floor), y1=heights, height=None, width=BAR_WIDTH,
                          brushes=brushes, pens=[pen("#333333", 0.8)] * n)
        self.plotItem.setXRange(0.4, n + 0.6, padding=0)
        self._set_texts(x, v, heights, texts)
        self._shown = (heights, floor, list(labels))
        self.fit()

    def _set_texts(self, x: np.ndarray, v: np.ndarray, heights: np.ndarray,
                   texts: Sequence[str | None] | None = None) -> None:
        if self.value_fmt is None:
            return
        while len(self.texts) < len(x):  # made once per slot, then reused
            item = pg.TextItem(anchor=(0.5, 1.0), color="#000000")
            item.textItem.document().setDocumentMargin(1)  # its room is what it shows
            look.set_font(item, BAR_PT[0], bold=True)
            self.addItem(item)
            self.texts.append(item)
        for i, item in enumerate(self.texts):
            if i < len(x):
                given = texts[i] if texts is not None else None
                item.setText(given if given is not None else self.value_fmt.format(v[i]))
                item.setPos(float(x[i]), float(heights[i]))
                item.show()
            else:
                item.hide()

    @Slot()
    def fit(self) -> None:
        """Size the value labels to the bars, leave them room above, and space the names."""
        if self._shown is None:
            return
        heights, floor, names = self._shown
        n = len(heights)
        vb = self.plotItem.getViewBox()
        per_bar = vb.width() / (n + 0.2) if n else vb.width()
        room = self._fit_texts(n, per_bar)  # pixels above a bar its label takes
        top = float(np.nanmax(heights)) if n else 1.0
        if self.log_y:
            top = max(float(np.ceil(top)), floor + 1)
        elif top <= 0:
            top = 1.0
        span = max(top - floor, 1e-12)
        high = top + 0.05 * span if room else floor + 1.2 * span
        h = vb.height()
        if room and h > room + 1:  # the tallest label's top at the view's top
            high = max(high, (float(np.nanmax(heights)) * h - floor * room) / (h - room))
        self.plotItem.setYRange(floor, high, padding=0)
        self._space_names(names, per_bar)

    def _fit_texts(self, n: int, per_bar: float) -> float:
        shown = [t for t in self.texts[:n] if t.isVisible()]
        if not shown:
            return 0.0
        upright = True
        for pt in BAR_PT if n > 4 else BAR_PT[:1] + BAR_PT:
            for item in shown:
                if getattr(item, "_dlab_pt", None) != pt:
                    look.set_font(item, pt, bold=True)
            widest = max(item.textItem.boundingRect().width() for item in shown)
            if widest <= per_bar:  # its blank margin may reach into the gap
                upright = False
                break
        for item in shown:  # upright: read from below, standing on its bar
            item.setAngle(90 if upright else 0)
            item.setAnchor((0.0, 0.5) if upright else (0.5, 1.0))
        size = [item.textItem.boundingRect() for item in shown]
        return max(r.width() if upright else r.height() for r in size) + 2

    def _space_names(self, names: list[str], per_bar: float) -> None:
        axis = self.plotItem.getAxis("bottom")
        metrics = axis.tick_metrics()
        need = max((metrics.horizontalAdvance(s) for s in names), default=0.0) \
            + TICK_GAP_LINES * metrics.height()
        rows = 1 if need <= per_bar else 2
        every = max(1, int(np.ceil(need / (rows * per_bar))))
        kept = [i for i in range(len(names)) if i % every == 0]
        ticks = [(float(i + 1), ("\n" if k % 2 and rows == 2 else "") + names[i])
                 for k, i in enumerate(kept)]
        axis.setTicks([ticks])

    def clear_data(self) -> None:
        self._shown = self._given = None
        self.bars.setOpts(x=[], y0=[], y1=[], height=None)
        for item in self.texts:
            item.hide()


class HeatStrip(LabelledPlot):
    """One row per layer, one column per value bin, colour = share of the layer's values
    in that bin (each row scaled to its own peak, so every layer's shape shows)."""

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg) -> None:
        super().__init__(title, xlabel, ylabel, interactive=False)
        self.image = pg.ImageItem()
        self.image.setLookupTable(pg.colormap.get("inferno").getLookupTable(nPts=256))
        self.addItem(self.image)
        self.rows = 0
        self._shown: tuple[np.ndarray, float, float] | None = None  # set_rows's arguments
        self.plotItem.getViewBox().sigResized.connect(self.number_rows)
        self.retranslate()

    def set_rows(self, rows: np.ndarray, lo: float, hi: float) -> None:
        """Rows shown already are left alone: the engine measures them a few times a
        second and sends the last ones with every frame (an image mapped and drawn anew)."""
        shown = self._shown
        if shown is not None and shown[1:] == (lo, hi) and np.array_equal(shown[0], rows):
            return
        self._shown = (np.array(rows), lo, hi)
        n = rows.shape[0]
        peak = rows.max(axis=1, keepdims=True)
        scaled = np.divide(rows, peak, out=np.zeros_like(rows), where=peak > 0)
        self.image.setImage(scaled.T, levels=(0.0, 1.0))  # col-major: image[x, y]
        self.image.setRect(pg.QtCore.QRectF(lo, 0.5, hi - lo, n))
        self.plotItem.setRange(xRange=(lo, hi), yRange=(0.5, n + 0.5), padding=0)
        if n != self.rows:
            self.rows = n
            self.number_rows()

    @Slot()
    def number_rows(self) -> None:
        """Number the rows, every one or every second, third ... as the height allows."""
        n = self.rows
        axis = self.plotItem.getAxis("left")
        line = axis.tick_metrics().height()
        per_row = self.plotItem.getViewBox().height() / max(n, 1)
        step = max(1, int(np.ceil((0.8 + TICK_GAP_LINES_V) * line / max(per_row, 1e-9))))
        ticks = [(float(k), str(k)) for k in range(1, n + 1, step)]
        axis.setTicks([ticks])

    def clear_data(self) -> None:
        self._shown = None
        self.image.clear()

def column_envelope(x: np.ndarray, q: np.ndarray, x0: float, x1: float,
                    width: float) -> tuple[np.ndarray, np.ndarray]:
    """Quantile bands (q: one row per x, columns 5, 25, 50, 75 and 95 %) with one row per
    pixel column of a view ``width`` pixels wide showing x0..x1: the lowest lower edges and
    the highest upper edges of the steps in it (the pixels the bands cover), the mean
    median, at the column's last x. A band's fill is made and painted through every point
    of both edges: 500 steps in a 280-pixel plot drew each point almost twice over."""
    n = len(x)
    if n < 2 or width < 1 or not x1 > x0 or n <= width:
        return x, q
    col = np.floor((np.asarray(x, dtype=np.float64) - x0) * (width / (x1 - x0)))
    starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]])
    if len(starts) == n:
        return x, q
    ends = np.r_[starts[1:], n] - 1
    out = np.empty((len(starts), q.shape[1]))
    out[:, :2] = np.minimum.reduceat(q[:, :2], starts, axis=0)
    out[:, 3:] = np.maximum.reduceat(q[:, 3:], starts, axis=0)
    out[:, 2] = np.add.reduceat(q[:, 2], starts) / (ends - starts + 1)
    return np.asarray(x)[ends], out


class QuantileBands(LabelledPlot):
    """A distribution over steps: the median as a line, the middle 50 % and the middle
    90 % as shaded bands. ``set_bands(x, q)`` takes q of shape (n, 5): quantiles 5, 25,
    50, 75 and 95 %."""

    def __init__(self, title: Msg | None, xlabel: Msg, ylabel: Msg, color: str) -> None:
        super().__init__(title, xlabel, ylabel, interactive=False, run_x=True)
        c = pg.mkColor(color)
        self.edges = [self.plotItem.plot([], [], pen=pg.mkPen(None)) for _ in range(4)]
        outer, inner = pg.mkColor(c), pg.mkColor(c)
        outer.setAlpha(55)
        inner.setAlpha(120)
        self.fills = [pg.FillBetweenItem(self.edges[0], self.edges[3], brush=outer),
                      pg.FillBetweenItem(self.edges[1], self.edges[2], brush=inner)]
        for f in self.fills:
            self.addItem(f)
        self.median = self.plotItem.plot([], [], pen=pen(color, 2.5))
        self.plotItem.showGrid(x=True, y=True, alpha=0.25)
        self._given: tuple[np.ndarray, np.ndarray] | None = None  # set_bands's x and q
        self.plotItem.getViewBox().sigResized.connect(self._draw_bands)
        self.retranslate()

    def set_bands(self, x: np.ndarray, q: np.ndarray) -> None:
        if len(x):
            self.reach_x(float(x[-1]))
        self._given = (x, q)
        self._draw_bands()

    @Slot()
    def _draw_bands(self) -> None:
        """The bands given, one point per pixel column (again when the plot is resized)."""
        if self._given is None:
            return
        view = self.plotItem.getViewBox()
        (x0, x1), _ = view.viewRange()
        x, q = column_envelope(*self._given, x0, x1, view.width())
        # A band's fill makes its path again whenever either edge changes: once, after
        # both edges (not twice a band, the first time with the other edge's old data).
        for item, col in zip(self.edges, (0, 1, 3, 4), strict=True):
            item.blockSignals(True)
            try:
                item.setData(x, q[:, col])
            finally:
                item.blockSignals(False)
        for fill in self.fills:
            fill.updatePath()
        self.median.setData(x, q[:, 2])

    def clear_data(self) -> None:
        self._given = None
        for item in [*self.edges, self.median]:
            item.setData([], [])
        for fill in self.fills:  # a FillBetweenItem keeps its last path for empty curves
            fill.setPath(pg.QtGui.QPainterPath())

class LayerCurves(CurvePlot):
    """One curve per layer over steps, coloured as ``layer_colors``; only layer 1 and the
    last layer are named in the legend (20 entries would hide the plot)."""

    def __init__(self, title: Msg, xlabel: Msg, ylabel: Msg, max_layers: int, *,
                 log_y: bool = False) -> None:
        super().__init__(title, xlabel, ylabel, log_y=log_y)
        colors = layer_colors(max_layers)
        self.curve("first", QT_TRANSLATE_NOOP("plots", "layer 1 (input side)"), colors[0],
                   width=3)
        # The layers between: one pixel wide, Qt's fast line (a wider one costs seven
        # times as much to paint, and a deep net has eighteen of them).
        self.mids = [self.plotItem.plot([], [], pen=pen(colors[0], 1.0))
                     for _ in range(max_layers - 2)]
        self.curve("last", QT_TRANSLATE_NOOP("plots", "last layer"), colors[-1], width=3)
        for item in self.mids:
            thin_to_pixels(item)
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 230))
        self._colored_for = 0  # the number of layers the pens are coloured for

    def key_html(self) -> str:
        """The legend as one line of text, for a label beside the plot: the curves of a
        deep net fill the whole plot, so a legend inside it always covers some."""
        first, last = layer_colors(2)[0], layer_colors(MAX_KEY)[-1]
        return (f"<span style='color:{first}; font-weight:bold'>━━</span>&nbsp;"
                f"{self.names['first'].text()}&nbsp;&nbsp;&nbsp;"
                f"<span style='color:{last}; font-weight:bold'>━━</span>&nbsp;"
                f"{self.names['last'].text()}")

    def set_layers(self, bufs: list[SeriesBuffer | None]) -> None:
        """bufs[k-1] is layer k's series; the curve colours follow the number of layers."""
        n = len(bufs)
        if n == 0:
            self.clear_data()
            return
        if n != self._colored_for:  # a new pen makes a curve again: only for a new depth
            self._colored_for = n
            colors = layer_colors(n)
            self.curves["first"].setPen(pen(colors[0], 3))
            self.curves["last"].setPen(pen(colors[-1], 3))
            for i, item in enumerate(self.mids):
                if i + 1 < n - 1:
                    item.setPen(pen(colors[i + 1], 1.0))
        self.set_series("first", bufs[0])
        self.set_series("last", bufs[-1])
        for i, item in enumerate(self.mids):
            buf = bufs[i + 1] if i + 1 < n - 1 else None
            if buf is None or buf.n == 0:
                shown, _ = item.getData()
                if shown is not None and len(shown):
                    item.setData([], [])  # only once: an empty setData draws it again too
                continue
            y = np.log10(np.maximum(np.abs(buf.y), LOG_FLOOR)) if self.log_y else buf.y
            set_line(item, buf.x, y)

    def clear_data(self) -> None:
        super().clear_data()
        for item in self.mids:
            item.setData([], [])
