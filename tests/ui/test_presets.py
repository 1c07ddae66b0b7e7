"""Teacher presets: a preset hides and locks controls; what it hides stays hidden after a
language switch, a scene and a restart, until it is cleared from the menu. A preset that
does not validate is refused with a message naming the topic and the field."""

from __future__ import annotations

import json

import pytest

from dlab import registry
from dlab.core.presets import PresetError
from dlab.ui.main_window import MainWindow

PRESET = {"schema": 1, "title": "Only the depth",
          "topics": {"sigmoid": {"params": {"depth": 4}, "hidden": ["width", "lr"],
                                 "locked": ["activation"]}}}


def shown(tab) -> set[str]:
    return {n for n, ed in tab.form.editors.items() if ed.isVisibleTo(tab)}


def sigmoid_tab(window):
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))
    return window.current_tab()


def test_a_hidden_control_stays_hidden_until_cleared(qtbot, tmp_path):
    path = tmp_path / "preset.json"
    path.write_text(json.dumps(PRESET), encoding="utf-8")
    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    tab = sigmoid_tab(w)
    every = set(tab.form.editors)
    assert shown(tab) == every
    assert w.open_preset(str(path))
    assert shown(tab) == every - {"width", "lr"}
    assert not tab.form.editors["activation"].isEnabled()
    assert tab.params().depth == 4
    w.set_language("ko")
    assert shown(tab) == every - {"width", "lr"}
    tab.show_scene(0)  # a scene shows its controls, never one the preset hides
    assert shown(tab) <= every - {"width", "lr"}
    tab.runner.stop()
    w.close()

    again = MainWindow(lang="en")  # a restart: the same settings file
    qtbot.addWidget(again)
    tab = sigmoid_tab(again)
    assert shown(tab) == every - {"width", "lr"}
    assert not tab.form.editors["activation"].isEnabled()
    assert again.a_clear_preset.isEnabled()
    again.a_clear_preset.trigger()
    assert shown(tab) == every and tab.form.editors["activation"].isEnabled()
    again.close()

    third = MainWindow(lang="en")
    qtbot.addWidget(third)
    assert shown(sigmoid_tab(third)) == every, "cleared stays cleared"
    third.close()


@pytest.mark.parametrize(("change", "start"), [
    ({"topics": {"nope": {}}}, "topic 'nope', field 'topics': unknown topic 'nope'"),
    ({"topics": {"sigmoid": {"hidden": ["speed"]}}},
     "topic 'sigmoid', field 'hidden': 'speed' is not a parameter"),
    ({"topics": {"sigmoid": {"params": {"depth": 0}}}},
     "topic 'sigmoid', field 'params.depth': 0 is out of range"),
    ({"topics": {"sigmoid": {"colour": 1}}}, "topic 'sigmoid', field 'colour': unknown field"),
    ({"schema": 9}, "preset, field 'schema'"),
])
def test_a_bad_preset_names_topic_and_field(change, start):
    with pytest.raises(PresetError) as err:
        registry.read_preset(json.dumps({**PRESET, **change}))
    assert str(err.value).startswith(start), str(err.value)


def test_a_bad_preset_file_changes_nothing(window, tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({**PRESET, "topics": {"sigmoid": {"locked": ["x"]}}}),
                    encoding="utf-8")
    tab = window.current_tab()
    assert not window.open_preset(str(path))
    assert "field 'locked'" in tab.banner.message.text()
    assert window.preset is None and not window.a_clear_preset.isEnabled()
