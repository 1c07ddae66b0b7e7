"""Contour lines of a grid as line segments, vectorised (numpy only).

pyqtgraph's IsocurveItem traces contours in pure Python at paint time, in the GUI thread;
for a boundary that changes every frame that cost more than the training step. Engines
compute the segments here, in the worker, and the view draws them as pairs.
"""

from __future__ import annotations

import numpy as np


def contour_segments(z: np.ndarray, level: float,
                     extent: tuple[float, float, float, float]) -> np.ndarray:
    """Segments of the ``level`` contour of ``z`` (z[i, j] at x_i, y_j), as an array of
    shape (2 * n_segments, 2): rows 2k and 2k+1 are the ends of segment k.

    Marching squares: each cell whose corners straddle the level gets one segment between
    the interpolated crossings on its edges (two for a saddle cell)."""
    x0, x1, y0, y1 = extent
    nx, ny = z.shape
    xs, ys = np.linspace(x0, x1, nx), np.linspace(y0, y1, ny)
    a, b = z[:-1, :-1] - level, z[1:, :-1] - level  # corners (i,j), (i+1,j)
    c, d = z[1:, 1:] - level, z[:-1, 1:] - level  # corners (i+1,j+1), (i,j+1)
    i, j = np.meshgrid(np.arange(nx - 1), np.arange(ny - 1), indexing="ij")

    def cross(p, q, pa, pb):  # noqa: ANN001, ANN202
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(pa != pb, pa / (pa - pb), 0.5)
        return p + t * (q - p)

    # Crossing point on each of the four edges (bottom, right, top, left).
    bottom = np.stack([cross(xs[i], xs[i + 1], a, b), ys[j]], -1)
    right = np.stack([xs[i + 1], cross(ys[j], ys[j + 1], b, c)], -1)
    top = np.stack([cross(xs[i], xs[i + 1], d, c), ys[j + 1]], -1)
    left = np.stack([xs[i], cross(ys[j], ys[j + 1], a, d)], -1)
    edges = np.stack([bottom, right, top, left], 2)  # (nx-1, ny-1, 4, 2)
    hit = np.stack([(a > 0) != (b > 0), (b > 0) != (c > 0), (d > 0) != (c > 0),
                    (a > 0) != (d > 0)], 2)
    count = hit.sum(2)
    two = count == 2
    pts = edges[two][hit[two]].reshape(-1, 2)  # two crossings per cell, in edge order
    four = count == 4  # saddle: pair bottom-right and top-left edges
    if four.any():
        e = edges[four]
        extra = np.concatenate([e[:, [0, 1]], e[:, [2, 3]]], 0).reshape(-1, 2)
        pts = np.concatenate([pts, extra], 0)
    return pts.astype(np.float32)
