"""The GUI thread's CPU time to draw and paint one frame, per tab, on a fixed workload.

A tab's run is recorded headless first (its records, and a frame every few steps); the
recording is then played into the tab frame by frame, as the runner delivers it, and the
GUI thread's CPU time of each delivery (draw and paint) is measured. The work is the
same from one run to the next, and CPU time hardly depends on the machine's load, so
this is the figure to compare before and after a change to the drawing code.

    python benchmarks/frame_cost.py [--topics a,b] [--frames 60] [--seconds 2 | --steps N]
        [--profile DIR] [--paced]

A frame's CPU time has three parts, printed beside it (medians): ``draw`` (the tab's
draw(), the store, the status line), ``paint`` (the plots painted at once) and ``after``
(what the frame left to the event loop: a plot whose range changed while it was painted
is painted again), all at once as on the runner's thread (DLAB_ENGINE_PROCESS=0).

Then the same frames are played again as with an engine process (the default): delivered
by the event loop, a frame drawn in turns of its own (``TopicTab.draw``), while a 0 ms probe
timer notes the GUI thread's CPU time each time it fires. The CPU time between two ticks is
a turn of the event loop: a 10 ms timer due during it waits that long, so the longest turn
bounds the window's p99 lateness from below. Printed: ``turns`` (a frame's, median),
``longest turn`` (over the frames after the first), its p90 over the frames, and ``first``
(the first frame's longest turn: it also lays out the plots that were empty).
``--profile DIR`` writes a cProfile of the deliveries per case (``DIR/<case>.prof``; read
it with ``python -m pstats``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DLAB_THREADS", "1")


def recording(case, steps: int, frames: int, paced: bool = False) -> list:  # noqa: ANN001
    """Deliveries as the runner would make them: all records since the last, a frame.
    Every frame is asked for (FRAME: what a topic measures only a few times a second, such
    as Sigmoid's histograms, is measured for each), or with ``paced`` made as the engine
    makes them at 30 a second (``paced_frame``; the frames then depend on the speed)."""
    from dlab.core.pacing import Pacer
    from dlab.core.snapshot import FRAME, RUNNING, Snapshot

    gen = case.topic.start("run", case.params, 0, steps, Pacer(1 / 30 if paced else None))
    out, records = [gen.send(None)], []
    every = max(1, steps // frames)
    try:
        snap = out[0]
        while snap.status == RUNNING:
            snap = gen.send(None)
            records += snap.records
            if paced:
                framed = snap if snap.frame is not None else None
            elif snap.step % every == 0 or snap.status != RUNNING:
                framed = gen.send(FRAME) if snap.status == RUNNING else snap
            else:
                framed = None
            if framed is not None:
                out.append(Snapshot(snap.step, records, framed.frame, snap.status,
                                    planned=framed.planned))
                records = []
    finally:
        gen.close()
    return out


class TurnProbe:
    """A 0 ms timer: it fires at every turn of the event loop, after any timer started in
    the turn before (a frame's next part), and notes the GUI thread's CPU time."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(lambda: self.ticks.append(time.thread_time()))

    def turns(self) -> list[float]:
        """The CPU time of each turn between two ticks, in ms."""
        return [(b - a) * 1000 for a, b in itertools.pairwise(self.ticks)]


def play_in_turns(app, tab, batches: list) -> list[list[float]]:  # noqa: ANN001
    """Deliver ``batches`` as the runner does for a run in an engine process (each from a
    0 ms timer, the next once the tab has drawn the last); each frame's turns, in ms."""
    from PySide6.QtCore import QTimer

    tab.runner.in_process = lambda: True  # type: ignore[method-assign]
    probe = TurnProbe()
    frames = []
    probe.timer.start()
    for batch in batches:
        app.processEvents()
        probe.ticks.clear()
        app.processEvents()  # a first tick before the frame
        QTimer.singleShot(0, lambda b=batch: tab._on_batch(b))
        while len(probe.ticks) < 3 or getattr(tab, "_parts", None) is not None:
            app.processEvents()
        for _ in range(3):  # what the frame left to the event loop
            app.processEvents()
        frames.append([t for t in probe.turns() if t > 0.05] or [0.0])
    probe.timer.stop()
    tab.runner.in_process = type(tab.runner).in_process.__get__(tab.runner)
    return frames


def frame_cost(case, steps: int, frames: int,  # noqa: ANN001
               profile: str | None = None, paced: bool = False,
               ) -> tuple[list[tuple[float, float, float]], list[list[float]]]:
    """(draw, paint, after) of the GUI thread for each frame drawn at once, in ms (``after``
    is what the frame left to the event loop's next turn), and each frame's turns when it is
    drawn as with an engine process."""
    import cProfile

    from dlab.ui.app import make_app
    from dlab.ui.main_window import MainWindow

    batches = recording(case, steps, frames, paced)
    app = make_app()
    window = MainWindow(topic=case.topic.id, lang="en")
    window.resize(1280, 800)
    window.show()
    tab = window.current_tab()
    tab.set_params(case.params)
    app.processEvents()
    tab.begin("run")
    paint = tab._paint_now
    painted = [0.0]

    def timed_paint() -> None:
        cpu = time.thread_time()
        paint()
        painted[0] = (time.thread_time() - cpu) * 1000

    tab._paint_now = timed_paint
    profiler = cProfile.Profile() if profile else None
    costs = []
    for batch in batches:
        if profiler is not None:
            profiler.enable()
        cpu = time.thread_time()
        tab._on_batch(batch)
        total = (time.thread_time() - cpu) * 1000
        cpu = time.thread_time()
        app.processEvents()  # what the frame left to the event loop (a second paint)
        after = (time.thread_time() - cpu) * 1000
        if profiler is not None:
            profiler.disable()
        costs.append((total - painted[0], painted[0], after))
    if profiler is not None:
        os.makedirs(profile, exist_ok=True)
        profiler.dump_stats(os.path.join(profile, f"{case.name}.prof"))
    tab._paint_now = paint
    tab.begin("run")
    turns = play_in_turns(app, tab, batches)
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    return costs, turns  # the first frame also lays out the plots that were empty


def main() -> None:
    from dlab import registry
    from dlab.bench.throughput import WORST_CASE, cases, headless

    ap = argparse.ArgumentParser()
    ap.add_argument("--topics", default=",".join([*registry.ids(), WORST_CASE]))
    ap.add_argument("--frames", type=int, default=60)
    ap.add_argument("--seconds", type=float, default=2.0,
                    help="record the steps a headless run takes in this time (at most 2000)")
    ap.add_argument("--steps", type=int, help="record this many steps instead (the same "
                    "work on every machine: compare before and after with it)")
    ap.add_argument("--profile", metavar="DIR", help="write DIR/<case>.prof (cProfile)")
    ap.add_argument("--paced", action="store_true", help="the frames a run paced at 30 a "
                    "second makes (as in the window), not one asked for every steps/frames")
    args = ap.parse_args()
    print(f"{'':18}{'steps':>7}{'frame CPU ms':>14}{'p90':>8}{'draw':>8}{'paint':>8}"
          f"{'after':>8}{'turns':>7}{'longest turn':>14}{'p90':>8}{'first':>8}"
          f"   ({args.frames} frames, GUI thread, ms)")
    for case in cases(args.topics.split(",")):
        steps = args.steps or min(2000, max(args.frames, headless(case, seconds=args.seconds)[0]))
        (_, *costs), (first, *turns) = frame_cost(case, steps, args.frames, args.profile,
                                                 args.paced)
        totals = sorted(sum(c) for c in costs)
        p90 = totals[int(0.9 * len(totals))]
        draw, paint, after = (statistics.median(c[k] for c in costs) for k in range(3))
        longest = sorted(max(t) for t in turns)
        print(f"{case.name:<18}{steps:7d}{statistics.median(totals):14.1f}{p90:8.1f}"
              f"{draw:8.1f}{paint:8.1f}{after:8.1f}"
              f"{statistics.median(len(t) for t in turns):7.0f}{longest[-1]:14.1f}"
              f"{longest[int(0.9 * len(longest))]:8.1f}{max(first):8.1f}", flush=True)


if __name__ == "__main__":
    main()
