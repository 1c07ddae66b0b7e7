"""Launch to the first painted window: dlab, and a bare PySide6 + pyqtgraph window with one
plot launched the same way on the same machine at the same time (the yardstick)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

# The yardstick: the least a PySide6 + pyqtgraph program does before its first paint.
BARE_WINDOW = r"""
import os, sys, time
t_launch = float(os.environ["DLAB_LAUNCH_T"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
import pyqtgraph as pg

app = QApplication(sys.argv)
window = QMainWindow()
plot = pg.PlotWidget()
plot.plot([0.0, 1.0, 2.0], [0.0, 1.0, 4.0])
window.setCentralWidget(plot)
window.resize(1280, 800)


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
            self.done = True
            print(f"first-paint {time.time() - t_launch:.4f} torch-imported=False", flush=True)
            QTimer.singleShot(0, window.close)
        return False


spy = FirstPaint(window)
plot.viewport().installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""


def bare_command() -> list[str]:
    return [sys.executable, "-c", BARE_WINDOW]


def startup_commands() -> list[tuple[str, list[str]]]:
    """How to launch dlab: this program itself, and the built bundle when there is one."""
    if getattr(sys, "frozen", False):  # running from the bundle: it takes no `-m`
        return [("bundle", [sys.executable])]
    out = [("source", [sys.executable, "-m", "dlab"])]
    bundle = Path(__file__).resolve().parents[2] / "dist" / "dlab" / "dlab"
    if bundle.exists():
        out.append(("bundle", [str(bundle)]))
    return out


def first_paint(cmd: Sequence[str]) -> tuple[float, bool]:
    """Seconds from launching ``cmd`` to its first painted window, and whether torch was
    imported by then. ``cmd`` reports it on stdout (DLAB_STARTUP_PROBE, app.run_app)."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DLAB_STARTUP_PROBE": "1",
               "DLAB_SETTINGS": os.path.join(tmp, "s.ini"),
               "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
        # Launched as a user's Python launches it, which keeps the bytecode it compiles
        # (the bundle and pip-installed packages ship theirs). With this set (CI images and
        # sandboxes set it), every launch compiled dlab's sixty modules from source again:
        # a third of what dlab's launch did beyond the bare window's.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["DLAB_LAUNCH_T"] = repr(time.time())
        out = subprocess.run(list(cmd), env=env, capture_output=True, text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("first-paint")), None)
    if line is None:
        raise RuntimeError(f"no first paint reported by {cmd[:2]}: {out.stderr[-500:]}")
    _, seconds, flag = line.split()
    return float(seconds), flag.endswith("True")


def measure_startup(cmd: Sequence[str], runs: int = 3) -> tuple[float, bool]:
    """Median seconds from launching ``cmd`` to its first painted window, and whether torch
    was imported by then in any launch. ``cmd`` is `python -m dlab` or the bundle."""
    results = [first_paint(cmd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), any(r[1] for r in results)


def compare_startup(cmd: Sequence[str], runs: int = 5) -> tuple[float, float, bool]:
    """Medians of dlab's and the bare window's first paint, launched in turns so that both
    meet the same load: (dlab s, bare s, torch imported before dlab's first paint)."""
    ours, bare, torch_seen = [], [], False
    first_paint(cmd)  # the first launch fills the disk cache and writes bytecode: not counted
    first_paint(bare_command())
    for _ in range(runs):
        seconds, seen = first_paint(cmd)
        ours.append(seconds)
        torch_seen |= seen
        bare.append(first_paint(bare_command())[0])
    return statistics.median(ours), statistics.median(bare), torch_seen
