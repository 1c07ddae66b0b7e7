"""The image domains: handwritten digits changed in two different ways, unpaired, or a
user's two folders of images.

The shipped digits' training split is shuffled and cut in two halves: one half, as it
is, makes X; the other half, changed (thicker strokes, or slanted), makes Y. So no x has
its y. The held-out sets come the same way from the validation split, with the digits'
labels kept to check that a translation keeps a digit's identity. A user's folders are
each cut into a training set and a held-out quarter; they are greyscale (as ink, like the
digits) when every image of both is grey, RGB otherwise. Pixels are scaled to [-1, 1]
(the generators end in tanh, as in the original method).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch
import torch.nn.functional as F

from dlab.core.digits import load_digits, to_float
from dlab.core.image_folder import is_grey, load_folder

SHOWN = 8  # held-out examples of each domain shown in the grids, the same every frame
SLANT = 0.4  # the shear of the slanted digits: x moves by 0.4 of the height


@dataclass(frozen=True)
class ImageDomains:
    x_train: torch.Tensor  # (n, 1, size, size) in [-1, 1]
    y_train: torch.Tensor
    x_eval: torch.Tensor
    y_eval: torch.Tensor
    x_eval_labels: torch.Tensor  # (n,) digit of each held-out x (empty for folders)
    y_eval_labels: torch.Tensor

    @property
    def channels(self) -> int:
        return self.x_train.shape[1]


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


def trait(images: torch.Tensor, domains: str) -> float:
    """The mean over ``images`` (n, 1, s, s) in [-1, 1] of what sets Y apart from X: the
    ink (mean darkness, 0 to 1) for digits-thickness; for digits-slant the lean, the
    slope of the ink's column against its row (the shear moves a stroke's column by 0.4 of
    a pixel for each row, the upright digits lean a little already)."""
    ink = (images[:, 0] + 1) / 2
    if domains == "digits-thickness":
        return float(ink.mean())
    side = ink.shape[-1]
    pos = torch.arange(side, dtype=ink.dtype, device=ink.device)
    mass = ink.sum((1, 2)).clamp_min(1e-6)
    row = (ink.sum(2) * pos).sum(1) / mass
    col = (ink.sum(1) * pos).sum(1) / mass
    dr = pos[None, :, None] - row[:, None, None]
    dc = pos[None, None, :] - col[:, None, None]
    covariance = (ink * dr * dc).sum((1, 2)) / mass
    variance = (ink * dr**2).sum((1, 2)) / mass
    return float((covariance / variance.clamp_min(1e-6)).mean())


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


MAX_HELD_OUT = 256


def from_pixels(rgb: np.ndarray, grey: bool) -> torch.Tensor:
    """(n, s, s, 3) uint8 → (n, 1, s, s) ink (1 − brightness, as the digits) or
    (n, 3, s, s) colour, in [-1, 1]."""
    t = torch.from_numpy(rgb).permute(0, 3, 1, 2).float() / 255
    return (1 - t[:, :1] if grey else t) * 2 - 1


def split(images: torch.Tensor, rng: np.random.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """(training set, held-out set): a quarter held out (1 to 256 images); a folder of one
    image trains and is measured on it."""
    n = len(images)
    if n == 1:
        return images, images
    order = torch.from_numpy(rng.permutation(n))
    k = min(max(1, n // 4), MAX_HELD_OUT)
    return images[order[k:]], images[order[:k]]


def folder_domains(folder_x: str, folder_y: str, size: int, seed: int) -> ImageDomains:
    """The user's two folders as domains X and Y (BadInput naming the folder and file when
    one cannot be used)."""
    x = load_folder("folder_x", folder_x, size)
    y = load_folder("folder_y", folder_y, size)
    grey = is_grey(x, y)
    rng = np.random.default_rng(seed)
    (x_train, x_eval), (y_train, y_eval) = (split(from_pixels(d, grey), rng) for d in (x, y))
    none = torch.zeros(0, dtype=torch.long)
    return ImageDomains(x_train=x_train, y_train=y_train, x_eval=x_eval, y_eval=y_eval,
                        x_eval_labels=none, y_eval_labels=none)
