"""The BatchNorm lesson as measured numbers."""

from __future__ import annotations

import pytest
import torch

from dlab.core.deep_mlp import BatchNorm
from dlab.core.snapshot import DIVERGED, FINISHED
from dlab.engines.batchnorm.engine import BatchNormExperiment
from dlab.engines.batchnorm.params import BatchNormParams
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


def test_twins_start_from_the_same_weights():
    exp = BatchNormExperiment(BatchNormParams(depth=3, width=16), seed=4)
    plain, bn = exp.nets["plain"], exp.nets["bn"]
    for a, b in zip(plain.hidden, bn.hidden, strict=True):
        assert torch.equal(a.weight, b.weight)
    assert torch.equal(plain.out.weight, bn.out.weight)


@pytest.mark.parametrize("seed", [0, 1])
def test_high_lr_plain_diverges_bn_goes_on_to_a_lower_loss(seed):
    p = BatchNormParams(activation="relu", depth=6, width=64, lr=1.0)
    last, series = run_all(p, steps=150, seed=seed)
    assert last.status == FINISHED  # one diverged twin does not end the run
    assert "plain" in last.summary["diverged_at"]
    assert len(series["bn/loss"]) == 150
    bn_end = sum(series["bn/loss"][-20:]) / 20
    assert bn_end < min(series["plain/loss"]), (bn_end, series["plain/loss"])
    assert series["bn/val_acc"][-1] > 0.8  # measured about 0.9


def test_sigmoid_plain_stalls_bn_learns():
    p = BatchNormParams(activation="sigmoid", depth=6, width=64, lr=1.0)
    _, series = run_all(p, steps=300)
    plain_end = sum(series["plain/loss"][-30:]) / 30
    bn_end = sum(series["bn/loss"][-30:]) / 30
    assert plain_end > 1.3  # ln 4 = 1.386: no better than guessing among 4 classes
    assert bn_end < plain_end - 0.3, (bn_end, plain_end)


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
