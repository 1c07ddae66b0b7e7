"""Property-based checks of every topic's parameters (hypothesis): any value outside a
field's declared range, or of the wrong type, is refused by ``Params.from_dict`` with a
ParamError naming the field; any combination inside the ranges is accepted (unless a
cross-field rule of the topic refuses it, again naming a field) and runs two steps
without an exception, a diverging run ending as 'diverged'."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dlab import registry
from dlab.core.pacing import Pacer
from dlab.core.params import FieldInfo, ParamError, Params
from dlab.core.snapshot import DIVERGED, FINISHED
from tests.runs import finish

TOPIC_IDS = [t.id for t in registry.TOPICS]
ACTIONS = [(t.id, action) for t in registry.TOPICS for action in t.actions()]
NO_DB = {"database": None, "deadline": None}


def _train_left(d: dict[str, Any]) -> int:
    n = d["dataset_size"]
    n_val = max(1, round(n * d["val_fraction"])) if d["val_fraction"] > 0 else 0
    n_test = max(1, round(n * d["test_fraction"])) if d["test_fraction"] > 0 else 0
    return n - n_val - n_test


# Each topic's cross-field rules, as its validate() documents them: inside the ranges a
# combination is refused only when one of these does not hold.
CROSS_FIELD: dict[str, Callable[[dict[str, Any]], bool]] = {
    "cnn": lambda d: d["kernel_size"] % 2 == 1,
    "cyclegan": lambda d: d["image_size"] % 4 == 0 and (
        d["image_size"] <= 28 or not d["domains"].startswith("digits")),
    "validation": lambda d: d["points"] != "" or _train_left(d) >= 2,
}


def inside(info: FieldInfo) -> st.SearchStrategy:
    """Every value the field declares as allowed (a free-text field keeps its default)."""
    s = info.spec
    if s.choices and s.multi:
        return st.sets(st.sampled_from(s.choices), min_size=1).map(",".join)
    if s.choices:
        return st.sampled_from(s.choices)
    if info.type is bool:
        return st.booleans()
    if info.type is str:
        return st.just(info.default)
    if s.pow2:
        powers = [2 ** k for k in range(31) if s.lo <= 2 ** k <= s.hi]
        return st.sampled_from(powers)
    if info.type is int:
        return st.integers(int(s.lo), int(s.hi))
    return st.floats(s.lo, s.hi, allow_nan=False)


WRONG_TYPE = st.sampled_from([None, [1], {"a": 1}, "abc", "", " "])


def outside(info: FieldInfo) -> st.SearchStrategy:
    """Values the field must refuse: out of range, not a power of two, not a choice, or of
    the wrong type."""
    s = info.spec
    if s.choices:
        if s.other:  # any other text is a file name: only an empty one is wrong here
            return st.sampled_from(["", "  ", None])
        words = st.text("abcdefghijklmnopqrstuvwxyz-_ 0123456789", max_size=12)
        return st.one_of(words.filter(lambda w: w.strip() not in s.choices),
                         st.integers(), st.sampled_from([None, [1]]))
    if info.type is bool:
        return st.one_of(st.integers().filter(lambda i: i not in (0, 1)),
                         st.floats(allow_nan=True).filter(lambda f: f not in (0.0, 1.0)),
                         st.sampled_from([None, [1], "maybe", ""]))
    if s.path:  # any text may name a folder; only what is not text is wrong
        return st.sampled_from([None, [1], {"a": 1}, 3, True])
    if info.type is str:  # free text parsed by the topic (edited points)
        return st.sampled_from(["abc", "1,2", "1,2,train;x", "nan,0,train"])
    lo, hi = s.lo, s.hi
    bad: list[st.SearchStrategy] = [WRONG_TYPE, st.sampled_from([math.nan, math.inf, -math.inf])]
    if info.type is int:
        bad += [st.integers(max_value=int(lo) - 1), st.integers(min_value=int(hi) + 1),
                st.floats(lo, hi).filter(lambda f: not f.is_integer()), st.just(True)]
        if s.pow2:
            bad.append(st.integers(int(lo), int(hi)).filter(lambda i: i & (i - 1)))
    else:
        bad += [st.floats(max_value=lo, exclude_max=True),
                st.floats(min_value=hi, exclude_min=True), st.just(False)]
    return st.one_of(bad)


def params_class(topic_id: str) -> type[Params]:
    return registry.get(topic_id).params_class()


def inside_all(cls: type[Params]) -> st.SearchStrategy:
    return st.fixed_dictionaries({f.name: inside(f) for f in cls.fields()})


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
@settings(max_examples=60, **NO_DB)
@given(data=st.data())
def test_a_value_outside_a_fields_range_or_type_is_refused_naming_the_field(topic_id, data):
    cls = params_class(topic_id)
    info = data.draw(st.sampled_from(cls.fields()), label="field")
    value = data.draw(outside(info), label="value")
    with pytest.raises(ParamError) as caught:
        cls.from_dict({info.name: value})
    assert caught.value.field == info.name
    assert str(caught.value).startswith(f"{info.name}: ")


@pytest.mark.parametrize("topic_id", TOPIC_IDS)
@settings(max_examples=60, **NO_DB)
@given(data=st.data())
def test_any_combination_inside_the_ranges_is_accepted(topic_id, data):
    cls = params_class(topic_id)
    values = data.draw(inside_all(cls), label="params")
    rule = CROSS_FIELD.get(topic_id, lambda d: True)
    if rule(values):
        params = cls.from_dict(values)
        assert params.to_dict() == cls.from_dict(params.to_dict()).to_dict()
    else:
        with pytest.raises(ParamError) as caught:
            cls.from_dict(values)
        assert caught.value.field in values


# Runs are few, to keep the suite fast: an autoencoder epoch is a pass over 4,000 digits.
RUN_EXAMPLES = {("autoencoder", "run"): 2}
# What a run needs beyond valid values: CycleGAN's folders domain reads two folders of
# images the user names (tests/core/test_cyclegan_folders.py runs it on generated ones).
RUNNABLE: dict[str, Callable[[dict[str, Any]], bool]] = {
    "cyclegan": lambda d: d["domains"] != "folders",
}


@pytest.mark.parametrize(("topic_id", "action"), ACTIONS, ids=[f"{t}:{a}" for t, a in ACTIONS])
def test_any_combination_inside_the_ranges_runs_two_steps_of_every_action(topic_id, action):
    cls = params_class(topic_id)
    rule = CROSS_FIELD.get(topic_id, lambda d: True)
    runnable = RUNNABLE.get(topic_id, lambda d: True)

    @settings(max_examples=RUN_EXAMPLES.get((topic_id, action), 5), **NO_DB)
    @given(values=inside_all(cls).filter(lambda d: rule(d) and runnable(d)))
    def runs(values: dict[str, Any]) -> None:
        gen = registry.get(topic_id).start(action, cls.from_dict(values), 0, 2, Pacer(None))
        _, last = finish(gen)
        assert last.status in (FINISHED, DIVERGED)
        assert 1 <= last.step <= 2

    runs()


def test_every_action_of_every_topic_is_covered():
    """A topic or action added tomorrow is run by the test above without editing it."""
    assert {t for t, _ in ACTIONS} == set(TOPIC_IDS) == set(registry.ids())
    assert sum(len(t.actions()) for t in registry.TOPICS) == len(ACTIONS) > len(TOPIC_IDS)
