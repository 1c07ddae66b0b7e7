"""The Sigmoid tab runs, draws, pauses, steps, stops, and measures the cost of exp."""

from __future__ import annotations

import pytest

from dlab import registry
from dlab.core.snapshot import FINISHED
from dlab.engines.sigmoid.zigzag import W_START
from dlab.ui.plots import RUN_X_PADDING
from dlab.ui.runner import PAUSED, RUNNING
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_state, wait_step


def open_tab(window, qtbot):
    tab = window.tabs[registry.ids().index("sigmoid")]
    window.tabs_widget.setCurrentWidget(tab)
    tab.set_params(tab.params().replace(depth=6, width=16))
    return tab


def test_run_draws_pause_step_stop(window, qtbot):
    tab = open_tab(window, qtbot)
    set_speed(tab, 20)  # still running when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 5)
    qtbot.waitUntil(lambda: tab.grad_bars.bars.opts["x"] is not None
                    and len(tab.grad_bars.bars.opts["x"]) == 6, timeout=10000)
    assert tab.act_strip.image.image is not None
    assert tab.store.get("grad_norm/6").n >= 5
    assert "6" in tab.ratio_label.text()
    pause_and_settle(qtbot, tab)
    n = tab.store.get("grad_norm/1").n
    before = step_once(qtbot, tab)
    assert tab.store.get("grad_norm/1").n == n + 1
    assert tab.runner.state == PAUSED
    # The path runs from the start to the weights of the step just taken (points closer
    # than half a pixel to the one before are not drawn: plots.distinct_cells).
    path = tab.zigzag["positive"].paths["w"][0]
    w1, w2 = (tab.store.get(f"zigzag/positive/w{i}") for i in (1, 2))
    assert w1.n == before + 1
    assert (path.xData[0], path.yData[0]) == W_START
    assert (path.xData[-1], path.yData[-1]) == (w1.y[-1], w2.y[-1])
    tab.runner.stop()
    assert not tab.runner.is_active()
    tab.reset()
    assert tab.store.get("loss") is None


def test_measure_exp_cost_draws_three_bars(window, qtbot):
    tab = open_tab(window, qtbot)
    tab.measure_cost()
    wait_state(qtbot, tab, FINISHED, timeout=30000)
    qtbot.wait(50)
    bars = tab.cost_bars.bars.opts
    assert len(bars["x"]) == 3
    assert all(v > 0 for v in bars["y1"])
    assert tab.store.get("exp_cost/relu").n > 0


def test_step_from_idle(window, qtbot):
    tab = open_tab(window, qtbot)
    tab.step()
    qtbot.waitUntil(lambda: tab.last_step == 1, timeout=10000)
    qtbot.wait(100)
    assert tab.store.get("grad_norm/1").n == 1
    assert tab.runner.state in (PAUSED, RUNNING)
    tab.reset()


def test_a_step_after_a_finished_run_is_drawn_on_axes_of_its_own(window, qtbot):
    """Run to the end, then Step: a new run's first point is drawn on the new run's axes,
    from step 0 to the 800 steps it will take, not centred in the finished run's range
    (its step 1 sat between -170 and 170) nor on the finished run's 300 steps."""
    tab = open_tab(window, qtbot)
    tab.run_inline("run", 300)
    tab.step()
    wait_step(qtbot, tab, 1)
    tab.runner.stop()
    planned = tab.topic.default_steps
    pad = RUN_X_PADDING * planned
    for plot in (tab.grad_curves, tab.loss_plot):
        (x0, x1), _ = plot.plotItem.getViewBox().viewRange()
        assert (x0, x1) == pytest.approx((-pad, planned + pad)), (plot.title, x0, x1)
