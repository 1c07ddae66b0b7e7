"""`dlab run` of the image topics writes their own files and fields: the CNN's layer table
in result.json, the autoencoder's latent.csv and reconstructions.png."""

from __future__ import annotations

import csv
import json

from tests.e2e.test_cli import dlab


def test_cnn_result_holds_the_layer_table(tmp_path):
    out = dlab("run", "cnn", "--steps", "2", "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert (result["cnn_params"], result["mlp_params"]) == (9098, 79510)
    conv1 = result["layers"][0]
    assert conv1 == {"name": "conv1", "type": "conv", "in_shape": [1, 28, 28],
                     "out_shape": [8, 28, 28], "kernel": 3, "params": 80,
                     "dense_equivalent_params": 4923520}
    assert [layer["type"] for layer in result["layers"]] == \
        ["conv", "pool", "conv", "pool", "linear"]
    assert sum(layer["params"] for layer in result["layers"]) == result["cnn_params"]


def test_autoencoder_writes_latent_csv_and_reconstructions_png(tmp_path):
    out = dlab("run", "autoencoder", "--steps", "1", "--set", "latent_dim=3",
               "--out", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert "latent.csv" in out.stdout and "reconstructions.png" in out.stdout
    with open(tmp_path / "latent.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["label", "z1", "z2", "z3"] and len(rows) == 501
    assert sorted({int(r[0]) for r in rows[1:]}) == list(range(10))
    assert (tmp_path / "reconstructions.png").read_bytes()[:4] == b"\x89PNG"
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert set(result["final"]) == {"train_loss", "val_loss", "pca_loss"}
