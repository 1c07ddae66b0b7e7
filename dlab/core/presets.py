"""Teacher presets: which controls students see and may change, per topic (no Qt).

A preset is a JSON file a teacher hands out (``dlab --preset FILE``)::

    {"schema": 1, "title": "Week 3: only the depth",
     "topics": {"sigmoid": {"params": {"activation": "sigmoid"},
                            "hidden": ["width", "lr"], "locked": ["activation"]}}}

``params`` are set when the preset is applied; ``hidden`` controls are not shown,
``locked`` ones are shown but cannot be changed. The window keeps the preset across a
language switch and a restart until it is cleared from the menu.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dlab.core.io import JSONRefused, parse_json
from dlab.core.params import ParamError, Params
from dlab.core.text import shown

SCHEMA_VERSION = 1
TOPIC_KEYS = {"params", "hidden", "locked"}


class PresetError(ValueError):
    """A preset that does not validate: names the topic and the field."""

    def __init__(self, where: str, field: str, message: str) -> None:
        super().__init__(f"{where}, field '{field}': {message}")
        self.where, self.field = where, field


@dataclass(frozen=True)
class TopicPreset:
    params: dict[str, Any]
    hidden: frozenset[str]
    locked: frozenset[str]


@dataclass(frozen=True)
class Preset:
    title: str
    topics: dict[str, TopicPreset]
    text: str  # the file as read: what the window remembers

    def for_topic(self, topic: str) -> TopicPreset | None:
        return self.topics.get(topic)


def _names(value: Any, where: str, field: str, known: list[str]) -> frozenset[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise PresetError(where, field, "expected a list of parameter names")
    for name in value:
        if name not in known:
            raise PresetError(where, field, f"{shown(name)} is not a parameter; expected some of "
                                            f"{', '.join(known)}")
    return frozenset(value)


def parse_preset(text: str, params_of: Callable[[str], type[Params]]) -> Preset:
    """Check a preset file's text. ``params_of(topic_id)`` gives a topic's Params class
    and raises KeyError (its message lists the topics) for an unknown one."""
    try:
        doc = parse_json(text)
    except json.JSONDecodeError as exc:
        raise PresetError("preset", "file", f"not valid JSON ({exc.msg}, line {exc.lineno})") \
            from None
    except JSONRefused as exc:
        raise PresetError("preset", "file", str(exc)) from None
    if not isinstance(doc, dict):
        raise PresetError("preset", "file", "expected an object with schema, title, topics")
    if doc.get("schema") != SCHEMA_VERSION:
        raise PresetError("preset", "schema", f"{shown(doc.get('schema'))} is not supported; "
                                              f"expected {SCHEMA_VERSION}")
    title = doc.get("title", "")
    if not isinstance(title, str):
        raise PresetError("preset", "title", "expected a text")
    topics = doc.get("topics")
    if not isinstance(topics, dict) or not topics:
        raise PresetError("preset", "topics", "expected a mapping of topic ids to settings")
    out: dict[str, TopicPreset] = {}
    for topic, entry in topics.items():
        where = f"topic {shown(topic)}"
        try:
            cls = params_of(topic)
        except KeyError as exc:
            raise PresetError(where, "topics", str(exc)) from None
        if not isinstance(entry, dict):
            raise PresetError(where, "topics", "expected an object with params, hidden, locked")
        unknown = sorted(set(entry) - TOPIC_KEYS)
        if unknown:
            raise PresetError(where, unknown[0], f"unknown field; expected "
                                                 f"{', '.join(sorted(TOPIC_KEYS))}")
        params = entry.get("params", {})
        try:
            full = cls.from_dict(params)
        except ParamError as exc:
            raise PresetError(where, f"params.{exc.field}", str(exc).split(": ", 1)[-1]) \
                from None
        known = [f.name for f in cls.fields()]
        out[topic] = TopicPreset({k: getattr(full, k) for k in params},
                                 _names(entry.get("hidden", []), where, "hidden", known),
                                 _names(entry.get("locked", []), where, "locked", known))
    return Preset(title.strip(), out, text)
