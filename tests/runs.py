"""Starting and finishing runs in tests, the way the window and the CLI start them."""

from __future__ import annotations

from dlab import registry
from dlab.core.experiment import Run
from dlab.core.metrics import MetricsStore
from dlab.core.pacing import Pacer
from dlab.core.params import Params
from dlab.core.snapshot import FRAME, RUNNING, Snapshot


def start(topic_id: str, params: Params | None = None, seed: int = 0,
          steps: int | None = None, pacer: Pacer | None = None, action: str = "run") -> Run:
    """A run of ``topic_id`` through ``Topic.start`` (frames only when asked for)."""
    return registry.get(topic_id).start(action, params, seed, steps, pacer or Pacer(None))


def finish(gen: Run) -> tuple[MetricsStore, Snapshot]:
    """Drive ``gen`` to its end: every record, and the last snapshot."""
    store = MetricsStore()
    for snap in gen:
        store.extend(snap.records)
    return store, snap


def deliveries(topic: registry.Topic, params: Params | None, steps: int,
               every: int) -> list[Snapshot]:
    """A run's deliveries to a tab as the runner makes them, every ``every`` steps: the
    records since the last, a frame, and the plan that comes with it."""
    gen = topic.start("run", params, 0, steps, Pacer(None))
    out, records = [], []
    try:
        snap = gen.send(None)
        while snap.status == RUNNING:
            snap = gen.send(None)
            records += snap.records
            if snap.step % every == 0 and snap.status == RUNNING:
                framed = gen.send(FRAME)
                out.append(Snapshot(snap.step, records, framed.frame, planned=framed.planned))
                records = []
    finally:
        gen.close()
    return out
