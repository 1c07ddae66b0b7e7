"""Growing per-series buffers: amortised appends, zero-copy views for plotting."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import numpy as np

from dlab.core.snapshot import Record


class SeriesBuffer:
    def __init__(self, capacity: int = 1024) -> None:
        self._x = np.empty(capacity, dtype=np.float64)
        self._y = np.empty(capacity, dtype=np.float64)
        self.n = 0

    def append(self, x: float, y: float) -> None:
        self.extend([x], [y])

    def extend(self, xs: list[float], ys: list[float]) -> None:
        k = len(xs)
        if self.n + k > len(self._x):  # double: appends stay O(1) amortised
            size = max(2 * len(self._x), self.n + k)
            self._x = np.resize(self._x, size)
            self._y = np.resize(self._y, size)
        self._x[self.n : self.n + k] = xs
        self._y[self.n : self.n + k] = ys
        self.n += k

    @property
    def x(self) -> np.ndarray:
        return self._x[: self.n]

    @property
    def y(self) -> np.ndarray:
        return self._y[: self.n]


class RowBuffer:
    """Rows of one shape appended one at a time (a step's per-layer statistics), kept in
    an array that doubles as it fills, so a frame copies the rows instead of building an
    array from a list of them at every frame."""

    def __init__(self, shape: tuple[int, ...], capacity: int = 256) -> None:
        self._rows = np.empty((capacity, *shape), dtype=np.float64)
        self.n = 0

    def append(self, row: np.ndarray) -> None:
        if self.n == len(self._rows):
            self._rows = np.concatenate([self._rows, np.empty_like(self._rows)])
        self._rows[self.n] = row
        self.n += 1

    def __len__(self) -> int:
        return self.n

    def copy(self) -> np.ndarray:
        """The rows so far, (n, *shape), as an array of their own."""
        return self._rows[: self.n].copy()


class MetricsStore:
    """Every recorded scalar of a run, in arrival order per series."""

    def __init__(self) -> None:
        self.series: dict[str, SeriesBuffer] = {}
        self.order: list[str] = []

    def extend(self, records: Iterable[Record]) -> None:
        # Group first, then copy each series in one slice: a fast engine delivers tens of
        # thousands of records a second, and this runs in the GUI thread.
        grouped: dict[str, tuple[list[float], list[float]]] = {}
        for name, step, value in records:
            xs_ys = grouped.get(name)
            if xs_ys is None:
                xs_ys = grouped[name] = ([], [])
            xs_ys[0].append(step)
            xs_ys[1].append(value)
        for name, (xs, ys) in grouped.items():
            buf = self.series.get(name)
            if buf is None:
                buf = self.series[name] = SeriesBuffer()
                self.order.append(name)
            buf.extend(xs, ys)

    def get(self, name: str) -> SeriesBuffer | None:
        return self.series.get(name)

    def last(self, name: str) -> float | None:
        buf = self.series.get(name)
        return float(buf.y[-1]) if buf is not None and buf.n else None

    def finals(self) -> dict[str, float]:
        return {name: float(self.series[name].y[-1]) for name in self.order}

    def clear(self) -> None:
        self.series.clear()
        self.order.clear()

    def until(self, step: float) -> MetricsStore:
        """A copy holding only the records up to ``step`` (a moment of the run's past)."""
        out = MetricsStore()
        for name in self.order:
            buf = self.series[name]
            n = int(np.searchsorted(buf.x, step, side="right"))
            if n:
                out.series[name] = part = SeriesBuffer(max(n, 1))
                part.extend(list(buf.x[:n]), list(buf.y[:n]))
                out.order.append(name)
        return out

    def to_csv(self) -> str:
        out = io.StringIO()
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["step", "series", "value"])
        for name in self.order:
            buf = self.series[name]
            for x, y in zip(buf.x, buf.y, strict=True):
                w.writerow([int(x), name, repr(float(y))])
        return out.getvalue()
