"""The window restored from saved settings fits the screen it opens on (a teacher's laptop
at 1920×1080 one day, a 1280×800 projector without a window manager the next)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

# Runs in a child process: the offscreen platform takes its screens from a file, and a
# process keeps the screens it started with.
CHILD = r"""
import json, sys
from dlab.ui.app import make_app
from dlab.ui.main_window import MainWindow

app = make_app()
w = MainWindow(topic="sigmoid", lang="en")
if sys.argv[1] == "save":
    x, y, width, height = map(int, sys.argv[2:])
    w.setGeometry(x, y, width, height)
    w.show()
    app.processEvents()
    w.close()
else:
    w.show()
    app.processEvents()
    area = w.screen().availableGeometry()
    print(json.dumps({"frame": w.frameGeometry().getRect(), "area": area.getRect(),
                      "minimum": [w.minimumSizeHint().width(), w.minimumSizeHint().height()]}))
    w.close()
"""


def screens_file(tmp_path, name, *screens):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps({"screens": [
        {"name": f"screen{i}", "x": x, "y": y, "width": w, "height": h,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
        for i, (x, y, w, h) in enumerate(screens)]}))
    return path


def child(tmp_path, screens, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screens}",
           "DLAB_SETTINGS": str(tmp_path / "settings.ini"), "DLAB_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", CHILD, *args], env=env, capture_output=True,
                          text=True, timeout=300, check=True)
    return done.stdout


@pytest.mark.parametrize("saved_on, saved_at", [
    # the whole of a 1920×1080 screen
    ([(0, 0, 1920, 1080)], (0, 0, 1920, 1080)),
    # a second screen to the right, no longer attached
    ([(0, 0, 1920, 1080), (1920, 0, 1920, 1080)], (2100, 150, 1500, 900)),
], ids=["bigger-screen", "screen-gone"])
def test_saved_geometry_is_fitted_into_a_smaller_screen(tmp_path, saved_on, saved_at):
    child(tmp_path, screens_file(tmp_path, "before", *saved_on), "save", *map(str, saved_at))
    assert "geometry" in (tmp_path / "settings.ini").read_text()
    out = json.loads(child(tmp_path, screens_file(tmp_path, "after", (0, 0, 1280, 800)),
                           "report"))
    x, y, width, height = out["frame"]
    ax, ay, aw, ah = out["area"]
    assert (aw, ah) == (1280, 800)
    assert out["minimum"][0] <= aw and out["minimum"][1] <= ah, "the window can fit at all"
    assert ax <= x and ay <= y and x + width <= ax + aw and y + height <= ay + ah, \
        f"window {out['frame']} outside the screen's area {out['area']}"


def test_f5_fills_the_screen_where_nothing_else_does(qtbot, monkeypatch):
    """A bare X server (no window manager) ignores a window's full-screen request: F5 on
    the Sigmoid tab changed the look but left the window its size (past a 1280×800 screen,
    the lower plots out of sight). The window is then sized to its screen, and given its
    size back by Esc. (The offscreen platform obeys full screen itself: its request is made
    a no-op here, as on a bare X server.)"""
    from PySide6.QtCore import Qt

    from dlab.ui.main_window import MainWindow
    from dlab.ui.screen_fit import COVER_AFTER_MS

    w = MainWindow(topic="sigmoid", lang="en")
    qtbot.addWidget(w)
    w.resize(900, 600)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # as a click on it does: its shortcuts work
    qtbot.waitUntil(w.isActiveWindow, timeout=5000)
    normal = w.geometry()
    monkeypatch.setattr(w, "showFullScreen", lambda: None)
    monkeypatch.setattr(w, "showNormal", lambda: None)
    qtbot.keyClick(w, Qt.Key.Key_F5)
    screen = w.screen().geometry()
    # (the offscreen screen, 800×800, is narrower than the window can be: it covers it)
    qtbot.waitUntil(lambda: w.frameGeometry().contains(screen), timeout=COVER_AFTER_MS + 5000)
    assert w.a_full.isChecked() and w.a_present.isChecked()
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: w.geometry() == normal, timeout=5000)
    assert not w.a_full.isChecked()
    w.close()
