"""The GUI thread's CPU time over a whole default run's frames, the first ones included.

`frame_cost.py` prints a frame's median after the first. A topic's default run in the window
is short where the engine is fast (gradient descent: 640 steps, about 0.15 s, some ten
frames), and there its first frames, which lay out the plots that were empty, are much of
what the window costs the run. Here a fresh window on each topic runs the tab's start
(``begin``, then a few turns of the event loop, as while the engine sets up), then the
recorded frames of the run headless took in ``--seconds``, ``--frames`` of them; the median
over ``--reps`` windows of the frames' total, each frame's cost, and the start's.

    python benchmarks/run_cost.py [--topics a,b] [--frames 8] [--reps 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DLAB_THREADS", "1")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def run_cost(case, frames: int, reps: int) -> tuple[int, float, float, list[float]]:  # noqa: ANN001
    """(steps, the frames' total ms, the start's ms, each frame's ms): medians of ``reps``."""
    from frame_cost import recording

    from dlab.bench.throughput import close_window, headless
    from dlab.ui.app import make_app
    from dlab.ui.main_window import MainWindow

    steps = headless(case, seconds=2.0).steps
    batches = recording(case, steps, frames)
    app = make_app()
    starts, per_frame = [], []
    for _ in range(reps):
        window = MainWindow(topic=case.topic.id, lang="en")
        window.resize(1280, 800)
        window.show()
        tab = window.current_tab()
        tab.set_params(case.params)
        for _ in range(3):
            app.processEvents()
        cpu = time.thread_time()
        tab.begin("run")
        for _ in range(5):  # the turns while the engine sets up
            app.processEvents()
        starts.append((time.thread_time() - cpu) * 1000)
        costs = []
        for batch in batches:
            cpu = time.thread_time()
            tab._on_batch(batch)
            app.processEvents()
            costs.append((time.thread_time() - cpu) * 1000)
        per_frame.append(costs)
        close_window(app, window)
    each = [statistics.median(run[k] for run in per_frame) for k in range(len(batches))]
    return (steps, statistics.median(sum(run) for run in per_frame), statistics.median(starts),
            each)


def main() -> None:
    from dlab.bench.throughput import cases

    ap = argparse.ArgumentParser()
    ap.add_argument("--topics", default="gradient-descent,validation")
    ap.add_argument("--frames", type=int, default=8)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    for case in cases(args.topics.split(",")):
        steps, total, start, each = run_cost(case, args.frames, args.reps)
        print(f"{case.name}: {len(each)} frames of {steps} steps: {total:.1f} ms "
              f"({total / len(each):.1f} a frame), start {start:.1f} ms; each: "
              + " ".join(f"{ms:.1f}" for ms in each), flush=True)


if __name__ == "__main__":
    main()
