"""The BatchNorm lesson as measured numbers."""

from __future__ import annotations

import math

import torch

from dlab.core.deep_mlp import BatchNorm
from dlab.core.snapshot import DIVERGED
from dlab.engines.batchnorm.engine import BARS_EVERY, BatchNormExperiment
from dlab.engines.batchnorm.params import BatchNormParams
from tests.lessons import defaults, exercise
from tests.runs import start


def run_all(params: BatchNormParams, steps: int, seed: int = 0):
    snaps = list(start("batchnorm", params, seed, steps))
    series: dict[str, list[float]] = {}
    for snap in snaps:
        for name, _, value in snap.records:
            series.setdefault(name, []).append(value)
    return snaps[-1], series


def test_normalised_values_have_batch_mean_0_and_std_1():
    torch.manual_seed(0)
    bn = BatchNorm(16)
    x = torch.randn(32, 16) * torch.linspace(0.1, 20, 16) + torch.linspace(-50, 50, 16)
    bn.train()
    bn(x)
    mean, std = bn.xhat.mean(0), bn.xhat.std(0, unbiased=False)
    assert mean.abs().max() < 1e-4
    # Exactly 1 but for eps: std = sqrt(var / (var + eps)); the smallest var here is 0.01.
    assert (std - 1).abs().max() < 1e-3


def test_engine_records_normalised_statistics_per_layer():
    p = BatchNormParams(depth=4, width=16, lr=0.1)
    _, series = run_all(p, steps=20)
    for k in range(1, 5):
        assert max(abs(v) for v in series[f"bn/pre_mean/{k}"]) < 1e-4
        assert all(abs(v - 1) < 1e-2 for v in series[f"bn/pre_std/{k}"])
        assert f"bn/gamma/{k}" in series and f"bn/beta/{k}" in series
    for name in ("bn/loss", "plain/loss", "bn/val_acc", "plain/val_acc"):
        assert series[name], name


def test_eval_mode_uses_running_statistics():
    torch.manual_seed(1)
    bn = BatchNorm(8, momentum=0.5)
    bn.train()
    data = [torch.randn(64, 8) * 3 + 5 for _ in range(10)]
    for x in data:
        bn(x)
    expected_mean = torch.zeros(8)
    expected_var = torch.ones(8)
    for x in data:  # r <- (1-m) r + m * batch, with the unbiased variance
        expected_mean = 0.5 * expected_mean + 0.5 * x.mean(0)
        expected_var = 0.5 * expected_var + 0.5 * x.var(0, unbiased=True)
    assert torch.allclose(bn.running_mean, expected_mean, atol=1e-5)
    assert torch.allclose(bn.running_var, expected_var, atol=1e-4)
    bn.eval()
    probe = torch.randn(4, 8)
    out = bn(probe)
    manual = (probe - expected_mean) / torch.sqrt(expected_var + bn.eps)
    assert torch.allclose(out, manual, atol=1e-5)
    # In eval mode the output of one example does not depend on the rest of the batch.
    assert torch.allclose(bn(probe[:1]), out[:1], atol=1e-6)


def test_matches_torch_batchnorm():
    torch.manual_seed(2)
    ours, ref = BatchNorm(6, momentum=0.1), torch.nn.BatchNorm1d(6, momentum=0.1)
    for _ in range(5):
        x = torch.randn(16, 6) * 2 + 1
        assert torch.allclose(ours(x), ref(x), atol=1e-5)
    assert torch.allclose(ours.running_var, ref.running_var, atol=1e-5)
    ours.eval()
    ref.eval()
    x = torch.randn(16, 6)
    assert torch.allclose(ours(x), ref(x), atol=1e-5)


def test_groups_are_normalised_with_their_own_statistics():
    """``group`` g normalises each run of g rows as a batch of its own (the bars' batches)."""
    torch.manual_seed(3)
    bn = BatchNorm(6)
    bn.train()
    x = torch.randn(64, 6) * 3 + 2
    for g in (1, 2, 4, 16, 64):
        bn.group, bn.track = g, False
        out = bn(x)
        for rows in x.split(g):
            ref = (rows - rows.mean(0)) / torch.sqrt(rows.var(0, unbiased=False) + bn.eps)
            assert torch.allclose(out[:g], ref, atol=1e-5), g
            out = out[g:]
    assert torch.equal(bn.running_var, torch.ones(6)), "track=False leaves them alone"


def test_bars_are_measured_at_the_step_of_a_frame_asked_for_and_every_50_steps_in_between():
    exp = BatchNormExperiment(BatchNormParams(depth=3, width=16), seed=0)
    first = exp.frame().eval_vs_batch
    assert first == exp.eval_vs_batch() and len(first) == 7
    for _ in range(BARS_EVERY - 1):
        exp.step()
        exp.t += 1
    assert exp.paced_frame().eval_vs_batch == first, "a running frame reuses recent bars"
    asked = exp.frame().eval_vs_batch  # asked for (paused, Step, the end): this step's
    assert asked == exp.eval_vs_batch() != first
    exp.step()
    exp.t += 1
    assert exp.paced_frame().eval_vs_batch == asked
    for _ in range(BARS_EVERY):
        exp.step()
        exp.t += 1
    assert exp.paced_frame().eval_vs_batch == exp.eval_vs_batch() != asked


def test_twins_start_from_the_same_weights():
    exp = BatchNormExperiment(BatchNormParams(depth=3, width=16), seed=4)
    plain, bn = exp.nets["plain"], exp.nets["bn"]
    for a, b in zip(plain.hidden, bn.hidden, strict=True):
        assert torch.equal(a.weight, b.weight)
    assert torch.equal(plain.out.weight, bn.out.weight)


def test_batch_of_one_carries_no_information():
    """With a batch of 1 every normalised value is 0: the net sees no input at all."""
    exp = BatchNormExperiment(BatchNormParams(depth=3, width=16), seed=0)
    for _ in range(30):
        exp.step()
    acc = exp.eval_vs_batch()
    assert acc["1"] < 0.35  # one output for everything: about the share of one class, 1/4
    net = exp.nets["bn"]
    net.train()
    net.set_group(1, track=False)
    with torch.no_grad():
        out = net(exp.xv[:8])
    net.set_group(0, track=True)
    assert torch.allclose(out, out[:1].expand_as(out)), "every example gets the same output"
    assert acc["eval"] > acc["1"]


def test_both_diverging_ends_the_run_as_diverged():
    p = BatchNormParams(activation="relu", lr=10.0, position="after")
    last, series = run_all(p, steps=300)
    assert last.status == DIVERGED, last.summary
    assert "both" in last.message
    plain, bn = last.summary["diverged_at"]["plain"], last.summary["diverged_at"]["bn"]
    assert plain < bn  # measured: 3 and 19; BN held out longer even after the activation
    assert len(series["bn/loss"]) == bn - 1


def late(values: list[float]) -> float:
    """Where a loss curve ends: the mean of its last 30 steps."""
    return sum(values[-30:]) / len(values[-30:])


@exercise("batchnorm/high-lr")
def test_exercise_at_learning_rate_1_only_the_bn_twin_survives(seed):
    """Raise the learning rate from 0.2 to 1: the plain network diverges within ten steps
    (its curve stops), while the BN network goes on and its loss ends below 0.6."""
    p = defaults("batchnorm")
    assert p.lr == 0.2
    last, series = run_all(p.replace(lr=1.0), steps=500, seed=seed)
    assert last.summary["diverged_at"]["plain"] <= 10, last.summary  # measured 4 to 6
    assert len(series["bn/loss"]) == 500
    assert late(series["bn/loss"]) < 0.6, late(series["bn/loss"])  # measured 0.37 to 0.42


@exercise("batchnorm/sigmoid")
def test_exercise_with_sigmoid_only_the_bn_twin_learns(seed):
    """Set the activation to sigmoid: the plain network stalls at ln 4 ≈ 1.39, a guess
    among four classes, while the BN network's loss falls below 0.6."""
    last, series = run_all(defaults("batchnorm").replace(activation="sigmoid"), 500, seed)
    assert not last.summary["diverged_at"]
    assert abs(late(series["plain/loss"]) - math.log(4)) < 0.03  # measured 1.398 to 1.403
    assert late(series["bn/loss"]) < 0.6, late(series["bn/loss"])  # measured 0.41 to 0.45


@exercise("batchnorm/batch-of-one")
def test_exercise_a_batch_of_one(seed):
    """Set the batch size to 1: every x̂ is 0, so the BN network sees nothing of its input,
    its loss stays near ln 4, and no bar of the chart rises above 0.35 (always guessing
    one class scores about 0.25). The plain network diverges: one example a step is too
    noisy a gradient for the learning rate 0.2."""
    last, series = run_all(defaults("batchnorm").replace(batch_size=1), 500, seed)
    assert "plain" in last.summary["diverged_at"]
    assert max(abs(v) for v in series["bn/pre_mean/1"]) == 0.0
    assert max(series["bn/pre_std/1"]) == 0.0, "every normalised value is exactly 0"
    assert abs(late(series["bn/loss"]) - math.log(4)) < 0.1  # measured 1.36 to 1.45
    bars = last.frame.eval_vs_batch
    assert len(bars) == 7 and max(bars.values()) < 0.35, bars  # measured 0.15 to 0.29
