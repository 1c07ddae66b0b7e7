"""What the engine's loop costs a step beyond the engine: the window's runs are driven by
`dlab.core.steering.steer` (pause, Step, stop, live edits between two yields) and hand
their snapshots to a Mailbox for the sender; `dlab run` only calls the generator. Both are
timed here on an engine that does nothing but yield a record a step and a frame when its
Pacer says so, in thread CPU time.

    python benchmarks/steering_cost.py [--steps 200000]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator

from dlab.core.pacing import Pacer
from dlab.core.snapshot import FINISHED, RUNNING, Snapshot
from dlab.core.steering import DELIVERY_INTERVAL_S, Control, Mailbox, steer


def idle_engine(pacer: Pacer, steps: int) -> Iterator[Snapshot]:
    yield Snapshot(0)
    for t in range(1, steps):
        yield Snapshot(t, [("loss", t, 1.0)], object() if pacer.due() else None)
    yield Snapshot(steps, status=FINISHED)


def plain(steps: int) -> float:
    gen = idle_engine(Pacer(None), steps)
    snap = next(gen)
    t0 = time.thread_time()
    while snap.status == RUNNING:
        snap = gen.send(None)
    return (time.thread_time() - t0) / steps * 1e6


def steered(steps: int) -> float:
    box, pacer = Mailbox(DELIVERY_INTERVAL_S), Pacer(DELIVERY_INTERVAL_S)
    pacer.hold = box.has_frame

    def deliver(snap: Snapshot, force: bool) -> None:
        box.put(snap)
        if box.should_signal(force):
            box.take()  # as the sender thread does

    t0 = time.thread_time()
    steer(idle_engine(pacer, steps), Control(), deliver)
    return (time.thread_time() - t0) / steps * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--steps", type=int, default=200_000)
    steps = ap.parse_args().steps
    for _ in range(3):
        a, b = plain(steps), steered(steps)
        print(f"generator alone {a:.2f} µs a step, steered {b:.2f} µs: the loop costs "
              f"{b - a:.2f} µs a step")


if __name__ == "__main__":
    main()
