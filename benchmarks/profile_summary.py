"""Summarise a py-spy raw profile (`py-spy record --threads -f raw`) per thread: the share
of samples inside each function (inclusive) and the top leaf functions (self).

    py-spy record -r 250 --threads --idle -f raw -o prof.txt -- \
        python -m dlab bench --topics sigmoid --no-startup
    python benchmarks/profile_summary.py prof.txt [--under in_window] [--top 25]

``--under NAME`` keeps only samples whose stack passes through NAME (the windowed runs);
the worker thread's samples are kept whole.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

# py-spy's raw lines: "[thread (TID)[: NAME];]frame;frame;... COUNT" (threads with --threads)
LINE = re.compile(r"^(?:thread \((\d+)\)(?:: ([^;]*))?;)?(.*) (\d+)$")


def frames(stack: str) -> list[str]:
    return [re.sub(r" \(.*?\)$", "", f) for f in stack.split(";")]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("raw")
    ap.add_argument("--under", default="in_window")
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    inclusive: dict[str, Counter] = defaultdict(Counter)
    leaf: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    with open(args.raw, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        m = LINE.match(line)
        if not m:
            continue
        tid, name, stack, count = m.groups()
        fs = frames(stack)
        if tid is None:  # recorded without --threads: one thread
            thread = "MainThread"
        else:
            thread = name or ("worker" if "_Worker.run" in fs else "other")
        if thread == "MainThread" and args.under not in fs:
            continue
        n = int(count)
        totals[thread] += n
        for f in set(fs):
            inclusive[thread][f] += n
        leaf[thread][fs[-1]] += n
    for thread, total in totals.most_common():
        print(f"== {thread}: {total} samples")
        print("   inclusive:")
        for f, n in inclusive[thread].most_common(args.top):
            print(f"   {100 * n / total:6.1f}%  {f}")
        print("   self:")
        for f, n in leaf[thread].most_common(args.top // 2):
            print(f"   {100 * n / total:6.1f}%  {f}")


if __name__ == "__main__":
    main()
