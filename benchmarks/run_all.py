"""Print every figure `dlab bench` prints (GUI/headless throughput, event-loop latency,
start-up time). Usage: python benchmarks/run_all.py"""

from __future__ import annotations

import sys

from dlab.bench import run_all

if __name__ == "__main__":
    sys.exit(run_all())
