"""A deep MLP on a generated multi-class set, shared by the Sigmoid and BatchNorm topics.

Everything the two lessons measure inside the network lives here: the weight-gradient
norm of every layer, the statistics of every layer's activations and of the values fed
into each activation, and a batch normalisation written out (batch statistics while
training, running averages at test time) so its normalised values can be inspected.
"""

from __future__ import annotations

import numpy as np
import torch

from dlab.core.nets import ACTIVATIONS, init_linear

FEATURES = 8
CLASSES = 4


def make_classes(n: int, seed: int, noise: float = 0.25) -> tuple[np.ndarray, np.ndarray]:
    """Four interleaved spiral arms in a plane, seen through 8 linear features.

    The plane is lifted to FEATURES dimensions by a fixed random map whose features have
    different scales and offsets, as raw measurements do; a net must bend its boundary to
    separate the arms. X float32 (n, FEATURES), y int64 (n,) in 0..CLASSES-1.
    """
    rng = np.random.default_rng(seed)
    y = np.arange(n) % CLASSES
    rng.shuffle(y)
    r = rng.uniform(0.25, 1.0, n)
    angle = 2 * np.pi * y / CLASSES + 4.0 * r  # each arm turns about two thirds of a circle
    pts = np.stack([r * np.cos(angle), r * np.sin(angle)], 1) * 2.0
    pts = pts + rng.normal(0, noise * r[:, None], pts.shape)
    lift = np.random.default_rng(12345)  # the same measurement map for every seed
    mix = lift.normal(0, 1, (2, FEATURES)) * lift.uniform(0.5, 2.0, FEATURES)
    offset = lift.uniform(-1.0, 2.0, FEATURES)
    x = pts @ mix + offset + rng.normal(0, 0.05, (n, FEATURES))
    return x.astype(np.float32), y.astype(np.int64)


def make_split(seed: int, n_train: int = 1024, n_val: int = 512, device: str = "cpu"):
    """Train and validation tensors from one generated set (disjoint draws), on ``device``."""
    x, y = make_classes(n_train + n_val, seed)
    xt, yt = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
    return xt[:n_train], yt[:n_train], xt[n_train:], yt[n_train:]


class BatchNorm(torch.nn.Module):
    """Batch normalisation, written out: x̂ = (x − μ_B)/√(σ²_B + ε), y = γ·x̂ + β.

    Training uses the mini-batch's mean and (biased) variance and updates the running
    averages with ``momentum``: r ← (1 − m)·r + m·batch (the running variance takes the
    unbiased n/(n−1) estimate, as torch.nn.BatchNorm1d does). Eval uses the running ones.
    ``group`` > 0 normalises consecutive groups of that many rows separately, which is how
    batch statistics from tiny batches are shown without a loop; ``track`` False leaves the
    running averages alone. ``xhat`` keeps the last normalised values (detached).
    """

    def __init__(self, features: int, momentum: float = 0.1, eps: float = 1e-5) -> None:
        super().__init__()
        self.gamma = torch.nn.Parameter(torch.ones(features))
        self.beta = torch.nn.Parameter(torch.zeros(features))
        self.register_buffer("running_mean", torch.zeros(features))
        self.register_buffer("running_var", torch.ones(features))
        self.momentum, self.eps = momentum, eps
        self.group = 0
        self.track = True
        self.xhat: torch.Tensor | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.training:
            if self.group:
                g = x.reshape(-1, self.group, x.shape[1])
                # The variance as the mean squared deviation: the same biased variance as
                # g.var(1, unbiased=False), which torch's CPU kernel takes 10 to 100 times
                # longer to reduce over a middle dimension (17 ms a forward for groups of 1).
                dev = g - g.mean(1, keepdim=True)
                var = (dev * dev).mean(1, keepdim=True)
                xhat = (dev / torch.sqrt(var + self.eps)).reshape_as(x)
            else:
                mean = x.mean(0)
                var = x.var(0, unbiased=False)
                xhat = (x - mean) / torch.sqrt(var + self.eps)
                if self.track:
                    n = x.shape[0]
                    unbiased = var * n / (n - 1) if n > 1 else var
                    with torch.no_grad():
                        m = self.momentum
                        self.running_mean.mul_(1 - m).add_(m * mean.detach())
                        self.running_var.mul_(1 - m).add_(m * unbiased.detach())
        else:
            xhat = (x - self.running_mean) / torch.sqrt(self.running_var + self.eps)
        self.xhat = xhat.detach()
        return self.gamma * xhat + self.beta


class DeepMLP(torch.nn.Module):
    """``depth`` hidden layers (Linear, then the activation), then a linear output layer.

    Layer k (1 nearest the input) is ``self.hidden[k-1]``. With ``bn`` a BatchNorm sits
    before the activation (``position='before'``) or after it. Each forward keeps, per
    hidden layer, the value fed into the activation (``pre``) and its output (``acts``),
    detached, for the lessons' statistics.
    """

    def __init__(self, depth: int, width: int, activation: str, init: str,
                 gen: torch.Generator, *, bn: bool = False, position: str = "before",
                 momentum: float = 0.1, features: int = FEATURES,
                 classes: int = CLASSES) -> None:
        super().__init__()
        self.act = ACTIVATIONS[activation]
        self.position = position
        sizes = [features] + [width] * depth
        self.hidden = torch.nn.ModuleList(
            torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=True))
        self.out = torch.nn.Linear(width, classes)
        for layer in [*self.hidden, self.out]:
            init_linear(layer, init, gen)
        self.norms = torch.nn.ModuleList(BatchNorm(width, momentum) for _ in range(depth)) \
            if bn else None
        self.pre: list[torch.Tensor] = []
        self.acts: list[torch.Tensor] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.pre, self.acts = [], []
        for k, layer in enumerate(self.hidden):
            z = layer(x)
            if self.norms is not None and self.position == "before":
                z = self.norms[k](z)
            self.pre.append(z.detach())
            x = self.act(z)
            self.acts.append(x.detach())
            if self.norms is not None and self.position == "after":
                x = self.norms[k](x)
        return self.out(x)

    def set_group(self, group: int, track: bool) -> None:
        for bn in self.norms or ():
            bn.group, bn.track = group, track

    def grad_norms(self) -> list[float]:
        """L2 norm of each hidden layer's weight gradient, layer 1 first."""
        return [float(layer.weight.grad.norm()) if layer.weight.grad is not None else 0.0
                for layer in self.hidden]

    def sgd_step(self, lr: float) -> None:
        """w ← w − lr·∂L/∂w, written out for every parameter."""
        with torch.no_grad():
            for p in self.parameters():
                if p.grad is not None:
                    p -= lr * p.grad


def cross_entropy(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.cross_entropy(logits, y)


def accuracy(logits: torch.Tensor, y: torch.Tensor) -> float:
    return float((logits.argmax(1) == y).float().mean())


class Batches:
    """Shuffled mini-batches drawn epoch after epoch from a private generator."""

    def __init__(self, n: int, size: int, seed: int) -> None:
        self.n, self.size = n, min(size, n)
        self.gen = torch.Generator().manual_seed(seed + 1)
        self.order = torch.randperm(n, generator=self.gen)
        self.pos = 0

    def next(self) -> torch.Tensor:
        if self.pos + self.size > self.n:  # drop the ragged end: every batch has `size` rows
            self.order = torch.randperm(self.n, generator=self.gen)
            self.pos = 0
        idx = self.order[self.pos:self.pos + self.size]
        self.pos += self.size
        return idx


def histograms(values: list[torch.Tensor], lo: float, hi: float, bins: int) -> np.ndarray:
    """One row per tensor: the share of its entries in each of ``bins`` bins over [lo, hi]
    (values outside are counted in the end bins, so saturation still shows)."""
    rows = np.zeros((len(values), bins), dtype=np.float32)
    for i, v in enumerate(values):
        v = v.reshape(-1).float().clamp(lo, hi)
        h = torch.histc(v, bins=bins, min=lo, max=hi)
        rows[i] = (h / max(1, v.numel())).cpu().numpy()
    return rows
