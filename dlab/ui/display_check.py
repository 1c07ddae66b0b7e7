"""Before the window opens: is there a display, and can Qt's xcb platform load?

Without them Qt prints a plugin error and aborts the process. This check runs first (no Qt
imported) and turns each case into one line that says what to do.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# What Qt's xcb platform plugin loads that minimal systems lack:
# (Debian/Ubuntu package, its library's soname, Fedora package).
XCB_LIBRARIES = (
    ("libxcb-cursor0", "libxcb-cursor.so.0", "xcb-util-cursor"),
    ("libxcb-icccm4", "libxcb-icccm.so.4", "xcb-util-wm"),
    ("libxcb-keysyms1", "libxcb-keysyms.so.1", "xcb-util-keysyms"),
    ("libxcb-image0", "libxcb-image.so.0", "xcb-util-image"),
    ("libxcb-render-util0", "libxcb-render-util.so.0", "xcb-util-renderutil"),
    ("libxkbcommon-x11-0", "libxkbcommon-x11.so.0", "libxkbcommon-x11"),
    ("libegl1", "libEGL.so.1", "libglvnd-egl"),
)


def loadable(soname: str) -> bool:
    """Whether the dynamic linker finds ``soname``, searching as it will for Qt's plugin
    (LD_LIBRARY_PATH included); a failed look-up takes well under a millisecond."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _chosen(env: Mapping[str, str]) -> str:
    """The platform QT_QPA_PLATFORM names first ("xcb:option;wayland" -> "xcb"); "" if unset."""
    return env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0]


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Qt takes xcb when asked to, or by default on an X display without Wayland."""
    chosen = _chosen(env)
    if chosen:
        return chosen == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def display_problem(env: Mapping[str, str] | None = None, platform: str | None = None,
                    can_load: Callable[[str], bool] | None = None) -> str | None:
    """One line saying why the window cannot open here, or None when it can."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    can_load = can_load or loadable
    if not platform.startswith("linux"):
        return None
    if _chosen(env) in ("", "xcb") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are unset); "
                "`dlab run TOPIC` trains and `dlab shot TOPIC OUT.png` renders a tab "
                "without one")
    if not uses_xcb(env):
        return None
    missing = [(deb, rpm) for deb, soname, rpm in XCB_LIBRARIES if not can_load(soname)]
    if not missing:
        return None
    debs = [deb for deb, _ in missing]
    rpms = [rpm for _, rpm in missing]
    return (f"the window needs system libraries that are missing: {', '.join(debs)}; "
            f"install them with `sudo apt install {' '.join(debs)}` "
            f"(Fedora: `sudo dnf install {' '.join(rpms)}`)")
