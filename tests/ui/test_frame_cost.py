"""What keeps a frame cheap without changing what it shows: one paint per frame, long lines
thinned to the pixels they cover, walked paths drawn through the points that move."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject, QTimer, Slot

from dlab import registry
from dlab.ui.i18n import Msg
from dlab.ui.plots import CurvePlot, distinct_cells
from dlab.ui.stat_plots import QuantileBands
from tests.runs import deliveries


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints: dict[QObject, int] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.paints[obj] = self.paints.get(obj, 0) + 1
        return False


def test_a_frame_is_painted_once(window, qtbot):
    """pyqtgraph works out a plot's new range as its paint begins, and the changes it makes
    then asked for a second paint: every frame was painted twice."""
    topic = registry.get("sigmoid")
    window.tabs_widget.setCurrentIndex(registry.TOPICS.index(topic))
    tab = window.current_tab()
    batches = deliveries(topic, tab.params(), 160, 20)
    tab.begin("run")
    # The first two frames also lay out the views that were empty (their labels appear,
    # the bars and the layer curves move once more after them).
    for batch in batches[:2]:
        tab._on_batch(batch)
        qtbot.wait(50)
    batches = batches[2:]
    counter = PaintCounter()
    plots = [tab.loss_plot, tab.grad_curves, tab.grad_bars]
    for plot in plots:
        plot.viewport().installEventFilter(counter)
    for batch in batches:
        tab._on_batch(batch)
        qtbot.wait(20)
    for plot in plots:
        plot.viewport().removeEventFilter(counter)
    for plot in plots:  # each changes its range at every frame
        assert 0 < counter.paints.get(plot.viewport(), 0) <= len(batches), plot.title.text()


def shown_loss_plot(qtbot, width: int, height: int):
    """A shown curve plot of the given size with one curve, "loss": (plot, curve item)."""
    plot = CurvePlot(Msg("t", "long"), Msg("t", "step"), Msg("t", "loss"))
    qtbot.addWidget(plot)
    plot.resize(width, height)
    plot.show()
    qtbot.waitExposed(plot)
    return plot, plot.curve("loss", Msg("t", "loss"), "#0072B2")


def test_a_long_line_keeps_its_lowest_and_highest_point_of_every_pixel_column(qtbot):
    plot, item = shown_loss_plot(qtbot, 400, 300)
    rng = np.random.default_rng(0)
    x = np.arange(1, 5001, dtype=float)
    y = np.cumsum(rng.normal(size=len(x)))
    plot.set_xy("loss", x, y)
    plot.plotItem.getViewBox().prepareForPaint()
    shown_x, shown_y = item.getData()
    columns = plot.plotItem.getViewBox().width()
    assert len(shown_x) <= 2 * columns + 4  # at most two points a pixel column
    assert shown_y.min() == y.min() and shown_y.max() == y.max()
    plot.close()


def test_a_walked_path_is_drawn_within_half_a_pixel_of_every_step():
    rng = np.random.default_rng(1)
    # A walk that converges: 200 long steps, then 1800 shrinking far below a pixel.
    scale = np.r_[np.full(200, 2.0), np.geomspace(0.1, 1e-5, 1800)]
    steps = rng.normal(size=(2000, 2)) * scale[:, None]
    x, y = np.cumsum(steps, axis=0).T
    cell = 0.5  # half a pixel, in the data's units here
    keep = distinct_cells(x, y, cell, cell)
    assert keep[0] == 0 and keep[-1] == len(x) - 1
    assert len(keep) < len(x) / 4  # most of a converged run is not drawn again
    # Every step left out lies in the same cell as the point drawn before it.
    last = np.maximum.accumulate(np.where(np.isin(np.arange(len(x)), keep),
                                          np.arange(len(x)), 0))
    assert np.all(np.floor(x / cell) == np.floor(x[last] / cell))
    assert np.all(np.floor(y / cell) == np.floor(y[last] / cell))


class TurnCounter(QObject):
    """Which plots each turn of the event loop paints: a 0 ms timer fires between any two
    turns (after a timer started in the turn before it), and every paint of a plot is noted
    with the number of ticks so far."""

    def __init__(self, plots: list) -> None:  # noqa: ANN001
        super().__init__()
        self.by_viewport = {plot.viewport(): plot for plot in plots}
        self.ticks = 0
        self.paints: list[tuple[int, object]] = []  # (ticks so far, plot)
        self.timer = QTimer(self)
        self.timer.setInterval(0)
        self.timer.timeout.connect(self.tick)

    @Slot()
    def tick(self) -> None:
        self.ticks += 1

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and obj in self.by_viewport:
            self.paints.append((self.ticks, self.by_viewport[obj]))
        return False


def frames_in_turns(window, qtbot, monkeypatch, topic_id: str, steps: int,  # noqa: ANN001
                    every: int) -> list[list[tuple[int, object]]]:
    """Play a recorded run into the topic's tab as the runner delivers a run in an engine
    process (each batch from a 0 ms timer); each frame's paints: (turn, plot)."""
    topic = registry.get(topic_id)
    window.tabs_widget.setCurrentIndex(registry.TOPICS.index(topic))
    tab = window.current_tab()
    batches = deliveries(topic, tab.params(), steps, every)
    qtbot.waitUntil(tab.isVisible)
    tab.begin("run")
    monkeypatch.setattr(tab.runner, "in_process", lambda: True)
    plots = [p for p in tab.plots() if p.isVisible()]
    counter = TurnCounter(plots)
    for plot in plots:
        plot.viewport().installEventFilter(counter)
    counter.timer.start()
    frames = []
    for batch in batches:
        qtbot.wait(5)
        counter.paints.clear()
        start = counter.ticks
        QTimer.singleShot(0, lambda b=batch: tab._on_batch(b))
        # The frame is over when the event loop has turned 20 times without a paint.
        qtbot.waitUntil(lambda s=start: counter.ticks - max([s + 1] + [t for t, _ in
                                                                         counter.paints]) >= 20)
        frames.append(list(counter.paints))
    counter.timer.stop()
    for plot in plots:
        plot.viewport().removeEventFilter(counter)
    return frames[2:]  # (the first two also lay out the views that were empty)


def assert_one_plot_a_turn(frames: list[list[tuple[int, object]]]) -> None:
    for paints in frames:
        turns = [turn for turn, _ in paints]
        painted = [plot for _, plot in paints]
        assert len(set(turns)) == len(turns), "one plot painted a turn"
        assert len(set(map(id, painted))) == len(painted), "each plot once a frame"


def test_with_an_engine_process_each_turn_of_a_frame_paints_one_plot(window, qtbot,
                                                                      monkeypatch):
    """A frame was drawn in one turn and every plot it changed painted in the next (Qt
    serves the posted paints before any timer): a 10 ms timer waited for the whole frame,
    up to 40 ms of CPU in the Sigmoid tab. With an engine process the frame is now drawn
    plot by plot, each in a turn of its own, and each changed plot painted once."""
    frames = frames_in_turns(window, qtbot, monkeypatch, "sigmoid", 160, 20)
    assert_one_plot_a_turn(frames)
    # Every frame changes the loss curve, the layer curves and the bars: three turns at least.
    assert min(len(paints) for paints in frames) >= 3


@pytest.mark.parametrize("topic_id", registry.ids())
def test_every_tab_paints_one_plot_a_turn(window, qtbot, monkeypatch, topic_id):
    """Every tab's frame is drawn in parts, a plot each: no turn paints two plots, and no
    plot is painted twice a frame (each part touches its own plot)."""
    frames = frames_in_turns(window, qtbot, monkeypatch, topic_id, 12, 2)
    assert_one_plot_a_turn(frames)
    assert max(len(paints) for paints in frames) >= 2  # frames that change several plots


def test_a_frame_repaints_only_what_it_changed(window, qtbot):
    """A label's new text in a page sends a layout request up to the window's tab widget,
    and Qt's tab widget answers every one by repainting all of itself: the whole window was
    painted again at every frame (twice in Sigmoid, the buttons of the transport bar too).
    Now a frame leaves the bar alone."""
    topic = registry.get("sigmoid")
    window.tabs_widget.setCurrentIndex(registry.TOPICS.index(topic))
    tab = window.current_tab()
    batches = deliveries(topic, tab.params(), 160, 20)
    tab.begin("run")
    for batch in batches[:2]:  # (the first frames lay out the views that were empty)
        tab._on_batch(batch)
        qtbot.wait(50)
    counter = PaintCounter()
    watched = [tab.run_btn, tab.step_btn, tab.reset_btn, tab.loss_plot.viewport()]
    for widget in watched:
        widget.installEventFilter(counter)
    for batch in batches[2:]:
        tab._on_batch(batch)
        qtbot.wait(20)
    for widget in watched:
        widget.removeEventFilter(counter)
    assert counter.paints.get(tab.loss_plot.viewport(), 0) > 0  # the frames were painted
    assert all(counter.paints.get(button, 0) == 0
               for button in (tab.run_btn, tab.step_btn, tab.reset_btn)), counter.paints


def test_a_band_is_filled_once_a_frame(qtbot):
    """A band's fill made its path again at each change of either edge: twice a band a
    frame, the first time with the other edge's old data (BatchNorm's bands, 3.4 ms of a
    part each). Now once, after both edges, and it spans them."""
    plot = QuantileBands(Msg("t", "bands"), Msg("t", "step"), Msg("t", "value"), "#0072B2")
    qtbot.addWidget(plot)
    made = []
    for fill in plot.fills:
        fill.updatePath = lambda f=fill.updatePath: (made.append(1), f())[1]
    rng = np.random.default_rng(0)
    x = np.arange(1.0, 51.0)
    q = np.sort(rng.normal(size=(50, 5)), axis=1)
    plot.set_bands(x, q)
    assert len(made) == len(plot.fills)
    outer = plot.fills[0].path().boundingRect()
    assert outer.top() == pytest.approx(q[:, 0].min()) and outer.bottom() == pytest.approx(
        q[:, 4].max())


def test_bands_are_drawn_through_one_point_per_pixel_column(qtbot):
    """A band's fill is made and painted through every point of both its edges: 2000 steps
    in a 300-pixel plot drew each column seven times over. Now one point a column: the
    lowest lower edges and the highest upper edges in it, so the bands cover the same
    pixels, and the last step is drawn where it is."""
    plot = QuantileBands(Msg("t", "bands"), Msg("t", "step"), Msg("t", "value"), "#0072B2")
    qtbot.addWidget(plot)
    plot.resize(360, 250)
    plot.show()
    qtbot.waitExposed(plot)
    plot.plan_x(2000)
    view = plot.plotItem.getViewBox()
    rng = np.random.default_rng(1)
    x = np.arange(1.0, 2001.0)
    q = np.sort(rng.normal(size=(2000, 5)), axis=1)
    plot.set_bands(x, q)
    drawn_x, low = plot.edges[0].getData()
    assert len(drawn_x) <= view.width() + 1
    assert drawn_x[-1] == 2000.0
    assert low.min() == q[:, 0].min() and plot.edges[3].getData()[1].max() == q[:, 4].max()
    for k in rng.choice(len(drawn_x), 20, replace=False):  # each column: its extremes
        lo_x = drawn_x[k - 1] if k else 0.0
        steps = (x > lo_x) & (x <= drawn_x[k])
        assert low[k] == q[steps, 0].min()
        assert plot.edges[2].getData()[1][k] == q[steps, 3].max()


def test_a_growing_line_settles_its_range_at_once(qtbot):
    """pyqtgraph fits the range to the points it draws, which are clipped to the range and
    thinned by it: the range of a growing line went back and forth between two values, a
    paint each time (up to eight paints of Sigmoid's loss plot in one frame). Now it is
    the whole line's, and a second settling moves nothing."""
    plot, item = shown_loss_plot(qtbot, 217, 290)
    view = plot.plotItem.getViewBox()
    rng = np.random.default_rng(0)
    moved = []
    for n in range(200, 1500, 8):
        x = np.arange(1.0, n + 1.0)
        y = 1.3 + 0.3 * rng.random(n)
        plot.set_xy("loss", x, y)
        view.prepareForPaint()
        first = view.viewRange()
        item.viewRangeChanged()  # what the new range does to the drawn points
        view.prepareForPaint()
        moved.append(view.viewRange() != first)
        (x0, x1), (y0, y1) = first
        assert x0 <= 1 and x1 >= n and y0 <= y.min() and y1 >= y.max()
    assert not any(moved), f"{sum(moved)} of {len(moved)} frames"


class GeometryCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.changes: dict[QObject, int] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.changes[obj] = self.changes.get(obj, 0) + 1
        return False


def test_word2vec_frames_leave_the_plots_where_they_are(window, qtbot, monkeypatch):
    """The similarity and analogy lines of Word2Vec's query box are as wide as their text,
    and a wider answer widened the box's column: the grid was laid out again, the map, the
    lookup table and the loss plot moved and resized, and all three painted again in one
    turn after the frame's own turns (2.2 paints a frame in dlab bench, the 10 ms probe
    timer up to 30 ms late). Now a frame's text leaves the plots where they are."""
    window.resize(1280, 800)  # dlab bench's window: the query box's column is 291 px wide
    topic = registry.get("word2vec")
    window.tabs_widget.setCurrentIndex(registry.TOPICS.index(topic))
    tab = window.current_tab()
    qtbot.waitUntil(lambda: tab.width() < 1280)
    counter = GeometryCounter()
    plots = [p for p in tab.plots() if p.isVisible()]
    for plot in plots:
        plot.installEventFilter(counter)
    frames = frames_in_turns(window, qtbot, monkeypatch, "word2vec", 800, 20)
    for plot in plots:
        plot.removeEventFilter(counter)
    assert_one_plot_a_turn(frames)
    assert len(frames) >= 30
    assert counter.changes == {}, {type(k).__name__: v for k, v in counter.changes.items()}


def test_bars_shown_again_unchanged_leave_their_axes_as_drawn(qtbot):
    """BatchNorm measures its train-vs-eval bars every 50 steps and drew them at every
    frame: their names were set again each time, and both axes of the chart were laid out
    and drawn anew (a third of the axis work of its frames). The same bars now change
    nothing; other bars do."""
    from dlab.ui.stat_plots import BarChart

    chart = BarChart(Msg("t", "bars"), Msg("t", "batch"), Msg("t", "accuracy"),
                     value_fmt="{:.0%}")
    qtbot.addWidget(chart)
    chart.resize(300, 250)
    chart.show()
    qtbot.waitExposed(chart)
    axes = [chart.plotItem.getAxis(side) for side in ("bottom", "left")]
    values, names = [0.97, 0.9, 0.5], ["eval", "64", "1"]
    chart.set_bars(values, names)
    chart.settle()
    drawn = [axis.picture for axis in axes]
    assert all(p is not None for p in drawn)
    chart.set_bars(list(values), list(names))
    chart.settle()
    assert [axis.picture for axis in axes] == drawn
    chart.set_bars([0.97, 0.9, 0.4], ["eval", "32", "1"])  # other names: that axis again
    chart.settle()
    assert axes[0].picture is not drawn[0]


def test_a_frame_of_layer_curves_makes_each_drawn_curve_once(qtbot, monkeypatch):
    """Every frame gave every layer's curve its pen again and emptied the unused curves
    again, and pyqtgraph makes a curve anew for each (BatchNorm's γ and β, Sigmoid's
    gradients: three times the curves a frame draws). Now a frame of a 6-layer net makes
    its 6 curves once; a new depth colours them again."""
    import pyqtgraph as pg

    from dlab.core.metrics import SeriesBuffer
    from dlab.ui.stat_plots import LayerCurves

    plot = LayerCurves(Msg("t", "γ"), Msg("t", "step"), Msg("t", "mean γ"), 12)
    qtbot.addWidget(plot)
    made = []
    original = pg.PlotDataItem.updateItems
    monkeypatch.setattr(pg.PlotDataItem, "updateItems",
                        lambda item, *a, **k: (made.append(item), original(item, *a, **k)))

    def frame(depth: int, steps: int) -> int:
        bufs = []
        for k in range(depth):
            buf = SeriesBuffer()
            for t in range(1, steps + 1):
                buf.append(t, 1.0 + 0.01 * k * t)
            bufs.append(buf)
        made.clear()
        plot.set_layers(bufs)
        return len(made)

    frame(6, 10)
    assert frame(6, 20) == 6
    assert frame(6, 30) == 6
    assert frame(4, 40) > 4  # new pens, and two curves emptied
    assert frame(4, 50) == 4
