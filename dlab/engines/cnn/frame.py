"""What the CNN tab draws (no torch here), and the names of its series."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NETS = ("cnn", "mlp")


def loss_series(net: str) -> str:
    return f"{net}/loss"


def val_acc_series(net: str) -> str:
    return f"{net}/val_acc"


@dataclass(frozen=True)
class CNNFrame:
    epoch: int  # epochs completed
    steps_per_epoch: int
    layers: tuple[dict, ...]  # the CNN's architecture table, as result.json's "layers"
    cnn_params: int
    mlp_params: int
    # The CNN's weights as numpy copies, for dlab.engines.cnn.forward: each conv layer's
    # (weight (out, in, k, k), bias (out,)), then the classifier's (weight (10, n), bias).
    conv_weights: tuple[tuple[np.ndarray, np.ndarray], ...]
    linear_weights: tuple[np.ndarray, np.ndarray]
    digit: np.ndarray  # (28, 28) float32 in [0, 1]: the test digit shown
    digit_label: int
