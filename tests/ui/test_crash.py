"""An unexpected exception in a slot or in a Python thread is logged with its traceback,
shown in a non-modal dialog, and the app keeps running."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer

from dlab.ui import crash


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
