"""What the Batch Normalisation tab draws (no torch here)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class BatchNormFrame:
    depth: int
    steps: np.ndarray  # the steps at which activation quantiles were taken
    quantiles: dict[str, np.ndarray]  # "plain"/"bn" -> (len(steps), depth, quantiles)
    eval_vs_batch: dict[str, float]  # "eval" or a batch size -> BN net's accuracy; {} if none
    diverged: dict[str, int]  # net -> the step it diverged at
