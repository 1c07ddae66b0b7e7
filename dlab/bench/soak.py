"""`dlab bench --soak MINUTES`: memory over a long stretch of training in each tab.

The tab runs its defaults in the window at full speed, again and again (Run after every
end, as a class would), for MINUTES; the process's resident memory is sampled every second.
Growth is counted from the first fifth of the time (allocators and caches warm up first).
"""

from __future__ import annotations

import os
import resource
import sys
import time
from dataclasses import dataclass

from dlab.bench.throughput import Case, case_window

WARM_SHARE = 0.2


def rss_mb() -> float:
    """Resident memory of this process now (Linux), else its peak so far."""
    try:
        with open("/proc/self/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)


@dataclass
class Soak:
    start_mb: float
    warm_mb: float
    end_mb: float
    peak_mb: float
    runs: int

    @property
    def growth_mb(self) -> float:
        return self.end_mb - self.warm_mb

    def as_json(self) -> dict[str, float | int]:
        return {"rss_start_mb": round(self.start_mb, 1), "rss_warm_mb": round(self.warm_mb, 1),
                "rss_end_mb": round(self.end_mb, 1), "peak_mb": round(self.peak_mb, 1),
                "growth_mb": round(self.growth_mb, 1), "runs": self.runs}


def soak(case: Case, minutes: float) -> Soak:
    from PySide6.QtCore import QEventLoop, QObject, QTimer, Slot

    app, window, tab = case_window(case)
    app.processEvents()
    seconds = minutes * 60
    start = rss_mb()

    class Soaker(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.t0 = time.perf_counter()
            self.samples: list[tuple[float, float]] = []
            self.runs = 0
            self.sampler = QTimer(self)
            self.sampler.setInterval(1000)
            self.sampler.timeout.connect(self.sample)

        @Slot()
        def sample(self) -> None:
            t = time.perf_counter() - self.t0
            self.samples.append((t, rss_mb()))
            if t >= seconds:
                tab.runner.stop()
                loop.quit()

        @Slot(str)
        def on_state(self, state: str) -> None:
            if state in ("finished", "diverged", "stopped", "failed") and \
                    time.perf_counter() - self.t0 < seconds:
                self.runs += 1
                QTimer.singleShot(0, self.again)

        @Slot()
        def again(self) -> None:
            tab.start()

    soaker = Soaker()
    loop = QEventLoop()
    tab.runner.sig_state.connect(soaker.on_state)
    soaker.sampler.start()
    tab.start()
    loop.exec()
    soaker.sampler.stop()
    tab.runner.sig_state.disconnect(soaker.on_state)
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    samples = soaker.samples or [(0.0, start)]
    warm = next((mb for t, mb in samples if t >= WARM_SHARE * seconds), samples[-1][1])
    return Soak(start, warm, samples[-1][1], max(mb for _, mb in samples), soaker.runs + 1)
