"""Sigmoid's three drawbacks, measured while a deep MLP trains.

One natural step = one update of the deep network (a mini-batch of 64) and one update of
each zig-zag neuron. Before the update the step records every hidden layer's weight-
gradient norm (``grad_norm/k``, layer 1 nearest the input) and the mean and standard
deviation of its activations (``act_mean/k``, ``act_std/k``), so ``--steps 1`` already
holds the first step's gradients. The cost of exp is a separate action (``exp_cost``)
that times the activations on this machine.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
import torch

from dlab.core.deep_mlp import Batches, DeepMLP, cross_entropy, histograms, make_split
from dlab.core.experiment import Experiment, check_finite
from dlab.core.nets import ACTIVATIONS
from dlab.core.pacing import Budget
from dlab.core.runtime import configure_torch
from dlab.core.snapshot import Record
from dlab.engines.sigmoid.frame import ExpCostFrame, SigmoidFrame
from dlab.engines.sigmoid.params import INPUTS, SigmoidParams
from dlab.engines.sigmoid.zigzag import Neuron

BATCH = 64
BINS = 40
PROBE = 512  # training examples whose activations the histograms show


def act_range(activation: str) -> tuple[float, float]:
    """The histogram window: the activation's own range, or [-1, 4] for the ReLUs."""
    return {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}.get(activation, (-1.0, 4.0))


class Sigmoid(Experiment):
    frame_type = SigmoidFrame

    def __init__(self, params: SigmoidParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        self.x, self.y, self.xv, self.yv = make_split(seed, device=device)
        self.net = DeepMLP(params.depth, params.width, params.activation, params.init,
                           torch.Generator().manual_seed(seed)).to(device)
        self.batches = Batches(len(self.x), BATCH, seed)
        self.neurons = {kind: Neuron(kind, seed) for kind in INPUTS}
        self.grads: list[float] = []  # of the latest step; none before the first
        self.loss = float("nan")
        self.probed: tuple[np.ndarray, tuple[float, float], tuple[float, ...]] | None = None
        self.probe_budget = Budget(first_after_s=0.0)

    def step(self) -> list[Record]:
        t, p = self.t + 1, self.params
        idx = self.batches.next()
        loss = cross_entropy(self.net(self.x[idx]), self.y[idx])
        self.net.zero_grad(set_to_none=True)
        loss.backward()
        self.loss = check_finite(loss.item(), "loss")
        self.grads = self.net.grad_norms()
        records: list[Record] = [("loss", t, self.loss)]
        for k, g in enumerate(self.grads, 1):
            records.append((f"grad_norm/{k}", t, check_finite(g, f"gradient norm of layer {k}")))
        for k, a in enumerate(self.net.acts, 1):
            records.append((f"act_mean/{k}", t, float(a.mean())))
            records.append((f"act_std/{k}", t, float(a.std())))
        self.net.sgd_step(p.lr)
        for kind, neuron in self.neurons.items():
            w1, w2, same, _ = neuron.step(p.zigzag_lr)
            names = [f"zigzag/{kind}/w1", f"zigzag/{kind}/w2", f"zigzag/{kind}/same_sign"]
            if kind == p.input:  # the contract's series follow the chosen input
                names += ["zigzag/w1", "zigzag/w2", "zigzag/same_sign"]
            values = (w1, w2, float(same)) * (len(names) // 3)
            records += [(n, t, v) for n, v in zip(names, values, strict=True)]
        return records

    def _probe(self) -> tuple[np.ndarray, tuple[float, float], tuple[float, ...]]:
        """Activation histograms of a probe batch, their range and each layer's saturated
        share: the costly part of a frame (a forward pass of 512 examples)."""
        lo, hi = act_range(self.params.activation)
        with torch.no_grad():  # a fixed probe batch: smoother histograms than one mini-batch
            self.net(self.x[:PROBE])
        acts = self.net.acts
        hist = histograms(acts, lo, hi, BINS)
        saturated: list[float] = []
        if self.params.activation in ("sigmoid", "tanh"):
            # Saturated: within 5 % of either end of the range, where the slope is nearly 0.
            margin = 0.05 * (hi - lo)
            saturated = [float(((a < lo + margin) | (a > hi - margin)).float().mean())
                         for a in acts]
        return hist, (lo, hi), tuple(saturated)

    def frame(self) -> SigmoidFrame:
        self.probed = self._probe()
        return self._frame()

    def paced_frame(self) -> SigmoidFrame:
        """The histograms (1.2 ms against a 0.7 ms step) are probed again only within a
        small share of the run's time (several times a second); the rest every frame."""
        if self.probed is None or self.probe_budget.due():
            with self.probe_budget.spending():
                self.probed = self._probe()
        return self._frame()

    def _frame(self) -> SigmoidFrame:
        hist, act_range_, saturated = self.probed
        return SigmoidFrame(
            grad_norms=np.array(self.grads, dtype=np.float64),
            act_hist=hist,
            act_range=act_range_,
            saturated=saturated,
            same_share={k: n.same / max(1, n.steps) for k, n in self.neurons.items()},
        )

    def summary(self) -> dict[str, Any]:
        g = self.grads
        return {
            "first_over_last_grad": g[0] / g[-1] if g and g[-1] > 0 else None,
            "zigzag_same_sign_share": {k: n.same / max(1, n.steps)
                                       for k, n in self.neurons.items()},
        }



# --- the cost of exp --------------------------------------------------------------------

COST_ACTIVATIONS = ("sigmoid", "tanh", "relu")
COST_ROUNDS = 9
COST_ELEMENTS = 1 << 22  # 4 M floats: large enough that the arithmetic, not Python, is timed


def time_activation(name: str, x: torch.Tensor, grad: torch.Tensor) -> float:
    """Milliseconds for one forward and one backward pass of ``name`` over ``x``."""
    fn = ACTIVATIONS[name]
    x.grad = None
    wait = torch.cuda.synchronize if x.is_cuda else (lambda: None)  # CUDA runs async
    wait()
    t0 = time.perf_counter()
    y = fn(x)
    y.backward(grad)
    wait()
    return (time.perf_counter() - t0) * 1e3


class ExpCost(Experiment):
    """Times sigmoid, tanh and ReLU (forward + backward) on one large tensor.

    One natural step = one round that times each activation once, in a rotating order so
    that none always runs first; the first round warms up and is not recorded.
    """

    frame_type = ExpCostFrame

    def __init__(self, params: SigmoidParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        gen = torch.Generator().manual_seed(seed)
        self.x = torch.randn(COST_ELEMENTS, generator=gen).to(device).requires_grad_(True)
        self.grad = torch.ones(COST_ELEMENTS, device=device)
        for name in COST_ACTIVATIONS:
            time_activation(name, self.x, self.grad)
        self.times: dict[str, list[float]] = {n: [] for n in COST_ACTIVATIONS}

    def done(self) -> bool:
        return self.t >= COST_ROUNDS

    def step(self) -> list[Record]:
        t = self.t + 1
        order = COST_ACTIVATIONS[self.t % 3:] + COST_ACTIVATIONS[:self.t % 3]
        records: list[Record] = []
        for name in order:
            ms = time_activation(name, self.x, self.grad)
            self.times[name].append(ms)
            records.append((f"exp_cost/{name}", t, ms))
        return records

    def medians(self) -> dict[str, float]:
        return {n: float(np.median(v)) for n, v in self.times.items() if v}

    def frame(self) -> ExpCostFrame:
        return ExpCostFrame(exp_cost=self.medians(), elements=COST_ELEMENTS, rounds=self.t)

    def summary(self) -> dict[str, Any]:
        return {"median_ms": self.medians(), "elements": COST_ELEMENTS}

