"""The 2-D domains: two unpaired point clouds X and Y (numpy only).

Each domain has a training set the batches are drawn from and a held-out set the
measurements and the views use. No point of X comes with a partner in Y.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EXTENT = (-3.0, 3.0, -3.0, 3.0)  # every point domain lies well inside this square
N_TRAIN, N_EVAL = 1024, 256
MIN_DRAWN, MAX_DRAWN = 8, 2048  # points of a domain drawn with the mouse


@dataclass(frozen=True)
class PointDomains:
    x_train: np.ndarray  # (N_TRAIN, 2) float32
    y_train: np.ndarray
    x_eval: np.ndarray  # (N_EVAL, 2) float32, held out
    y_eval: np.ndarray


def moons(rng: np.random.Generator, n: int, noise: float = 0.08) -> np.ndarray:
    """Two interleaved half circles, centred on the origin."""
    upper = rng.random(n) < 0.5
    t = rng.uniform(0, np.pi, n)
    px = np.where(upper, np.cos(t), 1 - np.cos(t)) - 0.5
    py = np.where(upper, np.sin(t), 0.5 - np.sin(t)) - 0.25
    return np.stack([px, py], 1) * 1.3 + rng.normal(0, noise, (n, 2))


def ring(rng: np.random.Generator, n: int, radius: float = 1.9, noise: float = 0.1) -> np.ndarray:
    t = rng.uniform(0, 2 * np.pi, n)
    r = radius + rng.normal(0, noise, n)
    return np.stack([r * np.cos(t), r * np.sin(t)], 1)


def gaussians(rng: np.random.Generator, n: int, centres: np.ndarray,
              std: float = 0.2) -> np.ndarray:
    pick = rng.integers(0, len(centres), n)
    return centres[pick] + rng.normal(0, std, (n, 2))


PLUS = np.array([[1.8, 0.0], [0.0, 1.8], [-1.8, 0.0], [0.0, -1.8]])  # X: on the axes
CROSS = np.array([[1.5, 1.5], [-1.5, 1.5], [-1.5, -1.5], [1.5, -1.5]])  # Y: on the diagonals


def sample(domains: str, side: str, rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` points of domain X (``side`` "x") or Y ("y") of the named pair."""
    if domains == "points-moons-ring":
        pts = moons(rng, n) if side == "x" else ring(rng, n)
    elif domains == "points-gaussians":
        pts = gaussians(rng, n, PLUS if side == "x" else CROSS)
    else:
        raise ValueError(f"unknown point domains {domains!r}")
    return pts.astype(np.float32)


def point_domains(domains: str, seed: int) -> PointDomains:
    rng = np.random.default_rng(seed)
    return PointDomains(
        x_train=sample(domains, "x", rng, N_TRAIN),
        y_train=sample(domains, "y", rng, N_TRAIN),
        x_eval=sample(domains, "x", rng, N_EVAL),
        y_eval=sample(domains, "y", rng, N_EVAL),
    )


class DrawnPointsError(ValueError):
    """Drawn points that cannot be a domain; the message says what is allowed."""


def parse_drawn(text: str) -> np.ndarray:
    """``x,y;x,y;…`` (a domain drawn with the mouse) → (n, 2) float32 inside EXTENT."""
    pts = []
    x0, x1, y0, y1 = EXTENT
    for k, item in enumerate(p for p in text.split(";") if p.strip()):
        try:
            x, y = (float(v) for v in item.split(","))
            if not (np.isfinite(x) and np.isfinite(y)):
                raise ValueError
        except ValueError:
            raise DrawnPointsError(f"point {k + 1} ({item.strip()!r}) is not allowed; "
                                   "expected x,y with two numbers") from None
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            raise DrawnPointsError(f"point {k + 1} ({x:g}, {y:g}) is outside the plane; "
                                   f"expected x and y from {x0:g} to {x1:g}")
        pts.append((x, y))
    if not MIN_DRAWN <= len(pts) <= MAX_DRAWN:
        raise DrawnPointsError(f"{len(pts)} points; a drawn domain needs {MIN_DRAWN} to "
                               f"{MAX_DRAWN}")
    return np.array(pts, dtype=np.float32)


def format_drawn(points: np.ndarray) -> str:
    """The inverse of ``parse_drawn`` (two decimals are plenty for a mouse)."""
    return ";".join(f"{x:.2f},{y:.2f}" for x, y in points)


def drawn_domain(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(training set, held-out set) of a drawn domain: every point trains; the views and
    measures use at most N_EVAL of them, evenly spread over the drawing."""
    keep = np.linspace(0, len(points) - 1, min(len(points), N_EVAL)).round().astype(int)
    return points, points[keep]


def domain_sets(generated: PointDomains, drawn_x: str, drawn_y: str
                ) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """(training set, held-out set) of X and of Y: the generated domains, or a domain
    drawn with the mouse (``drawn_x``/``drawn_y`` non-empty) in place of either."""
    sets = []
    for text, train, held_out in ((drawn_x, generated.x_train, generated.x_eval),
                                  (drawn_y, generated.y_train, generated.y_eval)):
        sets.append(drawn_domain(parse_drawn(text)) if text else (train, held_out))
    return sets[0], sets[1]
