"""The device, as DESIGN.md says: every topic runs where `pick_device` sends it, and a
device this machine lacks is bad input (one line, exit 2, nothing written)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import torch

from dlab import registry
from dlab.core import runtime
from dlab.core.experiment import drive
from dlab.core.pacing import Pacer
from dlab.core.runtime import DeviceError, pick_device
from dlab.core.snapshot import DIVERGED, FINISHED, RUNNING

CASES = [(t.id, action) for t in registry.TOPICS for action in t.actions()]


def float_tensors(obj: object, path: str = "exp", depth: int = 4, seen: set | None = None):
    """(where, tensor) for every floating-point tensor an experiment holds, modules'
    parameters and buffers included, looking ``depth`` attributes deep. Index tensors drawn
    from a CPU generator may stay on the CPU; the numbers a topic computes with may not."""
    seen = set() if seen is None else seen
    if id(obj) in seen or depth < 0:
        return
    seen.add(id(obj))
    if isinstance(obj, torch.Tensor):
        if obj.is_floating_point():
            yield path, obj
    elif isinstance(obj, torch.nn.Module):
        for name, t in [*obj.named_parameters(), *obj.named_buffers()]:
            yield f"{path}.{name}", t
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from float_tensors(v, f"{path}[{k!r}]", depth - 1, seen)
    elif isinstance(obj, list | tuple):
        for i, v in enumerate(obj):
            yield from float_tensors(v, f"{path}[{i}]", depth - 1, seen)
    elif type(obj).__module__.startswith("dlab.") and hasattr(obj, "__dict__"):
        for k, v in vars(obj).items():
            yield from float_tensors(v, f"{path}.{k}", depth - 1, seen)


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA device on this machine")
@pytest.mark.parametrize(("topic_id", "action"), CASES)
def test_each_topic_takes_a_few_steps_on_cuda(topic_id, action):
    topic = registry.get(topic_id)
    exp = topic.experiment_class(action)(topic.params_class()(), 0, device=pick_device("cuda"))
    held = list(float_tensors(exp))
    assert held, "the experiment holds its tensors where this test can see them"
    elsewhere = [where for where, t in held if t.device.type != "cuda"]
    assert not elsewhere, f"{topic_id}/{action}: not on CUDA: {elsewhere}"
    snaps = first_records(topic, action, exp)
    assert snaps[-1].status in (RUNNING, FINISHED, DIVERGED)
    assert exp.t >= 1 and any(s.records for s in snaps)
    assert type(exp.frame()) is exp.frame_type


def first_records(topic: registry.Topic, action: str, exp) -> list:  # noqa: ANN001
    """The snapshots of at least 3 steps, on until the first that carries records (a
    sweep records only when each of its models has finished), with a frame after every
    step so that the frame path runs too."""
    snaps = []
    gen = drive(exp, topic.steps_for(action, None), Pacer(0.0))
    try:
        for snap in gen:
            snaps.append(snap)
            if exp.t >= 3 and any(s.records for s in snaps):
                break
    finally:
        gen.close()
    return snaps


@pytest.mark.parametrize(("topic_id", "action"), [("validation", "sweep"), ("adam", "run")])
def test_first_records_come_from_a_sweep_too(topic_id, action):
    """What the CUDA test drives, shown on the CPU: a sweep's records come only after its
    first steps, so three steps alone gave none (it failed on an H200 for that reason)."""
    topic = registry.get(topic_id)
    exp = topic.experiment_class(action)(topic.params_class()(), 0, device="cpu")
    snaps = first_records(topic, action, exp)
    assert exp.t >= 3 and any(s.records for s in snaps)


def test_cuda_without_cuda_is_refused_by_pick_device(monkeypatch):
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(DeviceError, match="no CUDA device"):
        pick_device("cuda")
    assert pick_device("auto") == "cpu"


@pytest.mark.parametrize("command", [["run", "adam"], ["shot", "adam", "SHOT/a.png"]])
def test_device_cuda_without_cuda_is_one_line_exit_2_nothing_written(tmp_path, command):
    out_dir = tmp_path / "out"
    args = [a.replace("SHOT", str(out_dir)) for a in command]
    if command[0] == "run":
        args += ["--out", str(out_dir)]
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "dlab", *args, "--device", "cuda"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        "dlab: error: device 'cuda': no CUDA device is available here; "
        "choose cpu or auto"]
    assert out.stdout == ""
    assert not out_dir.exists()


@pytest.mark.parametrize("value", ["", "  "])
def test_an_empty_thread_count_counts_as_unset(monkeypatch, value):
    """`DLAB_THREADS=` crashed every command with a ValueError traceback."""
    monkeypatch.setenv("DLAB_THREADS", value)
    assert runtime.threads_wanted() == max(1, (os.cpu_count() or 2) - 1)


def test_a_thread_count_is_taken_when_it_is_a_whole_number(monkeypatch):
    monkeypatch.setenv("DLAB_THREADS", "3")
    assert runtime.threads_wanted() == 3


@pytest.mark.parametrize("value", ["abc", "0", "-2", "1.5"])
def test_a_bad_thread_count_is_named_and_the_default_used(monkeypatch, capsys, value):
    monkeypatch.setenv("DLAB_THREADS", value)
    assert runtime.threads_wanted() == max(1, (os.cpu_count() or 2) - 1)
    err = capsys.readouterr().err
    assert f"DLAB_THREADS={value!r}" in err and "whole number of threads from 1 up" in err


def test_auto_takes_cuda_only_for_the_topics_that_train_faster_there(monkeypatch):
    """Measured on an H200 (README "On a GPU"): at their defaults only the CNN (3.7x) and the
    autoencoder (1.3x) beat one CPU thread on CUDA; the others' networks are so small that
    CUDA took 0.26 to 0.54 of the CPU's speed. "auto" follows that; "cuda" is obeyed."""
    monkeypatch.setattr(runtime, "cuda_available", lambda: True)
    auto = {t.id: pick_device("auto", t.cuda_pays) for t in registry.TOPICS}
    assert {t for t, d in auto.items() if d == "cuda"} == {"cnn", "autoencoder"}
    assert all(pick_device("cuda", t.cuda_pays) == "cuda" for t in registry.TOPICS)
    assert pick_device("auto") == "cuda"  # a caller with no topic: CUDA when present
