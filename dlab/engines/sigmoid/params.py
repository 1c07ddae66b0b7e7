"""Parameters of the Sigmoid topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core.params import Params, Spec

ACTIVATION_CHOICES = ("sigmoid", "tanh", "relu", "leaky_relu")
INIT_CHOICES = ("normal", "xavier", "he")
INPUTS = ("positive", "centered")


@dataclass(frozen=True)
class SigmoidParams(Params):
    topic: ClassVar[str] = "sigmoid"

    activation: Annotated[str, Spec(
        "Activation",
        "The function after every hidden layer. sigmoid's slope is at most 0.25; "
        "relu's is 1 wherever the unit is on.",
        choices=ACTIVATION_CHOICES,
    )] = "sigmoid"
    depth: Annotated[int, Spec(
        "Depth (hidden layers)", "Number of hidden layers D; layer 1 is nearest the input.",
        lo=2, hi=20,
    )] = 10
    width: Annotated[int, Spec(
        "Width", "Units in every hidden layer.", lo=4, hi=128,
    )] = 32
    init: Annotated[str, Spec(
        "Initialisation",
        "normal: N(0,1); xavier: variance 2/(fan_in+fan_out); he: variance 2/fan_in.",
        choices=INIT_CHOICES,
    )] = "xavier"
    lr: Annotated[float, Spec(
        "Learning rate", "Step size of every update of the deep network.",
        lo=1e-4, hi=10.0, log=True, live=True, decimals=4,
    )] = 0.5
    input: Annotated[str, Spec(
        "Zig-zag input",
        "What feeds the two-weight neuron of the zig-zag plots: "
        "positive (sigmoid outputs, all > 0) or centered (zero-centred, like tanh).",
        choices=INPUTS,
    )] = "positive"
    zigzag_lr: Annotated[float, Spec(
        "Zig-zag step size", "Learning rate of the two-weight neuron (one example a step).",
        lo=0.01, hi=2.0, log=True, live=True, decimals=3,
    )] = 0.5
