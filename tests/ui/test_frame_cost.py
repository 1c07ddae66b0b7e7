"""What keeps a frame cheap without changing what it shows: one paint per frame, long lines
thinned to the pixels they cover, walked paths drawn through the points that move."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QObject

from dlab import registry
from dlab.core.pacing import Pacer
from dlab.core.snapshot import FRAME, RUNNING, Snapshot
from dlab.ui.i18n import Msg
from dlab.ui.plots import CurvePlot, distinct_cells


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints: dict[QObject, int] = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.paints[obj] = self.paints.get(obj, 0) + 1
        return False


def deliveries(topic: registry.Topic, params, steps: int, every: int) -> list[Snapshot]:  # noqa: ANN001
    """A run's deliveries as the runner makes them: the records since the last, a frame."""
    gen = topic.start("run", params, 0, steps, Pacer(None))
    out, records = [], []
    try:
        snap = gen.send(None)
        while snap.status == RUNNING:
            snap = gen.send(None)
            records += snap.records
            if snap.step % every == 0 and snap.status == RUNNING:
                out.append(Snapshot(snap.step, records, gen.send(FRAME).frame))
                records = []
    finally:
        gen.close()
    return out


def test_a_frame_is_painted_once(window, qtbot):
    """pyqtgraph works out a plot's new range as its paint begins, and the changes it makes
    then asked for a second paint: every frame was painted twice."""
    topic = registry.get("sigmoid")
    window.tabs_widget.setCurrentIndex(registry.TOPICS.index(topic))
    tab = window.current_tab()
    batches = deliveries(topic, tab.params(), 120, 20)
    tab.begin("run")
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


def test_a_long_line_keeps_its_lowest_and_highest_point_of_every_pixel_column(qtbot):
    plot = CurvePlot(Msg("t", "long"), Msg("t", "step"), Msg("t", "loss"))
    qtbot.addWidget(plot)
    plot.resize(400, 300)
    plot.show()
    qtbot.waitExposed(plot)
    item = plot.curve("loss", Msg("t", "loss"), "#0072B2")
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
