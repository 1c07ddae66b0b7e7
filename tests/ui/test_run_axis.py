"""Curves over a run's steps grow into a fixed x axis: from the run's first frame it spans
the steps the run will take (like a progress bar), so that it is not laid out, ticked and
drawn again at every frame (BatchNorm's frames spent most of their time on it). It grows
only when something goes past its end (a longer ghost), and Reset forgets it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication

from dlab import registry
from dlab.ui.i18n import Msg
from dlab.ui.plots import RUN_X_PADDING, CurvePlot, LabelledPlot
from tests.runs import deliveries
from tests.ui.conftest import projector_window, set_speed, wait_state

STEPS = {"autoencoder": 4}  # its steps are epochs; the others take 40 steps


def x_range(plot) -> tuple[float, float]:  # noqa: ANN001
    (x0, x1), _ = plot.plotItem.getViewBox().viewRange()
    return round(x0, 6), round(x1, 6)


def spanning(plot: LabelledPlot, end: float) -> tuple[float, float]:
    """The x range of a plot planned to end at ``end``."""
    lo, hi = plot.view_x(plot.x_first), plot.view_x(end)
    pad = RUN_X_PADDING * (hi - lo)
    return round(lo - pad, 6), round(hi + pad, 6)


@pytest.mark.parametrize("topic_id", registry.ids())
def test_every_step_curve_keeps_one_x_range_through_a_run(qtbot, topic_id):
    """Played into the tab frame by frame: every plot over the run's steps shows the same
    x range from the first frame to the last, and it spans the steps planned."""
    topic = registry.get(topic_id)
    steps = STEPS.get(topic_id, 40)
    batches = deliveries(topic, None, steps, max(1, steps // 8))
    w = projector_window(qtbot, topic_id, "en")
    tab = w.current_tab()
    tab.begin("run")
    seen: dict[LabelledPlot, list] = {}
    for batch in batches:
        tab._on_batch(batch)
        QApplication.processEvents()
        for plot in tab.plots():
            if isinstance(plot, LabelledPlot) and plot.run_x and tab.x_span(plot, steps):
                seen.setdefault(plot, []).append(x_range(plot))
    assert seen, f"{topic_id}: no plot over the run's steps"
    for plot, ranges in seen.items():
        name = plot.plotItem.titleLabel.text[:40]
        assert len(set(ranges)) == 1, f"{topic_id} {name!r}: x went {ranges}"
        assert ranges[0] == spanning(plot, tab.x_span(plot, steps)), (topic_id, name)
        data_end = max((float(np.nanmax(x)) for item in plot.plotItem.listDataItems()
                        if (x := item.getData()[0]) is not None and len(x)), default=None)
        if data_end is not None:  # the curves end inside the axis
            assert ranges[0][0] <= plot.view_x(plot.x_first) and data_end <= ranges[0][1]
    w.close()


def test_a_running_run_draws_its_curves_into_one_x_axis_and_reset_forgets_it(window, qtbot):
    """BatchNorm in the window, trained by its engine: the loss plot's x range is the same
    at every moment of the run (0 to the 60 steps asked for); after Reset a 30-step run
    shows 0 to 30."""
    window.tabs_widget.setCurrentIndex(registry.ids().index("batchnorm"))
    tab = window.current_tab()
    set_speed(tab, 50)  # about a second: many frames
    tab.steps_limit = 60
    plot = tab.loss_plot
    ranges = []

    def sample() -> None:
        if plot.curves["bn"].getData()[0] is not None and len(plot.curves["bn"].getData()[0]):
            ranges.append(x_range(plot))

    tab.runner.sig_snapshot.connect(sample)  # after the tab's own slot: the frame drawn
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    qtbot.wait(100)
    sample()
    tab.runner.sig_snapshot.disconnect(sample)
    assert len(ranges) >= 5
    assert set(ranges) == {spanning(plot, 60)}, sorted(set(ranges))
    tab.reset()
    assert plot.x_end is None
    tab.steps_limit = 30
    set_speed(tab, 0)
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    qtbot.wait(100)
    assert x_range(plot) == spanning(plot, 30)


def test_a_longer_ghost_widens_the_axis_once(window, qtbot):
    """Run again after 60 steps, now for 30: the ghost's 60 steps stay in view, and the
    axis is 0 to 60 at every frame of the new run."""
    window.tabs_widget.setCurrentIndex(registry.ids().index("batchnorm"))
    tab = window.current_tab()
    tab.steps_limit = 60
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    qtbot.wait(100)
    plot = tab.loss_plot
    tab.steps_limit = 30
    set_speed(tab, 50)
    ranges = []
    tab.runner.sig_snapshot.connect(lambda _: ranges.append(x_range(plot)))
    tab.run_again()
    assert tab.ghost is not None
    wait_state(qtbot, tab, "finished")
    qtbot.wait(100)
    assert ranges and set(ranges) == {spanning(plot, 60)}, sorted(set(ranges))
    assert x_range(plot) == spanning(plot, 60)


def test_a_curve_past_its_plan_grows_the_axis_now_and_then(qtbot):
    """Past the planned end the axis grows by a tenth of its span at a time, not with every
    new point; a later, shorter plan leaves it; forgetting it lets x follow the data."""
    plot = CurvePlot(Msg("t", "loss"), Msg("t", "step"), Msg("t", "loss"))
    qtbot.addWidget(plot)
    plot.curve("loss", Msg("t", "loss"), "#0072B2")
    plot.plan_x(100)
    ends = []
    for n in range(2, 131):
        plot.set_xy("loss", np.arange(1.0, n + 1.0), np.ones(n))
        ends.append(plot.x_end)
    assert sorted(set(ends)) == [100.0, 110.0, 121.0, 133.1]
    assert x_range(plot) == spanning(plot, 133.1)
    plot.plan_x(50)
    assert plot.x_end == 133.1
    plot.forget_x()
    assert plot.x_end is None and plot.plotItem.getViewBox().state["autoRange"][0]
