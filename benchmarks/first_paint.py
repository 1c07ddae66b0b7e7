"""Launch to the first painted window, in wall time and in CPU time, phase by phase: dlab
(one or more source trees, to compare a change with what it changes) and the bare PySide6 +
pyqtgraph window of `dlab bench`, launched in turns so that all meet the same load.

Each dlab launch goes through `dlab`'s own start (cli.main -> app.run_app) on the offscreen
platform and reports the process's CPU time (time.process_time: interpreter start-up
included) when `MainWindow()` starts and ends, when `show()` returns and at the first paint,
and how often the first tab's plots were resized before it.

    .venv/bin/python benchmarks/first_paint.py --runs 9
    .venv/bin/python benchmarks/first_paint.py --runs 9 --tree /tmp/main-copy --tree .
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dlab.bench.startup import BARE_WINDOW, first_paint

# Runs in the launched process (cwd: the tree measured, so that its dlab is imported).
DLAB_PROBE = r"""
import json, os, sys, time
t_launch = float(os.environ["DLAB_LAUNCH_T"])
seen = {"cpu_start": time.process_time()}
import dlab.cli  # as `python -m dlab` imports it: numpy before PySide6
from dlab.ui import app

made = app.make_app
def make_app():
    # run_app imports the window's modules right after this: patch them then, not before
    # (imported after PySide6, every module is read by PySide6's check for __feature__).
    qt_app = made()
    from PySide6.QtCore import QEvent, QObject
    import pyqtgraph as pg
    from dlab.ui import main_window

    resizes = [0]
    plot_resized = pg.PlotWidget.resizeEvent
    def resize_event(self, event):
        if event is not None and "cpu_paint" not in seen:
            resizes[0] += 1
        return plot_resized(self, event)
    pg.PlotWidget.resizeEvent = resize_event

    built = main_window.MainWindow.__init__
    def init(self, *args, **kwargs):
        seen["cpu_window"], seen["wall_window"] = time.process_time(), time.time() - t_launch
        built(self, *args, **kwargs)
        seen["cpu_built"], seen["wall_built"] = time.process_time(), time.time() - t_launch
    main_window.MainWindow.__init__ = init
    shown = main_window.MainWindow.show
    def show(self):
        shown(self)
        seen["cpu_shown"], seen["wall_shown"] = time.process_time(), time.time() - t_launch
    main_window.MainWindow.show = show

    class AtPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "cpu_paint" not in seen:
                seen.update(cpu_paint=time.process_time(),
                            wall_paint=time.time() - t_launch, plot_resizes=resizes[0])
                print("probe " + json.dumps(seen), flush=True)
                os._exit(0)
            return False

    original_after = app.after_first_paint
    def after_first_paint(window, then):
        window.tabs_widget.installEventFilter(AtPaint(window))
        original_after(window, then)
    app.after_first_paint = after_first_paint
    return qt_app

app.make_app = make_app
dlab.cli.main(["--topic", "gradient-descent", "--lang", "en"])
"""

# The bare window, reporting its CPU time at its first paint too.
BARE_PROBE = BARE_WINDOW.replace(
    'print(f"first-paint {time.time() - t_launch:.4f} torch-imported=False", flush=True)',
    'print("probe " + json.dumps({"cpu_paint": time.process_time(), '
    '"wall_paint": time.time() - t_launch}), flush=True)').replace(
    "import os, sys, time", "import json, os, sys, time").replace(
    "window = QMainWindow()", "cpu_window = time.process_time()\nwindow = QMainWindow()").replace(
    '"wall_paint": time.time() - t_launch}', '"wall_paint": time.time() - t_launch, '
    '"cpu_window": cpu_window}')
assert "probe" in BARE_PROBE


def launch(script: str, cwd: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "DLAB_SETTINGS": os.path.join(tmp, "s.ini"),
               "QT_QPA_PLATFORM": "offscreen", "DLAB_LAUNCH_T": repr(time.time())}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as a user's Python launches it
        out = subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env,
                             capture_output=True, text=True, timeout=120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("probe ")), None)
    if line is None:
        raise RuntimeError(f"no first paint reported from {cwd}: {out.stderr[-800:]}")
    return json.loads(line[len("probe "):])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--tree", action="append", help="a dlab source tree (default: this one)")
    args = ap.parse_args()
    trees = [str(Path(t).resolve()) for t in (args.tree or [Path(__file__).parents[1]])]
    kinds = [(t, DLAB_PROBE) for t in trees] + [("bare", BARE_PROBE)]
    for cwd, script in kinds:  # fills the disk cache and writes bytecode: not counted
        launch(script, cwd if cwd != "bare" else tempfile.gettempdir())
    rows: dict[str, list[dict]] = {cwd: [] for cwd, _ in kinds}
    bench: dict[str, list[float]] = {cwd: [] for cwd, _ in kinds}  # `dlab bench`'s measure
    load = os.getloadavg()[0]
    here = os.getcwd()
    for _ in range(args.runs):
        for cwd, script in kinds:
            rows[cwd].append(launch(script, cwd if cwd != "bare" else tempfile.gettempdir()))
            os.chdir(cwd if cwd != "bare" else here)
            try:
                cmd = [sys.executable, "-m", "dlab"] if cwd != "bare" else None
                bench[cwd].append(first_paint(cmd)[0] if cmd else first_paint(
                    [sys.executable, "-c", BARE_WINDOW])[0])
            finally:
                os.chdir(here)
    print(f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after; "
          f"{args.runs} launches each in turns; medians (ms)")
    bare = rows["bare"]
    bare_wall = statistics.median(r["wall_paint"] for r in bare) * 1000
    bare_cpu = statistics.median(r["cpu_paint"] for r in bare) * 1000
    bench_bare = statistics.median(bench["bare"]) * 1000
    for tree in trees:
        ours = statistics.median(bench[tree]) * 1000
        print(f"`dlab bench`'s launch (python -m dlab, no probe): {tree} {ours:.0f} ms, "
              f"bare {bench_bare:.0f} ms: {ours / bench_bare:.3f}")
    bare_before = statistics.median(r["cpu_window"] for r in bare) * 1000
    print(f"bare: wall {bare_wall:.0f}, CPU {bare_cpu:.0f}; CPU before QMainWindow() "
          f"{bare_before:.0f}")
    for tree in trees:
        got = rows[tree]

        def med(key: str, got: list[dict] = got) -> float:
            return statistics.median(r[key] for r in got) * 1000

        def phase(a: str, b: str, got: list[dict] = got) -> float:
            return statistics.median(r[b] - r[a] for r in got) * 1000

        wall, cpu = med("wall_paint"), med("cpu_paint")
        print(f"{tree}: wall {wall:.0f} ({wall / bare_wall:.3f} of bare), CPU {cpu:.0f} "
              f"({cpu / bare_cpu:.3f}); CPU before MainWindow() {med('cpu_window'):.0f}, "
              f"MainWindow() {phase('cpu_window', 'cpu_built'):.0f}, "
              f"show() {phase('cpu_built', 'cpu_shown'):.0f}, "
              f"to the paint {phase('cpu_shown', 'cpu_paint'):.0f}; wall before MainWindow() "
              f"{med('wall_window'):.0f}, MainWindow() {phase('wall_window', 'wall_built'):.0f}, "
              f"show() {phase('wall_built', 'wall_shown'):.0f}, "
              f"to the paint {phase('wall_shown', 'wall_paint'):.0f}; "
              f"plot resizes {statistics.median(r['plot_resizes'] for r in got):.0f}")


if __name__ == "__main__":
    main()
