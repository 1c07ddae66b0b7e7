"""NumPy pieces the engine and the tab share (no torch): principal axes, the baseline
PCA reconstruction, and the decoder run on one point clicked on the latent map."""

from __future__ import annotations

import numpy as np


def principal_axes(x: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(mean (d,), axes (k, d)): the k directions of largest variance of the rows of x,
    each signed so that its largest entry is positive (a map that does not flip from one
    frame to the next)."""
    mean = x.mean(0)
    cov = np.cov(x - mean, rowvar=False).reshape(x.shape[1], x.shape[1])
    values, vectors = np.linalg.eigh(cov)
    axes = vectors[:, np.argsort(values)[::-1][:k]].T
    signs = np.sign(axes[np.arange(len(axes)), np.abs(axes).argmax(1)])
    return mean.astype(np.float32), (axes * signs[:, None]).astype(np.float32)


def pca_loss(train: np.ndarray, val: np.ndarray, k: int) -> float:
    """Mean squared error per pixel of rebuilding ``val`` from its first k principal
    components (fitted on ``train``): the linear baseline of an autoencoder."""
    mean, axes = principal_axes(train, k)
    codes = (val - mean) @ axes.T
    return float(((codes @ axes + mean - val) ** 2).mean())


def decode(decoder: tuple[np.ndarray, ...], z: np.ndarray) -> np.ndarray:
    """The decoder (latent → hidden, ReLU → 784, sigmoid) on one code: a (28, 28) image."""
    w1, b1, w2, b2 = decoder
    h = np.maximum(w1 @ z + b1, 0.0)
    return (1.0 / (1.0 + np.exp(-(w2 @ h + b2)))).reshape(28, 28)


def decode_map_point(mean: np.ndarray, axes: np.ndarray, decoder: tuple[np.ndarray, ...],
                     x: float, y: float) -> np.ndarray:
    """The digit the decoder draws for a point (x, y) of the latent map."""
    return decode(decoder, mean + np.array([x, y], np.float32) @ axes)
