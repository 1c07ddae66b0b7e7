"""Generated two-class point sets in the plane: numpy only, so a tab can show the data
before the engine (and torch) has started."""

from __future__ import annotations

import numpy as np

DATASETS = ("moons", "blobs", "circles")


def make_2d_classification(
    kind: str, n: int, seed: int, noise: float = 0.15
) -> tuple[np.ndarray, np.ndarray]:
    """A generated two-class set in about [-2, 2]^2: X float32 (n, 2), y float32 (n,) of 0/1."""
    rng = np.random.default_rng(seed)
    y = (np.arange(n) % 2).astype(np.float32)
    rng.shuffle(y)
    if kind == "moons":
        t = rng.uniform(0, np.pi, n)
        x = np.where(y == 0, np.cos(t), 1 - np.cos(t))
        z = np.where(y == 0, np.sin(t), 0.5 - np.sin(t))
        pts = np.stack([x - 0.5, z - 0.25], 1) * 1.6
    elif kind == "circles":
        t = rng.uniform(0, 2 * np.pi, n)
        r = np.where(y == 0, 1.6, 0.7)
        pts = np.stack([r * np.cos(t), r * np.sin(t)], 1)
    elif kind == "blobs":
        centre = np.where(y[:, None] == 0, [-0.9, -0.6], [0.9, 0.6])
        pts = centre + rng.normal(0, 0.6, (n, 2))
    else:
        raise ValueError(f"unknown data set {kind!r}; expected one of {', '.join(DATASETS)}")
    pts = pts + rng.normal(0, noise, pts.shape)
    return pts.astype(np.float32), y
