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
# its first paint and once the event loop has run on, what was imported, how many data
# points the first tab shows and how often each of its plots was resized before the paint.
LAUNCH = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from dlab.ui import app
from dlab.ui.plots import PlotBase, SurfaceView

windows, seen, resizes = [], {}, {}
original_after = app.after_first_paint
resized = PlotBase.resizeEvent

def count_resize(self, event):
    if event is not None and not seen:  # pyqtgraph calls it with None as it builds a plot
        resizes[id(self)] = resizes.get(id(self), 0) + 1
    return resized(self, event)

PlotBase.resizeEvent = count_resize

def points():
    return POINTS(windows[0].current_tab())

def isolines():  # the lines between a loss surface's bands, of every surface in the tab
    views = windows[0].current_tab().findChildren(SurfaceView)
    return sum(len(v.isolines.xData) for v in views if v.isolines.xData is not None)

class AtPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.update(random_at_paint="numpy.random" in sys.modules,
                        points_at_paint=points(), resizes_at_paint=sorted(resizes.values()),
                        isolines_at_paint=isolines())
        return False

def after_first_paint(window, then):
    windows.append(window)
    window.tabs_widget.installEventFilter(AtPaint(window))

    def report(at, torch_imported):
        def later():
            seen.update(torch_at_paint=torch_imported, points_after=points(),
                        isolines_after=isolines())
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


def launch(tmp_path, topic: str) -> dict:
    """What LAUNCH saw of ``topic``'s window, launched as `dlab --topic TOPIC`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLAB_ENGINE_PROCESS": "0",
           "DLAB_SETTINGS": str(tmp_path / "s.ini")}
    points = PREVIEWS.get(topic, ("lambda tab: 0", 0))[0]
    script = f"POINTS = {points}\nTOPIC = {topic!r}\n" + LAUNCH
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                          text=True, timeout=120)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("{")), None)
    assert line is not None, done.stderr[-2000:]
    return json.loads(line)


@pytest.mark.parametrize("topic", PREVIEWS)
def test_the_first_paint_waits_for_no_random_numbers(tmp_path, topic):
    """Gradient descent's tab shows its data set before a run, made by numpy's random
    generator: importing `numpy.random` (and, for its seeds, `secrets`, `hashlib` and
    OpenSSL) for it came before the first paint, 11 ms of the 434 ms of CPU to it at load
    4 (the bare window's: 365). Launched, the points now come right after the first paint
    (windows made in tests or by `dlab shot` show them at once, as before)."""
    seen = launch(tmp_path, topic)
    expected = PREVIEWS[topic][1]
    assert not seen["torch_at_paint"] and not seen["random_at_paint"], seen
    assert seen["points_at_paint"] == 0, seen
    assert seen["points_after"] == expected, seen


@pytest.mark.parametrize(("topic", "plots"), [("gradient-descent", 4), ("cnn", 7)])
def test_the_first_tab_is_laid_out_once_before_the_first_paint(tmp_path, topic, plots):
    """Shown before it was laid out, the window laid out its first tab at a default size,
    at the tab widget's (which places its pages only in its showEvent), at the window's and
    at the window's once fitted to its screen (the offscreen screen is 800×800, smaller
    than the window): each of gradient descent's four plots was resized 4 times before the
    first paint, a third of the CPU time `show()` took; the CNN's plots in its own tabs
    once more. Laid out and fitted before it shows, each plot is resized once."""
    seen = launch(tmp_path, topic)
    assert seen["resizes_at_paint"] == [1] * plots, seen


def test_the_loss_surface_is_traced_right_after_the_first_paint(tmp_path):
    """The loss surface's isolines (14 levels of marching squares over a 160×160 grid) took
    7 ms of CPU before the first paint; its bands are painted first, the lines follow in
    the next turn of the event loop (windows made in tests or by `dlab shot` draw them at
    once, as before)."""
    seen = launch(tmp_path, "gradient-descent")
    assert seen["isolines_at_paint"] == 0, seen
    assert seen["isolines_after"] > 1000, seen
