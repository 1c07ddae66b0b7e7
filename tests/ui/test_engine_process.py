"""Runs in an engine process, as the app runs them (the rest of the suite trains on the
runner's thread, DLAB_ENGINE_PROCESS=0): the same numbers as headless, Pause and Step,
live edits, stop, an engine's error, a host that dies, and no process left behind."""

from __future__ import annotations

import itertools
import multiprocessing
import time
from dataclasses import dataclass

import numpy as np
import pytest
from PySide6.QtCore import QTimer

from dlab import registry
from dlab.core import engine_process
from dlab.core.experiment import BadInput, drive
from dlab.core.params import Text
from dlab.engines.gradient_descent.engine import GradientDescent
from tests.runs import finish, start
from tests.ui.conftest import pause_and_settle, step_once, wait_state, wait_step

FIRST_RUN_MS = 120_000  # the first run waits for the engine process to import torch


@pytest.fixture(autouse=True)
def engine_processes(monkeypatch, spare_kept_for_this_module):
    monkeypatch.setenv("DLAB_ENGINE_PROCESS", "1")


@pytest.fixture(scope="module")
def spare_kept_for_this_module():
    """The tests here share the spare process (each would otherwise start torch anew)."""
    yield
    engine_process.close_all()


def gd_tab(window, **changes):
    tab = window.current_tab()
    assert tab.topic.id == "gradient-descent"
    tab.set_params(tab.params().replace(**changes))
    return tab


def test_a_run_in_a_process_records_what_headless_records(window, qtbot):
    tab = gd_tab(window, epochs=5, landscape_steps=10)
    tab.run_pause()
    wait_state(qtbot, tab, "finished", timeout=FIRST_RUN_MS)
    assert tab.runner._host is None, "a runner holds a process only while it runs"
    [host] = engine_process._spare
    assert host.alive(), "the process waits, as the spare, for the next run"
    assert engine_process.host_pids() == [host.process.pid], "the soak bench counts it"
    headless = start("gradient-descent", tab.params(), seed=tab.seed.value())
    store, _ = finish(headless)
    ours, theirs = tab.store.get("epoch_loss"), store.get("epoch_loss")
    assert ours.n == theirs.n == 5
    np.testing.assert_array_equal(ours.y, theirs.y)
    tab.run_pause()
    assert tab.runner._host is host, "the next run takes the spare: no new process"
    wait_state(qtbot, tab, "finished", timeout=FIRST_RUN_MS)
    assert engine_process._spare == [host]


def test_pause_step_live_edit_and_stop_reach_the_process(window, qtbot):
    tab = gd_tab(window, epochs=1000, mode="sgd", landscape_steps=5000)
    tab.run_pause()
    wait_step(qtbot, tab, 3, timeout=FIRST_RUN_MS)
    assert tab.runner.in_process()
    pause_and_settle(qtbot, tab)
    step_once(qtbot, tab)
    tab._on_surface_click(1.0, -2.0)  # a live edit: the walk restarts from the click
    tab.run_pause()
    qtbot.waitUntil(lambda: getattr(tab, "_walk_start", None) == (1.0, -2.0), timeout=10000)
    assert tab.runner.stop(), "a run in a process stops within the timeout"
    assert tab.runner.state == "stopped"


@dataclass(frozen=True)
class ExplodingSpec(registry.RunSpec):
    def start(self, pacer=None):
        class Exploding(GradientDescent):
            def step(self):
                if self.t == 3:
                    raise RuntimeError("kaboom in the engine process")
                return super().step()

        return drive(Exploding(self.params, self.seed), None, pacer)


def test_an_engine_error_in_the_process_shows_its_traceback(window, qtbot, monkeypatch):
    tab = gd_tab(window, epochs=50)
    monkeypatch.setattr(tab, "engine_factory", lambda action="run": ExplodingSpec(
        tab.topic.id, action, tab.params(), 0))
    tab.run_pause()
    wait_state(qtbot, tab, "failed", timeout=FIRST_RUN_MS)
    assert "kaboom in the engine process" in tab.banner.message.text()
    assert "RuntimeError" in tab.banner.details.toPlainText()
    assert tab.store.get("loss").n == 3, "what was recorded before the error is kept"
    [host] = engine_process._spare
    assert host.alive(), "an engine's error ends the run, not the process"


@dataclass(frozen=True)
class BadFolderSpec(registry.RunSpec):
    def start(self, pacer=None):
        raise BadInput(Text("folder {path}: no images in it", path="/nowhere"))


def test_bad_input_found_in_the_process_is_shown_as_what_to_change(window, qtbot,
                                                                    monkeypatch):
    tab = gd_tab(window, epochs=50)
    monkeypatch.setattr(tab, "engine_factory", lambda action="run": BadFolderSpec(
        tab.topic.id, action, tab.params(), 0))
    tab.run_pause()
    wait_state(qtbot, tab, "failed", timeout=FIRST_RUN_MS)
    text = tab.banner.message.text()
    assert "Cannot run" in text and "/nowhere" in text, text
    assert not tab.banner.details_btn.isVisible(), "bad input has no traceback to show"


def test_a_process_that_dies_fails_the_run_and_the_next_run_starts_a_new_one(window, qtbot):
    tab = gd_tab(window, epochs=1000, mode="sgd")
    tab.run_pause()
    wait_step(qtbot, tab, 3, timeout=FIRST_RUN_MS)
    dead = tab.runner._host
    dead.process.kill()
    wait_state(qtbot, tab, "failed")
    assert "engine process ended unexpectedly" in tab.banner.message.text()
    tab.set_params(tab.params().replace(epochs=3))
    tab.run_pause()
    wait_state(qtbot, tab, "finished", timeout=FIRST_RUN_MS)
    [host] = engine_process._spare
    assert host is not dead and host.alive() and not dead.alive()


def test_closing_the_window_mid_run_leaves_one_spare_process(window, qtbot):
    tab = gd_tab(window, epochs=1000, mode="sgd")
    tab.run_pause()
    wait_step(qtbot, tab, 3, timeout=FIRST_RUN_MS)
    host = tab.runner._host
    window.close()
    assert tab.runner.state == "stopped"
    assert engine_process._spare == [host] and host.alive(), "kept as the spare"
    engine_process.close_all()
    assert not host.alive() and engine_process._spare == []


def test_closing_the_app_mid_run_ends_every_engine_process_and_runner_thread(window, qtbot):
    """`dlab` ends its process right after the window (issue 17, finding 21: closing took
    2.7-3.3 s, most of it waiting for engine processes to unload torch as they quit): the
    run's process is ended, not waited for, its runner thread has finished, the settings
    are saved, and end_all leaves no engine process behind: not the spare, not one that was
    told to quit and is still starting."""
    tab = gd_tab(window, epochs=1000, mode="sgd")
    tab.run_pause()
    wait_step(qtbot, tab, 3, timeout=FIRST_RUN_MS)
    running, thread = tab.runner._host, tab.runner._thread
    engine_process.prestart()  # the spare the app starts after its first paint
    quitting = engine_process.Host()
    quitting.close(timeout=None)  # as a runner's host is when a spare is kept already
    window.process_ends_after_close = True  # as run_app sets it
    window.close()
    assert thread.isFinished() and tab.runner._thread is None
    assert tab.runner.state == "stopped"
    assert not running.alive(), "the run's process was ended with the window"
    assert window.settings.value("tabs/gradient-descent/params"), "the settings were saved"
    engine_process.end_all()
    assert multiprocessing.active_children() == [], "no engine process outlives the window"
    assert not quitting.alive() and engine_process._spare == []


def test_frames_slower_than_deliveries_leave_the_event_loop_its_timers(window, qtbot):
    """A frame that takes longer to draw than the delivery interval (BatchNorm's did) once
    kept the event loop going from draw to draw: the next batch was announced while one
    was drawn, and a 10 ms timer did not fire for up to 20 s. Now a timer fires between
    any two frames drawn."""
    tab = gd_tab(window, epochs=1000, mode="sgd", landscape_steps=5000)
    draws, ticks = [], []
    draw = tab.draw

    def slow_draw(batch):
        for _ in draw(batch) or ():  # the whole frame (a tab may draw it in parts)
            pass
        time.sleep(0.08)  # more than two delivery intervals
        draws.append(time.perf_counter())

    tab.draw = slow_draw
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    tab.run_pause()
    qtbot.waitUntil(lambda: len(draws) >= 12, timeout=FIRST_RUN_MS)
    drawn = draws[:12]  # (stop draws what is left at once, outside the event loop)
    tab.runner.stop()
    timer.stop()
    between = [sum(a < t < b for t in ticks) for a, b in itertools.pairwise(drawn)]
    assert min(between) >= 1, between
