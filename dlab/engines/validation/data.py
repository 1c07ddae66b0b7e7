"""The Validation topic's data (numpy only: the tab shows the points before torch loads)."""

from __future__ import annotations

import numpy as np

from dlab.core.splits import Split, split_indices
from dlab.engines.validation.params import X_RANGE, ValidationParams, parse_points

FRESH_N = 2000  # new points from the same source: what the chosen model is really worth


def source(x: np.ndarray) -> np.ndarray:
    """The noise-free function every data set is drawn from."""
    return np.sin(2.5 * x) + 0.4 * x


def make_points(params: ValidationParams, seed: int) -> tuple[np.ndarray, np.ndarray, Split]:
    """The edited points if there are any, else ``dataset_size`` points drawn from the
    source with noise and split at random."""
    if params.points:
        x, y, labels = parse_points(params.points)
        return x, y, Split.from_labels(labels)
    rng = np.random.default_rng(seed)
    n = params.dataset_size
    x = rng.uniform(*X_RANGE, n)
    y = source(x) + rng.normal(0.0, params.noise, n)
    return x, y, split_indices(n, params.val_fraction, params.test_fraction, seed + 1)


def fresh_points(noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed + 1_000_003)
    x = rng.uniform(*X_RANGE, FRESH_N)
    return x, source(x) + rng.normal(0.0, noise, FRESH_N)
