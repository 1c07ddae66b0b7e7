"""Training speed headless and in the window, frames drawn, and the event loop's lateness.

A case is a topic on its default parameters (or the worst case: gradient descent with SGD,
one example per step, the most steps a second and so the most frames to keep up with).
Headless and windowed runs of a case take the same steps from the same seed, in turns, so
both meet the same load on a shared machine; each keeps its best run.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from dlab import registry
from dlab.core.params import Params
from dlab.core.snapshot import FINISHED, RUNNING, Snapshot

WORST_CASE = "worst-case"
WORST_PARAMS = {"mode": "sgd", "epochs": 1000, "dataset_size": 256, "landscape_steps": 10}
TIMER_MS = 10  # the probe timer whose lateness stands for the window's responsiveness


@dataclass(frozen=True)
class Case:
    name: str  # a topic id, or WORST_CASE
    topic: registry.Topic
    params: Params


def cases(names: list[str]) -> list[Case]:
    out = []
    for name in names:
        if name == WORST_CASE:
            topic = registry.get("gradient-descent")
            out.append(Case(name, topic, topic.params_class().from_dict(WORST_PARAMS)))
        else:
            topic = registry.get(name)
            out.append(Case(name, topic, topic.params_class()()))
    return out


CLOCK = "bench_clock"  # the final snapshot's summary carries (t0, t1, cpu) under this key


def timed(gen: Iterator[Snapshot]) -> Iterator[Snapshot]:
    """``gen``, timed from its first snapshot (set-up done) to its last, in whichever
    thread or process drives it: the last snapshot's summary carries the two times
    (time.perf_counter, one clock for every process on the machine) and the CPU time the
    driving thread took between them (beside the wall time it says whether the engine
    was kept waiting for a core or did more work)."""
    try:
        snap = next(gen)
        t0, cpu0 = time.perf_counter(), time.thread_time()
        while True:
            sent = yield snap
            snap = gen.send(sent)
            if snap.status != RUNNING:
                snap.summary = {**snap.summary,
                                CLOCK: (t0, time.perf_counter(), time.thread_time() - cpu0)}
    finally:
        gen.close()


@dataclass(frozen=True)
class TimedSpec(registry.RunSpec):
    """A run as the window starts it, timed (it travels to the engine process too)."""

    def start(self, pacer: Any = None) -> Iterator[Snapshot]:
        return timed(super().start(pacer))


class Headless(NamedTuple):
    steps: int  # steps taken
    rate: float  # steps per second
    cpu_ms: float  # the driving thread's CPU time per step


def headless(case: Case, steps: int | None = None, seconds: float | None = None,
             device: str = "cpu") -> Headless:
    """The engine alone, as `dlab run` drives it: no frames. Ends after ``steps`` (or the
    topic's own end) or, with ``seconds``, when time is up."""
    from dlab.core.pacing import Pacer
    from dlab.core.runtime import configure_torch

    configure_torch()
    gen = case.topic.start("run", case.params, 0, steps, Pacer(None), device)
    # With the collector on, as in `dlab run` and the engine process: once a window has
    # opened, this process collects only from the GUI thread's timer (gui_gc), never here.
    collecting = gc.isenabled()
    gc.enable()
    try:
        snap = next(gen)
        t0, cpu0 = time.perf_counter(), time.thread_time()
        while snap.status == RUNNING and not (seconds and time.perf_counter() - t0 > seconds):
            snap = gen.send(None)
        elapsed, cpu = time.perf_counter() - t0, time.thread_time() - cpu0
    finally:
        gen.close()
        if not collecting:
            gc.disable()
    if snap.status not in (RUNNING, FINISHED):
        raise RuntimeError(f"{case.name}: the headless run ended {snap.status}: {snap.message}")
    return Headless(snap.step, snap.step / max(elapsed, 1e-9), cpu * 1000 / max(snap.step, 1))


@dataclass
class GuiRun:
    rate: float  # steps per second through the window
    fps: float  # draw() calls per second
    paints: float  # paints per second of the plot painted most often
    late: list[float] = field(default_factory=list)  # the probe timer's lateness, ms
    frame_cpu_ms: float = float("nan")  # the GUI thread's CPU time a frame drawn (mean)
    engine_cpu_ms: float = float("nan")  # the engine's CPU time a step (frames included)
    engine_share: float = float("nan")  # the engine's CPU time ÷ its wall time


def case_window(case: Case) -> tuple[Any, Any, Any]:
    """The app, a 1280x800 window on ``case``'s topic and its tab, set to the case's
    parameters at full speed (the throughput and soak benches both start from this)."""
    from dlab.ui.app import make_app
    from dlab.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(topic=case.topic.id, lang="en")
    window.resize(1280, 800)
    window.show()
    tab = window.current_tab()
    assert tab is not None, window.broken
    tab.set_params(case.params)
    tab.runner.set_speed(0.0)
    return app, window, tab


def close_window(app: Any, window: Any) -> None:
    """End what ``case_window`` opened: its runs stopped, the window closed and deleted."""
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()


def in_window(case: Case, steps: int, device: str = "cpu") -> GuiRun:
    """Run ``steps`` of ``case`` on ``device`` in its tab, in a window of its own, at full
    speed."""
    from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Slot

    app, window, tab = case_window(case)
    tab.engine_factory = lambda action="run": TimedSpec(  # type: ignore[method-assign]
        case.topic.id, "run", case.params, 0, steps, device)
    clock: dict[str, Any] = {}
    draws: list[float] = []
    # The GUI thread's CPU time from the first frame drawn to the end of the run (frames
    # are painted in turns of their own when training has a process of its own).
    cpu: list[float] = []
    draw = tab.draw

    def counted(snap: Snapshot) -> Any:
        if not cpu:
            cpu.append(time.thread_time())
        parts = draw(snap)  # the frame, or its parts still to draw (TopicTab.draw)
        draws.append(time.perf_counter())
        if CLOCK in snap.summary:
            clock.update(times=snap.summary[CLOCK], steps=snap.step, status=snap.status)
        return parts

    tab.draw = counted  # type: ignore[method-assign]
    app.processEvents()

    class Probe(QObject):
        """The probe timer, the paints of every plot, and the end of the run."""

        def __init__(self) -> None:
            super().__init__()
            self.late: list[tuple[float, float]] = []  # (when, ms late)
            self.paints: dict[object, int] = {}
            self.last = time.perf_counter()
            self.timer = QTimer(self)
            self.timer.setInterval(TIMER_MS)
            self.timer.timeout.connect(self.tick)

        @Slot()
        def tick(self) -> None:
            now = time.perf_counter()
            self.late.append((now, max(0.0, (now - self.last) * 1000 - TIMER_MS)))
            self.last = now

        @Slot(str)
        def on_state(self, state: str) -> None:
            if state not in ("running", "paused"):
                loop.quit()

        def eventFilter(self, obj: Any, event: Any) -> bool:  # noqa: N802 (Qt's name)
            if event.type() == QEvent.Type.Paint:
                self.paints[obj] = self.paints.get(obj, 0) + 1
            return False

    probe = Probe()
    for plot in tab.plots():
        plot.viewport().installEventFilter(probe)
    loop = QEventLoop()
    tab.runner.sig_state.connect(probe.on_state)
    probe.timer.start()
    tab.start()
    loop.exec()
    cpu.append(time.thread_time())
    settle = time.perf_counter() + 3 * TIMER_MS / 1000  # the tick that closes the run's gap
    while time.perf_counter() < settle:
        app.processEvents()
    probe.timer.stop()
    state = tab.runner.state
    close_window(app, window)
    if clock.get("status") != FINISHED:
        raise RuntimeError(f"{case.name}: the run in the window ended {state}")
    t0, t1, engine_cpu = clock["times"]
    seconds = max(t1 - t0, 1e-9)
    drawn = sum(t0 <= t <= t1 for t in draws)
    return GuiRun(clock["steps"] / seconds, drawn / seconds,
                  max(probe.paints.values(), default=0) / seconds,
                  _during(probe.late, t0, t1),
                  (cpu[-1] - cpu[0]) * 1000 / max(len(draws) - 1, 1) if len(cpu) == 2
                  else float("nan"),
                  engine_cpu * 1000 / max(clock["steps"], 1), engine_cpu / seconds)


def _during(ticks: list[tuple[float, float]], t0: float, t1: float) -> list[float]:
    """The lateness of the ticks from t0 to t1, and of the first tick after t1 (a GUI
    thread kept busy past the end of the run was late all that time)."""
    after = next((k for k, (t, _) in enumerate(ticks) if t > t1), len(ticks) - 1)
    return [ms for t, ms in ticks[:after + 1] if t >= t0]


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass
class Figures:
    """One case's figures: the issue's four, and what explains them."""

    steps_per_s: float  # headless
    gui_steps_per_s: float
    fps: float
    paints_per_s: float
    p50_ms: float
    p99_ms: float
    steps: int
    frame_cpu_ms: float
    headless_cpu_ms: float = float("nan")  # CPU time a step, headless
    engine_cpu_ms: float = float("nan")  # CPU time a step in the window's engine
    engine_share: float = float("nan")  # the window's engine: CPU time ÷ wall time

    @property
    def gui_over_headless(self) -> float:
        return self.gui_steps_per_s / self.steps_per_s

    def issue_json(self) -> dict[str, float]:
        p99 = round(self.p99_ms, 1) if math.isfinite(self.p99_ms) else None  # no tick came
        return {"gui_over_headless": round(self.gui_over_headless, 3),
                "fps": round(self.fps, 1), "steps_per_s": round(self.steps_per_s, 1),
                "p99_ms": p99}


def measure(case: Case, seconds: float = 2.0, rounds: int = 2,
            note: Callable[[str], None] = lambda _: None, device: str = "cpu") -> Figures:
    """Headless for about ``seconds`` (warms up, finds the steps), then ``rounds`` turns of
    headless and windowed runs of those steps; the best of each."""
    steps = max(headless(case, seconds=seconds, device=device).steps, 1)
    note(f"{case.name}: {steps} steps a run")
    best_h, best_g, late = Headless(0, 0.0, float("nan")), None, []
    for _ in range(rounds):
        best_h = max(best_h, headless(case, steps, device=device), key=lambda h: h.rate)
        run = in_window(case, steps, device)
        late += run.late
        if best_g is None or run.rate > best_g.rate:
            best_g = run
    assert best_g is not None
    return Figures(best_h.rate, best_g.rate, best_g.fps, best_g.paints, percentile(late, 0.5),
                   percentile(late, 0.99), steps, best_g.frame_cpu_ms, best_h.cpu_ms,
                   best_g.engine_cpu_ms, best_g.engine_share)


def device_ratio(case: Case, seconds: float = 2.0) -> tuple[float, float]:
    """Headless steps/s on the CPU and on CUDA, the same steps from the same seed."""
    steps = headless(case, seconds=seconds).steps
    headless(case, min(steps, 20), device="cuda")  # CUDA's start-up is not counted
    cpu = headless(case, steps).rate
    cuda = headless(case, steps, device="cuda").rate
    return cpu, cuda
