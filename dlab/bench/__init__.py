"""`dlab bench`: measured figures, printed (never asserted in tests).

For every registered topic on its defaults, and for the worst case (gradient descent, SGD,
one example per step):

* training speed in the window ÷ the same engine headless (goal >= 0.95 per topic, >= 0.90
  for the worst case), beside the frames drawn per second in the window (goal >= 25, or
  every step when a topic takes fewer steps a second) and the headless steps per second;
* the event loop's lateness: a 10 ms timer while training, p99 (goal <= 20 ms);
* launch to the first painted window, dlab and a bare PySide6 + pyqtgraph window with one
  plot, launched in turns in the same run (goal: dlab ÷ bare <= 1.15).

``--soak MINUTES`` reports memory growth per topic instead; ``--device cuda`` the speed on
the GPU against the CPU. Ratios are measured within one run: the machine may be shared.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field

from dlab import registry
from dlab.bench.startup import compare_startup, measure_startup, startup_commands
from dlab.bench.throughput import WORST_CASE
from dlab.core import engine_process

__all__ = ["Options", "measure_startup", "run", "run_all", "WORST_CASE"]


@dataclass
class Options:
    cases: list[str] = field(default_factory=list)  # topic ids and/or WORST_CASE; [] = all
    json: bool = False
    soak_minutes: float | None = None
    device: str = "cpu"
    seconds: float = 2.0  # the headless stretch that sets each case's steps
    rounds: int = 2  # turns of headless and windowed runs per case
    startup: bool = True
    word2vec: bool = False  # dlab's Word2Vec against gensim (text output only)

    def names(self) -> list[str]:
        return self.cases or [t.id for t in registry.TOPICS] + [WORST_CASE]


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores"


def run(opts: Options) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("DLAB_THREADS", "1")  # as the tests: one torch thread per run
    out = sys.stderr if opts.json else sys.stdout

    def note(text: str) -> None:
        print(text, file=out, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DLAB_SETTINGS"] = os.path.join(tmp, "bench.ini")
        note(f"dlab bench: {_load()}; DLAB_THREADS={os.environ['DLAB_THREADS']}")
        engine_process.prestart()  # the window's engine process, started before timing
        try:
            if opts.soak_minutes is not None:
                result = _soak(opts, note)
            elif opts.device == "cuda":
                result = _device(opts, note)
            else:
                result = _throughput(opts, note)
        finally:
            engine_process.close_all()
        note(f"after: {_load()}")
    if opts.json:
        print(json.dumps(result, indent=2))
    return 0


def _throughput(opts: Options, note) -> dict:  # noqa: ANN001
    from dlab.bench.throughput import cases, measure

    result: dict = {"topics": {}, "worst_case": None, "first_paint_s": None,
                    "bare_first_paint_s": None}
    note(f"{'':18}{'headless':>10}{'window':>9}{'window ÷':>10}{'frames':>8}{'paints':>8}"
         f"{'lateness ms':>15}{'frame CPU':>11}{'CPU ms/step':>14}{'engine':>8}")
    note(f"{'':18}{'steps/s':>10}{'steps/s':>9}{'headless':>10}{'/s':>8}{'/s':>8}"
         f"{'p50':>7}{'p99':>8}{'ms':>11}{'headless':>9}{'window':>7}{'share':>8}")
    for case in cases(opts.names()):
        f = measure(case, opts.seconds, opts.rounds)
        note(f"{case.name:<18}{f.steps_per_s:10.1f}{f.gui_steps_per_s:9.1f}"
             f"{f.gui_over_headless:10.3f}{f.fps:8.1f}{f.paints_per_s:8.1f}"
             f"{f.p50_ms:7.1f}{f.p99_ms:8.1f}{f.frame_cpu_ms:11.1f}"
             f"{f.headless_cpu_ms:9.3f}{f.engine_cpu_ms:7.3f}{f.engine_share:8.2f}")
        if case.name == WORST_CASE:
            result["worst_case"] = f.issue_json()
        else:
            result["topics"][case.name] = f.issue_json()
    note("goals: window ÷ headless >= 0.95 (worst case 0.90) at >= 25 frames/s or every "
         "step; p99 <= 20 ms")
    if opts.startup:
        (where, cmd), *others = startup_commands()
        ours, bare, torch_seen = compare_startup(cmd)
        result["first_paint_s"], result["bare_first_paint_s"] = round(ours, 3), round(bare, 3)
        note(f"launch to first paint: dlab ({where}) {ours:.2f} s, bare PySide6 + pyqtgraph "
             f"{bare:.2f} s, ratio {ours / bare:.2f} (goal <= 1.15; medians of 5 in turns; "
             f"torch imported by then: {'yes' if torch_seen else 'no'})")
        for where, cmd in others:
            seconds, _ = measure_startup(cmd)
            note(f"launch to first paint: dlab ({where}) {seconds:.2f} s")
    if opts.word2vec and not opts.json:
        from dlab.bench.word2vec import print_word2vec

        print_word2vec()
    return result


def _soak(opts: Options, note) -> dict:  # noqa: ANN001
    from dlab.bench.soak import PARTS, soak
    from dlab.bench.throughput import cases

    note(f"soak: {opts.soak_minutes:g} min per topic at full speed, Run again after every end")
    result: dict = {"soak": {}}
    for case in cases(opts.names()):
        s = soak(case, opts.soak_minutes or 0.0)
        note(f"  {case.name}: {s.runs} runs ended and one stopped at the time, {s.steps} "
             f"steps, {s.frames} frames drawn, {len(s.engines_seen)} engine process(es)")
        for part in PARTS:
            c = s.course(part)
            note(f"    {part:<7} RSS {c.start:7.1f} -> {c.warm:7.1f} (warm) -> {c.end:7.1f} MB, "
                 f"peak {c.peak:7.1f}, growth {c.growth:+6.1f} MB")
        result["soak"][case.name] = s.as_json()
    note("goal: growth of the total <= 50 MB over 30 min")
    return result


def _device(opts: Options, note) -> dict:  # noqa: ANN001
    """Headless steps/s on the CPU and on CUDA, the same steps from the same seed; then,
    where Qt is installed, the window on CUDA against headless on CUDA, as `_throughput`
    does for the CPU."""
    import torch

    from dlab.bench.throughput import cases, device_ratio, measure

    note(f"device: {torch.cuda.get_device_name(0)} against the CPU "
         f"({os.environ['DLAB_THREADS']} torch thread), headless, same steps; then the "
         "window on CUDA")
    note(f"{'':18}{'cpu':>10}{'cuda':>10}{'cuda ÷':>8}{'window ÷':>10}{'frames':>8}"
         f"{'p99':>7}")
    note(f"{'':18}{'steps/s':>10}{'steps/s':>10}{'cpu':>8}{'headless':>10}{'/s':>8}{'ms':>7}")
    # A GPU server may have torch and no Qt: the headless figures still come.
    window = importlib.util.find_spec("PySide6") is not None
    if not window:
        note("no PySide6 here: the window's figures are left out")
    result: dict = {"device": {}}
    for case in cases(opts.names()):
        cpu, cuda = device_ratio(case, opts.seconds)
        figures: dict = {"cpu_steps_per_s": round(cpu, 1), "cuda_steps_per_s": round(cuda, 1),
                         "cuda_over_cpu": round(cuda / cpu, 3)}
        shown = ""
        if window:
            f = measure(case, opts.seconds, opts.rounds, device="cuda")
            figures["window_on_cuda"] = f.issue_json()
            shown = f"{f.gui_over_headless:10.3f}{f.fps:8.1f}{f.p99_ms:7.1f}"
        note(f"{case.name:<18}{cpu:10.1f}{cuda:10.1f}{cuda / cpu:8.2f}{shown}")
        result["device"][case.name] = figures
    return result


def run_all() -> int:
    """Every figure, printed (benchmarks/run_all.py, `make bench`)."""
    return run(Options(word2vec=True))
