"""`dlab bench`: measured figures, printed (never asserted in tests).

* GUI training throughput as a fraction of the same engine run headless
  (goal >= 0.95): the runner, delivery and drawing must not slow training down.
* Event-loop latency while training: lateness of a 10 ms timer, p50 and p99
  (goal p99 <= 20 ms): the window stays responsive.
* Time from launch to the first painted window (goal < 1 s), and whether torch had
  been imported by then (it should not have been).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BENCH_PARAMS = {"mode": "sgd", "epochs": 1000, "dataset_size": 256, "landscape_steps": 10}


def _gd():  # noqa: ANN202
    from dlab import registry

    topic = registry.get("gradient-descent")
    return topic, topic.params_class().from_dict(BENCH_PARAMS)


def headless_rate(steps: int) -> float:
    """Steps per second of the engine alone, as `dlab run` runs it: no frames drawn."""
    from dlab.core.pacing import Pacer
    from dlab.core.runtime import configure_torch

    configure_torch()
    topic, params = _gd()
    gen = topic.start("run", params, 0, steps, Pacer(None))
    t0 = time.perf_counter()
    for _ in gen:
        pass
    return steps / (time.perf_counter() - t0)


def gui_rate(steps: int) -> tuple[float, list[float]]:
    """Steps per second through the window, and the 10 ms timer's lateness in ms."""
    from PySide6.QtCore import QEventLoop, QObject, QTimer, Slot

    from dlab.ui.app import make_app
    from dlab.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow(topic="gradient-descent", lang="en")
    window.resize(1400, 900)
    window.show()
    tab = window.current_tab()
    topic, params = _gd()
    tab.set_params(params)
    pacer = tab.runner.pacer
    tab.engine_factory = lambda action="run": (
        lambda: topic.start("run", params, 0, steps, pacer))
    app.processEvents()

    class Probe(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.late: list[float] = []
            self.last = time.perf_counter()
            self.timer = QTimer(self)
            self.timer.setInterval(10)
            self.timer.timeout.connect(self.tick)

        @Slot()
        def tick(self) -> None:
            now = time.perf_counter()
            self.late.append(max(0.0, (now - self.last) * 1000 - 10))
            self.last = now

        @Slot(str)
        def on_state(self, state: str) -> None:
            if state not in ("running", "paused"):
                loop.quit()

    probe = Probe()
    loop = QEventLoop()
    tab.runner.sig_state.connect(probe.on_state)
    probe.timer.start()
    t0 = time.perf_counter()
    tab.start()
    loop.exec()
    elapsed = time.perf_counter() - t0
    probe.timer.stop()
    window.shutdown()
    window.close()
    window.deleteLater()
    app.processEvents()
    return tab.last_step / elapsed, probe.late


def measure_startup(cmd: Sequence[str], runs: int = 3) -> tuple[float, bool]:
    """Median seconds from launching ``cmd`` to its first painted window, and whether torch
    was imported by then. ``cmd`` is `python -m dlab` or the bundled executable."""
    times, torch_seen = [], False
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "DLAB_STARTUP_PROBE": "1",
                   "DLAB_SETTINGS": os.path.join(tmp, "s.ini"),
                   "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
            env["DLAB_LAUNCH_T"] = repr(time.time())
            out = subprocess.run(list(cmd), env=env, capture_output=True, text=True, timeout=120)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("first-paint")), None)
        if line is None:
            raise RuntimeError(f"no first paint reported by {cmd}: {out.stderr[-500:]}")
        _, seconds, flag = line.split()
        times.append(float(seconds))
        torch_seen |= flag.endswith("True")
    return statistics.median(times), torch_seen


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run_all() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DLAB_SETTINGS"] = os.path.join(tmp, "bench.ini")
        print("dlab bench: gradient descent, SGD (one example per step), one torch thread "
              f"per run, {os.cpu_count()} cores")
        warm = headless_rate(300)
        steps = int(max(1000, min(20000, warm * 3)))  # about 3 s a run
        h1, (g1, late1) = headless_rate(steps), gui_rate(steps)
        h2, (g2, late2) = headless_rate(steps), gui_rate(steps)
        headless, gui = max(h1, h2), max(g1, g2)
        late = late1 + late2
        print(f"  steps per run                    {steps}")
        print(f"  headless                         {headless:8.0f} steps/s")
        print(f"  in the window                    {gui:8.0f} steps/s")
        print(f"  GUI / headless                   {gui / headless:8.2f}   (goal >= 0.95)")
        print(f"  event-loop lateness p50 / p99    {_pct(late, 0.5):5.1f} / "
              f"{_pct(late, 0.99):.1f} ms   (goal p99 <= 20 ms; {len(late)} ticks)")
        for where, cmd in startup_commands():
            seconds, torch_seen = measure_startup(cmd)
            print(f"  launch to first window, {where:<8}{seconds:8.2f} s   (goal < 1 s; "
                  f"torch imported by then: {'yes' if torch_seen else 'no'})")
        print_word2vec()
    return 0


def startup_commands() -> list[tuple[str, list[str]]]:
    """How to launch dlab: this program itself, and the built bundle when there is one."""
    if getattr(sys, "frozen", False):  # running from the bundle: it takes no `-m`
        return [("bundle", [sys.executable])]
    out = [("source", [sys.executable, "-m", "dlab"])]
    bundle = Path(__file__).resolve().parents[1] / "dist" / "dlab" / "dlab"
    if bundle.exists():
        out.append(("bundle", [str(bundle)]))
    return out


W2V_EPOCHS = 5  # of the built-in English corpus, skip-gram, the tab's other defaults


def word2vec_rate(batch_size: int = 64) -> tuple[float, float, int]:
    """dlab's Word2Vec headless on one thread: (pairs/s, corpus words/s, pairs trained)."""
    from dlab.engines.word2vec.engine import Word2Vec
    from dlab.engines.word2vec.params import Word2VecParams

    # Reading the corpus and building the vocabulary are not timed.
    exp = Word2Vec(Word2VecParams(epochs=W2V_EPOCHS, batch_size=batch_size), 0)
    t0 = time.perf_counter()
    while not exp.done():
        exp.step()
    seconds = time.perf_counter() - t0
    pairs = exp.pairs_per_epoch * W2V_EPOCHS
    return pairs / seconds, len(exp.corpus.tokens) * W2V_EPOCHS / seconds, pairs


def gensim_rate() -> float | None:
    """gensim's Word2Vec on the same corpus and settings, one worker: corpus words/s, or
    None when gensim (a benchmark-only extra: pip install -e '.[bench]') is missing.
    gensim draws a random window of 1..w per centre and uses sentence edges too, so its
    pairs differ from ours: the words of the corpus processed per second compare."""
    try:
        from gensim.models import Word2Vec as GensimWord2Vec
    except ImportError:
        return None
    from dlab.engines.word2vec.text import CorpusReader, builtin_path

    reader = CorpusReader()
    reader.add(builtin_path("builtin-en").read_text(encoding="utf-8").splitlines())
    model = GensimWord2Vec(vector_size=16, window=2, sg=1, negative=5, hs=0, min_count=1,
                           sample=0, workers=1, seed=0)
    model.build_vocab(reader.sentences)
    words = sum(len(s) for s in reader.sentences) * W2V_EPOCHS
    t0 = time.perf_counter()
    model.train(reader.sentences, total_examples=len(reader.sentences), epochs=W2V_EPOCHS)
    return words / (time.perf_counter() - t0)


def print_word2vec() -> None:
    print(f"word2vec: skip-gram, built-in English corpus, {W2V_EPOCHS} epochs, one thread")
    theirs = gensim_rate()
    for batch in (64, 1024):  # the tab's default, and a batch for speed
        pairs_rate, words_rate, pairs = word2vec_rate(batch)
        ratio = f", {words_rate / theirs:.3f} of gensim" if theirs else ""
        print(f"  dlab, batch {batch:<5}                {pairs_rate:8.0f} pairs/s, "
              f"{words_rate:8.0f} corpus words/s{ratio}")
    if theirs is None:
        print("  gensim                           not installed (pip install -e '.[bench]')")
    else:
        print(f"  gensim (1 worker)                {theirs:8.0f} corpus words/s")
