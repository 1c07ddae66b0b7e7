"""Drives an engine's generator under a window's control, Qt-free, so that the same loop
runs in the window's worker thread and in an engine process (dlab.core.engine_process).

* Between two yields is the only place where pause, Step, stop and live parameter
  changes take effect (the loop checks a shared Control there).
* Delivery is latest-wins plus batched records: every snapshot is merged into a Mailbox,
  and the mailbox says when the receiver may be told (it has taken the previous batch and
  about ``interval`` has passed), so no recorded point is lost and nothing queues up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator
from typing import Any

from dlab.core.params import Params
from dlab.core.snapshot import FRAME, RUNNING, Snapshot

DELIVERY_INTERVAL_S = 1 / 30
FRAME_EVERY_STEP_MAX = 20.0  # steps/s up to which every step is drawn


class Mailbox:
    def __init__(self, interval: float = DELIVERY_INTERVAL_S) -> None:
        self._lock = threading.Lock()
        self._batch: Snapshot | None = None  # every snapshot since the last delivery
        self.outstanding = False  # the receiver was told and has not taken it yet
        self.last_emit = 0.0
        self.interval = interval

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
            if snap.planned is not None:
                b.planned = snap.planned
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

    def has_frame(self) -> bool:
        """A frame is waiting to be taken."""
        with self._lock:
            return self._batch is not None and self._batch.frame is not None

    def take(self) -> Snapshot | None:
        with self._lock:
            batch, self._batch = self._batch, None
            self.outstanding = False
            return batch


class Control:
    """What the window asks of the loop; read by the loop between two yields."""

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

    def add_step(self) -> None:
        with self.cond:
            self.steps += 1
            self.cond.notify_all()

    def _next(self) -> tuple[str, Params | None]:
        """Block while paused or held; then say what to do: 'stop', 'step' or 'run'."""
        with self.cond:
            while (self.paused and self.steps == 0 or self.hold) and not self.stop:
                self.cond.wait()
            if self.stop:
                return "stop", None
            params, self.params = self.params, None
            if self.paused:
                self.steps -= 1
                return "step", params
            return "run", params

    def _pace(self, t_last: float) -> None:
        """Slow motion: wait out the rest of this step's slot, waking early on any poke."""
        with self.cond:
            while self.speed > 0 and not self.stop and not self.paused:
                left = t_last + 1.0 / self.speed - time.perf_counter()
                if left <= 0:
                    break
                self.cond.wait(left)


Deliver = Callable[[Snapshot, bool], None]  # (snapshot, now rather than when due)


def steer(gen: Generator[Snapshot, Any, None], ctl: Control,
          deliver: Deliver) -> tuple[str, str]:
    """Run ``gen`` to its end or a stop, obeying ``ctl``; return (status, message) of a run
    that ended by itself, or ("stopped", ""). The engine's exceptions propagate."""
    deliver(next(gen), True)
    was_paused = False
    while True:
        with ctl.cond:
            pausing = ctl.paused and not ctl.stop and ctl.steps == 0
        if pausing and not was_paused:  # show the full state we paused at
            deliver(gen.send(FRAME), True)
        was_paused = pausing
        action, params = ctl._next()
        if action == "stop":
            return "stopped", ""
        t0 = time.perf_counter()
        snap = gen.send(params)
        if snap.status != RUNNING:
            deliver(snap, True)
            return snap.status, snap.message
        # Slow enough to draw every step: each step comes with its full frame.
        every = action == "step" or 0 < ctl.speed <= FRAME_EVERY_STEP_MAX
        if every and snap.frame is None:
            deliver(snap, False)
            snap = gen.send(FRAME)
        deliver(snap, every)
        if action == "step":
            was_paused = True
        elif ctl.speed > 0:
            ctl._pace(t0)
