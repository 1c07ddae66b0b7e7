"""What the Validation tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Series of a run (step = epoch from 1); TEST_LOSS only while peeking at the test set.
TRAIN_LOSS, VAL_LOSS, TEST_LOSS = "train_loss", "val_loss", "test_loss"
# Series of the sweep (step = capacity); SWEEP_TEST only while peeking.
SWEEP_TRAIN, SWEEP_VAL, SWEEP_TEST = "sweep/train_loss", "sweep/val_loss", "sweep/test_loss"


@dataclass(frozen=True)
class PointsFrame:
    """The data and the function they were drawn from; shared by both frames."""

    x: np.ndarray
    y: np.ndarray
    split: np.ndarray  # each point's part: 0 train, 1 val, 2 test (core.splits.SPLITS)
    split_sizes: dict[str, int]
    grid: np.ndarray  # x values where curves are drawn
    truth: np.ndarray  # the noise-free source on the grid
    peek: bool  # the test set is looked at during training (the wrong way)
    test_loss: float  # nan while the test set is locked
    test_evaluations: int  # how many times the test set was measured
    fresh_loss: float  # the chosen model on new data from the same source; nan until the end


@dataclass(frozen=True)
class ValidationFrame(PointsFrame):
    fit: np.ndarray  # the model now, on the grid
    chosen_fit: np.ndarray  # the model at the chosen epoch so far (empty before epoch 1)
    epoch: int
    best_epoch: int  # lowest validation loss so far (0 before the first epoch)
    chosen_epoch: int  # the epoch whose weights are kept: best_epoch, or by test if peeking
    stopped_epoch: int  # 0 while the run goes on
    chosen_losses: dict[str, float]  # train and val loss of the kept weights, at the end


@dataclass(frozen=True)
class SweepFrame(PointsFrame):
    capacities: np.ndarray  # every degree of the sweep, trained side by side
    train_loss: np.ndarray  # per degree: now, and at the end those of the kept weights
    val_loss: np.ndarray
    peek_loss: np.ndarray  # test loss per degree, once measured (peeking), else empty
    epoch: int
    fit: np.ndarray  # the largest degree now, on the grid
    favourite: int  # the degree validation prefers now (0 before the first epoch)
    favourite_fit: np.ndarray
    chosen_capacity: int  # 0 until the sweep ends
