"""What does not change during a run is not drawn again at every frame: the data points and
the source curve of Validation, the data set over Gradient descent's boundary and the marks
on its loss surface are set once and painted once (then shown from a cache), while the
parts that move (the model's curve, the boundary, the walk) are painted at every frame."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pyqtgraph as pg
import pytest

from tests.runs import deliveries


@pytest.fixture
def counted(monkeypatch):
    """Counts of setData and paint calls per item (patched before any item is made: Qt's
    calls into Python find an item's methods when the item is first used)."""
    calls: Counter = Counter()
    for cls in (pg.ScatterPlotItem, pg.PlotCurveItem, pg.PlotDataItem):
        for name in ("setData", "paint"):
            if name not in vars(cls):
                continue
            original = getattr(cls, name)

            def wrapper(self, *args, _original=original, _name=name, **kwargs):
                calls[(id(self), _name)] += 1
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(cls, name, wrapper)
    return calls


def topic_window(qtbot, topic_id: str):
    from dlab.ui.main_window import MainWindow

    w = MainWindow(topic=topic_id, lang="en")
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    return w, w.current_tab()


def play(qtbot, tab, steps: int, every: int) -> list:
    """A run's frames delivered to ``tab``; the first (which lays the plots out) is left
    out of the counts that follow: the frames after it."""
    batches = deliveries(tab.topic, tab.params(), steps, every)
    tab.begin("run")
    tab._on_batch(batches[0])
    qtbot.wait(50)
    return batches[1:]


def test_validation_frames_leave_the_data_and_the_source_as_drawn(qtbot, counted):
    w, tab = topic_window(qtbot, "validation")
    view = tab.points
    batches = play(qtbot, tab, 300, 30)
    counted.clear()
    for batch in batches:
        tab._on_batch(batch)
        qtbot.wait(20)
    static = [*view.dots.values(), view.truth]
    assert all(counted[(id(item), "setData")] == 0 for item in static), counted
    # Painted once at most (into their cache), not at every frame.
    painted = [*view.dots.values(), view.truth.curve]
    assert all(counted[(id(item), "paint")] <= 1 for item in painted), counted
    # The model's curve moves: it is drawn, and painted, at every frame.
    assert counted[(id(view.fit), "setData")] == len(batches)
    assert counted[(id(view.fit.curve), "paint")] >= len(batches)
    w.close()


def test_gradient_descent_frames_leave_the_data_and_the_surface_marks_as_drawn(qtbot, counted):
    w, tab = topic_window(qtbot, "gradient-descent")
    batches = play(qtbot, tab, 400, 40)
    counted.clear()
    for batch in batches:
        tab._on_batch(batch)
        qtbot.wait(20)
    static = [*tab.boundary.dots, tab.surface.start, tab.surface.minima]
    assert all(counted[(id(item), "setData")] == 0 for item in static), counted
    assert all(counted[(id(item), "paint")] <= 1 for item in static), counted
    # The boundary and the walk move: painted at every frame.
    assert counted[(id(tab.boundary.line.curve), "paint")] >= len(batches)
    line, head = tab.surface.paths["walk"]
    assert counted[(id(head), "paint")] >= len(batches)
    w.close()


def test_a_star_left_where_it_is_is_not_set_again(qtbot, counted):
    """Validation's star (the epoch with the lowest validation loss) stays put for most
    frames, and the test's star is hidden unless the run peeks: neither is made again at
    every frame."""
    w, tab = topic_window(qtbot, "validation")
    batches = play(qtbot, tab, 600, 30)
    plot = tab.loss_plot
    def star_at() -> tuple:
        x, y = plot.stars["m"].getData()
        return tuple(x), tuple(y)

    moves, last = 0, star_at()
    counted.clear()
    for batch in batches:
        tab._on_batch(batch)
        qtbot.wait(10)
        moves += star_at() != last
        last = star_at()
    assert moves < len(batches) // 2  # the minimum is found early, then stays
    assert counted[(id(plot.stars["m"]), "setData")] == moves
    assert counted[(id(plot.stars["peek"]), "setData")] == 0
    w.close()


def test_an_auto_range_that_moves_less_than_half_a_pixel_leaves_the_axes_as_drawn(qtbot):
    """A loss curve's lowest point creeps down a little at most frames: its auto range
    moved by a fraction of a pixel, and the axis was laid out and drawn again for it (about
    1 ms a plot a frame). Now the range stays until an end would move half a pixel, so the
    curves stay within half a pixel of where the exact range draws them."""
    from dlab.ui.i18n import Msg
    from dlab.ui.plots import CurvePlot

    plot = CurvePlot(Msg("t", "loss"), Msg("t", "step"), Msg("t", "loss"), run_x=False)
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    plot.curve("loss", Msg("t", "loss"), "#0072B2")
    box = plot.plotItem.getViewBox()
    axis = plot.plotItem.getAxis("left")
    x = np.arange(1.0, 201.0)
    y = 1.0 / x
    plot.set_xy("loss", x, y)
    plot.settle()
    (_, _), (lo, hi) = box.viewRange()
    px = (hi - lo) / box.height()
    # 0.1 px lower: the same range, the axis as drawn.
    plot.set_xy("loss", np.r_[x, 201.0], np.r_[y, y.min() - 0.1 * px])
    plot.settle()
    assert box.viewRange()[1] == [lo, hi]
    assert not axis.prepare()  # nothing to lay out again
    # 3 px lower: the range follows.
    plot.set_xy("loss", np.r_[x, 201.0, 202.0], np.r_[y, y.min(), y.min() - 3 * px])
    plot.settle()
    new_lo, new_hi = box.viewRange()[1]
    assert new_lo < lo - 2 * px and new_lo < y.min() - 3 * px
    plot.close()
