"""The metrics store keeps every record, in order, whatever the batch sizes."""

from __future__ import annotations

import numpy as np

from dlab.core.metrics import MetricsStore


def test_batches_of_any_size_keep_every_point_in_order():
    rng = np.random.default_rng(0)
    store, expect = MetricsStore(), {"a": [], "b": []}
    step = 0
    for size in rng.integers(0, 3000, 40):
        batch = []
        for _ in range(size):
            step += 1
            name = "a" if step % 3 else "b"
            batch.append((name, step, step * 0.5))
            expect[name].append((step, step * 0.5))
        store.extend(batch)
    for name in ("a", "b"):
        buf = store.get(name)
        assert buf.n == len(expect[name])
        assert np.array_equal(buf.x, [s for s, _ in expect[name]])
        assert np.array_equal(buf.y, [v for _, v in expect[name]])
    assert store.order == ["a", "b"]
    assert store.last("b") == expect["b"][-1][1]


def test_csv_has_one_row_per_record():
    store = MetricsStore()
    store.extend([("loss", 1, 0.5), ("acc", 1, 0.25), ("loss", 2, 0.125)])
    assert store.to_csv().splitlines() == [
        "step,series,value", "1,loss,0.5", "2,loss,0.125", "1,acc,0.25"]
