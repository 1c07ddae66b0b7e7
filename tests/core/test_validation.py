"""The Validation lesson as measured numbers: the split, the chosen epoch, early stopping,
a test set measured once, overfitting that is really there, and peeking that flatters."""

from __future__ import annotations

import numpy as np
import pytest

from dlab.core.params import ParamError
from dlab.core.selection import BestEpochs, LockedTest, choose
from dlab.core.splits import SPLITS, split_indices, split_sizes
from dlab.core.snapshot import FINISHED
from dlab.engines.validation.engine import ValidationRun
from dlab.engines.validation.frame import SWEEP_TRAIN, SWEEP_VAL, TEST_LOSS, VAL_LOSS
from dlab.engines.validation.params import ValidationParams, format_points, parse_points
from tests.runs import finish, start

SEEDS = (0, 1, 2)


def run(seed: int = 0, action: str = "run", **changes):
    return finish(start("validation", ValidationParams().replace(**changes), seed,
                        action=action))


@pytest.mark.parametrize(("n", "vf", "tf"), [(40, 0.3, 0.3), (10, 0.05, 0.05), (200, 0.5, 0.45),
                                             (37, 0.25, 0.1)])
def test_three_splits_are_disjoint_and_cover_the_data(n, vf, tf):
    split = split_indices(n, vf, tf, seed=3)
    parts = [set(getattr(split, name).tolist()) for name in SPLITS]
    assert all(len(p) == len(getattr(split, name)) for p, name in zip(parts, SPLITS,
                                                                      strict=True))
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
    store, last = run(0)
    s = last.summary
    assert last.status == FINISHED
    assert s["split_sizes"] == {"train": 16, "val": 12, "test": 12}
    assert sum(s["split_sizes"].values()) == ValidationParams().dataset_size
    val = store.get(VAL_LOSS)
    assert s["best_epoch"] == int(val.x[np.argmin(val.y)])  # epochs count from 1
    assert val.x[0] == 1 and s["stopped_epoch"] == ValidationParams().epochs
    assert s["test_evaluations"] == 1
    assert s["test_loss"] is not None and store.get(TEST_LOSS) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_early_stopping_restores_the_best_weights_exactly(seed):
    """"Patience … stop after this many epochs without a new lowest validation loss, and go
    back to the weights of the best epoch.\""""
    exp = ValidationRun(ValidationParams(patience=20), seed)
    losses = []
    while not exp.done():
        losses += [v for name, _, v in exp.step() if name == VAL_LOSS]
        exp.t += 1
    best = int(np.argmin(losses)) + 1
    assert exp.training.stopped == best + 20 < ValidationParams().epochs
    # Exactly: the same weights give the same number.
    assert exp.batch.losses("val")[0] == np.float32(min(losses))
    assert exp.summary()["best_epoch"] == best and exp.test.evaluations == 1


def test_the_test_set_stays_locked_until_the_run_ends():
    gen = start("validation", ValidationParams(epochs=30), 0)
    frames = [snap.frame for snap in gen if snap.frame is not None]
    assert np.isnan(frames[0].test_loss) and frames[0].test_evaluations == 0
    assert not np.isnan(frames[-1].test_loss) and frames[-1].test_evaluations == 1


@pytest.mark.parametrize("seed", SEEDS)
def test_high_capacity_on_few_noisy_points_overfits(seed):
    """At the defaults (degree 15, 16 training points, noise 0.3) the validation loss at the
    end is clearly above its minimum, while the training loss keeps falling."""
    store, _ = run(seed)
    val, train = store.get(VAL_LOSS).y, store.get("train_loss").y
    assert val[-1] > 1.3 * val.min()
    assert train[-1] < train[np.argmin(val)]


def test_peeking_at_the_test_set_flatters_the_reported_loss():
    """"The reported test loss then looks better than the model really is." Same seed, same
    training; peeking only changes which epoch the test set picks. The reported test loss
    falls by more than the loss on 2,000 new points really does, on at least 6 of 8 seeds
    and by 0.15 summed over them."""
    flattery = []
    for seed in range(8):
        honest = run(seed, epochs=300)[1].summary
        peeked = run(seed, epochs=300, peek_test=True)[1].summary
        assert (honest["test_evaluations"], peeked["test_evaluations"]) == (1, 300)
        assert peeked["test_loss"] <= honest["test_loss"]
        reported_gain = honest["test_loss"] - peeked["test_loss"]
        real_gain = honest["fresh_loss"] - peeked["fresh_loss"]
        flattery.append(reported_gain - real_gain)
    assert sum(f > 0 for f in flattery) >= 6
    assert sum(flattery) > 0.15


@pytest.mark.parametrize("seed", SEEDS)
def test_sweep_chooses_the_capacity_with_the_lowest_validation_loss_then_tests_once(seed):
    """"Sweep capacity: validation picks a degree in the middle; the largest degrees fit
    the training points best and the validation points worst.\""""
    store, last = run(seed, "sweep")
    val = store.get(SWEEP_VAL)
    assert val.x.tolist() == list(range(1, 16))
    s = last.summary
    assert s["chosen_capacity"] == int(val.x[np.argmin(val.y)])
    assert s["test_evaluations"] == 1 and s["test_loss"] is not None
    # The U: the chosen degree is neither the smallest nor the largest, and the training
    # loss falls with capacity while the validation loss of the largest is well above.
    assert 1 < s["chosen_capacity"] < 15
    train = store.get(SWEEP_TRAIN).y
    assert train[-1] == train.min() and train[-1] < 0.5 * train[0]
    assert val.y[-3:].mean() > 1.5 * val.y.min()


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


def test_a_planted_outlier_pulls_the_high_capacity_fit():
    """Lesson: "plant an outlier among the training points and the degree-15 model bends to
    reach it". A training point moved 3 up pulls the last model there by more than 1."""
    from dlab.engines.validation.data import make_points

    base = ValidationParams()
    x, y, split = make_points(base, 0)
    labels = split.labels()
    k = int(np.flatnonzero(labels == 0)[np.argmin(np.abs(x[labels == 0]))])  # nearest x=0
    moved = y.copy()
    moved[k] += 3.0
    before = run(0)[1]
    after = run(0, points=format_points(x, moved, labels))[1]
    grid = before.frame.grid
    i = int(np.argmin(np.abs(grid - x[k])))
    assert after.frame.fit[i] - before.frame.fit[i] > 1.0
