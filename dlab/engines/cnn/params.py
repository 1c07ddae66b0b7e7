"""Parameters of the CNN topic. No torch here: the window builds its form from this module
before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core import digits
from dlab.core.params import ParamError, Params, Spec

GROWTH_CHOICES = ("double", "same")
TEST_DIGITS = 500  # the test split's size: 50 of each digit


@dataclass(frozen=True)
class CNNParams(Params):
    topic: ClassVar[str] = "cnn"

    channels: Annotated[int, Spec(
        "Channels (first conv layer)",
        "Filters in the first convolutional layer; each is one small k×k pattern detector "
        "and gives one feature map.", lo=1, hi=32,
    )] = 8
    channel_growth: Annotated[str, Spec(
        "Channels of later layers",
        "double: each later conv layer has twice the channels of the one before (the usual "
        "choice, as the maps get smaller); same: every layer has as many as the first.",
        choices=GROWTH_CHOICES,
    )] = "double"
    kernel_size: Annotated[int, Spec(
        "Kernel size k",
        "Each filter looks at a k×k neighbourhood: k·k weights per input channel, shared by "
        "every position of the image. Odd, so that the window has a centre pixel.",
        lo=1, hi=7, step=2,
    )] = 3
    conv_layers: Annotated[int, Spec(
        "Conv layers",
        "Blocks of convolution → ReLU → 2×2 max-pooling; each halves the image side "
        "(28 → 14 → 7 → 3).", lo=1, hi=3,
    )] = 2
    mlp_hidden: Annotated[int, Spec(
        "MLP hidden units",
        "Width of the fully connected network trained beside the CNN: 784 pixels → hidden "
        "→ 10 classes.", lo=8, hi=512,
    )] = 100
    epochs: Annotated[int, Spec(
        "Epochs", "Passes over the 4,000 training digits.", lo=1, hi=30,
    )] = 3
    lr: Annotated[float, Spec(
        "Learning rate", "Adam's step size, the same for both networks.",
        lo=1e-4, hi=0.1, log=True, live=True, decimals=4,
    )] = 0.003
    batch_size: Annotated[int, Spec(
        "Batch size", "Digits per update (a power of two).", lo=8, hi=512, pow2=True,
    )] = 64
    shown_digit: Annotated[int, Spec(
        "Digit shown",
        "Which test digit (0-499) the feature maps and the slow-motion convolution use.",
        lo=0, hi=TEST_DIGITS - 1, live=True,
    )] = 0

    def code_files(self) -> dict[str, str]:
        return digits.code_files()

    def validate(self) -> None:
        if self.kernel_size % 2 == 0:
            raise ParamError("kernel_size", f"{self.kernel_size} is not allowed; expected an "
                                            "odd number from 1 to 7")
