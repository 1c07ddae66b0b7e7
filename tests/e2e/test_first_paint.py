"""What a launched window does before its first paint (issue 18: launch to the first
painted window within 1.15 of a bare PySide6 + pyqtgraph window): counted in a window
launched as `dlab` launches it, imports and points, not times."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from dlab.engines.cyclegan.points import N_EVAL

# Launches the window through `dlab`'s own start (cli.main -> app.run_app) and reports, at
# its first paint and once the event loop has run on, what was imported and how many data
# points the first tab (gradient descent) shows.
LAUNCH = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from dlab.ui import app

windows, seen = [], {}
original_after = app.after_first_paint

def points():
    return POINTS(windows[0].current_tab())

class AtPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.update(random_at_paint="numpy.random" in sys.modules,
                        points_at_paint=points())
        return False

def after_first_paint(window, then):
    windows.append(window)
    window.tabs_widget.installEventFilter(AtPaint(window))

    def report(at, torch_imported):
        def later():
            seen.update(torch_at_paint=torch_imported, points_after=points())
            print(json.dumps(seen), flush=True)
            os._exit(0)
        QTimer.singleShot(50, later)

    original_after(window, report)

app.after_first_paint = after_first_paint
from dlab.cli import main
main(["--topic", TOPIC])
"""
# What each launched tab's preview shows: gradient descent's data set, CycleGAN's X.
PREVIEWS = {
    "gradient-descent": ("lambda tab: sum(len(d.data) for d in tab.boundary.dots)", 256),
    "cyclegan": ("lambda tab: len(tab.maps['G'].source.data)", N_EVAL),
}


@pytest.mark.parametrize("topic", PREVIEWS)
def test_the_first_paint_waits_for_no_random_numbers(tmp_path, topic):
    """Gradient descent's tab shows its data set before a run, made by numpy's random
    generator: importing `numpy.random` (and, for its seeds, `secrets`, `hashlib` and
    OpenSSL) for it came before the first paint, 11 ms of the 434 ms of CPU to it at load
    4 (the bare window's: 365). Launched, the points now come right after the first paint
    (windows made in tests or by `dlab shot` show them at once, as before)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLAB_ENGINE_PROCESS": "0",
           "DLAB_SETTINGS": str(tmp_path / "s.ini")}
    points, expected = PREVIEWS[topic]
    script = f"POINTS = {points}\nTOPIC = {topic!r}\n" + LAUNCH
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line is not None, done.stderr[-2000:]
    seen = json.loads(line)
    assert not seen["torch_at_paint"] and not seen["random_at_paint"], seen
    assert seen["points_at_paint"] == 0, seen
    assert seen["points_after"] == expected, seen
