"""Choosing a model by its validation loss (no torch, no Qt).

Shared by the Validation and Dropout topics: the best epoch of each of several models
trained side by side, early stopping with a patience, the choice of a hyper-parameter,
and a test set that is locked until the end and counts how often it was looked at.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np


class BestEpochs:
    """For ``n`` models trained side by side: the epoch (from 1) with each one's lowest
    score so far, and that score. With ``patience`` > 0, ``should_stop`` says which have
    gone that many epochs without a new lowest (0: never)."""

    def __init__(self, n: int, patience: int = 0) -> None:
        self.patience = patience
        self.epoch = np.zeros(n, dtype=np.int64)  # 0: nothing observed yet
        self.score = np.full(n, np.inf)
        self.last = 0

    def observe(self, epoch: int, scores: Sequence[float] | np.ndarray) -> np.ndarray:
        """Record each model's score at ``epoch``; returns which are new bests (a tie
        keeps the earlier epoch). The caller keeps those models' weights."""
        scores = np.asarray(scores, dtype=np.float64)
        better = scores < self.score
        self.epoch[better] = epoch
        self.score[better] = scores[better]
        self.last = epoch
        return better

    def should_stop(self) -> np.ndarray:
        if self.patience <= 0:
            return np.zeros(len(self.epoch), dtype=bool)
        return (self.epoch > 0) & (self.last - self.epoch >= self.patience)


def choose(candidates: Sequence[Any], scores: Sequence[float]) -> int:
    """Index of the candidate with the lowest score; on a tie the first, which in a list
    ordered by capacity is the simpler model."""
    if len(scores) == 0 or len(scores) != len(candidates):
        raise ValueError("choose needs one score per candidate")
    return min(range(len(scores)), key=lambda i: (scores[i], i))


class LockedTest:
    """The test set behind a lock: ``reveal(model)`` measures it once, at the end, and
    keeps the number; every ``peek`` measures it again. ``evaluations`` counts the looks
    (one per model scored): 1 when the test set is used properly."""

    def __init__(self, loss: Callable[[Any], Any]) -> None:
        self._loss = loss  # a model's loss on the test set
        self.evaluations = 0
        self.value: Any = None

    def peek(self, model: Any, looks: int = 1) -> Any:
        self.evaluations += looks
        return self._loss(model)

    def reveal(self, model: Any) -> Any:
        if self.value is None:
            self.value = self.peek(model)
        return self.value
