"""SGD, Momentum, RMSProp and Adam raced on a 2-D function and on a small network.

One natural step = one update of every switched-on optimiser on the surface and one
full-batch update of each one's copy of the network. The rules are in ``rules.py``,
written out; nothing here calls torch.optim.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from dlab.core.datasets2d import make_2d_classification
from dlab.core.experiment import Diverged, Experiment
from dlab.core.nets import SmallNet
from dlab.core.runtime import generator
from dlab.core.snapshot import Record
from dlab.engines.adam.frame import AdamFrame
from dlab.engines.adam.params import AdamParams
from dlab.engines.adam.rules import RULES
from dlab.engines.adam.surfaces import OPTIMIZERS, SETUPS, RaceSetup

RUNNING, DIVERGED, ESCAPED = "running", "diverged", "escaped"
FAR = 1e6  # a point this far out only gets farther: call it diverged before it overflows
GOAL = 1e-3  # the summary reports when each optimiser first gets below this loss
NET_DATA, NET_N, NET_HIDDEN = "moons", 256, 8


class Racer:
    """One optimiser walking the surface from the common start."""

    def __init__(self, opt: str, setup: RaceSetup, start: tuple[float, float]) -> None:
        self.opt, self.setup = opt, setup
        self.rule = RULES[opt]()
        self.p = np.array(start, dtype=np.float64)
        self.k = 0  # its own steps; it stands still while switched off
        self.status, self.why = RUNNING, ""
        self.reached: int | None = None

    def step(self, params: AdamParams) -> list[Record]:
        surface = self.setup.surface
        with np.errstate(all="ignore"):
            g = np.array(surface.grad(float(self.p[0]), float(self.p[1])), dtype=np.float64)
            p = self.p + self.rule.step([g], params.hyper(self.opt))[0]
            loss = surface.value(float(p[0]), float(p[1]))
        self.k += 1
        if not (np.isfinite(p).all() and math.isfinite(loss)) or np.abs(p).max() > FAR:
            self.status = DIVERGED
            self.why = f"{self.opt} diverged at step {self.k}"
            return []
        self.p = p
        if self.reached is None and loss < GOAL:
            self.reached = self.k
        if self.setup.escape and self.setup.leaves(float(p[0]), float(p[1])):
            self.status, self.why = ESCAPED, f"{self.opt} left the window at step {self.k}"
        x, y = float(p[0]), float(p[1])
        return [(f"{self.opt}/x", self.k, x), (f"{self.opt}/y", self.k, y),
                (f"{self.opt}/loss", self.k, loss)]

    def inside(self) -> dict[str, Any] | None:
        """Adam's state for the current step, per coordinate (x, y)."""
        if not self.rule.state or "delta" not in self.rule.state[0]:
            return None
        s = self.rule.state[0]
        out = {key: [float(v) for v in s[key]]
               for key in ("g", "m", "v", "m_hat", "v_hat", "delta")}
        out["t"] = self.rule.t
        return out


class NetRacer:
    """One optimiser training its own copy of the small network, full batch."""

    def __init__(self, opt: str, net: SmallNet, x: torch.Tensor, y: torch.Tensor) -> None:
        self.opt, self.net, self.x, self.y = opt, net, x, y
        self.rule = RULES[opt]()
        self.k = 0
        self.status, self.why = RUNNING, ""

    def step(self, params: AdamParams) -> list[Record]:
        weights = list(self.net.parameters())
        # The stable form of the cross-entropy: a net that fits the data perfectly must
        # not read as diverged (the lesson-form bce gives 0·log 0 = NaN there).
        loss = torch.nn.functional.binary_cross_entropy_with_logits(self.net(self.x), self.y)
        grads = torch.autograd.grad(loss, weights)
        value = loss.item()
        self.k += 1
        if not math.isfinite(value):
            self.status, self.why = DIVERGED, f"network {self.opt} diverged at step {self.k}"
            return []
        deltas = self.rule.step(list(grads), params.hyper(self.opt, params.net_lr))
        with torch.no_grad():
            for w, d in zip(weights, deltas, strict=True):
                w += d
        return [(f"net/{self.opt}/loss", self.k, value)]


class AdamRace(Experiment):
    frame_type = AdamFrame

    def __init__(self, params: AdamParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        self.setup = SETUPS[params.function]
        self.start = (params.start_x, params.start_y)
        self.racers = {opt: Racer(opt, self.setup, self.start) for opt in OPTIMIZERS}
        x, y = make_2d_classification(NET_DATA, NET_N, seed)
        x_t, y_t = torch.from_numpy(x).to(device), torch.from_numpy(y).to(device)
        first = SmallNet(NET_HIDDEN, "xavier", generator(seed))
        self.nets = {}
        for opt in OPTIMIZERS:
            net = SmallNet(NET_HIDDEN, "xavier", generator(seed)).to(device)
            net.load_state_dict(first.state_dict())  # the same initial weights, by construction
            self.nets[opt] = NetRacer(opt, net, x_t, y_t)

    def _active(self) -> list[Racer | NetRacer]:
        chosen = self.params.chosen()
        return [r for opt in chosen for r in (self.racers[opt], self.nets[opt])]

    def done(self) -> bool:
        return all(r.status != RUNNING for r in self._active())

    def step(self) -> list[Record]:
        records: list[Record] = []
        active = self._active()
        for racer in active:
            if racer.status == RUNNING:
                records += racer.step(self.params)
        if all(r.status == DIVERGED for r in active):
            raise Diverged("every optimiser diverged")
        return records

    def frame(self) -> AdamFrame:
        adam = self.racers["adam"]
        inside = adam.inside() if "adam" in self.params.chosen() else None
        return AdamFrame(
            start=self.start,
            status={o: r.status for o, r in self.racers.items()},
            inside=inside or {},
        )

    def summary(self) -> dict[str, Any]:
        chosen = self.params.chosen()
        return {
            "surface_status": {o: self.racers[o].status for o in chosen},
            "steps_to_loss_below_1e-3": {o: self.racers[o].reached for o in chosen},
            "network_status": {o: self.nets[o].status for o in chosen},
            "stopped": [r.why for r in self._active() if r.why],
        }

