"""Shared test set-up: offscreen Qt, private settings, one torch thread."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("DLAB_THREADS", "1")
# Runs train on the runner's thread: an engine process per tab would start torch again in
# every test. tests/ui/test_engine_process.py runs them in engine processes, as the app does.
os.environ.setdefault("DLAB_ENGINE_PROCESS", "0")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    """No test reads or writes the user's real settings."""
    path = tmp_path / "settings.ini"
    monkeypatch.setenv("DLAB_SETTINGS", str(path))
    return path
