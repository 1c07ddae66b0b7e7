"""Runs an engine's generator off the GUI thread and delivers its snapshots to the GUI.

* In an engine process (dlab.core.engine_process; the default for runs given as a
  RunSpec): training and drawing then have an interpreter lock each, so drawing every frame
  costs training nothing but a share of a core. A QThread here reads the host's answers.
* Or on the QThread itself (a factory returning a generator: tests' fake engines, and
  every run where DLAB_ENGINE_PROCESS=0).
* Either way the same loop drives the engine (dlab.core.steering): pause, Step, stop and
  live parameter changes take effect between two yields; delivery is latest-wins plus
  batched records, at most about 30 a second, and the event queue never holds more than one.
* Worker signals go to @Slot methods of the Runner, which lives in the GUI thread, so
  they are queued into the GUI thread (never lambdas: PySide6 would call those in the
  worker thread).
"""

from __future__ import annotations

import os
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from dlab.core import engine_process
from dlab.core.experiment import BadInput
from dlab.core.pacing import Pacer
from dlab.core.params import Params, Text
from dlab.core.snapshot import FAILED, RUNNING, STOPPED, Snapshot
from dlab.core.steering import (
    DELIVERY_INTERVAL_S,
    FRAME_EVERY_STEP_MAX,
    Control,
    Mailbox,
    steer,
)
from dlab.registry import RunSpec

IDLE, PAUSED = "idle", "paused"
__all__ = ["DELIVERY_INTERVAL_S", "FRAME_EVERY_STEP_MAX", "IDLE", "PAUSED", "RUNNING", "Runner"]

Factory = Callable[[], Any]  # returns the engine's generator

# Runs whose worker thread did not stop within a stop's wait: it was inside one long call
# (the first import of torch, a long epoch) and ends at its next yield. Its thread and
# worker are kept here until then: a QThread destroyed while it runs aborts the process.
_detached: list[tuple[QThread, QObject]] = []


def reap_detached(timeout_ms: int = 0) -> bool:
    """Forget the detached runs that have ended, waiting up to ``timeout_ms`` in all for
    those still going (GUI thread only). True when none is left."""
    deadline = time.perf_counter() + timeout_ms / 1000
    going = []
    for thread, worker in _detached:
        left_ms = max(0, round((deadline - time.perf_counter()) * 1000))
        if not thread.wait(left_ms):
            going.append((thread, worker))
    _detached[:] = going
    return not going


def processes_wanted() -> bool:
    """Engines run in a process of their own unless DLAB_ENGINE_PROCESS=0."""
    return os.environ.get("DLAB_ENGINE_PROCESS", "1") != "0"


class RemoteControl:
    """The Control of a run in an engine host: what is poked is sent there; the values
    the runner reads back are kept here too."""

    def __init__(self, host: engine_process.Host, paused: bool, speed: float) -> None:
        self.host = host
        self.paused, self.speed, self.hold = paused, speed, False

    def poke(self, **changes: Any) -> None:
        changes.pop("hold", None)  # the host has an interpreter lock of its own
        for k, v in changes.items():
            setattr(self, k, v)
        if changes:
            self.host.send("poke", changes)

    def add_step(self) -> None:
        self.host.send("step")


class _Worker(QObject):
    # Every signal carries the run's generation, so a late delivery from a run that was
    # stopped can never touch the run that replaced it.
    ready = Signal(int)
    ended = Signal(int, str, str)  # generation, status, message
    failed = Signal(int, object, str)  # generation, message (str, or a BadInput's Text), tb

    def __init__(self, gen_id: int, box: Mailbox) -> None:
        super().__init__()
        self.gen_id, self.box = gen_id, box

    def _deliver(self, snap: Snapshot, force: bool = False) -> None:
        self.box.put(snap)
        if self.box.should_signal(force):
            self.ready.emit(self.gen_id)

    def _end(self, status: str, message: str) -> None:
        if self.box.should_signal(True):
            self.ready.emit(self.gen_id)
        self.ended.emit(self.gen_id, status, message)


class _ThreadWorker(_Worker):
    """Runs the engine here, on the QThread."""

    def __init__(self, gen_id: int, factory: Factory, ctl: Control, box: Mailbox) -> None:
        super().__init__(gen_id, box)
        self.factory, self.ctl = factory, ctl

    @Slot()
    def run(self) -> None:
        gen = None
        status, message = STOPPED, ""
        try:
            gen = self.factory()
            status, message = steer(gen, self.ctl, self._deliver)
        except BadInput as exc:  # the user's data: the message says what to change
            status, message = FAILED, str(exc)
            self.failed.emit(self.gen_id, exc.text, "")
        except Exception as exc:  # an engine bug must not take the window down
            status = FAILED
            message = f"{type(exc).__name__}: {exc}"
            self.failed.emit(self.gen_id, message, traceback.format_exc())
        finally:
            if gen is not None:
                gen.close()
            self._end(status, message)


class _HostWorker(_Worker):
    """Reads an engine host's answers for one run (the host runs the engine)."""

    def __init__(self, gen_id: int, host: engine_process.Host, box: Mailbox) -> None:
        super().__init__(gen_id, box)
        self.host = host

    @Slot()
    def run(self) -> None:
        status, message = STOPPED, ""
        try:
            while True:
                msg = self.host.results.recv()  # waits without the interpreter lock
                if msg[0] == "batch":
                    self._deliver(msg[1])
                elif msg[0] == "failed":
                    self.failed.emit(self.gen_id, msg[1], msg[2])
                elif msg[0] == "ended":
                    status, message = msg[1], msg[2]
                    break
        except (EOFError, OSError):  # the host died (or was ended by stop)
            status = FAILED
            message = "the engine process ended unexpectedly"
            self.failed.emit(self.gen_id, message, "")
        finally:
            self._end(status, message)


class Runner(QObject):
    """One per tab. Lives in the GUI thread; owns at most one worker thread at a time."""

    sig_snapshot = Signal(object)  # Snapshot: every record since the last, latest frame
    sig_state = Signal(str)  # idle/running/paused/finished/diverged/failed/stopped
    sig_failed = Signal(object, str)  # message (str, or a BadInput's Text), traceback

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._ctl: Control | RemoteControl | None = None
        self._box: Mailbox | None = None
        self._host: engine_process.Host | None = None  # the engine process of the run
        self.state = IDLE
        self.speed = 0.0
        self.delivery_interval = DELIVERY_INTERVAL_S
        # Engines compute heavy frames only as often as they are delivered.
        self.pacer = Pacer(DELIVERY_INTERVAL_S)
        self._gen_id = 0
        # A batch announced by the worker is taken from a zero timer, not from the posted
        # event itself: Qt serves posted events before timers, so when the next batch was
        # announced while one was drawn (a frame longer than the delivery interval), the
        # event loop went from draw to draw and no timer or repaint came for seconds.
        self._take_timer = QTimer(self)
        self._take_timer.setSingleShot(True)
        self._take_timer.setInterval(0)
        self._take_timer.timeout.connect(self._take_when_free)
        # A tab that draws a frame over several turns of the event loop says so: the next
        # batch waits in the mailbox (merged into it) until the frame is done, so every
        # plot is still painted once a frame.
        self._tab_drawing = False
        self._take_wanted = False

    # --- commands from the GUI --------------------------------------------------------
    def start(self, factory: Factory | RunSpec, paused: bool = False,
              full_speed: bool = False) -> None:
        """Start a run; ``paused`` starts it paused at step 0 (for Step from idle);
        ``full_speed`` ignores the speed chosen (a measurement, not a run to watch).
        A RunSpec runs in an engine process (unless DLAB_ENGINE_PROCESS=0); a factory,
        which returns the engine's generator, runs on the worker thread."""
        self.stop()
        reap_detached()
        speed = 0.0 if full_speed else self.speed
        self._gen_id += 1
        if isinstance(factory, RunSpec) and processes_wanted():
            self._host = engine_process.take()
            self._ctl = RemoteControl(self._host, paused, speed)
            # The host paces its deliveries; here a batch waits only while one is drawn.
            self._box = Mailbox(interval=0.0)
            self._host.send("start", factory, paused, speed, self.delivery_interval)
            self._worker = _HostWorker(self._gen_id, self._host, self._box)
        else:
            if isinstance(factory, RunSpec):
                spec, pacer = factory, self.pacer
                factory = lambda: spec.start(pacer)  # noqa: E731
            self._ctl = Control(paused=paused, speed=speed)
            self._box = Mailbox(self.delivery_interval)
            self._worker = _ThreadWorker(self._gen_id, factory, self._ctl, self._box)
        self._thread = QThread()
        self._thread.setObjectName("dlab-runner")
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.ready.connect(self._on_ready)
        self._worker.ended.connect(self._on_ended)
        self._worker.failed.connect(self._on_failed)
        self._thread.start()
        self._set_state(PAUSED if paused else RUNNING)

    def pause(self) -> None:
        if self._ctl is not None and self.state == RUNNING:
            self._ctl.poke(paused=True)
            self._set_state(PAUSED)

    def resume(self) -> None:
        if self._ctl is not None and self.state == PAUSED:
            self._ctl.poke(paused=False)
            self._set_state(RUNNING)

    def step(self) -> None:
        """Exactly one natural step, then a full frame; the run stays paused."""
        if self._ctl is None:
            return
        if self.state == RUNNING:
            self.pause()
        if self.state == PAUSED:
            self._ctl.add_step()

    def update(self, params: Params) -> None:
        if self._ctl is not None:
            self._ctl.poke(params=params)

    def hold(self, on: bool) -> None:
        """While the GUI draws a frame the worker waits between two steps. Drawing is
        mostly Python and needs the GIL; without this, each of its many GIL hand-offs
        waits for the worker and a 15 ms frame takes hundreds of milliseconds."""
        if self._ctl is not None and self._ctl.hold != on:
            self._ctl.poke(hold=on)

    def set_delivery_interval(self, seconds: float) -> None:
        """How often the worker may deliver; the tab raises it when drawing is costly, so
        drawing (which holds the GIL) never takes more than a small share of the time."""
        self.delivery_interval = seconds
        self.pacer.interval_s = seconds
        if isinstance(self._ctl, RemoteControl):
            self._ctl.host.send("interval", seconds)
        elif self._box is not None:
            self._box.interval = seconds

    def drawing(self, busy: bool) -> None:
        """The tab is (or no longer is) drawing the last batch in turns of its own."""
        self._tab_drawing = busy
        if not busy and self._take_wanted:
            self._take_wanted = False
            self._take_timer.start()

    def in_process(self) -> bool:
        """Whether the run going on trains in an engine process."""
        return isinstance(self._ctl, RemoteControl)

    def set_speed(self, steps_per_second: float) -> None:
        self.speed = steps_per_second
        if self._ctl is not None:
            self._ctl.poke(speed=steps_per_second)

    def is_active(self) -> bool:
        return self.state in (RUNNING, PAUSED)

    def request_stop(self) -> None:
        """Ask the worker to stop at its next yield, without waiting (``stop`` joins):
        closing the window asks every runner first, so they all wind down together."""
        if self._ctl is not None:
            self._ctl.poke(stop=True)

    def stop(self, timeout_ms: int = 2000, end_process: bool = False) -> bool:
        """Stop and join; False when the worker did not end within ``timeout_ms`` (it is
        then detached: it ends at its next yield, and nothing of it reaches this runner).
        Whatever was recorded before the stop is still delivered. ``end_process``: the
        app is ending, so a run in an engine process ends with its process at once
        instead of at the end of its step (what it would still send is never shown)."""
        if self._thread is None:
            return True
        assert self._ctl is not None
        self._ctl.poke(stop=True)
        self._thread.quit()  # the worker returns to the thread's loop, which then ends
        if end_process:
            self._kill_host()  # the worker reads the end of its pipe and ends
        joined = self._thread.wait(timeout_ms)
        if not joined and isinstance(self._ctl, RemoteControl):
            self._kill_host()  # a step that never ends: end its process
            joined = self._thread.wait(timeout_ms)
        if joined:
            self._take()  # deliver what the worker left in the mailbox
        else:  # it ends by itself at its next yield; never destroy it before that
            _detached.append((self._thread, self._worker))
        self._release()
        if self.state in (RUNNING, PAUSED):
            self._set_state(STOPPED)
        return joined

    def _kill_host(self) -> None:
        if self._host is not None:
            self._host.kill()
            self._host = None

    def _release(self) -> None:
        self._gen_id += 1  # anything still queued from that run is now ignored
        self._take_timer.stop()
        self._take_wanted = False
        if self._host is not None:  # its run is over: the next run may take it again
            engine_process.give_back(self._host)
            self._host = None
        self._thread = self._worker = self._ctl = self._box = None

    # --- from the worker, queued into the GUI thread ------------------------------------
    @Slot(int)
    def _on_ready(self, gen_id: int) -> None:
        if gen_id == self._gen_id and self._box is not None:
            self._take_timer.start()

    @Slot()
    def _take_when_free(self) -> None:
        if self._tab_drawing:  # the tab says when (drawing(False))
            self._take_wanted = True
        else:
            self._take()

    def _take(self) -> None:
        """Deliver the batch in the mailbox now (the end of a run, a stop: at once, even
        while the tab draws the last one; it then finishes that one first)."""
        self._take_timer.stop()
        self._take_wanted = False
        if self._box is None:
            return
        batch = self._box.take()
        if batch is not None:
            self.sig_snapshot.emit(batch)

    @Slot(int, str, str)
    def _on_ended(self, gen_id: int, status: str, message: str) -> None:
        if gen_id != self._gen_id or self._thread is None:
            return
        self._take()
        self._thread.quit()
        self._thread.wait(2000)
        self._release()
        self._set_state(status)

    @Slot(int, object, str)
    def _on_failed(self, gen_id: int, message: str | Text, tb: str) -> None:
        if gen_id == self._gen_id:
            self.sig_failed.emit(message, tb)

    def mark(self, state: str) -> None:
        """Set the state of a runner with no run going (Reset; a run done inline)."""
        if self._thread is None:
            self._set_state(state)

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.sig_state.emit(state)
