"""The CycleGAN tab runs, draws both maps and the eight losses, steps one player at a time,
and stops."""

from __future__ import annotations

import numpy as np

from dlab import registry
from dlab.engines.cyclegan import frame as names
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_step


def open_tab(window):
    tab = window.tabs[registry.ids().index("cyclegan")]
    window.tabs_widget.setCurrentWidget(tab)
    return tab


def test_run_draws_pause_step_stop(window, qtbot):
    tab = open_tab(window)
    set_speed(tab, 20)  # still running when the test pauses it
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    qtbot.waitUntil(lambda: tab._frame is not None, timeout=10000)
    for name in names.LOSSES:
        assert tab.store.get(name).n >= 3, name
    pause_and_settle(qtbot, tab)
    g_map = tab.maps["G"]
    assert len(g_map.source.data) == len(tab._frame.x) > 0
    assert g_map.image.image.shape == tab._frame.d_y.shape
    n = tab.store.get(names.LOSS_G).n
    step_once(qtbot, tab)
    assert tab.store.get(names.LOSS_G).n == n + 1
    assert np.array_equal(g_map.fake.data["x"], tab._frame.fake_y[:, 0])
    tab.runner.stop()
    assert not tab.runner.is_active()
    tab.reset()
    assert tab.store.get(names.LOSS_G) is None
    assert "Press Run" in tab.head.text()


def test_step_d_only_trains_the_discriminators_alone(window, qtbot):
    tab = open_tab(window)
    tab.step_discriminators()  # from idle: starts paused and takes one D-only step
    qtbot.waitUntil(lambda: tab.last_step == 1 and tab._frame is not None, timeout=10000)
    assert tab.params().update == "discriminators"
    assert tab.form.editors["update"].value() == "discriminators"
    first = tab._frame.fake_y.copy()
    for k in range(2, 5):
        tab.step_discriminators()
        qtbot.waitUntil(lambda k=k: tab.last_step == k, timeout=5000)
    qtbot.wait(100)
    assert np.array_equal(tab._frame.fake_y, first), "the generators did not move"
    tab.step_generators()
    qtbot.waitUntil(lambda: tab.last_step == 5, timeout=5000)
    qtbot.wait(100)
    assert tab.params().update == "generators"
    assert not np.array_equal(tab._frame.fake_y, first), "a G step moves the fakes"
    tab.runner.stop()
