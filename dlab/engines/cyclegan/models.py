"""The four networks of a CycleGAN on points, and the pool of earlier fakes."""

from __future__ import annotations

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
        # Duplicate slots: the last write wins in the pool, each output reads the old item.
        out[swap] = self.items[slots[swap]]
        self.items[slots[swap]] = fakes[swap]
        return out
