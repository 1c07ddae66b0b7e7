"""The zig-zag neuron: two weights, one example a step (numpy only, so the tab can draw
the loss contours without importing torch).

The neuron computes ŷ = w1·x1 + w2·x2 and learns y = w*·x + noise with the loss ½(ŷ − y)². Its
gradient is (ŷ − y)·(x1, x2): when both inputs are positive (outputs of sigmoids) the two
components always share the sign of (ŷ − y), so each update moves both weights up or both
down, and reaching w* = (1.5, −1.5) from (−2, 2) takes a zig-zag. The centred neuron is
fed the same values minus their mean (0.5), and can move in any direction.
"""

from __future__ import annotations

import numpy as np

from dlab.core.surfaces import Surface

W_STAR = (1.5, -1.5)
W_START = (-2.0, 2.0)
EXTENT = (-3.0, 3.0, -3.0, 3.0)
SPREAD = 2.0  # x = sigmoid(z), z ~ N(0, SPREAD²): values spread over most of (0, 1)
NOISE = 0.05  # target noise: the neuron keeps jittering near w*, as SGD does on real data


def inputs(kind: str, rng: np.random.Generator, n: int) -> np.ndarray:
    """n examples (n, 2): positive = sigmoid outputs in (0, 1); centered = those minus 0.5."""
    x = 1.0 / (1.0 + np.exp(-rng.normal(0.0, SPREAD, (n, 2))))
    return x if kind == "positive" else x - 0.5


def second_moment(kind: str) -> np.ndarray:
    """E[x xᵀ] from a large fixed sample: the expected loss is ½ (w − w*)ᵀ E[x xᵀ] (w − w*)."""
    x = inputs(kind, np.random.default_rng(2024), 200_000)
    return x.T @ x / len(x)


def surface(kind: str) -> Surface:
    """The expected loss over (w1, w2) as a drawable Surface."""
    s = second_moment(kind)
    a, b, c = float(s[0, 0]), float(s[0, 1]), float(s[1, 1])
    u0, v0 = W_STAR

    def f(x, y):  # noqa: ANN001, ANN202 (arrays or scalars)
        u, v = x - u0, y - v0
        return 0.5 * (a * u * u + 2 * b * u * v + c * v * v)

    def grad(x: float, y: float) -> tuple[float, float]:
        u, v = x - u0, y - v0
        return a * u + b * v, b * u + c * v

    return Surface(f"zigzag-{kind}", f, grad, EXTENT, (W_STAR,))


class Neuron:
    """The two-weight neuron trained by SGD, one fresh example per step."""

    def __init__(self, kind: str, seed: int) -> None:
        self.kind = kind
        self.rng = np.random.default_rng(seed + 101)
        self.w = np.array(W_START, dtype=np.float64)
        self.steps = 0
        self.same = 0

    def step(self, lr: float) -> tuple[float, float, bool, float]:
        """One update; returns (w1, w2, whether both gradients had the same sign, loss)."""
        x = inputs(self.kind, self.rng, 1)[0]
        target = float(np.dot(W_STAR, x)) + NOISE * float(self.rng.standard_normal())
        residual = float(self.w @ x) - target
        g = residual * x
        same = bool(g[0] * g[1] > 0)
        self.w -= lr * g
        self.steps += 1
        self.same += same
        return float(self.w[0]), float(self.w[1]), same, 0.5 * residual * residual
