"""What the Sigmoid tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class SigmoidFrame:
    grad_norms: np.ndarray  # (depth,) each layer's weight-gradient norm, layer 1 first
    act_hist: np.ndarray  # (depth, bins) histogram of each layer's activations
    act_range: tuple[float, float]  # the activation's output range, the histograms' extent
    saturated: tuple[float, ...]  # share of saturated units per layer (sigmoid/tanh only)
    same_share: dict[str, float]  # zig-zag neuron -> share of steps with same-sign gradients


@dataclass(frozen=True)
class ExpCostFrame:
    exp_cost: dict[str, float]  # activation -> median milliseconds so far
    elements: int  # values per timed call
    rounds: int  # timing rounds done
