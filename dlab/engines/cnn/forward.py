"""The trained CNN run in NumPy on one image, from the weights in a CNNFrame: feature maps
and class probabilities for the tab (a drawing, a chosen digit) without torch and without a
round trip to the training thread. tests/core/test_cnn.py checks it against torch."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


@dataclass(frozen=True)
class Pass:
    maps: list[np.ndarray]  # each conv layer's ReLU output (channels, side, side)
    probs: np.ndarray  # (10,) softmax of the logits


def conv2d_same(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    """x (C, H, W), weight (O, C, k, k): stride 1, zero padding (k−1)//2 on the top and
    left and k//2 on the bottom and right, as torch's padding="same"."""
    k = weight.shape[-1]
    lo, hi = (k - 1) // 2, k // 2
    padded = np.pad(x, ((0, 0), (lo, hi), (lo, hi)))
    windows = sliding_window_view(padded, (k, k), axis=(1, 2))  # (C, H, W, k, k)
    return np.einsum("chwij,ocij->ohw", windows, weight, optimize=True) + bias[:, None, None]


def conv2d_valid(x: np.ndarray, weight: np.ndarray, bias: float) -> np.ndarray:
    """One filter (k, k) over one 2-D input, only where the window fits (no padding)."""
    windows = sliding_window_view(x, weight.shape)
    return np.einsum("hwij,ij->hw", windows, weight) + bias


def max_pool2(x: np.ndarray) -> np.ndarray:
    c, h, w = x.shape
    h2, w2 = h // 2, w // 2
    return x[:, :2 * h2, :2 * w2].reshape(c, h2, 2, w2, 2).max(axis=(2, 4))


def run(conv_weights: Sequence[tuple[np.ndarray, np.ndarray]],
        linear_weights: tuple[np.ndarray, np.ndarray], image: np.ndarray) -> Pass:
    """image (28, 28) in [0, 1]."""
    x = image[None].astype(np.float32)
    maps = []
    for weight, bias in conv_weights:
        x = np.maximum(conv2d_same(x, weight, bias), 0.0)
        maps.append(x)
        x = max_pool2(x)
    weight, bias = linear_weights
    logits = weight @ x.reshape(-1) + bias
    e = np.exp(logits - logits.max())
    return Pass(maps, e / e.sum())


@dataclass(frozen=True)
class WindowStep:
    """One position of a filter sliding over an input, written out."""

    patch: np.ndarray  # (k, k) the input under the window
    weight: np.ndarray  # (k, k) the filter
    products: np.ndarray  # (k, k) patch · weight
    bias: float
    total: float  # sum of the products + bias (before the ReLU)


def window_at(x: np.ndarray, weight: np.ndarray, bias: float, row: int, col: int
              ) -> WindowStep:
    """The filter ``weight`` (k, k) on the valid window of x whose top-left is (row, col)."""
    k = weight.shape[0]
    patch = x[row:row + k, col:col + k]
    products = patch * weight
    return WindowStep(patch, weight, products, float(bias), float(products.sum() + bias))
