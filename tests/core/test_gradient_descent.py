"""The Gradient Descent lesson, measured."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from dlab.core.nets import SmallNet, activation_variances
from dlab.core.snapshot import DIVERGED, FINISHED, FRAME
from dlab.engines.gradient_descent.engine import Compare, GradientDescent
from dlab.engines.gradient_descent.params import GDParams
from dlab.engines.gradient_descent.surfaces import GD_SURFACES
from tests.runs import finish, start

FAST = {"landscape_steps": 10}


@pytest.mark.parametrize(
    ("mode", "n", "b", "expected"),
    [
        ("batch", 256, 16, 1),
        ("sgd", 100, 16, 100),
        ("minibatch", 256, 16, 16),
        ("minibatch", 100, 16, 7),  # 100 = 6*16 + 4: the last batch has 4 examples
        ("minibatch", 48, 32, 2),
        ("minibatch", 32, 64, 1),  # a batch larger than the data set is the full batch
    ],
)
def test_iterations_per_epoch(mode, n, b, expected):
    p = GDParams(mode=mode, dataset_size=n, batch_size=b, epochs=3, **FAST)
    store, last = finish(start("gradient-descent", p, 1))
    assert p.iterations_per_epoch() == expected == math.ceil(n / p.effective_batch())
    assert last.summary["iterations"] == 3 * expected
    assert store.get("loss").n == 3 * expected
    assert list(store.get("epoch_loss").x) == [1, 2, 3]
    assert list(store.get("loss").x) == list(range(1, 3 * expected + 1))


def test_every_example_is_used_once_per_epoch():
    p = GDParams(mode="minibatch", dataset_size=100, batch_size=16, epochs=1, **FAST)
    exp = GradientDescent(p, 3)
    sizes = []
    while not exp.training_done():
        before = exp.trainer.seen
        exp.step()
        sizes.append(exp.trainer.seen - before)
    assert sizes == [16] * 6 + [4]


def test_full_batch_loss_falls_monotonically_on_a_convex_problem():
    p = GDParams(mode="batch", hidden=0, lr=0.05, epochs=200, data="blobs", **FAST)
    store, last = finish(start("gradient-descent", p, 0))
    loss = store.get("loss").y
    assert last.status == FINISHED
    assert np.all(np.diff(loss) < 0), "every full-batch step lowers the loss"
    assert loss[-1] < 0.6 * loss[0]


def test_zero_init_keeps_hidden_units_identical():
    p = GDParams(init="zeros", hidden=6, epochs=5, **FAST)
    exp = GradientDescent(p, 0)
    while not exp.training_done():
        exp.step()
    w = exp.trainer.net.state_dict()
    w1, w2 = w["l1.weight"].numpy(), w["out.weight"].numpy()
    assert np.all(w1 == w1[0]), "every hidden unit has the same incoming weights"
    assert np.all(w2 == w2[0, 0]), "and the same outgoing weight"
    he = GradientDescent(p.replace(init="he"), 0).trainer.net.state_dict()["l1.weight"].numpy()
    assert not np.allclose(he, he[0])


def test_he_and_xavier_keep_activation_variance_sane_but_large_normal_does_not():
    he = activation_variances(10, 128, "he", "relu")
    xavier = activation_variances(10, 128, "xavier", "tanh")
    normal = activation_variances(10, 128, "normal", "relu")
    assert all(0.2 < v < 5 for v in he), he
    assert all(0.02 < v < 1.5 for v in xavier), xavier
    assert normal[-1] > 1e12, normal  # N(0,1) weights multiply the variance ~64x per layer


def test_far_too_large_learning_rate_diverges_cleanly():
    p = GDParams(mode="batch", hidden=0, lr=100.0, epochs=50, **FAST)
    _, last = finish(start("gradient-descent", p, 0))
    assert last.status == DIVERGED
    assert "diverged at step" in last.message
    assert "became inf" in last.message or "became nan" in last.message


def test_same_seed_same_numbers_other_seed_other_numbers():
    p = GDParams(epochs=3, **FAST)
    a, _ = finish(start("gradient-descent", p, 5))
    b, _ = finish(start("gradient-descent", p, 5))
    c, _ = finish(start("gradient-descent", p, 6))
    assert a.to_csv() == b.to_csv()
    assert a.to_csv() != c.to_csv()


def test_compare_starts_all_modes_from_the_same_weights():
    p = GDParams(epochs=2, dataset_size=64, **FAST)
    store, last = finish(start("gradient-descent", p, 2, action="compare"))
    assert last.status == FINISHED
    updates = {m: store.get(f"compare/{m}/updates").y[-1] for m in ("batch", "minibatch", "sgd")}
    assert updates == {"batch": 2, "minibatch": 8, "sgd": 128}
    # Loss on all data against examples seen: 8 checkpoints an epoch, or one per update
    # when an epoch has fewer (minibatch: 4 updates of 16 on 64 examples).
    assert list(store.get("compare/sgd/seen_loss").x) == list(range(8, 129, 8))
    assert list(store.get("compare/minibatch/seen_loss").x) == list(range(16, 129, 16))
    assert list(store.get("compare/batch/seen_loss").x) == [64, 128]
    # Same weights at the start, by construction and equal to a fresh net of that seed.
    fresh = SmallNet(p.hidden, p.init, torch.Generator().manual_seed(2)).state_dict()
    nets = [tr.net.state_dict() for tr in Compare(p, 2).trainers.values()]
    for sd in nets:
        for k in fresh:
            assert torch.equal(sd[k], fresh[k])


def test_walk_ends_in_a_local_minimum_from_the_wrong_side():
    s = GD_SURFACES["local-minima"]
    p = GDParams(landscape="local-minima", start_x=-3.0, start_y=-1.5, landscape_lr=0.1,
                 landscape_steps=600, epochs=1)
    store, _ = finish(start("gradient-descent", p, 0))
    x, y = store.last("landscape/x"), store.last("landscape/y")
    assert math.hypot(x + 2, y + 1) < 0.3, "stuck in the well at (-2, -1)"
    assert s.value(x, y) > s.value(2.0, 2.0) + 0.3, "which is not the global minimum"


def test_plateau_crawls_then_falls():
    p = GDParams(landscape="plateau", start_x=-3.5, start_y=3.0, landscape_lr=0.2,
                 landscape_steps=1500, epochs=1)
    store, _ = finish(start("gradient-descent", p, 0))
    g = store.get("landscape/grad_norm").y
    assert g[0] < 0.02, "on the plateau the gradient is tiny"
    assert g.max() > 10 * g[0], "then the walk reaches the slope"
    assert store.last("landscape/loss") < 0.01


def test_live_start_change_restarts_the_walk():
    gen = start("gradient-descent", GDParams(epochs=2))
    next(gen)
    next(gen)
    snap = gen.send(GDParams(epochs=2, start_x=1.0, start_y=1.0))
    assert snap.records
    frame = gen.send(FRAME).frame
    assert frame.walk_start == (1.0, 1.0)
    assert frame.walk_from == 1
    gen.close()


def test_confidently_right_is_not_a_divergence_but_confidently_wrong_is():
    from dlab.core.nets import bce

    logits = torch.tensor([40.0, -40.0])
    assert bce(logits, torch.tensor([1.0, 0.0])).item() == 0.0
    assert math.isinf(bce(logits, torch.tensor([0.0, 1.0])).item())
