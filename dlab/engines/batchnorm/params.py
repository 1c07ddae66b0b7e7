"""Parameters of the Batch Normalisation topic. No torch here: the window builds its form
from this module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core.params import Params, Spec

ACTIVATION_CHOICES = ("relu", "leaky_relu", "tanh", "sigmoid")
POSITIONS = ("before", "after")


EVAL_GROUPS = (1, 2, 4, 16, 64, 512)  # batch sizes whose statistics replace the running ones


@dataclass(frozen=True)
class BatchNormParams(Params):
    topic: ClassVar[str] = "batchnorm"

    lr: Annotated[float, Spec(
        "Learning rate",
        "Step size of both networks. Raise it until the plain network diverges or stalls; "
        "the one with BatchNorm usually still trains.",
        lo=1e-3, hi=10.0, log=True, live=True, decimals=3,
    )] = 0.2
    depth: Annotated[int, Spec(
        "Depth (hidden layers)", "Hidden layers D of both networks; layer 1 is nearest the "
        "input.", lo=2, hi=12,
    )] = 6
    width: Annotated[int, Spec(
        "Width", "Units in every hidden layer.", lo=8, hi=128,
    )] = 64
    activation: Annotated[str, Spec(
        "Activation",
        "The function after every hidden layer. Weights start with He initialisation for "
        "relu and leaky_relu, Xavier for tanh and sigmoid.",
        choices=ACTIVATION_CHOICES,
    )] = "relu"
    batch_size: Annotated[int, Spec(
        "Batch size",
        "Examples per update (a power of two). BatchNorm normalises with this batch's "
        "statistics: with 1 or 2 they carry almost no information.",
        lo=1, hi=512, pow2=True,
    )] = 32
    position: Annotated[str, Spec(
        "BatchNorm position",
        "before: Linear → BN → activation (as in the original paper); after: Linear → "
        "activation → BN.",
        choices=POSITIONS,
    )] = "before"
    momentum: Annotated[float, Spec(
        "Running-average momentum",
        "How much of each batch's mean and variance enters the running averages used at "
        "test time: r ← (1 − m)·r + m·batch.",
        lo=0.001, hi=1.0, log=True, decimals=3,
    )] = 0.1
