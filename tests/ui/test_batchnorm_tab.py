"""The BatchNorm tab runs, draws, pauses, steps and stops; a diverging twin is shown."""

from __future__ import annotations

from dlab import registry
from dlab.core.snapshot import FINISHED
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_step


def open_tab(window, **changes):
    tab = window.tabs[registry.ids().index("batchnorm")]
    window.tabs_widget.setCurrentWidget(tab)
    tab.set_params(tab.params().replace(**{"depth": 3, "width": 16, **changes}))
    return tab


def test_run_draws_pause_step_stop(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 20)  # still running when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 5)
    qtbot.waitUntil(lambda: tab._frame is not None, timeout=10000)
    assert tab.store.get("bn/loss").n >= 5 and tab.store.get("plain/loss").n >= 5
    assert len(tab.eval_bars.bars.opts["x"]) == 7  # eval and six batch sizes
    assert tab.layer.maximum() == 3
    pause_and_settle(qtbot, tab)
    n = tab.store.get("bn/gamma/3").n
    before = step_once(qtbot, tab)
    assert tab.store.get("bn/gamma/3").n == n + 1
    median = tab.bands["bn"].median
    assert len(median.xData) == before + 1  # one point per step
    tab.layer.setValue(2)  # another layer is drawn from the same frame
    assert len(tab.bands["bn"].median.xData) == before + 1
    tab.runner.stop()
    assert not tab.runner.is_active()
    tab.reset()
    assert tab.store.get("bn/loss") is None


def test_diverging_plain_twin_is_reported_and_bn_goes_on(window, qtbot):
    tab = open_tab(window, lr=1.0, depth=6, width=64)
    tab.run_inline(steps=30)
    assert tab.runner.state == FINISHED
    assert "diverged" in tab.head.text()
    assert tab.store.get("bn/loss").n == 30
