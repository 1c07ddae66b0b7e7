"""Gradient descent three ways on a real network, and a walk on a 2-D loss surface.

One natural step = one training iteration (one weight update) and one step on the surface.
The update is written out (``w <- w - lr * grad``) rather than hidden in torch.optim.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from dlab.core.contours import contour_segments
from dlab.core.datasets2d import make_2d_classification
from dlab.core.experiment import Diverged, Experiment, check_finite
from dlab.core.nets import SmallNet, bce, grid_points
from dlab.core.runtime import generator
from dlab.core.snapshot import Record
from dlab.engines.gradient_descent.frame import EXTENT, CompareFrame, GDFrame
from dlab.engines.gradient_descent.params import MODES, GDParams
from dlab.engines.gradient_descent.surfaces import GD_SURFACES

GRID = 72


class Trainer:
    """One network trained in one mode; shared by the single run and the comparison."""

    def __init__(self, params: GDParams, mode: str, net: SmallNet, x, y, seed: int) -> None:
        self.mode, self.net, self.x, self.y = mode, net, x, y
        self.batch = params.replace(mode=mode).effective_batch()
        self.n = len(x)
        self.order_gen = generator(seed + 1)
        self.order = torch.arange(self.n)
        self.pos = self.n  # start a fresh epoch at the first iteration
        self.epoch = 0
        self.iteration = 0
        self.seen = 0

    def iterate(self, lr: float) -> tuple[float, float, bool]:
        """One update. Returns (batch loss, gradient norm, whether an epoch just ended)."""
        if self.pos >= self.n:
            self.pos = 0
            if self.batch < self.n:  # full batch needs no shuffle
                self.order = torch.randperm(self.n, generator=self.order_gen)
        idx = self.order[self.pos : self.pos + self.batch]
        self.pos += len(idx)
        self.iteration += 1
        self.seen += len(idx)
        loss = bce(self.net(self.x[idx]), self.y[idx])
        self.net.zero_grad(set_to_none=True)
        loss.backward()
        grads = [p.grad for p in self.net.parameters()]
        gnorm = float(torch.sqrt(sum((g * g).sum() for g in grads)))
        value = loss.item()
        check_finite(value, f"loss ({self.mode})")
        check_finite(gnorm, f"gradient norm ({self.mode})")
        with torch.no_grad():
            for p, g in zip(self.net.parameters(), grads, strict=True):
                p -= lr * g
        end = self.pos >= self.n
        if end:
            self.epoch += 1
        return value, gnorm, end

    def full_loss(self) -> float:
        with torch.no_grad():
            return float(bce(self.net(self.x), self.y))


class Walker:
    """Plain gradient descent on a 2-D surface, with optional gradient noise."""

    def __init__(self, params: GDParams, seed: int) -> None:
        self.rng = np.random.default_rng(seed + 7)
        self.steps_taken = 0  # over the whole run, the series' step counter
        self.restart(params)

    def restart(self, params: GDParams) -> None:
        self.surface = GD_SURFACES[params.landscape]
        self.x, self.y = params.start_x, params.start_y
        self.left = params.landscape_steps
        self.walk_from = self.steps_taken  # the current path starts after this step
        self.walk_start = (params.start_x, params.start_y)
        self.key = (params.landscape, params.start_x, params.start_y)

    def step(self, params: GDParams) -> list[Record]:
        gx, gy = self.surface.grad(self.x, self.y)
        gnorm = math.hypot(gx, gy)
        if params.noise:
            gx += params.noise * self.rng.standard_normal()
            gy += params.noise * self.rng.standard_normal()
        self.x -= params.landscape_lr * gx
        self.y -= params.landscape_lr * gy
        # A walk that leaves the window for good is stopped at its edge, not diverged:
        # the training run is the one that matters.
        self.x, self.y = float(np.clip(self.x, -50, 50)), float(np.clip(self.y, -50, 50))
        self.left -= 1
        self.steps_taken += 1
        t = self.steps_taken
        return [
            ("landscape/x", t, self.x),
            ("landscape/y", t, self.y),
            ("landscape/loss", t, self.surface.value(self.x, self.y)),
            ("landscape/grad_norm", t, gnorm),
        ]


def _data(params: GDParams, seed: int, device: str) -> tuple[torch.Tensor, torch.Tensor]:
    x, y = make_2d_classification(params.data, params.dataset_size, seed)
    return torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)


def _net(params: GDParams, seed: int, device: str) -> SmallNet:
    """Initialised on the CPU from the seed (the same weights on every device), then moved."""
    return SmallNet(params.hidden, params.init, generator(seed)).to(device)


def _boundary(net: SmallNet, grid: torch.Tensor) -> np.ndarray:
    with torch.no_grad():
        return torch.sigmoid(net(grid)).reshape(GRID, GRID).cpu().numpy().copy()


class GradientDescent(Experiment):
    frame_type = GDFrame

    def __init__(self, params: GDParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        self.x, self.y = _data(params, seed, device)
        self.trainer = Trainer(params, params.mode, _net(params, seed, device),
                               self.x, self.y, seed)
        self.ipe = params.iterations_per_epoch()
        self.total = params.epochs * self.ipe
        self.walker = Walker(params, seed)
        self.grid = grid_points(EXTENT, GRID).to(device)

    def training_done(self) -> bool:
        return self.trainer.iteration >= self.total

    def done(self) -> bool:
        return self.training_done() and self.walker.left <= 0

    def planned_steps(self) -> int:
        """Training and the walk go on together until both are done (a walk started
        again on another surface goes on longer)."""
        return self.t + max(self.total - self.trainer.iteration, self.walker.left, 0)

    def update(self, params: GDParams) -> None:
        super().update(params)
        if (params.landscape, params.start_x, params.start_y) != self.walker.key:
            self.walker.restart(params)

    def step(self) -> list[Record]:
        records: list[Record] = []
        if not self.training_done():
            tr = self.trainer
            loss, gnorm, epoch_end = tr.iterate(self.params.lr)
            records += [("loss", tr.iteration, loss), ("grad_norm", tr.iteration, gnorm)]
            if epoch_end:
                full = check_finite(tr.full_loss(), "epoch loss")
                # Every row's step is the natural step (the iteration), as in every series.
                records.append(("epoch_loss", tr.iteration, full))
        if self.walker.left > 0:
            records += self.walker.step(self.params)
        return records

    def frame(self) -> GDFrame:
        tr = self.trainer
        prob = _boundary(tr.net, self.grid)
        return GDFrame(
            boundary=prob,
            boundary_line=contour_segments(prob, 0.5, EXTENT),
            extent=EXTENT,
            points=self.x.cpu().numpy().copy(),
            labels=self.y.cpu().numpy().copy(),
            iteration=tr.iteration,
            epoch=tr.epoch,
            iterations_per_epoch=self.ipe,
            walk_from=self.walker.walk_from,
            walk_start=self.walker.walk_start,
        )

    def summary(self) -> dict[str, Any]:
        return {
            "iterations_per_epoch": self.ipe,
            "iterations": self.trainer.iteration,
            "epochs_done": self.trainer.epoch,
            "batch_size_used": self.trainer.batch,
        }



class Compare(Experiment):
    """Full batch, mini-batch and SGD from the same seed and the same initial weights.

    One natural step = one epoch of each mode. ``compare/{mode}/loss`` (each update's
    batch loss) and ``compare/{mode}/seen_loss`` (the loss on all data, eight times an
    epoch or after each update if fewer) are recorded with the number of examples seen
    as their step, so the modes can be laid against the data they have used.
    """

    frame_type = CompareFrame

    def __init__(self, params: GDParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        self.x, self.y = _data(params, seed, device)
        first = _net(params, seed, device)
        self.trainers = {}
        for mode in MODES:
            net = _net(params, seed, device)
            net.load_state_dict(first.state_dict())  # identical start, by construction
            self.trainers[mode] = Trainer(params, mode, net, self.x, self.y, seed)
        self.diverged: set[str] = set()

    def done(self) -> bool:
        return self.t >= self.params.epochs

    def planned_steps(self) -> int:
        return self.params.epochs

    def step(self) -> list[Record]:
        records: list[Record] = []
        for mode, tr in self.trainers.items():
            if mode in self.diverged:
                continue
            try:
                end, every, mark = False, max(1, tr.n // 8), tr.seen
                while not end:
                    loss, _, end = tr.iterate(self.params.lr)
                    records.append((f"compare/{mode}/loss", tr.seen, loss))
                    if tr.seen - mark >= every or end:
                        mark = tr.seen
                        full = check_finite(tr.full_loss(), "loss on all data")
                        records.append((f"compare/{mode}/seen_loss", tr.seen, full))
            except Diverged:
                self.diverged.add(mode)  # the others go on
                continue
            records.append((f"compare/{mode}/epoch_loss", tr.epoch, full))
            records.append((f"compare/{mode}/updates", tr.epoch, tr.iteration))
        if len(self.diverged) == len(self.trainers):
            raise Diverged("every mode diverged")
        return records

    def frame(self) -> CompareFrame:
        return CompareFrame(diverged=tuple(sorted(self.diverged)))

