"""The same deep network trained twice at once, with and without batch normalisation.

One natural step = one update of each network on the same mini-batch (same seed, same
initial weights). A twin whose loss stops being finite is marked diverged and left where
it is; the other goes on, and the run ends as diverged only when both have.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from dlab.core.deep_mlp import (
    Batches,
    DeepMLP,
    accuracy,
    cross_entropy,
    make_split,
)
from dlab.core.experiment import Diverged, Experiment
from dlab.core.metrics import RowBuffer
from dlab.core.runtime import configure_torch
from dlab.core.snapshot import Record
from dlab.engines.batchnorm.frame import BatchNormFrame
from dlab.engines.batchnorm.params import EVAL_GROUPS, BatchNormParams

TWINS = ("plain", "bn")
VAL_EVERY = 5  # validation accuracy at step 1 and every 5 steps
# While a run goes on at full speed, the train-vs-eval bars are measured again every 50
# steps (a fifth of a second at full speed): measuring them takes about a step's time, so
# at every frame (30 a second) it took more time than training. The frames asked for
# (paused, Step, slow motion, the last one) measure them at their own step.
BARS_EVERY = 50
QS = (0.05, 0.25, 0.5, 0.75, 0.95)


def layer_quantiles(pre: list[torch.Tensor]) -> np.ndarray:
    """(layers, len(QS)): quantiles of each layer's values fed into the activation."""
    flat = torch.stack([z.reshape(-1) for z in pre]).float()
    qs = torch.tensor(QS, device=flat.device)
    return torch.quantile(flat, qs, dim=1).T.cpu().numpy().copy()


def init_for(activation: str) -> str:
    return "he" if activation in ("relu", "leaky_relu") else "xavier"


class BatchNormExperiment(Experiment):
    frame_type = BatchNormFrame

    def __init__(self, params: BatchNormParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        self.x, self.y, self.xv, self.yv = make_split(seed, device=device)
        p = params
        self.nets: dict[str, DeepMLP] = {}
        for name in TWINS:
            self.nets[name] = DeepMLP(p.depth, p.width, p.activation, init_for(p.activation),
                                      torch.Generator().manual_seed(seed), bn=name == "bn",
                                      position=p.position, momentum=p.momentum).to(device)
        # Identical start by construction: the BN twin takes the plain twin's weights.
        self.nets["bn"].load_state_dict(self.nets["plain"].state_dict(), strict=False)
        self.batches = Batches(len(self.x), p.batch_size, seed)
        self.diverged: dict[str, int] = {}
        self.last_loss: dict[str, float] = {}
        self.history_steps = RowBuffer(())
        # Per step, per layer: quantiles of the values fed into the activation.
        self.history = {name: RowBuffer((p.depth, len(QS))) for name in TWINS}
        self.bars: tuple[int, dict[str, float]] | None = None  # (step measured, the bars)

    def step(self) -> list[Record]:
        t = self.t + 1
        idx = self.batches.next()
        xb, yb = self.x[idx], self.y[idx]
        records: list[Record] = []
        for name, net in self.nets.items():
            if name in self.diverged:
                continue
            net.train()
            loss = cross_entropy(net(xb), yb)
            value = loss.item()
            if not np.isfinite(value):
                self.diverged[name] = t  # the other twin goes on
                continue
            net.zero_grad(set_to_none=True)
            loss.backward()
            net.sgd_step(self.params.lr)
            self.last_loss[name] = value
            records.append((f"{name}/loss", t, value))
            self.history[name].append(layer_quantiles(net.pre))
            if name == "bn":
                records += self._bn_records(net, t)
        if len(self.diverged) == len(self.nets):
            raise Diverged("both networks diverged")
        self.history_steps.append(np.float64(t))
        if t == 1 or t % VAL_EVERY == 0:
            for name, net in self.nets.items():
                if name not in self.diverged:
                    records.append((f"{name}/val_acc", t, self.val_accuracy(net)))
        return records

    @staticmethod
    def _bn_records(net: DeepMLP, t: int) -> list[Record]:
        out: list[Record] = []
        for k, bn in enumerate(net.norms or (), 1):
            xhat = bn.xhat
            out += [
                (f"bn/pre_mean/{k}", t, float(xhat.mean(0).mean())),
                (f"bn/pre_std/{k}", t, float(xhat.std(0, unbiased=False).mean())),
                (f"bn/gamma/{k}", t, float(bn.gamma.detach().mean())),
                (f"bn/beta/{k}", t, float(bn.beta.detach().mean())),
            ]
        return out

    def val_accuracy(self, net: DeepMLP) -> float:
        net.eval()
        with torch.no_grad():
            return accuracy(net(self.xv), self.yv)

    def eval_vs_batch(self) -> dict[str, float]:
        """Validation accuracy of the BN net with running statistics ("eval") and with the
        statistics of validation batches of each size in EVAL_GROUPS (train mode)."""
        net = self.nets["bn"]
        out = {"eval": self.val_accuracy(net)}
        net.train()
        with torch.no_grad():
            for g in EVAL_GROUPS:
                net.set_group(g, track=False)
                out[str(g)] = accuracy(net(self.xv), self.yv)
        net.set_group(0, track=True)
        return out

    def _bars(self, every: int) -> dict[str, float]:
        """The train-vs-eval bars, measured again when the last ones are ``every`` steps
        old or more (1: at this step); none once the BN twin has diverged."""
        if "bn" in self.diverged:
            return {}
        if self.bars is None or self.t - self.bars[0] >= every:
            self.bars = (self.t, self.eval_vs_batch())
        return self.bars[1]

    def frame(self) -> BatchNormFrame:
        return self._frame(self._bars(every=1))

    def paced_frame(self) -> BatchNormFrame:
        return self._frame(self._bars(every=BARS_EVERY))

    def _frame(self, bars: dict[str, float]) -> BatchNormFrame:
        return BatchNormFrame(
            depth=self.params.depth,
            steps=self.history_steps.copy(),
            quantiles={name: h.copy() for name, h in self.history.items()},
            eval_vs_batch=dict(bars),
            diverged=dict(self.diverged),
        )

    def summary(self) -> dict[str, Any]:
        return {
            "diverged_at": dict(self.diverged),
            "last_loss": dict(self.last_loss),
        }

