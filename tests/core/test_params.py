"""Parameters: validation names the field and the allowed values; JSON round-trips."""

from __future__ import annotations

import pytest

from dlab import registry
from dlab.core.params import ParamError
from dlab.engines.gradient_descent.params import GDParams


def test_out_of_range_names_field_and_range():
    with pytest.raises(ParamError) as exc:
        GDParams.from_dict({"lr": 500})
    assert exc.value.field == "lr"
    assert "lr" in str(exc.value) and "0.0001" in str(exc.value) and "100" in str(exc.value)


@pytest.mark.parametrize(
    ("name", "value", "expect"),
    [
        ("mode", "turbo", "one of batch, minibatch, sgd"),
        ("batch_size", "3", "power of two"),
        ("epochs", "2.5", "integer"),
        ("lr", "nan", "number"),
        ("hidden", "-1", "from 0 to 64"),
        ("nonsense", "1", "unknown parameter"),
    ],
)
def test_bad_values_are_refused_with_a_message(name, value, expect):
    with pytest.raises(ParamError) as exc:
        GDParams.from_dict({name: value})
    assert expect in str(exc.value)
    assert str(exc.value).startswith(f"{name}:")


def test_strings_from_the_command_line_are_coerced():
    p = GDParams.from_dict({"lr": "0.05", "epochs": "7", "mode": "sgd", "batch_size": "64"})
    assert (p.lr, p.epochs, p.mode, p.batch_size) == (0.05, 7, "sgd", 64)


def test_json_round_trip_and_refusals():
    p = GDParams(lr=0.01, mode="batch")
    assert GDParams.from_json(p.to_json()) == p
    with pytest.raises(ParamError, match="not valid JSON"):
        GDParams.from_json("{broken")
    with pytest.raises(ParamError, match="schema"):
        GDParams.from_json('{"schema": 99, "topic": "gradient-descent", "params": {}}')
    with pytest.raises(ParamError, match="topic"):
        GDParams.from_json('{"schema": 1, "topic": "adam", "params": {}}')


@pytest.mark.parametrize("topic", registry.TOPICS, ids=registry.ids())
def test_every_topic_declares_valid_defaults(topic):
    cls = topic.params_class()
    assert cls.topic == topic.id
    defaults = cls()
    assert cls.from_dict(defaults.to_dict()) == defaults
    for info in cls.fields():
        assert info.spec.label, f"{info.name} has no label"
        if info.type in (int, float) and not info.spec.choices:
            assert info.spec.lo is not None and info.spec.hi is not None, info.name
