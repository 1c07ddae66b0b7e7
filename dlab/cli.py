"""The command line. `run`, `list` and `params` never import Qt (a test checks it)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from dlab import __version__, registry
from dlab.core.codegen import NoScript
from dlab.core.experiment import BadInput, StopFlag, drive, interrupt_between_steps, run_to_end
from dlab.core.io import check_writable, read_error, read_text, write_atomic, write_error
from dlab.core.metrics import MetricsStore
from dlab.core.pacing import Pacer
from dlab.core.params import ParamError, Params, describe
from dlab.core.presets import PresetError
from dlab.core.runtime import DEVICES, DeviceError, pick_device, settle_imports
from dlab.core.scenes import SceneError, Script, script_topic
from dlab.core.seed import SEED_MAX, check_seed
from dlab.core.snapshot import FINISHED, RUNNING, STOPPED, Snapshot
from dlab.core.video import NO_ENCODER, find_ffmpeg


class UsageError(Exception):
    """Bad input on the command line: exit status 2 and one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def _run_options() -> argparse.ArgumentParser:
    """The arguments of every sub-command that runs a topic (run, shot)."""
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("topic")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    p.add_argument("--steps", type=int, help="natural steps to take")
    p.add_argument("--seed", type=int, default=0,
                   help=f"random seed, 0 to {SEED_MAX} (the same seed gives the same numbers)")
    p.add_argument("--action", default="run",
                   help="run, or one of the topic's extra experiments (see dlab params)")
    p.add_argument("--device", choices=DEVICES, default="auto",
                   help="auto (CUDA when present and faster for the topic), cpu or cuda")
    return p


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dlab", description="dlab: a desktop deep-learning lab.")
    p.add_argument("--version", action="version", version=f"dlab {__version__}")
    p.add_argument("--topic", help="open the window on this topic")
    p.add_argument("--lang", choices=("en", "ko"), help="language of the window")
    p.add_argument("--lesson", metavar="FILE", help="open a lesson script (guided scenes)")
    p.add_argument("--preset", metavar="FILE",
                   help="a teacher preset: hide or lock controls (kept until cleared)")
    p.add_argument("--presentation", action="store_true",
                   help="open in presentation mode (full screen, large text; Esc leaves)")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    sub.add_parser("list", help="topic ids and titles")
    pp = sub.add_parser("params", help="every parameter of a topic")
    pp.add_argument("topic")
    pp.add_argument("--json", action="store_true")
    common = _run_options()
    rp = sub.add_parser("run", parents=[common], help="train headless")
    rp.add_argument("--out", default=None, help="output folder (default runs/TOPIC)")
    sp = sub.add_parser("shot", parents=[common], help="render a tab to a PNG")
    sp.add_argument("out", help="PNG file to write")
    sp.add_argument("--size", default="1600x1000", help="WxH in pixels")
    sp.add_argument("--lang", dest="shot_lang", choices=("en", "ko"), default="en")
    sp.add_argument("--presentation", dest="shot_presentation", action="store_true",
                    help="render in presentation mode (large text, thick lines)")
    sp.add_argument("--scene", type=int, metavar="K",
                    help="show scene K of the topic's script (from 1) after its steps")
    rec = sub.add_parser("record", parents=[common],
                         help="record a run as an animated GIF (or MP4 where ffmpeg is found)")
    rec.add_argument("out", help="GIF or MP4 file to write")
    rec.add_argument("--fps", type=float, default=10.0, help="frames a second of the recording")
    rec.add_argument("--size", default="1280x800", help="WxH in pixels")
    rec.add_argument("--lang", dest="shot_lang", choices=("en", "ko"), default="en")
    rec.add_argument("--presentation", dest="shot_presentation", action="store_true")
    rec.add_argument("--scene", type=int, metavar="K", help="record scene K (from 1)")
    cp = sub.add_parser("code", help="the plain PyTorch script that reproduces dlab run")
    cp.add_argument("topic")
    cp.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    cp.add_argument("--seed", type=int, default=0)
    cp.add_argument("--steps", type=int, help="natural steps the script takes")
    sc = sub.add_parser("scenes", help="a topic's guided scenes")
    sc.add_argument("topic")
    sc.add_argument("--lang", dest="scenes_lang", choices=("en", "ko"), default="en")
    sc.add_argument("--json", action="store_true")
    bp = sub.add_parser("bench", help="print the benchmark figures")
    bp.add_argument("--json", action="store_true", help="one JSON object on stdout")
    bp.add_argument("--topics", metavar="A,B", help="only these topics (and 'worst-case')")
    bp.add_argument("--soak", type=float, metavar="MINUTES",
                    help="memory growth over MINUTES of training per topic instead")
    bp.add_argument("--device", dest="bench_device", choices=("cpu", "cuda"), default="cpu",
                    help="cuda: each topic's speed on the GPU against the CPU")
    bp.add_argument("--seconds", type=float, default=2.0,
                    help="the headless stretch that sets each topic's steps (default 2)")
    bp.add_argument("--no-startup", action="store_true", help="skip the launch timings")
    return p


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size {text!r}: expected WxH, for example 1600x1000") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise UsageError(f"--size {text!r}: width 320-8000 and height 240-8000 pixels")
    return w, h


def topic_or_fail(topic_id: str) -> registry.Topic:
    try:
        return registry.get(topic_id)
    except registry.UnknownTopic as exc:
        raise UsageError(str(exc)) from None


def parse_sets(cls: type[Params], sets: list[str]) -> Params:
    values: dict[str, Any] = {}
    for item in sets:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise UsageError(f"--set {item!r}: expected NAME=VALUE")
        values[name.strip()] = value
    try:
        return cls.from_dict(values)
    except ParamError as exc:
        raise UsageError(str(exc)) from None


@dataclass(frozen=True)
class RunRequest:
    """What `run` and `shot` share, checked: bad input never reaches an engine."""

    topic: registry.Topic
    params: Params
    action: str
    steps: int | None
    seed: int
    device: str  # resolved: cpu or cuda


def run_request(args: argparse.Namespace) -> RunRequest:
    topic = topic_or_fail(args.topic)
    params = parse_sets(topic.params_class(), args.set)
    if args.steps is not None and args.steps < 1:
        raise UsageError(f"--steps: {args.steps} is not allowed; expected a positive integer")
    if args.action not in topic.experiments:
        raise UsageError(str(registry.UnknownAction(args.action, topic)))
    try:
        check_seed(args.seed)
    except ValueError as exc:
        raise UsageError(f"--seed: {exc}") from None
    try:
        device = pick_device(args.device, topic.cuda_pays)
    except DeviceError as exc:
        raise UsageError(str(exc)) from None
    return RunRequest(topic, params, args.action, args.steps, args.seed, device)


def script_or_fail(topic: registry.Topic, lang: str) -> Script:
    try:
        script = topic.scenes(lang)
    except SceneError as exc:
        raise UsageError(f"{topic.scenes_path(lang)}: {exc}") from None
    if script is None:
        raise UsageError(f"{topic.id} has no scenes in {lang!r} yet "
                         f"(expected {topic.scenes_path(lang)})")
    return script


def scene_request(req: RunRequest, args: argparse.Namespace) -> tuple[RunRequest, int]:
    """`shot --scene K`: the scene's parameters (then --set), steps and action."""
    script = script_or_fail(req.topic, args.shot_lang)
    if not 1 <= args.scene <= len(script):
        raise UsageError(f"--scene {args.scene}: {req.topic.id} has scenes 1 to {len(script)}")
    scene = script.scenes[args.scene - 1]
    params = parse_sets(type(req.params), [f"{k}={v}" for k, v in scene.params.items()]
                        + args.set)
    steps = req.steps if req.steps is not None else scene.steps
    return RunRequest(req.topic, params, scene.action, steps, req.seed, req.device), \
        args.scene - 1


def cmd_scenes(args: argparse.Namespace) -> int:
    topic = topic_or_fail(args.topic)
    script = script_or_fail(topic, args.scenes_lang)
    if args.json:
        doc = json.loads(script.to_json())
        for k, scene in enumerate(doc["scenes"], 1):
            scene["index"] = k
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    print(f"{topic.id} ({script.lang}): {script.title}")
    for k, scene in enumerate(script.scenes, 1):
        changes = " ".join(f"{n}={v}" for n, v in scene.params.items()) or "defaults"
        action = f" --action {scene.action}" if scene.action != "run" else ""
        print(f"{k}. {scene.title}\n   {changes}; {scene.steps} steps{action}")
    return 0


def check_lesson(path: str) -> None:
    """`dlab --lesson FILE`: refuse a script that does not validate before any window."""
    try:
        text = read_text(path)
        topic_or_fail(script_topic(text)).read_script(text)
    except OSError as exc:
        raise UsageError(f"--lesson {path}: {read_error(exc)}") from None
    except SceneError as exc:
        raise UsageError(f"--lesson {path}: {exc}") from None


def check_preset(path: str) -> None:
    """`dlab --preset FILE`: refuse a preset that does not validate before any window."""
    try:
        registry.read_preset(read_text(path))
    except OSError as exc:
        raise UsageError(f"--preset {path}: {read_error(exc)}") from None
    except PresetError as exc:
        raise UsageError(f"--preset {path}: {exc}") from None


def cmd_code(args: argparse.Namespace) -> int:
    topic = topic_or_fail(args.topic)
    params = parse_sets(topic.params_class(), args.set)
    if args.steps is not None and args.steps < 1:
        raise UsageError(f"--steps: {args.steps} is not allowed; expected a positive integer")
    try:
        script = topic.code(params, args.seed, args.steps)
    except NoScript as exc:
        raise UsageError(str(exc)) from None
    if script is None:
        raise UsageError(f"{topic.id} has no code template yet (expected {topic.code_path()})")
    print(script, end="")
    return 0


def cmd_record(args: argparse.Namespace) -> int:
    req = run_request(args)
    size = parse_size(args.size)
    suffix = Path(args.out).suffix.lower()
    if suffix not in (".gif", ".mp4"):
        raise UsageError(f"{args.out}: dlab records OUT.gif, or OUT.mp4 where ffmpeg is "
                         "installed")
    if suffix == ".mp4" and find_ffmpeg() is None:  # said before the run, not after it
        raise UsageError(f"{args.out}: {NO_ENCODER}")
    if not 0.5 <= args.fps <= 50:
        raise UsageError(f"--fps {args.fps:g}: expected 0.5 to 50 frames a second")
    scene = None
    if args.scene is not None:
        req, scene = scene_request(req, args)
    from dlab.ui.shot import SizeError, record  # Qt only from here on

    try:
        n = record(req.topic, req.params, req.action, req.steps, req.seed, req.device, size,
                   args.shot_lang, args.out, args.fps, scene=scene,
                   presentation=args.shot_presentation)
    except SizeError as exc:
        raise UsageError(str(exc)) from None
    except (OSError, ValueError) as exc:
        raise UsageError(f"could not write {args.out}: {exc}") from None
    print(f"wrote {args.out} ({n} frames, {size[0]}x{size[1]}, {req.topic.id}, "
          f"{args.shot_lang})")
    return 0


def cmd_list() -> int:
    for t in registry.TOPICS:
        print(f"{t.id}\t{t.title}")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    topic = topic_or_fail(args.topic)
    rows = describe(topic.params_class())
    if args.json:
        print(json.dumps({"topic": topic.id, "unit": topic.unit,
                          "actions": topic.actions(), "params": rows}, indent=2))
        return 0
    print(f"{topic.id}: one of --steps is one {topic.unit}; "
          f"--action {' | '.join(topic.actions())}")
    for r in rows:
        live = " (live)" if r["live"] else ""
        print(f"  {r['name']:<16} default {r['default']!s:<10} {r['allowed']}{live}")
        if r["help"]:
            print(f"  {'':<16} {r['help']}")
    return 0


def execute(req: RunRequest, stop: StopFlag | None = None,
            on_start: Callable[[], Any] | None = None,
            files: dict[str, str | bytes] | None = None) -> tuple[MetricsStore, Snapshot]:
    """Run an engine to its end headless. Returns the metrics and the last snapshot; when
    ``stop`` is raised the run ends between two steps as 'stopped'. ``on_start`` is called
    once the engine is set up, before its first step. ``files`` receives the topic's extra
    files (name -> text, or bytes for images). Bad data an engine finds while reading it
    is a UsageError."""
    store = MetricsStore()
    try:
        exp = req.topic.build(req.action, req.params, req.seed, req.device)
        settle_imports()  # as the window's engine process does
        gen = drive(exp, req.topic.steps_for(req.action, req.steps), Pacer(None))
        try:
            if on_start is not None:
                on_start()
            last = run_to_end(gen, store.extend, stop)
        finally:
            gen.close()
    except BadInput as exc:
        raise UsageError(str(exc)) from None
    if files is not None:
        files.update(exp.files())
    return store, last


def cmd_run(args: argparse.Namespace) -> int:
    req = run_request(args)
    topic = req.topic
    unit = topic.unit.split(" ")[0]
    out = Path(args.out or Path("runs") / topic.id)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a folder")
    try:
        check_writable(out)
    except OSError as exc:
        raise UsageError(f"--out {out}: cannot write there: {exc.strerror or exc}") from None
    steps = topic.steps_for(req.action, req.steps)

    def started() -> None:
        upto = f"up to {steps} {unit}s" if steps is not None else "to its end"
        print(f"{topic.id}: running {upto} on {req.device}; Ctrl+C stops and keeps what "
              "was done", flush=True)

    # Ctrl+C is a request from set-up to the last file written, honoured between two steps:
    # no KeyboardInterrupt lands inside a torch call, and what was done is written.
    with interrupt_between_steps() as stop:
        t0 = time.perf_counter()
        files: dict[str, str | bytes] = {}
        store, last = execute(req, stop, started, files)
        result = {
            "topic": topic.id,
            "action": req.action,
            "params": req.params.to_dict(),
            "seed": req.seed,
            "device": req.device,
            "steps": last.step,
            "status": last.status if last.status != RUNNING else FINISHED,
            "message": last.message,
            "final": store.finals(),
            "seconds": round(time.perf_counter() - t0, 3),
            **last.summary,
        }
        try:
            write_atomic(out / "metrics.csv", store.to_csv())
            write_atomic(out / "result.json",
                         json.dumps(result, indent=2, ensure_ascii=False) + "\n")
            for name, text in files.items():
                write_atomic(out / name, text)
        except OSError as exc:  # the folder changed during the run
            print(f"dlab: error: {write_error(out / 'metrics.csv', exc)}", file=sys.stderr)
            return 1
    written = ", ".join(["metrics.csv", "result.json", *files])
    print(f"{topic.id}: {result['status']} after {last.step} {unit}s "
          f"in {result['seconds']} s; wrote {written} in {out}")
    if last.message:
        print(last.message)
    if result["status"] == STOPPED:
        print(f"dlab: stopped by Ctrl+C after {last.step} {unit}s; kept what was done",
              file=sys.stderr)
        return 130
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from dlab.bench import WORST_CASE, Options, run

    names = [n.strip() for n in (args.topics or "").split(",") if n.strip()]
    for name in names:
        if name != WORST_CASE:
            topic_or_fail(name)
    if args.soak is not None and not args.soak > 0:
        raise UsageError(f"--soak {args.soak:g}: give the minutes per topic, more than 0")
    if not args.seconds > 0:
        raise UsageError(f"--seconds {args.seconds:g}: must be more than 0")
    if args.bench_device == "cuda":
        from dlab.core.runtime import cuda_available

        if not cuda_available():
            import torch

            raise UsageError(f"--device cuda: no CUDA device here (torch {torch.__version__}, "
                             "torch.cuda.is_available() is False); the CPU figures are "
                             "dlab bench without --device")
    return run(Options(cases=names, json=args.json, soak_minutes=args.soak,
                       device=args.bench_device, seconds=args.seconds,
                       startup=not args.no_startup, word2vec=not names and not args.json))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command == "list":
            return cmd_list()
        if args.command == "params":
            return cmd_params(args)
        if args.command == "run":
            return cmd_run(args)
        if args.command == "scenes":
            return cmd_scenes(args)
        if args.command == "shot":
            req = run_request(args)
            size = parse_size(args.size)
            if not args.out.lower().endswith(".png"):
                raise UsageError(f"{args.out}: dlab shot writes PNG pictures; name the "
                                 "file OUT.png")
            scene = None
            if args.scene is not None:
                req, scene = scene_request(req, args)
            from dlab.ui.shot import SizeError, shot  # Qt only from here on

            try:
                written = shot(req.topic, req.params, req.action, req.steps, req.seed,
                               req.device, size, args.shot_lang, args.out, scene=scene,
                               presentation=args.shot_presentation)
            except SizeError as exc:
                raise UsageError(str(exc)) from None
            if not written:
                raise UsageError(f"could not write {args.out}")
            print(f"wrote {args.out} ({size[0]}x{size[1]}, {req.topic.id}, {args.shot_lang})")
            return 0
        if args.command == "code":
            return cmd_code(args)
        if args.command == "record":
            return cmd_record(args)
        if args.command == "bench":
            return cmd_bench(args)
        if args.topic is not None:
            topic_or_fail(args.topic)
        if args.lesson is not None:
            check_lesson(args.lesson)
        if args.preset is not None:
            check_preset(args.preset)
        from dlab.ui.app import run_app

        return run_app(topic=args.topic, lang=args.lang, lesson=args.lesson,
                       presentation=args.presentation, preset=args.preset)
    except UsageError as exc:
        print(f"dlab: error: {exc}", file=sys.stderr)
        return 2
