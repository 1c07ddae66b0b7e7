"""What frames cost the engine when the window shows a run at full speed: the paced frames
(up to 30 a second) must not take training time that `dlab run` does not spend, beyond a
small share. Counted under a fake clock (each step and each costly part advances it by a
fixed amount), so the figures are counts, not the machine's timings."""

from __future__ import annotations

import types

import pytest

from dlab import registry
from dlab.core import pacing
from dlab.core.experiment import drive
from dlab.core.pacing import Pacer
from dlab.core.snapshot import RUNNING

FRAME_INTERVAL_S = 1 / 30  # the window's pacer


class FakeClock(types.SimpleNamespace):
    """Stands in for the ``time`` module of dlab.core.pacing: only the test moves it."""

    def __init__(self) -> None:
        super().__init__(now=0.0)

    def perf_counter(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(pacing, "time", fake)
    return fake


def test_dropout_paced_votes_stay_a_small_share_of_the_run(clock, monkeypatch):
    """Dropout's vote (50 masks over the 500 validation examples) takes as long as 12 to 25
    epochs, and a running run's frames took one for every 25 epochs: the window trained at
    0.60 of `dlab run`'s speed (README, quiet-machine bench). With an epoch costing 2.5 ms
    and a vote 50 ms (as on the quiet machine), the votes taken for the paced frames of a
    run at full speed cost at most 2 % of its time, and still come; a default run (300
    epochs, under a second) takes none. Only the last epoch trains for real here: the
    others stand still and only move the clock."""
    step_s, vote_s = 0.0025, 0.050
    topic = registry.get("dropout")
    votes: list[int] = []

    def run(epochs: int):
        params = topic.params_class()().replace(epochs=epochs, hidden=16, mc_samples=5)
        exp = topic.build("run", params, 0)
        step, vote = exp.step, exp._vote

        def timed_step():
            clock.advance(step_s)
            return step() if exp.t + 1 >= epochs else []

        def timed_vote(epoch: int) -> None:
            clock.advance(vote_s)
            votes.append(epoch)
            vote(epoch)

        monkeypatch.setattr(exp, "step", timed_step)
        monkeypatch.setattr(exp, "_vote", timed_vote)
        votes.clear()
        clock.now = 0.0
        frames = 0
        for snap in drive(exp, pacer=Pacer(FRAME_INTERVAL_S)):
            frames += snap.frame is not None
            if snap.status != RUNNING:
                return snap, frames, [e for e in votes if e < epochs]  # the last is dlab run's

    snap, frames, paced = run(300)
    assert paced == [] and snap.frame.votes_epoch == 300
    snap, frames, paced = run(1600)
    assert frames >= 25 * 1600 * step_s  # frames are not thinned to save the votes
    assert len(paced) >= 1
    assert len(paced) * vote_s <= 0.02 * clock.now, (paced, clock.now)
    assert snap.frame.votes_epoch == 1600  # the end shows the final votes


def paced_run(exp, clock, monkeypatch, steps: int, step_s: float) -> int:
    """Drive ``exp`` for ``steps`` steps at full speed with the window's pacer; each step
    only moves the clock by ``step_s`` (the state stands still). The frames made."""
    monkeypatch.setattr(exp, "step", lambda: clock.advance(step_s) or [])
    frames = 0
    for snap in drive(exp, max_steps=steps, pacer=Pacer(FRAME_INTERVAL_S)):
        frames += snap.frame is not None
        if snap.status != RUNNING:
            break
    return frames


def test_sigmoid_paced_histograms_stay_a_small_share_of_the_run(clock, monkeypatch):
    """Each of Sigmoid's frames ran a probe batch of 512 examples through the network for
    its activation histograms: 1.2 ms a frame against a 0.7 ms step, so 30 frames a second
    took 5 % of training (the window trained at 0.87 of `dlab run`'s speed). With a step
    costing 0.7 ms and the histograms 1.2 ms, over 2 s at full speed the paced frames spend
    at most 2.5 % of the time on them and still refresh them several times a second; the
    gradient norms still come with every frame."""
    from dlab.engines.sigmoid import engine as sigmoid

    exp = registry.get("sigmoid").build("run", None, 0)
    made = []
    histograms = sigmoid.histograms

    def timed_histograms(*args, **kwargs):
        clock.advance(0.0012)
        made.append(clock.now)
        return histograms(*args, **kwargs)

    monkeypatch.setattr(sigmoid, "histograms", timed_histograms)
    frames = paced_run(exp, clock, monkeypatch, steps=2800, step_s=0.0007)
    paced = made[1:-1]  # the first and the last frame are asked for
    assert frames >= 25 * 2
    assert len(paced) * 0.0012 <= 0.025 * clock.now, (len(paced), clock.now)
    assert len(paced) >= 10  # still several a second


def test_cyclegan_paced_discriminator_maps_stay_a_small_share_of_the_run(clock, monkeypatch):
    """CycleGAN's frames evaluated both discriminators on a 64×64 grid for the maps behind
    the points: most of a 1.5-2 ms frame against a 2 ms step, 5 % of training at 30 frames
    a second (0.94 of `dlab run`'s speed). With a step costing 2 ms and the maps 1.5 ms,
    over 2 s at full speed the paced frames spend at most 2.5 % of the time on the maps,
    still refresh them several times a second, and the points move with every frame."""
    from dlab.engines.cyclegan import engine as cyclegan

    exp = registry.get("cyclegan").build("run", None, 0)
    maps = []
    for name in ("D_X", "D_Y"):
        net = getattr(exp, name)

        def timed(x, net=net):
            if x is exp.grid:
                clock.advance(0.00075)
                maps.append(clock.now)
            return net(x)

        monkeypatch.setattr(exp, name, timed)
    frames = paced_run(exp, clock, monkeypatch, steps=1000, step_s=0.002)
    paced = maps[2:-2]  # the first and the last frame are asked for
    assert cyclegan.GRID == 64
    assert frames >= 25 * 2
    assert len(paced) * 0.00075 <= 0.025 * clock.now, (len(paced), clock.now)
    assert len(paced) >= 2 * 10
