"""The handwritten digits every image topic trains on: 5,000 MNIST images shipped offline.

``load_digits()`` reads ``resources/data/mnist_5k.npz`` once per process (cached) and
returns uint8 images (N, 28, 28), labels 0-9 and a fixed train/validation/test split
(400/50/50 per digit, fixed when the file was made by tools/make_mnist_subset.py). The
arrays are read-only because every caller shares them. NumPy only: no torch, no Qt.
A missing or broken file raises DigitsError with a message saying what is wrong.
"""

from __future__ import annotations

import functools
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dlab.core.resources import resource

FILE_NAME = "mnist_5k.npz"
SIDE = 28  # pixels per image side
CLASSES = 10
SPLITS = ("train", "val", "test")  # the codes 0, 1, 2 stored in the file's `split`


class DigitsError(RuntimeError):
    """The shipped digits file is missing or not what dlab wrote."""


@dataclass(frozen=True)
class Digits:
    images: np.ndarray  # (N, 28, 28) uint8, 0 = background, 255 = ink
    labels: np.ndarray  # (N,) int64, 0-9
    split: np.ndarray  # (N,) uint8: index into SPLITS

    def part(self, name: str) -> tuple[np.ndarray, np.ndarray]:
        """(images, labels) of one split: "train", "val" or "test"."""
        if name not in SPLITS:
            raise ValueError(f"split {name!r}: expected one of {', '.join(SPLITS)}")
        mask = self.split == SPLITS.index(name)
        return self.images[mask], self.labels[mask]

    @property
    def train(self) -> tuple[np.ndarray, np.ndarray]:
        return self.part("train")

    @property
    def val(self) -> tuple[np.ndarray, np.ndarray]:
        return self.part("val")

    @property
    def test(self) -> tuple[np.ndarray, np.ndarray]:
        return self.part("test")


def default_path() -> Path:
    return resource("data", FILE_NAME)


def code_files() -> dict[str, str]:
    """For a topic's "show me the code" script (Params.code_files): where the digits are."""
    return {"DIGITS_FILE": str(default_path().resolve())}


def load_digits(path: str | Path | None = None) -> Digits:
    """The digits (from the shipped file unless ``path`` is given); read once, then cached."""
    return _load(Path(path) if path is not None else default_path())


def one_of_each(labels: np.ndarray) -> np.ndarray:
    """Indices of the first image of each digit 0-9."""
    return np.array([int(np.flatnonzero(labels == d)[0]) for d in range(10)])


def to_float(images: np.ndarray) -> np.ndarray:
    """uint8 images as float32 in [0, 1], the scale every engine trains on."""
    return images.astype(np.float32) / 255.0


@functools.lru_cache(maxsize=4)
def _load(path: Path) -> Digits:
    if not path.is_file():
        raise DigitsError(f"digits file not found: {path} (it ships with dlab in "
                          f"resources/data/{FILE_NAME}; reinstall dlab or restore the file)")
    try:
        # An open file of our own: np.load leaks its handle when the zip is broken.
        with path.open("rb") as fh:
            archive = np.load(fh, allow_pickle=False)
            if not isinstance(archive, np.lib.npyio.NpzFile):
                raise ValueError("a single array, not an archive of several")
            with archive:
                arrays = {key: archive[key] for key in ("images", "labels", "split")
                          if key in archive.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, zlib.error) as why:
        raise DigitsError(f"digits file {path} cannot be read ({why}); expected the "
                          f"compressed NumPy archive {FILE_NAME} that ships with dlab") from why
    return _checked(arrays, path)


def _checked(arrays: dict[str, np.ndarray], path: Path) -> Digits:
    missing = [key for key in ("images", "labels", "split") if key not in arrays]
    if missing:
        raise DigitsError(f"digits file {path} lacks {', '.join(missing)}; "
                          "expected arrays images, labels and split")
    images, labels, split = arrays["images"], arrays["labels"], arrays["split"]
    n = len(labels)
    if images.dtype != np.uint8 or images.shape != (n, SIDE, SIDE):
        raise DigitsError(f"digits file {path}: images are {images.dtype} {images.shape}; "
                          f"expected uint8 ({n}, {SIDE}, {SIDE})")
    if n == 0 or labels.ndim != 1 or labels.min() < 0 or labels.max() >= CLASSES:
        raise DigitsError(f"digits file {path}: labels must be {CLASSES} classes 0-9, "
                          f"got {labels.shape} values")
    if split.shape != (n,) or not np.isin(split, range(len(SPLITS))).all():
        raise DigitsError(f"digits file {path}: split must hold one of 0, 1, 2 "
                          f"({', '.join(SPLITS)}) per image")
    images, labels, split = images.copy(), labels.astype(np.int64), split.astype(np.uint8)
    for a in (images, labels, split):
        a.setflags(write=False)
    return Digits(images, labels, split)


DIGIT_BOX = 20  # MNIST digits fit a 20×20 box whose centre of mass sits at the middle
PAD_SIDE = 56  # a drawing pad's canvas: twice MNIST's side, so strokes stay smooth
PAD_BRUSH = 2.6  # its brush radius in canvas pixels: about MNIST's stroke once scaled


def centre_like_mnist(canvas: np.ndarray, threshold: float = 0.05) -> np.ndarray:
    """A digit drawn anywhere on a square canvas (float, 0 = paper, 1 = ink), prepared as
    MNIST's were: its bounding box scaled so the longer side is 20 pixels, on a 28×28
    image with its centre of mass in the middle. A blank canvas gives a blank image."""
    ink = np.argwhere(canvas > threshold)
    out = np.zeros((SIDE, SIDE), np.float32)
    if len(ink) == 0:
        return out
    (r0, c0), (r1, c1) = ink.min(0), ink.max(0) + 1
    box = canvas[r0:r1, c0:c1].astype(np.float32)
    scale = DIGIT_BOX / max(box.shape)
    h, w = max(1, round(box.shape[0] * scale)), max(1, round(box.shape[1] * scale))
    small = _resize(box, h, w)
    rows, cols = np.indices(small.shape)
    mass = small.sum()
    cy, cx = (rows * small).sum() / mass, (cols * small).sum() / mass
    top, left = round(SIDE / 2 - 0.5 - cy), round(SIDE / 2 - 0.5 - cx)
    top, left = min(max(top, 0), SIDE - h), min(max(left, 0), SIDE - w)
    out[top:top + h, left:left + w] = small
    return np.clip(out, 0.0, 1.0)


def _resize(image: np.ndarray, h: int, w: int) -> np.ndarray:
    """Area-averaging resize (shrinks smoothly; grows by repeating), in NumPy only."""
    def weights(n_in: int, n_out: int) -> np.ndarray:
        # Overlap of output cell i, [i·n_in/n_out, (i+1)·n_in/n_out), with input cell j.
        edges = np.arange(n_out + 1) * n_in / n_out
        lo, hi = edges[:-1, None], edges[1:, None]
        j = np.arange(n_in)[None, :]
        overlap = np.clip(np.minimum(hi, j + 1) - np.maximum(lo, j), 0, None)
        return overlap / overlap.sum(1, keepdims=True)

    return (weights(image.shape[0], h) @ image @ weights(image.shape[1], w).T).astype(
        np.float32)


def ink_segment(canvas: np.ndarray, a: tuple[float, float], b: tuple[float, float],
                radius: float) -> None:
    """Ink (in place, values up to 1) along the segment a → b, points given as (x, y) in
    pixel units, with a round brush of ``radius`` and one pixel of soft edge: a stroke of
    a drawing pad."""
    rows, cols = np.indices(canvas.shape) + 0.5
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = np.zeros_like(cols) if length2 == 0 else np.clip(
        ((cols - ax) * dx + (rows - ay) * dy) / length2, 0, 1)
    dist = np.hypot(cols - (ax + t * dx), rows - (ay + t * dy))
    np.maximum(canvas, np.clip(radius + 0.5 - dist, 0, 1), out=canvas)
