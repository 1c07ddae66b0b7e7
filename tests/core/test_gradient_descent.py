"""The Gradient Descent lesson, measured."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from dlab.core.metrics import MetricsStore
from dlab.core.nets import SmallNet, activation_variances
from dlab.core.snapshot import DIVERGED, FINISHED, FRAME
from dlab.engines.gradient_descent.engine import Compare, GradientDescent
from dlab.engines.gradient_descent.params import GDParams
from dlab.engines.gradient_descent.surfaces import GD_SURFACES
from tests.lessons import defaults, exercise
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
    # step is the natural step (the iteration) in every series, epoch losses included
    assert list(store.get("epoch_loss").x) == [expected, 2 * expected, 3 * expected]
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


@exercise("gradient-descent/zeros-init")
def test_exercise_zero_initialisation_is_a_stationary_point(seed):
    """Choose zeros as initialisation: the loss stays at ln 2 ≈ 0.69, the weights never
    move and no boundary appears."""
    p = defaults("gradient-descent").replace(init="zeros")
    exp = GradientDescent(p, seed)
    records = [r for _ in range(exp.total) for r in exp.step()]
    epoch_losses = [v for name, _, v in records if name == "epoch_loss"]
    assert len(epoch_losses) == p.epochs
    assert all(abs(v - math.log(2)) < 2e-3 for v in epoch_losses), epoch_losses
    weights = exp.trainer.net.state_dict()
    for name in ("l1.weight", "l1.bias", "out.weight"):
        assert not weights[name].any(), f"{name} moved"
    prob = exp.frame().boundary
    assert prob.max() - prob.min() < 1e-6, "one answer for every point"
    assert len(exp.frame().boundary_line) == 0, "no p = 0.5 line to draw"


def test_equal_non_zero_weights_keep_every_hidden_unit_identical():
    """The lesson: all weights equal but not zero would learn, yet every hidden unit
    would receive the same gradient and stay identical forever."""
    p = GDParams(hidden=6, epochs=5, **FAST)
    exp = GradientDescent(p, 0)
    net = exp.trainer.net
    with torch.no_grad():
        for w in (net.l1.weight, net.out.weight):
            w.fill_(0.3)
    start_loss = exp.trainer.full_loss()
    while not exp.training_done():
        exp.step()
    w1, w2 = net.l1.weight.detach().numpy(), net.out.weight.detach().numpy()
    assert not np.allclose(w1, 0.3), "the weights learn"
    assert exp.trainer.full_loss() < start_loss
    # Equal but for the last bit: the kernels sum in different orders for different rows.
    assert np.abs(w1 - w1[0]).max() < 1e-6, "every hidden unit has the same incoming weights"
    assert np.abs(w2 - w2[0, 0]).max() < 1e-6, "and the same outgoing weight"


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


def walk(params: GDParams, seed: int) -> tuple[np.ndarray, np.ndarray, MetricsStore]:
    """The student's run of the tab; the walk's positions (steps, 2), its gradient norms."""
    store, _ = finish(start("gradient-descent", params, seed))
    xy = np.stack([store.get("landscape/x").y, store.get("landscape/y").y], 1)
    return xy, store.get("landscape/grad_norm").y, store


def on_surface(name: str) -> GDParams:
    """The defaults with another surface chosen: the tab moves the start to its own."""
    x, y = GD_SURFACES[name].start
    return defaults("gradient-descent").replace(landscape=name, start_x=x, start_y=y)


SHALLOW = np.array([-2.0, -1.0])


@exercise("gradient-descent/sgd-vs-batch")
def test_exercise_sgd_beats_batch_per_epoch(seed):
    """Set the mode to sgd, then batch, with the same seed. SGD's batch losses jump up and
    down, yet after 20 of the 40 epochs its loss on all data is already more than ten
    times lower than where batch ends: by then SGD has made 5,120 updates, batch only 40."""
    p = defaults("gradient-descent")
    half = p.epochs // 2 * p.dataset_size
    sgd, _ = finish(start("gradient-descent", p.replace(mode="sgd"), seed, half))
    batch, last = finish(start("gradient-descent", p.replace(mode="batch"), seed))
    assert (half, batch.get("loss").n) == (5120, 40)
    assert last.summary["iterations"] == 40
    rises = np.mean(np.diff(sgd.get("loss").y) > 0)
    assert rises > 0.3, f"SGD's loss rose in only {rises:.0%} of its updates"
    assert sgd.last("epoch_loss") * 10 < batch.last("epoch_loss"), (
        sgd.last("epoch_loss"), batch.last("epoch_loss"))  # measured 0.002-0.02 vs 0.24-0.30


@exercise("gradient-descent/lr-diverges")
def test_exercise_raising_the_learning_rate(seed):
    """Raise the learning rate: at 3 the network still trains, and ends lower than at
    0.3; at 10 the run diverges within a few epochs, with most seeds in the first."""
    p = defaults("gradient-descent")
    assert p.lr == 0.3
    base, _ = finish(start("gradient-descent", p, seed))
    fast, fast_last = finish(start("gradient-descent", p.replace(lr=3.0), seed))
    assert fast_last.status == FINISHED
    assert fast.last("epoch_loss") < base.last("epoch_loss")  # measured 0.002 vs 0.06-0.10
    wild, wild_last = finish(start("gradient-descent", p.replace(lr=10.0), seed))
    assert wild_last.status == DIVERGED
    # Measured over seeds 0-11: 4 to 19 updates, 81 for seed 9; 4 to 7 for these three.
    assert wild.get("loss").n < p.iterations_per_epoch()


@exercise("gradient-descent/local-minimum")
def test_exercise_the_walk_stays_in_the_basin_it_starts_in(seed):
    """Choose the local-minima surface (the start moves to (−3, −1.5)): the walk stops in
    the shallow well at (−2, −1), not in the deepest one at (2, 2)."""
    p = on_surface("local-minima")
    assert (p.start_x, p.start_y) == (-3.0, -1.5)
    xy, grad, _ = walk(p, seed)
    assert np.linalg.norm(xy[-1] - SHALLOW) < 0.2  # the bowl under the wells moves it a bit
    assert grad[-1] < 1e-3, "it has stopped"
    s = GD_SURFACES["local-minima"]
    assert s.minima == ((2.0, 2.0),)
    assert s.value(*xy[-1]) > s.value(2.0, 2.0) + 0.3, "and it is not the deepest well"


@exercise("gradient-descent/noise-escapes")
def test_exercise_noise_shakes_the_walk_out_of_the_shallow_well(seed):
    """Then set the gradient noise to 0.5: the walk stays in the shallow well. At 1.5 it
    jumps out within the 400 steps."""
    p = on_surface("local-minima")
    assert p.landscape_steps == 400
    little, _, _ = walk(p.replace(noise=0.5), seed)
    assert np.linalg.norm(little[100:] - SHALLOW, axis=1).max() < 1.0
    lots, _, _ = walk(p.replace(noise=1.5), seed)
    assert np.linalg.norm(lots - SHALLOW, axis=1).max() > 2.0  # measured: 40 of 40 seeds


@exercise("gradient-descent/plateau")
def test_exercise_the_plateau_crawl(seed):
    """Choose the plateau surface: the gradient norm starts near 0.01 and the walk creeps
    for about 150 steps; then it finds the slope, the gradient norm grows more than
    tenfold and the walk runs down to the minimum."""
    xy, grad, store = walk(on_surface("plateau"), seed)
    assert 0.005 < grad[0] < 0.02
    path = np.linalg.norm(np.diff(xy, axis=0), axis=1).cumsum()
    assert path[149] < 0.2 * path[-1], "the first 150 steps cover a fifth of the way at most"
    found = int(np.argmax(grad > 10 * grad[0]))
    assert 150 < found < 250, found  # measured 192
    assert store.last("landscape/loss") < 1e-3
