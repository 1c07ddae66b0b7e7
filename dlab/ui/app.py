"""Starting the window. The window paints before torch is imported; torch is then
warmed up in the background so the first Run does not wait for it."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable

from dlab.core.resources import resource

# Qt messages that say nothing to a user: the offscreen platform (dlab shot) reports that
# it cannot pass size hints to a window manager it does not have.
NOISE = ("This plugin does not support propagateSizeHints()",)
_quiet = False


def quiet_qt_noise() -> None:
    """Drop Qt's NOISE messages; every other message goes where it went before."""
    global _quiet
    if _quiet:
        return
    _quiet = True
    from PySide6.QtCore import qInstallMessageHandler

    previous = None

    def handler(mode, context, message: str) -> None:  # noqa: ANN001
        if message in NOISE:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)


def make_app():  # noqa: ANN201
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from dlab.ui.fonts import register_fonts
    from dlab.ui.gui_gc import collect_in_gui_thread

    quiet_qt_noise()

    # The GUI and a runner share the GIL: a short switch interval lets the thread that
    # waits for it in pure Python get it back sooner (the default is 5 ms).
    sys.setswitchinterval(0.001)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("dlab")
    app.setOrganizationName("dlab")
    icon = resource("icons", "dlab.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    register_fonts(app)
    collect_in_gui_thread(app)  # never destroy Qt objects from a runner's thread
    return app


def quit_on_signal(app, signum: int = signal.SIGTERM) -> list[int]:  # noqa: ANN001
    """On ``signum`` (a logout, `kill`, a service manager) close every window as the user
    would: runs stop and the settings are saved. Returns the list the signals received are
    appended to.

    Python runs a signal handler only when the interpreter next gets control, which Qt's
    event loop does not give it: the signal also wakes a socket that Qt watches."""
    from PySide6.QtCore import QSocketNotifier, QTimer

    received: list[int] = []
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def drain() -> None:  # the Python handler has run by now; empty the socket
        with contextlib.suppress(OSError):
            reader.recv(64)

    def close_all() -> None:
        app.closeAllWindows()
        app.quit()

    def handler(sig: int, frame) -> None:  # noqa: ANN001, ARG001
        received.append(sig)
        QTimer.singleShot(0, close_all)  # from the event loop, not inside a drawing slot

    notifier.activated.connect(drain)
    signal.signal(signum, handler)
    app._dlab_signal_pipe = (reader, writer, notifier)  # kept as long as the app lives
    return received


def leave(rc: int) -> None:
    """End the process now. The window is closed, the settings saved and every file
    written atomically; what is left is the interpreter's teardown of torch and Qt, which
    takes seconds (5 s measured on a busy 2-core machine): skip it."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(rc)


def _warm_up() -> None:
    import torch  # noqa: F401  (the import itself is the work)


def run_app(topic: str | None = None, lang: str | None = None,
            lesson: str | None = None, presentation: bool = False,
            preset: str | None = None) -> int:
    """Open the window; 2 with one line on stderr when it cannot open here."""
    t_launch = float(os.environ.get("DLAB_LAUNCH_T", time.time()))
    from dlab.ui.display_check import display_problem

    problem = display_problem()
    if problem:  # before Qt, which would print a plugin error and abort
        print(f"dlab: error: {problem}", file=sys.stderr)
        return 2
    app = make_app()
    from dlab.ui import crash, first_paint
    from dlab.ui.main_window import MainWindow

    crash.install(app)  # an unexpected exception is shown and logged; the window stays
    terminated = quit_on_signal(app)

    first_paint.hold()  # what can wait for the first paint (after_first_paint releases it)
    window = MainWindow(topic=topic, lang=lang)
    window.process_ends_after_close = True  # leave() follows app.exec()
    window.show()
    if lesson is not None:
        window.open_lesson(lesson)
    if preset is not None:
        window.open_preset(preset)
    if presentation:
        window.set_presentation(True)
    if os.environ.get("DLAB_STARTUP_PROBE"):  # `dlab bench`: report the first paint, quit

        def report(painted_at: float, torch_imported: bool) -> None:
            print(f"first-paint {painted_at - t_launch:.4f} "
                  f"torch-imported={torch_imported}", flush=True)
            window.close()

        after_first_paint(window, report)
    else:
        after_first_paint(window, lambda _at, _torch: _start_engines())
    try:
        rc = app.exec()
    finally:
        from dlab.core import engine_process

        engine_process.end_all()
    leave(128 + terminated[0] if terminated else rc)  # 143 after SIGTERM, as a shell says
    return rc  # not reached


def after_first_paint(window, then: Callable[[float, bool], None]) -> None:  # noqa: ANN001
    """Call ``then(time.time() at the first paint, whether torch was imported by then)``
    once, from the event loop, after ``window`` first paints. A timer of 0 ms would fire
    before the paint on an X server (its expose event comes later): starting the spare
    engine process there held the first paint back 50 to 70 ms."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from dlab.ui import first_paint

    class FirstPaint(QObject):
        def eventFilter(self, obj, event) -> bool:  # noqa: N802, ANN001 (Qt's names)
            if event.type() == QEvent.Type.Paint:
                window.tabs_widget.removeEventFilter(self)
                at, torch_imported = time.time(), "torch" in sys.modules
                QTimer.singleShot(0, lambda: (first_paint.release(), then(at, torch_imported)))
            return False

    window.tabs_widget.installEventFilter(FirstPaint(window))
    window.update()


def _start_engines() -> None:
    """After the first paint: an engine process to train in (Run need not wait for torch),
    or torch itself when engines train in this process (DLAB_ENGINE_PROCESS=0)."""
    from dlab.ui.runner import processes_wanted

    if processes_wanted():
        from dlab.core import engine_process

        engine_process.prestart()
    else:
        threading.Thread(target=_warm_up, name="dlab-torch-warm-up", daemon=True).start()
