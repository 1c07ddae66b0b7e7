"""What a teacher saves, loads and exports: nothing lost without asking, messages that are
true (cleared when their cause is gone, never inside a picture), saves confirmed."""

from __future__ import annotations

import json

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog

from dlab.ui.runner import PAUSED, RUNNING
from tests.ui.conftest import pause_and_settle, set_speed, wait_state, wait_step


@pytest.fixture
def questions(monkeypatch):
    """Answers the yes/no questions with the answers queued; records what was asked."""
    asked: list[str] = []
    answers: list[bool] = []

    def ask(parent, title, question):  # noqa: ANN001, ARG001
        asked.append(question)
        return answers.pop(0)

    monkeypatch.setattr("dlab.ui.topic_tab.ask", ask)
    return asked, answers


def long_run(qtbot, tab):
    tab.set_params(tab.params().replace(epochs=1000, mode="sgd"))
    tab.run_pause()
    wait_step(qtbot, tab, 3)


def test_loading_a_file_asks_before_discarding_a_paused_run(window, qtbot, tmp_path,
                                                             questions):
    asked, answers = questions
    tab = window.current_tab()
    path = tmp_path / "p.json"
    window.save_params_to(str(path))
    long_run(qtbot, tab)
    pause_and_settle(qtbot, tab)
    step = tab.last_step
    answers.append(False)
    assert not window.load_params_from(str(path))
    assert len(asked) == 1 and f"step {step}" in asked[0]
    assert tab.runner.state == PAUSED and tab.last_step == step, "the run is kept"
    answers.append(True)
    assert window.load_params_from(str(path))
    assert tab.runner.state == "idle" and tab.params().epochs != 1000


def test_a_finished_run_is_replaced_without_a_question(window, qtbot, tmp_path, questions):
    asked, _ = questions
    tab = window.current_tab()
    path = tmp_path / "p.json"
    window.save_params_to(str(path))
    tab.set_params(tab.params().replace(epochs=1, landscape_steps=10))
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    assert window.load_params_from(str(path))
    assert asked == []
    assert tab.store.get("loss").n > 0, "its curves stay as the last run"


def test_an_extra_experiment_asks_before_ending_a_run(window, qtbot, questions):
    asked, answers = questions
    tab = window.current_tab()
    long_run(qtbot, tab)
    answers.append(False)
    tab.run_compare()
    assert len(asked) == 1 and tab.action == "run" and tab.runner.state == RUNNING
    tab.reset()


def test_a_measurement_runs_at_full_speed_and_says_what_it_is(window, qtbot):
    window.tabs_widget.setCurrentIndex([t.id for t in window.topics].index("sigmoid"))
    tab = window.current_tab()
    set_speed(tab, 2)
    tab.measure_cost()
    wait_state(qtbot, tab, "finished", timeout=20000)  # at 2 steps/s it would take > 4 s
    assert tab.status.text().startswith("Measuring the cost of exp — Finished")


def test_the_parameter_file_carries_the_seed(window, tmp_path):
    tab = window.current_tab()
    tab.seed.setValue(1234)
    path = tmp_path / "p.json"
    window.save_params_to(str(path))
    assert json.loads(path.read_text())["seed"] == 1234
    tab.seed.setValue(0)
    assert window.load_params_from(str(path))
    assert tab.seed.value() == 1234
    doc = json.loads(path.read_text())
    doc["seed"] = -3
    path.write_text(json.dumps(doc))
    assert not window.load_params_from(str(path))
    assert "seed" in tab.banner.message.text() and "from 0 to" in tab.banner.message.text()


def test_dialogs_open_in_the_last_folder_used(window, tmp_path, monkeypatch):
    seen: list[str] = []
    folder = tmp_path / "class 1"
    folder.mkdir()

    def save(parent, title, start, pattern):  # noqa: ANN001, ARG001
        seen.append(start)
        return str(folder / "mine.json"), ""

    def open_(parent, title, start, pattern):  # noqa: ANN001, ARG001
        seen.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", open_)
    window.save_params_dialog()
    window.load_params_dialog()
    window.export_csv_dialog()
    assert seen[1] == str(folder)
    assert seen[2] == str(folder / "gradient-descent.csv")


def _unwritable_folder(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return folder
    (folder / "probe").unlink()
    return "/sys"  # for root, whom modes do not stop: a folder the kernel keeps


@pytest.mark.parametrize("kind", ["png", "csv"])
def test_a_failed_export_names_folder_and_reason_then_a_good_one_clears_it(
        window, tmp_path, monkeypatch, kind):
    tab = window.current_tab()
    bad = _unwritable_folder(tmp_path)
    target = [f"{bad}/t.{kind}"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target[0], ""))
    export = window.export_png_dialog if kind == "png" else window.export_csv_dialog
    export()
    text = tab.banner.message.text()
    assert tab.banner.isVisible()
    assert f"t.{kind}" in text and str(bad) in text and ".tmp" not in text
    assert "ermission" in text or "ead-only" in text, text  # the system's reason
    target[0] = str(tmp_path / f"good.{kind}")
    export()
    assert not tab.banner.isVisible(), "the cause is gone, so is the message"
    assert window.statusBar().currentMessage() == f"Saved {target[0]}"


def test_an_exported_picture_holds_no_banner(window, tmp_path):
    tab = window.current_tab()
    window.resize(1200, 800)
    window.export_png_to(str(tmp_path / "clean.png"))
    tab.banner.show_error("x " * 200)
    window.export_png_to(str(tmp_path / "with-banner.png"))
    assert tab.banner.isVisible(), "the message stays on the screen"
    clean, other = QImage(str(tmp_path / "clean.png")), QImage(str(tmp_path / "with-banner.png"))
    assert clean.size() == other.size() and clean == other


def test_a_load_error_is_cleared_by_a_later_good_load(window, tmp_path):
    tab = window.current_tab()
    good = tmp_path / "good.json"
    window.save_params_to(str(good))
    assert not window.load_params_from(str(tmp_path / "missing.json"))
    assert tab.banner.isVisible()
    assert window.load_params_from(str(good))
    assert not tab.banner.isVisible()
    assert window.statusBar().currentMessage() == f"Loaded {good}"

