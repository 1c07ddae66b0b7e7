"""Unexpected exceptions: logged to a file and shown in a dialog; the app keeps running.

``install()`` replaces ``sys.excepthook`` (PySide6 reports an exception raised in a slot or
a Qt virtual method through it), ``threading.excepthook`` (an uncaught exception in a
Python thread) and Qt's message handler (Qt's own warnings and errors). All hand what they
report to one ``CrashReporter`` living in the GUI thread through a queued signal, so a
widget is never made in another thread. The dialog is non-modal: it never blocks the
event loop, and a test finds it by its object name.

Qt's warnings are logged; its critical messages are logged and shown; a fatal one is
logged with the Python stack of every thread before Qt ends the process (nothing can be
shown then: Qt aborts as soon as the handler returns).
"""

from __future__ import annotations

import datetime
import faulthandler
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QStandardPaths,
    Qt,
    QtMsgType,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QMessageBox

from dlab.ui.app import NOISE
from dlab.ui.i18n import translate

DIALOG_NAME = "dlab-crash-dialog"
LOG_NAME = "dlab-errors.log"


def default_log_dir() -> Path:
    """The user's log folder: <AppLocalDataLocation>/logs."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(base or Path.home() / ".dlab") / "logs"


class CrashReporter(QObject):
    """Writes each reported traceback to ``log_path`` and shows it in one dialog."""

    reported = Signal(str, str)  # (one-line summary, full traceback), from any thread

    def __init__(self, log_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_dir / LOG_NAME
        self.dialog: QMessageBox | None = None
        self._previous: tuple = ()
        self._previous_qt: object = None  # Qt's handler before ours (None: Qt's default)
        self._lock = threading.Lock()  # Qt may report from several threads at once
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)

    # -- hooks (may run in any thread) -------------------------------------------------

    def excepthook(self, typ: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(typ, KeyboardInterrupt):  # Ctrl+C in a terminal still quits
            sys.__excepthook__(typ, value, tb)
            return
        self.report(typ, value, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        where = f" in thread {args.thread.name}" if args.thread is not None else ""
        self.report(args.exc_type, args.exc_value, args.exc_traceback, where)

    def qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        """Qt's message handler: warnings logged, critical messages logged and shown, a
        fatal one logged with every thread's Python stack (Qt then aborts)."""
        if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) \
                and message not in NOISE:
            kind = {QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical",
                    QtMsgType.QtFatalMsg: "fatal"}[mode]
            where = f" ({context.file}:{context.line})" if context.file else ""
            summary = f"Qt {kind}: {message}"
            self._log(summary, f"{summary}{where}\n")
            if mode == QtMsgType.QtCriticalMsg:
                self.reported.emit(summary, summary + where)
            elif mode == QtMsgType.QtFatalMsg:
                self._log_stacks()
        if callable(self._previous_qt):  # where it went before: the terminal, pytest-qt
            self._previous_qt(mode, context, message)
        elif message not in NOISE:
            print(message, file=sys.stderr)

    def _log_stacks(self) -> None:
        """Every thread's Python stack, appended to the log (the process is ending)."""
        try:
            with self._lock, self.log_path.open("a", encoding="utf-8") as f:
                f.write("Python stacks at the fatal error:\n")
                f.flush()
                faulthandler.dump_traceback(f, all_threads=True)
                f.write("\n")
        except OSError:
            pass

    def report(self, typ: type[BaseException], value: BaseException | None,
               tb: TracebackType | None, where: str = "") -> None:
        text = "".join(traceback.format_exception(typ, value, tb))
        summary = "".join(traceback.format_exception_only(typ, value)).strip()
        self._log(f"{summary}{where}", text)
        print(text, file=sys.stderr, end="")
        self.reported.emit(summary, text)

    def _log(self, summary: str, text: str) -> None:
        stamp = datetime.datetime.now().isoformat(timespec="seconds")
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self._lock, self.log_path.open("a", encoding="utf-8") as f:
                f.write(f"=== {stamp} {summary}\n{text}\n")
        except OSError as exc:  # a read-only home must not turn one error into two
            print(f"dlab: could not write {self.log_path}: {exc}", file=sys.stderr)

    # -- GUI thread ---------------------------------------------------------------------

    @Slot(str, str)
    def _show(self, summary: str, text: str) -> None:
        if self.dialog is not None:  # one dialog: later errors are added to it
            self.dialog.setDetailedText(self.dialog.detailedText() + "\n" + text)
            return
        box = QMessageBox(QMessageBox.Icon.Critical,
                          translate("CrashDialog", "Unexpected error"),
                          translate("CrashDialog", "Something went wrong: {0}").format(summary))
        box.setObjectName(DIALOG_NAME)
        box.setInformativeText(translate(
            "CrashDialog", "dlab keeps running. The details below were saved to {0}.").format(
            self.log_path))
        box.setDetailedText(text)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._closed)
        self.dialog = box
        box.show()

    @Slot()
    def _closed(self) -> None:
        self.dialog = None

    # -- installing -----------------------------------------------------------------------

    def install(self) -> None:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook
        self._previous_qt = qInstallMessageHandler(self.qt_message)

    def uninstall(self) -> None:
        if self._previous:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = ()
            qInstallMessageHandler(self._previous_qt)
            self._previous_qt = None
        if self.dialog is not None:
            self.dialog.close()


def install(app: QObject, log_dir: Path | None = None) -> CrashReporter:
    """Catch every unexpected exception from now on; the reporter is a child of ``app``."""
    reporter = CrashReporter(log_dir or default_log_dir(), app)
    reporter.install()
    return reporter

