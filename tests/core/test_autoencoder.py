"""The Autoencoder lesson as measured numbers: the reconstruction error falls below the
mean image's and PCA's, the 2-D latent space separates the digits, a larger latent rebuilds
better, denoising, and the decoder the tab runs on a clicked point against torch."""

from __future__ import annotations

import functools
import struct
import zlib

import numpy as np
import pytest
import torch

from dlab.core.snapshot import FINISHED
from dlab.engines.autoencoder import maps
from dlab.engines.autoencoder.engine import AutoencoderRun
from tests.lessons import defaults, exercise
from tests.runs import finish, start


@functools.cache
def run(seed: int, **changes: object) -> AutoencoderRun:
    """A whole run from the defaults (with ``changes``), kept for the tests that share it."""
    exp = AutoencoderRun(defaults("autoencoder").replace(**changes), seed)
    exp.records = []  # every (series, epoch, value)
    while not exp.done():
        exp.records += exp.step()
        exp.t += 1
    return exp


def final(exp: AutoencoderRun) -> dict[str, float]:
    return {name: value for name, _, value in exp.records}


def knn_accuracy(xy: np.ndarray, labels: np.ndarray, k: int = 5) -> float:
    """Leave-one-out k-nearest-neighbour accuracy of the labels on a 2-D map: how well
    the map keeps digits of one kind together."""
    d = ((xy[:, None] - xy[None]) ** 2).sum(-1)
    np.fill_diagonal(d, np.inf)
    votes = labels[np.argsort(d, axis=1)[:, :k]]
    guess = np.array([np.bincount(v, minlength=10).argmax() for v in votes])
    return float((guess == labels).mean())


@pytest.mark.parametrize("seed", (0, 1))
def test_reconstruction_beats_the_mean_image_and_pca(seed) -> None:
    exp = run(seed)
    summary, last = exp.summary(), final(exp)
    assert last["val_loss"] < 0.8 * summary["mean_image_loss"]  # measured 0.75
    assert last["val_loss"] < last["pca_loss"] == summary["pca_loss"]  # 0.051 vs 0.056
    assert summary["epochs_done"] == defaults("autoencoder").epochs


def test_a_whole_run_through_topic_start_finishes() -> None:
    store, last = finish(start("autoencoder", None, 0, steps=2))
    assert last.status == FINISHED and store.get("train_loss").n == 2


@pytest.mark.parametrize("seed", (0, 1))
def test_validation_loss_falls_epoch_by_epoch_at_first(seed) -> None:
    store, _ = finish(start("autoencoder", None, seed, steps=4))
    losses = store.get("val_loss").y
    assert list(store.get("val_loss").x) == [1, 2, 3, 4]  # step = epoch from 1
    assert all(b < a for a, b in zip(losses, losses[1:], strict=False))
    assert store.get("pca_loss").n == 1  # computed once


@pytest.mark.parametrize("seed", (0, 1))
def test_the_latent_map_separates_the_digits(seed) -> None:
    """Five nearest neighbours on the 2-D map agree with a digit's label for about half the
    test digits after training (chance is a tenth; the untrained map gets 0.15-0.21)."""
    before = AutoencoderRun(defaults("autoencoder"), seed).frame()
    after = run(seed).frame()
    assert knn_accuracy(before.map_xy(), before.labels) < 0.3
    assert knn_accuracy(after.map_xy(), after.labels) > 0.45


@exercise("autoencoder/latent-16")
def test_exercise_a_larger_latent_rebuilds_better(seed) -> None:
    """Set Latent size to 16: the validation error ends less than half of what it is with
    2, and below PCA's with 16 components; the map then shows a PCA projection of the
    16-D codes."""
    two, sixteen = final(run(seed)), final(run(seed, latent_dim=16))
    frame = run(seed, latent_dim=16).frame()
    assert sixteen["val_loss"] < 0.5 * two["val_loss"]  # measured 0.022 vs 0.051
    assert sixteen["val_loss"] < sixteen["pca_loss"]  # 0.022 vs 0.028
    assert frame.latent.shape == (500, 16) and frame.map_xy().shape == (500, 2)


@exercise("autoencoder/denoise")
def test_exercise_denoising_rebuilds_clean_digits_from_noisy_ones(seed) -> None:
    """Set Denoising noise to 0.5: a noisy test digit comes back closer to the clean one
    than the plain autoencoder brings it, while the error on clean validation digits ends
    a little higher."""
    plain, denoiser = run(seed), run(seed, denoise=0.5)
    assert final(plain)["val_loss"] < final(denoiser)["val_loss"]  # 0.050 vs 0.056-0.062
    clean = plain.xs[:100]
    noise = torch.randn(clean.shape, generator=torch.Generator().manual_seed(seed))
    noisy = (clean + 0.5 * noise).clamp(0, 1)

    def error(exp: AutoencoderRun) -> float:
        exp.net.eval()
        with torch.no_grad():
            return float(torch.nn.functional.mse_loss(exp.net(noisy)[0], clean))

    assert error(denoiser) < 0.95 * error(plain)  # measured 0.054-0.056 vs 0.062-0.064
    assert error(denoiser) < 0.6 * float(((noisy - clean) ** 2).mean())  # the noise: 0.115


@exercise("autoencoder/click-map")
def test_exercise_a_click_on_the_map_is_decoded(seed) -> None:
    """Click anywhere on the latent map: the decoder draws the digit for that point, and
    it changes as you click from one cluster to another."""
    for changes in ({}, {"latent_dim": 5}):
        exp = AutoencoderRun(defaults("autoencoder").replace(**changes), seed)
        exp.step()
        exp.t += 1
        frame = exp.frame()
        xy = frame.map_xy()
        exp.net.eval()
        for i in (0, 7, 42):
            image = maps.decode_map_point(frame.map_mean, frame.map_axes, frame.decoder,
                                          *xy[i])
            assert image.shape == (28, 28) and image.min() >= 0 and image.max() <= 1
            z = torch.from_numpy(frame.map_mean + xy[i] @ frame.map_axes)
            with torch.no_grad():
                expected = torch.sigmoid(exp.net.decoder(z)).numpy().reshape(28, 28)
            assert np.allclose(image, expected, atol=1e-5)
            if not changes:  # latent size 2: the map is the latent space itself
                assert np.allclose(z.numpy(), frame.latent[i], atol=1e-5)
        a = maps.decode_map_point(frame.map_mean, frame.map_axes, frame.decoder, *xy.min(0))
        b = maps.decode_map_point(frame.map_mean, frame.map_axes, frame.decoder, *xy.max(0))
        assert np.abs(a - b).mean() > 0.02


def test_files_for_dlab_run() -> None:
    """latent.csv has one row per test image (label and coordinates);
    reconstructions.png is a valid greyscale PNG of two rows of ten digits."""
    exp = AutoencoderRun(defaults("autoencoder").replace(latent_dim=3), 0)
    frame, files = exp.frame(), exp.files()
    lines = files["latent.csv"].splitlines()
    assert lines[0] == "label,z1,z2,z3" and len(lines) == 501
    assert [int(row.split(",")[0]) for row in lines[1:]] == frame.labels.tolist()
    png = files["reconstructions.png"]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (width, height, depth, colour) == (10 * 28 * 3, 2 * 28 * 3, 8, 0)
    idat = png[png.index(b"IDAT") + 4:png.index(b"IEND") - 8]
    assert len(zlib.decompress(idat)) == height * (width + 1)
