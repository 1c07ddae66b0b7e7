"""Splitting a data set into training, validation and test parts (no torch, no Qt).

Shared by the Validation and Dropout topics: the three parts are disjoint, their sizes
add up to the whole, and the same seed gives the same split.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlab.core.params import ParamError

SPLITS = ("train", "val", "test")  # a point's split is its index in this tuple
TRAIN, VAL, TEST = range(3)


@dataclass(frozen=True)
class Split:
    """Indices into one data set, one array per part."""

    train: np.ndarray
    val: np.ndarray
    test: np.ndarray

    def sizes(self) -> dict[str, int]:
        return {name: len(getattr(self, name)) for name in SPLITS}

    def labels(self) -> np.ndarray:
        """Each point's part as 0 (train), 1 (val) or 2 (test), in data order."""
        n = sum(self.sizes().values())
        out = np.empty(n, dtype=np.int8)
        for k, name in enumerate(SPLITS):
            out[getattr(self, name)] = k
        return out

    @classmethod
    def from_labels(cls, labels: np.ndarray) -> Split:
        labels = np.asarray(labels)
        return cls(*(np.flatnonzero(labels == k) for k in range(len(SPLITS))))


def split_sizes(n: int, val_fraction: float, test_fraction: float) -> tuple[int, int, int]:
    """How many of ``n`` points go to train, val and test: the fractions rounded, at least
    one point in validation and test when their fraction is above 0, and at least two left
    for training. Raises ParamError naming the fraction that leaves too few."""
    n_val = max(1, round(n * val_fraction)) if val_fraction > 0 else 0
    n_test = max(1, round(n * test_fraction)) if test_fraction > 0 else 0
    n_train = n - n_val - n_test
    if n_train < 2:
        raise ParamError("val_fraction", f"validation ({n_val}) and test ({n_test}) leave "
                         f"{n_train} of {n} points for training; at least 2 are needed, so "
                         "lower val_fraction or test_fraction")
    return n_train, n_val, n_test


def random_split(n_train: int, n_val: int, n_test: int, seed: int) -> Split:
    """range(n_train + n_val + n_test) shuffled by ``seed`` and cut into parts of these
    sizes."""
    order = np.random.default_rng(seed).permutation(n_train + n_val + n_test)
    return Split(np.sort(order[:n_train]), np.sort(order[n_train:n_train + n_val]),
                 np.sort(order[n_train + n_val:]))


def split_indices(n: int, val_fraction: float, test_fraction: float, seed: int) -> Split:
    """A random split of range(n) with the sizes of ``split_sizes``."""
    return random_split(*split_sizes(n, val_fraction, test_fraction), seed)
