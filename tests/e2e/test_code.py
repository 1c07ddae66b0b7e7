""""Show me the code": every topic that has a template prints a standalone torch + numpy
script whose step,series,value lines equal `dlab run`'s within 1e-4 relative over the first
20 steps, for its defaults and for a changed setting and seed."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from dlab import registry
from tests.e2e.test_cli import dlab
from tests.runs import finish, start

WITH_CODE = [t for t in registry.TOPICS if t.has_code()]
# A second setting per topic, so the script follows the parameters, not just the defaults.
CHANGES = {"gradient-descent": {"mode": "sgd", "init": "he", "hidden": 5, "data": "circles",
                                "dataset_size": 32, "lr": 0.1},
           "sigmoid": {"activation": "tanh", "depth": 4, "width": 16, "init": "he",
                       "lr": 0.2},
           "batchnorm": {"activation": "sigmoid", "depth": 3, "batch_size": 16,
                         "position": "after", "lr": 1.0},
           "word2vec": {"corpus": "builtin-ko", "architecture": "cbow", "window": 1,
                        "dim": 8, "negative": 0, "subsample": 0.001, "min_count": 2,
                        "batch_size": 16, "lr": 0.05},
           "adam": {"function": "beale", "optimizers": "momentum,adam,rmsprop",
                    "own_lr": False, "lr": 0.02, "beta1": 0.8, "beta2": 0.99,
                    "bias_correction": False, "start_x": 1.0, "start_y": -1.0,
                    "net_lr": 0.1},
           "validation": {"dataset_size": 60, "noise": 0.5, "capacity": 8,
                          "val_fraction": 0.25, "test_fraction": 0.2, "lr": 0.3,
                          "weight_decay": 0.01, "peek_test": True},
           "dropout": {"p": 0.3, "hidden": 32, "layers": 3, "dataset_size": 60,
                       "noise": 0.3, "lr": 0.003},
           # 16 steps an epoch: the validation accuracy after epoch 1 is compared too.
           "cnn": {"channels": 4, "channel_growth": "same", "kernel_size": 5,
                   "conv_layers": 3, "mlp_hidden": 32, "batch_size": 256, "lr": 0.01},
           "autoencoder": {"latent_dim": 5, "hidden": 32, "batch_size": 256,
                           "denoise": 0.2, "lr": 0.01, "epochs": 3},
           # Digits after the default points; without the cycle loss. Small: 12×12, 16 a batch.
           "cyclegan": {"domains": "digits-slant", "lambda_cycle": 0.0, "image_size": 12,
                        "batch_size": 16, "hidden": 32, "lr": 0.002}}
# A third setting where a tab has a state of its own (the points edited with the mouse).
EDITED = {"validation": {"points": "-0.9,-1.2,train;-0.6,-0.9,val;-0.4,-0.7,train;"
                                   "-0.1,0.1,test;0.2,0.6,train;0.3,0.5,val;0.5,1.3,train;"
                                   "0.8,1.1,test;0.95,1.4,train", "capacity": 6},
          # Y drawn with the mouse on the moons; identity losses trained; a pool of 16
          # smaller than a batch of 32, so it fills and swaps in the same query.
          "cyclegan": {"domains": "points-moons-ring", "lambda_identity": 0.5,
                       "pool_size": 16, "batch_size": 32,
                       "drawn_y": "-2,-2;-1.5,-2.2;-1,-2.4;0,-2.5;1,-2.4;1.5,-2.2;2,-2;"
                                  "2.2,-1.5;2.4,-1;2.5,0"}}
CASES = [(t, changes, seed) for t in WITH_CODE
         for changes, seed in (({}, 0), (CHANGES.get(t.id, {}), 3))] + \
        [(t, EDITED[t.id], 1) for t in WITH_CODE if t.id in EDITED]


def test_every_topic_has_code():
    assert {t.id for t in WITH_CODE} == set(registry.ids())


@pytest.mark.parametrize(("topic", "changes", "seed"), CASES,
                         ids=[f"{t.id}-{s}" for t, _, s in CASES])
def test_the_script_prints_what_dlab_run_records(topic, changes, seed, tmp_path):
    params = topic.params_class().from_dict(changes)
    script = topic.code(params, seed, 20)
    assert "import dlab" not in script and "from dlab" not in script, "standalone"
    path = tmp_path / "train.py"
    path.write_text(script, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, str(path)], capture_output=True, text=True,
                         cwd=tmp_path, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert lines[0] == "step,series,value"
    printed = [(int(s), name, float(v)) for s, name, v in (ln.split(",") for ln in lines[1:])]
    store, last = finish(start(topic.id, params, seed, 20))
    # Every step's loss: a series with "loss" as one of its words: "loss", one per network
    # ("plain/loss", "bn/loss"), per part of the data ("train_loss", "dropout/val_loss") or
    # per term ("loss/cycle_X").
    losses = {name for _, name, _ in printed if "loss" in re.split(r"[/_]", name)}
    assert losses, "the script prints its loss series"
    # The 20 steps asked, or fewer where the run ends first (an autoencoder's epochs).
    assert last.step == 20 or last.status == "finished"
    assert max(s for s, _, _ in printed) == last.step, "the script takes the run's steps"
    for step, name, value in printed:
        buf = store.get(name)
        assert buf is not None, f"dlab run has no series {name!r}"
        ours = [y for x, y in zip(buf.x, buf.y, strict=True) if x == step]
        assert len(ours) == 1, f"{name} at step {step}"
        assert abs(value - ours[0]) <= 1e-4 * max(abs(ours[0]), 1e-12), (name, step)


def test_dlab_code_prints_the_script_and_refuses_bad_input():
    out = dlab("code", "gradient-descent", "--set", "lr=0.05", "--seed", "7", "--steps", "9")
    assert out.returncode == 0, out.stderr
    assert "'lr': 0.05" in out.stdout and "SEED = 7" in out.stdout and "STEPS = 9" in out.stdout
    out = dlab("code", "gradient-descent", "--set", "lr=-1")
    assert out.returncode == 2 and "lr" in out.stderr


def test_dlab_code_says_why_a_users_folders_get_no_script():
    """The script uses torch and NumPy only, which cannot read a folder of PNG or JPEG files
    as dlab does (with Pillow): no script, and a line saying why and what has one."""
    out = dlab("code", "cyclegan", "--set", "domains=folders")
    assert out.returncode == 2 and not out.stdout
    assert "domains folders" in out.stderr and "point or digit domains" in out.stderr
    out = dlab("code", "cyclegan", "--set", "domains=digits-thickness")
    assert out.returncode == 0 and "DIGITS_FILE = " in out.stdout
