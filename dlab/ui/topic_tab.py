"""The base of every topic tab: form, transport bar, status line, theory, error banner.

A subclass builds its plots once in ``build_view`` and draws a Snapshot in ``draw``: every
record since the last one (already in ``self.store``) and, when one came, the latest frame
of the topic's Frame type.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QImage, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dlab.core.experiment import Run
from dlab.core.metrics import MetricsStore
from dlab.core.params import Params, Text
from dlab.core.resources import lesson_text
from dlab.core.scenes import Scene, Script, changes_from_defaults, scene_params
from dlab.core.seed import SEED_MAX
from dlab.core.snapshot import DIVERGED, FAILED, FINISHED, RUNNING, STOPPED, Snapshot
from dlab.registry import RunSpec, Topic
from dlab.ui import look, messages
from dlab.ui.form import ParamForm
from dlab.ui.i18n import QT_TRANSLATE_NOOP, Msg, contexts, language, translate
from dlab.ui.messages import diverged_detail
from dlab.ui.plots import CurvePlot, LabelledPlot, PlotBase
from dlab.ui.record import Recorder
from dlab.ui.runner import DELIVERY_INTERVAL_S, IDLE, PAUSED, Runner
from dlab.ui.scene_panel import ScenePanel

MAX_GHOSTS = 5  # past runs a tab keeps for ghosts
MAX_MOMENTS = 200  # frames the timeline keeps (thinned beyond)


@dataclass(frozen=True, eq=False)
class PastRun:
    """A finished (or stopped) run as drawn: its settings and its curves' data."""

    params: Params
    seed: int
    action: str
    steps: int
    curves: list  # (CurvePlot, its snapshot)

log = logging.getLogger(__name__)

DRAW_SHARE = 0.05  # the GUI thread's target share of the time while a tab trains
MAX_DELIVERY_S = 0.25  # never fewer than 4 frames a second

SPEEDS = ((0.0, QT_TRANSLATE_NOOP("TopicTab", "Full speed")),
          (200.0, QT_TRANSLATE_NOOP("TopicTab", "200 steps/s")),
          (50.0, QT_TRANSLATE_NOOP("TopicTab", "50 steps/s")),
          (20.0, QT_TRANSLATE_NOOP("TopicTab", "20 steps/s")),
          (5.0, QT_TRANSLATE_NOOP("TopicTab", "5 steps/s")),
          (2.0, QT_TRANSLATE_NOOP("TopicTab", "2 steps/s")),
          (1.0, QT_TRANSLATE_NOOP("TopicTab", "1 step/s")))

STATE_TEXT = {
    IDLE: QT_TRANSLATE_NOOP("TopicTab", "Ready"),
    RUNNING: QT_TRANSLATE_NOOP("TopicTab", "Running"),
    PAUSED: QT_TRANSLATE_NOOP("TopicTab", "Paused"),
    FINISHED: QT_TRANSLATE_NOOP("TopicTab", "Finished"),
    DIVERGED: QT_TRANSLATE_NOOP("TopicTab", "Diverged"),
    FAILED: QT_TRANSLATE_NOOP("TopicTab", "Failed"),
    STOPPED: QT_TRANSLATE_NOOP("TopicTab", "Stopped"),
}


HEADING_PT = {1: 15.0, 2: 12.5, 3: 11.0}


def show_lesson(view: QTextBrowser, markdown: str) -> None:
    """Markdown with headings sized for a side panel (Qt's defaults are poster-sized), in
    the current zoom (the body text follows the application font)."""
    view.setMarkdown(markdown)
    block = view.document().begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level in HEADING_PT:
            cursor = QTextCursor(block)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock,
                                QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
            fmt.setFontPointSize(HEADING_PT[level] * look.zoom())
            cursor.mergeCharFormat(fmt)
        block = block.next()


def draw_all(parts: Iterator[None] | None) -> None:
    """Draw now every part left of a frame drawn in parts (see TopicTab.draw)."""
    for _ in parts or ():
        pass


def ask(parent: QWidget, title: str, question: str) -> bool:
    """A yes/no question before something is lost (tests replace this function)."""
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


class ErrorBanner(QFrame):
    """Says why a run failed or diverged; the traceback sits behind a button."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("errorBanner")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_btn = QPushButton()
        self.details_btn.setCheckable(True)
        self.close_btn = QPushButton("×")
        self.close_btn.setFixedWidth(32)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(180)
        self.details.hide()
        top = QHBoxLayout()
        top.addWidget(self.message, 1)
        top.addWidget(self.details_btn)
        top.addWidget(self.close_btn)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.details)
        self.details_btn.toggled.connect(self.details.setVisible)
        self.close_btn.clicked.connect(self.hide)
        self.hide()
        self.retranslate()

    def show_error(self, message: str, traceback: str = "", severe: bool = True,
                   cause: str = "run") -> None:
        """``cause`` names what the message is about ("run", "file", ...): a later
        success of the same kind clears it (``clear``)."""
        self.cause = cause
        color = "#fde2e1" if severe else "#fff4d6"
        self.setStyleSheet(f"#errorBanner {{ background: {color}; border: 1px solid #c9a; }}")
        self.message.setText(message)
        self.details.setPlainText(traceback)
        self.details_btn.setVisible(bool(traceback))
        self.details_btn.setChecked(False)
        self.show()

    def clear(self, cause: str) -> None:
        """Hide the message if it is about ``cause``, now gone."""
        if getattr(self, "cause", None) == cause:
            self.hide()

    def retranslate(self) -> None:
        self.details_btn.setText(translate("TopicTab", "Details"))
        self.close_btn.setToolTip(translate("TopicTab", "Hide this message"))


class WholeTextCombo(QComboBox):
    """A combo box never narrower than its longest item: a crowded bar (a 1024-px
    projector, a topic's own controls) squeezed the speed list to "Full spe"."""

    def __init__(self) -> None:
        super().__init__()
        # The size hint follows the texts (a language switch, presentation mode).
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return self.sizeHint()


def forget_range(plot: PlotBase) -> None:
    """Put the axes that follow the data back to 0 … 1: pyqtgraph centres a run's first
    point in the range the last run left (a new run's step 1 between -170 and 170)."""
    vb = plot.plotItem.getViewBox()
    auto_x, auto_y = vb.state["autoRange"]
    if auto_x or auto_y:
        vb.setRange(xRange=(0, 1) if auto_x else None, yRange=(0, 1) if auto_y else None,
                    padding=0, disableAutoRange=False)


class TopicTab(QWidget):
    """Everything a topic gets for free. Subclasses implement build_view and draw, and
    clear_view / retranslate_view for what is not a plot (plots are found, cleared and
    retranslated here)."""

    # What the status line calls a topic's extra experiments while they go, and those
    # that are measurements: they run at full speed whatever the speed control says.
    action_titles: dict[str, Msg] = {}
    full_speed_actions: tuple[str, ...] = ()

    def __init__(self, topic: Topic, params: Params | None = None) -> None:
        super().__init__()
        self.topic = topic
        self.params_cls = topic.params_class()
        self.runner = Runner(self)
        self.store = MetricsStore()
        self.action = "run"  # which engine the current run uses
        self._t_start = 0.0
        self._elapsed = 0.0
        self._rate = (0.0, 0, 0.0)  # (time, step, steps/s) for the status line
        self.last_step = 0
        self.last_message = ""
        self._clock = (0.0, 0.0)  # GUI-thread CPU time and wall time at the last frame
        # Guided scenes: the shipped script in the current language, or one from a file.
        self.script: Script | None = None
        self.script_from_file = False
        self.scene_index = -1  # the scene shown, from 0; -1 before the first
        self.steps_limit: int | None = None  # a scene's steps; None: the topic's default
        self._planned: int | None = None  # the steps the drawn run will take (its engine's)
        self.scene_panel = ScenePanel()
        # A frame drawn in turns (with an engine process): the parts still to draw.
        self._parts: Iterator[None] | None = None
        self._frame_plots: list[PlotBase] = []  # the plots of the frame being drawn
        self._part_timer = QTimer(self)
        self._part_timer.setSingleShot(True)
        self._part_timer.setInterval(0)
        self._part_timer.timeout.connect(self._draw_next_part)

        self.form = ParamForm(self.params_cls, params, topic.id)
        self._params_seen = self.form.params()  # before the latest edit (adjust_edit)
        self.theory = QTextBrowser()
        self.theory.setOpenExternalLinks(False)
        self.banner = ErrorBanner()
        self.status = QLabel()
        self.status.setObjectName("statusLine")

        # Transport bar.
        self.run_btn = QPushButton()
        self.step_btn = QPushButton()
        self.reset_btn = QPushButton()
        self.speed = WholeTextCombo()
        for sps, _ in SPEEDS:
            self.speed.addItem("", sps)
        self.seed = QSpinBox()
        self.seed.setRange(0, SEED_MAX)
        self.seed_label = QLabel()
        self.speed_label = QLabel()
        # Ghost runs: the last MAX_GHOSTS runs, one shown faded under the live curves.
        self.past_runs: deque[PastRun] = deque(maxlen=MAX_GHOSTS)
        self.ghost: PastRun | None = None
        self._run_settings: tuple[Params, int] | None = None  # of the drawn run
        # The timeline: frames of the current run, thinned past MAX_MOMENTS.
        self.moments: list[tuple[int, object]] = []
        self.time_slider = QSlider(Qt.Orientation.Horizontal)
        self.time_slider.setEnabled(False)
        self.time_label = QLabel()
        self.ghost_box = QComboBox()
        self.ghost_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.again_btn = QPushButton()
        self.run_btn.setMinimumWidth(90)
        # Room for a six-digit seed (a larger one scrolls): the bar fits a 1024-px window.
        self.seed.setMinimumWidth(72)
        bar = QHBoxLayout()
        for w in (self.run_btn, self.step_btn, self.reset_btn):
            bar.addWidget(w)
        self.extra_bar = QHBoxLayout()  # topic actions (e.g. Compare)
        bar.addLayout(self.extra_bar)
        bar.addStretch(1)
        for w in (self.speed_label, self.speed, self.seed_label, self.seed):
            bar.addWidget(w)

        # Left: parameters and theory; right: transport, banner, views, status.
        self.params_box = QGroupBox()
        pl = QVBoxLayout(self.params_box)
        pl.addWidget(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.params_box)
        # The panel is as wide as the form needs: only vertical scrolling.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.params_box.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width() + 4)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(scroll)
        left.addWidget(self.theory)
        left.setStretchFactor(0, 0)
        left.setStretchFactor(1, 1)
        left.setSizes([self.params_box.sizeHint().height() + 40, 10_000])
        self.side = left  # parameters and lesson: folded away in presentation mode

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(4, 0, 0, 0)
        rl.addWidget(self.scene_panel)
        rl.addLayout(bar)
        rl.addWidget(self.banner)
        self.view = QWidget()
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        rl.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status)
        bottom.addStretch(1)
        bottom.addWidget(self.again_btn)  # ghosts and the timeline: the run's history
        bottom.addWidget(self.ghost_box)
        bottom.addWidget(self.time_label)
        bottom.addWidget(self.time_slider, 1)
        rl.addLayout(bottom)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 1000])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(split)

        self.run_btn.clicked.connect(self.run_pause)
        self.step_btn.clicked.connect(self.step)
        self.reset_btn.clicked.connect(self.reset)
        self.speed.currentIndexChanged.connect(self._on_speed)
        self.ghost_box.activated.connect(self._on_ghost_chosen)
        self.time_slider.valueChanged.connect(self.show_moment)
        self.again_btn.clicked.connect(self.run_again)
        self.form.changed.connect(self._on_params)
        self.runner.sig_snapshot.connect(self._on_batch)
        self.runner.sig_state.connect(self._on_state)
        self.runner.sig_failed.connect(self._on_failed)
        self.scene_panel.next.connect(self.next_scene)
        self.scene_panel.previous.connect(self.previous_scene)

        self.build_view(self.view)
        self.retranslate()
        self._on_state(IDLE)

    # --- for subclasses -------------------------------------------------------------
    def build_view(self, parent: QWidget) -> None:
        """Create the plot items once, inside ``parent``."""

    def draw(self, snap: Snapshot) -> Iterator[None] | None:
        """Update the plots from ``snap`` (its frame may be None) and ``self.store``.

        A tab whose frame updates several plots writes it as a generator that yields after
        each plot's part: with an engine process each part is then done, and its plot
        painted, in a turn of the event loop of its own (a 10 ms timer never waits for a
        whole frame), and the next batch waits until the last part is drawn. Call
        ``draw_now`` to draw a frame whole."""
        return None

    def clear_view(self) -> None:
        """Forget the drawn run (Reset, a new run): by default every plot is cleared and
        shows its hints again. A tab that forgets more (labels) calls this too."""
        self.clear_plots()

    def retranslate_view(self) -> None:
        """Re-set the view's texts that are not plots' (those are retranslated already)."""

    def plots(self) -> list[PlotBase]:
        """Every plot of the view, found rather than listed."""
        return self.view.findChildren(PlotBase)

    def clear_plots(self, keep: Sequence[PlotBase] = ()) -> None:
        """Clear every plot but those in ``keep``; their hints show again."""
        for plot in self.plots():
            if all(plot is not kept for kept in keep):
                plot.clear_data()
                if isinstance(plot, LabelledPlot):
                    plot.forget_x()  # the next run's plan gives its x
                forget_range(plot)
                for hint in plot.hints:
                    hint.set_empty(True)

    def x_span(self, plot: LabelledPlot, planned: int) -> float | None:
        """Where ``plot``'s x will end when the run takes the ``planned`` steps its engine
        announced; None leaves its x to follow the data. By default a plot over the run's
        steps (``run_x``) ends at the last step; a tab whose plot counts something else
        (examples seen, a walk's own steps) or belongs to another action says so here."""
        return float(planned) if plot.run_x else None

    def _plan_axes(self, planned: int | None) -> None:
        """A new plan (the run's first frame, or a plan that grew): every plot over the
        run's steps shows x to its end from now on."""
        if planned is None or planned == self._planned:
            return
        self._planned = planned
        for plot in self.plots():
            if isinstance(plot, LabelledPlot) and (end := self.x_span(plot, planned)):
                plot.plan_x(end)

    def params_changed(self, params: Params) -> None:
        """Called after every change of the parameters (an edit, a loaded file), running
        or not."""

    def adjust_edit(self, old: Params, new: Params) -> Params:
        """A user's edit in the form, before it takes effect: a tab may complete it (a new
        surface brings the start that shows its lesson). Loaded files are not adjusted."""
        return new

    # --- transport ------------------------------------------------------------------
    def params(self) -> Params:
        return self.form.params()

    def set_params(self, params: Params) -> None:
        self.form.set_params(params)
        self._params_seen = params
        self.params_changed(params)
        self._relabel_ghost()

    def _relabel_ghost(self) -> None:
        """The ghost's legend names what differs from the settings now."""
        if self.ghost is not None:
            self.show_ghost(self.ghost)

    def engine_factory(self, action: str = "run") -> RunSpec | Callable[[], Run]:
        """The run the runner starts for ``action`` with today's settings: a RunSpec (it
        trains in an engine process), or a function returning the engine's generator."""
        return RunSpec(self.topic.id, action, self.params(), self.seed.value(),
                       self.steps_limit, self.device())

    def device(self) -> str:
        """The device chosen in the window's Run menu (auto, cpu or cuda)."""
        window = self.window()
        return getattr(window, "device_choice", "cpu") if window is not self else "cpu"

    def begin(self, action: str) -> None:
        """Forget the drawn run and get ready to draw a new one of ``action``."""
        self.runner.stop()
        self._drop_frame()
        self._keep_run()
        self._run_settings = (self.params(), self.seed.value())  # what a ghost will name
        self.moments.clear()
        self._show_timeline()
        self.action = action
        self.store.clear()
        self._planned = None
        self.clear_view()
        self.banner.hide()
        self.last_step = 0
        self.last_message = ""
        self._elapsed = 0.0
        self._t_start = time.perf_counter()
        self._rate = (self._t_start, 0, 0.0)

    def start(self, action: str = "run", paused: bool = False) -> None:
        self.begin(action)
        self.runner.start(self.engine_factory(action), paused=paused,
                          full_speed=action in self.full_speed_actions)

    def run_inline(self, action: str = "run", steps: int | None = None,
                   device: str = "cpu") -> Snapshot:
        """Run synchronously in this thread (``dlab shot``, benchmarks) and draw the end."""
        from dlab.core.experiment import run_to_end
        from dlab.core.pacing import Pacer

        self.begin(action)
        gen = self.topic.start(action, self.params(), self.seed.value(), steps, Pacer(None),
                               device)
        records: list = []
        try:
            last = run_to_end(gen, records.extend)
        finally:
            gen.close()
        snap = Snapshot(last.step, records, last.frame, last.status, last.message,
                        last.summary, last.planned)
        self._on_batch(snap)
        self.runner.mark(snap.status if snap.status != RUNNING else FINISHED)
        return snap

    def record_inline(self, action: str = "run", steps: int | None = None,
                      device: str = "cpu", target: QWidget | None = None,
                      progress: Callable[[int], bool] | None = None) -> Recorder:
        """Run synchronously, grabbing ``target`` (default: this tab) after every frame
        the run delivers (`dlab record`, File → Record). ``progress(step)`` returning
        False ends the recording early."""
        from dlab.core.pacing import Pacer
        from dlab.ui.record import record_run

        target = target or self

        def grab() -> QImage:
            QCoreApplication.processEvents()  # pending layout and range changes first
            return target.grab().toImage()

        def draw(snap: Snapshot) -> None:
            if snap.status != RUNNING:  # the last frame says how the run ended
                self.runner.mark(snap.status)
            self._on_batch(snap)

        self.begin(action)
        self.runner.mark(RUNNING)  # the status line of every frame says so
        steps = steps if steps is not None else self.steps_limit
        gen = self.topic.start(action, self.params(), self.seed.value(), steps, Pacer(None),
                               device)
        try:
            rec, last = record_run(gen, draw, grab, progress)
        finally:
            gen.close()
        self.runner.mark(last.status if last.status != RUNNING else FINISHED)
        return rec

    def may_end_run(self) -> bool:
        """True when no run is going, or when the user agrees to end the one that is: a
        run is never thrown away without asking (a finished one may be replaced)."""
        if not self.runner.is_active():
            return True
        return ask(self, translate("TopicTab", "End the run?"),
                   translate("TopicTab", "This ends the run going at step {0} and clears its "
                                         "plots. Go on?").format(self.last_step))

    def start_action(self, action: str) -> bool:
        """A topic's extra experiment (a button): asks before ending a run that is going."""
        if not self.may_end_run():
            return False
        self.start(action)
        return True

    @Slot()
    def run_pause(self) -> None:
        if self.runner.state == RUNNING:
            self.runner.pause()
        elif self.runner.state == PAUSED:
            self.runner.resume()
        else:
            self.start("run")

    @Slot()
    def step(self) -> None:
        if not self.runner.is_active():
            self.start("run", paused=True)
        self.runner.step()

    @Slot()
    def reset(self) -> None:
        self.begin(self.action)
        self._t_start = 0.0
        self.runner.mark(IDLE)

    def shutdown(self, timeout_ms: int = 2000, end_process: bool = False) -> bool:
        """Stop the run; False if it did not end within ``timeout_ms`` (Runner.stop)."""
        return self.runner.stop(timeout_ms, end_process)

    # --- the timeline -----------------------------------------------------------------
    def _keep_moment(self, step: int, frame: object) -> None:
        """Keep the frame; past MAX_MOMENTS every other older one is dropped (the latest
        always stays), so a long run's timeline is thinned, not grown without bound."""
        self.moments.append((step, frame))
        if len(self.moments) > MAX_MOMENTS:
            self.moments = [*self.moments[:-1:2], self.moments[-1]]
        self._show_timeline()

    def _show_timeline(self) -> None:
        """The slider follows the live end of the run."""
        n = len(self.moments)
        self.time_slider.blockSignals(True)
        self.time_slider.setRange(0, max(0, n - 1))
        self.time_slider.setValue(max(0, n - 1))
        self.time_slider.blockSignals(False)
        self.time_slider.setEnabled(n > 1)
        self.time_label.setText("")

    @Slot(int)
    def show_moment(self, index: int) -> None:
        """Draw the run as it was at moment ``index`` (the last one: as it is now). A
        running run pauses; Run or Resume goes on from the end."""
        if not 0 <= index < len(self.moments):
            return
        if self.runner.state == RUNNING:
            self.runner.pause()
        step, frame = self.moments[index]
        latest = index == len(self.moments) - 1
        full = self.store
        if not latest:
            self.store = full.until(step)
        self._finish_frame()
        try:
            self.draw_now(Snapshot(step, [], frame))
        except Exception:  # a tab that cannot draw an old frame keeps the live one
            log.exception("drawing moment %s of %s failed", step, self.topic.id)
        finally:
            self.store = full
        self.time_label.setText("" if latest else translate("TopicTab", "step {0}")
                                .format(step))

    # --- ghost runs -------------------------------------------------------------------
    def _keep_run(self) -> None:
        """The drawn run joins the past runs (the oldest of MAX_GHOSTS is dropped)."""
        if self.last_step == 0:
            return
        curves = [(plot, data) for plot in self.view.findChildren(CurvePlot)
                  if (data := plot.snapshot())]
        if curves:
            params, seed = self._run_settings
            self.past_runs.append(PastRun(params, seed, self.action, self.last_step, curves))
            self._list_ghosts()

    def ghost_label(self, run: PastRun) -> str:
        """What differed from today's settings, in the current language."""
        ctx = contexts(self.topic.id)
        now = self.params()
        diff = [f"{ctx.param(info.spec.label)} {getattr(run.params, info.name)}"
                for info in self.params_cls.fields()
                if getattr(run.params, info.name) != getattr(now, info.name)]
        if run.seed != self.seed.value():
            diff.append(f"{translate('TopicTab', 'Seed')} {run.seed}")
        return translate("TopicTab", "ghost: {0}").format(
            ", ".join(diff) or translate("TopicTab", "the same settings"))

    def _list_ghosts(self) -> None:
        self.ghost_box.blockSignals(True)
        self.ghost_box.clear()
        self.ghost_box.addItem(translate("TopicTab", "No ghost"), None)
        for k, _ in enumerate(reversed(self.past_runs), 1):
            self.ghost_box.addItem(translate("TopicTab", "Ghost: run −{0}").format(k), k)
        chosen = (list(reversed(self.past_runs)).index(self.ghost) + 1
                  if self.ghost in self.past_runs else 0)
        self.ghost_box.setCurrentIndex(chosen)
        self.ghost_box.setEnabled(bool(self.past_runs))
        self.ghost_box.blockSignals(False)
        if self.ghost is not None and self.ghost not in self.past_runs:
            self.show_ghost(None)

    @Slot(int)
    def _on_ghost_chosen(self, index: int) -> None:
        k = self.ghost_box.itemData(index)
        self.show_ghost(list(reversed(self.past_runs))[k - 1] if k else None)

    def show_ghost(self, run: PastRun | None) -> None:
        """Draw ``run`` faded under the live curves (None: no ghost)."""
        self.ghost = run
        label = self.ghost_label(run) if run is not None else ""
        by_plot = {id(plot): data for plot, data in run.curves} if run else {}
        for plot in self.view.findChildren(CurvePlot):
            plot.show_ghost(by_plot.get(id(plot)), label)
        self._list_ghosts()

    @Slot()
    def run_again(self) -> None:
        """Run again with today's settings; the run just drawn stays as the ghost."""
        had_run = self.last_step > 0
        self.start("run")
        if had_run:
            self.show_ghost(self.past_runs[-1])

    # --- guided scenes ----------------------------------------------------------------
    def set_script(self, script: Script | None, from_file: bool = False) -> None:
        """Show ``script`` (before its first scene); None removes the scenes bar."""
        self.script, self.script_from_file = script, from_file and script is not None
        self.scene_index = -1
        self.steps_limit = None
        self.form.restrict(hidden=self.form.hidden, locked=self.form.locked)
        self.scene_panel.show_scene(script, -1)

    def _load_shipped_script(self) -> None:
        """The topic's own script in the current language, keeping the scene shown."""
        if self.script_from_file:
            return
        try:
            script = self.topic.scenes(language())
        except ValueError as exc:  # a broken shipped file: say so, keep the tab working
            log.warning("scenes of %s: %s", self.topic.id, exc)
            script = None
        index = self.scene_index
        self.script = script
        if script is None or index >= len(script):
            index = -1
        self.scene_index = index
        self.scene_panel.show_scene(script, index)

    def show_scene(self, index: int) -> None:
        """Apply scene ``index`` (from 0), then run it."""
        scene = self.apply_scene(index)
        if scene is not None:
            self.start(scene.action)

    def apply_scene(self, index: int) -> Scene | None:
        """Scene ``index`` (from 0): its parameters, its controls and its narration."""
        if self.script is None or not 0 <= index < len(self.script):
            return None
        scene = self.script.scenes[index]
        self.scene_index = index
        self.runner.stop()
        self.set_params(scene_params(self.params_cls, scene))
        shown = frozenset(scene.controls) if scene.controls is not None else None
        self.form.restrict(shown=shown, hidden=self.form.hidden, locked=self.form.locked)
        self.steps_limit = scene.steps
        self.scene_panel.show_scene(self.script, index)
        return scene

    @Slot()
    def next_scene(self) -> None:
        if self.script is not None and self.scene_index < len(self.script) - 1:
            self.show_scene(self.scene_index + 1)

    @Slot()
    def previous_scene(self) -> None:
        if self.script is not None and self.scene_index > 0:
            self.show_scene(self.scene_index - 1)

    def capture_scene(self, title: str, narration: str) -> Scene:
        """The current state as a new last scene of the script (a new script if none)."""
        steps = self.last_step or self.steps_limit or self.topic.default_steps or 100
        scene = Scene(title.strip(), narration.strip(), changes_from_defaults(self.params()),
                      steps, self.action, None if self.form.shown is None
                      else tuple(sorted(self.form.shown)))
        script = self.script or Script(self.topic.id, language(),
                                       translate("TopicTab", "My lesson"), ())
        self.script = script.with_scene(scene)
        self.script_from_file = True  # the teacher's own now: a language switch keeps it
        self.scene_index = len(self.script) - 1
        self.steps_limit = scene.steps
        self.scene_panel.show_scene(self.script, self.scene_index)
        return scene

    # --- slots ----------------------------------------------------------------------
    @Slot(object)
    def _on_params(self, params: Params) -> None:
        adjusted = self.adjust_edit(self._params_seen, params)
        if adjusted != params:
            self.form.set_params(adjusted)
        if self.runner.is_active():
            self.runner.update(adjusted)
        self._params_seen = adjusted
        self.params_changed(adjusted)
        self._relabel_ghost()

    @Slot(int)
    def _on_speed(self, index: int) -> None:
        self.runner.set_speed(float(self.speed.itemData(index)))

    @Slot(object)
    def _on_batch(self, batch: Snapshot) -> None:
        self._finish_frame()  # the rest of a frame still drawn in turns, first
        self.runner.hold(True)  # the worker waits while we touch the plots (see Runner.hold)
        self.store.extend(batch.records)
        self._plan_axes(batch.planned)
        self.last_step = batch.step
        if batch.frame is not None:
            self._keep_moment(batch.step, batch.frame)
        self.last_message = batch.message
        # The plots, found once a frame (findChildren walks the whole tab: 1 to 2 ms a frame
        # when every turn looked for them again).
        self._frame_plots = self.plots()
        parts = self._begin_draw(batch)
        now = time.perf_counter()
        t0, s0, rate = self._rate
        if now - t0 >= 0.5:
            rate = (batch.step - s0) / (now - t0)
            self._rate = (now, batch.step, rate)
        self._update_status()
        if self.runner.in_process():
            # Training has a process of its own: each part of the frame (a plot's update,
            # see draw) is done and painted in a turn of the event loop of its own, so a
            # timer (or a click) due meanwhile waits for one plot, not the whole frame.
            self._parts = parts
            self.runner.drawing(True)
            self._draw_next_part()
        else:
            while parts is not None and self._draw_part(parts):
                pass
            self._settle_plots()
            self._paint_now()
        self.runner.hold(False)
        self._pace_deliveries()

    def _begin_draw(self, snap: Snapshot) -> Iterator[None] | None:
        """Call draw: it draws the whole frame, or returns its parts still to draw."""
        try:
            parts = self.draw(snap)
        except Exception as exc:  # a drawing bug must not take the window down
            self._drawing_failed(exc)
            return None
        return parts if isinstance(parts, Iterator) else None

    def _draw_part(self, parts: Iterator[None]) -> bool:
        """Draw the next part of a frame; False when none is left."""
        try:
            next(parts)
        except StopIteration:
            return False
        except Exception as exc:
            self._drawing_failed(exc)
            return False
        return True

    def _drawing_failed(self, exc: Exception) -> None:
        if not self.banner.isVisible():
            log.exception("drawing %s failed", self.topic.id, exc_info=exc)
            self.banner.show_error(translate("TopicTab", "Drawing failed: {0}").format(exc),
                                   "".join(traceback.format_exception(exc)))

    @Slot()
    def _draw_next_part(self) -> None:
        """One turn of a frame drawn in turns: its next part, then the plots it changed."""
        more = self._parts is not None and self._draw_part(self._parts)
        self._settle_plots()
        self._paint_now()
        if more:
            self._part_timer.start()
        else:
            self._parts = None
            self.runner.drawing(False)

    def _drop_frame(self) -> None:
        """Forget what is left of a frame drawn in turns (the view is cleared)."""
        if self._parts is not None:
            self._part_timer.stop()
            self._parts.close()
            self._parts = None
            self.runner.drawing(False)

    def _finish_frame(self) -> None:
        """Draw at once what is left of a frame drawn in turns (a new batch came, the view
        is shown at another moment)."""
        if self._parts is not None:
            self._part_timer.stop()
            while self._draw_part(self._parts):
                pass
            self._parts = None
            self._settle_plots()
            self.runner.drawing(False)

    def draw_now(self, snap: Snapshot) -> None:
        """Draw ``snap`` whole, now (draw may leave parts for later turns)."""
        draw_all(self.draw(snap))

    def _settle_plots(self) -> None:
        """Let every plot work out its new ranges (and so its axes, its clipped and thinned
        curves) now. pyqtgraph does it as the paint begins: the changes it makes then ask
        for a second paint, and every frame was painted twice."""
        for plot in self._frame_plots:
            # Auto-range first (a view does it when it paints): done inside the paint, the
            # new range made every plot dirty again, and each was painted twice a frame.
            plot.settle()

    def _paint_now(self) -> None:
        """Paint the changed plots now, while the worker waits: for a run on the runner's
        thread. Left to the event loop, painting would run later beside the worker and each
        of its many GIL hand-offs would wait for it: a 10 ms frame then takes ten times as
        long, and so does the training it blocks. (Scenes post their changes; the window
        posts its repaint.)"""
        for plot in self._frame_plots:
            QCoreApplication.sendPostedEvents(plot.scene(), QEvent.Type.MetaCall)
        QCoreApplication.sendPostedEvents(self.window(), QEvent.Type.UpdateRequest)

    def _pace_deliveries(self) -> None:
        """Drawing and painting run in the GUI thread and need the GIL, so every CPU
        second they use is taken from training. Measure the GUI thread's share of the time
        since the last frame and space deliveries out to keep it near DRAW_SHARE (30 Hz
        when frames are cheap, never fewer than 4 frames a second). Only for runs on the
        runner's thread: a run in an engine process shares no lock with drawing."""
        cpu, wall = time.thread_time(), time.perf_counter()
        last_cpu, last_wall = self._clock
        self._clock = (cpu, wall)
        if wall - last_wall > 2.0 or self.runner.state != RUNNING:
            return  # the first frame of a run, or after a pause: nothing to learn from
        if self.runner.in_process():
            return  # training has its own process and lock: every frame is drawn
        share = (cpu - last_cpu) / max(wall - last_wall, 1e-6)
        interval = self.runner.delivery_interval * min(2.0, max(0.5, share / DRAW_SHARE))
        self.runner.set_delivery_interval(
            min(MAX_DELIVERY_S, max(DELIVERY_INTERVAL_S, interval)))

    @Slot(str)
    def _on_state(self, state: str) -> None:
        active = state in (RUNNING, PAUSED)
        if state == RUNNING:
            self._t_start = time.perf_counter() - self._elapsed
        elif self._t_start:
            self._elapsed = time.perf_counter() - self._t_start if state != IDLE else 0.0
        self.form.set_running(active)
        self.seed.setEnabled(not active)
        if state == DIVERGED:
            self.banner.show_error(self._diverged_text(), severe=False)
        self._on_state_text()

    @Slot(object, str)
    def _on_failed(self, message: str | Text, traceback: str) -> None:
        if isinstance(message, Text):  # bad input (a user's folder): what to change
            self.banner.show_error(translate("TopicTab", "Cannot run: {0}").format(
                messages.text(message)), severe=False)
            return
        self.banner.show_error(translate("TopicTab", "The run failed: {0}").format(message),
                               traceback)

    def _diverged_text(self) -> str:
        return translate("TopicTab", "The run diverged at step {0}: the numbers are no longer "
                                     "finite. Try a smaller learning rate.").format(
            self.last_step) + (f"\n({diverged_detail(self.last_message)})"
                               if self.last_message else "")

    def _update_status(self) -> None:
        state = self.runner.state
        elapsed = (time.perf_counter() - self._t_start) if state == RUNNING else self._elapsed
        # Running: the recent rate; otherwise the average over the run.
        rate = self._rate[2] if state == RUNNING else self.last_step / max(elapsed, 1e-9)
        shown = STATE_TEXT[state].text() if state in STATE_TEXT else state
        if self.action in self.action_titles:  # a measurement's progress is its own
            shown = f"{self.action_titles[self.action].text()} — {shown}"
        self.status.setText(translate("TopicTab", "{0} · step {1} · {2:.1f} s · {3:.0f} steps/s")
                            .format(shown, self.last_step, elapsed, rate))
        if self.status.width() < self.status.sizeHint().width():
            # A frame is painted before Qt lays the window out again (_paint_now): widen
            # the line now, or the end of a longer text is cut off ("64 steps/").
            self.status.parentWidget().layout().activate()

    # --- language (MainWindow.set_language calls this on every tab) -------------------
    def retranslate(self) -> None:
        self.params_box.setTitle(translate("TopicTab", "Parameters"))
        self.step_btn.setText(translate("TopicTab", "Step"))
        self.step_btn.setToolTip(translate("TopicTab", "Take exactly one step, then pause (S)"))
        self.reset_btn.setText(translate("TopicTab", "Reset"))
        self.reset_btn.setToolTip(translate("TopicTab", "Stop and clear; the same seed starts "
                                                        "from the same weights (R)"))
        self.run_btn.setToolTip(translate("TopicTab", "Run or pause (Space)"))
        self.speed_label.setText(translate("TopicTab", "Speed"))
        self.speed.setToolTip(translate(
            "TopicTab", "Steps per second: slow to watch each step, full speed to see "
                        "where a run goes"))
        for i, (_, text) in enumerate(SPEEDS):
            self.speed.setItemText(i, text.text())
        self.seed_label.setText(translate("TopicTab", "Seed"))
        self.again_btn.setText(translate("TopicTab", "Run again with one change"))
        self.again_btn.setToolTip(translate(
            "TopicTab", "Change one parameter, then press: the new run is drawn over the last "
                        "one, which stays as a faded ghost whose legend names the change"))
        self.time_slider.setToolTip(translate(
            "TopicTab", "Timeline: drag back to see an earlier moment of this run; Run goes "
                        "on from the end"))
        self.ghost_box.setToolTip(translate(
            "TopicTab", "Show one of the last five runs faded under the live curves"))
        self._list_ghosts()
        if self.ghost is not None:
            self.show_ghost(self.ghost)
        self.seed.setToolTip(translate("TopicTab",
                                       "The same seed and parameters give the same numbers"))
        self.form.retranslate()
        self.banner.retranslate()
        self.show_lesson()
        self._load_shipped_script()
        self._on_state_text()
        for plot in self.plots():
            plot.retranslate()
        self.retranslate_view()
        for plot in self.plots():  # a longer title (another language) may need to wrap
            plot.fit_title()

    def show_lesson(self) -> None:
        """The topic's lesson in the current language and zoom, scrolled where it was."""
        bar = self.theory.verticalScrollBar()
        at = bar.value()
        show_lesson(self.theory, lesson_text(self.topic.id, language()))
        bar.setValue(at)

    def _on_state_text(self) -> None:
        state = self.runner.state
        self.run_btn.setText(translate("TopicTab", "Pause") if state == RUNNING else
                             translate("TopicTab", "Resume") if state == PAUSED else
                             translate("TopicTab", "Run"))
        self._update_status()

    # --- export ---------------------------------------------------------------------
    def metrics_csv(self) -> str:
        return self.store.to_csv()
