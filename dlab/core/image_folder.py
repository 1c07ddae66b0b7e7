"""A user's folder of images, read with Pillow into one array (no torch, no Qt).

Every PNG or JPEG image directly in the folder, in name order, centre-cropped to a square
and shrunk to ``size`` × ``size``. What cannot be trained on raises ``ImageFolderError``
(a ``BadInput``) whose message names the field, the file and what is allowed: a missing
folder, one with no images, images of mixed sizes, a file that is not a readable image.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

from dlab.core.experiment import BadInput
from dlab.core.params import Text

SUFFIXES = (".png", ".jpg", ".jpeg")
MAX_IMAGES = 2000  # the first ones in name order; more would not fit a lesson's memory
SHOWN_SIZES = 3  # files of another size named in the message


class ImageFolderError(BadInput):
    """A folder of images that cannot be trained on."""


def image_files(field: str, folder: str) -> list[Path]:
    """The images directly in ``folder``, in name order (at most MAX_IMAGES)."""
    if not folder:
        raise ImageFolderError(Text("{field}: no folder chosen; expected a folder of PNG or "
                                    "JPEG images", field=field))
    path = Path(folder).expanduser()
    if not path.is_dir():
        raise ImageFolderError(Text("{field}: {folder} is not a folder; expected a folder of "
                                    "PNG or JPEG images", field=field, folder=folder))
    try:
        files = sorted(p for p in path.iterdir()
                       if p.suffix.lower() in SUFFIXES and p.is_file())
    except OSError as exc:
        raise ImageFolderError(Text("{field}: {folder} cannot be read ({why})", field=field,
                                    folder=folder, why=exc.strerror or exc)) from None
    if not files:
        raise ImageFolderError(Text("{field}: {folder} holds no images; expected PNG or JPEG "
                                    "files (.png, .jpg, .jpeg)", field=field, folder=folder))
    return files[:MAX_IMAGES]


def _read(field: str, file: Path, size: int | None = None) -> tuple[int, int] | np.ndarray:
    """The image's (width, height) from its header, or with ``size`` the whole image as
    ``square`` makes it."""
    try:
        with Image.open(file) as image:
            return image.size if size is None else square(image.convert("RGB"), size)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        raise ImageFolderError(Text("{field}: {file} cannot be read as an image; expected a "
                                    "PNG or JPEG file", field=field, file=file.name)) from None


def _check_sizes(field: str, files: list[Path], sizes: list[tuple[int, int]]) -> None:
    """Every image of a folder has the size of the first one, or the message names the
    files that do not."""
    odd = [(f, s) for f, s in zip(files, sizes, strict=True) if s != sizes[0]]
    if not odd:
        return
    named = ", ".join(f"{f.name} ({w}×{h})" for f, (w, h) in odd[:SHOWN_SIZES])
    if len(odd) > SHOWN_SIZES:
        named += f", … (+{len(odd) - SHOWN_SIZES})"
    w, h = sizes[0]
    raise ImageFolderError(Text(
        "{field}: images of mixed sizes: {first} ({size}) but {named}; every image of a "
        "folder must have the same size", field=field, first=files[0].name, size=f"{w}×{h}",
        named=named))


def square(image: Image.Image, size: int) -> np.ndarray:
    """The centre square of an RGB image shrunk to size × size: (size, size, 3) uint8."""
    w, h = image.size
    side = min(w, h)
    left, top = (w - side) // 2, (h - side) // 2
    box = (left, top, left + side, top + side)
    return np.asarray(image.resize((size, size), Image.Resampling.BILINEAR, box=box))


def load_folder(field: str, folder: str, size: int) -> np.ndarray:
    """(n, size, size, 3) uint8 RGB, every image of ``folder`` (greyscale ones as grey
    RGB). ``field`` names the parameter in messages."""
    files = image_files(field, folder)
    _check_sizes(field, files, [_read(field, f) for f in files])  # headers only: quick
    return np.stack([_read(field, f, size) for f in files])


def is_grey(*sets: np.ndarray) -> bool:
    """True when every pixel of every RGB set has R = G = B."""
    return all(bool((s[..., 0] == s[..., 1]).all() and (s[..., 1] == s[..., 2]).all())
               for s in sets)
