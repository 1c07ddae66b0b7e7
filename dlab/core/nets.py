"""Small torch building blocks shared by engines: initialisation, data sets, grids.

Imported only by engines (it imports torch); the window does not need it to paint.
"""

from __future__ import annotations

import math

import torch

INITS = ("normal", "xavier", "he", "zeros")


def init_linear(layer: torch.nn.Linear, scheme: str, gen: torch.Generator) -> None:
    """Initialise weights by name; biases start at zero so only the scheme differs.

    normal: N(0, 1), the "just use random numbers" choice; xavier: N(0, 2/(fan_in+fan_out));
    he: N(0, 2/fan_in); zeros: every weight 0 (all hidden units start, and stay, identical).
    """
    fan_out, fan_in = layer.weight.shape
    std = {
        "normal": 1.0,
        "xavier": math.sqrt(2.0 / (fan_in + fan_out)),
        "he": math.sqrt(2.0 / fan_in),
        "zeros": 0.0,
    }[scheme]
    with torch.no_grad():
        layer.weight.copy_(torch.randn(layer.weight.shape, generator=gen) * std)
        if layer.bias is not None:
            layer.bias.zero_()



def init_he_uniform(module: torch.nn.Module, gen: torch.Generator) -> None:
    """Every Linear and Conv2d in ``module``: He-uniform weights (bound √(6/fan_in)) and
    zero biases, drawn from ``gen`` so a seed fixes the start whatever else uses torch's
    global RNG (torch's own default init draws from that global RNG)."""
    for layer in module.modules():
        if isinstance(layer, torch.nn.Linear | torch.nn.Conv2d):
            bound = math.sqrt(6.0 / layer.weight[0].numel())
            with torch.no_grad():
                layer.weight.uniform_(-bound, bound, generator=gen)
                if layer.bias is not None:
                    layer.bias.zero_()

ACTIVATIONS = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": torch.relu,
    "leaky_relu": lambda x: torch.nn.functional.leaky_relu(x, 0.01),
}


def activation_variances(
    depth: int, width: int, scheme: str, activation: str, seed: int = 0, n: int = 512
) -> list[float]:
    """Variance of each layer's output for unit-variance input, right after initialisation."""
    gen = torch.Generator().manual_seed(seed)
    h = torch.randn(n, width, generator=gen)
    act = ACTIVATIONS[activation]
    out = []
    with torch.no_grad():
        for _ in range(depth):
            layer = torch.nn.Linear(width, width)
            init_linear(layer, scheme, gen)
            h = act(layer(h))
            out.append(float(h.var()))
    return out


def grid_points(extent: tuple[float, float, float, float], n: int) -> torch.Tensor:
    """n*n points covering extent, x-major, matching an image with x along axis 0."""
    x0, x1, y0, y1 = extent
    xs, ys = torch.linspace(x0, x1, n), torch.linspace(y0, y1, n)
    gx, gy = torch.meshgrid(xs, ys, indexing="ij")
    return torch.stack([gx.reshape(-1), gy.reshape(-1)], 1)


class SmallNet(torch.nn.Module):
    """Logistic regression (hidden=0) or one tanh hidden layer."""

    def __init__(self, hidden: int, init: str, gen: torch.Generator) -> None:
        super().__init__()
        if hidden:
            self.l1: torch.nn.Linear | None = torch.nn.Linear(2, hidden)
            self.out = torch.nn.Linear(hidden, 1)
            init_linear(self.l1, init, gen)
        else:
            self.l1 = None
            self.out = torch.nn.Linear(2, 1)
        init_linear(self.out, init, gen)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if self.l1 is not None:
            x = torch.tanh(self.l1(x))
        return self.out(x).squeeze(-1)


def bce(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Cross-entropy written as in the lesson: -[y log p + (1-y) log(1-p)].

    In float32, p rounds to exactly 0 or 1 once a logit passes about 17, so a learning
    rate that is far too large gives an infinite loss: that is the divergence we show.
    """
    p = torch.sigmoid(logits)
    # Pick the probability of the true class first: y*log(p) would be 0*(-inf) = nan for
    # an example that is confidently right, and that is not a divergence.
    p_true = torch.where(y > 0.5, p, 1 - p)
    return -torch.log(p_true).mean()
