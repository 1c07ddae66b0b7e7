"""What an engine yields: the scalars of one natural step and, when asked for, a frame.

The same Snapshot is what a tab draws: the runner merges every snapshot since the last
delivery into one (all records, the latest frame), so there is one type, not two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

# Run states, shared by engines, the runner and the command line.
RUNNING = "running"
FINISHED = "finished"
DIVERGED = "diverged"
STOPPED = "stopped"
FAILED = "failed"

Record = tuple[str, int, float]  # (series, step, value)


F = TypeVar("F")  # a topic's Frame dataclass (engines/<topic>/frame.py)


@dataclass
class Snapshot(Generic[F]):
    """One natural step's records, plus the heavy state when a frame was due.

    ``frame`` is the topic's frozen Frame dataclass: numpy copies and plain numbers only,
    never a live tensor, and only what a view draws.
    ``status`` is RUNNING until the last snapshot of a run, which is FINISHED or DIVERGED.
    ``planned`` comes with every frame: the steps the run will take, as planned now (its
    ``--steps``, its epochs), or None where the engine cannot tell yet; a view of curves
    over steps shows that much of the x axis from the start.
    """

    step: int = 0
    records: list[Record] = field(default_factory=list)
    frame: F | None = None
    status: str = RUNNING
    message: str = ""
    summary: dict[str, Any] = field(default_factory=dict)
    planned: int | None = None


class _FrameRequest:
    """Sent into an engine's generator: yield a frame of the current state, do not step."""

    def __repr__(self) -> str:
        return "FRAME"


FRAME = _FrameRequest()
