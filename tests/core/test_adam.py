"""The Adam lesson, measured: the written-out rules are torch.optim's, bias correction sets
the first step, momentum beats SGD where SGD zig-zags, a diverging optimiser stops alone."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from dlab.core.datasets2d import make_2d_classification
from dlab.core.nets import SmallNet
from dlab.core.snapshot import FINISHED
from dlab.engines.adam.engine import DIVERGED, ESCAPED, RUNNING, AdamRace, Racer
from dlab.engines.adam.params import AdamParams, Hyper
from dlab.engines.adam.rules import RULES
from dlab.engines.adam.surfaces import OPTIMIZERS, SETUPS
from tests.lessons import defaults, exercise
from tests.runs import finish, start

SEEDLESS = "the race on a 2-D function draws no random numbers (see the test below)"


def torch_optimizer(opt: str, p: torch.Tensor, h: Hyper):
    if opt == "sgd":
        return torch.optim.SGD([p], lr=h.lr)
    if opt == "momentum":
        return torch.optim.SGD([p], lr=h.lr, momentum=h.momentum)
    if opt == "rmsprop":
        return torch.optim.RMSprop([p], lr=h.lr, alpha=h.beta2, eps=h.eps)
    return torch.optim.Adam([p], lr=h.lr, betas=(h.beta1, h.beta2), eps=h.eps)


@pytest.mark.parametrize("function", ["rosenbrock", "beale", "quadratic"])
@pytest.mark.parametrize("opt", OPTIMIZERS)
def test_written_out_rules_follow_torch_optim_for_200_steps(function, opt):
    setup = SETUPS[function]
    params = AdamParams(function=function, own_lr=True,
                        **{f"lr_{o}": setup.lrs[o] for o in OPTIMIZERS})
    ours = Racer(opt, setup, setup.start)
    p = torch.tensor(setup.start, dtype=torch.float64, requires_grad=True)
    ref = torch_optimizer(opt, p, params.hyper(opt))
    worst = 0.0
    for _ in range(200):
        ours.step(params)
        ref.zero_grad()
        setup.surface.f(p[0], p[1]).backward()  # torch's own gradient, not our formula
        ref.step()
        worst = max(worst, float(np.abs(ours.p - p.detach().numpy()).max()))
    assert ours.status == RUNNING
    travelled = float(np.hypot(*(ours.p - np.array(setup.start))))
    assert travelled > 0.3, "the trajectory must go somewhere for the comparison to mean much"
    assert worst < 1e-6, f"{opt} on {function}: largest difference {worst:.2e}"


@pytest.mark.parametrize("opt", OPTIMIZERS)
def test_rules_on_network_tensors_follow_torch_optim(opt):
    """The same rule code, fed torch tensors, trains a network exactly as torch.optim."""
    x, y = (torch.from_numpy(a) for a in make_2d_classification("moons", 64, 0))
    nets = [SmallNet(8, "xavier", torch.Generator().manual_seed(0)) for _ in range(2)]
    h = Hyper(lr=0.03)
    rule = RULES[opt]()
    ref = torch_optimizer(opt, torch.zeros(1), h)
    ref.param_groups[0]["params"] = list(nets[1].parameters())
    loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    for _ in range(50):
        w = list(nets[0].parameters())
        grads = torch.autograd.grad(loss_fn(nets[0](x), y), w)
        with torch.no_grad():
            for p, d in zip(w, rule.step(list(grads), h), strict=True):
                p += d
        ref.zero_grad()
        loss_fn(nets[1](x), y).backward()
        ref.step()
    for a, b in zip(nets[0].parameters(), nets[1].parameters(), strict=True):
        assert torch.allclose(a, b, atol=1e-5), f"{opt}: {float((a - b).abs().max()):.2e}"


def first_adam_step(bias_correction: bool) -> tuple[np.ndarray, np.ndarray]:
    setup = SETUPS["rosenbrock"]
    params = AdamParams(bias_correction=bias_correction, lr_adam=0.05)
    racer = Racer("adam", setup, setup.start)
    g = np.array(setup.surface.grad(*setup.start))
    racer.step(params)
    return racer.p - np.array(setup.start), g


def test_bias_correction_makes_the_first_step_lr_per_coordinate():
    lr, eps = 0.05, 1e-8
    delta, g = first_adam_step(True)
    np.testing.assert_allclose(np.abs(delta), lr * np.abs(g) / (np.abs(g) + eps), rtol=1e-12)
    np.testing.assert_allclose(np.abs(delta), [lr, lr], rtol=1e-9)  # |g| is large here


def test_without_bias_correction_the_first_step_is_about_3_times_lr():
    p = AdamParams()
    on, _ = first_adam_step(True)
    off, _ = first_adam_step(False)
    expected = (1 - p.beta1) / math.sqrt(1 - p.beta2)  # 0.1 / √0.001 ≈ 3.16
    np.testing.assert_allclose(np.abs(off) / np.abs(on), [expected, expected], rtol=1e-6)
    assert expected == pytest.approx(3.162, abs=1e-3)


def test_momentum_reaches_1e_3_much_sooner_than_sgd_on_the_quadratic():
    """Same lr: SGD crawls along the flat x direction, momentum builds up speed there."""
    params = AdamParams(function="quadratic", optimizers="sgd,momentum", own_lr=False,
                        lr=0.01, start_x=-4.5, start_y=1.5)
    store, snap = finish(start("adam", params, 0, 700))
    reached = snap.summary["steps_to_loss_below_1e-3"]
    assert snap.status == FINISHED
    assert reached["momentum"] is not None and reached["sgd"] is not None
    assert reached["momentum"] * 4 < reached["sgd"], reached  # measured 88 against 459
    first = np.argmax(store.get("sgd/loss").y < 1e-3) + 1
    assert first == reached["sgd"]


@exercise("adam/same-lr", seedless=SEEDLESS)
def test_exercise_one_learning_rate_for_all_throws_sgd_and_momentum_out():
    """Turn off Own learning rates and set the learning rate to 0.01: SGD and Momentum
    diverge on the steep walls, while RMSProp and Adam, which divide each step by the size
    of the gradient, go on."""
    params = defaults("adam").replace(own_lr=False, lr=0.01)
    store, snap = finish(start("adam", params, 0))
    assert snap.status == FINISHED
    surface = snap.summary["surface_status"]
    assert surface == {"sgd": DIVERGED, "momentum": DIVERGED, "rmsprop": RUNNING,
                       "adam": RUNNING}
    assert store.get("sgd/x").n < 10
    assert store.get("adam/x").n == store.get("rmsprop/x").n == 1000
    assert np.isfinite(store.get("sgd/loss").y).all()  # nothing non-finite was recorded
    assert snap.frame.status["sgd"] == DIVERGED


def test_series_start_at_step_1_and_cover_the_network_race():
    params = AdamParams(optimizers="momentum,adam")
    store, snap = finish(start("adam", params, 0, 5))
    names = set(store.order)
    assert names == {f"{o}/{k}" for o in ("momentum", "adam") for k in ("x", "y", "loss")} | {
        "net/momentum/loss", "net/adam/loss"}
    for name in names:
        assert list(store.get(name).x) == [1, 2, 3, 4, 5]


def test_switching_an_optimiser_off_freezes_it_and_on_again_resumes():
    exp = AdamRace(AdamParams(), 0)
    for _ in range(10):
        exp.step()
    frozen = exp.racers["sgd"].p.copy()
    exp.update(exp.params.replace(optimizers="momentum,adam"))
    for _ in range(5):
        records = exp.step()
    assert not any(name.startswith(("sgd/", "net/sgd")) for name, _, _ in records)
    np.testing.assert_array_equal(exp.racers["sgd"].p, frozen)
    assert exp.racers["adam"].k == 15
    exp.update(exp.params.replace(optimizers="sgd,momentum,adam"))
    records = exp.step()
    assert ("sgd/x", 11, exp.racers["sgd"].p[0]) in records


def test_adaptive_optimisers_train_the_network_faster_at_the_same_lr():
    params = AdamParams(net_lr=0.03)
    store, _ = finish(start("adam", params, 0, 300))
    final = {o: store.last(f"net/{o}/loss") for o in OPTIMIZERS}
    first = {o: store.get(f"net/{o}/loss").y[0] for o in OPTIMIZERS}
    assert len(set(first.values())) == 1, "every optimiser starts from the same weights"
    assert final["adam"] < final["sgd"] / 10, final  # measured about 0.007 against 0.26
    assert final["rmsprop"] < final["sgd"] / 10, final
    assert final["momentum"] < final["sgd"], final


def test_adam_escapes_the_saddle_long_before_sgd():
    """Near the saddle the gradient in y is tiny; Adam divides by its size and moves."""
    setup = SETUPS["saddle"]
    params = AdamParams(function="saddle", own_lr=False, lr=0.01)
    escaped = {}
    for opt in ("sgd", "adam"):
        racer = Racer(opt, setup, setup.start)
        while racer.status == RUNNING and racer.k < 2000:
            racer.step(params)
        assert racer.status == ESCAPED
        escaped[opt] = racer.k
    assert escaped["adam"] * 1.5 < escaped["sgd"], escaped  # measured about 200 against 400


def on_function(name: str) -> AdamParams:
    """The defaults with another function chosen: the tab brings its start and rates."""
    s = SETUPS[name]
    return defaults("adam").replace(function=name, start_x=s.start[0], start_y=s.start[1],
                                    lr=s.lr, **{f"lr_{o}": s.lrs[o] for o in OPTIMIZERS})


def paths(store, params: AdamParams) -> dict[str, np.ndarray]:
    """Each optimiser's walk, the start first: (steps + 1, 2)."""
    start_xy = np.array([[params.start_x, params.start_y]])
    return {o: np.concatenate([start_xy, np.stack([store.get(f"{o}/x").y,
                                                   store.get(f"{o}/y").y], 1)])
            for o in OPTIMIZERS}


def test_the_surface_race_takes_no_random_numbers():
    """Why the surface exercises run once: the seed changes the network race only."""
    a, _ = finish(start("adam", defaults("adam"), 0, 30))
    b, _ = finish(start("adam", defaults("adam"), 5, 30))
    for o in OPTIMIZERS:
        for k in ("x", "y", "loss"):
            assert list(a.get(f"{o}/{k}").y) == list(b.get(f"{o}/{k}").y)
    assert list(a.get("net/adam/loss").y) != list(b.get("net/adam/loss").y)


@exercise("adam/rosenbrock", seedless=SEEDLESS)
def test_exercise_rosenbrock_race():
    """With the defaults (rosenbrock, own learning rates), within the 1000 steps Momentum
    and Adam reach the minimum at (1, 1), their loss falling below 10⁻³, while SGD still
    crawls along the curved valley floor, and so does RMSProp, whose S still remembers the
    steep walls of its first steps."""
    params = defaults("adam")
    assert (params.function, params.own_lr) == ("rosenbrock", True)
    store, snap = finish(start("adam", params, 0))
    reached = snap.summary["steps_to_loss_below_1e-3"]
    assert reached["momentum"] < 1000 and reached["adam"] < 1000, reached  # 701 and 927
    end = {o: p[-1] for o, p in paths(store, params).items()}
    for o in ("momentum", "adam"):
        assert np.linalg.norm(end[o] - 1.0) < 0.05, (o, end[o])
    for o in ("sgd", "rmsprop"):
        assert reached[o] is None
        x, y = end[o]
        assert x < 0, f"{o} is still on the far side of the valley: {end[o]}"
        assert abs(y - x * x) < 0.05, f"{o} is on the valley floor y = x²: {end[o]}"
    # RMSProp's steps on the way: 32·lr at first, then a fraction of lr.
    rms = np.abs(np.diff(paths(store, params)["rmsprop"], axis=0)) / params.lr_rmsprop
    np.testing.assert_allclose(rms[0], 1 / math.sqrt(1 - params.beta2), rtol=1e-6)
    assert np.median(rms[10:200]) < 0.3, np.median(rms[10:200])  # measured 0.06 and 0.17


@exercise("adam/quadratic", seedless=SEEDLESS)
def test_exercise_quadratic_race():
    """Choose quadratic: SGD bounces across the steep y direction, y changing sign at
    every step, and Momentum overshoots and spirals in. RMSProp and Adam set off at 45°,
    because dividing by each coordinate's own gradient size makes their steps in x and y
    equally large; they reach y ≈ 0 while x is still far from 0, then run along x to the
    centre."""
    params = on_function("quadratic")
    store, snap = finish(start("adam", params, 0, 200))
    walk = paths(store, params)
    sgd_y = np.sign(walk["sgd"][:, 1])
    assert np.all(sgd_y[1:] != sgd_y[:-1]), "SGD's y changes sign at every step"
    mom = np.sign(walk["momentum"])
    assert np.sum(mom[1:, 0] != mom[:-1, 0]) >= 3, "Momentum overshoots in x, again and again"
    assert np.sum(mom[1:, 1] != mom[:-1, 1]) >= 10
    for o in ("rmsprop", "adam"):
        first = np.abs(walk[o][1] - walk[o][0])
        assert first[0] == pytest.approx(first[1], rel=1e-6), f"{o}: 45° at the first step"
        k = int(np.argmax(np.abs(walk[o][:, 1]) < 0.1))
        assert k > 0 and abs(walk[o][k, 0]) > 1.5, (o, k, walk[o][k])
    reached = snap.summary["steps_to_loss_below_1e-3"]
    assert all(reached[o] is not None for o in OPTIMIZERS), reached


@exercise("adam/saddle", seedless=SEEDLESS)
def test_exercise_saddle_escape():
    """Choose saddle (the start moves just off the ridge, y = 0.001): the gradient in y is
    tiny, so SGD lingers near the saddle point for about 400 steps. RMSProp and Adam divide
    by that tiny size: RMSProp, with its uncorrected 32 × lr first steps, leaves within 20
    steps and Adam in about half the steps SGD needs. Momentum, too, leaves early: its
    speed in y builds up."""
    params = on_function("saddle")
    assert (params.start_x, params.start_y) == (-2.5, 0.001)
    store, snap = finish(start("adam", params, 0, 500))
    assert set(snap.summary["surface_status"].values()) == {ESCAPED}
    left = {o: store.get(f"{o}/x").n for o in OPTIMIZERS}  # the step it left the window
    assert 350 < left["sgd"] < 450, left  # measured 405
    assert abs(store.get("sgd/y").y[299]) < 0.5, "after 300 steps SGD is still near the ridge"
    assert left["rmsprop"] <= 20, left  # 16
    assert 0.35 < left["adam"] / left["sgd"] < 0.65, left  # 199
    assert left["momentum"] < left["adam"], left  # 83


@exercise("adam/bias-correction", seedless=SEEDLESS)
def test_exercise_the_first_step_with_and_without_bias_correction():
    """Press Step once: Adam's first step is exactly lr in x and in y, on the lr line of
    the step-size plot. Switch Bias correction off, press Reset and Step: the first step
    is 3.2 × lr."""
    params = defaults("adam")
    lr = params.lr_of("adam")
    for correction, size in ((True, 1.0), (False, 3.162)):
        store, _ = finish(start("adam", params.replace(bias_correction=correction), 0, 1))
        step = np.abs(paths(store, params)["adam"][1] - [params.start_x, params.start_y])
        np.testing.assert_allclose(step / lr, [size, size], rtol=1e-3)


def test_the_uncorrected_step_grows_for_a_dozen_steps_and_fades_after_thousands():
    """The lesson: without the correction the step is (1 − β1ᵗ) / √(1 − β2ᵗ) times larger
    for the same V and S: about 3.2 at step 1, 6.6 near step 12, 3 at step 100 and 1.3 at
    step 1000. A constant gradient makes V and S exactly those sums."""
    h = AdamParams().hyper("adam")
    ratios = []
    on, off = RULES["adam"](), RULES["adam"]()
    g = [np.array([0.7, -2.0])]
    for _ in range(1000):
        a = on.step(g, h)[0]
        b = off.step(g, Hyper(h.lr, bias_correction=False))[0]
        ratios.append(float(np.abs(b / a)[0]))
    r = np.array(ratios)
    assert r[0] == pytest.approx(3.162, abs=1e-3)
    assert int(np.argmax(r)) + 1 in range(10, 15) and r.max() == pytest.approx(6.6, abs=0.1)
    assert r[99] == pytest.approx(3.2, abs=0.1)
    assert r[999] == pytest.approx(1.26, abs=0.01)


def test_torch_momentum_is_the_moving_average_form_with_lr_scaled_by_1_minus_beta():
    """The lesson: b ← μ·b + g, p ← p − lr·b and V ← β·V + (1 − β)·g, p ← p − α·V take
    exactly the same path when μ = β and lr = (1 − β)·α."""
    setup = SETUPS["rosenbrock"]
    params = defaults("adam")
    racer = Racer("momentum", setup, setup.start)
    beta, alpha = params.momentum, params.lr_momentum / (1 - params.momentum)
    p, v = np.array(setup.start), np.zeros(2)
    for _ in range(300):
        racer.step(params)
        v = beta * v + (1 - beta) * np.array(setup.surface.grad(*p))
        p = p - alpha * v
        np.testing.assert_allclose(racer.p, p, rtol=1e-9, atol=1e-12)
