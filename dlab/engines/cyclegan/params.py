"""Parameters of the CycleGAN topic. No torch here: the window builds its form from this
module before torch is imported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core import digits
from dlab.core.params import ParamError, Params, Spec
from dlab.core.text import Text
from dlab.engines.cyclegan.points import DrawnPointsError, parse_drawn

POINT_DOMAINS = ("points-gaussians", "points-moons-ring")
DIGIT_DOMAINS = ("digits-thickness", "digits-slant")
FOLDERS = "folders"
IMAGE_DOMAINS = (*DIGIT_DOMAINS, FOLDERS)
DOMAINS = POINT_DOMAINS + IMAGE_DOMAINS
DIGIT_SIDE = 28  # the shipped digits' side: image_size goes no higher for them
UPDATES = ("both", "discriminators", "generators")
# Why "show me the code" has no script for a user's folders (marked for translation in the
# tab's module): matching Pillow's decoding and resizing with NumPy alone is out of reach.
NO_FOLDER_SCRIPT = ("No code is shown for domains folders: a script with only torch and "
                    "NumPy cannot read your own folders of images (dlab reads them with "
                    "Pillow). Choose point or digit domains to see the code.")


@dataclass(frozen=True)
class CycleGANParams(Params):
    topic: ClassVar[str] = "cyclegan"

    domains: Annotated[str, Spec(
        "Domains X and Y",
        "points-gaussians: X and Y are two different mixtures of four Gaussians; "
        "points-moons-ring: X is two moons, Y a ring around them; digits-thickness: "
        "handwritten digits, Y with thicker strokes; digits-slant: Y slanted; folders: your "
        "own two folders of images (Folder X, Folder Y). No x comes with its y.",
        choices=DOMAINS,
    )] = "points-gaussians"
    lambda_cycle: Annotated[float, Spec(
        "λ cycle",
        "Weight of the cycle losses |F(G(x)) − x| and |G(F(y)) − y|. At 0 the two GANs "
        "are trained apart and nothing ties G(x) to x.",
        lo=0.0, hi=20.0, step=0.5, live=True, decimals=1,
    )] = 10.0
    lambda_identity: Annotated[float, Spec(
        "λ identity",
        "Weight of the identity losses |G(y) − y| and |F(x) − x|, relative to λ cycle "
        "(as in the original method, where 0.5 keeps a photo's colours). It starts at 0 "
        "because here it asks G to leave things where they are: at 0.5 G(x) ends about 0.9 "
        "from the nearest y on points instead of 0.1 (iteration 400), and slanted digits "
        "go a quarter of the way to Y's lean instead of more than half (iteration 200).",
        lo=0.0, hi=1.0, step=0.05, live=True, decimals=2,
    )] = 0.0
    lr: Annotated[float, Spec(
        "Learning rate",
        "Adam's step size for all four networks (β1 = 0.5, as in the original method).",
        lo=1e-5, hi=0.05, log=True, live=True, decimals=5,
    )] = 1e-3
    batch_size: Annotated[int, Spec(
        "Batch size", "Examples of X and of Y in each update (a power of two).",
        lo=8, hi=256, pow2=True,
    )] = 64
    pool_size: Annotated[int, Spec(
        "Pool of fakes",
        "The discriminators see fakes from a pool of earlier ones half of the time, so "
        "they do not chase only the latest generator; 0 turns the pool off.",
        lo=0, hi=1024, step=16,
    )] = 256
    image_size: Annotated[int, Spec(
        "Image size",
        "Side of the images in pixels (a multiple of 4): the shipped 28×28 digits are "
        "shrunk to it (up to 28), so that training is quick on a CPU; a folder's images are "
        "cropped to their centre square and shrunk to it (up to 64, best on a GPU).",
        lo=12, hi=64, step=4,
    )] = 16
    hidden: Annotated[int, Spec(
        "Hidden units",
        "Width of the two hidden layers of G, F, D_X and D_Y on points. On digits the "
        "generators' one hidden layer is 8 times as wide; on images the discriminators' "
        "convolutions (and the folders' generators') have a quarter of it as channels.",
        lo=8, hi=256,
    )] = 64
    update: Annotated[str, Spec(
        "Each step trains",
        "both: the generators G and F, then the discriminators D_X and D_Y; "
        "discriminators or generators: only those, to take the two-player game apart.",
        choices=UPDATES, live=True,
    )] = "both"
    folder_x: Annotated[str, Spec(
        "Folder X",
        "With domains folders: a folder of PNG or JPEG images of domain X, all of one size "
        "(the first 2,000 in name order are used).",
        path="folder",
    )] = ""
    folder_y: Annotated[str, Spec(
        "Folder Y",
        "With domains folders: a folder of PNG or JPEG images of domain Y, all of one size; "
        "not the same pictures as X, and in any order: no x comes with its y.",
        path="folder",
    )] = ""
    drawn_x: Annotated[str, Spec(
        "Drawn X",
        "Domain X as drawn with the mouse: x,y;x,y;… (at least 8 points inside the plane). "
        "Empty: X of the chosen domains.",
        live=True, tab_only=True,
    )] = ""
    drawn_y: Annotated[str, Spec(
        "Drawn Y",
        "Domain Y as drawn with the mouse, like Drawn X. Empty: Y of the chosen domains.",
        live=True, tab_only=True,
    )] = ""

    def validate(self) -> None:
        top = DIGIT_SIDE if self.domains in DIGIT_DOMAINS else 64
        if self.image_size % 4 or self.image_size > top:
            raise ParamError("image_size", f"{self.image_size} is not allowed; expected a "
                             f"multiple of 4 from 12 to {top}" + (
                                 " for the digits" if top == DIGIT_SIDE else ""))
        for name in ("drawn_x", "drawn_y"):
            text = getattr(self, name)
            if text:
                try:
                    parse_drawn(text)
                except DrawnPointsError as why:
                    raise ParamError(name, str(why)) from None

    def code_files(self) -> dict[str, str]:
        return digits.code_files() if self.domains in DIGIT_DOMAINS else {}

    def code_refused(self) -> Text | None:
        return Text(NO_FOLDER_SCRIPT) if self.domains == FOLDERS else None

    def unused(self) -> frozenset[str]:
        """The folders matter only with domains folders."""
        return frozenset() if self.domains == FOLDERS else frozenset({"folder_x", "folder_y"})
