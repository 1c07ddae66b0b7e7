"""Guided scenes: a topic's short lesson script, as plain data (no Qt).

A script is a JSON file, ``resources/scenes/<topic>.<lang>.json`` for the shipped ones,
or any file a teacher saved (``dlab --lesson FILE``)::

    {"schema": 1, "topic": "sigmoid", "lang": "en", "title": "Why sigmoid fades",
     "scenes": [{"title": "Two layers", "params": {"depth": 2}, "steps": 200,
                 "controls": ["depth", "activation"], "action": "run",
                 "narration": "Two sentences or three, true at these parameters."}]}

Each scene is a preset: ``params`` are changes from the topic's defaults (so any scene can
be shown on its own), ``steps`` the natural steps its run takes, ``controls`` the
parameters the form shows (absent: all of them), ``action`` the experiment (default
"run"). Reading a script checks everything against the topic's Params and actions; a
problem raises ``SceneError`` naming the scene and the field.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from dlab.core.io import JSONRefused, parse_json
from dlab.core.params import ParamError, Params
from dlab.core.text import shown

SCHEMA_VERSION = 1
LANGS = ("en", "ko")
MAX_SCENES = 30  # any script; a shipped one has SHIPPED_SCENES
SHIPPED_SCENES = (4, 8)
MAX_STEPS = 100_000
MAX_NARRATION = 600  # characters: two or three sentences read aloud
SCENE_KEYS = {"title", "narration", "params", "steps", "controls", "action", "checks"}
# A sentence ends with . ! ? (a Korean sentence too) before a space or the end.
_SENTENCE_END = re.compile(r"[.!?。](?=\s|$)")


class SceneError(ValueError):
    """A script that does not validate: names the scene (from 1) and the field."""

    def __init__(self, scene: int | None, field: str, message: str,
                 title: str = "") -> None:
        where = "script" if scene is None else f"scene {scene}" + (f" “{title}”" if title
                                                                     else "")
        super().__init__(f"{where}, field '{field}': {message}")
        self.scene, self.field = scene, field


@dataclass(frozen=True)
class Scene:
    title: str
    narration: str
    params: dict[str, Any] = field(default_factory=dict)  # changes from the defaults
    steps: int = 100
    action: str = "run"
    controls: tuple[str, ...] | None = None  # parameters shown; None: every one
    # What the narration claims, as expressions over the run's numbers (tests check them:
    # tests/core/test_scenes.py); the window ignores them.
    checks: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"title": self.title, "params": dict(self.params),
                               "steps": self.steps}
        if self.action != "run":
            doc["action"] = self.action
        if self.controls is not None:
            doc["controls"] = list(self.controls)
        doc["narration"] = self.narration
        if self.checks:
            doc["checks"] = list(self.checks)
        return doc


@dataclass(frozen=True)
class Script:
    topic: str
    lang: str
    title: str
    scenes: tuple[Scene, ...]

    def __len__(self) -> int:
        return len(self.scenes)

    def to_json(self) -> str:
        doc = {"schema": SCHEMA_VERSION, "topic": self.topic, "lang": self.lang,
               "title": self.title, "scenes": [s.to_dict() for s in self.scenes]}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"

    def with_scene(self, scene: Scene) -> Script:
        return Script(self.topic, self.lang, self.title, (*self.scenes, scene))


def scene_params(params_cls: type[Params], scene: Scene) -> Params:
    """The full parameters of a scene: the topic's defaults with the scene's changes."""
    return params_cls.from_dict(scene.params)


def sentences(text: str) -> int:
    return len(_SENTENCE_END.findall(text.strip()))


def changes_from_defaults(params: Params) -> dict[str, Any]:
    """The fields that differ from the defaults: what a scene needs to store."""
    default = type(params)().to_dict()
    return {k: v for k, v in params.to_dict().items() if default.get(k) != v}


def _text(value: Any, scene: int | None, name: str, title: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SceneError(scene, name, "expected a non-empty text", title)
    if len(value) > limit:
        raise SceneError(scene, name, f"{len(value)} characters; at most {limit}", title)
    return value.strip()


def _scene(doc: Any, k: int, params_cls: type[Params], actions: list[str]) -> Scene:
    if not isinstance(doc, dict):
        raise SceneError(k, "scene", "expected an object with title, params, steps, "
                                     "narration")
    title = doc.get("title") if isinstance(doc.get("title"), str) else ""
    unknown = sorted(set(doc) - SCENE_KEYS)
    if unknown:
        raise SceneError(k, unknown[0], f"unknown field; expected {', '.join(sorted(SCENE_KEYS))}",
                         title)
    title = _text(doc.get("title"), k, "title", title, 120)
    narration = _text(doc.get("narration"), k, "narration", title, MAX_NARRATION)
    params = doc.get("params", {})
    if not isinstance(params, dict):
        raise SceneError(k, "params", "expected a mapping of parameter names to values", title)
    try:
        full = params_cls.from_dict(params)
    except ParamError as exc:
        raise SceneError(k, f"params.{exc.field}", str(exc).split(": ", 1)[-1], title) from None
    steps = doc.get("steps")
    if isinstance(steps, bool) or not isinstance(steps, int) or not 1 <= steps <= MAX_STEPS:
        raise SceneError(k, "steps", f"{shown(steps)} is not allowed; expected an integer from 1 "
                                     f"to {MAX_STEPS}", title)
    action = doc.get("action", "run")
    if action not in actions:
        raise SceneError(k, "action", f"{shown(action)} is not allowed; expected one of "
                                      f"{', '.join(actions)}", title)
    controls = doc.get("controls")
    if controls is not None:
        names = [f.name for f in params_cls.fields()]
        if not isinstance(controls, list) or not all(isinstance(c, str) for c in controls):
            raise SceneError(k, "controls", "expected a list of parameter names", title)
        for c in controls:
            if c not in names:
                raise SceneError(k, "controls", f"{shown(c)} is not a parameter; expected some of "
                                                f"{', '.join(names)}", title)
        controls = tuple(controls)
    checks = doc.get("checks", [])
    if not isinstance(checks, list) or not all(isinstance(c, str) and c for c in checks):
        raise SceneError(k, "checks", "expected a list of expressions", title)
    # Stored canonically (coerced values) so a saved script reads back the same.
    kept = {name: getattr(full, name) for name in params}
    return Scene(title, narration, kept, steps, action, controls, tuple(checks))


def parse_script(doc: Any, topic: str, params_cls: type[Params],
                 actions: list[str]) -> Script:
    """Check a script's JSON data against its topic; raise SceneError on any problem."""
    if not isinstance(doc, dict):
        raise SceneError(None, "file", "expected an object with schema, topic, lang, title, "
                                       "scenes")
    if doc.get("schema") != SCHEMA_VERSION:
        raise SceneError(None, "schema", f"{shown(doc.get('schema'))} is not supported; expected "
                                         f"{SCHEMA_VERSION}")
    if doc.get("topic") != topic:
        raise SceneError(None, "topic",
                         f"the script is for {shown(doc.get('topic'))}, not {topic!r}")
    lang = doc.get("lang")
    if lang not in LANGS:
        raise SceneError(None, "lang", f"{shown(lang)} is not allowed; expected one of "
                                       f"{', '.join(LANGS)}")
    title = _text(doc.get("title"), None, "title", "", 120)
    scenes = doc.get("scenes")
    if not isinstance(scenes, list) or not 1 <= len(scenes) <= MAX_SCENES:
        raise SceneError(None, "scenes", f"expected a list of 1 to {MAX_SCENES} scenes")
    return Script(topic, lang, title,
                  tuple(_scene(s, k, params_cls, actions) for k, s in enumerate(scenes, 1)))


def read_json(text: str) -> Any:
    try:
        return parse_json(text)
    except json.JSONDecodeError as exc:
        raise SceneError(None, "file", f"not valid JSON ({exc.msg}, line {exc.lineno})") \
            from None
    except JSONRefused as exc:
        raise SceneError(None, "file", str(exc)) from None


def script_topic(text: str) -> str:
    """The topic a script file names (to pick the tab before validating it)."""
    doc = read_json(text)
    topic = doc.get("topic") if isinstance(doc, dict) else None
    if not isinstance(topic, str):
        raise SceneError(None, "topic", "missing; expected a topic id such as 'sigmoid'")
    return topic
