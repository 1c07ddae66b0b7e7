"""Parameters of the Dropout topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core.params import Params, Spec


@dataclass(frozen=True)
class DropoutParams(Params):
    topic: ClassVar[str] = "dropout"

    p: Annotated[float, Spec(
        "Dropout rate p",
        "While training, each hidden unit of the dropout network is switched off with "
        "probability p at every step (and the others scaled by 1/(1−p)). At test time "
        "every unit is kept.", lo=0.0, hi=0.9, step=0.05, decimals=2, live=True,
    )] = 0.5
    hidden: Annotated[int, Spec(
        "Hidden units per layer", "Width of both networks: far more than 100 points need.",
        lo=16, hi=512,
    )] = 128
    layers: Annotated[int, Spec(
        "Hidden layers", "Each is Linear → ReLU → dropout.", lo=1, hi=4,
    )] = 2
    dataset_size: Annotated[int, Spec(
        "Training examples", "Points both networks learn from; 500 more from the same "
        "source are the validation set.", lo=20, hi=500,
    )] = 100
    noise: Annotated[float, Spec(
        "Noise", "How far points scatter from their moon: the larger, the more the two "
        "classes overlap and the more there is to overfit.", lo=0.0, hi=1.0, step=0.05,
        decimals=2,
    )] = 0.5
    epochs: Annotated[int, Spec(
        "Epochs", "Full-batch updates of each network (one per epoch).", lo=10, hi=2000,
    )] = 300
    lr: Annotated[float, Spec(
        "Learning rate", "Step size of Adam, for both networks.", lo=1e-4, hi=0.1,
        log=True, live=True, decimals=4,
    )] = 0.01
    mc_samples: Annotated[int, Spec(
        "Votes (dropout masks)", "How many thinned networks vote at test time: "
        "Monte-Carlo dropout.", lo=1, hi=200, live=True,
    )] = 50
