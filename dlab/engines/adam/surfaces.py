"""The Adam lesson's 2-D test functions (numpy only, no torch), with race presets.

Each function is a ``Surface`` (drawn by the shared SurfaceView) plus the settings that
make its race instructive: a start, one shared learning rate, and each optimiser's own
learning rate near its best for that function.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from dlab.core.surfaces import Array, Surface

OPTIMIZERS = ("sgd", "momentum", "rmsprop", "adam")


def _rosenbrock(x: Array, y: Array) -> Array:
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


def _rosenbrock_grad(x: float, y: float) -> tuple[float, float]:
    return -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)


def _beale(x: Array, y: Array) -> Array:
    return ((1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2
            + (2.625 - x + x * y**3) ** 2)


def _beale_grad(x: float, y: float) -> tuple[float, float]:
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y**3
    gx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y**3 - 1)
    gy = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y
    return gx, gy


def _quadratic(x: Array, y: Array) -> Array:
    return 0.5 * (x**2 + 25 * y**2)  # condition number 25: steep in y, flat in x


def _saddle(x: Array, y: Array) -> Array:
    return x**2 - y**2


@dataclass(frozen=True)
class RaceSetup:
    surface: Surface
    start: tuple[float, float]
    lr: float  # one learning rate for every optimiser
    lrs: dict[str, float] = field(default_factory=dict)  # each optimiser's own
    log_loss: bool = True  # the loss has a floor of 0: draw it on a log axis
    escape: bool = False  # stop an optimiser once it leaves the window (no minimum)

    def leaves(self, x: float, y: float) -> bool:
        x0, x1, y0, y1 = self.surface.extent
        return not (x0 <= x <= x1 and y0 <= y <= y1)


SETUPS: dict[str, RaceSetup] = {
    "rosenbrock": RaceSetup(
        Surface("rosenbrock", _rosenbrock, _rosenbrock_grad, (-2.0, 2.0, -1.0, 3.0),
                ((1.0, 1.0),)),
        start=(-1.5, 2.5), lr=0.001,
        lrs={"sgd": 0.001, "momentum": 0.001, "rmsprop": 0.01, "adam": 0.05},
    ),
    "beale": RaceSetup(
        Surface("beale", _beale, _beale_grad, (-1.5, 4.5, -2.5, 2.5), ((3.0, 0.5),)),
        start=(-1.0, -1.5), lr=0.01,
        lrs={"sgd": 0.01, "momentum": 0.001, "rmsprop": 0.05, "adam": 0.05},
    ),
    "quadratic": RaceSetup(
        Surface("quadratic", _quadratic, lambda x, y: (x, 25.0 * y),
                (-5.0, 5.0, -2.5, 2.5), ((0.0, 0.0),)),
        start=(-4.5, 1.5), lr=0.07,
        lrs={"sgd": 0.07, "momentum": 0.02, "rmsprop": 0.03, "adam": 0.2},
    ),
    "saddle": RaceSetup(
        Surface("saddle", _saddle, lambda x, y: (2.0 * x, -2.0 * y), (-3.0, 3.0, -3.0, 3.0),
                ()),
        start=(-2.5, 0.001), lr=0.01,
        lrs={"sgd": 0.01, "momentum": 0.01, "rmsprop": 0.01, "adam": 0.01},
        log_loss=False, escape=True,
    ),
}
FUNCTIONS = tuple(SETUPS)


def value(name: str, x: float, y: float) -> float:
    return float(SETUPS[name].surface.f(np.float64(x), np.float64(y)))
