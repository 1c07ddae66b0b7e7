"""CycleGAN on a user's two folders of images: clear messages for folders that cannot be
used, and training on two small generated folders."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dlab.core.experiment import BadInput
from dlab.engines.cyclegan import frame as names
from dlab.engines.cyclegan.engine import CycleGAN
from dlab.engines.cyclegan.params import CycleGANParams
from tests.lessons import defaults
from tests.runs import finish, start


def squares(folder: Path, n: int, colour: tuple[int, int, int], seed: int,
            size: tuple[int, int] = (20, 20)) -> Path:
    """``n`` PNGs (width, height = ``size``) of one small square of ``colour`` on black,
    at random places."""
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        pixels = np.zeros((size[1], size[0], 3), np.uint8)
        r, c = rng.integers(2, min(size) - 8, 2)
        pixels[r:r + 6, c:c + 6] = colour
        Image.fromarray(pixels).save(folder / f"{i:03d}.png")
    return folder


def folders(x: Path, y: Path, **changes) -> CycleGANParams:
    return defaults("cyclegan").replace(domains="folders", folder_x=str(x), folder_y=str(y),
                                        batch_size=16, **changes)


@pytest.fixture
def good(tmp_path) -> Path:
    return squares(tmp_path / "good", 12, (255, 255, 255), 0)


def refused(params: CycleGANParams) -> str:
    with pytest.raises(BadInput) as err:
        CycleGAN(params, 0)
    return str(err.value)


def test_a_missing_folder_is_named(tmp_path, good):
    message = refused(folders(good, tmp_path / "nowhere"))
    assert message == (f"folder_y: {tmp_path / 'nowhere'} is not a folder; expected a folder "
                       "of PNG or JPEG images")
    assert refused(folders("", good)).startswith("folder_x: no folder chosen")


def test_a_folder_with_no_images_says_which_files_count(tmp_path, good):
    empty = tmp_path / "texts"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an image")
    message = refused(folders(empty, good))
    assert message == (f"folder_x: {empty} holds no images; expected PNG or JPEG files "
                       "(.png, .jpg, .jpeg)")


def test_images_of_mixed_sizes_are_named_with_their_sizes(tmp_path, good):
    mixed = squares(tmp_path / "mixed", 6, (255, 255, 255), 1, size=(24, 20))
    squares(tmp_path / "other", 2, (255, 255, 255), 2, size=(32, 32))
    for k, src in enumerate(sorted((tmp_path / "other").iterdir())):
        src.rename(mixed / f"z{k}.png")  # after the 24×20 ones in name order
    message = refused(folders(good, mixed))
    assert message == ("folder_y: images of mixed sizes: 000.png (24×20) but z0.png "
                       "(32×32), z1.png (32×32); every image of a folder must have the same "
                       "size")


def test_an_unreadable_image_is_named(tmp_path, good):
    broken = squares(tmp_path / "broken", 4, (255, 255, 255), 3)
    (broken / "002.png").write_bytes(b"this is not a PNG")
    message = refused(folders(broken, good))
    assert message == ("folder_x: 002.png cannot be read as an image; expected a PNG or JPEG "
                       "file")


def test_the_folder_fields_are_greyed_out_for_other_domains():
    assert CycleGANParams().unused() == {"folder_x", "folder_y"}
    assert CycleGANParams(domains="folders").unused() == frozenset()


def test_grey_folders_train_and_close_the_cycle(tmp_path):
    """Two small folders of grey squares (white on black against grey on black) train as
    ink images, like the digits: the cycle losses fall well below where they start."""
    x = squares(tmp_path / "x", 24, (255, 255, 255), 0)
    y = squares(tmp_path / "y", 24, (128, 128, 128), 1, size=(30, 24))  # cropped to a square
    store, last = finish(start("cyclegan", folders(x, y), 0, 40))
    assert last.status == "finished", last.message
    f = last.frame
    assert f.kind == "images" and f.img_x.shape == (6, 16, 16)  # a quarter of 24 held out
    # As ink (1 − brightness, drawn dark): the black background is 1, the white squares 0.
    assert f.img_x.min() == 0 and f.img_x.max() == 1 and f.img_x.mean() > 0.8
    cycle = store.get(names.EVAL_CYCLE_X).y
    assert cycle[-1] < cycle[0] / 4, cycle  # measured 0.90 -> 0.18 on seeds 0-2


def test_colour_folders_train_in_colour(tmp_path):
    x = squares(tmp_path / "red", 12, (255, 0, 0), 0)
    y = squares(tmp_path / "blue", 12, (0, 0, 255), 1)
    exp = CycleGAN(folders(x, y, image_size=12), 0)
    assert exp.x.shape == (9, 3, 12, 12) and exp.x_eval.shape == (3, 3, 12, 12)
    for _ in range(3):
        exp.step()
        exp.t += 1
    f = exp.frame()
    assert f.img_x.shape == (3, 12, 12, 3) and f.img_fake_y.shape == (3, 12, 12, 3)
    red = f.img_x[..., 0].max(), f.img_x[..., 2].max()
    assert red == (1.0, 0.0)  # the red squares stay red: no blue in real x
