"""Parameters of the Gradient Descent topic. No torch here: the window builds its form
from this module before torch is imported."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core.params import Params, Spec
from dlab.engines.gradient_descent.surfaces import GD_SURFACES

MODES = ("batch", "minibatch", "sgd")


@dataclass(frozen=True)
class GDParams(Params):
    topic: ClassVar[str] = "gradient-descent"

    mode: Annotated[str, Spec(
        "Update mode",
        "batch: one update per epoch on all the data; minibatch: one per batch of B "
        "examples; sgd: one per single example.",
        choices=MODES,
    )] = "minibatch"
    batch_size: Annotated[int, Spec(
        "Batch size B",
        "Examples per update in mini-batch mode (a power of two).",
        lo=1, hi=1024, pow2=True,
    )] = 16
    dataset_size: Annotated[int, Spec(
        "Data set size N", "Number of training examples.", lo=16, hi=4096, step=16,
    )] = 256
    data: Annotated[str, Spec(
        "Data set", "The generated two-class data set.", choices=("moons", "blobs", "circles"),
    )] = "moons"
    lr: Annotated[float, Spec(
        "Learning rate", "Step size of every update of the network.",
        lo=1e-4, hi=100.0, log=True, live=True, decimals=4,
    )] = 0.3
    epochs: Annotated[int, Spec(
        "Epochs", "Passes over the whole data set.", lo=1, hi=1000,
    )] = 40
    init: Annotated[str, Spec(
        "Initialisation",
        "normal: N(0,1); xavier: variance 2/(fan_in+fan_out); he: variance 2/fan_in; "
        "zeros: all weights 0, a stationary point: no weight ever moves.",
        choices=("normal", "xavier", "he", "zeros"),
    )] = "xavier"
    hidden: Annotated[int, Spec(
        "Hidden units",
        "Width of the one hidden layer (tanh); 0 means logistic regression.",
        lo=0, hi=64,
    )] = 8
    landscape: Annotated[str, Spec(
        "Loss surface", "The 2-D surface walked on the right.",
        choices=tuple(GD_SURFACES), live=True,
    )] = "valley"
    start_x: Annotated[float, Spec(
        "Start x", "Where the walk on the surface begins (or click the surface).",
        lo=-4.0, hi=4.0, live=True, decimals=2,
    )] = -3.5
    start_y: Annotated[float, Spec(
        "Start y", "Where the walk on the surface begins (or click the surface).",
        lo=-4.0, hi=4.0, live=True, decimals=2,
    )] = 2.5
    landscape_lr: Annotated[float, Spec(
        "Surface step size", "Learning rate of the walk on the surface.",
        lo=1e-3, hi=2.0, log=True, live=True, decimals=3,
    )] = 0.2
    noise: Annotated[float, Spec(
        "Gradient noise",
        "Standard deviation of the noise added to the surface gradient, like the noisier "
        "gradient of a small batch.",
        lo=0.0, hi=3.0, live=True, decimals=2,
    )] = 0.0
    landscape_steps: Annotated[int, Spec(
        "Surface steps", "How many steps one walk on the surface takes.", lo=10, hi=5000,
    )] = 400

    def effective_batch(self) -> int:
        return {"batch": self.dataset_size, "sgd": 1}.get(self.mode, self.batch_size)

    def iterations_per_epoch(self) -> int:
        return math.ceil(self.dataset_size / self.effective_batch())
