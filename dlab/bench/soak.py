"""`dlab bench --soak MINUTES`: memory over a long stretch of training in each tab.

The tab runs its defaults in the window at full speed, again and again (Run after every
end, as a class would), for MINUTES. Every second the resident memory of the window's
process and of the engine processes (dlab.core.engine_process: a run trains in one of
them) is sampled. Growth is counted from the end of the first fifth of the time
(allocators and caches warm up first) to the last sample, for each and for their sum.
"""

from __future__ import annotations

import os
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from dlab.bench.throughput import Case, case_window, close_window
from dlab.core import engine_process

WARM_SHARE = 0.2
PARTS = ("window", "engine", "total")


def rss_mb(pid: int | str = "self") -> float:
    """Resident memory of process ``pid`` now, MB (Linux: /proc). Elsewhere only this
    process's peak so far is known, and nan for another process; 0 for one gone."""
    try:
        with open(f"/proc/{pid}/statm") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except FileNotFoundError:
        if os.path.isdir("/proc/self"):
            return 0.0  # the process has ended since it was listed
    except (OSError, ValueError):
        pass
    if pid != "self":
        return float("nan")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 2**10)


@dataclass(frozen=True)
class Memory:
    """One sample, MB: the window's process, and every engine process alive, summed."""

    window: float
    engine: float
    engines: int  # how many engine processes were counted

    @property
    def total(self) -> float:
        return self.window + self.engine


def sample_memory(engine_pids: Callable[[], list[int]] = engine_process.host_pids) -> Memory:
    pids = engine_pids()
    return Memory(rss_mb(), sum(rss_mb(pid) for pid in pids), len(pids))


@dataclass(frozen=True)
class Course:
    """One part's memory over the soak, MB."""

    start: float
    warm: float  # at the end of the warm-up
    end: float
    peak: float

    @property
    def growth(self) -> float:
        return self.end - self.warm

    def as_json(self) -> dict[str, float]:
        return {"start_mb": round(self.start, 1), "warm_mb": round(self.warm, 1),
                "end_mb": round(self.end, 1), "peak_mb": round(self.peak, 1),
                "growth_mb": round(self.growth, 1)}


@dataclass
class Soak:
    seconds: float
    samples: list[tuple[float, Memory]]  # (seconds since the start, memory)
    runs: int = 0  # runs that ended by themselves (the last one, stopped at the time, not)
    steps: int = 0  # the topic's natural steps, every run together
    frames: int = 0  # frames drawn by the tab
    engines_seen: set[int] = field(default_factory=set)  # engine process ids ever counted

    def course(self, part: str) -> Course:
        """``part``: "window", "engine" or "total" (their sum)."""
        values = [(t, getattr(m, part)) for t, m in self.samples]
        warm = next((v for t, v in values if t >= WARM_SHARE * self.seconds), values[-1][1])
        return Course(values[0][1], warm, values[-1][1], max(v for _, v in values))

    @property
    def growth_mb(self) -> float:
        return self.course("total").growth

    def as_json(self) -> dict:
        return {**{part: self.course(part).as_json() for part in PARTS},
                "runs": self.runs, "steps": self.steps, "frames": self.frames,
                "engine_processes": len(self.engines_seen)}


def soak(case: Case, minutes: float) -> Soak:
    from PySide6.QtCore import QEventLoop, QObject, QTimer, Slot

    app, window, tab = case_window(case)
    app.processEvents()
    seconds = minutes * 60
    result = Soak(seconds, [(0.0, sample_memory())])
    draw = tab.draw

    def counted(snap):  # noqa: ANN001, ANN202
        result.frames += 1
        return draw(snap)  # the frame, or its parts still to draw (TopicTab.draw)

    tab.draw = counted  # type: ignore[method-assign]

    class Soaker(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.t0 = time.perf_counter()
            self.over = False
            self.sampler = QTimer(self)
            self.sampler.setInterval(1000)
            self.sampler.timeout.connect(self.sample)

        @Slot()
        def sample(self) -> None:
            t = time.perf_counter() - self.t0
            result.engines_seen.update(engine_process.host_pids())
            result.samples.append((t, sample_memory()))
            if t >= seconds and not self.over:
                self.over = True
                result.steps += tab.last_step  # the run going on, stopped here
                tab.runner.stop()
                loop.quit()

        @Slot(str)
        def on_state(self, state: str) -> None:
            if state in ("finished", "diverged", "stopped", "failed") and not self.over:
                result.runs += 1
                result.steps += tab.last_step
                QTimer.singleShot(0, self.again)

        @Slot()
        def again(self) -> None:
            if not self.over:
                tab.start()

    soaker = Soaker()
    loop = QEventLoop()
    tab.runner.sig_state.connect(soaker.on_state)
    soaker.sampler.start()
    tab.start()
    loop.exec()
    soaker.sampler.stop()
    tab.runner.sig_state.disconnect(soaker.on_state)
    close_window(app, window)
    return result
