"""Runs an engine's generator on a QThread and delivers its snapshots to the GUI.

* Between two yields is the only place where pause, Step, stop and live parameter
  changes take effect (the worker checks a shared Control there).
* Delivery is latest-wins plus batched scalars: the worker merges every snapshot into a
  Mailbox and signals ``ready`` only when the GUI has taken the previous batch and about
  1/30 s has passed. The event queue never holds more than one delivery, and no recorded
  point is lost.
* Worker signals go to @Slot methods of the Runner, which lives in the GUI thread, so
  they are queued into the GUI thread (never lambdas: PySide6 would call those in the
  worker thread).
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from dlab.core.experiment import BadInput
from dlab.core.pacing import Pacer
from dlab.core.params import Params, Text
from dlab.core.snapshot import FAILED, FRAME, RUNNING, STOPPED, Snapshot

IDLE, PAUSED = "idle", "paused"
DELIVERY_INTERVAL_S = 1 / 30
FRAME_EVERY_STEP_MAX = 20.0  # steps/s up to which every step is drawn

Factory = Callable[[], Any]  # returns the engine's generator

class Mailbox:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._batch: Snapshot | None = None  # every snapshot since the last delivery
        self.outstanding = False  # a `ready` signal is queued and not yet taken
        self.last_emit = 0.0
        self.interval = DELIVERY_INTERVAL_S  # raised by the GUI when drawing is costly

    def put(self, snap: Snapshot) -> None:
        with self._lock:
            b = self._batch
            if b is None:
                b = self._batch = Snapshot()
            b.step = snap.step
            b.records.extend(snap.records)
            if snap.frame is not None:
                b.frame = snap.frame
            if snap.summary:
                b.summary = snap.summary
            b.status, b.message = snap.status, snap.message

    def should_signal(self, force: bool) -> bool:
        with self._lock:
            if self._batch is None or self.outstanding:
                return False
            now = time.perf_counter()
            if force or now - self.last_emit >= self.interval:
                self.outstanding = True
                self.last_emit = now
                return True
            return False

    def take(self) -> Snapshot | None:
        with self._lock:
            batch, self._batch = self._batch, None
            self.outstanding = False
            return batch


class Control:
    """What the GUI asks of the worker; read by the worker between two yields."""

    def __init__(self, paused: bool = False, speed: float = 0.0) -> None:
        self.cond = threading.Condition()
        self.paused = paused
        self.stop = False
        self.steps = 0  # Step presses not yet served
        self.params: Params | None = None  # latest live edit not yet sent
        self.speed = speed  # steps per second; 0 = as fast as possible
        self.hold = False  # the GUI is drawing: wait, so it need not fight for the GIL

    def poke(self, **changes: Any) -> None:
        with self.cond:
            for k, v in changes.items():
                setattr(self, k, v)
            self.cond.notify_all()


class _Worker(QObject):
    # Every signal carries the run's generation, so a late delivery from a run that was
    # stopped can never touch the run that replaced it.
    ready = Signal(int)
    ended = Signal(int, str, str)  # generation, status, message
    failed = Signal(int, object, str)  # generation, message (str, or a BadInput's Text), tb

    def __init__(self, gen_id: int, factory: Factory, ctl: Control, box: Mailbox) -> None:
        super().__init__()
        self.gen_id, self.factory, self.ctl, self.box = gen_id, factory, ctl, box

    def _deliver(self, snap: Snapshot, force: bool = False) -> None:
        self.box.put(snap)
        if self.box.should_signal(force):
            self.ready.emit(self.gen_id)

    def _next(self) -> tuple[str, Params | None]:
        """Block while paused; then say what to do: 'stop', 'step' or 'run'."""
        ctl = self.ctl
        with ctl.cond:
            while (ctl.paused and ctl.steps == 0 or ctl.hold) and not ctl.stop:
                ctl.cond.wait()
            if ctl.stop:
                return "stop", None
            params, ctl.params = ctl.params, None
            if ctl.paused:
                ctl.steps -= 1
                return "step", params
            return "run", params

    def _pace(self, t_last: float) -> None:
        """Slow motion: wait out the rest of this step's slot, waking early on any poke."""
        ctl = self.ctl
        with ctl.cond:
            while ctl.speed > 0 and not ctl.stop and not ctl.paused:
                left = t_last + 1.0 / ctl.speed - time.perf_counter()
                if left <= 0:
                    break
                ctl.cond.wait(left)

    @Slot()
    def run(self) -> None:
        gen = None
        status, message = STOPPED, ""
        try:
            gen = self.factory()
            self._deliver(next(gen), force=True)
            was_paused = False
            while True:
                with self.ctl.cond:
                    pausing = self.ctl.paused and not self.ctl.stop and self.ctl.steps == 0
                if pausing and not was_paused:  # show the full state we paused at
                    self._deliver(gen.send(FRAME), force=True)
                was_paused = pausing
                action, params = self._next()
                if action == "stop":
                    break
                t0 = time.perf_counter()
                snap = gen.send(params)
                if snap.status != RUNNING:
                    self._deliver(snap, force=True)
                    status, message = snap.status, snap.message
                    break
                # Slow enough to draw every step: each step comes with its full frame.
                every = action == "step" or 0 < self.ctl.speed <= FRAME_EVERY_STEP_MAX
                if every and snap.frame is None:
                    self.box.put(snap)
                    snap = gen.send(FRAME)
                self._deliver(snap, force=every)
                if action == "step":
                    was_paused = True
                elif self.ctl.speed > 0:
                    self._pace(t0)
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
            if self.box.should_signal(True):
                self.ready.emit(self.gen_id)
            self.ended.emit(self.gen_id, status, message)


class Runner(QObject):
    """One per tab. Lives in the GUI thread; owns at most one worker thread at a time."""

    sig_snapshot = Signal(object)  # Snapshot: every record since the last, latest frame
    sig_state = Signal(str)  # idle/running/paused/finished/diverged/failed/stopped
    sig_failed = Signal(object, str)  # message (str, or a BadInput's Text), traceback

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._ctl: Control | None = None
        self._box: Mailbox | None = None
        self.state = IDLE
        self.speed = 0.0
        self.delivery_interval = DELIVERY_INTERVAL_S
        # Engines compute heavy frames only as often as they are delivered.
        self.pacer = Pacer(DELIVERY_INTERVAL_S)
        self._gen_id = 0

    # --- commands from the GUI --------------------------------------------------------
    def start(self, factory: Factory, paused: bool = False, full_speed: bool = False) -> None:
        """Start a run; ``paused`` starts it paused at step 0 (for Step from idle);
        ``full_speed`` ignores the speed chosen (a measurement, not a run to watch)."""
        self.stop()
        self._ctl = Control(paused=paused, speed=0.0 if full_speed else self.speed)
        self._box = Mailbox()
        self._box.interval = self.delivery_interval
        self._gen_id += 1
        self._worker = _Worker(self._gen_id, factory, self._ctl, self._box)
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
            with self._ctl.cond:
                self._ctl.steps += 1
                self._ctl.cond.notify_all()

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
        if self._box is not None:
            self._box.interval = seconds

    def set_speed(self, steps_per_second: float) -> None:
        self.speed = steps_per_second
        if self._ctl is not None:
            self._ctl.poke(speed=steps_per_second)

    def is_active(self) -> bool:
        return self.state in (RUNNING, PAUSED)

    def stop(self, timeout_ms: int = 2000) -> bool:
        """Stop and join. Whatever was recorded before the stop is still delivered."""
        if self._thread is None:
            return True
        assert self._ctl is not None
        self._ctl.poke(stop=True)
        self._thread.quit()  # the worker returns to the thread's loop, which then ends
        joined = self._thread.wait(timeout_ms)
        if joined:
            self._on_ready(self._gen_id)  # deliver what the worker left in the mailbox
            self._release()
            if self.state in (RUNNING, PAUSED):
                self._set_state(STOPPED)
        return joined

    def _release(self) -> None:
        self._gen_id += 1  # anything still queued from that run is now ignored
        self._thread = self._worker = self._ctl = self._box = None

    # --- from the worker, queued into the GUI thread ------------------------------------
    @Slot(int)
    def _on_ready(self, gen_id: int) -> None:
        if gen_id != self._gen_id or self._box is None:
            return
        batch = self._box.take()
        if batch is not None:
            self.sig_snapshot.emit(batch)

    @Slot(int, str, str)
    def _on_ended(self, gen_id: int, status: str, message: str) -> None:
        if gen_id != self._gen_id or self._thread is None:
            return
        self._on_ready(gen_id)
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
