"""A scene's "checks": the claims of its narration as small expressions over the numbers of
its run, so a test can hold every shipped scene to what it says.

An expression may use numbers, arithmetic, comparisons, ``and``/``or``/``not``, and
    final(series)    the series' last value          first(series)  its first value
    low(series)      its smallest value              high(series)   its largest value
    mean(series)     its mean                        count(series)  how many values it has
    at(series, k)    its value at step k
    summary(key)     a number from the run's summary (result.json)
    steps            the steps the run took           status         "finished" or "diverged"
for example ``final('grad_norm/1') / final('grad_norm/10') < 1e-3``.
"""

from __future__ import annotations

import ast
import math
from typing import Any

from dlab.core.metrics import MetricsStore
from dlab.core.snapshot import Snapshot

_NODES = (ast.Expression, ast.Compare, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Call,
          ast.Constant, ast.Name, ast.Load, ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow,
          ast.USub, ast.Not, ast.And, ast.Or, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq,
          ast.NotEq, ast.Subscript, ast.In, ast.NotIn, ast.Is, ast.IsNot)


class CheckError(ValueError):
    pass


def evaluate(expr: str, store: MetricsStore, last: Snapshot) -> Any:
    tree = ast.parse(expr, mode="eval")
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise CheckError(f"{expr!r}: {type(node).__name__} is not allowed")

    def series(name: str):  # noqa: ANN202
        buf = store.get(name)
        if buf is None or buf.n == 0:
            raise CheckError(f"{expr!r}: no series {name!r}; the run has "
                             f"{', '.join(sorted(store.finals()))}")
        return buf

    def at(name: str, k: int) -> float:
        buf = series(name)
        hits = [y for x, y in zip(buf.x, buf.y, strict=True) if x == k]
        if not hits:
            raise CheckError(f"{expr!r}: {name!r} has no value at step {k}")
        return float(hits[-1])

    def summary(key: str) -> float:
        if key not in last.summary:
            raise CheckError(f"{expr!r}: no summary field {key!r}")
        return last.summary[key]

    env = {
        "final": lambda n: float(series(n).y[-1]),
        "first": lambda n: float(series(n).y[0]),
        "low": lambda n: float(min(series(n).y)),
        "high": lambda n: float(max(series(n).y)),
        "mean": lambda n: float(series(n).y.mean()),
        "count": lambda n: series(n).n,
        "at": at,
        "summary": summary,
        "steps": last.step,
        "status": last.status,
        "log10": math.log10,
        "abs": abs,
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in env:
            raise CheckError(f"{expr!r}: unknown name {node.id!r}")
    return eval(compile(tree, "<check>", "eval"), {"__builtins__": {}}, env)  # noqa: S307
