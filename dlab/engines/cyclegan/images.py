"""The image domains: handwritten digits changed in two different ways, unpaired.

The shipped digits' training split is shuffled and cut in two halves: one half, as it
is, makes X; the other half, changed (thicker strokes, or slanted), makes Y. So no x has
its y. The held-out sets come the same way from the validation split, with the digits'
labels kept to check that a translation keeps a digit's identity. Pixels are scaled to
[-1, 1] (the generators end in tanh, as in the original method).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from dlab.core.digits import load_digits, to_float

SHOWN = 8  # held-out examples of each domain shown in the grids, the same every frame
SLANT = 0.4  # the shear of the slanted digits: x moves by 0.4 of the height


@dataclass(frozen=True)
class ImageDomains:
    x_train: torch.Tensor  # (n, 1, size, size) in [-1, 1]
    y_train: torch.Tensor
    x_eval: torch.Tensor
    y_eval: torch.Tensor
    x_eval_labels: torch.Tensor  # (n,) digit of each held-out x
    y_eval_labels: torch.Tensor


def change(images: torch.Tensor, domains: str) -> torch.Tensor:
    """Domain Y's version of 28×28 digits in [0, 1]: thicker strokes (a 3×3 maximum) or
    slanted (a shear)."""
    if domains == "digits-thickness":
        return F.max_pool2d(images, 3, stride=1, padding=1)
    if domains == "digits-slant":
        theta = torch.tensor([[1.0, SLANT, 0.0], [0.0, 1.0, 0.0]]).expand(len(images), 2, 3)
        grid = F.affine_grid(theta, list(images.shape), align_corners=False)
        return F.grid_sample(images, grid, align_corners=False)
    raise ValueError(f"unknown image domains {domains!r}")


def prepare(images: np.ndarray, domains: str | None, size: int) -> torch.Tensor:
    """uint8 digits → (n, 1, size, size) in [-1, 1], changed for Y when ``domains`` is given."""
    t = torch.from_numpy(to_float(images))[:, None]
    if domains is not None:
        t = change(t, domains)
    return F.adaptive_avg_pool2d(t, size) * 2 - 1


def halves(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    order = rng.permutation(n)
    return order[: n // 2], order[n // 2:]


def image_domains(domains: str, size: int, seed: int) -> ImageDomains:
    digits = load_digits()
    rng = np.random.default_rng(seed)
    train, _ = digits.train
    a, b = halves(len(train), rng)
    held_out, labels = digits.val
    c, d = halves(len(held_out), rng)
    return ImageDomains(
        x_train=prepare(train[a], None, size), y_train=prepare(train[b], domains, size),
        x_eval=prepare(held_out[c], None, size), y_eval=prepare(held_out[d], domains, size),
        x_eval_labels=torch.from_numpy(labels[c]), y_eval_labels=torch.from_numpy(labels[d]),
    )
