"""The command line. `run`, `list` and `params` never import Qt (a test checks it)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

from dlab import __version__, registry
from dlab.core.experiment import run_to_end
from dlab.core.io import write_atomic
from dlab.core.metrics import MetricsStore
from dlab.core.pacing import Pacer
from dlab.core.params import ParamError, Params, describe
from dlab.core.snapshot import FINISHED, FRAME, RUNNING, STOPPED


class UsageError(Exception):
    """Bad input on the command line: exit status 2 and one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="dlab", description="dlab: a desktop deep-learning lab.")
    p.add_argument("--version", action="version", version=f"dlab {__version__}")
    p.add_argument("--topic", help="open the window on this topic")
    p.add_argument("--lang", choices=("en", "ko"), help="language of the window")
    sub = p.add_subparsers(dest="command", parser_class=_Parser)
    sub.add_parser("list", help="topic ids and titles")
    pp = sub.add_parser("params", help="every parameter of a topic")
    pp.add_argument("topic")
    pp.add_argument("--json", action="store_true")
    for name in ("run", "shot"):
        sp = sub.add_parser(name, help="train headless" if name == "run" else "render a tab")
        sp.add_argument("topic")
        if name == "shot":
            sp.add_argument("out", help="PNG file to write")
            sp.add_argument("--size", default="1600x1000", help="WxH in pixels")
            sp.add_argument("--lang", dest="shot_lang", choices=("en", "ko"), default="en")
            sp.add_argument("--action", default="run", help="run, or a topic action (compare)")
        sp.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
        sp.add_argument("--steps", type=int, help="natural steps to take")
        sp.add_argument("--seed", type=int, default=0)
        if name == "run":
            sp.add_argument("--out", default=None, help="output folder (default runs/TOPIC)")
    sub.add_parser("bench", help="print the benchmark figures")
    return p


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


def check_steps(steps: int | None) -> None:
    if steps is not None and steps < 1:
        raise UsageError(f"--steps: {steps} is not allowed; expected a positive integer")


def cmd_list() -> int:
    for t in registry.TOPICS:
        print(f"{t.id}\t{t.title}")
    return 0


def cmd_params(args: argparse.Namespace) -> int:
    topic = topic_or_fail(args.topic)
    rows = describe(topic.params_class())
    if args.json:
        print(json.dumps({"topic": topic.id, "unit": topic.unit, "params": rows}, indent=2))
        return 0
    print(f"{topic.id}: --steps counts {topic.unit}s")
    for r in rows:
        live = " (live)" if r["live"] else ""
        print(f"  {r['name']:<16} default {r['default']!s:<10} {r['allowed']}{live}")
        if r["help"]:
            print(f"  {'':<16} {r['help']}")
    return 0


def execute(topic: registry.Topic, params: Params, seed: int, steps: int | None,
            action: str = "run") -> tuple[MetricsStore, Any, int]:
    """Run an engine to its end headless. Returns the metrics, the last snapshot and the
    number of natural steps taken. Ctrl-C stops it cleanly with status 'stopped'."""
    store = MetricsStore()
    gen = topic.engine_fn(action)(params, seed, steps or topic.default_steps,
                                  Pacer(None))
    try:
        snap = run_to_end(gen, store.extend)
    except KeyboardInterrupt:
        snap = gen.send(FRAME)
        snap.status = STOPPED
    finally:
        gen.close()
    return store, snap, snap.step


def cmd_run(args: argparse.Namespace) -> int:
    topic = topic_or_fail(args.topic)
    params = parse_sets(topic.params_class(), args.set)
    check_steps(args.steps)
    out = Path(args.out or Path("runs") / topic.id)
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {out}: exists and is not a folder")
    t0 = time.perf_counter()
    store, last, steps = execute(topic, params, args.seed, args.steps)
    result = {
        "topic": topic.id,
        "params": params.to_dict(),
        "seed": args.seed,
        "steps": steps,
        "status": last.status if last.status != RUNNING else FINISHED,
        "message": last.message,
        "final": store.finals(),
        "seconds": round(time.perf_counter() - t0, 3),
        **last.summary,
    }
    write_atomic(out / "metrics.csv", store.to_csv())
    write_atomic(out / "result.json", json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(f"{topic.id}: {result['status']} after {steps} {topic.unit.split(' ')[0]}s "
          f"in {result['seconds']} s; wrote {out}/metrics.csv and result.json")
    if last.message:
        print(last.message)
    return 0


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
        if args.command == "shot":
            topic = topic_or_fail(args.topic)
            params = parse_sets(topic.params_class(), args.set)
            check_steps(args.steps)
            from dlab.ui.shot import shot  # Qt only from here on

            return shot(topic, params, args)
        if args.command == "bench":
            from dlab.bench import run_all

            return run_all()
        if args.topic is not None:
            topic_or_fail(args.topic)
        from dlab.ui.app import run_app

        return run_app(topic=args.topic, lang=args.lang)
    except UsageError as exc:
        print(f"dlab: error: {exc}", file=sys.stderr)
        return 2
