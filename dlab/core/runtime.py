"""Torch set-up shared by every engine: threads, device, seeding. Imports torch lazily."""

from __future__ import annotations

import os
from typing import Any


def configure_torch() -> None:
    """Leave one core for the GUI; DLAB_THREADS overrides."""
    import torch

    wanted = int(os.environ.get("DLAB_THREADS", "0")) or max(1, (os.cpu_count() or 2) - 1)
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)


def pick_device(preference: str = "cpu") -> Any:
    """CPU by default; CUDA only when asked for and present."""
    import torch

    if preference == "cuda" and torch.cuda.is_available():
        return torch.device("cuda")
    return torch.device("cpu")


def generator(seed: int) -> Any:
    """A private RNG, so runs are reproducible whatever else uses the global one."""
    import torch

    configure_torch()
    g = torch.Generator()
    g.manual_seed(seed)
    return g
