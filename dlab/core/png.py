"""A greyscale or RGB PNG from a uint8 array, with the standard library only (no Qt, no Pillow):
engines write images for `dlab run --out` without a window."""

from __future__ import annotations

import struct
import zlib

import numpy as np


def grey_png(pixels: np.ndarray) -> bytes:
    """PNG bytes of an (height, width) uint8 image, 8-bit greyscale."""
    if pixels.dtype != np.uint8 or pixels.ndim != 2:
        raise ValueError(f"expected a 2-D uint8 image, got {pixels.dtype} {pixels.shape}")
    return _png(pixels, pixels.shape[1], colour_type=0)


def _png(rows: np.ndarray, width: int, colour_type: int) -> bytes:
    """``rows``: (height, bytes per row) uint8; colour type 0 grey, 2 RGB (8 bits)."""
    h = rows.shape[0]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    raw = b"".join(b"\x00" + rows[y].tobytes() for y in range(h))  # filter 0 per row
    header = struct.pack(">IIBBBBB", width, h, 8, colour_type, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def rgb_png(pixels: np.ndarray) -> bytes:
    """PNG bytes of an (height, width, 3) uint8 image, 8-bit RGB."""
    if pixels.dtype != np.uint8 or pixels.ndim != 3 or pixels.shape[2] != 3:
        raise ValueError(f"expected an RGB uint8 image, got {pixels.dtype} {pixels.shape}")
    return _png(pixels.reshape(pixels.shape[0], -1), pixels.shape[1], colour_type=2)
