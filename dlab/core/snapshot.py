"""What an engine yields: the scalars of one natural step and, when asked for, a frame."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Run states, shared by engines, the runner and the command line.
RUNNING = "running"
FINISHED = "finished"
DIVERGED = "diverged"
STOPPED = "stopped"
FAILED = "failed"

Record = tuple[str, int, float]  # (series, step, value)


@dataclass
class Snapshot:
    """One natural step's records, plus the heavy state when a frame was due.

    ``frame`` holds numpy copies and plain numbers only, never a live tensor.
    ``status`` is RUNNING until the last snapshot of a run, which is FINISHED or DIVERGED.
    """

    step: int
    records: list[Record] = field(default_factory=list)
    frame: dict[str, Any] | None = None
    status: str = RUNNING
    message: str = ""
    summary: dict[str, Any] = field(default_factory=dict)


class _FrameRequest:
    """Sent into an engine's generator: yield a frame of the current state, do not step."""

    def __repr__(self) -> str:
        return "FRAME"


FRAME = _FrameRequest()
