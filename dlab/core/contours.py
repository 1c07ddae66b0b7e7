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
    above = z > level
    a, b = above[:-1, :-1], above[1:, :-1]  # corners (i,j), (i+1,j)
    c, d = above[1:, 1:], above[:-1, 1:]  # corners (i+1,j+1), (i,j+1)
    hit = np.stack([a != b, b != c, d != c, a != d], 2)  # bottom, right, top, left
    count = hit.sum(2)
    # Only the few cells the level crosses are interpolated (the grid is 160 x 160).
    i, j = np.nonzero(count >= 2)  # C order, as boolean indexing would take them
    hit, count = hit[i, j], count[i, j]
    za, zb = z[i, j] - level, z[i + 1, j] - level
    zc, zd = z[i + 1, j + 1] - level, z[i, j + 1] - level

    def cross(p, q, pa, pb):  # noqa: ANN001, ANN202
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(pa != pb, pa / (pa - pb), 0.5)
        return p + t * (q - p)

    # Crossing point on each of the four edges (bottom, right, top, left).
    bottom = np.stack([cross(xs[i], xs[i + 1], za, zb), ys[j]], -1)
    right = np.stack([xs[i + 1], cross(ys[j], ys[j + 1], zb, zc)], -1)
    top = np.stack([cross(xs[i], xs[i + 1], zd, zc), ys[j + 1]], -1)
    left = np.stack([xs[i], cross(ys[j], ys[j + 1], za, zd)], -1)
    edges = np.stack([bottom, right, top, left], 1)  # (cells, 4, 2)
    two = count == 2
    pts = edges[two][hit[two]].reshape(-1, 2)  # two crossings per cell, in edge order
    four = count == 4  # saddle: pair bottom-right and top-left edges
    if four.any():
        e = edges[four]
        extra = np.concatenate([e[:, [0, 1]], e[:, [2, 3]]], 0).reshape(-1, 2)
        pts = np.concatenate([pts, extra], 0)
    return pts.astype(np.float32)
