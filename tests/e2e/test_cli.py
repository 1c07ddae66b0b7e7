"""The command line, as a user runs it: list, params, run, bad input, determinism, shot."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from dlab import registry


def dlab(*args: str, cwd=None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "dlab", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=300)


def test_list_prints_every_topic_in_order():
    out = dlab("list")
    assert out.returncode == 0
    ids = [line.split("\t")[0] for line in out.stdout.strip().splitlines()]
    assert ids == registry.ids()


def test_params_text_and_json():
    out = dlab("params", "gradient-descent")
    assert out.returncode == 0 and "batch_size" in out.stdout and "power of two" in out.stdout
    doc = json.loads(dlab("params", "gradient-descent", "--json").stdout)
    names = [p["name"] for p in doc["params"]]
    for name in ("mode", "batch_size", "dataset_size", "lr", "epochs", "init", "hidden",
                 "landscape", "start_x", "start_y", "noise"):
        assert name in names
    mode = next(p for p in doc["params"] if p["name"] == "mode")
    assert mode["choices"] == ["batch", "minibatch", "sgd"]


def test_run_writes_metrics_and_result(tmp_path):
    out = dlab("run", "gradient-descent", "--set", "epochs=3", "--set", "dataset_size=100",
               "--set", "batch_size=16", "--out", str(tmp_path / "r"))
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "r" / "result.json").read_text())
    assert result["status"] == "finished"
    assert result["iterations_per_epoch"] == 7 and result["iterations"] == 21
    assert result["params"]["epochs"] == 3 and result["seed"] == 0
    with (tmp_path / "r" / "metrics.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["step", "series", "value"]
    series = {r["series"] for r in rows}
    assert {"loss", "epoch_loss", "grad_norm", "landscape/x", "landscape/y",
            "landscape/loss"} <= series
    loss_steps = [int(r["step"]) for r in rows if r["series"] == "loss"]
    assert loss_steps == list(range(1, 22))
    assert result["final"]["loss"] == pytest.approx(float(
        [r for r in rows if r["series"] == "loss"][-1]["value"]))


def test_same_seed_same_csv(tmp_path):
    for name in ("a", "b", "c"):
        seed = "1" if name == "c" else "0"
        assert dlab("run", "gradient-descent", "--set", "epochs=2", "--seed", seed,
                    "--out", str(tmp_path / name)).returncode == 0
    a, b, c = ((tmp_path / n / "metrics.csv").read_text() for n in "abc")
    assert a == b
    assert a != c


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["run", "nope"], "unknown topic 'nope'"),
        (["run", "gradient-descent", "--set", "lr=1e9"],
         "lr: '1e9' is out of range; expected a number from 0.0001 to 100"),
        (["run", "gradient-descent", "--set", "mode=fast"], "mode: 'fast' is not allowed"),
        (["run", "gradient-descent", "--set", "bogus=1"], "bogus: unknown parameter"),
        (["run", "gradient-descent", "--set", "lr"], "expected NAME=VALUE"),
        (["run", "gradient-descent", "--steps", "0"], "--steps"),
        (["params", "nope"], "unknown topic"),
        (["shot", "gradient-descent", "x.png", "--size", "big"], "--size"),
        (["run", "sigmoid", "--steps", "3", "--seed", "-5"],
         "--seed: -5 is not allowed; expected an integer from 0 to 2147483647"),
        (["run", "sigmoid", "--steps", "3", "--seed", "99999999999999999999"],
         "expected an integer from 0 to 2147483647"),
        (["shot", "sigmoid", "x.png", "--steps", "3", "--seed", "-1"], "--seed"),
        (["shot", "adam", "x.png", "--steps", "1", "--size", "320x240"],
         "--size 320x240: the adam window needs at least"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, args, names):
    out = dlab(*args, "--out", str(tmp_path / "o")) if args[0] == "run" else dlab(*args,
                                                                              cwd=tmp_path)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and names in lines[0], out.stderr
    assert not (tmp_path / "o").exists()
    assert not (tmp_path / "x.png").exists()


def test_diverged_run_is_a_result_not_an_error(tmp_path):
    out = dlab("run", "gradient-descent", "--set", "mode=batch", "--set", "hidden=0",
               "--set", "lr=100", "--out", str(tmp_path))
    assert out.returncode == 0
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["status"] == "diverged"
    assert "diverged at step" in result["message"]


def test_version():
    out = dlab("--version")
    assert out.returncode == 0 and out.stdout.startswith("dlab ")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shot_writes_a_non_blank_png(tmp_path, lang):
    from PySide6.QtGui import QImage

    png = tmp_path / f"gd-{lang}.png"
    out = dlab("shot", "gradient-descent", str(png), "--set", "epochs=3", "--size", "1200x800",
               "--lang", lang)
    assert out.returncode == 0, out.stderr
    img = QImage(str(png))
    assert (img.width(), img.height()) == (1200, 800)
    colours = {img.pixel(x, y) for x in range(0, 1200, 7) for y in range(0, 800, 7)}
    assert len(colours) > 50, "the picture has content, not a blank window"


def test_shot_refuses_an_output_that_is_not_png_and_keeps_the_file(tmp_path):
    notes = tmp_path / "existing.txt"
    notes.write_text("a teacher's notes")
    out = dlab("shot", "sigmoid", str(notes), "--steps", "2")
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "PNG" in lines[0] and "existing.txt" in lines[0], out.stderr
    assert notes.read_text() == "a teacher's notes"


def _unwritable_folder(tmp_path):
    """A folder no file can be written in: read-only by its mode, or (for root, whom modes
    do not stop) the kernel's /sys."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return folder
    (folder / "probe").unlink()
    return "/sys"


@pytest.mark.parametrize("where", ["read-only folder", "below a file"])
def test_run_checks_the_output_folder_before_training(tmp_path, where):
    if where == "below a file":
        (tmp_path / "file").write_text("x")
        out_dir = tmp_path / "file" / "run"
    else:
        out_dir = _unwritable_folder(tmp_path)
    out = dlab("run", "sigmoid", "--steps", "400", "--out", str(out_dir))
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and f"--out {out_dir}: cannot write there" in lines[0], out.stderr
    assert "running" not in out.stdout  # refused before any training


def test_run_prints_the_steps_it_took_and_rows_use_the_natural_step(tmp_path):
    """Batch mode trains 40 iterations while the surface walk takes its 400 steps."""
    out = dlab("run", "gradient-descent", "--set", "mode=batch", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["iterations"] == 40 and result["steps"] == 400
    assert f"finished after {result['steps']} steps" in out.stdout
    assert "iterations" not in out.stdout  # 400 is not a count of iterations
    with (tmp_path / "metrics.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    epoch_steps = [int(r["step"]) for r in rows if r["series"] == "epoch_loss"]
    assert epoch_steps == list(range(1, 41))  # one epoch per iteration in batch mode
    loss_steps = {int(r["step"]) for r in rows if r["series"] == "loss"}
    assert set(epoch_steps) <= loss_steps


def test_params_names_the_unit_in_plain_words():
    out = dlab("params", "gradient-descent")
    assert "one of --steps is one step (one weight update" in out.stdout
    assert ")s" not in out.stdout
