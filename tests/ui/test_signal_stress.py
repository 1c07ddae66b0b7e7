"""Guards the PySide6 pin: 6.12.0 aborts Python when a worker QThread emits signals to a
GUI-thread object. Tens of thousands of payload-carrying emissions must arrive intact."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

    N = 30000

    class Worker(QObject):
        number = Signal(int)
        payload = Signal(object)
        text = Signal(str, float)
        done = Signal()

        @Slot()
        def run(self):
            for i in range(N):
                self.number.emit(i)
                self.payload.emit({"i": i, "xs": [i, i + 1.5], "ok": True, "none": None})
                self.text.emit(f"s{i}", i * 0.5)
            self.done.emit()

    class Sink(QObject):
        def __init__(self):
            super().__init__()
            self.n = self.p = self.t = 0
            self.bad = 0

        @Slot(int)
        def on_number(self, i):
            self.bad += i != self.n
            self.n += 1

        @Slot(object)
        def on_payload(self, d):
            self.bad += d["xs"][1] != d["i"] + 1.5 or d["ok"] is not True
            self.p += 1

        @Slot(str, float)
        def on_text(self, s, f):
            self.t += 1

        @Slot()
        def on_done(self):
            QTimer.singleShot(200, app.quit)

    app = QCoreApplication([])
    thread = QThread()
    worker, sink = Worker(), Sink()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    worker.number.connect(sink.on_number)
    worker.payload.connect(sink.on_payload)
    worker.text.connect(sink.on_text)
    worker.done.connect(sink.on_done)
    thread.start()
    app.exec()
    thread.quit()
    thread.wait()
    print(sink.n, sink.p, sink.t, sink.bad)
    sys.exit(0 if (sink.n, sink.p, sink.t, sink.bad) == (N, N, N, 0) else 1)
""")


def test_cross_thread_signals_survive_tens_of_thousands_of_emissions():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=300, env={"QT_QPA_PLATFORM": "offscreen", "PATH": ""})
    assert out.returncode == 0, (
        "cross-thread signals failed (PySide6 6.12.0 aborts here; keep PySide6 < 6.12):\n"
        f"rc={out.returncode}\n{out.stdout}\n{out.stderr[-2000:]}")
    assert out.stdout.split() == ["30000", "30000", "30000", "0"]
