"""What the CycleGAN tab draws, and the names of its series (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# The eight losses of the original method, per iteration (unweighted values).
LOSS_D_X, LOSS_D_Y = "loss/D_X", "loss/D_Y"  # least squares: real -> 1, fake -> 0
LOSS_G, LOSS_F = "loss/G", "loss/F"  # (D_Y(G(x)) - 1)^2 and (D_X(F(y)) - 1)^2
LOSS_CYCLE_X, LOSS_CYCLE_Y = "loss/cycle_X", "loss/cycle_Y"  # |F(G(x)) - x|, |G(F(y)) - y|
LOSS_IDT_X, LOSS_IDT_Y = "loss/idt_X", "loss/idt_Y"  # |F(x) - x|, |G(y) - y|
ADVERSARIAL = (LOSS_D_X, LOSS_D_Y, LOSS_G, LOSS_F)
RECONSTRUCTION = (LOSS_CYCLE_X, LOSS_CYCLE_Y, LOSS_IDT_X, LOSS_IDT_Y)
LOSSES = ADVERSARIAL + RECONSTRUCTION

# Measured on held-out samples every EVAL_EVERY iterations (and at the first).
EVAL_CYCLE_X, EVAL_CYCLE_Y = "eval/cycle_X", "eval/cycle_Y"  # mean |F(G(x)) - x|
EVAL_FAKE_TO_Y = "eval/fake_to_Y"  # mean distance from G(x) to its nearest real y
EVAL_FAKE_TO_X = "eval/fake_to_X"  # mean distance from F(y) to its nearest real x
# The digit domains: how far G(x) has gone from X's trait (ink for thickness, lean for
# slant) towards Y's, 0 = as x, 1 = as y; and F(y) from Y's towards X's.
EVAL_TOWARD_Y, EVAL_TOWARD_X = "eval/toward_Y", "eval/toward_X"
POINT_EVALS = (EVAL_CYCLE_X, EVAL_CYCLE_Y, EVAL_FAKE_TO_Y, EVAL_FAKE_TO_X)
DIGIT_EVALS = (EVAL_CYCLE_X, EVAL_CYCLE_Y, EVAL_TOWARD_Y, EVAL_TOWARD_X)
EVALS = POINT_EVALS + (EVAL_TOWARD_Y, EVAL_TOWARD_X)
EVAL_EVERY = 20


POINTS, IMAGES = "points", "images"


@dataclass(frozen=True)
class CycleFrame:
    """What the views draw. ``kind`` says which half is filled; the other half's arrays
    are empty.

    The point domains: held-out samples and where the generators send them.

    x, y: real samples (n, 2); fake_y = G(x), rec_x = F(G(x)); fake_x = F(y),
    rec_y = G(F(y)). push_y: where the adversarial loss of G pushes the first
    ``len(push_y)`` points of fake_y (minus the gradient of (D_Y(g) - 1)^2 with respect to
    the point g, unscaled); push_x likewise for fake_x under D_X. d_x, d_y: the
    discriminators' outputs on a grid over ``extent`` (rows = x), 1 = real, 0 = fake.

    The image domains: the same held-out examples every frame, (k, size, size) in [0, 1]
    (0 paper, 1 ink), or (k, size, size, 3) RGB for a folder of colour images: real x, G(x),
    F(G(x)), and real y, F(y), G(F(y)).
    """

    kind: str
    iteration: int
    extent: tuple[float, float, float, float]
    x: np.ndarray
    y: np.ndarray
    fake_y: np.ndarray
    rec_x: np.ndarray
    fake_x: np.ndarray
    rec_y: np.ndarray
    push_y: np.ndarray
    push_x: np.ndarray
    d_x: np.ndarray
    d_y: np.ndarray
    img_x: np.ndarray
    img_fake_y: np.ndarray
    img_rec_x: np.ndarray
    img_y: np.ndarray
    img_fake_x: np.ndarray
    img_rec_y: np.ndarray
