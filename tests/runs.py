"""Starting and finishing runs in tests, the way the window and the CLI start them."""

from __future__ import annotations

from dlab import registry
from dlab.core.experiment import Run
from dlab.core.metrics import MetricsStore
from dlab.core.pacing import Pacer
from dlab.core.params import Params
from dlab.core.snapshot import Snapshot


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
