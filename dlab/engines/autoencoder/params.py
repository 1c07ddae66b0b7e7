"""Parameters of the Autoencoder topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core import digits
from dlab.core.params import Params, Spec


@dataclass(frozen=True)
class AutoencoderParams(Params):
    topic: ClassVar[str] = "autoencoder"

    latent_dim: Annotated[int, Spec(
        "Latent size",
        "Numbers in the narrow middle layer that every digit is squeezed through. With 2 the "
        "latent space is drawn as it is; with more, as its 2-D projection (PCA).",
        lo=2, hi=32,
    )] = 2
    hidden: Annotated[int, Spec(
        "Hidden units",
        "Width of the layer between the 784 pixels and the latent layer, in the encoder and "
        "in the decoder.", lo=16, hi=512,
    )] = 128
    epochs: Annotated[int, Spec(
        "Epochs", "Passes over the 4,000 training digits; one step is one epoch.",
        lo=1, hi=100,
    )] = 10
    lr: Annotated[float, Spec(
        "Learning rate", "Adam's step size.", lo=1e-4, hi=0.05, log=True, live=True,
        decimals=4,
    )] = 0.003
    batch_size: Annotated[int, Spec(
        "Batch size", "Digits per update (a power of two).", lo=8, hi=512, pow2=True,
    )] = 64
    denoise: Annotated[float, Spec(
        "Denoising noise",
        "Standard deviation of the noise added to each training input (0 = off); the "
        "network must still rebuild the clean digit.", lo=0.0, hi=1.0, step=0.05, live=True,
        decimals=2,
    )] = 0.0

    def code_files(self) -> dict[str, str]:
        return digits.code_files()
