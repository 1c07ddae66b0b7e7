"""Every registered topic's tab: Reset forgets every view (shaded bands included), and
the tab fits and reads on a 1024×700 projector."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QPointF, QRect
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QWidget

from dlab import registry
from dlab.ui import look
from dlab.ui.main_window import MainWindow
from tests.ui.conftest import projector_window, wait_step
from tests.ui.plot_checks import unreadable

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
    1024x700: the status line pushed off the bottom), past their own width, or, wrapped,
    below their own height."""
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
        elif label.wordWrap() and label.heightForWidth(label.width()) > label.height() + 1:
            # a headline wrapped to more lines than the window gave it room for
            out.append(f"{label.text()[:50]!r}: {label.heightForWidth(label.width())} px "
                       f"high in {label.height()}")
    return out


def cut_titles(tab) -> list[str]:
    """Plot titles cut off: wider than their plot, or reaching above it or into its data."""
    out = []
    for plot in tab.plots():
        label = plot.plotItem.titleLabel
        if not (plot.isVisible() and label.isVisible() and label.text):
            continue
        name = label.item.toPlainText()
        width = label.item.boundingRect().width()
        if width > plot.width():
            out.append(f"{name!r} is {width:.0f} px in a {plot.width()} px plot")
        text = label.item.mapRectToScene(label.item.boundingRect())
        view = plot.plotItem.getViewBox().sceneBoundingRect()
        if text.top() < 0 or text.bottom() > view.top() + 1:
            out.append(f"{name!r} spans y {text.top():.0f} to {text.bottom():.0f}; the plot "
                       f"starts at 0 and its data at {view.top():.0f}")
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
    w = projector_window(qtbot, topic_id, lang)
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
    assert not cut_titles(tab), f"{topic_id} ({lang}): {cut_titles(tab)}"
    w.close()


@pytest.mark.parametrize("look", ["1024x700", "presenting"])
@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("topic_id", TOPIC_IDS)
def test_every_plot_reads_on_a_projector(qtbot, topic_id, lang, look):
    """After a run, in every plot of every tab, on a 1024×700 projector and presenting at
    1920×1080: tick labels apart (not "200400"), the numbers at an axis's ends shown (a
    300-epoch axis stopped at 200), axis titles inside the plot and clear of the numbers,
    a bar chart's values inside its view and apart (plot_checks), no legend over a curve."""
    if look == "presenting":
        w = MainWindow(topic=topic_id, lang=lang)
        qtbot.addWidget(w)
        w.resize(1920, 1080)
        w.show()
        qtbot.waitUntil(lambda: w.width() == 1920, timeout=5000)
        w.set_presentation(True, full_screen=False)
    else:
        w = projector_window(qtbot, topic_id, lang)
    tab = w.current_tab()
    tab.run_inline("run", 20)
    found = unreadable(tab)
    hiding = {plot.plotItem.titleLabel.text: n for plot in tab.plots()
              if plot.isVisible() and (n := under_legend(plot))}
    if hiding:
        found["legends over curves (points hidden)"] = hiding
    if look == "presenting":
        w.set_presentation(False, full_screen=False)
    w.close()
    assert not found, f"{topic_id} ({lang}, {look}): {found}"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_longer_status_is_painted_whole_before_the_layout_catches_up(qtbot, lang):
    """A frame is painted at once, before Qt's layout has run again (TopicTab._paint_now):
    the status line must already be wide enough for a longer text then, or its end is cut
    off ("Running · step 1047 · 19.6 s · 64 steps/"), as it was at 1024×700."""
    w = projector_window(qtbot, "word2vec", lang)
    tab = w.current_tab()
    QApplication.processEvents()
    tab.last_step, tab._elapsed, tab._rate = 104_700, 1960.0, (0.0, 0, 640.0)
    tab.runner.mark("running")
    tab._t_start -= 1960.0
    tab._update_status()  # no event processed since: painted as it is now
    assert tab.status.width() >= tab.status.sizeHint().width(), tab.status.text()
    w.close()


@pytest.mark.parametrize("present", [False, True], ids=["1024x700", "presenting"])
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_titles_changed_mid_run_are_fitted_too(qtbot, lang, present):
    """Titles a tab sets while a run goes (the autoencoder's decoded point and map, the
    CNN's test digit) wrap to their plot like the others and take the current look: in
    presentation mode as large as every other title (they stayed at 11-12 pt)."""
    for topic_id, change, plots in (
            ("autoencoder", lambda tab: tab._on_map_click(-0.123456, 0.98765),
             lambda tab: [tab.decoded, tab.map]),
            ("cnn", lambda tab: tab.set_params(tab.params().replace(shown_digit=7)),
             lambda tab: [tab.input_grid])):
        w = MainWindow(topic=topic_id, lang=lang)
        qtbot.addWidget(w)
        w.resize(*((1920, 1080) if present else (1024, 700)))
        w.show()
        qtbot.waitUntil(lambda w=w: w.width() in (1024, 1920), timeout=5000)
        if present:
            w.set_presentation(True, full_screen=False)
        tab = w.current_tab()
        tab.run_inline("run", 20)
        change(tab)
        QApplication.processEvents()
        assert not cut_titles(tab), f"{topic_id} ({lang}): {cut_titles(tab)}"
        for plot in plots(tab):  # every text at least TEXT_PX when presenting
            label = plot.plotItem.titleLabel
            size = label.opts["size"]
            px = float(size[:-2]) * (96 / 72 if size.endswith("pt") else 1.0)
            assert px >= (look.TEXT_PX if present else 14), (
                f"{topic_id} ({lang}): {label.item.toPlainText()!r} at {size}")
        if present:
            w.set_presentation(False, full_screen=False)
        w.close()
