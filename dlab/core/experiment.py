"""The shape every engine shares, and the generator that drives it.

An engine module defines an ``Experiment`` subclass (set-up in ``__init__``, one natural
step in ``step``, the heavy state in ``frame``) and exposes
``run(params, seed) = drive(MyExperiment(params, seed))``. ``drive`` turns it into the
generator DESIGN.md describes: one Snapshot per step; frames when the Pacer says so or
when the runner sends FRAME; live parameter changes sent in as Params; a non-finite loss
ends the run as diverged instead of raising.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from typing import Any

from dlab.core.pacing import Pacer
from dlab.core.params import Params
from dlab.core.snapshot import DIVERGED, FINISHED, FRAME, RUNNING, Record, Snapshot

Run = Generator[Snapshot, "Params | object | None", None]


class Diverged(Exception):
    """Raised by an experiment's step when its numbers stopped being finite."""


def check_finite(value: float, what: str) -> float:
    if not math.isfinite(value):
        raise Diverged(f"{what} became {value}")
    return value


class Experiment:
    """One run of a topic. Subclasses fill in the four methods."""

    def __init__(self, params: Params, seed: int) -> None:
        self.params = params
        self.seed = seed
        self.t = 0  # natural steps taken

    def done(self) -> bool:
        """True when the run has taken all its steps (``max_steps`` may end it earlier)."""
        return False

    def step(self) -> list[Record]:
        """Take one natural step; return its records. Raise Diverged on non-finite numbers."""
        raise NotImplementedError

    def frame(self) -> dict[str, Any]:
        """The heavy state for drawing, as numpy copies."""
        return {}

    def update(self, params: Params) -> None:
        """Apply live-editable parameters between two steps."""
        self.params = params

    def summary(self) -> dict[str, Any]:
        """Topic-specific fields for result.json."""
        return {}


def drive(exp: Experiment, max_steps: int | None = None, pacer: Pacer | None = None) -> Run:
    pacer = pacer or Pacer()
    sent = yield Snapshot(step=0, frame=exp.frame(), summary=exp.summary())
    while True:
        while sent is FRAME:
            sent = yield Snapshot(step=exp.t, frame=exp.frame(), summary=exp.summary())
        if isinstance(sent, Params):
            exp.update(sent)
        if exp.done() or (max_steps is not None and exp.t >= max_steps):
            yield Snapshot(exp.t, frame=exp.frame(), status=FINISHED, summary=exp.summary())
            return
        try:
            records = exp.step()
        except Diverged as why:
            exp.t += 1
            yield Snapshot(
                exp.t,
                frame=exp.frame(),
                status=DIVERGED,
                message=f"diverged at step {exp.t}: {why}",
                summary=exp.summary(),
            )
            return
        exp.t += 1
        frame = exp.frame() if pacer.due() else None
        sent = yield Snapshot(exp.t, records, frame)


def run_to_end(gen: Run, sink: Callable[[list[Record]], Any]) -> Snapshot:
    """Drive an engine's generator to its last snapshot in this thread, handing every
    step's records to ``sink``; the snapshot returned carries a frame. The caller closes
    ``gen`` (after a KeyboardInterrupt it can still send FRAME to it)."""
    snap = next(gen)
    while snap.status == RUNNING:
        snap = next(gen)
        sink(snap.records)
    return snap if snap.frame is not None else gen.send(FRAME)
