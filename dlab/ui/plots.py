"""Plot widgets shared by the tabs. Items are made once and updated with setData/setImage."""

from __future__ import annotations

import functools

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.ViewBox.ViewBoxMenu import ViewBoxMenu
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QPainter, QPicture

from dlab.core.contours import contour_segments
from dlab.core.metrics import SeriesBuffer
from dlab.core.surfaces import Surface
from dlab.ui import first_paint, look
from dlab.ui.i18n import QT_TRANSLATE_NOOP, Msg
from dlab.ui.labels import key_html

pg.setConfigOptions(antialias=True, background="w", foreground="k", imageAxisOrder="col-major")

# Colour-blind-safe, projector-friendly (Okabe-Ito).
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#F0E442"]
LOG_FLOOR = 1e-30
# Small enough that every tab fits a 1024-pixel-wide projector with its parameter panel.
MIN_PLOT_W, MIN_PLOT_H = 140, 150
# Past this many points a line is drawn without antialiasing: antialiased strokes are most
# of a frame's painting (sigmoid's frame: 37 ms of CPU with, 19 ms without, measured by
# benchmarks/frame_cost.py), and among hundreds of points their steps are not seen.
AA_MAX_POINTS = 300
# An auto range that would move an axis's ends by less than this is not applied (see
# LazyMenuViewBox.setRange).
AUTO_RANGE_SLACK_PX = 0.5
# Legends go to the corner of the view where they cover least of the curves.
LEGEND_MARGIN = 8  # px between a legend and the view's edge
# Corners as (x, y) fractions of the legend and of the view: top right first (the default).
CORNERS = ((1.0, 0.0), (0.0, 0.0), (1.0, 1.0), (0.0, 1.0))


def covered_columns(lines: list[tuple[np.ndarray, np.ndarray]],
                    box: tuple[float, float, float, float]) -> int:
    """How many pixel columns of ``box`` (x0, y0, x1, y1, in the view's pixels) each line
    crosses, summed over the lines (each given by its points in the view's pixels, x
    increasing). A column counts when the line's span in it (its points there, and the
    line between its neighbours) reaches into the box."""
    x0, y0, x1, y1 = box
    cols = np.arange(np.floor(x0), np.ceil(x1)) + 0.5
    if not len(cols):
        return 0
    total = 0
    for px, py in lines:
        ok = np.isfinite(px) & np.isfinite(py)
        px, py = px[ok], py[ok]
        if not len(px) or px[-1] < x0 or px[0] > x1:
            continue
        inside = (cols >= px[0]) & (cols <= px[-1])
        lo = np.interp(cols, px, py)  # the line where it passes each column
        hi = lo.copy()
        at = np.flatnonzero((px >= cols[0] - 0.5) & (px < cols[-1] + 0.5))
        if len(at):  # a noisy line's points reach further than the line between columns
            k = (px[at] - (cols[0] - 0.5)).astype(int)
            np.minimum.at(lo, k, py[at])
            np.maximum.at(hi, k, py[at])
            inside[k] = True
        total += int(np.count_nonzero(inside & (hi >= y0) & (lo <= y1)))
    return total


def set_line(item: pg.PlotDataItem, x: np.ndarray, y: np.ndarray) -> None:
    """``item.setData(x, y)`` for a line that grows with the run (see AA_MAX_POINTS)."""
    smooth = len(x) <= AA_MAX_POINTS
    if item.opts.get("antialias") != smooth:
        item.setData(x, y, antialias=smooth)  # a style change: handed on to the curve
    else:
        item.setData(x, y)


@functools.cache
def brush(color: str) -> pg.QtGui.QBrush:
    """One brush per colour, shared. A scatter plot keys its symbols' images by the brush
    object: a new brush at every frame renders every symbol again (and grows its atlas)."""
    return pg.mkBrush(color)


def thin_to_pixels(item: pg.PlotDataItem) -> None:
    """Draw a line over steps with at most two points per pixel column: the lowest and
    the highest of the steps that fall in it (pyqtgraph's "peak" downsampling, which by
    default keeps ten a pixel), and only the part in view. A curve of 2000 steps in a
    300-pixel plot is then 600 points: the same pixels at a third of the cost of painting
    (wide pens cost about a microsecond a point)."""
    item.setClipToView(True)
    item.opts["autoDownsampleFactor"] = 1.0
    item.setDownsampling(auto=True, method="peak")
    shown_bounds = item.dataBounds

    def data_bounds(ax: int, frac: float = 1.0,
                    orthoRange: tuple[float, float] | None = None) -> tuple:  # noqa: N803
        # The view fits its range to the whole line, not to the part drawn: pyqtgraph's
        # bounds are those of the clipped, thinned points, which depend on the range, and
        # the range then went back and forth between two values, a paint each time (up to
        # eight paints of one plot in a frame).
        rect = item.dataRect() if frac >= 1.0 and orthoRange is None else None
        if rect is None:
            return shown_bounds(ax, frac, orthoRange)
        return (rect.left(), rect.right()) if ax == 0 else (rect.top(), rect.bottom())

    item.dataBounds = data_bounds


# A run's planned x: the same room beyond its ends as pyqtgraph's auto range leaves (a dot
# at the first or the last step is drawn whole), and how far it grows when curves go past.
RUN_X_PADDING = 0.02
RUN_X_GROWTH = 0.1

# Axis words every topic uses: translated once, in the shared context "plots".
STEP = QT_TRANSLATE_NOOP("plots", "step")
LOSS = QT_TRANSLATE_NOOP("plots", "loss")
TRAINING_LOSS = QT_TRANSLATE_NOOP("plots", "Training loss")
CROSS_ENTROPY = QT_TRANSLATE_NOOP("plots", "cross-entropy")


# The least room between two tick labels, in lines of their text: side by side (about
# two digits' width), and one above the other (a little more than a line's leading).
TICK_GAP_LINES = 0.6
TICK_GAP_LINES_V = 0.3
NICE = (1.0, 2.0, 2.5, 5.0)  # major tick spacings, times a power of ten


def next_nice(spacing: float) -> float:
    """The next larger of 1, 2, 2.5, 5 times a power of ten."""
    p10 = 10.0 ** np.floor(np.log10(spacing) + 1e-9)
    for m in (*NICE[1:], 10.0):
        if m * p10 > spacing * (1 + 1e-9):
            return m * p10
    return 10.0 * p10


def spread_out(spans: list[tuple[float, float]], lo: float, hi: float,
               gap: float) -> list[tuple[float, float]] | None:
    """Label spans along an axis (start, end, in order), each pushed inside lo..hi; None
    when two of them then come closer than ``gap``."""
    out = []
    for a, b in spans:
        shift = max(0.0, lo - a) - max(0.0, b - hi)
        a, b = a + shift, b + shift
        if out and a - out[-1][1] < gap:
            return None
        out.append((a, b))
    return out


class Axis(pg.AxisItem):
    """pyqtgraph's axis, made to read on a small plot and a projector:

    * tick labels never crowd: the major spacing grows (1, 2, 2.5, 5 × 10ⁿ) until the
      labels are at least TICK_GAP_LINES apart, and only the major ticks are labelled
      (pyqtgraph labels minor ticks too where its rough fill ratio allows, and places
      major ones by the axis's length alone: "200400" under a narrow plot);
    * a label at an end is moved inside the axis instead of hidden (a 300-epoch axis read
      0, 100, 200 and stopped);
    * a title longer than its axis wraps onto a second line instead of running past the
      plot's edge;
    * its title's HTML is set only when it differs from what is shown (pyqtgraph sets it
      at every change of the view's range: a rich-text layout each time, the largest part
      of building a plot and a cost of every frame that moves an axis)."""

    _shown_html: str | None = None
    _every_label = False

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.style["maxTextLevel"] = 0

    def _updateLabel(self) -> None:  # noqa: N802 (pyqtgraph's name)
        html = self.labelString()
        if html != self._shown_html:
            self._shown_html = html
            self.label.setHtml(html)
            self.fit_label()
        self._adjustSize()
        self.picture = None
        self.update()

    def setTicks(self, ticks) -> None:  # noqa: N802, ANN001 (pyqtgraph's name)
        """pyqtgraph's, skipped for the ticks already shown: it draws the axis anew each
        time (Sigmoid's bars gave the same layer names at every frame)."""
        if ticks is not None and ticks == self._tickLevels:
            return
        super().setTicks(ticks)

    def resizeEvent(self, ev=None) -> None:  # noqa: N802, ANN001 (pyqtgraph's name)
        if self.label is not None and self.fit_label():
            self._adjustSize()
        super().resizeEvent(ev)

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        if self._every_label:  # pyqtgraph drops the labels outside it: none here
            return QRectF(-1e6, -1e6, 2e6, 2e6)
        # The labels at a vertical axis's ends reach past it by up to end_room (the
        # axis is cached as a pixmap of this rectangle: anything outside is cut off).
        room = self.end_room()
        return super().boundingRect().united(
            self.mapRectFromParent(self.geometry()).adjusted(0, -room, 0, room))

    def end_room(self) -> float:
        """How far a label may reach past the axis's ends: half a line on a vertical axis
        (its ends have the title and the corner beside them), none on a horizontal one
        (the plot's edge, or the axis beside it)."""
        return 0.5 * self.tick_metrics().height() if self.vertical() else 0.0

    def vertical(self) -> bool:
        return self.orientation in ("left", "right")

    def fit_label(self) -> bool:
        """Wrap the title (centred lines) where it is longer than the plot leaves it: it is
        centred on the axis and may reach past the axis's ends into the plot's corners,
        not past the plot. True if its lines changed."""
        item, plot = self.label, self.parentItem()
        if plot is None:
            return False
        outer, geo = plot.rect(), self.geometry()
        if self.vertical():
            mid, lo, hi = geo.center().y(), outer.top(), outer.bottom()
        else:
            mid, lo, hi = geo.center().x(), outer.left(), outer.right()
        length = 2 * min(mid - lo, hi - mid) - 4
        before = item.boundingRect().height()
        item.setTextWidth(-1)
        if length > 40 and item.boundingRect().width() > length:
            item.setTextWidth(length)
            item.document().setDefaultTextOption(
                pg.QtGui.QTextOption(pg.QtCore.Qt.AlignmentFlag.AlignCenter))
        return item.boundingRect().height() != before

    def _updateWidth(self) -> None:  # noqa: N802 (pyqtgraph's name)
        super()._updateWidth()
        self._room_for_wrapped_label()

    def _updateHeight(self) -> None:  # noqa: N802 (pyqtgraph's name)
        super()._updateHeight()
        self._room_for_wrapped_label()

    def _room_for_wrapped_label(self) -> None:
        """pyqtgraph gives a title 0.8 of its height (its box's margins are blank) and
        moves it 5 px outwards: enough for one line, not for two."""
        if self.fixedWidth is not None or not self.isVisible() or not self.label.isVisible():
            return
        extra = 0.2 * self.label.boundingRect().height() - 5
        if extra > 0:
            if self.vertical():
                w = self.minimumWidth() + extra
                self.setMinimumWidth(w)
                self.setMaximumWidth(w)
            else:
                h = self.minimumHeight() + extra
                self.setMinimumHeight(h)
                self.setMaximumHeight(h)

    def tick_metrics(self) -> pg.QtGui.QFontMetricsF:
        return pg.QtGui.QFontMetricsF(self.style["tickFont"] or pg.QtGui.QFont())

    def tickSpacing(self, minVal: float, maxVal: float, size: float) -> list:  # noqa: N802, N803
        levels = super().tickSpacing(minVal, maxVal, size)
        if self._tickSpacing is not None or not levels or size <= 0 or maxVal <= minVal:
            return levels
        major = spacing = levels[0][0]
        if self.logMode and spacing < 1:
            return levels  # no whole decades: LabelledPlot thins the 1-2-5 labels
        while not self.labels_fit(minVal, maxVal, size, spacing):
            spacing = next_nice(spacing)
        if spacing == major:
            return levels
        return [(spacing, 0), (spacing / (4 if spacing / major % 1 else 5), 0)]

    def labels_fit(self, lo: float, hi: float, size: float, spacing: float) -> bool:
        """Whether the labels at multiples of ``spacing`` (in lo..hi, drawn on ``size``
        pixels) keep their distance, end ones moved inside."""
        metrics = self.tick_metrics()
        gap = (TICK_GAP_LINES_V if self.vertical() else TICK_GAP_LINES) * metrics.height()
        values = np.arange(np.ceil(lo / spacing), np.floor(hi / spacing) + 1) * spacing
        if len(values) < 2:
            return True
        if len(values) > size:
            return False
        px = (values - lo) * (size / (hi - lo))
        if self.vertical():
            half = 0.4 * metrics.height()  # pyqtgraph counts 0.8 of a line
            return bool(np.all(np.diff(px) >= 2 * half + gap))
        strings = self.tickStrings(list(values / self.scale), self.autoSIPrefixScale * self.scale,
                                   spacing / self.scale)
        widths = [metrics.horizontalAdvance(s) for s in strings]
        spans = [(x - w / 2, x + w / 2) for x, w in zip(px, widths, strict=True)]
        return spread_out(spans, 0.0, size, gap) is not None

    def generateDrawSpecs(self, p):  # noqa: N802, ANN001, ANN201 (pyqtgraph's names)
        """pyqtgraph's, with every label kept (it hides those reaching past the axis's
        ends) and then moved inside: by half a line at most on a vertical axis, whose
        ends have room beside them, and wholly inside a horizontal one."""
        self._every_label = True
        try:
            specs = super().generateDrawSpecs(p)
        finally:
            self._every_label = False
        if specs is None:
            return None
        axis_spec, tick_specs, text_specs = specs
        bounds = self.mapRectFromParent(self.geometry())
        room = self.end_room()
        if self.vertical():
            lo, hi = bounds.top() - room, bounds.bottom() + room
        else:
            lo, hi = bounds.left(), bounds.right()
            # pyqtgraph reserves 0.8 of a label's lines; a name put on a second row
            # (BarChart) needs its last line whole, or the axis title covers it
            rows = max((text.count("\n") + 1 for _, _, text in text_specs), default=1)
            if rows > 1:
                self._updateMaxTextSize((rows - 0.2) * self.tick_metrics().height())
        placed = []
        for rect, flags, text in text_specs:
            a, b = (rect.top(), rect.bottom()) if self.vertical() else (rect.left(), rect.right())
            shift = max(0.0, lo - a) - max(0.0, b - hi)
            if b - a > hi - lo:
                continue  # longer than the axis: no room anywhere
            placed.append((rect.translated(*((0, shift) if self.vertical() else (shift, 0))),
                           flags, text))
        return axis_spec, tick_specs, placed

    def prepare(self) -> bool:
        """Lay out the ticks now if they changed (pyqtgraph does it in the paint, where a
        wider label then changes the plot's layout and asks for a second paint). True
        when it was done."""
        if self.picture is not None or not self.isVisible():
            return False
        picture = QPicture()
        painter = QPainter(picture)
        try:
            if self.style["tickFont"]:
                painter.setFont(self.style["tickFont"])
            specs = self.generateDrawSpecs(painter)
            if specs is not None:
                self.drawPicture(painter, *specs)
        finally:
            painter.end()
        self.picture = picture
        return True


def axes() -> dict[str, Axis]:
    return {side: Axis(side) for side in ("left", "bottom", "right", "top")}


class LazyMenuViewBox(pg.ViewBox):
    """A ViewBox whose right-click menu is made when it is first asked for: making it is
    a third of a plot's construction, and most plots' menus are never opened (the window
    builds its first tab's plots before its first paint)."""

    def __init__(self, **kwargs) -> None:  # noqa: ANN003 (ViewBox's keywords)
        super().__init__(enableMenu=False, **kwargs)
        self.state["enableMenu"] = True  # offered; made by getMenu

    def _applyMenuEnabled(self) -> None:  # noqa: N802 (pyqtgraph's name)
        if not self.menuEnabled() and self.menu is not None:
            super()._applyMenuEnabled()  # drops the menu

    def getMenu(self, ev=None):  # noqa: N802, ANN001, ANN201 (pyqtgraph's names)
        if self.menu is None and self.menuEnabled():
            self.menu = ViewBoxMenu(self)
            self.updateViewLists()
        return self.menu

    def getContextMenus(self, event):  # noqa: N802, ANN001, ANN201
        menu = self.getMenu(event)
        return menu.actions() if menu is not None else []

    def setRange(self, rect=None, xRange=None, yRange=None, *args, **kwargs):  # noqa: N802, N803, ANN001, ANN002, ANN003, ANN201 (pyqtgraph's names)
        """pyqtgraph's; an auto range (fitted to the data) that would move each end of an
        axis by less than AUTO_RANGE_SLACK_PX is not applied to that axis. A loss curve's
        lowest point creeps down at most frames: its range moved by a fraction of a pixel,
        and the axis was laid out and drawn again for it (about 1 ms a plot a frame). The
        curves stay within that slack of where the exact range draws them, and inside the
        view: an auto range pads the data by more than a pixel."""
        if self._updatingRange and rect is None:
            xRange, yRange = self._moved(0, xRange), self._moved(1, yRange)
            if xRange is None and yRange is None:
                return None
        return super().setRange(rect, xRange, yRange, *args, **kwargs)

    def _moved(self, ax: int, new: tuple[float, float] | None) -> tuple[float, float] | None:
        """``new``, or None if it is within the slack of the range shown on axis ``ax``."""
        size = self.width() if ax == 0 else self.height()
        if new is None or size < 1:
            return new
        lo, hi = self.viewRange()[ax]
        slack = AUTO_RANGE_SLACK_PX * (hi - lo) / size
        if abs(new[0] - lo) < slack and abs(new[1] - hi) < slack:
            return None
        return new


class PlotBase(pg.PlotWidget):
    """Every dlab plot. The base tab finds them (findChildren): it paints them at once
    after a frame while the worker waits (TopicTab._paint_now), retranslates them when
    the language changes and clears them when a run is forgotten."""

    def __init__(self, view_box: pg.ViewBox | None = None) -> None:
        super().__init__(viewBox=view_box or LazyMenuViewBox(), axisItems=axes())
        for side in ("right", "top"):  # given, so pyqtgraph shows them: hidden as usual
            self.plotItem.hideAxis(side)
        # A click on a plot takes the focus from a text field, so Space runs again.
        self.setFocusPolicy(pg.QtCore.Qt.FocusPolicy.ClickFocus)
        self.hints: list = []  # EmptyHints over this plot (stat_plots), shown while empty
        # Axis labels widen as the data's range changes (at paint time): then the item
        # grows past the widget, and the title wraps again to bring it back.
        self.plotItem.geometryChanged.connect(self.keep_inside)
        # An axis is a QPicture of lines and text, played back at every paint of its plot:
        # 0.5 to 1 ms each, though most frames change only the curves. Cached as a pixmap,
        # it is drawn again only when its range, ticks or size change.
        for axis in self.plotItem.axes.values():
            axis["item"].setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def settle(self) -> None:
        """Work out now what pyqtgraph works out as the plot's paint begins, so that the
        paint changes nothing and is the frame's only one: the new ranges, the axes' ticks
        (a wider tick label widens its axis) and the layout that follows from them."""
        for _ in range(3):
            self.scene().prepareForPaint()
            if not any([axis["item"].prepare() for axis in self.plotItem.axes.values()
                        if isinstance(axis["item"], Axis)]):
                return
            QCoreApplication.sendPostedEvents(self.plotItem, QEvent.Type.LayoutRequest)

    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        # The title first: the plot item is then laid out to the new width with the
        # title's new minimum. The other way round, a title that wrapped only now keeps
        # the item at its old width, and the plot's right part is cut off.
        self.fit_title()
        super().resizeEvent(event)

    def set_title(self, text: str, pt: float = 12) -> None:
        """A title that changes with what is shown (a digit, a clicked point): in the
        current look, and wrapped to fit the plot (a longer one was cut off at 1024 px)."""
        self.title_pt = pt  # kept for a change of look (dlab.ui.look.style_plot)
        label = self.plotItem.titleLabel
        size = look.title_size(pt)
        if label.text == text and label.opts.get("size") == size and label.isVisible():
            return  # unchanged: no new layout at every frame
        self.plotItem.setTitle(text, size=size)
        self.fit_title()

    def fit_title(self) -> None:
        """A title wider than its room wraps onto more lines instead of widening the plot
        item past the widget, which cuts off the plot's right part (a 1024-pixel
        projector, a long Korean title). The title's room is the width beside the axes:
        it sits over the view box only."""
        plot_item = getattr(self, "plotItem", None)  # None while pyqtgraph builds it
        label = plot_item.titleLabel if plot_item is not None else None
        if label is None or not label.isVisible() or not label.text:
            return
        layout = plot_item.layout
        left, _, right, _ = layout.getContentsMargins()
        axes = sum(axis.width() for axis in (plot_item.getAxis("left"),
                                             plot_item.getAxis("right")) if axis.isVisible())
        room = max(60.0, self.width() - axes - left - right
                   - 2 * layout.horizontalSpacing() - 4.0)
        item = label.item
        item.setTextWidth(-1)
        # A set width, even its own, lets the lines of a title over a key be centred.
        item.setTextWidth(min(item.boundingRect().width(), room))
        # pyqtgraph gives the title row and label a fixed 30 px, and places the text only
        # when the label's size changes: a wrapped title (or one that no longer wraps)
        # needs its lines and its text centred again, or it is cut off at the top.
        height = max(30.0, item.boundingRect().height())
        layout.setRowFixedHeight(0, height)
        label.setMaximumHeight(height)
        label.resizeEvent(None)  # centre the text in the label (sets its minimum size too)

    @Slot()
    def keep_inside(self) -> None:
        """Wrap the title again if the plot item grew wider than the widget since the
        last fit."""
        plot_item = getattr(self, "plotItem", None)
        if plot_item is None:
            return
        if max(plot_item.minimumWidth(), plot_item.geometry().width()) > self.width() + 0.5:
            self.fit_title()
            plot_item.setGeometry(QRectF(0, 0, self.width(), self.height()))

    def clear_data(self) -> None:
        """Forget the drawn run; the base tab shows the hints again."""

    def retranslate(self) -> None:
        """Set every text of the plot in the current language."""
        for hint in self.hints:
            hint.retranslate()


def log_tick_labels(values: list[float], scale: float, _spacing: float) -> list[str]:
    """Labels of a log axis's ticks (log10 values) in plain characters: 0.01, 1, 2000,
    then 1e4, 5e-5 beyond. pyqtgraph writes 10⁴ with superscripts, and the bundled font
    draws some of them wrongly (10⁴ came out as 10')."""
    labels = []
    for v in values:
        x = 10.0 ** float(v) * scale
        if 1e-3 <= abs(x) < 1e4:
            labels.append(f"{x:.4g}")
        else:
            mantissa, exponent = f"{x:.1e}".split("e")
            labels.append(f"{float(mantissa):g}e{int(exponent)}")
    return labels


# Which log ticks between decades are labelled first: 1 (a decade), then 5 and 2, then 3.
LOG_RANK = {1: 0, 10: 0, 2: 1, 5: 1, 3: 2}


def apart(values: list[float], per_decade: float, need: float) -> list[float]:
    """Of log10 tick values, those whose labels stay ``need`` pixels apart (a decade is
    ``per_decade`` pixels), taken by LOG_RANK, then from the bottom."""
    kept: list[float] = []
    for v in sorted(values, key=lambda v: (LOG_RANK.get(round(10 ** (v % 1)), 3), v)):
        if all(abs(v - k) * per_decade >= need for k in kept):
            kept.append(v)
    return sorted(kept)


def pen(color: str, width: float = 2.5, dashed: bool = False) -> pg.QtGui.QPen:
    p = pg.mkPen(color=color, width=width)
    if dashed:
        p.setStyle(pg.QtCore.Qt.PenStyle.DashLine)
    return p


class LabelledPlot(PlotBase):
    """A plot with a translated title and axis labels: the part every chart shares.

    ``log_y`` only switches the left axis to 10^n ticks; subclasses feed it log10 values
    (pyqtgraph's own log mode warns on zeros, which would break the strict tests).
    ``interactive=False`` turns off mouse zoom and the context menu; ``view_box`` gives
    the plot a ViewBox of its own (one that handles the mouse differently).

    ``run_x``: x counts the run's steps (or epochs). The base tab then shows x from the
    start to the run's planned end (``plan_x``) as soon as the run says how long it will
    be: the curves grow into a fixed axis, like a progress bar, and the axis is neither
    laid out nor drawn again while they do (a range that grew with every frame cost each
    plot its x axis's ticks, picture and layout at every frame). It only ever grows: to a
    longer plan, a longer ghost, or curves that go past the end (``reach_x``)."""

    x_first = 0.0  # where a run's x starts (a log axis: at 1)

    def __init__(self, title: Msg | None, xlabel: Msg, ylabel: Msg, *, log_y: bool = False,
                 interactive: bool = True, view_box: pg.ViewBox | None = None,
                 run_x: bool = False) -> None:
        super().__init__(view_box)
        self.title, self.xlabel, self.ylabel = title, xlabel, ylabel  # None: set by the tab
        self.log_y = log_y
        self.run_x = run_x
        self.x_end: float | None = None  # the end of x shown (data units); None: not planned
        self._x_far = self.x_first  # how far the curves reach while there is no plan
        for axis in ("left", "bottom"):
            self.plotItem.getAxis(axis).enableAutoSIPrefix(False)
        if log_y:
            axis = self.plotItem.getAxis("left")
            axis.setLogMode(True)
            every = axis.logTickValues

            def one_two_five(lo: float, hi: float, size: float, std: list) -> list:
                """Ticks between whole decades: at 1, 2 and 5 under labelled decades;
                where they are the labelled ticks, as many of 1, 5 and 2, 3, then the
                rest, as keep their labels apart (pyqtgraph's 2, 3, ... 9 ran into each
                other on a short plot spanning a decade, and 1-2-5 alone left a long axis
                spanning less than one with a single number)."""
                levels = every(lo, hi, size, std)
                if levels and levels[0][0] is None:
                    need = (0.8 + TICK_GAP_LINES_V) * axis.tick_metrics().height()
                    return [(None, apart(levels[0][1], size / max(hi - lo, 1e-9), need)),
                            *levels[1:]]
                return [(spacing, [v for v in values
                                   if spacing is not None or round(10 ** (v % 1)) in (1, 2, 5)])
                        for spacing, values in levels]

            axis.logTickValues = one_two_five
            axis.logTickStrings = log_tick_labels
        if not interactive:
            self.plotItem.setMenuEnabled(False)
            self.plotItem.getViewBox().setMouseEnabled(False, False)
        self.setMinimumSize(MIN_PLOT_W, MIN_PLOT_H)

    def view_x(self, x: float) -> float:
        """Where a data x is drawn (a log axis draws log10 x)."""
        return x

    def data_x(self, x: float) -> float:
        """The data x drawn at ``x`` (view_x's inverse)."""
        return x

    def plan_x(self, end: float) -> None:
        """Show x from ``x_first`` to ``end``, the run's planned end (data units), or to
        what is drawn already if that reaches further (a ghost). An end before the one
        shown leaves it: within a run the axis never shrinks."""
        end = max(float(end), self._x_far)
        if not end > self.x_first or (self.x_end is not None and end <= self.x_end):
            return
        self.x_end = end
        self.plotItem.setXRange(self.view_x(self.x_first), self.view_x(end),
                                padding=RUN_X_PADDING)

    def reach_x(self, x: float, *, whole: bool = False) -> None:
        """The curves now reach ``x`` (data units). Past the planned end the axis grows:
        to ``x`` for a curve drawn ``whole`` (a ghost), else a tenth of the span further,
        so that curves running on past their plan grow it now and then, not every frame."""
        end = self.x_end
        if end is None:  # no plan yet: x follows the data, and the plan will cover it
            self._x_far = max(self._x_far, x)
        elif x > end:
            self.plan_x(x if whole else max(x, end + RUN_X_GROWTH * (end - self.x_first)))

    def forget_x(self) -> None:
        """No planned end (a new run, Reset): x follows the data again until the next plan."""
        self._x_far = self.x_first
        if self.x_end is not None:
            self.x_end = None
            self.plotItem.enableAutoRange(x=True)

    def retranslate(self) -> None:
        super().retranslate()
        if self.title is not None:
            self.plotItem.setTitle(self.title.text(), size=look.title_size())
        self.plotItem.setLabel("bottom", self.xlabel.text())
        self.plotItem.setLabel("left", self.ylabel.text())


class CurvePlot(LabelledPlot):
    """Named curves over steps; with ``log_y`` the values are drawn as log10."""

    def __init__(self, title: Msg | None, xlabel: Msg, ylabel: Msg, *,
                 log_y: bool = False, key_in_title: bool = False, run_x: bool = True) -> None:
        super().__init__(title, xlabel, ylabel, log_y=log_y, run_x=run_x)
        # key_in_title: the legend's entries as a line under the title, outside the view,
        # for curves that leave no corner free (a noisy loss over the whole width).
        self.key_in_title = key_in_title
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.names: dict[str, Msg] = {}
        self.legend = self.plotItem.addLegend(offset=(-10, 10), labelTextSize="10pt")
        # Where the curves are not: placed before each paint that follows a change.
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        self.legend_corner = CORNERS[0]
        self._legend_due = True
        self.scene().sigPrepareForPaint.connect(self._before_paint)
        self.legend.setVisible(not key_in_title)
        # No grid: its lines are repainted with every update and cost more than the curves.
        self._shown: dict[str, tuple[int, float]] = {}  # what each curve last drew
        self._symbols: dict[str, str | None] = {}  # each curve's own symbol
        self.ghosts: dict[str, pg.PlotDataItem] = {}  # made when a ghost is first shown
        self.retranslate()

    def curve(self, key: str, name: Msg, color: str, *, width: float = 2.5,
              dashed: bool = False, symbol: str | None = None,
              dense: bool = False) -> pg.PlotDataItem:
        """``dense``: one point per step; drawn thin, because painting wide antialiased
        polylines of thousands of points holds the GIL long enough to slow training."""
        if dense:
            width = 1.0  # a cosmetic 1-px pen: the raster engine's fast path
        item = self.plotItem.plot([], [], pen=pen(color, width, dashed), name=name.text(),
                                  symbol=symbol, symbolSize=6, symbolBrush=color,
                                  symbolPen=None)
        thin_to_pixels(item)
        self.curves[key] = item
        self.names[key] = name
        self._symbols[key] = symbol
        self.show_key()
        return item

    def set_xy(self, key: str, x: np.ndarray, y: np.ndarray) -> None:
        """Draw curve ``key`` through (x, y), x in the data's units, increasing."""
        mark = (len(x), float(y[-1]) if len(y) else 0.0)
        if self._shown.get(key) == mark:
            return  # nothing new: skip the repaint
        self._shown[key] = mark
        if len(x):
            self.reach_x(float(x[-1]))
            x = self.view_x(x)
        if self.log_y:
            y = np.log10(np.maximum(np.abs(y), LOG_FLOOR))
        self._legend_due = True
        item = self.curves[key]
        # A lone point (a run that diverged at its second step) draws no line: mark it.
        symbol = "o" if len(x) == 1 else self._symbols[key]
        if item.opts.get("symbol") != symbol:
            item.setSymbol(symbol)
        set_line(item, x, y)

    def set_series(self, key: str, buf: SeriesBuffer | None) -> None:
        if buf is None or buf.n == 0:
            if self._shown.pop(key, None) is not None:
                self.curves[key].setData([], [])
        else:
            self.set_xy(key, buf.x, buf.y)

    def clear_data(self) -> None:
        self._shown.clear()
        for item in self.curves.values():
            item.setData([], [])
        self._legend_due = True

    # --- the legend: in the corner where it covers least of the curves -------------------
    def resizeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        super().resizeEvent(event)
        self._legend_due = True

    @Slot()
    def _before_paint(self) -> None:
        """After the view box has fitted its range to the new data (it paints first)."""
        if self._legend_due:
            self._legend_due = False
            self.place_legend()

    def place_legend(self) -> None:
        """Move the legend to the corner of the view where it covers the fewest pixel
        columns of the curves. It stays put unless another corner covers clearly less: a
        legend jumping about at every frame would be worse than one over a few points."""
        legend, vb = self.legend, self.plotItem.getViewBox()
        w, h = vb.width(), vb.height()
        if not legend.isVisible() or not legend.items or w < 1 or h < 1:
            return
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        lines = []
        for item in self.plotItem.listDataItems():
            if not isinstance(item, pg.PlotDataItem) or not item.isVisible():
                continue
            x, y = item.getData()
            if x is None or not len(x):
                continue
            px = (np.asarray(x, dtype=np.float64) - vx0) * (w / (vx1 - vx0))
            py = (vy1 - np.asarray(y, dtype=np.float64)) * (h / (vy1 - vy0))
            if len(px) > 1 and np.any(np.diff(px) < 0):
                order = np.argsort(px, kind="stable")
                px, py = px[order], py[order]
            lines.append((px, py))
        size = legend.boundingRect()

        def box(corner: tuple[float, float]) -> tuple[float, float, float, float]:
            x0 = LEGEND_MARGIN + corner[0] * (w - size.width() - 2 * LEGEND_MARGIN)
            y0 = LEGEND_MARGIN + corner[1] * (h - size.height() - 2 * LEGEND_MARGIN)
            return x0, y0, x0 + size.width(), y0 + size.height()

        cover = {corner: covered_columns(lines, box(corner)) for corner in CORNERS}
        best = min(CORNERS, key=cover.__getitem__)  # a tie: the first, top right
        if cover[best] + 2 < cover[self.legend_corner] or (
                cover[best] == 0 < cover[self.legend_corner]):
            self.set_legend_corner(best)

    def set_legend_corner(self, corner: tuple[float, float]) -> None:
        self.legend_corner = corner
        offset = tuple(-LEGEND_MARGIN if c else LEGEND_MARGIN for c in corner)
        self.legend.anchor(itemPos=corner, parentPos=corner, offset=offset)

    def retranslate(self) -> None:
        super().retranslate()
        for key, item in self.curves.items():
            label = self.legend.getLabel(item)
            if label is not None:
                label.setText(self.names[key].text())
        self.show_key()

    def show_key(self) -> None:
        """With key_in_title: the title, and under it the legend's entries as one line
        (wrapped between entries where the plot is narrow)."""
        if not self.key_in_title:
            return
        entries = []
        for sample, label in self.legend.items:
            item = sample.item
            line = pg.mkPen(item.opts["pen"])
            dashed = line.style() != pg.QtCore.Qt.PenStyle.SolidLine
            mark = "●" if item.opts.get("symbol") else ""
            symbol = mark if line.style() == pg.QtCore.Qt.PenStyle.NoPen else (
                "╍╍" if dashed else f"━{mark}━" if mark else "━━")
            entries.append((symbol, line.color().name(), label.text))
        title = self.title.text() if self.title is not None else ""
        key = (f"<span style='font-size:{look.px_for_pt(10)}px'>{key_html(entries)}</span>"
               if entries else "")
        self.plotItem.setTitle(  # centred, every line (a wrapped key too)
            "<div align='center'>" + "<br>".join(t for t in (title, key) if t) + "</div>",
            size=look.title_size())
        self.fit_title()

    def changeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:  # presentation mode or a zoom
            self.show_key()

    # --- ghost runs: a past run's curves, faded, under the live ones -----------------------
    def snapshot(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """The named curves as drawn now (copies), for a ghost later."""
        out = {}
        for key, item in self.curves.items():
            x, y = item.getOriginalDataset()
            if x is not None and len(x):
                out[key] = (np.array(x, copy=True), np.array(y, copy=True))
        return out

    def show_ghost(self, data: dict[str, tuple[np.ndarray, np.ndarray]] | None,
                   label: str = "") -> None:
        """Draw ``data`` (a snapshot) faded and dashed under the live curves, named
        ``label`` in the legend; None removes the ghost."""
        ghosts = self.ghosts
        for key in data or {}:
            if key not in ghosts and key in self.curves:
                colour = pg.mkColor(self.curves[key].opts["pen"].color())
                colour.setAlpha(110)
                ghost = self.plotItem.plot([], [], pen=pg.mkPen(
                    colour, width=2.0, style=pg.QtCore.Qt.PenStyle.DashLine))
                ghost.setZValue(-5)
                self.legend.removeItem(ghost)
                ghosts[key] = ghost
        for key, ghost in ghosts.items():
            x, y = (data or {}).get(key, ([], []))
            ghost.setData(x, y)
            if len(x):  # drawn x: back to the data's units
                self.reach_x(float(self.data_x(np.max(x))), whole=True)
        shown = [ghosts[k] for k in (data or {}) if k in ghosts]
        for ghost in ghosts.values():
            self.legend.removeItem(ghost)
        if shown and label:
            self.legend.addItem(shown[0], label)
        self._legend_due = True
        self.show_key()


def distinct_cells(x: np.ndarray, y: np.ndarray, cell_w: float, cell_h: float) -> np.ndarray:
    """Which points of a walked path to draw: the first, the last, and each one that
    leaves the (cell_w × cell_h) cell of the point before it. With half-pixel cells the
    line passes within a pixel of every point left out, and a path that converges (most
    of a long run, steps far below a pixel) costs the points it shows, not the steps it
    took (a wide pen costs about a microsecond a point)."""
    n = len(x)
    if n < 3 or not (cell_w > 0 and cell_h > 0):
        return np.arange(n)
    cx, cy = np.floor(np.asarray(x) / cell_w), np.floor(np.asarray(y) / cell_h)
    moved = (np.diff(cx) != 0) | (np.diff(cy) != 0)
    keep = np.r_[True, moved]
    keep[-1] = True
    return np.flatnonzero(keep)


def banded_levels(z: np.ndarray, bands: int = 14) -> np.ndarray:
    """Log-spaced level values between the surface's min and max (dense near the floor)."""
    lo, hi = float(z.min()), float(z.max())
    t = np.geomspace(1e-3, 1.0, bands)
    return lo + (hi - lo) * t


class SurfaceView(PlotBase):
    """A 2-D loss surface as filled contours, with walked paths and a click to pick a start."""

    clicked = Signal(float, float)

    def __init__(self, title: Msg) -> None:
        super().__init__()
        self.title = title
        self.image = pg.ImageItem()
        # The surface never changes during a run: paint it once, then blit the cache.
        self.image.setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plotItem.addItem(self.image)
        self.isolines = pg.PlotDataItem(connect="pairs", pen=pg.mkPen((255, 255, 255, 110)))
        # Thousands of segments that never change during a run either: cached, like the
        # image (else every step of a walked path repaints them).
        self.isolines.curve.setCacheMode(
            pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.plotItem.addItem(self.isolines)
        self.paths: dict[str, tuple[pg.PlotDataItem, pg.ScatterPlotItem]] = {}
        self._drawn: dict[str, tuple | None] = {}  # each path's length and end as drawn
        self.start = pg.ScatterPlotItem(size=14, symbol="x", pen=pen("#000000", 3))
        self.minima = pg.ScatterPlotItem(size=16, symbol="star", brush="#FFFFFF",
                                         pen=pen("#000000", 1.5))
        for mark in (self.minima, self.start):  # still while the paths move: cached too
            mark.setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.plotItem.addItem(mark)
        self.plotItem.setAspectLocked(True)
        self.plotItem.setMenuEnabled(False)
        self.plotItem.getViewBox().setMouseEnabled(False, False)
        self.scene().sigMouseClicked.connect(self._on_click)
        self.surface: Surface | None = None
        self._isolines_due: tuple | None = None  # (z, levels, extent) not yet traced
        self.setMinimumSize(MIN_PLOT_H, MIN_PLOT_H)
        self.retranslate()

    def set_surface(self, surface: Surface, n: int = 160) -> None:
        if surface is self.surface:
            return
        self.surface = surface
        xs, ys, z = surface.grid(n)
        levels = banded_levels(z)
        # Filled contours: every pixel gets the index of the band it falls in.
        bands = np.searchsorted(levels, z).astype(np.float32)
        self.image.setImage(bands, levels=(0, len(levels)),
                            lut=pg.colormap.get("viridis").getLookupTable(nPts=len(levels) + 1))
        x0, x1, y0, y1 = surface.extent
        self.image.setRect(pg.QtCore.QRectF(x0, y0, x1 - x0, y1 - y0))
        self._isolines_due = (z, levels, surface.extent)
        if not first_paint.later(self._draw_isolines):
            self._draw_isolines()
        self.minima.setData([m[0] for m in surface.minima], [m[1] for m in surface.minima])
        self.plotItem.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _draw_isolines(self) -> None:
        """The lines between the bands. A launched window draws them right after its first
        paint: tracing the surface's 14 levels took 7 ms of CPU before it."""
        if self._isolines_due is None:
            return
        z, levels, extent = self._isolines_due
        self._isolines_due = None
        lines = [contour_segments(z, float(lv), extent) for lv in levels]
        pts = np.concatenate(lines, 0) if lines else np.zeros((0, 2))
        self.isolines.setData(pts[:, 0], pts[:, 1])

    def path(self, key: str, color: str) -> None:
        line = self.plotItem.plot([], [], pen=pen(color, 2.5))
        head = pg.ScatterPlotItem(size=12, brush=color, pen=pen("#FFFFFF", 1.5))
        self.plotItem.addItem(head)
        self.paths[key] = (line, head)

    def set_path(self, key: str, x: np.ndarray, y: np.ndarray) -> None:
        line, head = self.paths[key]
        if len(x) and self._drawn.get(key) == (len(x), x[-1], y[-1]):
            return  # unchanged
        self._drawn[key] = (len(x), x[-1], y[-1]) if len(x) else None
        pw, ph = self.plotItem.getViewBox().viewPixelSize()
        keep = distinct_cells(x, y, pw / 2, ph / 2)
        set_line(line, x[keep], y[keep])
        head.setData(x[-1:], y[-1:])

    def clear_data(self) -> None:
        """The paths go; the surface and the start stay."""
        self._drawn.clear()
        for line, head in self.paths.values():
            line.setData([], [])
            head.setData([], [])

    def set_start(self, x: float, y: float) -> None:
        self.start.setData([x], [y])

    @Slot(object)
    def _on_click(self, event) -> None:  # noqa: ANN001 (a pyqtgraph event)
        if self.surface is None:
            return
        p = self.plotItem.getViewBox().mapSceneToView(QPointF(event.scenePos()))
        x0, x1, y0, y1 = self.surface.extent
        if x0 <= p.x() <= x1 and y0 <= p.y() <= y1:
            self.clicked.emit(float(p.x()), float(p.y()))

    def retranslate(self) -> None:
        super().retranslate()
        self.plotItem.setTitle(self.title.text(), size=look.title_size())
