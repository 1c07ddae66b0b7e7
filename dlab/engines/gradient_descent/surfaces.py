"""The Gradient Descent lesson's 2-D loss surfaces (numpy only, no torch): a bowl, a
turned valley, wells with local minima and a plateau, each with a start that shows it."""

from __future__ import annotations

import numpy as np

from dlab.core.surfaces import Array, Surface


def _bowl(x: Array, y: Array) -> Array:
    return 0.5 * (x**2 + y**2)


_C, _S = np.cos(np.pi / 6), np.sin(np.pi / 6)  # the valley is turned 30 degrees


def _valley(x: Array, y: Array) -> Array:
    u, v = _C * x + _S * y, -_S * x + _C * y
    return 0.05 * u**2 + 4.0 * v**2


def _valley_grad(x: float, y: float) -> tuple[float, float]:
    u, v = _C * x + _S * y, -_S * x + _C * y
    du, dv = 0.1 * u, 8.0 * v
    return _C * du - _S * dv, _S * du + _C * dv


# (depth, centre x, centre y, width): the deepest well is the global minimum.
_WELLS = ((1.5, 2.0, 2.0, 0.8), (1.0, -2.0, -1.0, 0.7), (0.7, 0.5, -2.5, 0.6))


def _wells(x: Array, y: Array) -> Array:
    z = 0.06 * (x**2 + y**2)
    for depth, cx, cy, s in _WELLS:
        z = z - depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s))
    return z


def _wells_grad(x: float, y: float) -> tuple[float, float]:
    gx, gy = 0.12 * x, 0.12 * y
    for depth, cx, cy, s in _WELLS:
        e = depth * np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * s * s)) / (s * s)
        gx += e * (x - cx)
        gy += e * (y - cy)
    return float(gx), float(gy)


_PLATEAU_S = 1.5


def _plateau(x: Array, y: Array) -> Array:
    return 1.0 - np.exp(-(x**2 + y**2) / (2 * _PLATEAU_S**2))


def _plateau_grad(x: float, y: float) -> tuple[float, float]:
    e = np.exp(-(x**2 + y**2) / (2 * _PLATEAU_S**2)) / _PLATEAU_S**2
    return float(e * x), float(e * y)


BOX = (-4.0, 4.0, -4.0, 4.0)

GD_SURFACES: dict[str, Surface] = {
    "bowl": Surface("bowl", _bowl, lambda x, y: (x, y), BOX, ((0.0, 0.0),), (-3.0, 2.5)),
    "valley": Surface("valley", _valley, _valley_grad, BOX, ((0.0, 0.0),), (-3.5, 2.5)),
    # From the lower left the walk falls into the shallower well at (-2, -1).
    "local-minima": Surface("local-minima", _wells, _wells_grad, BOX, ((2.0, 2.0),),
                            (-3.0, -1.5)),
    # Far out on the plateau the gradient is about 0.01: a long crawl before the slope.
    "plateau": Surface("plateau", _plateau, _plateau_grad, BOX, ((0.0, 0.0),), (-3.5, 3.2)),
}
