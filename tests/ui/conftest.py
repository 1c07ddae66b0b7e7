"""UI fixtures. Every UI test fails if it leaves a QThread, a Python thread or a visible
window behind."""

from __future__ import annotations

import gc
import threading
import traceback
import weakref

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from dlab.core.steering import Control
from dlab.ui import i18n, runner
from dlab.ui.app import make_app


@pytest.fixture(scope="session")
def qapp_cls():
    return QApplication


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls, pytestconfig):  # noqa: ARG001 (pytest-qt's signature)
    return make_app()  # registers the shipped font, as the real app does


@pytest.fixture(autouse=True)
def started_qthreads(monkeypatch):
    """Every QThread a test starts, with where it was started (QThread.start is patched,
    as napari's conftest does, so production code keeps no test-only registry)."""
    started: weakref.WeakKeyDictionary[QThread, str] = weakref.WeakKeyDictionary()
    original = QThread.start

    def start(self, *args, **kwargs):  # noqa: ANN001, ANN202
        started[self] = "".join(traceback.format_stack(limit=4)[:-1])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(QThread, "start", start)
    return started


def running(threads: weakref.WeakKeyDictionary) -> list[str]:
    """Where each thread that still runs was started."""
    out = []
    for thread, where in list(threads.items()):
        try:
            if thread.isRunning():
                out.append(where)
        except RuntimeError:  # its C++ object is gone: it does not run
            pass
    return out


DETACHED_WAIT_MS = 30_000


@pytest.fixture(autouse=True)
def no_leaks(qapp, started_qthreads):
    before = {t.ident for t in threading.enumerate()}
    yield
    for _ in range(5):
        qapp.processEvents()
    # The test's Qt garbage dies here, in the GUI thread: left to a later collection it
    # could be collected in a worker thread, and a widget destroyed there corrupts Qt.
    gc.collect()
    i18n.set_language("en")
    leaked_windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for w in leaked_windows:
        w.close()
    # A run stopped inside one long call (an epoch that outlasted the stop's wait, on a
    # loaded machine) was detached and ends at its next yield: give it the time to.
    runner.reap_detached(DETACHED_WAIT_MS)
    py_threads = [t.name for t in threading.enumerate()
                  if t.ident not in before and t.is_alive()
                  and not isinstance(t, threading._DummyThread)]
    qthreads = running(started_qthreads)
    assert not qthreads, "QThread(s) left running, started at:\n" + "\n".join(qthreads)
    assert not py_threads, f"threads left running: {py_threads}"
    assert not leaked_windows, f"windows left open: {leaked_windows}"


@pytest.fixture
def window(qtbot):
    """The main window, shown; closed (stopping every runner) after the test."""
    from dlab.ui.main_window import MainWindow

    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()


def projector_window(qtbot, topic: str, lang: str):
    """The main window on ``topic`` at 1024×700 (a classroom projector), shown and laid out;
    qtbot closes it after the test."""
    from dlab.ui.main_window import MainWindow

    w = MainWindow(topic=topic, lang=lang)
    qtbot.addWidget(w)
    w.resize(1024, 700)
    w.show()
    qtbot.waitUntil(lambda: w.width() == 1024, timeout=5000)
    return w


# How long a helper waits by default: a step can be a whole epoch (the autoencoder's), many
# seconds on a loaded machine. A wait ends as soon as its condition holds.
STEP_MS = 60_000


def wait_state(qtbot, tab, *states, timeout=STEP_MS):
    """Wait until the tab's runner reaches one of ``states``."""
    qtbot.waitUntil(lambda: tab.runner.state in states, timeout=timeout)


def wait_step(qtbot, tab, at_least, timeout=STEP_MS):
    qtbot.waitUntil(lambda: tab.last_step >= at_least, timeout=timeout)


def set_speed(tab, steps_per_second):
    """Choose a speed by its value, not its place in the list."""
    index = tab.speed.findData(float(steps_per_second))
    assert index >= 0, f"no speed {steps_per_second} steps/s"
    tab.speed.setCurrentIndex(index)


def settled(tab) -> bool | None:
    """Whether the tab's run is paused with nothing more to come until Step or Resume: its
    loop waits at a yield with no Step pending, and the tab has taken all it delivered.
    None for a run in an engine process (its loop is out of sight)."""
    ctl, box = tab.runner._ctl, tab.runner._box
    if ctl is None or box is None:
        return True  # no run going on
    if not isinstance(ctl, Control):
        return None
    with ctl.cond:  # the loop decides to wait, and waits, under this lock
        waiting = ctl.paused and ctl.steps == 0 and bool(ctl.cond._waiters)
    return waiting and box._batch is None


def wait_settled(qtbot, tab, timeout=STEP_MS):
    """Wait until ``settled``; for a run in a process, let what is in flight land."""
    if settled(tab) is None:
        qtbot.wait(100)
    else:
        qtbot.waitUntil(lambda: settled(tab), timeout=timeout)


def pause_and_settle(qtbot, tab):
    """Pause a running tab and wait until what was in flight (a step already begun, the
    frame of the paused state) has landed: nothing more comes until Step or Resume."""
    tab.run_pause()
    wait_state(qtbot, tab, "paused")
    wait_settled(qtbot, tab)


def step_once(qtbot, tab):
    """Press Step on a settled, paused tab; return the step it started from, after checking
    that exactly one natural step was taken."""
    before = tab.last_step
    tab.step()
    qtbot.waitUntil(lambda: tab.last_step > before, timeout=STEP_MS)
    wait_settled(qtbot, tab)
    assert tab.last_step == before + 1, "Step takes exactly one natural step"
    return before
