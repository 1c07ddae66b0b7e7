"""The Dropout lesson as measured numbers: dropout closes the gap between training and
validation loss, its layers are the identity in eval mode, the units co-adapt less, and
the scaled network answers as the vote of many thinned networks does."""

from __future__ import annotations

import functools

import numpy as np
import pytest
import torch

from dlab.core.snapshot import FINISHED
from dlab.engines.dropout.engine import Dropout, DropoutExperiment, coadaptation
from dlab.engines.dropout.frame import NETS, series
from dlab.engines.dropout.params import DropoutParams
from tests.lessons import defaults, exercise
from tests.runs import finish, start


@functools.cache
def run(params: DropoutParams, seed: int):
    """A finished run (shared by the tests that read it: read only)."""
    return finish(start("dropout", params, seed))


def final(store, net: str, what: str) -> float:
    return float(store.get(series(net, what)).y[-1])


def gap(store, net: str) -> float:
    return final(store, net, "val_loss") - final(store, net, "train_loss")


def test_dropout_is_the_identity_in_eval_mode_and_keeps_the_mean_in_training():
    drop = Dropout(0.5, torch.Generator().manual_seed(0))
    x = torch.rand(400, 300) + 0.5
    drop.eval()
    assert torch.equal(drop(x), x)
    drop.train()
    y = drop(x)
    dropped = (y == 0).float().mean()
    assert abs(float(dropped) - 0.5) < 0.01
    kept = y != 0
    assert torch.allclose(y[kept], x[kept] * 2.0)  # scaled by 1/(1-p)
    assert abs(float(y.mean() / x.mean()) - 1.0) < 0.01
    assert torch.equal(drop.mask, kept)


def test_both_networks_start_from_the_same_weights_and_record_every_series():
    exp = DropoutExperiment(defaults("dropout"), 0)
    a, b = (exp.nets[name].state_dict() for name in NETS)
    assert all(torch.equal(a[k], b[k]) for k in a)
    store, last = run(defaults("dropout"), 0)
    assert last.status == FINISHED and last.step == 300
    for net in NETS:
        for what in ("train_loss", "val_loss", "val_acc", "coadaptation"):
            buf = store.get(series(net, what))
            assert buf.x.tolist() == list(range(1, 301)), series(net, what)
    s = last.summary
    assert 0.5 < s["mc_acc"] <= 1 and 0.5 < s["single_acc"] <= 1


def test_with_p_0_the_two_networks_are_the_same():
    store, _ = finish(start("dropout", defaults("dropout").replace(p=0.0, epochs=20), 1))
    for what in ("train_loss", "val_loss", "val_acc"):
        assert np.array_equal(store.get(series("plain", what)).y,
                              store.get(series("dropout", what)).y)


@exercise("dropout/gap")
def test_exercise_dropout_closes_the_gap(seed):
    """"Press Run: the network without dropout drives its training loss towards 0 while its
    validation loss climbs; with dropout (p = 0.5) the gap between the two stays less than
    half as wide.\""""
    store, _ = run(defaults("dropout"), seed)
    assert final(store, "plain", "train_loss") < 0.05
    val = store.get(series("plain", "val_loss")).y
    assert val[-1] > 1.5 * val.min()
    assert gap(store, "dropout") < 0.5 * gap(store, "plain")


@exercise("dropout/coadaptation")
def test_exercise_dropout_units_co_adapt_less(seed):
    """"Watch Co-adaptation: over the last epochs the units of the network with dropout are
    less correlated with each other than those of the network without.\""""
    store, _ = run(defaults("dropout"), seed)
    co = {net: store.get(series(net, "coadaptation")).y[-50:].mean() for net in NETS}
    assert co["dropout"] < co["plain"] - 0.02


@exercise("dropout/votes")
def test_exercise_the_scaled_network_answers_like_the_vote(seed):
    """"At the end, compare the two accuracies under the votes: the vote of 50 thinned
    networks and the single scaled network are right on nearly the same share of the
    validation set, within 2 points.\""""
    s = run(defaults("dropout"), seed)[1].summary
    assert abs(s["mc_acc"] - s["single_acc"]) <= 0.02


@exercise("dropout/strong-p")
def test_exercise_strong_dropout_closes_the_gap_but_fits_less(seed):
    """"Set p to 0.8: the gap closes further, but the dropout network fits its own training
    points less well: its training loss ends higher than at 0.5.\""""
    base = run(defaults("dropout"), seed)[0]
    strong = run(defaults("dropout").replace(p=0.8), seed)[0]
    assert gap(strong, "dropout") < gap(base, "dropout")
    assert final(strong, "dropout", "train_loss") > final(base, "dropout", "train_loss")


@exercise("dropout/more-data")
def test_exercise_more_data_shrinks_the_plain_gap(seed):
    """"Set the training examples to 400: even without dropout the gap shrinks to less than
    a third of what it was with 100.\""""
    base = run(defaults("dropout"), seed)[0]
    more = run(defaults("dropout").replace(dataset_size=400), seed)[0]
    assert gap(more, "plain") < gap(base, "plain") / 3


def test_coadaptation_is_the_mean_absolute_correlation_of_live_units():
    g = torch.Generator().manual_seed(0)
    a = torch.relu(torch.randn(256, 16, generator=g) @ torch.randn(16, 12, generator=g))
    a[:, 3] = 0.0  # a dead unit is left out
    live = [i for i in range(12) if i != 3]
    ref = torch.corrcoef(a[:, live].T).abs()
    expected = (ref.sum() - ref.diagonal().sum()) / (11 * 10)
    assert coadaptation(a) == pytest.approx(float(expected), abs=1e-5)
    twins = torch.randn(64, 1, generator=g).repeat(1, 2)
    assert coadaptation(twins) == pytest.approx(1.0, abs=1e-5)


def test_live_p_reaches_the_dropout_network_only():
    exp = DropoutExperiment(defaults("dropout"), 0)
    exp.update(defaults("dropout").replace(p=0.2))
    assert [d.p for d in exp.nets["dropout"].drops] == [0.2, 0.2]
    assert [d.p for d in exp.nets["plain"].drops] == [0.0, 0.0]
