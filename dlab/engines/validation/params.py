"""Parameters of the Validation topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

import numpy as np

from dlab.core.params import ParamError, Params, Spec
from dlab.core.splits import SPLITS, split_sizes

X_RANGE = (-1.0, 1.0)  # every point's x lies here (the polynomial features are made for it)
MAX_POINTS = 300


@dataclass(frozen=True)
class ValidationParams(Params):
    topic: ClassVar[str] = "validation"

    dataset_size: Annotated[int, Spec(
        "Data set size", "Points in the whole data set, before it is split three ways.",
        lo=10, hi=200,
    )] = 40
    noise: Annotated[float, Spec(
        "Noise", "Standard deviation of the noise added to every point's y.",
        lo=0.0, hi=1.0, step=0.05, decimals=2,
    )] = 0.3
    capacity: Annotated[int, Spec(
        "Capacity (polynomial degree)",
        "The model is a polynomial of this degree: more degrees, more wiggles it can "
        "make. The sweep trains every degree from 1 up to this one.",
        lo=1, hi=25,
    )] = 15
    val_fraction: Annotated[float, Spec(
        "Validation fraction", "Share of the points kept aside to choose the epoch and "
        "the capacity.", lo=0.05, hi=0.5, step=0.05, decimals=2,
    )] = 0.3
    test_fraction: Annotated[float, Spec(
        "Test fraction", "Share of the points locked away until the end, to report how "
        "the chosen model does.", lo=0.05, hi=0.5, step=0.05, decimals=2,
    )] = 0.3
    epochs: Annotated[int, Spec(
        "Epochs", "Full-batch updates of the model (one per epoch).", lo=10, hi=5000,
    )] = 1000
    lr: Annotated[float, Spec(
        "Learning rate", "Step size of gradient descent.",
        lo=1e-3, hi=1.0, log=True, live=True,
    )] = 0.5
    patience: Annotated[int, Spec(
        "Patience (0 = no early stopping)",
        "Stop after this many epochs without a new lowest validation loss, and go back to "
        "the weights of the best epoch.", lo=0, hi=500, live=True,
    )] = 0
    weight_decay: Annotated[float, Spec(
        "Weight decay", "L2 penalty on the weights: pulls every coefficient towards 0.",
        lo=0.0, hi=0.1, step=0.001, decimals=3, live=True,
    )] = 0.0
    peek_test: Annotated[bool, Spec(
        "Peek at test",
        "The wrong way, for teaching: the test loss is measured at every epoch (or every "
        "capacity) and the model is chosen by it. The reported test loss then looks better "
        "than the model really is.",
    )] = False
    points: Annotated[str, Spec(
        "Edited points",
        "The data set as edited with the mouse: x,y,split;… (split is train, val or test). "
        "Empty: points generated from the seed.",
        live=True, tab_only=True,
    )] = ""

    def validate(self) -> None:
        if self.points:
            parse_points(self.points)
        else:
            split_sizes(self.dataset_size, self.val_fraction, self.test_fraction)


def parse_points(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``x,y,split;…`` → x, y (float64) and each point's split index (0 train, 1 val,
    2 test). Raises ParamError naming what is wrong."""
    xs, ys, labels = [], [], []
    for k, item in enumerate(p for p in text.split(";") if p.strip()):
        parts = [s.strip() for s in item.split(",")]
        try:
            if len(parts) != 3 or parts[2] not in SPLITS:
                raise ValueError
            x, y = float(parts[0]), float(parts[1])
            if not (np.isfinite(x) and np.isfinite(y)):
                raise ValueError
        except ValueError:
            raise ParamError("points", f"point {k + 1} ({item.strip()!r}) is not allowed; "
                             "expected x,y,split with numbers x and y and split one of "
                             f"{', '.join(SPLITS)}") from None
        if not X_RANGE[0] <= x <= X_RANGE[1]:
            raise ParamError("points", f"point {k + 1}: x = {x:g} is out of range; expected "
                             f"x from {X_RANGE[0]:g} to {X_RANGE[1]:g}")
        xs.append(x)
        ys.append(y)
        labels.append(SPLITS.index(parts[2]))
    labels_a = np.array(labels, dtype=np.int8)
    counts = [int((labels_a == k).sum()) for k in range(len(SPLITS))]
    if len(xs) > MAX_POINTS:
        raise ParamError("points", f"{len(xs)} points; at most {MAX_POINTS} are allowed")
    if counts[0] < 2 or counts[1] < 1 or counts[2] < 1:
        raise ParamError("points", f"{counts[0]} train, {counts[1]} val and {counts[2]} test "
                         "points; at least 2 train, 1 val and 1 test point are needed")
    return np.array(xs), np.array(ys), labels_a


def format_points(x: np.ndarray, y: np.ndarray, labels: np.ndarray) -> str:
    """The inverse of ``parse_points`` (three decimals are plenty for a mouse)."""
    return ";".join(f"{a:.3f},{b:.3f},{SPLITS[int(s)]}"
                    for a, b, s in zip(x, y, labels, strict=True))
