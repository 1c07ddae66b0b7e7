"""SIGTERM to the window (a logout, `kill`, a service manager) closes it as the user would:
the run stops, the settings are saved, and the process ends cleanly (issue 17, 21)."""

from __future__ import annotations

import configparser
import os
import signal
import subprocess
import sys

import pytest

# The real window (run_app), driven from inside: a larger text size, then Run; once the
# run's first step is drawn it says so on stdout, and the test sends the signal.
DRIVER = """
import sys
from PySide6.QtCore import QTimer
from dlab.ui import app, main_window

shown = main_window.MainWindow.showEvent

def show_event(self, event):
    shown(self, event)
    if getattr(self, "driven", False):
        return
    self.driven = True
    tab = self.current_tab()

    def drawn(batch):
        if batch.step >= 1 and not getattr(tab, "told", False):
            tab.told = True
            print("running", tab.runner.is_active(), flush=True)

    tab.runner.sig_snapshot.connect(drawn)
    self.zoom_in()
    tab.run_pause()

main_window.MainWindow.showEvent = show_event
app.run_app(topic="adam", lang="ko")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGTERM on Windows")
def test_sigterm_mid_run_saves_the_settings_and_exits_cleanly(tmp_path):
    settings = tmp_path / "dlab.ini"
    proc = subprocess.Popen(
        [sys.executable, "-c", DRIVER], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "DLAB_THREADS": "1",
                        "DLAB_SETTINGS": str(settings)})
    try:
        assert proc.stdout.readline().strip() == "running True"
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()

    assert proc.returncode == 128 + signal.SIGTERM, stderr
    assert "Traceback" not in stderr and "QThread" not in stderr, stderr
    ini = configparser.ConfigParser()
    ini.read(settings, encoding="utf-8")
    assert ini["General"]["lang"] == "ko"
    assert ini["General"]["last_tab"] == "adam"
    assert float(ini["General"]["zoom"]) == 1.1
    assert "lr" in ini["tabs"]["adam\\params"], "the tab's parameters are saved"
