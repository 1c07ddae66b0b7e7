"""Run, Pause, Step, Reset, close-while-running, on the Gradient Descent tab."""

from __future__ import annotations

import time

from dlab.ui.runner import PAUSED, RUNNING
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_state, wait_step


def slow(tab, **changes):
    """Long enough that a run is still going when the test acts on it."""
    tab.set_params(tab.params().replace(**changes))


def test_run_draws_then_pause_step_reset(window, qtbot):
    tab = window.current_tab()
    slow(tab, epochs=1000, mode="sgd")
    tab.run_pause()
    wait_step(qtbot, tab, 5)
    assert tab.store.get("loss").n > 0
    assert tab.boundary.image.image is not None  # the first frame was drawn
    pause_and_settle(qtbot, tab)
    n_loss = tab.store.get("loss").n
    frame_before = tab.boundary.image.image.copy()
    before = step_once(qtbot, tab)
    assert tab.store.get("loss").n == n_loss + 1
    assert tab.store.get("loss").x[-1] == before + 1
    assert not (tab.boundary.image.image == frame_before).all(), "Step redraws the frame"
    assert tab.runner.state == PAUSED
    tab.reset()
    assert tab.store.get("loss") is None
    assert tab.runner.state == "idle"


def test_step_from_idle_takes_one_iteration(window, qtbot):
    tab = window.current_tab()
    tab.step()
    qtbot.waitUntil(lambda: tab.last_step == 1, timeout=10000)
    qtbot.wait(150)
    assert tab.last_step == 1
    assert tab.store.get("loss").n == 1
    assert tab.runner.state == PAUSED
    tab.reset()


def test_close_while_running_is_quick(window, qtbot):
    tab = window.current_tab()
    slow(tab, epochs=1000, mode="sgd")
    tab.run_pause()
    wait_state(qtbot, tab, RUNNING)
    wait_step(qtbot, tab, 3)
    t0 = time.perf_counter()
    window.close()
    elapsed = time.perf_counter() - t0
    assert elapsed < 1.0, f"closing took {elapsed:.2f} s"
    assert not tab.runner.is_active()


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
