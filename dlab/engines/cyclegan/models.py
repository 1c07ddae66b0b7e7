"""The four networks of a CycleGAN, on points and on images, and the pool of earlier fakes."""

from __future__ import annotations

import math

import torch
from torch import nn

from dlab.core.nets import init_linear


class MLP(nn.Module):
    """in -> hidden -> hidden -> out with LeakyReLU(0.2), He-initialised from ``gen``."""

    def __init__(self, n_in: int, hidden: int, n_out: int, gen: torch.Generator,
                 out_scale: float = 1.0) -> None:
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(n_in, hidden), nn.Linear(hidden, hidden),
                                     nn.Linear(hidden, n_out)])
        for layer in self.layers:
            init_linear(layer, "he", gen)
        with torch.no_grad():
            self.layers[-1].weight *= out_scale

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        first, second, out = self.layers  # (slicing a ModuleList would build a new one)
        x = nn.functional.leaky_relu(first(x), 0.2)
        x = nn.functional.leaky_relu(second(x), 0.2)
        return out(x)


class FakePool:
    """A buffer of earlier fakes (Shrivastava et al. 2017, as CycleGAN uses it): until it
    is full each new fake goes in and is passed on; then each new fake is, with
    probability 1/2, swapped for a random stored one, which is passed on instead."""

    def __init__(self, size: int, gen: torch.Generator) -> None:
        self.size, self.gen = size, gen
        self.items: torch.Tensor | None = None

    def query(self, fakes: torch.Tensor) -> torch.Tensor:
        fakes = fakes.detach()
        if self.size == 0:
            return fakes
        if self.items is None:
            self.items = fakes[:0].clone()
        free = self.size - len(self.items)
        if free > 0:  # filling up: store and pass on
            self.items = torch.cat([self.items, fakes[:free]])
            rest = fakes[free:]
            return fakes if len(rest) == 0 else torch.cat([fakes[:free], self.query(rest)])
        n = len(fakes)
        swap = (torch.rand(n, generator=self.gen) < 0.5).to(fakes.device)
        slots = torch.randint(0, self.size, (n,), generator=self.gen).to(fakes.device)
        out = fakes.clone()
        out[swap] = self.items[slots[swap]]  # each output reads the old item
        # A slot drawn twice keeps the later fake. Said explicitly: a write with repeated
        # indices leaves the winner to the threads, and runs would differ.
        order = torch.arange(n, device=fakes.device)
        last = torch.full((self.size,), -1, device=fakes.device).scatter_reduce(
            0, slots[swap], order[swap], reduce="amax")
        kept = last >= 0
        self.items[kept] = fakes[last[kept]]
        return out


class ConvGenerator(nn.Module):
    """An image to an image of the same size: four 3×3 convolutions (a 9×9 view of the
    input per output pixel), ReLU between, tanh at the end. ``colours``: 1 (grey) or 3."""

    def __init__(self, channels: int, gen: torch.Generator, colours: int = 1) -> None:
        super().__init__()
        c = channels
        self.net = nn.Sequential(
            nn.Conv2d(colours, c, 3, padding=1), nn.ReLU(), nn.Conv2d(c, c, 3, padding=1),
            nn.ReLU(), nn.Conv2d(c, c, 3, padding=1), nn.ReLU(),
            nn.Conv2d(c, colours, 3, padding=1), nn.Tanh())
        init_from(self, gen)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


class DigitGenerator(nn.Module):
    """A small digit image to an image of the same size, G(x) = tanh(2x + net(x)), where
    net is a fully connected layer to ``hidden`` ReLU units and back to every pixel.

    Fully connected because a shear moves a pixel by up to 3 pixels, in a direction that
    depends on its row: an output pixel must see far and know where it is, which a small
    stack of 3×3 convolutions does not. The skip (2x, with the last layer started ten
    times smaller) makes the generator start near the identity, tanh(2x): the digits stay
    readable from the first step, the cycle loss only has to keep them so, and the GAN loss
    adds the change. Without the skip the generators slid to blank paper within 100
    iterations (tanh saturated at "no ink", where no gradient brings the ink back)."""

    def __init__(self, pixels: int, hidden: int, gen: torch.Generator) -> None:
        super().__init__()
        self.inner, self.outer = nn.Linear(pixels, hidden), nn.Linear(hidden, pixels)
        init_linear(self.inner, "he", gen)
        init_linear(self.outer, "he", gen)
        with torch.no_grad():
            self.outer.weight *= SKIP_START

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        change = self.outer(nn.functional.relu(self.inner(x.flatten(1))))
        return torch.tanh(2 * x + change.view_as(x))


SKIP_START = 0.1  # the digit generators' last layer starts this much smaller than He's


class PatchDiscriminator(nn.Module):
    """A PatchGAN, as in the original method but small: a score for each patch of the
    image (two strided 4×4 convolutions, then a 3×3), not one for the whole image."""

    def __init__(self, channels: int, gen: torch.Generator, colours: int = 1) -> None:
        super().__init__()
        c = channels
        self.net = nn.Sequential(
            nn.Conv2d(colours, c, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(c, 2 * c, 4, 2, 1),
            nn.LeakyReLU(0.2), nn.Conv2d(2 * c, 1, 3, padding=1))
        init_from(self, gen)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.net(x)


def init_from(module: nn.Module, gen: torch.Generator) -> None:
    """Every convolution as torch initialises it (uniform in ±1/√fan_in, weights and
    biases), but drawn from ``gen``: the same seed gives the same networks."""
    with torch.no_grad():
        for m in module.modules():
            if isinstance(m, nn.Conv2d):
                bound = 1.0 / math.sqrt(m.weight[0].numel())
                for p in (m.weight, m.bias):
                    p.copy_((torch.rand(p.shape, generator=gen) * 2 - 1) * bound)
