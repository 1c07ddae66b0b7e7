"""The same over-sized network trained twice at once, without and with dropout.

One natural step = one epoch: one full-batch Adam update of each network on the same
training points (same seed, same initial weights). Both are then measured in eval mode
(every unit kept): loss on the training and the validation set, validation accuracy and
the co-adaptation of the last hidden layer's units. Monte-Carlo dropout lets many
thinned networks vote at test time.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from dlab.core.datasets2d import make_2d_classification
from dlab.core.experiment import Diverged, Experiment
from dlab.core.nets import init_linear
from dlab.core.pacing import Budget
from dlab.core.runtime import configure_torch, generator
from dlab.core.selection import BestEpochs
from dlab.core.snapshot import Record
from dlab.core.splits import random_split
from dlab.engines.dropout.frame import NETS, DropoutFrame, series
from dlab.engines.dropout.params import DropoutParams

VAL_SIZE = 500  # validation examples, drawn with the training ones and split off
CORR_N = 256  # validation examples the co-adaptation is measured on
VOTE_EVERY = 25  # epochs between two Monte-Carlo votes drawn while training
SHOWN_VOTES = 40  # examples drawn in the vote view
VOTE_CHUNK = 20  # masks evaluated at once (memory: chunk x examples x hidden)


class Dropout(torch.nn.Module):
    """Inverted dropout, written out. While training, each value is kept with
    probability 1 − p and then scaled by 1/(1 − p), so its expected value is unchanged;
    in eval mode it is the identity. ``mask`` keeps which units the last training
    forward kept (``record`` off: a vote's masks are not kept)."""

    def __init__(self, p: float, gen: torch.Generator) -> None:
        super().__init__()
        self.p, self.gen = p, gen
        self.record = True
        self.mask: torch.Tensor | None = None

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if not self.training or self.p <= 0.0:
            return x
        keep = torch.rand(x.shape, generator=self.gen, device=x.device) >= self.p
        if self.record:
            self.mask = keep
        return x * keep / (1.0 - self.p)


class DropoutNet(torch.nn.Module):
    """``layers`` hidden layers (Linear → ReLU → Dropout) and a linear output: the logit
    of class 1. He initialisation from ``init_gen``; the masks come from ``mask_gen``.
    ``acts`` keeps each hidden layer's activations (before dropout) of the last forward."""

    def __init__(self, layers: int, hidden: int, p: float, init_gen: torch.Generator,
                 mask_gen: torch.Generator) -> None:
        super().__init__()
        sizes = [2] + [hidden] * layers
        self.hidden = torch.nn.ModuleList(
            torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:], strict=True))
        self.out = torch.nn.Linear(hidden, 1)
        for layer in [*self.hidden, self.out]:
            init_linear(layer, "he", init_gen)
        self.drops = torch.nn.ModuleList(Dropout(p, mask_gen) for _ in range(layers))
        self.acts: list[torch.Tensor] = []

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        self.acts = []
        for layer, drop in zip(self.hidden, self.drops, strict=True):
            x = torch.relu(layer(x))
            self.acts.append(x.detach())
            x = drop(x)
        return self.out(x).squeeze(-1)

    def set_p(self, p: float) -> None:
        for drop in self.drops:
            drop.p = p

    def votes(self, x: torch.Tensor, samples: int, gen: torch.Generator) -> torch.Tensor:
        """(samples, examples): P(class 1) of ``samples`` thinned networks, each with its
        own masks from ``gen`` (Monte-Carlo dropout). Leaves the net in eval mode."""
        saved = [(d.gen, d.record) for d in self.drops]
        for d in self.drops:
            d.gen, d.record = gen, False
        self.train()
        out = []
        with torch.no_grad():
            for start in range(0, samples, VOTE_CHUNK):
                k = min(VOTE_CHUNK, samples - start)
                logits = self(x.repeat(k, 1)).reshape(k, len(x))
                out.append(torch.sigmoid(logits))
        for d, (g, r) in zip(self.drops, saved, strict=True):
            d.gen, d.record = g, r
        self.eval()
        return torch.cat(out)


def bce(logits: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    return torch.nn.functional.binary_cross_entropy_with_logits(logits, y)


def coadaptation(acts: torch.Tensor) -> float:
    """Mean absolute correlation between the activations of two different hidden units,
    over examples (units that never vary, dead ReLUs, are left out): how much units move
    together instead of each carrying something of its own."""
    a = acts - acts.mean(0)
    cov = a.T @ a / (a.shape[0] - 1)
    std = cov.diagonal().sqrt()
    live = std > 1e-6
    k = int(live.sum())
    if k < 2:
        return 0.0
    corr = (cov[live][:, live] / (std[live][:, None] * std[live][None, :])).abs()
    return float((corr.sum() - corr.diagonal().sum()) / (k * (k - 1)))


class DropoutExperiment(Experiment):
    frame_type = DropoutFrame

    def __init__(self, params: DropoutParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        p = params
        x, y = make_2d_classification("moons", p.dataset_size + VAL_SIZE, seed, p.noise)
        split = random_split(p.dataset_size, VAL_SIZE, 0, seed + 1)
        xt, yt = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
        self.x, self.y = xt[split.train], yt[split.train]
        self.xv, self.yv = xt[split.val], yt[split.val]
        self.nets: dict[str, DropoutNet] = {}
        self.opts: dict[str, torch.optim.Optimizer] = {}
        for name in NETS:
            mask_gen = torch.Generator(device=device).manual_seed(seed + 2)
            net = DropoutNet(p.layers, p.hidden, p.p if name == "dropout" else 0.0,
                             generator(seed), mask_gen).to(device)
            self.nets[name] = net
            self.opts[name] = torch.optim.Adam(net.parameters(), lr=p.lr)
        # Identical start by construction: the dropout twin takes the plain twin's weights.
        self.nets["dropout"].load_state_dict(self.nets["plain"].state_dict())
        self.best = BestEpochs(len(NETS))
        self.last: dict[str, float] = {}
        self.units = np.full((p.layers, p.hidden), np.nan)
        self.dropped_share = 0.0
        self._votes: dict[str, Any] = {"epoch": 0}
        # A vote costs 12 to 25 epochs: a running run's frames take one only within a
        # small share of its time (frame() below: every VOTE_EVERY epochs).
        self.vote_budget = Budget()
        self.mc_acc = self.single_acc = math.nan

    def done(self) -> bool:
        return self.t >= self.params.epochs

    def planned_steps(self) -> int:
        return self.params.epochs

    def update(self, params: DropoutParams) -> None:
        self.params = params
        self.nets["dropout"].set_p(params.p)
        for opt in self.opts.values():
            for group in opt.param_groups:
                group["lr"] = params.lr

    def step(self) -> list[Record]:
        e = self.t + 1
        for name, net in self.nets.items():
            net.train()
            loss = bce(net(self.x), self.y)
            self.opts[name].zero_grad(set_to_none=True)
            loss.backward()
            self.opts[name].step()
            if name == "dropout":
                self._keep_units(net)
        records: list[Record] = []
        val_losses = []
        for name, net in self.nets.items():
            measured = self._measure(net)
            for what, value in measured.items():
                records.append((series(name, what), e, value))
                self.last[series(name, what)] = value
            val_losses.append(measured["val_loss"])
        if not all(math.isfinite(v) for v in val_losses):
            raise Diverged("a validation loss is no longer finite")
        self.best.observe(e, val_losses)
        if e >= self.params.epochs:  # the last epoch: the votes that result.json reports
            self._vote(e)
        return records

    def _keep_units(self, net: DropoutNet) -> None:
        """The first example's hidden units in this step: activation, nan where dropped."""
        units = np.stack([a[0].cpu().numpy() for a in net.acts]).astype(np.float64)
        masks = [d.mask for d in net.drops]
        if all(m is not None for m in masks) and net.drops[0].p > 0:
            kept = np.stack([m[0].cpu().numpy() for m in masks])
            units[~kept] = np.nan
            self.dropped_share = float(1.0 - torch.stack(masks).float().mean())
        else:
            self.dropped_share = 0.0
        self.units = units

    def _measure(self, net: DropoutNet) -> dict[str, float]:
        net.eval()
        with torch.no_grad():
            train = float(bce(net(self.x), self.y))
            logits = net(self.xv)
            val = float(bce(logits, self.yv))
            acc = float(((logits > 0).float() == self.yv).float().mean())
            co = coadaptation(net.acts[-1][:CORR_N])
        return {"train_loss": train, "val_loss": val, "val_acc": acc, "coadaptation": co}

    def _vote(self, epoch: int) -> None:
        """Monte-Carlo dropout on the validation set after ``epoch``, with masks of their
        own (the same for a seed and an epoch, whenever the screen asks)."""
        net = self.nets["dropout"]
        gen = torch.Generator(device=self.device).manual_seed(self.seed * 7919 + epoch)
        probs = net.votes(self.xv, self.params.mc_samples, gen)  # (samples, examples)
        with torch.no_grad():
            single = torch.sigmoid(net(self.xv))
        mean = probs.mean(0)
        self.mc_acc = float(((mean > 0.5).float() == self.yv).float().mean())
        self.single_acc = float(((single > 0.5).float() == self.yv).float().mean())
        spread = probs.std(0) if len(probs) > 1 else torch.zeros_like(mean)
        shown = torch.argsort(spread, descending=True)[:SHOWN_VOTES]
        shown = shown[torch.argsort(mean[shown])]
        q = torch.quantile(probs[:, shown], torch.tensor([0.1, 0.9], device=probs.device), 0)
        self._votes = {"epoch": epoch, "mean": mean[shown], "lo": q[0], "hi": q[1],
                       "single": single[shown], "label": self.yv[shown]}

    def _votes_old(self) -> bool:
        return bool(self.t) and self.t - self._votes["epoch"] >= VOTE_EVERY

    def frame(self) -> DropoutFrame:
        if self._votes_old():
            self._vote(self.t)
        return self._frame()

    def paced_frame(self) -> DropoutFrame:
        if self._votes_old() and self.vote_budget.due():
            with self.vote_budget.spending():
                self._vote(self.t)
        return self._frame()

    def _frame(self) -> DropoutFrame:
        v = self._votes

        def arr(key: str) -> np.ndarray:
            return v[key].cpu().numpy().astype(np.float64) if key in v else np.zeros(0)

        return DropoutFrame(
            epoch=self.t, p=self.params.p, units=self.units.copy(),
            dropped_share=self.dropped_share,
            best_epoch={name: int(self.best.epoch[k]) for k, name in enumerate(NETS)},
            votes_epoch=int(v["epoch"]), vote_mean=arr("mean"), vote_lo=arr("lo"),
            vote_hi=arr("hi"), vote_single=arr("single"), vote_label=arr("label"),
            mc_acc=self.mc_acc, single_acc=self.single_acc)

    def summary(self) -> dict[str, Any]:
        def number(x: float) -> float | None:
            return None if math.isnan(x) else x

        gap = {name: self.last[series(name, "val_loss")] - self.last[series(name, "train_loss")]
               for name in NETS if series(name, "val_loss") in self.last}
        return {
            "mc_acc": number(self.mc_acc),
            "single_acc": number(self.single_acc),
            "gap": gap,
            "best_epoch": {name: int(self.best.epoch[k]) for k, name in enumerate(NETS)},
            "dropped_share": self.dropped_share,  # of the latest training step
        }
