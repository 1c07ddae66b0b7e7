"""Closing the window mid-run: seconds until the process has exited, and its children too.

Each launch opens `dlab` as `python -m dlab` does (run_app, engines in their process) on the
offscreen platform, waits until the spare engine process has had time to import torch,
starts a sigmoid run, closes the window after its 50th step and prints how long it took
until the process (and then every child) was gone, and whether the settings were saved.

    .venv/bin/python benchmarks/close_time.py --runs 5
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

STEPS_BEFORE_CLOSE = 50


def child(warm_s: float) -> None:
    """One launch, as run_app makes it; prints CLOSING when it closes the window."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer

    from dlab.cli import main
    from dlab.ui.main_window import MainWindow

    built = MainWindow.__init__

    def init(window: MainWindow, *args, **kwargs) -> None:  # noqa: ANN002, ANN003
        built(window, *args, **kwargs)

        def close_after_steps() -> None:
            if window.current_tab().last_step >= STEPS_BEFORE_CLOSE:
                print("CLOSING", flush=True)
                window.close()
            else:
                QTimer.singleShot(50, close_after_steps)

        def run() -> None:
            window.current_tab().run_pause()
            close_after_steps()

        QTimer.singleShot(round(warm_s * 1000), run)

    MainWindow.__init__ = init
    sys.argv = ["dlab", "--topic", "sigmoid", "--lang", "en"]
    main()


def descendants(pid: int) -> list[int]:
    rows = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    children: dict[int, list[int]] = {}
    for row in rows.splitlines():
        p, parent = map(int, row.split())
        children.setdefault(parent, []).append(p)
    found, todo = [], [pid]
    while todo:
        for p in children.get(todo.pop(), []):
            found.append(p)
            todo.append(p)
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def launch(warm_s: float) -> tuple[float, float, bool]:
    """(seconds from close to exit, seconds after that until no child is left, saved)."""
    settings = os.path.join(tempfile.mkdtemp(), "dlab.ini")
    env = {**os.environ, "DLAB_SETTINGS": settings}
    proc = subprocess.Popen([sys.executable, __file__, "--child", "--warm", str(warm_s)],
                            env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    closed, kids = None, []
    for line in proc.stdout:
        if line.startswith("CLOSING"):
            closed, kids = time.perf_counter(), descendants(proc.pid)
    proc.wait()
    if closed is None:
        raise SystemExit(f"the launch ended without closing (exit status {proc.returncode})")
    exited = time.perf_counter()
    while any(alive(k) for k in kids) and time.perf_counter() - exited < 30:
        time.sleep(0.01)
    with open(settings, encoding="utf-8") as f:
        saved = "last_tab=sigmoid" in f.read()
    return exited - closed, time.perf_counter() - exited, saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", type=float, default=12.0,
                        help="seconds before Run (the spare engine process imports torch)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.warm)
        return
    exits = []
    for i in range(args.runs):
        to_exit, children_after, saved = launch(args.warm)
        exits.append(to_exit)
        print(f"launch {i + 1}: closed -> exited {to_exit:.2f} s; children gone "
              f"{children_after:.2f} s later; settings saved: {saved}", flush=True)
    print(f"median closed -> exited: {statistics.median(exits):.2f} s over {args.runs} "
          f"(load average {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
