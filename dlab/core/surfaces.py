"""A two-dimensional loss surface with its analytic gradient (numpy only, no torch).

Topics define their own surfaces next to their engine (gradient descent's lesson surfaces,
Adam's test functions); the shared SurfaceView draws any of them as filled contours.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

Array = np.ndarray


@dataclass(frozen=True)
class Surface:
    name: str
    f: Callable[[Array, Array], Array]
    grad: Callable[[float, float], tuple[float, float]]
    extent: tuple[float, float, float, float]  # x0, x1, y0, y1 of the drawn window
    minima: tuple[tuple[float, float], ...] = ()  # where the global minimum lies, for markers
    start: tuple[float, float] = (-3.5, 2.5)  # a start that shows the surface's lesson

    def grid(self, n: int = 160) -> tuple[Array, Array, Array]:
        """Values on an n-by-n grid; z[i, j] is f at (xs[i], ys[j])."""
        x0, x1, y0, y1 = self.extent
        xs, ys = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
        gx, gy = np.meshgrid(xs, ys, indexing="ij")
        return xs, ys, self.f(gx, gy)

    def value(self, x: float, y: float) -> float:
        return float(self.f(np.float64(x), np.float64(y)))
