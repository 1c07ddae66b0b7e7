"""`dlab run cyclegan`: a folder that cannot be used is refused in one line with exit 2,
nothing written; two good folders train; samples.png shows the grids or the maps."""

from __future__ import annotations

import json

import numpy as np
from PIL import Image

from dlab.engines.cyclegan.samples import BLUE, CELL_ZOOM, GAP, GREEN, MAP_SIDE, ORANGE
from tests.core.test_cyclegan_folders import squares
from tests.e2e.test_cli import dlab


def test_bad_folders_exit_2_with_one_line(tmp_path):
    good = squares(tmp_path / "good", 4, (255, 255, 255), 0)
    empty = tmp_path / "empty"
    empty.mkdir()
    for x, y, says in ((good, tmp_path / "nowhere", "folder_y: "),
                       (empty, good, "folder_x: "), ("", good, "no folder chosen")):
        out = dlab("run", "cyclegan", "--set", "domains=folders", "--set", f"folder_x={x}",
                   "--set", f"folder_y={y}", "--out", str(tmp_path / "o"))
        assert out.returncode == 2, out.stderr
        assert says in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert not (tmp_path / "o").exists()  # nothing written


def test_two_folders_train(tmp_path):
    x = squares(tmp_path / "x", 8, (255, 0, 0), 0)
    y = squares(tmp_path / "y", 8, (0, 0, 255), 1)
    out = dlab("run", "cyclegan", "--set", "domains=folders", "--set", f"folder_x={x}",
               "--set", f"folder_y={y}", "--set", "batch_size=8", "--steps", "3",
               "--out", str(tmp_path / "o"))
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "o" / "result.json").read_text(encoding="utf-8"))
    assert result["status"] == "finished" and result["steps"] == 3
    assert result["params"]["folder_x"] == str(x)


def read_png(path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image)


def test_samples_png_shows_the_grids_or_the_maps(tmp_path):
    """samples.png: six rows of eight images (16 px, drawn 3× larger) for image domains,
    the two maps side by side for points; drawn without Qt."""
    out = dlab("run", "cyclegan", "--set", "domains=digits-thickness", "--set",
               "batch_size=8", "--steps", "1", "--out", str(tmp_path / "digits"))
    assert out.returncode == 0, out.stderr
    assert "samples.png" in out.stdout
    grid = read_png(tmp_path / "digits" / "samples.png")
    step = 16 * CELL_ZOOM + GAP * CELL_ZOOM
    assert grid.shape == (6 * step - GAP * CELL_ZOOM, 8 * step - GAP * CELL_ZOOM)
    first = grid[:48, :48]  # the first held-out x: dark ink on white paper
    assert first.min() < 60 and np.median(first) == 255

    out = dlab("run", "cyclegan", "--steps", "1", "--out", str(tmp_path / "points"))
    assert out.returncode == 0, out.stderr
    maps = read_png(tmp_path / "points" / "samples.png")
    assert maps.shape == (MAP_SIDE, 2 * MAP_SIDE + 8 * GAP, 3)
    for colour in (BLUE, ORANGE, GREEN):  # real x, real y and the fakes are drawn
        assert (maps == colour).all(axis=2).sum() > 100, colour
