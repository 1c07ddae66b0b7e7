"""The CNN lesson as measured numbers: parameter counts against their formulas and against
torch, accuracy reached in the default run, the MLP of the same size, receptive fields
against gradients, and the NumPy forward pass the tab uses against torch."""

from __future__ import annotations

import functools

import numpy as np
import pytest
import torch

from dlab.core.digits import load_digits, to_float
from dlab.core.snapshot import FINISHED
from dlab.engines.cnn import forward
from dlab.engines.cnn.arch import layer_table, receptive_field
from dlab.engines.cnn.engine import CNNvsMLP, ConvNet, count_params, make_mlp
from dlab.engines.cnn.params import CNNParams
from tests.lessons import defaults, exercise
from tests.runs import finish, start

SEEDS = (0, 1)


@functools.cache
def default_run(seed: int, **changes: object) -> tuple[dict, dict]:
    """(summary, final value of each series) of a whole run from the defaults."""
    params = CNNParams().replace(**changes)
    store, last = finish(start("cnn", params, seed))
    assert last.status == FINISHED
    return last.summary, store.finals()


@pytest.mark.parametrize("changes", [
    {}, {"kernel_size": 5, "channels": 4}, {"conv_layers": 3, "channel_growth": "same"},
    {"conv_layers": 1, "kernel_size": 1, "channels": 32}, {"kernel_size": 7, "conv_layers": 3},
])
def test_parameter_counts_follow_the_formulas_and_torch(changes) -> None:
    params = CNNParams().replace(**changes)
    layers = layer_table(params)
    net = ConvNet(layers)
    torch_counts = [sum(p.numel() for p in m.parameters()) for m in (*net.convs, net.head)]
    counted = [L for L in layers if L["type"] in ("conv", "linear")]
    assert [L["params"] for L in counted] == torch_counts
    for L in counted:
        if L["type"] == "conv":
            c_in, c_out, k = L["in_shape"][0], L["out_shape"][0], L["kernel"]
            assert L["params"] == c_in * c_out * k * k + c_out
            n_in, n_out = np.prod(L["in_shape"]), np.prod(L["out_shape"])
            assert L["dense_equivalent_params"] == n_in * n_out + n_out
        else:
            assert L["params"] == L["in_shape"][0] * 10 + 10
    # Each layer's output is the next one's input, and the network runs on a digit.
    for a, b in zip(layers, layers[1:], strict=False):
        assert np.prod(a["out_shape"]) == np.prod(b["in_shape"])
    assert net(torch.zeros(2, 1, 28, 28)).shape == (2, 10)
    assert count_params(make_mlp(params.mlp_hidden)) == \
        784 * params.mlp_hidden + params.mlp_hidden + params.mlp_hidden * 10 + 10


def test_summary_reports_the_counts_of_the_networks_that_train() -> None:
    exp = CNNvsMLP(CNNParams(), seed=0)
    summary, frame = exp.summary(), exp.frame()
    assert summary["cnn_params"] == count_params(exp.nets["cnn"]) == frame.cnn_params == 9098
    assert summary["mlp_params"] == count_params(exp.nets["mlp"]) == frame.mlp_params == 79510
    conv1 = summary["layers"][0]
    assert conv1["name"] == "conv1" and conv1["in_shape"] == [1, 28, 28]
    assert conv1["out_shape"] == [8, 28, 28] and conv1["kernel"] == 3


@exercise("cnn/kernel-5")
def test_exercise_kernel_5_grows_the_filter_not_the_dense_equivalent(seed) -> None:
    """Set Kernel size k to 5: the first layer grows from 80 to 208 parameters; the fully
    connected layer it stands in for needs 4,923,520 either way."""
    p = defaults("cnn")
    before = CNNvsMLP(p, seed).summary()["layers"][0]
    after = CNNvsMLP(p.replace(kernel_size=5), seed).summary()["layers"][0]
    assert (before["params"], after["params"]) == (80, 208)
    assert before["dense_equivalent_params"] == after["dense_equivalent_params"] == 4_923_520
    for layer in layer_table(p):
        if layer["type"] == "conv":
            assert layer["dense_equivalent_params"] > 1000 * layer["params"]


@pytest.mark.parametrize("seed", SEEDS)
def test_default_cnn_reaches_90_percent_and_beats_the_mlp_per_parameter(seed) -> None:
    summary, final = default_run(seed)
    cnn, mlp = final["cnn/val_acc"], final["mlp/val_acc"]
    assert cnn >= 0.90
    assert cnn / summary["cnn_params"] > 5 * mlp / summary["mlp_params"]
    assert summary["cnn_params"] * 8 < summary["mlp_params"]
    assert summary["epochs_done"] == CNNParams().epochs


@exercise("cnn/small-mlp")
def test_exercise_an_mlp_as_small_as_the_cnn_falls_behind(seed) -> None:
    """Set MLP hidden units to 12: the MLP then has 9,550 parameters, about as many as the
    CNN's 9,098, and its validation accuracy ends clearly below the CNN's."""
    summary, final = default_run(seed, mlp_hidden=12)
    assert summary["mlp_params"] == 9550 and summary["cnn_params"] == 9098
    assert final["cnn/val_acc"] - final["mlp/val_acc"] >= 0.02  # measured 3.0-4.4 points


@pytest.mark.parametrize(("kernels", "layer"), [
    ([3], 0), ([3, 3], 1), ([5, 3, 3], 2), ([7, 5], 1), ([1, 7, 3], 2)])
def test_receptive_field_is_where_the_gradient_reaches(kernels, layer) -> None:
    """The input pixels a feature-map pixel depends on (non-zero gradient, ReLU and
    max-pooling made transparent with a positive input and positive weights) are exactly
    the block receptive_field names, clipped to the image."""
    gen = torch.Generator().manual_seed(0)
    channels = [2] * len(kernels)
    convs = [torch.nn.Conv2d(c_in, c_out, k, padding="same")
             for c_in, c_out, k in zip([1, *channels[:-1]], channels, kernels, strict=True)]
    for conv in convs:
        with torch.no_grad():
            conv.weight.copy_(torch.rand(conv.weight.shape, generator=gen) + 0.1)
            conv.bias.zero_()
    x = (torch.rand(1, 1, 28, 28, generator=gen) + 0.5).requires_grad_()
    h = x
    for i, conv in enumerate(convs):
        h = torch.relu(conv(h))
        if i < layer:
            h = torch.nn.functional.avg_pool2d(h, 2)  # every pooled pixel counts
    side = h.shape[-1]
    for row, col in ((side // 2, side // 3), (0, 0), (side - 1, side - 1)):
        (grad,) = torch.autograd.grad(h[0, 0, row, col], x, retain_graph=True)
        seen = (grad[0, 0] != 0).numpy()
        r0, c0, rows, cols = receptive_field(kernels, layer, row, col)
        expected = np.zeros((28, 28), bool)
        expected[max(r0, 0):r0 + rows, max(c0, 0):c0 + cols] = True
        assert (seen == expected).all(), (kernels, layer, row, col)


@exercise("cnn/receptive-field")
def test_exercise_receptive_fields_of_the_default_layers(seed) -> None:
    """Click a pixel of a layer-1 map, then of a layer-2 map: 3×3 against 8×8 input
    pixels."""
    frame = CNNvsMLP(defaults("cnn"), seed).frame()  # the kernels the tab reads
    kernels = [w.shape[-1] for w, _ in frame.conv_weights]
    assert receptive_field(kernels, 0, 10, 10) == (9, 9, 3, 3)
    assert receptive_field(kernels, 1, 5, 5)[2:] == (8, 8)


def test_numpy_forward_matches_torch() -> None:
    exp = CNNvsMLP(CNNParams(conv_layers=3, kernel_size=5), seed=3)
    for _ in range(5):
        exp.step()
        exp.t += 1
    frame = exp.frame()
    images = to_float(load_digits().test[0][:4])
    net = exp.nets["cnn"].eval()
    with torch.no_grad():
        logits, maps = net(torch.from_numpy(images[:, None]), keep_maps=True)
    probs = torch.softmax(logits, 1).numpy()
    for i, image in enumerate(images):
        out = forward.run(frame.conv_weights, frame.linear_weights, image)
        assert np.allclose(out.probs, probs[i], atol=1e-5)
        for ours, theirs in zip(out.maps, maps, strict=True):
            assert np.allclose(ours, theirs[i].numpy(), atol=1e-4)


def test_window_step_writes_out_one_output_pixel() -> None:
    x = np.arange(25, dtype=np.float32).reshape(5, 5)
    w = np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], np.float32)
    step = forward.window_at(x, w, 0.5, 1, 2)
    assert step.patch.tolist() == x[1:4, 2:5].tolist()
    assert step.total == pytest.approx(float((x[1:4, 2:5] * w).sum()) + 0.5)
    whole = forward.conv2d_valid(x, w, 0.5)
    assert whole.shape == (3, 3) and whole[1, 2] == pytest.approx(step.total)


def test_even_kernel_is_refused_with_a_clear_message() -> None:
    from dlab.core.params import ParamError

    with pytest.raises(ParamError, match="kernel_size: 4 is not allowed; expected an odd"):
        CNNParams().replace(kernel_size=4)


def test_shown_digit_follows_the_live_parameter() -> None:
    exp = CNNvsMLP(CNNParams(), seed=0)
    images, labels = load_digits().test
    exp.update(CNNParams(shown_digit=7))
    frame = exp.frame()
    assert np.array_equal(frame.digit, to_float(images[7])) and frame.digit_label == labels[7]



@exercise("cnn/draw-a-one")
def test_exercise_a_stroke_drawn_down_the_middle_is_read_as_a_one(seed) -> None:
    """Draw a digit on the pad: after the first epoch a straight stroke down the middle is
    read as a 1. The feature maps and the probabilities follow your drawing.
    (The canvas is drawn as the pad draws it; tests/ui/test_cnn_tab.py draws with the
    mouse and checks that the maps and the probabilities follow.)"""
    from dlab.core.digits import PAD_BRUSH, PAD_SIDE, centre_like_mnist, ink_segment

    canvas = np.zeros((PAD_SIDE, PAD_SIDE), np.float32)
    ink_segment(canvas, (PAD_SIDE / 2, PAD_SIDE / 6), (PAD_SIDE / 2 + 2, PAD_SIDE * 5 / 6),
                PAD_BRUSH)
    image = centre_like_mnist(canvas)
    exp = CNNvsMLP(defaults("cnn"), seed)
    while exp.t < exp.steps_per_epoch:
        exp.step()
        exp.t += 1
    frame = exp.frame()
    probs = forward.run(frame.conv_weights, frame.linear_weights, image).probs
    assert int(np.argmax(probs)) == 1, probs.round(2)
