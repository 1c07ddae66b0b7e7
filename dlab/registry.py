"""The ordered list of topics: the one place where a topic is added.

Everything is named by import path and loaded on demand, so listing topics or building
forms never imports torch (the window paints first; `dlab list` answers at once).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from dlab.core.params import Params


def _load(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str  # English; the UI translates it (context "topics")
    params: str  # "module:Class", a Params subclass (no torch in that module)
    engine: str  # "module:function", run(params, seed, max_steps, pacer) -> generator
    tab: str  # "module:Class", a TopicTab subclass
    unit: str = "iteration"  # what one natural step (and --steps) counts
    default_steps: int | None = None  # None: the engine knows when it is done
    actions: dict[str, str] = field(default_factory=dict)  # extra engines, e.g. compare

    def params_class(self) -> type[Params]:
        return _load(self.params)

    def engine_fn(self, action: str = "run") -> Callable[..., Any]:
        return _load(self.engine if action == "run" else self.actions[action])

    def tab_class(self) -> type:
        return _load(self.tab)


TOPICS: tuple[Topic, ...] = (
    Topic(
        id="gradient-descent",
        title="Gradient descent",
        params="dlab.engines.gradient_descent.params:GDParams",
        engine="dlab.engines.gradient_descent.engine:run",
        tab="dlab.ui.tabs.gradient_descent:GradientDescentTab",
        unit="iteration (one weight update)",
        actions={"compare": "dlab.engines.gradient_descent.engine:run_compare"},
    ),
    Topic(
        id="sigmoid",
        title="Sigmoid and vanishing gradients",
        params="dlab.engines.sigmoid.params:SigmoidParams",
        engine="dlab.engines.sigmoid.engine:run",
        tab="dlab.ui.tabs.sigmoid:SigmoidTab",
        unit="step (one update of the deep network)",
        default_steps=800,
        actions={"exp_cost": "dlab.engines.sigmoid.engine:run_exp_cost"},
    ),
    Topic(
        id="adam",
        title="Adam: momentum + RMSProp",
        params="dlab.engines.adam.params:AdamParams",
        engine="dlab.engines.adam.engine:run",
        tab="dlab.ui.tabs.adam:AdamTab",
        unit="step (one update by every optimiser)",
        default_steps=1000,
    ),
    Topic(
        id="batchnorm",
        title="Batch normalisation",
        params="dlab.engines.batchnorm.params:BatchNormParams",
        engine="dlab.engines.batchnorm.engine:run",
        tab="dlab.ui.tabs.batchnorm:BatchNormTab",
        unit="step (one update of each network)",
        default_steps=500,
    ),
)


class UnknownTopic(KeyError):
    def __str__(self) -> str:
        return f"unknown topic {self.args[0]!r}; expected one of {', '.join(ids())}"


def ids() -> list[str]:
    return [t.id for t in TOPICS]


def get(topic_id: str) -> Topic:
    for t in TOPICS:
        if t.id == topic_id:
            return t
    raise UnknownTopic(topic_id)
