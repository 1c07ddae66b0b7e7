"""Speeds, keyboard shortcuts and surface clicks, on the Gradient Descent tab. Run, Pause,
Step, Reset, live edits, language and closing mid-run are tested on every tab in
test_every_tab.py."""

from __future__ import annotations

import time

from dlab.ui.runner import PAUSED, RUNNING
from tests.ui.conftest import set_speed, wait_state, wait_step


def slow(tab, **changes):
    """Long enough that a run is still going when the test acts on it."""
    tab.set_params(tab.params().replace(**changes))


def test_slow_motion_paces_the_steps(window, qtbot):
    tab = window.current_tab()
    slow(tab, epochs=1000)
    set_speed(tab, 2)
    t0 = time.perf_counter()
    tab.run_pause()
    wait_step(qtbot, tab, 1)
    qtbot.wait(600)
    allowed = 2.0 * (time.perf_counter() - t0) + 1
    assert tab.last_step <= allowed, f"{tab.last_step} steps; 2 steps/s allows {allowed:.1f}"
    assert tab.boundary.image.image is not None, "every slow step comes with a frame"
    tab.reset()


def test_live_edit_reaches_the_running_engine(window, qtbot):
    tab = window.current_tab()
    slow(tab, epochs=1000, mode="sgd", landscape_steps=5000)
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    assert tab.form.editors["lr"].isEnabled() and not tab.form.editors["mode"].isEnabled()
    tab._on_surface_click(1.0, -2.0)  # what a click on the surface does
    qtbot.waitUntil(lambda: getattr(tab, "_walk_start", None) == (1.0, -2.0), timeout=5000)
    assert tab._walk_from > 0, "the walk restarted from the clicked point mid-run"
    tab.reset()
    assert tab.form.editors["mode"].isEnabled()


def test_medium_speed_is_paced_without_a_frame_per_step(window, qtbot):
    tab = window.current_tab()
    slow(tab, epochs=1000)
    set_speed(tab, 50)
    deliveries = []
    tab.runner.sig_snapshot.connect(deliveries.append)
    t0 = time.perf_counter()
    tab.run_pause()
    wait_step(qtbot, tab, 5)
    qtbot.wait(400)
    allowed = 50.0 * (time.perf_counter() - t0) + 1
    assert tab.last_step <= allowed, f"{tab.last_step} steps; 50 steps/s allows {allowed:.1f}"
    frames = sum(1 for b in deliveries if b.frame is not None)
    assert frames < tab.last_step, f"{frames} frames for {tab.last_step} steps: not one a step"
    tab.reset()


def test_choosing_a_surface_moves_the_start_to_where_its_lesson_shows(window):
    from dlab.engines.gradient_descent.surfaces import GD_SURFACES

    tab = window.current_tab()
    tab.form.editors["landscape"].combo.setCurrentIndex(
        tab.form.editors["landscape"].combo.findData("plateau"))
    p = tab.params()
    assert p.landscape == "plateau"
    assert (p.start_x, p.start_y) == GD_SURFACES["plateau"].start
    assert tab.surface.start.data["x"][0] == p.start_x


def test_keyboard_space_runs_and_pauses_s_steps_r_resets(window, qtbot):
    from PySide6.QtCore import Qt

    tab = window.current_tab()
    slow(tab, epochs=1000)
    tab.run_btn.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_state(qtbot, tab, RUNNING)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_state(qtbot, tab, PAUSED)
    qtbot.wait(100)
    before = tab.last_step
    qtbot.keyClick(window, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: tab.last_step == before + 1, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_R)
    assert tab.runner.state == "idle" and tab.store.get("loss") is None
    # Typing in a number field is typing, not a shortcut.
    spin = tab.form.editors["epochs"].spin
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_S)
    assert tab.runner.state == "idle"
