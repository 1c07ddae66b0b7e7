"""The engine host's side of the pipe (dlab.core.engine_process), in this process: a run
never waits for the window to read what it sends."""

from __future__ import annotations

import multiprocessing
import threading
from dataclasses import dataclass, field

import numpy as np

from dlab.core import engine_process
from dlab.core.pacing import Pacer
from dlab.core.snapshot import FINISHED, Snapshot
from dlab.core.steering import Control, Mailbox

STEPS = 40
FRAME_FLOATS = 25_000  # 200 kB a frame: more than a pipe holds (64 kB on Linux)


@dataclass(frozen=True)
class BigFrames:
    """A run of STEPS steps, each with one record and a 200 kB frame; ``done`` is set when
    its generator has taken its last step."""

    done: threading.Event = field(default_factory=threading.Event)

    def start(self, pacer: Pacer):
        def gen():
            yield Snapshot(0, frame=np.zeros(FRAME_FLOATS))
            for t in range(1, STEPS):
                yield Snapshot(t, [("loss", t, float(t))],
                               np.full(FRAME_FLOATS, t) if pacer.due() else None)
            self.done.set()
            yield Snapshot(STEPS, [("loss", STEPS, float(STEPS))], np.zeros(FRAME_FLOATS),
                           status=FINISHED)
        return gen()


def test_a_run_is_not_held_up_by_a_window_that_does_not_read():
    """The host sent each batch from the engine's own thread: once the pipe was full (a
    window busy painting reads late), every step waited until the window read. In `dlab
    bench` under load, sigmoid's and BatchNorm's engines spent a tenth of their run blocked
    in that send. Now the engine finishes its 40 steps while no one reads, and what it made
    in the meantime is merged (every record kept, the latest frame) into a few batches."""
    theirs, ours = multiprocessing.Pipe(duplex=False)
    spec = BigFrames()
    interval = 0.0  # a batch due after every step
    run = threading.Thread(target=engine_process._run, args=(
        spec, Control(), Pacer(interval), Mailbox(interval), ours), daemon=True)
    run.start()
    finished_unread = spec.done.wait(timeout=20)
    messages = []
    while True:  # now the window reads (and frees the engine in any case)
        messages.append(theirs.recv())
        if messages[-1][0] == "ended":
            break
    run.join(5)
    assert finished_unread, "the engine waited for the window to read"
    assert not run.is_alive()
    batches = [m[1] for m in messages if m[0] == "batch"]
    steps = [step for b in batches for _, step, _ in b.records]
    assert steps == list(range(1, STEPS + 1)), "every record arrives, once, in order"
    assert len(batches) <= 4, "what was made while the window did not read is merged"
    assert batches[-1].status == FINISHED and batches[-1].frame is not None
    assert messages[-1] == ("ended", FINISHED, "")
    theirs.close()
    ours.close()


def test_what_torch_and_an_engine_made_at_import_is_out_of_the_collectors_sight():
    """An engine process imports torch (some 170,000 objects) before its first run, and a
    first run imports more (the engine, torch's optimiser code): every full collection
    then scanned them all. In a fresh process, Dropout's first run spent 373 to 482 ms in
    3 full collections (a quarter of the run), 75 ms with them frozen. After
    ``runtime.settle_imports`` (called by the engine process once torch is imported, and by
    `dlab run` once the engine is built) the oldest generation holds a tenth of what it
    held, or less."""
    import gc

    from dlab.core import runtime

    runtime.configure_torch()
    frozen = gc.get_freeze_count()  # a window of an earlier test froze what it found
    gc.unfreeze()
    gc.collect()
    before = len(gc.get_objects(generation=2))
    try:
        runtime.settle_imports()
        after = len(gc.get_objects(generation=2))
    finally:
        if not frozen:
            gc.unfreeze()
    assert before > 100_000
    assert after <= before / 10, (before, after)


@dataclass(frozen=True)
class CountedFrames(BigFrames):
    """BigFrames that counts the frames its pacer let it make."""

    made: list = field(default_factory=list)

    def start(self, pacer: Pacer):
        def gen():
            yield Snapshot(0, frame=np.zeros(FRAME_FLOATS))
            for t in range(1, STEPS):
                due = pacer.due()
                self.made.append(due)
                yield Snapshot(t, [("loss", t, float(t))],
                               np.full(FRAME_FLOATS, t) if due else None)
            self.done.set()
            yield Snapshot(STEPS, [("loss", STEPS, float(STEPS))], np.zeros(FRAME_FLOATS),
                           status=FINISHED)
        return gen()


def test_no_frame_is_made_while_the_last_one_waits_to_be_sent():
    """While a batch is on its way (the window reads late), a frame made then was replaced
    by the next one before it could go: engine time spent on nothing. Counted with frames
    due after every step and a window that reads only at the end: 41 frames were made for
    the 1 or 2 sent; now no frame is made while one waits to be sent, so each frame made is
    sent (a window drawing 100 ms a frame: 38 made for 15 shown before, 17 for 16 now)."""
    theirs, ours = multiprocessing.Pipe(duplex=False)
    spec = CountedFrames()
    run = threading.Thread(target=engine_process._run, args=(
        spec, Control(), Pacer(0.0), Mailbox(0.0), ours), daemon=True)
    run.start()
    assert spec.done.wait(timeout=20)
    messages = []
    while True:
        messages.append(theirs.recv())
        if messages[-1][0] == "ended":
            break
    run.join(5)
    sent = [m[1] for m in messages if m[0] == "batch" and m[1].frame is not None]
    made = sum(spec.made) + 2  # and the first and the last frame, asked for
    assert made <= len(sent) + 1, (made, len(sent))
    theirs.close()
    ours.close()
