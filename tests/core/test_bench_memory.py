"""The soak bench's memory (`dlab bench --soak`): a run trains in an engine process, so the
memory sampled must be the window's process and the engine processes, and growth is
counted from the end of the warm-up."""

from __future__ import annotations

import multiprocessing
import sys
from multiprocessing.connection import Connection

import pytest

from dlab.bench.soak import Memory, Soak, sample_memory

MB = 2**20


def hold(conn: Connection) -> None:
    """A child that fills as many MB as it is told, holds them, and quits on 0."""
    held = []
    conn.send("ready")
    while (mb := conn.recv()) > 0:
        held.append(b"\x01" * (mb * MB))  # written, so resident (not lazily mapped zeros)
        conn.send("held")


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="another process's memory is read from /proc")
def test_memory_held_by_an_engine_process_is_counted_apart_from_the_window():
    ctx = multiprocessing.get_context("spawn")
    ours, theirs = ctx.Pipe()
    child = ctx.Process(target=hold, args=(theirs,), daemon=True)
    child.start()
    try:
        assert ours.poll(60) and ours.recv() == "ready"
        before = sample_memory(lambda: [child.pid])
        ours.send(64)
        assert ours.poll(60) and ours.recv() == "held"
        after = sample_memory(lambda: [child.pid])
    finally:
        ours.send(0)
        child.join(10)
    assert before.engines == after.engines == 1
    assert 60 <= after.engine - before.engine <= 72, (before, after)
    assert abs(after.window - before.window) < 8, "this process allocated nothing"
    assert after.total == after.window + after.engine
    gone = sample_memory(lambda: [child.pid])
    assert gone.engine == 0, "a process that has ended holds nothing"


def test_growth_is_counted_from_the_warm_up_for_each_process_and_their_sum():
    samples = [(0.0, Memory(100, 0, 0)),  # before the engine process started
               (10.0, Memory(150, 300, 1)),  # warming up: not growth
               (20.0, Memory(160, 320, 1)),  # the first sample at a fifth of 100 s
               (60.0, Memory(190, 400, 2)),  # the peak
               (100.0, Memory(170, 340, 1))]
    soak = Soak(100.0, samples)
    window, engine, total = (soak.course(p) for p in ("window", "engine", "total"))
    assert (window.start, window.warm, window.end, window.peak) == (100, 160, 170, 190)
    assert (engine.warm, engine.end, engine.peak) == (320, 340, 400)
    assert (window.growth, engine.growth, total.growth) == (10, 20, 30)
    assert total.peak == 590 and soak.growth_mb == 30
    assert soak.as_json()["engine"]["growth_mb"] == 20
