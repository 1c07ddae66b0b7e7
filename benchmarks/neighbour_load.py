"""How much a busy neighbour slows an engine that has a core of its own.

In the window the engine trains in its own process and the window draws in another, each
on a core of its own; yet on the development VM the three fastest engines train at 0.86
to 0.90 of their headless speed while their CPU time a step grows only 1 to 5 %. This
measures the rest without any window: the engine headless (as `dlab run` drives it, one
torch thread) while another process keeps a second core busy for a given share of the
time, in 5 ms slices of pure Python (no memory traffic to speak of), or with ``--memory``
copying images as a window's painting does. The window's GUI
process is busy for about frame CPU x frames a second (`dlab bench`: 10 to 19 ms x 30 to
35 frames/s, a third to a half of a core). Where the machine's cores are truly apart, the
headless speed does not move with the neighbour's share.

    python benchmarks/neighbour_load.py [--topics a,b] [--shares 0,0.35,0.7,1] [--rounds 3]
        [--memory]

Printed: headless steps/s and CPU ms a step at each share, and their ratio to the idle
neighbour's (rounds in turns; medians).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import time

SLICE_S = 0.005


def neighbour(share: float, stop: multiprocessing.synchronize.Event, memory: bool) -> None:
    """Busy for ``share`` of every 5 ms slice, asleep for the rest, until ``stop``: in pure
    Python (its data stays in the core's own caches), or with ``memory`` copying 16 MB
    images as painting does (the caches and the memory bus that cores share)."""
    import numpy as np

    src = np.ones((1000, 4000), np.uint32)
    dst = np.empty_like(src)
    while not stop.is_set():
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < share * SLICE_S:
            if memory:
                np.copyto(dst[:100], src[:100])  # 1.6 MB a copy, about 0.1 ms
        rest = SLICE_S - (time.perf_counter() - t0)
        if rest > 0:
            time.sleep(rest)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--topics", default="gradient-descent,sigmoid,validation")
    ap.add_argument("--shares", default="0,0.35,0.7,1")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=1.5)
    ap.add_argument("--memory", action="store_true", help="a neighbour that copies images")
    args = ap.parse_args()
    os.environ.setdefault("DLAB_THREADS", "1")
    from dlab.bench.throughput import cases, headless

    shares = [float(s) for s in args.shares.split(",")]
    ctx = multiprocessing.get_context("spawn")
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
          f"{args.rounds} rounds in turns, medians")
    for case in cases(args.topics.split(",")):
        steps = headless(case, seconds=args.seconds).steps
        rates: dict[float, list[float]] = {s: [] for s in shares}
        cpu: dict[float, list[float]] = {s: [] for s in shares}
        for _ in range(args.rounds):
            for share in shares:
                stop = ctx.Event()
                proc = ctx.Process(target=neighbour, args=(share, stop, args.memory), daemon=True)
                if share > 0:
                    proc.start()
                    time.sleep(0.3)  # started and busy
                h = headless(case, steps)
                if share > 0:
                    stop.set()
                    proc.join(5)
                rates[share].append(h.rate)
                cpu[share].append(h.cpu_ms)
        base = statistics.median(rates[shares[0]])
        base_cpu = statistics.median(cpu[shares[0]])
        for share in shares:
            r, c = statistics.median(rates[share]), statistics.median(cpu[share])
            print(f"{case.name:18} neighbour busy {share:4.0%}: {r:8.0f} steps/s "
                  f"({r / base:5.3f})  CPU {c:6.3f} ms/step ({c / base_cpu:5.3f})", flush=True)


if __name__ == "__main__":
    main()
