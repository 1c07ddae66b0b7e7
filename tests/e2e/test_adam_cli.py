"""`dlab run adam` as a teacher's script uses it: the series of the contract, --steps,
a diverging optimiser reported but not fatal, a bad optimiser name refused."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys


def dlab(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "dlab", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def test_run_writes_the_race_series(tmp_path):
    out = dlab("run", "adam", "--set", "optimizers=sgd,adam", "--set", "own_lr=false",
               "--set", "lr=0.01", "--steps", "40", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    with (tmp_path / "metrics.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    series = {r["series"] for r in rows}
    assert series == {f"{o}/{k}" for o in ("sgd", "adam") for k in ("x", "y", "loss")} | {
        "net/sgd/loss", "net/adam/loss"}
    steps = {name: sorted(int(r["step"]) for r in rows if r["series"] == name)
             for name in ("adam/loss", "sgd/loss", "net/sgd/loss")}
    assert steps["adam/loss"] == steps["net/sgd/loss"] == list(range(1, 41))
    # On Rosenbrock's steep walls SGD at lr 0.01 is thrown out at step 3; Adam goes on.
    assert steps["sgd/loss"] == [1, 2]
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["status"] == "finished"
    assert result["steps"] == 40
    assert result["surface_status"] == {"sgd": "diverged", "adam": "running"}
    assert result["stopped"] == ["sgd diverged at step 3"]


def test_a_bad_optimiser_name_is_refused(tmp_path):
    out = dlab("run", "adam", "--set", "optimizers=sgd,lion", "--out", str(tmp_path))
    assert out.returncode == 2
    assert "optimizers" in out.stderr and "rmsprop" in out.stderr
    assert not (tmp_path / "metrics.csv").exists()
