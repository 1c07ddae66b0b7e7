"""A CNN and a fully connected network (MLP) trained at once on the same digits.

One natural step = one Adam update of each network on the same mini-batch of the 4,000
training digits; after every epoch both are measured on the 500 validation digits. The
CNN is built from the architecture table in arch.py, so the counts the tab shows are
the counts of the network that trains.
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import nn

from dlab.core.digits import CLASSES, SIDE, load_digits, to_float
from dlab.core.experiment import Experiment, check_finite
from dlab.core.nets import init_he_uniform
from dlab.core.runtime import configure_torch, generator
from dlab.core.snapshot import Record
from dlab.engines.cnn.arch import layer_table, mlp_params, total_params
from dlab.engines.cnn.frame import CNNFrame, loss_series, val_acc_series
from dlab.engines.cnn.params import CNNParams


class ConvNet(nn.Module):
    def __init__(self, layers: list[dict]) -> None:
        super().__init__()
        self.convs = nn.ModuleList(
            nn.Conv2d(L["in_shape"][0], L["out_shape"][0], L["kernel"], padding="same")
            for L in layers if L["type"] == "conv")
        self.head = nn.Linear(layers[-1]["in_shape"][0], CLASSES)

    def forward(self, x: torch.Tensor, keep_maps: bool = False
                ) -> torch.Tensor | tuple[torch.Tensor, list[torch.Tensor]]:
        maps = []
        for conv in self.convs:
            x = torch.relu(conv(x))
            if keep_maps:
                maps.append(x)
            x = torch.nn.functional.max_pool2d(x, 2)
        logits = self.head(x.flatten(1))
        return (logits, maps) if keep_maps else logits


def make_mlp(hidden: int) -> nn.Module:
    return nn.Sequential(nn.Flatten(), nn.Linear(SIDE * SIDE, hidden), nn.ReLU(),
                         nn.Linear(hidden, CLASSES))


def count_params(net: nn.Module) -> int:
    return sum(p.numel() for p in net.parameters())


def accuracy(net: nn.Module, x: torch.Tensor, y: torch.Tensor) -> float:
    net.eval()
    with torch.no_grad():
        out = float((net(x).argmax(1) == y).float().mean())
    net.train()
    return out


class CNNvsMLP(Experiment):
    frame_type = CNNFrame

    def __init__(self, params: CNNParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        data = load_digits()
        as_tensor = lambda a: torch.from_numpy(to_float(a)[:, None]).to(device)  # noqa: E731
        (xt, yt), (xv, yv), (xs, ys) = data.train, data.val, data.test
        self.x, self.y = as_tensor(xt), torch.from_numpy(yt).to(device)
        self.xv, self.yv = as_tensor(xv), torch.from_numpy(yv).to(device)
        self.test_images, self.test_labels = to_float(xs), ys
        self.layers = layer_table(params)
        gen = generator(seed)
        self.nets: dict[str, nn.Module] = {"cnn": ConvNet(self.layers),
                                           "mlp": make_mlp(params.mlp_hidden)}
        for net in self.nets.values():
            init_he_uniform(net, gen)
            net.to(device)
        self.opts = {name: torch.optim.Adam(net.parameters(), lr=params.lr)
                     for name, net in self.nets.items()}
        self.batch_gen = generator(seed + 1)
        self.steps_per_epoch = math.ceil(len(self.x) / params.batch_size)
        self.order = torch.randperm(len(self.x), generator=self.batch_gen)
        self.val_acc: dict[str, float] = {}

    def done(self) -> bool:
        return self.t >= self.params.epochs * self.steps_per_epoch

    def planned_steps(self) -> int:
        return self.params.epochs * self.steps_per_epoch

    def step(self) -> list[Record]:
        t = self.t + 1
        b = self.params.batch_size
        within = self.t % self.steps_per_epoch
        if within == 0 and self.t > 0:
            self.order = torch.randperm(len(self.x), generator=self.batch_gen)
        idx = self.order[within * b:(within + 1) * b].to(self.device)
        xb, yb = self.x[idx], self.y[idx]
        records: list[Record] = []
        for name, net in self.nets.items():
            loss = nn.functional.cross_entropy(net(xb), yb)
            value = check_finite(loss.item(), f"{name} loss")
            self.opts[name].zero_grad(set_to_none=True)
            loss.backward()
            self.opts[name].step()
            records.append((loss_series(name), t, value))
        if t % self.steps_per_epoch == 0:
            for name, net in self.nets.items():
                self.val_acc[name] = accuracy(net, self.xv, self.yv)
                records.append((val_acc_series(name), t, self.val_acc[name]))
        return records

    def update(self, params: CNNParams) -> None:
        super().update(params)
        for opt in self.opts.values():
            for group in opt.param_groups:
                group["lr"] = params.lr

    def frame(self) -> CNNFrame:
        cnn = self.nets["cnn"]
        copy = lambda p: p.detach().cpu().numpy().copy()  # noqa: E731
        i = self.params.shown_digit
        return CNNFrame(
            epoch=self.t // self.steps_per_epoch,
            steps_per_epoch=self.steps_per_epoch,
            layers=tuple(self.layers),
            cnn_params=count_params(cnn),
            mlp_params=count_params(self.nets["mlp"]),
            conv_weights=tuple((copy(c.weight), copy(c.bias)) for c in cnn.convs),
            linear_weights=(copy(cnn.head.weight), copy(cnn.head.bias)),
            digit=self.test_images[i].copy(),
            digit_label=int(self.test_labels[i]),
        )

    def summary(self) -> dict[str, Any]:
        return {
            "layers": self.layers,
            "cnn_params": total_params(self.layers),
            "mlp_params": mlp_params(self.params.mlp_hidden),
            "epochs_done": self.t // self.steps_per_epoch,
            "val_acc": dict(self.val_acc),
        }
