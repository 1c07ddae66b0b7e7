"""Every registered topic's tab: Reset forgets every view (shaded bands included), and
the tab fits and reads on a 1024×700 projector."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from dlab import registry
from dlab.ui.main_window import MainWindow
from tests.ui.conftest import wait_step

TOPIC_IDS = registry.ids()


def drawn(tab) -> dict[str, bool]:
    """Whether each graphics item of each plot draws anything (data, a band, an image)."""
    out = {}
    for i, plot in enumerate(tab.plots()):
        for j, item in enumerate(plot.plotItem.vb.addedItems):
            if isinstance(item, pg.PlotDataItem):
                x, _ = item.getData()
                has = x is not None and len(x) > 0
            elif isinstance(item, pg.FillBetweenItem):
                has = not item.path().isEmpty()
            elif isinstance(item, pg.ImageItem):
                has = item.image is not None
            elif isinstance(item, pg.ScatterPlotItem):
                has = len(item.data) > 0
            elif isinstance(item, pg.BarGraphItem):
                has = not item.boundingRect().isEmpty()
            else:
                continue
            out[f"{type(plot).__name__}#{i} {type(item).__name__}#{j}"] = (
                has and item.isVisible())
    return out


def outside(tab: QWidget) -> list[str]:
    """The texts of the visible labels that reach past the tab's edge (the window's, at
    1024x700), or past their own width."""
    out = []
    for label in tab.findChildren(QLabel):
        if not label.isVisibleTo(tab) or not label.text():
            continue
        rect = QRect(label.mapTo(tab, QPoint(0, 0)), label.size())
        if not tab.rect().contains(rect):
            out.append(f"{label.text()[:50]!r} at {rect.getCoords()}")
        elif not label.wordWrap() and label.sizeHint().width() > label.width() + 1:
            out.append(f"{label.text()[:50]!r}: {label.sizeHint().width()} px "
                       f"in {label.width()}")
    return out


def under_legend(plot) -> int:
    """How many points of the plot's curves its legend hides (0 when it shows none)."""
    legend = plot.plotItem.legend
    if legend is None or not legend.isVisible() or not legend.items:
        return 0
    box = legend.sceneBoundingRect()
    vb = plot.plotItem.getViewBox()
    hidden = 0
    for item in plot.plotItem.listDataItems():
        x, y = item.getData() if item.isVisible() else (None, None)
        if x is not None and len(x):
            for p in vb.mapViewToScene([QPointF(a, b) for a, b in zip(x, y, strict=True)
                                        if np.isfinite(a) and np.isfinite(b)]):
                hidden += box.contains(p)
    return hidden


def open_on(qtbot, topic_id: str) -> MainWindow:
    w = MainWindow(topic=topic_id, lang="en")
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_reset_clears_every_view(qtbot, topic_id):
    w = open_on(qtbot, topic_id)
    tab = w.current_tab()
    fresh = drawn(tab)
    tab.run_pause()
    wait_step(qtbot, tab, 5, timeout=30000)
    tab.runner.pause()
    tab.step()  # a full frame
    qtbot.wait(300)
    assert drawn(tab) != fresh, "the run drew something"
    tab.reset()
    after = drawn(tab)
    left = [name for name, has in after.items() if has and not fresh.get(name)]
    assert not left, f"{topic_id}: still drawn after Reset: {left}"
    w.close()



@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_tab_fits_and_reads_at_1024_by_700(qtbot, topic_id, lang):
    """A 1024×700 projector: the window can be that small with this tab (its frame and
    menus given room), before a run and after one has filled every view, and no plot title
    is cut off, at the sides or at the top and bottom (a wrapped title gets a taller row)."""
    frame_w, chrome_h = 16, 100
    w = MainWindow(topic=topic_id, lang=lang)
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitUntil(lambda: w.width() == 1024, timeout=5000)
    tab = w.current_tab()
    for when in ("before a run", "after a run"):
        if when == "after a run":
            tab.run_inline("run", 20)
            QApplication.processEvents()
        need = tab.minimumSizeHint()
        assert need.width() + frame_w <= 1024 and need.height() + chrome_h <= 700, (
            f"{topic_id} ({lang}) needs {need.width()}x{need.height()} {when}")
    assert not outside(tab), f"{topic_id} ({lang}): cut off at the tab's edge: {outside(tab)}"
    hiding = {plot.plotItem.titleLabel.text: n for plot in tab.plots()
              if plot.isVisible() and (n := under_legend(plot))}
    assert not hiding, f"{topic_id} ({lang}): legends over curves (points hidden): {hiding}"
    for box in tab.findChildren(QComboBox):  # its whole text, not "Full spe"
        if box.isVisible():
            assert box.width() >= box.sizeHint().width(), (
                f"{topic_id} ({lang}): {box.currentText()!r} in a {box.width()} px box "
                f"that needs {box.sizeHint().width()} px")
    for plot in tab.plots():
        if plot.isVisible():  # a plot item wider than its widget is cut off on the right
            assert plot.plotItem.geometry().width() <= plot.width() + 0.5, (
                f"{topic_id} ({lang}): a plot is {plot.plotItem.geometry().width():.0f} px "
                f"in a {plot.width()} px widget")
        label = plot.plotItem.titleLabel
        if plot.isVisible() and label.isVisible() and label.text:
            width = label.item.boundingRect().width()
            assert width <= plot.width(), (
                f"{topic_id} ({lang}): {label.item.toPlainText()!r} is {width:.0f} px "
                f"in a {plot.width()} px plot")
            text = label.item.mapRectToScene(label.item.boundingRect())
            view = plot.plotItem.getViewBox().sceneBoundingRect()
            assert text.top() >= 0 and text.bottom() <= view.top() + 1, (
                f"{topic_id} ({lang}): {label.item.toPlainText()!r} spans y {text.top():.0f} "
                f"to {text.bottom():.0f}; the plot starts at 0 and its data at {view.top():.0f}")
    w.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_longer_status_is_painted_whole_before_the_layout_catches_up(qtbot, lang):
    """A frame is painted at once, before Qt's layout has run again (TopicTab._paint_now):
    the status line must already be wide enough for a longer text then, or its end is cut
    off ("Running · step 1047 · 19.6 s · 64 steps/"), as it was at 1024×700."""
    w = MainWindow(topic="word2vec", lang=lang)
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitUntil(lambda: w.width() == 1024, timeout=5000)
    tab = w.current_tab()
    QApplication.processEvents()
    tab.last_step, tab._elapsed, tab._rate = 104_700, 1960.0, (0.0, 0, 640.0)
    tab.runner.mark("running")
    tab._t_start -= 1960.0
    tab._update_status()  # no event processed since: painted as it is now
    assert tab.status.width() >= tab.status.sizeHint().width(), tab.status.text()
    w.close()
