"""What a reader of a plot's texts runs into, measured on what the axes would paint: tick
labels on top of each other or crowded, a labelled axis whose last ticks lost their
labels, an axis title longer than its axis, a bar's value cut off by the top of the view.
Each helper returns a list of findings (empty when the plot reads well)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPicture
from PySide6.QtWidgets import QApplication

from dlab.ui.stat_plots import BarChart

SIDES = ("left", "bottom")
# The least room between two tick labels, in lines of their text: less and they read as
# one number ("200400") or as a column of digits.
MIN_GAP_LINES = 0.25


def tick_font(axis: pg.AxisItem) -> QFont:
    return axis.style["tickFont"] or QFont()


def tick_texts(axis: pg.AxisItem) -> list[tuple[str, QRectF]]:
    """The tick labels the axis paints now and where (in the axis's coordinates): the
    rectangle of their visible lines (a label put on a second row starts with a newline)."""
    picture = QPicture()
    painter = QPainter(picture)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if specs is None:
        return []
    line = QFontMetricsF(tick_font(axis)).height()
    out = []
    for rect, _flags, text in specs[2]:
        skipped = len(text) - len(text.lstrip("\n"))
        lines = text.lstrip("\n").split("\n")
        width = max(QFontMetricsF(tick_font(axis)).horizontalAdvance(s) for s in lines)
        box = QRectF(rect.center().x() - width / 2, rect.top() + skipped * line * 0.8,
                     width, len(lines) * line * 0.8)
        if axis.orientation in ("left", "right"):
            box = QRectF(rect.right() - width, rect.top(), width, rect.height())
        out.append((text.strip(), box))
    return out


def visible_axes(plot) -> list[tuple[str, pg.AxisItem]]:
    return [(side, plot.plotItem.getAxis(side)) for side in SIDES
            if plot.plotItem.getAxis(side).isVisible()
            and plot.plotItem.getAxis(side).style["showValues"]]


def crowded_ticks(plot) -> list[str]:
    """Tick labels of one axis that overlap or nearly touch each other."""
    out = []
    for side, axis in visible_axes(plot):
        gap = MIN_GAP_LINES * QFontMetricsF(tick_font(axis)).height()
        texts = tick_texts(axis)
        for i, (a, ra) in enumerate(texts):
            for b, rb in texts[i + 1:]:
                # Closer than the gap along the axis, on the same row (labels alternate
                # between two rows under narrow bars).
                if side == "bottom":
                    near = ra.adjusted(-gap, 0, gap, 0).intersects(rb)
                else:
                    near = ra.adjusted(0, -gap, 0, gap).intersects(rb)
                if near:
                    out.append(f"{side} axis: {a!r} and {b!r} touch")
    return out


def unlabelled_ticks(plot) -> list[str]:
    """Major ticks of an axis with automatic ticks drawn without their number (pyqtgraph
    hides a label that would reach past the end of the axis: a 300-epoch axis read 0, 100,
    200 and stopped)."""
    out = []
    for side, axis in visible_axes(plot):
        if axis._tickLevels is not None or axis.logMode:
            continue
        lo, hi = axis.range
        # as generateDrawSpecs measures it: the axis line reaches a pixel past each end
        size = (axis.width() if side in ("bottom", "top") else axis.height()) + 2
        levels = axis.tickValues(lo, hi, size)
        if not levels:
            continue
        spacing, values = levels[0]
        wanted = axis.tickStrings(values, axis.autoSIPrefixScale * axis.scale, spacing)
        shown = {text for text, _ in tick_texts(axis)}
        missing = [s for s in wanted if s not in shown]
        if missing:
            out.append(f"{side} axis from {lo:g} to {hi:g}: no label at {missing}")
    return out


# An axis this long (px) has room for two numbers at least, whatever the font.
ROOM_FOR_TWO = 150


def lone_labels(plot) -> list[str]:
    """An axis with room for more that shows one number or none: no scale to read (a log
    axis spanning less than a decade showed only 0.1)."""
    out = []
    for side, axis in visible_axes(plot):
        length = axis.width() if side in ("bottom", "top") else axis.height()
        if axis._tickLevels is None and length >= ROOM_FOR_TWO:
            texts = [text for text, _ in tick_texts(axis)]
            if len(texts) < 2:
                out.append(f"{side} axis, {length:.0f} px from {axis.range[0]:.3g} to "
                           f"{axis.range[1]:.3g}, shows {texts}")
    return out


def cut_axis_titles(plot) -> list[str]:
    """An axis title longer than its plot (cut off at the plot's edge) or over the tick
    labels."""
    out = []
    bounds = QRectF(0, 0, plot.width(), plot.height())
    for side, axis in visible_axes(plot):
        label = axis.label
        if not label.isVisible() or not label.toPlainText():
            continue
        margin = label.document().documentMargin()  # blank: the words are inside it
        inner = label.boundingRect().adjusted(margin, margin, -margin, -margin)
        rect = label.mapRectToScene(inner)
        name = label.toPlainText().strip()
        if not bounds.adjusted(-1, -1, 1, 1).contains(rect):
            out.append(f"{side} title {name!r} spans {rect.getCoords()} in a "
                       f"{plot.width()}x{plot.height()} plot")
        own = label.mapRectToItem(axis, inner)
        for text, box in tick_texts(axis):
            if own.intersects(box):
                out.append(f"{side} title {name!r} over the tick label {text!r}")
    return out


def cut_bar_values(plot) -> list[str]:
    """A bar chart's value labels: inside the view, not over each other."""
    if not isinstance(plot, BarChart):
        return []
    view = plot.plotItem.getViewBox().sceneBoundingRect().adjusted(-1, -1, 1, 1)
    shown = [(t.textItem.toPlainText(), t.mapRectToScene(t.boundingRect()))
             for t in plot.texts if t.isVisible()]
    out = [f"{text!r} at {rect.getCoords()} reaches past the view {view.getCoords()}"
           for text, rect in shown if not view.contains(rect)]
    for i, (a, ra) in enumerate(shown):
        for b, rb in shown[i + 1:]:
            if ra.adjusted(1, 1, -1, -1).intersects(rb):
                out.append(f"{a!r} and {b!r} overlap")
    return out


def settle(tab) -> None:
    """Paint the tab as the window would, twice: an axis learns its labels' size while it
    paints and asks for room, which the layout gives before the next paint."""
    for _ in range(2):
        tab.grab()
        QApplication.processEvents()


def unreadable(tab) -> dict[str, list[str]]:
    """Every finding above for every visible plot of the tab (painted and laid out), by
    plot title."""
    settle(tab)
    out = {}
    for i, plot in enumerate(tab.plots()):
        if not plot.isVisible():
            continue
        found = (crowded_ticks(plot) + unlabelled_ticks(plot) + lone_labels(plot)
                 + cut_axis_titles(plot) + cut_bar_values(plot))
        if found:
            name = plot.plotItem.titleLabel.item.toPlainText() or type(plot).__name__
            out[f"#{i} {name}"] = found
    return out
