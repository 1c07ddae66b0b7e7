"""The experiment driver: steps, frames on request, live updates, divergence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, ClassVar

from dlab.core.experiment import Experiment, check_finite, drive, run_to_end
from dlab.core.pacing import Pacer
from dlab.core.params import Params, Spec
from dlab.core.snapshot import DIVERGED, FINISHED, FRAME, RUNNING


@dataclass(frozen=True)
class ToyParams(Params):
    topic: ClassVar[str] = "toy"
    rate: Annotated[float, Spec("Rate", lo=-1e9, hi=1e9, live=True)] = 1.0


class Toy(Experiment):
    """x grows by `rate` each step; the loss is 1/(10 - x), which is inf at x = 10."""

    def __init__(self, params: ToyParams, seed: int) -> None:
        super().__init__(params, seed)
        self.x = 0.0

    def step(self):
        self.x += self.params.rate
        loss = 1.0 / (10.0 - self.x) if self.x != 10 else float("nan")
        return [("loss", self.t + 1, check_finite(loss, "loss"))]

    def frame(self):
        return {"x": self.x}


def test_one_snapshot_per_step_and_frames_only_when_asked():
    gen = drive(Toy(ToyParams(rate=0.5), 0), max_steps=3, pacer=Pacer(None))
    first = next(gen)
    assert (first.step, first.frame, first.status) == (0, {"x": 0.0}, RUNNING)
    s1 = next(gen)
    assert s1.step == 1 and s1.records == [("loss", 1, 1 / 9.5)] and s1.frame is None
    f = gen.send(FRAME)
    assert f.step == 1 and f.records == [] and f.frame == {"x": 0.5}, "a frame, no step"
    assert next(gen).step == 2
    assert next(gen).step == 3
    last = next(gen)
    assert last.status == FINISHED and last.frame == {"x": 1.5}


def test_live_update_applies_before_the_next_step():
    gen = drive(Toy(ToyParams(), 0), pacer=Pacer(None))
    next(gen)
    next(gen)
    snap = gen.send(ToyParams(rate=3.0))
    assert snap.step == 2 and gen.send(FRAME).frame == {"x": 4.0}


def test_nan_ends_the_run_as_diverged_not_as_an_exception():
    gen = drive(Toy(ToyParams(rate=2.5), 0), pacer=Pacer(None))
    snaps = list(gen)
    last = snaps[-1]
    assert last.status == DIVERGED and last.step == 4
    assert last.message == "diverged at step 4: loss became nan"
    assert last.frame == {"x": 10.0}, "the state it diverged in is still drawn"


def test_run_to_end_hands_over_every_record_and_ends_with_a_frame():
    seen = []
    last = run_to_end(drive(Toy(ToyParams(rate=0.5), 0), max_steps=4, pacer=Pacer(None)),
                      seen.extend)
    assert [r[1] for r in seen] == [1, 2, 3, 4]
    assert last.status == FINISHED and last.frame == {"x": 2.0}
