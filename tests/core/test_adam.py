"""The Adam lesson, measured: the written-out rules are torch.optim's, bias correction sets
the first step, momentum beats SGD where SGD zig-zags, a diverging optimiser stops alone."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch

from dlab.core.nets import SmallNet, make_2d_classification
from dlab.core.snapshot import FINISHED
from dlab.engines.adam.engine import DIVERGED, ESCAPED, RUNNING, AdamRace, Racer
from dlab.engines.adam.params import AdamParams, Hyper
from dlab.engines.adam.rules import RULES
from dlab.engines.adam.surfaces import OPTIMIZERS, SETUPS
from tests.runs import finish, start


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


def test_a_diverging_optimiser_stops_while_the_others_go_on():
    """At lr = 0.01 on Rosenbrock the walls' huge gradients throw SGD and Momentum out;
    RMSProp and Adam divide by √v, so their steps stay about lr."""
    params = AdamParams(own_lr=False, lr=0.01)
    store, snap = finish(start("adam", params, 0, 300))
    assert snap.status == FINISHED
    surface = snap.summary["surface_status"]
    assert surface == {"sgd": DIVERGED, "momentum": DIVERGED, "rmsprop": RUNNING,
                       "adam": RUNNING}
    assert store.get("sgd/x").n < 10
    assert store.get("adam/x").n == store.get("rmsprop/x").n == 300
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
