"""Decides when the screen can use a new frame, so heavy parts are computed only then."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator


class Pacer:
    def __init__(self, interval_s: float | None = 0.05) -> None:
        self.interval_s = interval_s
        self._last = -float("inf")
        # Says when a frame made now could not be sent before the next one replaces it
        # (the engine process: the last one is still on its way): none is due then.
        self.hold: Callable[[], bool] | None = None

    def due(self) -> bool:
        # The clock first: ``hold`` takes a lock, and most steps are not due anyway.
        if self.interval_s is None:
            return False
        now = time.perf_counter()
        if now - self._last < self.interval_s or (self.hold is not None and self.hold()):
            return False
        self._last = now
        return True


class Budget:
    """When a costly part of the paced frames (Dropout's vote of many masks) may be measured
    again: only while the time it takes stays within ``share`` of the run's time, counted
    from the first time it is asked, and not before ``first_after_s`` (its cost is not known
    until it has been measured once). `dlab run` makes no paced frames, so whatever they
    cost is training time the window loses; a rule in steps cannot bound it, since the
    part's cost and a step's change with the parameters. The frames asked for (paused,
    Step, slow motion, the end) measure it by their own rule, at no charge here."""

    def __init__(self, share: float = 0.02, first_after_s: float = 2.0) -> None:
        self.share = share
        self.first_after_s = first_after_s
        self.start: float | None = None
        self.spent = 0.0  # seconds the part took, in total
        self.last = 0.0  # seconds it took the last time

    def due(self) -> bool:
        now = time.perf_counter()
        if self.start is None:
            self.start = now
        elapsed = now - self.start
        return (elapsed >= self.first_after_s
                and self.spent + self.last <= self.share * elapsed)

    @contextlib.contextmanager
    def spending(self) -> Iterator[None]:
        """Around the part's measuring: its time is charged to the budget."""
        t0 = time.perf_counter()
        try:
            yield
        finally:
            self.last = time.perf_counter() - t0
            self.spent += self.last
