"""The conftest's QThread leak check sees the runner's threads (it patches QThread.start),
so a test that leaves a run going fails instead of passing quietly."""

from __future__ import annotations

from dlab.core.snapshot import Snapshot
from dlab.ui.runner import Runner
from tests.ui.conftest import running


def test_a_runner_left_running_is_reported_and_a_stopped_one_is_not(started_qthreads):
    def endless():
        step = 0
        while True:
            step += 1
            yield Snapshot(step)

    runner = Runner()
    runner.start(endless, paused=True)
    left = running(started_qthreads)
    assert len(left) == 1, left
    assert "runner.py" in left[0], "the report names where the thread was started"
    assert runner.stop()
    assert running(started_qthreads) == []
