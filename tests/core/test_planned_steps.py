"""The steps a run says it will take (``Snapshot.planned``, sent with every frame). The
window shows a curve's x axis from 0 to that many steps from the run's start, so it must
be the run's real length: the curves then end at the axis's end, not short of it or past."""

from __future__ import annotations

import pytest

from dlab import registry
from dlab.core.snapshot import FINISHED, FRAME
from tests.runs import finish, start

# Topics whose runs end by their own count (epochs, or training and a walk), on settings
# that keep them short.
OWN_LENGTH = {
    "gradient-descent": {"epochs": 2, "landscape_steps": 120},
    "autoencoder": {"epochs": 2},
    "dropout": {"epochs": 12},
    "cnn": {"epochs": 1},
    "validation": {"epochs": 40, "patience": 0},
}


@pytest.mark.parametrize("topic_id", sorted(OWN_LENGTH))
def test_a_run_takes_the_steps_its_first_frame_announced(topic_id):
    topic = registry.get(topic_id)
    params = topic.params_class()().replace(**OWN_LENGTH[topic_id])
    gen = start(topic_id, params)
    first = next(gen)
    _, last = finish(gen)
    assert last.status == FINISHED
    assert first.planned == last.step == last.planned, (first.planned, last.step)


def test_gradient_descents_plan_is_its_longer_part():
    """Training (2 epochs of 13 iterations) and the walk (120 steps) go on together."""
    params = registry.get("gradient-descent").params_class()().replace(
        epochs=2, landscape_steps=120)
    assert params.epochs * params.iterations_per_epoch() < 120
    assert next(start("gradient-descent", params)).planned == 120


@pytest.mark.parametrize("topic_id", [t.id for t in registry.TOPICS if t.default_steps])
def test_a_topic_run_for_its_default_steps_announces_them(topic_id):
    topic = registry.get(topic_id)
    assert next(start(topic_id)).planned == topic.default_steps
    assert next(start(topic_id, steps=37)).planned == 37


def test_steps_asked_for_cap_an_epoch_plan():
    params = registry.get("dropout").params_class()().replace(epochs=300)
    assert next(start("dropout", params)).planned == 300
    assert next(start("dropout", params, steps=40)).planned == 40


def test_a_walk_started_again_mid_run_lengthens_the_plan():
    """A new surface chosen while gradient descent runs starts a new walk of
    ``landscape_steps``: the run goes on longer, and says so with its next frame."""
    params = registry.get("gradient-descent").params_class()().replace(
        epochs=2, landscape_steps=120)
    gen = start("gradient-descent", params)
    next(gen)
    for _ in range(100):
        next(gen)
    assert params.landscape != "bowl"
    gen.send(params.replace(landscape="bowl"))  # applied before step 101
    assert gen.send(FRAME).planned == 100 + 120
    gen.close()


def test_word2vec_announces_about_its_updates():
    """Every epoch is counted as long as the first (subsampling draws each epoch's examples
    anew: a few more or fewer)."""
    params = registry.get("word2vec").params_class()().replace(epochs=3)
    gen = start("word2vec", params)
    planned = next(gen).planned
    _, last = finish(gen)
    assert planned is not None and abs(last.step - planned) <= 0.03 * planned, (
        planned, last.step)
