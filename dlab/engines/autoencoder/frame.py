"""What the Autoencoder tab draws (no torch here), the names of its series, and the files
`dlab run autoencoder --out DIR` writes beside metrics.csv (made from the last frame)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlab.core.png import grey_png

TRAIN_LOSS = "train_loss"
VAL_LOSS = "val_loss"
PCA_LOSS = "pca_loss"  # PCA with as many components as the latent size, recorded once


@dataclass(frozen=True)
class AutoencoderFrame:
    epoch: int
    latent_dim: int
    originals: np.ndarray  # (10, 28, 28) in [0, 1]: one test digit of each class
    reconstructions: np.ndarray  # (10, 28, 28) the autoencoder's output for them
    latent: np.ndarray  # (500, latent_dim) every test digit's code
    labels: np.ndarray  # (500,) their digits (used only for colour)
    # The map is latent · axes.T after subtracting mean: the identity for latent size 2,
    # else the first two principal axes of the test codes. A point clicked on the map goes
    # back into the latent space as mean + (x, y) · axes.
    map_mean: np.ndarray  # (latent_dim,)
    map_axes: np.ndarray  # (2, latent_dim)
    decoder: tuple[np.ndarray, ...]  # (W1 (hidden, latent), b1, W2 (784, hidden), b2)

    def map_xy(self) -> np.ndarray:
        return (self.latent - self.map_mean) @ self.map_axes.T


def run_files(frame: AutoencoderFrame) -> dict[str, str | bytes]:
    """latent.csv: one row per test image, its label and latent coordinates;
    reconstructions.png: the ten test digits (top) over their reconstructions."""
    header = "label," + ",".join(f"z{i + 1}" for i in range(frame.latent_dim))
    rows = [header] + [f"{label}," + ",".join(f"{v:.6g}" for v in z)
                       for label, z in zip(frame.labels, frame.latent, strict=True)]
    grid = np.concatenate([np.concatenate(list(frame.originals), axis=1),
                           np.concatenate(list(frame.reconstructions), axis=1)], axis=0)
    ink = (255 - np.clip(grid, 0, 1) * 255).round().astype(np.uint8)  # black on white
    return {"latent.csv": "\n".join(rows) + "\n",
            "reconstructions.png": grey_png(np.kron(ink, np.ones((3, 3), np.uint8)))}
