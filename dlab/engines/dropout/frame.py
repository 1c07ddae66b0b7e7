"""What the Dropout tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NETS = ("plain", "dropout")  # the same network without and with dropout


def series(net: str, what: str) -> str:
    """``plain/train_loss``, ``dropout/val_acc``, …: what in ("train_loss", "val_loss",
    "val_acc", "coadaptation")."""
    return f"{net}/{what}"


@dataclass(frozen=True)
class DropoutFrame:
    epoch: int
    p: float
    # The dropout network's hidden units in the latest training step, for its first
    # example: (layers, hidden), the unit's activation where kept, nan where dropped.
    units: np.ndarray
    dropped_share: float  # share of all hidden units dropped in that step (whole batch)
    best_epoch: dict[str, int]  # each net's epoch of lowest validation loss so far
    # Monte-Carlo dropout on the validation set, measured at ``votes_epoch`` (0: not yet):
    # the examples where the masks disagree most, sorted by the votes' mean P(class 1).
    votes_epoch: int
    vote_mean: np.ndarray  # mean P(class 1) over the masks
    vote_lo: np.ndarray  # 10th and 90th percentile of the masks' P(class 1)
    vote_hi: np.ndarray
    vote_single: np.ndarray  # P(class 1) of the scaled network (every unit, no mask)
    vote_label: np.ndarray  # the true class
    mc_acc: float  # accuracy of the mean vote on the whole validation set (nan: not yet)
    single_acc: float  # accuracy of the scaled network alone
