"""An unexpected exception in a slot or in a Python thread is logged with its traceback,
shown in a non-modal dialog, and the app keeps running; Qt's own warnings are logged, its
critical messages logged and shown, a fatal one logged with the Python stacks."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from PySide6.QtCore import QTimer, qCritical, qWarning

from dlab.ui import crash
from dlab.ui.topic_tab import TopicTab


@pytest.fixture
def reporter(qapp, tmp_path):
    rep = crash.install(qapp, tmp_path / "logs")
    yield rep
    rep.uninstall()
    rep.deleteLater()


def _raise_in_slot() -> None:
    raise RuntimeError("boom in a slot 4711")


# pytest-qt would take the exception itself; here the app's own hook must see it.
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_shown_logged_and_the_app_keeps_running(qtbot, reporter):
    QTimer.singleShot(0, _raise_in_slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    box = reporter.dialog
    assert box.objectName() == crash.DIALOG_NAME
    assert "boom in a slot 4711" in box.text()
    assert "_raise_in_slot" in box.detailedText()
    assert not box.isModal()
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log
    assert "_raise_in_slot" in log and "RuntimeError: boom in a slot 4711" in log
    # The event loop still runs: a later timer fires.
    fired = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True])
    box.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_python_thread_is_shown_in_the_gui_thread(qtbot, reporter):
    def work() -> None:
        raise ValueError("thread went wrong 99")

    t = threading.Thread(target=work, name="dlab-test-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "thread went wrong 99" in reporter.dialog.text()
    assert "in thread dlab-test-worker" in reporter.log_path.read_text(encoding="utf-8")
    reporter.dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


@pytest.mark.qt_no_exception_capture
def test_a_second_error_joins_the_open_dialog(qtbot, reporter):
    QTimer.singleShot(0, _raise_in_slot)
    qtbot.waitUntil(lambda: reporter.dialog is not None)
    first = reporter.dialog
    QTimer.singleShot(0, _raise_in_slot)
    qtbot.waitUntil(lambda: first.detailedText().count("Traceback (most recent") == 2)
    assert reporter.dialog is first
    assert reporter.log_path.read_text(encoding="utf-8").count("=== ") == 2
    first.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


def test_uninstall_restores_the_previous_hooks(qapp, tmp_path):
    import sys

    before = (sys.excepthook, threading.excepthook)
    rep = crash.install(qapp, tmp_path)
    assert sys.excepthook == rep.excepthook
    rep.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
    rep.deleteLater()


# --- Qt's own messages ------------------------------------------------------------------

def test_a_qt_warning_is_logged_and_not_shown(qtbot, reporter):
    qWarning("a Qt warning 5150")
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "Qt warning: a Qt warning 5150" in log
    qtbot.wait(50)
    assert reporter.dialog is None, "a warning is no reason to interrupt the lesson"


@pytest.mark.qt_no_exception_capture
def test_a_qt_critical_message_is_logged_and_shown(qtbot, reporter):
    qCritical("a Qt critical 6502")
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "Qt critical: a Qt critical 6502" in reporter.dialog.text()
    assert "Qt critical: a Qt critical 6502" in reporter.log_path.read_text(encoding="utf-8")
    reporter.dialog.close()
    qtbot.waitUntil(lambda: reporter.dialog is None)


FATAL = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtCore import qFatal
    from dlab.ui import crash
    from dlab.ui.app import make_app

    app = make_app()
    crash.install(app, Path(sys.argv[1]))

    def deep_in_the_app():
        qFatal("a Qt fatal 8086")

    deep_in_the_app()
""")


def test_a_qt_fatal_message_is_logged_with_the_python_stacks_before_qt_aborts(tmp_path):
    out = subprocess.run([sys.executable, "-c", FATAL, str(tmp_path)], capture_output=True,
                         text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode != 0, "Qt ends the process after a fatal message"
    log = (tmp_path / crash.LOG_NAME).read_text(encoding="utf-8")
    # PySide6 hands Qt the text as a warning, then a fatal message of its own.
    assert "Qt fatal: " in log and "a Qt fatal 8086" in log, log
    assert "Python stacks at the fatal error" in log and "deep_in_the_app" in log, log


def test_uninstall_gives_qt_messages_back_to_the_previous_handler(qapp, tmp_path):
    rep = crash.install(qapp, tmp_path)
    rep.uninstall()
    qWarning("after uninstall 1234")
    assert not rep.log_path.exists()
    rep.deleteLater()


# --- in the real window, with the user's own log folder -------------------------------

@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_window_slot_is_logged_in_the_users_log_folder(
        qapp, qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    rep = crash.install(qapp)  # no folder given: the user's log folder
    assert rep.log_path == crash.default_log_dir() / crash.LOG_NAME
    assert rep.log_path.is_relative_to(tmp_path / "data")

    def broken_step(self) -> None:  # noqa: ANN001
        raise KeyError("a slot went wrong 3333")

    with monkeypatch.context() as patch:
        patch.setattr(TopicTab, "step", broken_step)
        window.a_step.trigger()  # Run → Step: a slot of the window, in the GUI thread
    try:
        qtbot.waitUntil(lambda: rep.dialog is not None and rep.dialog.isVisible())
        assert "a slot went wrong 3333" in rep.dialog.text()
        log = rep.log_path.read_text(encoding="utf-8")
        assert "broken_step" in log and "KeyError: 'a slot went wrong 3333'" in log
        window.a_step.trigger()  # the app keeps running: Step works again
        tab = window.current_tab()
        qtbot.waitUntil(lambda: tab.last_step == 1, timeout=30000)
        tab.reset()
    finally:
        rep.uninstall()
        rep.deleteLater()
