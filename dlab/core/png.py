"""A greyscale PNG from a uint8 array, with the standard library only (no Qt, no Pillow):
engines write images for `dlab run --out` without a window."""

from __future__ import annotations

import struct
import zlib

import numpy as np


def grey_png(pixels: np.ndarray) -> bytes:
    """PNG bytes of an (height, width) uint8 image, 8-bit greyscale."""
    if pixels.dtype != np.uint8 or pixels.ndim != 2:
        raise ValueError(f"expected a 2-D uint8 image, got {pixels.dtype} {pixels.shape}")
    h, w = pixels.shape

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + pixels[y].tobytes() for y in range(h))  # filter 0 per row
    header = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)  # 8-bit, greyscale
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
