"""The shape every engine shares, and the generator that drives it.

An engine module defines an ``Experiment`` subclass (set-up in ``__init__``, one natural
step in ``step``, what the views draw in ``frame``, a frozen Frame dataclass of the topic's
``frame.py``). The registry names it, and ``Topic.start`` builds it and hands it to
``drive``, which turns it into the generator DESIGN.md describes: one Snapshot per step;
frames when the Pacer says so or when the runner sends FRAME; live parameter changes sent
in as Params; a non-finite loss ends the run as diverged instead of raising.
"""

from __future__ import annotations

import contextlib
import math
import signal
import threading
from collections.abc import Callable, Generator, Iterator
from typing import Any, ClassVar

from dlab.core.pacing import Pacer
from dlab.core.params import Params, Text
from dlab.core.snapshot import DIVERGED, FINISHED, FRAME, RUNNING, STOPPED, Record, Snapshot

Run = Generator[Snapshot, "Params | object | None", None]


class Diverged(Exception):
    """Raised by an experiment's step when its numbers stopped being finite."""


class BadInput(ValueError):
    """Bad data an engine finds only when it reads it (a user's file). The message says
    what is wrong and what is allowed: `dlab run` prints it and exits 2, the window shows
    it in the tab's banner. Given as a ``Text``, the window shows it translated."""

    def __init__(self, message: str | Text) -> None:
        super().__init__(str(message))
        self.text = message if isinstance(message, Text) else Text("{message}",
                                                                    message=message)


def check_finite(value: float, what: str) -> float:
    if not math.isfinite(value):
        raise Diverged(f"{what} became {value}")
    return value


class Experiment:
    """One run of a topic. Subclasses set ``frame_type`` (the frozen dataclass that
    ``frame()`` returns, from the topic's torch-free ``frame.py``) and fill in the methods."""

    frame_type: ClassVar[type]

    def __init__(self, params: Params, seed: int, device: str = "cpu") -> None:
        self.params = params
        self.seed = seed
        self.device = device  # "cpu" or "cuda", already checked by core.runtime
        self.t = 0  # natural steps taken

    def done(self) -> bool:
        """True when the run has taken all its steps (``max_steps`` may end it earlier)."""
        return False

    def planned_steps(self) -> int | None:
        """The natural steps the whole run will take, as planned now (its epochs); None
        when it depends on what only ``max_steps`` says, or is not known yet. The window
        shows that much of a curve's x axis from the start."""
        return None

    def step(self) -> list[Record]:
        """Take one natural step; return its records. Raise Diverged on non-finite numbers."""
        raise NotImplementedError

    def frame(self) -> Any:
        """The topic's Frame: numpy copies and plain numbers, only what a view draws."""
        raise NotImplementedError

    def paced_frame(self) -> Any:
        """The frame a running run shows when the Pacer says the screen can use one (up to
        30 a second). By default ``frame()``; an engine whose frame has a costly part may
        refresh that part less often here, since each frame drawn is training time. The
        frames asked for (the first, the last, while paused, after Step, every step in slow
        motion) always come from ``frame()``."""
        return self.frame()

    def update(self, params: Params) -> None:
        """Apply live-editable parameters between two steps."""
        self.params = params

    def summary(self) -> dict[str, Any]:
        """Topic-specific fields for result.json."""
        return {}

    def files(self) -> dict[str, str | bytes]:
        """Extra files `dlab run` writes beside result.json (name -> text, or bytes for
        images)."""
        return {}


def planned(exp: Experiment, max_steps: int | None) -> int | None:
    """The steps ``exp`` will take when driven with ``max_steps``, as planned now."""
    steps = exp.planned_steps()
    if max_steps is None:
        return steps
    return max_steps if steps is None else min(steps, max_steps)


def drive(exp: Experiment, max_steps: int | None = None, pacer: Pacer | None = None) -> Run:
    pacer = pacer or Pacer()
    sent = yield Snapshot(step=0, frame=exp.frame(), summary=exp.summary(),
                          planned=planned(exp, max_steps))
    while True:
        while sent is FRAME:
            sent = yield Snapshot(step=exp.t, frame=exp.frame(), summary=exp.summary(),
                                  planned=planned(exp, max_steps))
        if isinstance(sent, Params):
            exp.update(sent)
        if exp.done() or (max_steps is not None and exp.t >= max_steps):
            yield Snapshot(exp.t, frame=exp.frame(), status=FINISHED, summary=exp.summary(),
                           planned=planned(exp, max_steps))
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
                planned=planned(exp, max_steps),
            )
            return
        exp.t += 1
        if pacer.due():
            sent = yield Snapshot(exp.t, records, exp.paced_frame(),
                                  planned=planned(exp, max_steps))
        else:
            sent = yield Snapshot(exp.t, records)


class StopFlag:
    """A stop asked for from outside (Ctrl+C), honoured between two steps."""

    def __init__(self) -> None:
        self.set = False


@contextlib.contextmanager
def interrupt_between_steps() -> Iterator[StopFlag]:
    """While inside, Ctrl+C (SIGINT) only raises the flag: the step under way finishes, no
    KeyboardInterrupt lands inside a torch call, and the run ends as 'stopped'. A second
    Ctrl+C interrupts at once, as usual."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def on_sigint(signum: int, frame: Any) -> None:  # noqa: ARG001
        if flag.set:
            raise KeyboardInterrupt
        flag.set = True

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def run_to_end(gen: Run, sink: Callable[[list[Record]], Any],
               stop: StopFlag | None = None) -> Snapshot:
    """Drive an engine's generator to its last snapshot in this thread, handing every
    step's records to ``sink``; the snapshot returned carries a frame. When ``stop`` is
    raised the run ends between two steps with status STOPPED. The caller closes ``gen``."""
    snap = next(gen)
    while snap.status == RUNNING:
        if stop is not None and stop.set:
            last = gen.send(FRAME)
            last.status = STOPPED
            return last
        snap = next(gen)
        sink(snap.records)
    return snap if snap.frame is not None else gen.send(FRAME)
