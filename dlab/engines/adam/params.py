"""Parameters of the Adam topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core.params import ParamError, Params, Spec
from dlab.engines.adam.surfaces import FUNCTIONS, OPTIMIZERS

_LR = dict(lo=1e-4, hi=1.0, log=True, live=True, decimals=4)


def _own(name: str) -> Spec:
    return Spec(f"{name} lr",
                f"The learning rate of {name} when 'Own learning rates' is on.", **_LR)


@dataclass(frozen=True)
class Hyper:
    """What one optimiser's update rule reads at a step."""

    lr: float
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    bias_correction: bool = True


@dataclass(frozen=True)
class AdamParams(Params):
    topic: ClassVar[str] = "adam"

    function: Annotated[str, Spec(
        "Function",
        "The 2-D function raced on: rosenbrock (a curved narrow valley), beale (flat "
        "plateaus and steep walls), quadratic (0.5(x² + 25y²), steep in y, flat in x), "
        "saddle (x² − y², no minimum).",
        choices=FUNCTIONS,
    )] = "rosenbrock"
    optimizers: Annotated[str, Spec(
        "Optimisers", "Which optimisers race. Switching one off during a run freezes it "
                      "where it is; switching it on again lets it go on.",
        choices=OPTIMIZERS, multi=True, live=True,
    )] = ",".join(OPTIMIZERS)
    lr: Annotated[float, Spec(
        "Learning rate", "One learning rate for every optimiser on the surface (unless "
                         "'Own learning rates' is on).", **_LR,
    )] = 0.001
    own_lr: Annotated[bool, Spec(
        "Own learning rates", "Give each optimiser its own learning rate on the surface "
                              "(the four fields below) instead of the shared one.", live=True,
    )] = True
    lr_sgd: Annotated[float, _own("SGD")] = 0.001
    lr_momentum: Annotated[float, _own("Momentum")] = 0.001
    lr_rmsprop: Annotated[float, _own("RMSProp")] = 0.01
    lr_adam: Annotated[float, _own("Adam")] = 0.05
    momentum: Annotated[float, Spec(
        "Momentum μ", "Momentum: b ← μ·b + g, then p ← p − lr·b.",
        lo=0.0, hi=0.999, live=True, decimals=3,
    )] = 0.9
    beta1: Annotated[float, Spec(
        "β1", "Adam's decay of the gradient average V ← β1·V + (1 − β1)·g.",
        lo=0.0, hi=0.999, live=True, decimals=3,
    )] = 0.9
    beta2: Annotated[float, Spec(
        "β2", "Decay of the squared-gradient average S ← β2·S + (1 − β2)·g² "
              "(Adam's β2 and RMSProp's α).",
        lo=0.0, hi=0.9999, live=True, decimals=4,
    )] = 0.999
    eps: Annotated[float, Spec(
        "ε", "Added to √S so the step never divides by zero.",
        lo=1e-10, hi=1.0, log=True, live=True, decimals=10,
    )] = 1e-8
    bias_correction: Annotated[bool, Spec(
        "Bias correction", "Adam divides V by (1 − β1ᵗ) and S by (1 − β2ᵗ): both averages "
                           "start at zero, which matters most in the first steps.", live=True,
    )] = True
    start_x: Annotated[float, Spec(
        "Start x", "Where every optimiser starts (or click the surface).",
        lo=-5.0, hi=5.0, decimals=3,
    )] = -1.5
    start_y: Annotated[float, Spec(
        "Start y", "Where every optimiser starts (or click the surface).",
        lo=-5.0, hi=5.0, decimals=3,
    )] = 2.5
    net_lr: Annotated[float, Spec(
        "Network lr", "One learning rate for every optimiser in the race on "
                                 "the small network.", **_LR,
    )] = 0.03

    def unused(self) -> frozenset[str]:
        own = frozenset({"lr_sgd", "lr_momentum", "lr_rmsprop", "lr_adam"})
        return frozenset({"lr"}) if self.own_lr else own

    def lr_of(self, opt: str) -> float:
        return getattr(self, f"lr_{opt}") if self.own_lr else self.lr

    def hyper(self, opt: str, lr: float | None = None) -> Hyper:
        return Hyper(self.lr_of(opt) if lr is None else lr, self.momentum, self.beta1,
                     self.beta2, self.eps, self.bias_correction)

    def chosen(self) -> tuple[str, ...]:
        return tuple(self.optimizers.split(","))

    def validate(self) -> None:
        if not self.optimizers:
            raise ParamError("optimizers", "choose at least one optimiser")
