"""The four update rules, written out as in the lesson.

Each rule keeps its running averages per parameter and turns gradients into steps Δ
(the caller does p ← p + Δ). Only +, −, ·, / and ** appear, so the same code runs on
numpy arrays (the 2-D race) and on torch tensors (the network race). The formulas are
those of torch.optim (SGD with momentum, RMSprop with α = β2, Adam); a test checks that
the trajectories agree.
"""

from __future__ import annotations

from typing import Any

from dlab.engines.adam.params import Hyper

T = Any  # a numpy array or a torch tensor


class Rule:
    name = ""

    def __init__(self) -> None:
        self.t = 0  # steps taken, for Adam's bias correction
        self.state: list[dict[str, T]] = []

    def step(self, grads: list[T], h: Hyper) -> list[T]:
        self.t += 1
        if not self.state:
            self.state = [{} for _ in grads]
        return [self.update(s, g, h) for s, g in zip(self.state, grads, strict=True)]

    def update(self, s: dict[str, T], g: T, h: Hyper) -> T:
        raise NotImplementedError


class SGD(Rule):
    name = "sgd"

    def update(self, s: dict[str, T], g: T, h: Hyper) -> T:
        return -h.lr * g  # p ← p − lr·g


class Momentum(Rule):
    """v ← μ·v + g ;  p ← p − lr·v.  The velocity v averages past gradients: the
    zig-zag across a valley cancels out, the push along it adds up."""

    name = "momentum"

    def update(self, s: dict[str, T], g: T, h: Hyper) -> T:
        s["v"] = h.momentum * s["v"] + g if "v" in s else g * 1.0
        return -h.lr * s["v"]


class RMSProp(Rule):
    """s ← α·s + (1 − α)·g² ;  p ← p − lr·g / (√s + ε).  Each coordinate is divided by
    its own typical gradient size, so steep and flat directions move alike."""

    name = "rmsprop"

    def update(self, s: dict[str, T], g: T, h: Hyper) -> T:
        alpha = h.beta2
        s["s"] = alpha * s.get("s", g * 0.0) + (1 - alpha) * g * g
        return -h.lr * g / (s["s"] ** 0.5 + h.eps)


class Adam(Rule):
    """m ← β1·m + (1 − β1)·g ;  v ← β2·v + (1 − β2)·g²  (momentum + RMSProp)
    m̂ = m / (1 − β1ᵗ) ;  v̂ = v / (1 − β2ᵗ)   (bias correction: m and v start at 0)
    p ← p − lr·m̂ / (√v̂ + ε)."""

    name = "adam"

    def update(self, s: dict[str, T], g: T, h: Hyper) -> T:
        s["m"] = h.beta1 * s.get("m", g * 0.0) + (1 - h.beta1) * g
        s["v"] = h.beta2 * s.get("v", g * 0.0) + (1 - h.beta2) * g * g
        if h.bias_correction:
            s["m_hat"] = s["m"] / (1 - h.beta1**self.t)
            s["v_hat"] = s["v"] / (1 - h.beta2**self.t)
        else:
            s["m_hat"], s["v_hat"] = s["m"], s["v"]
        s["g"] = g
        s["delta"] = -h.lr * s["m_hat"] / (s["v_hat"] ** 0.5 + h.eps)
        return s["delta"]


RULES: dict[str, type[Rule]] = {r.name: r for r in (SGD, Momentum, RMSProp, Adam)}
