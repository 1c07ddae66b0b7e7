"""Run → Device: auto, CPU or CUDA for the runs a tab starts, remembered, and CUDA offered
only where it is present."""

from __future__ import annotations

import pytest

from dlab import registry
from dlab.core import runtime
from dlab.core.snapshot import FAILED
from dlab.ui import main_window
from dlab.ui.main_window import MainWindow
from tests.ui.conftest import wait_state


def checked(w: MainWindow) -> list[str]:
    return [code for code, a in w.device_actions.items() if a.isChecked()]


def test_device_menu_offers_auto_cpu_cuda_and_starts_on_cpu(window):
    assert [a.data() for a in window.device_menu.actions()] == ["auto", "cpu", "cuda"]
    assert window.device_choice == "cpu" and checked(window) == ["cpu"]
    assert window.device_menu.menuAction() in window.run_menu.actions()


def test_the_chosen_device_goes_to_every_run_and_is_remembered(qtbot, monkeypatch):
    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    w.device_actions["auto"].trigger()
    assert w.device_choice == "auto" and checked(w) == ["auto"]
    tab = w.current_tab()
    assert tab.device() == "auto"
    asked: list[str] = []
    real_start = registry.Topic.start

    def start(self, action="run", params=None, seed=0, steps=None, pacer=None, device="cpu"):
        asked.append(device)
        return real_start(self, action, params, seed, 2, pacer, device)

    monkeypatch.setattr(registry.Topic, "start", start)
    tab.run_pause()
    wait_state(qtbot, tab, "finished")
    assert asked == ["auto"]
    w.close()
    w2 = MainWindow(lang="en")
    qtbot.addWidget(w2)
    assert w2.device_choice == "auto" and checked(w2) == ["auto"]
    w2.close()


@pytest.mark.parametrize("present", [True, False])
def test_cuda_can_be_chosen_only_where_it_is_present(window, monkeypatch, present):
    monkeypatch.setattr(main_window, "cuda_available", lambda: present)
    window.device_menu.aboutToShow.emit()
    cuda = window.device_actions["cuda"]
    assert cuda.isEnabled() is present
    assert (cuda.toolTip() == "No CUDA device on this computer") is not present


def test_cuda_remembered_from_another_computer(qtbot, private_settings, monkeypatch):
    """Chosen where CUDA was, then opened where it is not: Run says why it cannot start,
    and the Device menu moves the choice back to the CPU."""
    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    w.set_device("cuda")
    w.close()
    monkeypatch.setattr(runtime, "cuda_available", lambda: False)
    monkeypatch.setattr(main_window, "cuda_available", lambda: False)
    w2 = MainWindow(lang="en")
    qtbot.addWidget(w2)
    assert w2.device_choice == "cuda"
    tab = w2.current_tab()
    tab.run_pause()
    wait_state(qtbot, tab, FAILED)
    assert "no CUDA device is available here" in tab.banner.message.text()
    w2.device_menu.aboutToShow.emit()
    assert w2.device_choice == "cpu" and checked(w2) == ["cpu"]
    assert not w2.device_actions["cuda"].isEnabled()
    w2.close()


def test_dlab_bench_device_cuda_runs_the_window_and_headless_on_the_device(qtbot, monkeypatch):
    """`dlab bench --device cuda` times the window on the GPU against headless on the GPU:
    every run its measure starts, headless and in the window, asks for that device (here
    recorded, then run on the CPU, which is all this machine has)."""
    from dlab.bench import throughput

    asked: list[str] = []
    real_start = registry.Topic.start

    def start(self, action="run", params=None, seed=0, steps=None, pacer=None, device="cpu"):
        asked.append(device)
        return real_start(self, action, params, seed, steps, pacer, "cpu")

    monkeypatch.setattr(registry.Topic, "start", start)
    case, = throughput.cases(["adam"])
    figures = throughput.measure(case, seconds=0.05, rounds=1, device="cuda")
    assert figures.steps >= 1 and figures.gui_steps_per_s > 0
    assert len(asked) == 3 and set(asked) == {"cuda"}  # find the steps, headless, window
