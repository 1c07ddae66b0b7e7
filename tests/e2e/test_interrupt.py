"""Ctrl+C during `dlab run`, as a user presses it: what was done is kept (DESIGN.md)."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest


@pytest.mark.parametrize(("topic", "sets", "series"), [
    ("adam", [], "adam/loss"),
    # Many small SGD updates: far more steps than the test waits for.
    ("gradient-descent", ["--set", "epochs=1000", "--set", "mode=sgd"], "loss"),
])
def test_ctrl_c_keeps_every_step_done(tmp_path, topic, sets, series):
    out = tmp_path / "run"
    proc = subprocess.Popen(
        [sys.executable, "-m", "dlab", "run", topic, "--steps", "1000000", *sets,
         "--out", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "DLAB_THREADS": "1"})
    try:
        first = proc.stdout.readline()  # printed once the engine is set up
        assert first.startswith(f"{topic}: running up to 1000000 "), first
        time.sleep(1.5)  # let it take some steps
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "stopped by Ctrl+C" in lines[0], stderr
    result = json.loads((out / "result.json").read_text())
    assert result["status"] == "stopped"
    steps = result["steps"]
    assert 0 < steps < 1000000
    assert f"stopped after {steps} " in stdout
    with (out / "metrics.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    done = [int(r["step"]) for r in rows if r["series"] == series]
    assert done == list(range(1, steps + 1)), "one row for every step taken, none lost"
    assert result["final"][series] == pytest.approx(float(
        [r for r in rows if r["series"] == series][-1]["value"]))


def test_ctrl_c_during_set_up_stops_before_the_first_step(tmp_path):
    """A Ctrl+C pending when the engine is set up (pressed during set-up) ends the run
    before its first step, still as "stopped"."""
    from dlab import registry
    from dlab.cli import RunRequest, execute
    from dlab.core.experiment import StopFlag

    topic = registry.get("adam")
    stop = StopFlag()
    req = RunRequest(topic, topic.params_class()(), "run", 1000, 0, "cpu")
    store, last = execute(req, stop, on_start=lambda: setattr(stop, "set", True))
    assert last.status == "stopped" and last.step == 0
    assert store.finals() == {}
