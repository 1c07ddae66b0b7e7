"""The shipped MNIST subset loads offline, with the promised shapes, counts and split."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dlab.core import digits
from dlab.core.digits import DigitsError, load_digits


def test_loads_offline_with_shapes_and_label_counts() -> None:
    data = load_digits()
    assert data.images.shape == (5000, 28, 28) and data.images.dtype == np.uint8
    assert data.images.max() == 255 and data.images.min() == 0
    assert np.bincount(data.labels, minlength=10).tolist() == [500] * 10
    for name, per_digit in (("train", 400), ("val", 50), ("test", 50)):
        images, labels = data.part(name)
        assert images.shape == (10 * per_digit, 28, 28)
        assert np.bincount(labels, minlength=10).tolist() == [per_digit] * 10


def test_split_is_fixed_and_disjoint() -> None:
    data = load_digits()
    train, val, test = data.train[0], data.val[0], data.test[0]
    flat = lambda a: {bytes(x) for x in a.reshape(len(a), -1)}  # noqa: E731
    # MNIST has no exact duplicates within these 5,000, so no image is in two splits.
    assert not flat(train) & flat(val) and not flat(train) & flat(test)
    assert not flat(val) & flat(test)
    assert load_digits() is data  # cached: one read per process


def test_labels_are_interleaved_not_sorted() -> None:
    """A mini-batch of consecutive training images holds several digits."""
    _, labels = load_digits().train
    assert len(set(labels[:32].tolist())) >= 6


def test_arrays_are_read_only() -> None:
    with pytest.raises(ValueError):
        load_digits().images[0, 0, 0] = 1


def test_to_float_scales_to_unit_range() -> None:
    x = digits.to_float(load_digits().images[:10])
    assert x.dtype == np.float32 and x.min() == 0.0 and x.max() == 1.0


def test_bad_split_name_says_what_is_allowed() -> None:
    with pytest.raises(ValueError, match="train, val, test"):
        load_digits().part("validation")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DigitsError, match="not found.*resources/data/mnist_5k.npz"):
        load_digits(tmp_path / "nothing.npz")


def test_broken_file_is_a_clear_error(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not an archive at all")
    with pytest.raises(DigitsError, match="cannot be read"):
        load_digits(garbage)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(digits.default_path().read_bytes()[:5000])
    with pytest.raises(DigitsError, match="cannot be read"):
        load_digits(truncated)
    single = tmp_path / "single.npz"
    with single.open("wb") as fh:
        np.save(fh, np.zeros((3, 28, 28), np.uint8))
    with pytest.raises(DigitsError, match="not an archive"):
        load_digits(single)


def test_wrong_contents_are_named(tmp_path: Path) -> None:
    images = np.zeros((4, 28, 28), np.uint8)
    cases = {
        "lacks split": dict(images=images, labels=np.zeros(4, np.uint8)),
        "images are float64": dict(images=images.astype(float), labels=np.zeros(4),
                                   split=np.zeros(4)),
        "labels must be 10 classes": dict(images=images, labels=np.full(4, 12),
                                          split=np.zeros(4)),
        "split must hold one of 0, 1, 2": dict(images=images, labels=np.zeros(4),
                                               split=np.full(4, 7)),
    }
    for i, (message, arrays) in enumerate(cases.items()):
        path = tmp_path / f"case{i}.npz"
        np.savez(path, **arrays)
        with pytest.raises(DigitsError, match=message):
            load_digits(path)


def test_packaged_with_its_licence() -> None:
    """The file and its licence note are package data (pyproject) and kept in the bundle."""
    import importlib.util

    root = Path(__file__).resolve().parents[2]
    assert digits.default_path().parent == root / "resources" / "data"
    licence = (root / "resources" / "data" / "mnist_5k.LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY-SA 3.0" in licence and "LeCun" in licence
    package_data = next(line for line in (root / "pyproject.toml").read_text(
        encoding="utf-8").splitlines() if line.startswith('"dlab.resources" = ['))
    assert '"data/*"' in package_data
    spec = importlib.util.spec_from_file_location("bundle_filter",
                                                  root / "packaging" / "bundle_filter.py")
    bundle_filter = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bundle_filter)
    assert bundle_filter.keep_data("dlab/resources/data/mnist_5k.npz")
    assert digits.default_path().stat().st_size < 3 * 1024 * 1024


def test_drawing_is_centred_and_scaled_like_mnist() -> None:
    """A small digit drawn in a corner of the pad comes out 20 pixels tall with its centre
    of mass in the middle, as MNIST's digits are."""
    canvas = np.zeros((56, 56), np.float32)
    canvas[2:12, 4:8] = 1.0  # a short bar in the top-left corner, 10 × 4
    out = digits.centre_like_mnist(canvas)
    assert out.shape == (28, 28) and out.dtype == np.float32
    ink = np.argwhere(out > 0.5)
    assert ink[:, 0].max() - ink[:, 0].min() + 1 == 20
    rows, cols = np.indices(out.shape)
    cy, cx = (rows * out).sum() / out.sum(), (cols * out).sum() / out.sum()
    assert abs(cy - 13.5) <= 0.5 and abs(cx - 13.5) <= 0.5
    assert not digits.centre_like_mnist(np.zeros((28, 28))).any()


def test_real_digits_survive_the_centring() -> None:
    """MNIST's own digits are already centred: the helper barely moves them."""
    images = digits.to_float(load_digits().test[0][:20])
    moved = [np.abs(digits.centre_like_mnist(x) - x).mean() for x in images]
    assert np.median(moved) < 0.08
