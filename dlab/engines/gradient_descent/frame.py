"""What the Gradient Descent tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EXTENT = (-3.0, 3.0, -3.0, 3.0)  # the decision-boundary image: x0, x1, y0, y1


@dataclass(frozen=True)
class GDFrame:
    boundary: np.ndarray  # P(class 1) on the grid, rows = y
    boundary_line: np.ndarray  # segments of the 0.5 contour, (n, 2) with NaN breaks
    extent: tuple[float, float, float, float]
    points: np.ndarray  # (n, 2) training inputs
    labels: np.ndarray  # (n,) 0/1
    iteration: int
    epoch: int
    iterations_per_epoch: int
    walk_from: int  # the step the walker on the loss surface started at
    walk_start: tuple[float, float]


@dataclass(frozen=True)
class CompareFrame:
    diverged: tuple[str, ...]  # modes that diverged (their curves stop there)
