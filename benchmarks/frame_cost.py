"""The GUI thread's CPU time to draw and paint one frame, per tab, on a fixed workload.

A tab's run is recorded headless first (its records, and a frame every few steps); the
recording is then played into the tab frame by frame, as the runner delivers it, and the
GUI thread's CPU time of each delivery (draw and paint) is measured. The work is the
same from one run to the next, and CPU time hardly depends on the machine's load, so
this is the figure to compare before and after a change to the drawing code.

    python benchmarks/frame_cost.py [--topics a,b] [--frames 60] [--seconds 2 | --steps N]
        [--profile DIR]

A frame's CPU time has three parts, printed beside it (medians): ``draw`` (the tab's
draw(), the store, the status line), ``paint`` (the plots painted at once) and ``after``
(what the frame left to the event loop: a plot whose range changed while it was painted
is painted again). ``max turn`` is the longest of these over the frames after the first: a
10 ms timer due during it waits that long. ``first``: the longest part of the first frame,
which also lays out the plots that were empty. ``--profile DIR`` writes a cProfile of the
deliveries per case
(``DIR/<case>.prof``; read it with ``python -m pstats``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DLAB_THREADS", "1")


def recording(case, steps: int, frames: int) -> list:  # noqa: ANN001
    """Deliveries as the runner would make them: all records since the last, a frame."""
    from dlab.core.pacing import Pacer
    from dlab.core.snapshot import FRAME, RUNNING, Snapshot

    gen = case.topic.start("run", case.params, 0, steps, Pacer(None))
    out, records = [gen.send(None)], []
    every = max(1, steps // frames)
    try:
        snap = out[0]
        while snap.status == RUNNING:
            snap = gen.send(None)
            records += snap.records
            if snap.step % every == 0 or snap.status != RUNNING:
                framed = gen.send(FRAME) if snap.status == RUNNING else snap
                out.append(Snapshot(snap.step, records, framed.frame, snap.status))
                records = []
    finally:
        gen.close()
    return out


def frame_cost(case, steps: int, frames: int,  # noqa: ANN001
               profile: str | None = None) -> list[tuple[float, float, float]]:
    """(draw, paint, after) of the GUI thread for each frame, in ms: ``after`` is what
    the frame left to the event loop's next turn."""
    import cProfile

    from dlab.ui.app import make_app
    from dlab.ui.main_window import MainWindow

    batches = recording(case, steps, frames)
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
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    return costs  # the first frame also lays out the plots that were empty


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
    args = ap.parse_args()
    print(f"{'':18}{'steps':>7}{'frame CPU ms':>14}{'p90':>8}{'draw':>8}{'paint':>8}"
          f"{'after':>8}{'max turn':>10}{'first':>8}   ({args.frames} frames, GUI thread, ms)")
    for case in cases(args.topics.split(",")):
        steps = args.steps or min(2000, max(args.frames, headless(case, seconds=args.seconds)[0]))
        first, *costs = frame_cost(case, steps, args.frames, args.profile)
        totals = sorted(sum(c) for c in costs)
        p90 = totals[int(0.9 * len(totals))]
        draw, paint, after = (statistics.median(c[k] for c in costs) for k in range(3))
        turn = max(max(c) for c in costs)
        print(f"{case.name:<18}{steps:7d}{statistics.median(totals):14.1f}{p90:8.1f}"
              f"{draw:8.1f}{paint:8.1f}{after:8.1f}{turn:10.1f}{max(first):8.1f}", flush=True)


if __name__ == "__main__":
    main()
