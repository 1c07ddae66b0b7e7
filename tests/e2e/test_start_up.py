"""What a new user meets first: `make run` without a display or without the X libraries Qt
needs (one line and exit 2, never a Qt abort), and `dlab shot` printing only its own line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from dlab.ui.display_check import XCB_LIBRARIES, display_problem

ALL = {soname for _, soname, _ in XCB_LIBRARIES}
X11 = {"DISPLAY": ":0"}


def present(*missing: str):
    return lambda soname: soname in ALL - set(missing)


def test_missing_xcb_libraries_are_named_with_both_install_commands():
    line = display_problem(X11, "linux", present("libxcb-cursor.so.0", "libEGL.so.1"))
    assert line is not None and "\n" not in line
    assert "missing: libxcb-cursor0, libegl1;" in line
    assert "sudo apt install libxcb-cursor0 libegl1" in line
    assert "sudo dnf install xcb-util-cursor libglvnd-egl" in line


def test_every_library_the_issue_names_is_checked():
    debs = {deb for deb, _, _ in XCB_LIBRARIES}
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0",
            "libegl1"} <= debs
    for _, soname, _ in XCB_LIBRARIES:
        line = display_problem(X11, "linux", present(soname))
        assert line is not None and "missing" in line, soname


@pytest.mark.parametrize("env", [
    X11,  # the default platform on X11 is xcb: all libraries there
    {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"},
])
def test_nothing_to_say_when_xcb_has_its_libraries(env):
    assert display_problem(env, "linux", present()) is None


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": "offscreen"},  # dlab shot, the tests
    {"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland"},
    {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"},  # Qt takes Wayland there
])
def test_xcb_libraries_are_not_asked_for_when_xcb_is_not_used(env):
    assert display_problem(env, "linux", present("libxcb-cursor.so.0")) is None


@pytest.mark.parametrize("env", [{}, {"QT_QPA_PLATFORM": "xcb"}])
def test_no_display_is_one_line_that_points_to_run_and_shot(env):
    line = display_problem(env, "linux", present())
    assert line is not None and "\n" not in line
    assert "no display" in line and "dlab run" in line and "dlab shot" in line


def test_other_systems_are_left_to_qt():
    assert display_problem({}, "darwin", present("libEGL.so.1")) is None
    assert display_problem({}, "win32", present()) is None


def _dlab(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**base, **env}, timeout=120)


STARTS_WINDOW = (
    "import sys\n"
    "import dlab.ui.display_check as check\n"
    "{patch}\n"
    "from dlab.cli import main\n"
    "rc = main([])\n"
    "sys.exit(rc if 'PySide6' not in sys.modules else 99)\n"
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_dlab_without_a_display_exits_2_before_qt():
    out = _dlab(STARTS_WINDOW.format(patch=""), {})
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("dlab: error: no display"), out.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux's")
def test_dlab_with_x_but_without_a_library_exits_2_before_qt():
    patch = "check.loadable = lambda soname: 'icccm' not in soname"
    out = _dlab(STARTS_WINDOW.format(patch=patch), {"DISPLAY": ":0"})
    assert out.returncode == 2, out.stdout + out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "missing: libxcb-icccm4;" in lines[0], out.stderr
    assert "sudo apt install libxcb-icccm4" in lines[0]


def test_shot_prints_only_its_own_line(tmp_path):
    """Qt's 'This plugin does not support propagateSizeHints()' is dropped."""
    png = tmp_path / "gd.png"
    out = subprocess.run(
        [sys.executable, "-m", "dlab", "shot", "gradient-descent", str(png), "--steps", "2"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stderr == ""
    assert out.stdout.strip().splitlines() == [f"wrote {png} (1600x1000, gradient-descent, en)"]
    assert png.stat().st_size > 10_000
