"""An autoencoder learns the digits without their labels: 784 pixels → hidden → a few
latent numbers → hidden → 784 pixels, trained to give back its input (mean squared error
per pixel, pixels in [0, 1]). One natural step is one epoch over the 4,000 training digits;
the 500 validation digits measure it, the 500 test digits are drawn on the latent map.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch
from torch import nn

from dlab.core.digits import SIDE, load_digits, one_of_each, to_float
from dlab.core.experiment import Experiment, check_finite
from dlab.core.nets import init_he_uniform
from dlab.core.runtime import configure_torch, generator
from dlab.core.snapshot import Record
from dlab.engines.autoencoder import maps
from dlab.engines.autoencoder.frame import (
    PCA_LOSS,
    TRAIN_LOSS,
    VAL_LOSS,
    AutoencoderFrame,
    run_files,
)
from dlab.engines.autoencoder.params import AutoencoderParams

PIXELS = SIDE * SIDE


class Autoencoder(nn.Module):
    def __init__(self, hidden: int, latent: int) -> None:
        super().__init__()
        self.encoder = nn.Sequential(nn.Linear(PIXELS, hidden), nn.ReLU(),
                                     nn.Linear(hidden, latent))
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(),
                                     nn.Linear(hidden, PIXELS))

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        z = self.encoder(x)
        return torch.sigmoid(self.decoder(z)), z


class AutoencoderRun(Experiment):
    frame_type = AutoencoderFrame

    def __init__(self, params: AutoencoderParams, seed: int, device: str = "cpu") -> None:
        super().__init__(params, seed, device)
        configure_torch()
        data = load_digits()
        flat = lambda images: to_float(images).reshape(len(images), -1)  # noqa: E731
        (xt, _), (xv, _), (xs, ys) = data.train, data.val, data.test
        self.train_np, self.val_np = flat(xt), flat(xv)
        self.x = torch.from_numpy(self.train_np).to(device)
        self.xv = torch.from_numpy(self.val_np).to(device)
        self.xs = torch.from_numpy(flat(xs)).to(device)
        self.test_labels = ys
        self.shown = one_of_each(ys)  # the tab shows the same ten before a run
        self.net = Autoencoder(params.hidden, params.latent_dim)
        self.gen = generator(seed)
        init_he_uniform(self.net, self.gen)
        self.net.to(device)
        self.opt = torch.optim.Adam(self.net.parameters(), lr=params.lr)
        self.pca_loss = maps.pca_loss(self.train_np, self.val_np, params.latent_dim)
        self.mean_image_loss = float(((self.val_np - self.train_np.mean(0)) ** 2).mean())
        self.last: dict[str, float] = {}

    def done(self) -> bool:
        return self.t >= self.params.epochs

    def planned_steps(self) -> int:
        return self.params.epochs

    def noisy(self, x: torch.Tensor) -> torch.Tensor:
        """The input with Gaussian noise of std ``denoise``, kept in [0, 1]. The noise is
        drawn on the CPU from the run's generator, so a seed gives the same run anywhere."""
        std = self.params.denoise
        if std == 0:
            return x
        noise = torch.randn(x.shape, generator=self.gen).to(x.device)
        return (x + std * noise).clamp(0.0, 1.0)

    def step(self) -> list[Record]:
        epoch = self.t + 1
        b = self.params.batch_size
        order = torch.randperm(len(self.x), generator=self.gen).to(self.device)
        total, n = 0.0, 0
        self.net.train()
        for start in range(0, len(order), b):
            xb = self.x[order[start:start + b]]
            out, _ = self.net(self.noisy(xb))
            loss = nn.functional.mse_loss(out, xb)
            self.opt.zero_grad(set_to_none=True)
            loss.backward()
            self.opt.step()
            total += loss.item() * len(xb)
            n += len(xb)
        self.last[TRAIN_LOSS] = check_finite(total / n, "training loss")
        self.last[VAL_LOSS] = check_finite(self.val_loss(), "validation loss")
        records = [(TRAIN_LOSS, epoch, self.last[TRAIN_LOSS]),
                   (VAL_LOSS, epoch, self.last[VAL_LOSS])]
        if epoch == 1:
            records.append((PCA_LOSS, epoch, self.pca_loss))
        return records

    def val_loss(self) -> float:
        self.net.eval()
        with torch.no_grad():
            return float(nn.functional.mse_loss(self.net(self.xv)[0], self.xv))

    def update(self, params: AutoencoderParams) -> None:
        super().update(params)
        for group in self.opt.param_groups:
            group["lr"] = params.lr

    def encode_test(self) -> tuple[np.ndarray, np.ndarray]:
        """(codes of the 500 test digits, reconstructions of the ten shown)."""
        self.net.eval()
        with torch.no_grad():
            out, z = self.net(self.xs)
        return z.cpu().numpy(), out[self.shown].cpu().numpy().reshape(-1, SIDE, SIDE)

    def frame(self) -> AutoencoderFrame:
        latent, recon = self.encode_test()
        dim = self.params.latent_dim
        if dim == 2:
            mean, axes = np.zeros(2, np.float32), np.eye(2, dtype=np.float32)
        else:
            mean, axes = maps.principal_axes(latent, 2)
        dec = self.net.decoder
        weights = tuple(p.detach().cpu().numpy().copy()
                        for p in (dec[0].weight, dec[0].bias, dec[2].weight, dec[2].bias))
        return AutoencoderFrame(
            epoch=self.t,
            latent_dim=dim,
            originals=self.xs[self.shown].cpu().numpy().reshape(-1, SIDE, SIDE),
            reconstructions=recon,
            latent=latent,
            labels=self.test_labels.copy(),
            map_mean=mean,
            map_axes=axes,
            decoder=weights,
        )

    def files(self) -> dict[str, str | bytes]:
        """latent.csv and reconstructions.png for `dlab run --out`."""
        return run_files(self.frame())

    def summary(self) -> dict[str, Any]:
        return {
            "epochs_done": self.t,
            "pca_loss": self.pca_loss,
            "mean_image_loss": self.mean_image_loss,
            "last": dict(self.last),
        }
