"""The main window: tabs, errors, language, settings, parameter files, exports."""

from __future__ import annotations

import dataclasses
import json

from PySide6.QtCore import QSettings

from dlab import registry
from dlab.core.experiment import drive
from dlab.core.snapshot import FAILED
from dlab.engines.gradient_descent.engine import GradientDescent
from dlab.ui.main_window import MainWindow
from tests.ui.conftest import wait_state


def test_window_has_one_tab_per_topic_in_order(window):
    assert window.tabs_widget.count() == len(registry.TOPICS)
    titles = [window.tabs_widget.tabText(i) for i in range(window.tabs_widget.count())]
    for i, (title, topic) in enumerate(zip(titles, registry.TOPICS, strict=True)):
        assert title == f"{i + 1}. {topic.title}"
    assert [t.topic.id for t in window.tabs] == registry.ids()


class Exploding(GradientDescent):
    def step(self):
        if self.t == 3:
            raise RuntimeError("kaboom in the engine")
        return super().step()


def test_engine_that_raises_shows_banner_and_app_keeps_working(window, qtbot, monkeypatch):
    tab = window.current_tab()
    monkeypatch.setattr(tab, "engine_factory",
                        lambda action="run": (lambda: drive(Exploding(tab.params(), 0))))
    tab.run_pause()
    wait_state(qtbot, tab, FAILED)
    assert tab.banner.isVisible()
    assert "kaboom in the engine" in tab.banner.message.text()
    assert "RuntimeError" in tab.banner.details.toPlainText()
    assert not tab.banner.details.isVisible()
    tab.banner.details_btn.click()
    assert tab.banner.details.isVisible()
    assert tab.store.get("loss").n == 3, "what was recorded before the error is kept"
    monkeypatch.undo()
    tab.set_params(tab.params().replace(epochs=2, landscape_steps=10))
    tab.run_pause()  # the same tab runs again normally
    wait_state(qtbot, tab, "finished")
    assert not tab.banner.isVisible()
    assert tab.store.get("epoch_loss").n == 2


def test_diverged_run_says_so(window, qtbot):
    tab = window.current_tab()
    tab.set_params(tab.params().replace(mode="batch", hidden=0, lr=100.0))
    tab.run_pause()
    wait_state(qtbot, tab, "diverged")
    assert tab.banner.isVisible()
    assert "diverged at step" in tab.banner.message.text()
    assert "learning rate" in tab.banner.message.text()


def test_language_switch_changes_visible_text(window):
    tab = window.current_tab()
    assert tab.run_btn.text() == "Run"
    assert window.file_menu.title() == "&File"
    english_theory = tab.theory.toPlainText()
    window.set_language("ko")
    assert tab.run_btn.text() == "실행"
    assert window.file_menu.title() != "&File"
    assert window.tabs_widget.tabText(0) != "1. Gradient descent"
    assert tab.form.labels["lr"].text() == "학습률"
    assert tab.theory.toPlainText() != english_theory
    window.set_language("en")
    assert tab.run_btn.text() == "Run"
    assert tab.form.labels["lr"].text() == "Learning rate"


def test_settings_are_remembered(qtbot, private_settings):
    w = MainWindow(lang="ko")
    qtbot.addWidget(w)
    tab = w.current_tab()
    tab.set_params(tab.params().replace(lr=0.05, mode="sgd"))
    tab.seed.setValue(42)
    w.close()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    tab2 = w2.current_tab()
    assert (tab2.params().lr, tab2.params().mode, tab2.seed.value()) == (0.05, "sgd", 42)
    assert tab2.run_btn.text() == "실행"
    w2.close()


def test_corrupt_settings_are_ignored_with_a_warning(qtbot, private_settings, caplog):
    private_settings.write_bytes(b"\x00\xff[tabs\n===\x00garbage")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.current_tab().params() == w.current_tab().params_cls()
    w.close()
    s = QSettings(str(private_settings), QSettings.Format.IniFormat)
    s.setValue("tabs/gradient-descent/params", '{"schema": 1, "topic": "gradient-descent", '
               '"params": {"lr": "not a number"}}')
    s.setValue("tabs/gradient-descent/seed", "minus three")
    s.setValue("lang", "klingon")
    s.sync()
    w2 = MainWindow()
    qtbot.addWidget(w2)
    assert w2.current_tab().params().lr == w2.current_tab().params_cls().lr
    assert w2.current_tab().run_btn.text() == "Run"
    assert any("ignored" in r.message for r in caplog.records)
    w2.close()


def test_save_and_load_parameters(window, tmp_path):
    tab = window.current_tab()
    tab.set_params(tab.params().replace(lr=0.02, landscape="plateau"))
    path = tmp_path / "p.json"
    window.save_params_to(str(path))
    doc = json.loads(path.read_text())
    assert doc["topic"] == "gradient-descent" and doc["params"]["lr"] == 0.02
    tab.set_params(tab.params_cls())
    assert window.load_params_from(str(path))
    assert tab.params().lr == 0.02 and tab.form.editors["landscape"].value() == "plateau"
    saved = doc["params"]
    assert (tab.params().start_x, tab.params().start_y) == (saved["start_x"], saved["start_y"]), \
        "a loaded file keeps its own start (only an edit of the surface moves it)"
    path.write_text('{"schema": 1, "topic": "gradient-descent", "params": {"epochs": -4}}')
    assert not window.load_params_from(str(path))
    assert "epochs" in tab.banner.message.text() and "from 1 to 1000" in tab.banner.message.text()
    assert tab.params().lr == 0.02, "a bad file changes nothing"
    assert not window.load_params_from(str(tmp_path / "missing.json"))


def test_export_png_and_csv(window, qtbot, tmp_path):
    tab = window.current_tab()
    tab.set_params(tab.params().replace(epochs=2, landscape_steps=10))
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    window.export_png_to(str(tmp_path / "t.png"))
    assert (tmp_path / "t.png").stat().st_size > 10_000
    window.export_csv_to(str(tmp_path / "m.csv"))
    lines = (tmp_path / "m.csv").read_text().splitlines()
    assert lines[0] == "step,series,value"
    assert sum(1 for line in lines if ",loss," in line) == tab.store.get("loss").n


def test_only_the_shown_tab_is_built_at_start(qtbot):
    """Start-up builds one tab; the others are built when first shown."""
    w = MainWindow(topic=registry.ids()[-1])
    qtbot.addWidget(w)
    assert [t.topic.id for t in w.built_tabs()] == [registry.ids()[-1]]
    w.tabs_widget.setCurrentIndex(0)
    assert [t.topic.id for t in w.built_tabs()] == [registry.ids()[0], registry.ids()[-1]]
    w.close()


def test_a_topic_that_cannot_load_does_not_stop_the_others(qtbot, monkeypatch):
    broken = dataclasses.replace(registry.TOPICS[0], tab="dlab.ui.tabs.nonexistent:Nope")
    monkeypatch.setattr(registry, "TOPICS", (broken, *registry.TOPICS[1:]))
    w = MainWindow(topic=registry.TOPICS[0].id)
    qtbot.addWidget(w)
    assert w.current_tab() is None
    assert "nonexistent" in w.broken[broken.id]
    w.on_run_pause()  # nothing to run, nothing raised
    w.save_params_dialog()
    assert len(w.tabs) == len(registry.TOPICS) - 1
    w.close()


def test_every_tab_fits_a_1280_by_800_projector(qtbot):
    """The tab's own minimum size, plus room for the window's frame, menu and tab bar."""
    frame_w, chrome_h = 48, 100
    for lang in ("en", "ko"):
        w = MainWindow(lang=lang)
        qtbot.addWidget(w)
        for tab in w.tabs:
            need = tab.minimumSizeHint()
            assert need.width() + frame_w <= 1280 and need.height() + chrome_h <= 800, (
                f"{tab.topic.id} ({lang}) needs {need.width()}x{need.height()}")
        w.close()


def test_a_failed_export_is_reported_in_the_banner(window, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QFileDialog

    target = str(tmp_path / "no-such-folder" / "sub" / "m.csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (target, ""))
    monkeypatch.setattr("dlab.ui.main_window.write_atomic",
                        lambda *a: (_ for _ in ()).throw(PermissionError("read-only disk")))
    window.export_csv_dialog()
    banner = window.current_tab().banner
    assert banner.isVisible() and "read-only disk" in banner.message.text()
    assert "m.csv" in banner.message.text()
    assert str(tmp_path / "no-such-folder" / "sub") in banner.message.text()


def test_the_spare_engine_process_is_started_after_the_first_paint(qtbot):
    """run_app starts the spare engine process after the window's first paint: started
    from a 0-ms timer, it came before the paint on an X server (issue 18: launch to first
    paint), holding the window back by the time a process takes to start."""
    from PySide6.QtCore import QEvent, QObject

    from dlab.ui.app import after_first_paint
    from dlab.ui.main_window import MainWindow

    window = MainWindow(lang="en")
    qtbot.addWidget(window)
    events: list[str] = []

    class Paints(QObject):
        def eventFilter(self, obj, event):  # noqa: N802, ANN001
            if event.type() == QEvent.Type.Paint:
                events.append("paint")
            return False

    spy = Paints(window)
    window.tabs_widget.installEventFilter(spy)
    after_first_paint(window, lambda at, torch_imported: events.append("then"))
    window.show()
    qtbot.waitUntil(lambda: "then" in events, timeout=10000)
    window.tabs_widget.update()
    qtbot.waitUntil(lambda: events.count("paint") >= 2, timeout=10000)
    assert events[0] == "paint" and events.count("then") == 1, events
