"""samples.png for `dlab run cyclegan --out`: what the tab shows, drawn with numpy (no Qt).

Image domains: the grids, six rows of the same held-out examples (x, G(x), F(G(x)), then
y, F(y), G(F(y))). Point domains: the two maps side by side, G's (X → Y over D_Y) and F's
(Y → X over D_X): each discriminator's belief as the background (grey: fake, white: unsure,
a tint of the domain: real), the real points, the fakes and their way back.
"""

from __future__ import annotations

import numpy as np

from dlab.core.png import grey_png, rgb_png
from dlab.engines.cyclegan.frame import IMAGES, CycleFrame

# The tab's colours (dlab.ui.plots.PALETTE): X blue, Y orange, fakes green, way back pink.
BLUE, ORANGE, GREEN, PINK = (0, 114, 178), (213, 94, 0), (0, 158, 115), (204, 121, 167)
CELL_ZOOM = 3  # each image pixel as 3 × 3 PNG pixels
GAP = 2  # pixels between cells
MAP_SIDE = 320  # pixels of each map
DOT = 2  # a point is a (2·DOT + 1)-pixel square


def image_rows(frame: CycleFrame) -> np.ndarray:
    """The six rows of images as one (h, w) ink picture in [0, 1], or (h, w, 3) colour."""
    rows = (frame.img_x, frame.img_fake_y, frame.img_rec_x,
            frame.img_y, frame.img_fake_x, frame.img_rec_y)
    colour = frame.img_x.ndim == 4
    blank = 1.0 if colour else 0.0  # the gaps: paper white either way
    k, s = frame.img_x.shape[:2]
    step = s + GAP
    shape = (6 * step - GAP, k * step - GAP) + ((3,) if colour else ())
    out = np.full(shape, blank, np.float32)
    for r, images in enumerate(rows):
        for c, image in enumerate(images):
            out[r * step: r * step + s, c * step: c * step + s] = image
    return out


def image_png(frame: CycleFrame) -> bytes:
    big = image_rows(frame).repeat(CELL_ZOOM, 0).repeat(CELL_ZOOM, 1)
    if big.ndim == 2:  # ink: 1 is black
        return grey_png(np.round(255 * (1 - big)).astype(np.uint8))
    return rgb_png(np.round(255 * big).astype(np.uint8))


def heat(d: np.ndarray, real: tuple[int, int, int]) -> np.ndarray:
    """A discriminator's outputs on the grid (rows = x) as an RGB map MAP_SIDE square, y
    upwards: 0 grey, 0.5 white, 1 a light tint of the domain's colour."""
    v = np.clip(d.T[::-1], 0, 1)  # rows = y from the top
    idx = (np.arange(MAP_SIDE) * len(v) // MAP_SIDE)
    v = v[idx][:, idx][..., None]
    grey, white = np.array([210.0] * 3), np.array([255.0] * 3)
    tint = 255 - 0.3 * (255 - np.array(real, np.float64))
    low = grey + (white - grey) * (v / 0.5)
    high = white + (tint - white) * ((v - 0.5) / 0.5)
    return np.where(v < 0.5, low, high)


def dots(picture: np.ndarray, points: np.ndarray, colour: tuple[int, int, int],
         extent: tuple[float, float, float, float]) -> None:
    """Small squares of ``colour`` at ``points`` (plane coordinates) on a map, in place."""
    x0, x1, y0, y1 = extent
    cols = np.round((points[:, 0] - x0) / (x1 - x0) * (MAP_SIDE - 1)).astype(int)
    rows = np.round((y1 - points[:, 1]) / (y1 - y0) * (MAP_SIDE - 1)).astype(int)
    for dr in range(-DOT, DOT + 1):
        for dc in range(-DOT, DOT + 1):
            r, c = rows + dr, cols + dc
            inside = (r >= 0) & (r < MAP_SIDE) & (c >= 0) & (c < MAP_SIDE)
            picture[r[inside], c[inside]] = colour


def map_picture(d: np.ndarray, source: np.ndarray, target: np.ndarray, fake: np.ndarray,
                back: np.ndarray, source_colour: tuple[int, int, int],
                target_colour: tuple[int, int, int],
                extent: tuple[float, float, float, float]) -> np.ndarray:
    picture = heat(d, target_colour)
    for points, colour in ((target, target_colour), (source, source_colour), (back, PINK),
                           (fake, GREEN)):
        dots(picture, points, colour, extent)
    return picture


def points_png(frame: CycleFrame) -> bytes:
    g_map = map_picture(frame.d_y, frame.x, frame.y, frame.fake_y, frame.rec_x, BLUE,
                        ORANGE, frame.extent)
    f_map = map_picture(frame.d_x, frame.y, frame.x, frame.fake_x, frame.rec_y, ORANGE,
                        BLUE, frame.extent)
    gap = np.full((MAP_SIDE, 8 * GAP, 3), 255.0)  # white between the maps
    return rgb_png(np.concatenate([g_map, gap, f_map], 1).round().astype(np.uint8))


def samples_png(frame: CycleFrame) -> bytes:
    """The picture of ``frame``: the image grids, or the two maps of the point domains."""
    return image_png(frame) if frame.kind == IMAGES else points_png(frame)
