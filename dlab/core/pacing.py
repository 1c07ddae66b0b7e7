"""Decides when the screen can use a new frame, so heavy parts are computed only then."""

from __future__ import annotations

import time


class Pacer:
    def __init__(self, interval_s: float | None = 0.05) -> None:
        self.interval_s = interval_s
        self._last = -float("inf")

    def due(self) -> bool:
        if self.interval_s is None:
            return False
        now = time.perf_counter()
        if now - self._last >= self.interval_s:
            self._last = now
            return True
        return False
