"""`dlab scenes`, `dlab shot --scene K`, `shot --presentation` and `dlab --lesson FILE` as a user
runs them."""

from __future__ import annotations

import json

from dlab import registry
from tests.e2e.test_cli import dlab


def test_scenes_lists_index_title_params_steps():
    script = registry.get("sigmoid").scenes("en")
    out = dlab("scenes", "sigmoid")
    assert out.returncode == 0, out.stderr
    for k, scene in enumerate(script.scenes, 1):
        assert f"{k}. {scene.title}" in out.stdout
        assert f"{scene.steps} steps" in out.stdout
    assert "depth=3" in out.stdout
    doc = json.loads(dlab("scenes", "sigmoid", "--lang", "ko", "--json").stdout)
    assert doc["lang"] == "ko" and [s["index"] for s in doc["scenes"]] == list(
        range(1, len(script) + 1))
    assert doc["scenes"][1]["params"] == {"depth": 3}


def test_scenes_of_an_unknown_topic_or_scene_is_a_usage_error(tmp_path):
    out = dlab("scenes", "nope")
    assert out.returncode == 2 and "unknown topic 'nope'" in out.stderr
    out = dlab("shot", "sigmoid", str(tmp_path / "x.png"), "--scene", "99")
    assert out.returncode == 2 and "--scene 99: sigmoid has scenes 1 to" in out.stderr
    assert not (tmp_path / "x.png").exists()


def test_shot_of_a_scene_shows_its_narration(tmp_path):
    from PySide6.QtGui import QImage

    png = tmp_path / "scene.png"
    out = dlab("shot", "adam", str(png), "--scene", "4", "--size", "1280x800")
    assert out.returncode == 0, out.stderr
    assert QImage(str(png)).width() == 1280


def test_lesson_that_does_not_validate_names_scene_and_field(tmp_path):
    doc = json.loads(registry.get("adam").scenes_path("en").read_text(encoding="utf-8"))
    doc["scenes"][1]["steps"] = -5
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = dlab("--lesson", str(path))
    assert out.returncode == 2
    assert "scene 2 “One learning rate for all”, field 'steps'" in out.stderr, out.stderr


def test_shot_in_presentation_mode(tmp_path):
    from PySide6.QtGui import QImage

    png = tmp_path / "present.png"
    out = dlab("shot", "sigmoid", str(png), "--presentation", "--scene", "1", "--steps", "5",
               "--size", "1920x1080", "--lang", "ko")
    assert out.returncode == 0, out.stderr
    assert (QImage(str(png)).width(), QImage(str(png)).height()) == (1920, 1080)
