"""Guided scenes: every shipped script validates in both languages, says in Korean what
it says in English, and each scene's narration is true at its parameters (its "checks",
measured on a headless run of the scene); a broken script is refused with a message that
names the scene and the field."""

from __future__ import annotations

import json

import pytest

from dlab import registry
from dlab.core.scenes import SHIPPED_SCENES, SceneError, Script, sentences
from tests.runs import finish, start
from tests.scene_checks import evaluate

WITH_SCENES = [t for t in registry.TOPICS if t.has_scenes("en") or t.has_scenes("ko")]


def neutral(params: dict, lang: str) -> dict:
    """A scene's preset with the built-in data of the script's language named alike in both
    (Word2Vec's Korean scenes train on "builtin-ko" where the English ones train on
    "builtin-en"); every other value must be the same in both languages."""
    return {k: "builtin-<lang>" if v == f"builtin-{lang}" else v for k, v in params.items()}


def _langs(topic, k: int) -> list[str]:
    """The languages whose scene k is run: English, and Korean too where its preset
    differs (its own corpus), so the claims are measured on what each class sees."""
    en, ko = topic.scenes("en").scenes[k], topic.scenes("ko").scenes[k]
    return ["en"] if en.params == ko.params else ["en", "ko"]


SCENES = [(t, k, lang) for t in WITH_SCENES for k in range(len(t.scenes("en")))
          for lang in _langs(t, k)]


def test_every_topic_has_scenes_in_both_languages():
    """A teacher can give a class on any topic with Next alone."""
    for topic in registry.TOPICS:
        assert topic.has_scenes("en") and topic.has_scenes("ko"), topic.id


@pytest.mark.parametrize("topic", WITH_SCENES, ids=[t.id for t in WITH_SCENES])
def test_shipped_scripts_validate_in_both_languages(topic):
    en, ko = topic.scenes("en"), topic.scenes("ko")
    assert en is not None and ko is not None, "a script in one language needs the other"
    assert (en.lang, ko.lang) == ("en", "ko")
    lo, hi = SHIPPED_SCENES
    assert lo <= len(en) <= hi, f"{len(en)} scenes; a shipped script has {lo} to {hi}"
    assert len(ko) == len(en)
    for k, (a, b) in enumerate(zip(en.scenes, ko.scenes, strict=True), 1):
        # The Korean scene is the same scene: same preset, steps, controls and claims.
        assert (neutral(a.params, "en"), a.steps, a.action, a.controls, a.checks) == \
            (neutral(b.params, "ko"), b.steps, b.action, b.controls, b.checks), f"scene {k}"
        assert a.checks, f"scene {k} “{a.title}”: its narration needs checks"
        for script, scene in ((en, a), (ko, b)):
            n = sentences(scene.narration)
            assert 2 <= n <= 4, f"{script.lang} scene {k}: {n} sentences"
    hangul = sum("\uac00" <= ch <= "\ud7a3" for s in ko.scenes for ch in s.narration)
    assert hangul > 100, "the Korean script is Korean"


@pytest.mark.parametrize(("topic", "index", "lang"), SCENES,
                         ids=[f"{t.id}-{k + 1}" + ("" if lang == "en" else f"-{lang}")
                              for t, k, lang in SCENES])
def test_scene_narration_is_true_at_its_parameters(topic, index, lang):
    scene = topic.scenes(lang).scenes[index]
    params = topic.params_class().from_dict(scene.params)
    store, last = finish(start(topic.id, params, 0, scene.steps, action=scene.action))
    for check in scene.checks:
        assert evaluate(check, store, last) is True, f"scene {index + 1} “{scene.title}”: " \
                                                     f"{check}"


def _doc(**scene_changes) -> dict:
    scene = {"title": "Deeper", "params": {"depth": 4}, "steps": 50,
             "narration": "One. Two."}
    scene.update(scene_changes)
    return {"schema": 1, "topic": "sigmoid", "lang": "en", "title": "T",
            "scenes": [{"title": "First", "steps": 10, "narration": "Fine. Really."}, scene]}


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"params": {"depth": 99}}, "params.depth", "out of range; expected an integer from 2"),
    ({"params": {"colour": 1}}, "params.colour", "unknown parameter"),
    ({"steps": 0}, "steps", "expected an integer from 1"),
    ({"steps": "many"}, "steps", "expected an integer"),
    ({"controls": ["depth", "speed"]}, "controls", "'speed' is not a parameter"),
    ({"action": "dance"}, "action", "expected one of run, exp_cost"),
    ({"narration": ""}, "narration", "non-empty"),
    ({"colour": "red"}, "colour", "unknown field"),
])
def test_a_bad_scene_is_named_with_its_field(change, field, words):
    topic = registry.get("sigmoid")
    with pytest.raises(SceneError) as err:
        topic.read_script(json.dumps(_doc(**change)))
    message = str(err.value)
    assert message.startswith(f"scene 2 “Deeper”, field '{field}'"), message
    assert words in message, message
    assert (err.value.scene, err.value.field) == (2, field)


@pytest.mark.parametrize(("text", "field"), [
    ("{not json", "file"),
    (json.dumps(dict(_doc(), topic="adam")), "topic"),
    (json.dumps(dict(_doc(), schema=2)), "schema"),
    (json.dumps(dict(_doc(), lang="fr")), "lang"),
    (json.dumps(dict(_doc(), scenes=[])), "scenes"),
])
def test_a_bad_script_is_named_with_its_field(text, field):
    with pytest.raises(SceneError) as err:
        registry.get("sigmoid").read_script(text)
    assert str(err.value).startswith(f"script, field '{field}'"), str(err.value)


def test_a_script_reads_back_as_it_was_written():
    topic = registry.get("adam")
    script = topic.scenes("ko")
    again = topic.read_script(script.to_json())
    assert isinstance(again, Script) and again == script
