"""The Validation lesson as measured numbers: the split, the chosen epoch, early stopping,
a test set measured once, overfitting that is really there, and peeking that flatters."""

from __future__ import annotations

import functools

import numpy as np
import pytest

from dlab.core.params import ParamError
from dlab.core.selection import BestEpochs, LockedTest, choose
from dlab.core.snapshot import FINISHED
from dlab.core.splits import SPLITS, split_indices, split_sizes
from dlab.engines.validation.data import make_points
from dlab.engines.validation.engine import ValidationRun
from dlab.engines.validation.frame import SWEEP_TRAIN, SWEEP_VAL, TEST_LOSS, TRAIN_LOSS, VAL_LOSS
from dlab.engines.validation.params import ValidationParams, format_points, parse_points
from tests.lessons import defaults, exercise
from tests.runs import finish, start


@functools.cache
def run(params: ValidationParams, seed: int = 0, action: str = "run"):
    """A finished run (the same one is shared by the tests that read it: read only)."""
    return finish(start("validation", params, seed, action=action))


@pytest.mark.parametrize(("n", "vf", "tf"), [(40, 0.3, 0.3), (10, 0.05, 0.05), (200, 0.5, 0.45),
                                             (37, 0.25, 0.1)])
def test_three_splits_are_disjoint_and_cover_the_data(n, vf, tf):
    split = split_indices(n, vf, tf, seed=3)
    parts = [set(getattr(split, name).tolist()) for name in SPLITS]
    assert [len(p) for p in parts] == [len(getattr(split, name)) for name in SPLITS]
    assert not (parts[0] & parts[1] or parts[0] & parts[2] or parts[1] & parts[2])
    assert set().union(*parts) == set(range(n))
    assert all(len(p) >= 1 for p in parts)
    assert split_indices(n, vf, tf, seed=3).labels().tolist() == split.labels().tolist()


def test_fractions_that_leave_too_few_training_points_are_refused():
    with pytest.raises(ParamError, match="val_fraction"):
        split_sizes(10, 0.5, 0.45)
    with pytest.raises(ParamError, match="val_fraction"):
        ValidationParams.from_dict({"dataset_size": 10, "val_fraction": 0.5,
                                    "test_fraction": 0.5})


def test_result_reports_split_sizes_best_epoch_and_one_test_evaluation():
    store, last = run(defaults("validation"))
    s = last.summary
    assert last.status == FINISHED
    assert s["split_sizes"] == {"train": 16, "val": 12, "test": 12}
    val = store.get(VAL_LOSS)
    assert s["best_epoch"] == int(val.x[np.argmin(val.y)])  # epochs count from 1
    assert val.x[0] == 1 and s["stopped_epoch"] == defaults("validation").epochs
    assert s["test_evaluations"] == 1
    assert s["test_loss"] is not None and store.get(TEST_LOSS) is None


def test_the_test_set_stays_locked_until_the_run_ends():
    frames = [snap.frame for snap in start("validation", ValidationParams(epochs=30), 0)
              if snap.frame is not None]
    assert np.isnan(frames[0].test_loss) and frames[0].test_evaluations == 0
    assert not np.isnan(frames[-1].test_loss) and frames[-1].test_evaluations == 1


@exercise("validation/overfit")
def test_exercise_high_capacity_on_few_noisy_points_overfits(seed):
    """"Press Run with the defaults: the training loss keeps falling, while the validation
    loss turns up after its lowest point and ends well above it.\""""
    store, _ = run(defaults("validation"), seed)
    val, train = store.get(VAL_LOSS).y, store.get(TRAIN_LOSS).y
    assert np.all(np.diff(train) <= 1e-6)
    assert np.argmin(val) < len(val) - 100
    assert val[-1] > 1.3 * val.min()


@exercise("validation/patience")
def test_exercise_early_stopping_restores_the_best_weights_exactly(seed):
    """"Set the patience to 20: the run stops 20 epochs after the lowest validation loss and
    goes back to the weights of that epoch.\""""
    exp = ValidationRun(defaults("validation").replace(patience=20), seed)
    losses = []
    while not exp.done():
        losses += [v for name, _, v in exp.step() if name == VAL_LOSS]
        exp.t += 1
    best = int(np.argmin(losses)) + 1
    assert exp.training.stopped == best + 20 < defaults("validation").epochs
    # Exactly: the same weights give the same number.
    assert exp.batch.losses("val")[0] == np.float32(min(losses))
    assert exp.summary()["best_epoch"] == best and exp.test.evaluations == 1


@exercise("validation/sweep")
def test_exercise_sweep_chooses_by_validation_then_tests_once(seed):
    """"Press Sweep capacity: validation picks a degree in the middle; the largest degrees
    fit the training points best and the validation points worst.\""""
    store, last = run(defaults("validation"), seed, "sweep")
    val, train = store.get(SWEEP_VAL), store.get(SWEEP_TRAIN).y
    assert val.x.tolist() == list(range(1, 16))
    s = last.summary
    assert s["chosen_capacity"] == int(val.x[np.argmin(val.y)])
    assert s["test_evaluations"] == 1 and s["test_loss"] is not None
    assert 1 < s["chosen_capacity"] < 15
    assert train[-1] == train.min() and train[-1] < 0.5 * train[0]
    assert val.y[-3:].mean() > 1.5 * val.y.min()


@exercise("validation/peek")
def test_exercise_peeking_flatters_the_reported_test_loss(seed):
    """"Tick Peek at test and run again: the reported test loss drops by more than the loss
    on new data does.\""""
    honest = run(defaults("validation"), seed)[1].summary
    peeked = run(defaults("validation").replace(peek_test=True), seed)[1].summary
    assert (honest["test_evaluations"], peeked["test_evaluations"]) == (1, 1000)
    reported_gain = honest["test_loss"] - peeked["test_loss"]
    real_gain = honest["fresh_loss"] - peeked["fresh_loss"]
    assert reported_gain > real_gain + 0.005


def test_peeking_flatters_on_most_seeds():
    """The same over 8 seeds at 300 epochs (the test set's pick comes before 200 on each):
    the reported gain beats the real one on 6 of 8 seeds at least, by 0.15 summed."""
    flattery = []
    for seed in range(8):
        honest = run(ValidationParams(epochs=300), seed)[1].summary
        peeked = run(ValidationParams(epochs=300, peek_test=True), seed)[1].summary
        assert peeked["test_loss"] <= honest["test_loss"]  # the minimum over every epoch
        flattery.append((honest["test_loss"] - peeked["test_loss"])
                        - (honest["fresh_loss"] - peeked["fresh_loss"]))
    assert sum(f > 0 for f in flattery) >= 6
    assert sum(flattery) > 0.15


@exercise("validation/weight-decay")
def test_exercise_weight_decay_lowers_the_final_validation_loss(seed):
    """"Set the weight decay to 0.01: the validation loss at the end is lower than without
    it.\""""
    plain = run(defaults("validation"), seed)[0].get(VAL_LOSS).y
    decayed = run(defaults("validation").replace(weight_decay=0.01), seed)[0].get(VAL_LOSS).y
    assert decayed[-1] < 0.95 * plain[-1]


@exercise("validation/no-noise")
def test_exercise_without_noise_nothing_is_overfitted(seed):
    """"Set the noise to 0: there is nothing to overfit, and the validation loss ends at its
    lowest.\""""
    val = run(defaults("validation").replace(noise=0.0), seed)[0].get(VAL_LOSS).y
    assert val[-1] <= 1.02 * val.min()


@exercise("validation/outlier")
def test_exercise_a_planted_outlier_pulls_the_high_capacity_fit(seed):
    """"Drag the training point nearest the middle three units up: the degree-15 model bends
    to reach it.\""""
    base = defaults("validation")
    x, y, split = make_points(base, seed)
    labels = split.labels()
    train = np.flatnonzero(labels == 0)
    k = int(train[np.argmin(np.abs(x[train]))])
    moved = y.copy()
    moved[k] += 3.0
    before = run(base, seed)[1].frame
    after = run(base.replace(points=format_points(x, moved, labels)), seed)[1].frame
    i = int(np.argmin(np.abs(before.grid - x[k])))
    assert after.fit[i] - before.fit[i] > 1.0


def test_best_epoch_tracker_and_choice():
    best = BestEpochs(2, patience=2)
    for epoch, scores in enumerate([(3.0, 1.0), (2.0, 2.0), (2.0, 0.5), (2.5, 0.6)], 1):
        best.observe(epoch, scores)
    assert best.epoch.tolist() == [2, 3]  # a tie keeps the earlier epoch
    assert best.should_stop().tolist() == [True, False]
    assert choose(["a", "b", "c"], [0.3, 0.1, 0.1]) == 1
    test = LockedTest(lambda model: model * 2.0)
    assert test.reveal(1.5) == 3.0 and test.reveal(9.0) == 3.0 and test.evaluations == 1


def test_points_round_trip_and_bad_points_are_named():
    x, y, split = parse_points("0.1,0.5,train;-0.2,1,train;0.3,0,val;0.9,-1,test")
    assert parse_points(format_points(x, y, split))[2].tolist() == [0, 0, 1, 2]
    for bad, what in [("0.1,0.5,train;0.2,1,train;0.3,0,val", "at least"),
                      ("2,0,train;0.2,1,train;0.3,0,val;0,0,test", "out of range"),
                      ("0.1,nan,train", "not allowed"), ("0.1;0.2", "not allowed")]:
        with pytest.raises(ParamError, match=what):
            ValidationParams.from_dict({"points": bad})
