"""The CNN's architecture as plain numbers: every layer's shapes and parameter counts, the
fully connected layer each convolution stands in for, and receptive fields. No torch: the
engine builds its network from this table, and the tab and the tests read it.

Each conv block is convolution (k×k, stride 1, "same" padding) → ReLU → 2×2 max-pooling
(stride 2, the odd last row and column dropped, as torch does), so the side goes
28 → 14 → 7 → 3. A linear layer maps the last block's flattened maps to the 10 classes.
"""

from __future__ import annotations

from dlab.core.digits import CLASSES, SIDE
from dlab.engines.cnn.params import CNNParams


def conv_channels(params: CNNParams) -> list[int]:
    """Output channels of each conv layer."""
    grow = 2 if params.channel_growth == "double" else 1
    return [params.channels * grow ** i for i in range(params.conv_layers)]


def linear_params(n_in: int, n_out: int) -> int:
    """A fully connected layer with bias: n_in·n_out + n_out."""
    return n_in * n_out + n_out


def conv_params(c_in: int, c_out: int, k: int) -> int:
    """A convolution with bias: C_in·C_out·k·k + C_out (the same weights at every position)."""
    return c_in * c_out * k * k + c_out


def layer_table(params: CNNParams) -> list[dict]:
    """One entry per layer, as result.json's ``layers``: name, type, in_shape, out_shape
    (channels, height, width, or features), params; conv layers add kernel and
    dense_equivalent_params (a linear layer from the flattened input to the flattened
    output, with bias)."""
    k = params.kernel_size
    layers: list[dict] = []
    c, side = 1, SIDE
    for i, c_out in enumerate(conv_channels(params), 1):
        n_in, n_out = c * side * side, c_out * side * side
        layers.append({
            "name": f"conv{i}", "type": "conv", "in_shape": [c, side, side],
            "out_shape": [c_out, side, side], "kernel": k,
            "params": conv_params(c, c_out, k),
            "dense_equivalent_params": linear_params(n_in, n_out),
        })
        layers.append({
            "name": f"pool{i}", "type": "pool", "in_shape": [c_out, side, side],
            "out_shape": [c_out, side // 2, side // 2], "kernel": 2, "params": 0,
        })
        c, side = c_out, side // 2
    flat = c * side * side
    layers.append({
        "name": "linear", "type": "linear", "in_shape": [flat], "out_shape": [CLASSES],
        "params": linear_params(flat, CLASSES),
    })
    return layers


def total_params(layers: list[dict]) -> int:
    return sum(layer["params"] for layer in layers)


def mlp_params(hidden: int) -> int:
    """784 → hidden → 10, fully connected."""
    return linear_params(SIDE * SIDE, hidden) + linear_params(hidden, CLASSES)


def receptive_field(kernels: list[int], layer: int, row: int, col: int
                    ) -> tuple[int, int, int, int]:
    """The input pixels that the ReLU output of conv layer ``layer`` (0-based, before its
    pooling) at (row, col) depends on: (row0, col0, rows, cols), possibly reaching past the
    image edge into the zero padding. Walks back through each convolution (k wide, (k−1)//2
    padding on the top and left) and each 2×2 pooling (every pixel covers two)."""
    r0 = r1 = row
    c0 = c1 = col
    for i in range(layer, -1, -1):
        k = kernels[i]
        pad = (k - 1) // 2
        r0, r1, c0, c1 = r0 - pad, r1 - pad + k - 1, c0 - pad, c1 - pad + k - 1
        if i > 0:  # this conv's input is the previous block's pooled output
            r0, r1, c0, c1 = 2 * r0, 2 * r1 + 1, 2 * c0, 2 * c1 + 1
    return r0, c0, r1 - r0 + 1, c1 - c0 + 1
