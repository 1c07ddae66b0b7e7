"""The ordered list of topics: the one place where a topic is added.

Everything is named by import path and loaded on demand, so listing topics or building
forms never imports torch (the window paints first; `dlab list` answers at once).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dlab.core.params import Params
from dlab.core.resources import resource

if TYPE_CHECKING:
    from dlab.core.experiment import Experiment, Run
    from dlab.core.pacing import Pacer
    from dlab.core.presets import Preset
    from dlab.core.scenes import Script


def _load(path: str) -> Any:
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


DEFAULT_CODE_STEPS = 1000  # a generated script's steps when the topic has no default


@dataclass(frozen=True)
class Topic:
    id: str
    title: str  # English; the UI translates it (context "topics")
    params: str  # "module:Class", a Params subclass (no torch in that module)
    experiments: dict[str, str]  # action -> "module:Class" (an Experiment); "run" first
    tab: str  # "module:Class", a TopicTab subclass
    unit: str = "iteration"  # what one natural step (and --steps) counts
    default_steps: int | None = None  # for "run"; None: the experiment knows when it is done
    # Whether its defaults train faster on CUDA than on one CPU thread (`dlab bench --device
    # cuda`, README "On a GPU"): the device "auto" takes CUDA for these topics only.
    cuda_pays: bool = False

    def params_class(self) -> type[Params]:
        return _load(self.params)

    def actions(self) -> list[str]:
        """Every action a run can take: "run" and the topic's extra experiments."""
        return list(self.experiments)

    def experiment_class(self, action: str = "run") -> type[Experiment]:
        if action not in self.experiments:
            raise UnknownAction(action, self)
        return _load(self.experiments[action])

    def steps_for(self, action: str, steps: int | None) -> int | None:
        """The steps a run takes: as asked, else the topic's default (for "run")."""
        if steps is not None:
            return steps
        return self.default_steps if action == "run" else None

    def start(self, action: str = "run", params: Params | None = None, seed: int = 0,
              steps: int | None = None, pacer: Pacer | None = None,
              device: str = "cpu") -> Run:
        """The one way a run starts, for the window, the command line and the tests.
        ``device`` is auto, cpu or cuda (core.runtime.pick_device decides)."""
        from dlab.core.experiment import drive

        exp = self.build(action, params, seed, device)
        return drive(exp, self.steps_for(action, steps), pacer)

    def build(self, action: str = "run", params: Params | None = None, seed: int = 0,
              device: str = "cpu") -> Experiment:
        """The experiment ``start`` drives (for callers that also want its ``files``)."""
        from dlab.core.runtime import pick_device

        cls = self.experiment_class(action)
        params = params if params is not None else self.params_class()()
        return cls(params, seed, device=pick_device(device, self.cuda_pays))

    def tab_class(self) -> type:
        return _load(self.tab)

    # --- classroom data: a topic supplies files, found by its id ----------------------
    def scenes_path(self, lang: str) -> Path:
        """Its guided scenes, ``resources/scenes/<id>.<lang>.json`` (dlab.core.scenes)."""
        return resource("scenes", f"{self.id}.{lang}.json")

    def has_scenes(self, lang: str = "en") -> bool:
        return self.scenes_path(lang).exists()

    def read_script(self, text: str) -> Script:
        """A script file's text, checked against this topic (raises SceneError)."""
        from dlab.core.scenes import parse_script, read_json

        return parse_script(read_json(text), self.id, self.params_class(), self.actions())

    def code_path(self) -> Path:
        """Its "show me the code" template, ``resources/code/<id>.py`` (dlab.core.codegen)."""
        return resource("code", f"{self.id}.py")

    def has_code(self) -> bool:
        return self.code_path().exists()

    def code(self, params: Params, seed: int = 0, steps: int | None = None) -> str | None:
        """The standalone script that reproduces ``dlab run``'s loss series; None when the
        topic has no template yet. NoScript when ``params`` are values it cannot follow."""
        from dlab.core.codegen import NoScript, render

        if not self.has_code():
            return None
        why = params.code_refused()
        if why is not None:
            raise NoScript(why)
        steps = self.steps_for("run", steps) or DEFAULT_CODE_STEPS
        return render(self.code_path().read_text(encoding="utf-8"), self.id,
                      params.to_dict(), seed, steps, params.code_files())

    def scenes(self, lang: str) -> Script | None:
        """The shipped script in ``lang``; None when the topic has none."""
        path = self.scenes_path(lang)
        return self.read_script(path.read_text(encoding="utf-8")) if path.exists() else None


@dataclass(frozen=True)
class RunSpec:
    """A run to start, as plain data: it can travel to an engine process (pickled), where
    ``start`` builds the engine, so the window's runner and the process agree on the run."""

    topic_id: str
    action: str = "run"
    params: Params | None = None
    seed: int = 0
    steps: int | None = None
    device: str = "cpu"

    def start(self, pacer: Pacer | None = None) -> Run:
        return get(self.topic_id).start(self.action, self.params, self.seed, self.steps,
                                        pacer, self.device)


class UnknownAction(KeyError):
    def __init__(self, action: str, topic: Topic) -> None:
        super().__init__(action, topic.id)

    def __str__(self) -> str:
        action, topic_id = self.args
        allowed = ", ".join(get(topic_id).actions())
        return f"--action {action!r}: {topic_id} has {allowed}"


TOPICS: tuple[Topic, ...] = (
    Topic(
        id="gradient-descent",
        title="Gradient descent",
        params="dlab.engines.gradient_descent.params:GDParams",
        experiments={"run": "dlab.engines.gradient_descent.engine:GradientDescent",
                     "compare": "dlab.engines.gradient_descent.engine:Compare"},
        tab="dlab.ui.tabs.gradient_descent:GradientDescentTab",
        # The surface walk goes on after training ends: a step is not always an iteration.
        unit="step (one weight update while training lasts, and one step of the walk)",
    ),
    Topic(
        id="sigmoid",
        title="Sigmoid and vanishing gradients",
        params="dlab.engines.sigmoid.params:SigmoidParams",
        experiments={"run": "dlab.engines.sigmoid.engine:Sigmoid",
                     "exp_cost": "dlab.engines.sigmoid.engine:ExpCost"},
        tab="dlab.ui.tabs.sigmoid:SigmoidTab",
        unit="step (one update of the deep network)",
        default_steps=800,
    ),
    Topic(
        id="validation",
        title="Validation vs test",
        params="dlab.engines.validation.params:ValidationParams",
        experiments={"run": "dlab.engines.validation.engine:ValidationRun",
                     "sweep": "dlab.engines.validation.engine:Sweep"},
        tab="dlab.ui.tabs.validation:ValidationTab",
        unit="epoch (one full-batch update)",
    ),
    Topic(
        id="autoencoder",
        title="Autoencoders",
        params="dlab.engines.autoencoder.params:AutoencoderParams",
        experiments={"run": "dlab.engines.autoencoder.engine:AutoencoderRun"},
        tab="dlab.ui.tabs.autoencoder:AutoencoderTab",
        unit="epoch (one pass over the 4,000 training digits)",
        cuda_pays=True,  # 1.3 times one CPU thread's speed on an H200
    ),
    Topic(
        id="dropout",
        title="Dropout",
        params="dlab.engines.dropout.params:DropoutParams",
        experiments={"run": "dlab.engines.dropout.engine:DropoutExperiment"},
        tab="dlab.ui.tabs.dropout:DropoutTab",
        unit="epoch (one full-batch update of each network)",
    ),
    Topic(
        id="cnn",
        title="Convolutional networks",
        params="dlab.engines.cnn.params:CNNParams",
        experiments={"run": "dlab.engines.cnn.engine:CNNvsMLP"},
        tab="dlab.ui.tabs.cnn:CNNTab",
        unit="step (one mini-batch update of the CNN and of the MLP)",
        cuda_pays=True,  # 3.7 times one CPU thread's speed on an H200
    ),
    Topic(
        id="word2vec",
        title="Word2Vec: words as vectors",
        params="dlab.engines.word2vec.params:Word2VecParams",
        experiments={"run": "dlab.engines.word2vec.engine:Word2Vec"},
        tab="dlab.ui.tabs.word2vec:Word2VecTab",
        unit="step (one mini-batch update; while a large file is read, one chunk of it)",
    ),
    Topic(
        id="adam",
        title="Adam: momentum + RMSProp",
        params="dlab.engines.adam.params:AdamParams",
        experiments={"run": "dlab.engines.adam.engine:AdamRace"},
        tab="dlab.ui.tabs.adam:AdamTab",
        unit="step (one update by every optimiser)",
        default_steps=1000,
    ),
    Topic(
        id="batchnorm",
        title="Batch normalisation",
        params="dlab.engines.batchnorm.params:BatchNormParams",
        experiments={"run": "dlab.engines.batchnorm.engine:BatchNormExperiment"},
        tab="dlab.ui.tabs.batchnorm:BatchNormTab",
        unit="step (one update of each network)",
        default_steps=500,
    ),
    Topic(
        id="cyclegan",
        title="CycleGAN: unpaired translation",
        params="dlab.engines.cyclegan.params:CycleGANParams",
        experiments={"run": "dlab.engines.cyclegan.engine:CycleGAN"},
        tab="dlab.ui.tabs.cyclegan:CycleGANTab",
        unit="iteration (one update of G, F and both discriminators)",
        default_steps=2000,
    ),
)


def read_preset(text: str) -> Preset:
    """A teacher preset's text, checked against every topic it names (PresetError)."""
    from dlab.core.presets import parse_preset

    return parse_preset(text, lambda topic_id: get(topic_id).params_class())


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
