"""Guided scenes in the window: Page Down walks a whole script, each scene sets its
parameters and controls, runs its steps and shows its narration; a broken script file is
refused with a message naming the scene and the field, and nothing else changes."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from dlab import registry
from dlab.core.scenes import scene_params
from tests.ui.conftest import wait_state

DONE = ("finished", "diverged")


def open_topic(window, topic_id):
    window.tabs_widget.setCurrentIndex(registry.ids().index(topic_id))
    return window.current_tab()


def test_page_down_walks_the_whole_script(window, qtbot):
    tab = open_topic(window, "sigmoid")
    script = registry.get("sigmoid").scenes("en")
    assert tab.scene_panel.isVisibleTo(tab) and tab.scene_index == -1
    for k, scene in enumerate(script.scenes):
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
        assert tab.scene_index == k
        wait_state(qtbot, tab, *DONE, timeout=30000)
        assert tab.params() == scene_params(tab.params_cls, scene)
        assert tab.last_step == scene.steps, "the scene ran exactly its steps"
        assert tab.scene_panel.narration.text() == scene.narration
        assert f"{k + 1} / {len(script)}" in tab.scene_panel.heading.text()
        shown = {name for name in tab.form.editors if tab.form.is_shown(name)}
        assert shown == set(scene.controls), "only the scene's controls are shown"
        assert all(tab.form.editors[n].isVisibleTo(tab) == (n in shown)
                   for n in tab.form.editors)
    assert not tab.scene_panel.next_btn.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # past the end: nothing happens
    assert tab.scene_index == len(script) - 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert tab.scene_index == len(script) - 2
    wait_state(qtbot, tab, *DONE, timeout=30000)
    window.set_language("ko")  # the same scene, now narrated in Korean
    ko = registry.get("sigmoid").scenes("ko").scenes[len(script) - 2]
    assert tab.scene_index == len(script) - 2
    assert tab.scene_panel.narration.text() == ko.narration


def test_a_broken_lesson_is_named_and_changes_nothing(window, qtbot, tmp_path):
    tab = open_topic(window, "sigmoid")
    doc = json.loads(registry.get("sigmoid").scenes_path("en").read_text(encoding="utf-8"))
    doc["scenes"][2]["params"]["depth"] = 50
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    before = (tab.script, tab.params())
    assert not window.open_lesson(str(path))
    message = tab.banner.message.text()
    assert "scene 3" in message and "params.depth" in message and "2 to 20" in message
    assert (tab.script, tab.params()) == before


def test_a_teachers_scene_is_saved_and_opened_again(window, qtbot, tmp_path):
    tab = open_topic(window, "adam")
    tab.set_params(tab.params().replace(function="saddle", lr=0.02, own_lr=False))
    tab.capture_scene("My saddle", "Start near the ridge. Watch who escapes.")
    assert tab.scene_index == len(tab.script) - 1
    path = tmp_path / "mine.lesson.json"
    window.save_lesson_to(str(path))
    window.tabs_widget.setCurrentIndex(0)
    assert window.open_lesson(str(path))
    tab2 = window.current_tab()
    assert tab2 is tab and tab.script.scenes[-1].params == {
        "function": "saddle", "lr": 0.02, "own_lr": False}
    tab.show_scene(len(tab.script) - 1)
    wait_state(qtbot, tab, *DONE, timeout=30000)
    assert tab.params().function == "saddle"
    window.set_language("ko")  # a script from a file is kept as it is
    assert tab.script.scenes[-1].title == "My saddle"
