"""Torch set-up shared by every engine: threads, device, seeding. Imports torch lazily."""

from __future__ import annotations

import os
import sys
from typing import Any


def threads_wanted() -> int:
    """Torch threads for an engine: DLAB_THREADS when it is a whole number from 1 up,
    else every core but one (left for the GUI). Empty counts as unset; anything else
    is named on stderr and the default used, so a typo never stops a run."""
    default = max(1, (os.cpu_count() or 2) - 1)
    raw = os.environ.get("DLAB_THREADS", "").strip()
    if not raw:
        return default
    if raw.isdigit() and int(raw) >= 1:
        return int(raw)
    print(f"dlab: DLAB_THREADS={raw!r} ignored: expected a whole number of threads from 1 up; "
          f"using {default}", file=sys.stderr)
    return default


def configure_torch() -> None:
    """Leave one core for the GUI; DLAB_THREADS overrides."""
    import torch

    wanted = threads_wanted()
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)


def settle_imports() -> None:
    """Move what exists now (torch and what its import made) out of the garbage collector's
    sight (``gc.freeze``): every full collection scanned it all, and a first run, which
    imports more, set off a few (Dropout's first run in a fresh process: 373 to 482 ms in 3
    full collections, a quarter of the run; 75 ms after this). Cyclic garbage among them is
    never collected: call it right after imports, never with a run's objects alive in a
    process that serves more runs."""
    import gc

    gc.freeze()


DEVICES = ("auto", "cpu", "cuda")


class DeviceError(ValueError):
    """A device was asked for that this machine does not have."""


def cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


def pick_device(preference: str = "cpu", cuda_pays: bool = True) -> str:
    """The device an engine runs on: "cpu" or "cuda". ``auto`` takes CUDA when present and
    ``cuda_pays`` (the topic trains faster there: most topics' networks are so small that
    launching CUDA's kernels costs more than the arithmetic, see README "On a GPU");
    ``cuda`` without CUDA is bad input (DeviceError), never a silent fallback."""
    if preference not in DEVICES:
        raise DeviceError(f"device {preference!r}: expected one of {', '.join(DEVICES)}")
    if preference == "cpu" or (preference == "auto" and not cuda_pays):
        return "cpu"
    if cuda_available():
        return "cuda"
    if preference == "cuda":
        raise DeviceError("device 'cuda': no CUDA device is available here; "
                          "choose cpu or auto")
    return "cpu"


def generator(seed: int) -> Any:
    """A private RNG, so runs are reproducible whatever else uses the global one."""
    import torch

    configure_torch()
    g = torch.Generator()
    g.manual_seed(seed)
    return g
