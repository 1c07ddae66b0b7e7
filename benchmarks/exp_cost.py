"""Cost of exp: forward + backward time of sigmoid, tanh and ReLU on this machine.

Prints the median of several rounds for a few tensor sizes, and each activation's time
relative to ReLU. The Sigmoid tab's "Measure exp cost" button runs the same timing
(dlab.engines.sigmoid.engine.time_activation) at 4 M values.

    python benchmarks/exp_cost.py [--rounds 15]
"""

from __future__ import annotations

import argparse

import numpy as np
import torch

from dlab.core.runtime import configure_torch
from dlab.engines.sigmoid.engine import COST_ACTIVATIONS, time_activation


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=15)
    args = ap.parse_args()
    configure_torch()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} thread(s)")
    print(f"{'values':>10} " + " ".join(f"{n + ' ms':>11}" for n in COST_ACTIVATIONS)
          + "   relative to relu")
    for exp2 in (16, 20, 22, 24):
        n = 1 << exp2
        x = torch.randn(n).requires_grad_(True)
        grad = torch.ones(n)
        times: dict[str, list[float]] = {a: [] for a in COST_ACTIVATIONS}
        for a in COST_ACTIVATIONS:  # warm-up
            time_activation(a, x, grad)
        for r in range(args.rounds):
            order = COST_ACTIVATIONS[r % 3:] + COST_ACTIVATIONS[:r % 3]
            for a in order:
                times[a].append(time_activation(a, x, grad))
        med = {a: float(np.median(v)) for a, v in times.items()}
        rel = " ".join(f"{a} {med[a] / med['relu']:.2f}x" for a in COST_ACTIVATIONS)
        print(f"{n:>10,} " + " ".join(f"{med[a]:>11.3f}" for a in COST_ACTIVATIONS)
              + f"   {rel}")


if __name__ == "__main__":
    main()
