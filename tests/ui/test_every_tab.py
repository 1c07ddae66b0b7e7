"""The base tab's promises, for every registered topic (one added tomorrow included):
Run draws, Pause holds, Step takes exactly one natural step and redraws in full, Reset
forgets the run and clears every plot, a live edit reaches the running engine, the
language switches mid-run, and the window closes mid-run at once.

Only the base-tab API is used. Runs are made long enough by the speed control (slow
motion), not by any topic's own parameters.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
import pytest

from dlab import registry
from dlab.core.params import FieldInfo, ParamError, Params
from dlab.ui import i18n
from dlab.ui.runner import IDLE, PAUSED, RUNNING
from dlab.ui.topic_tab import TopicTab
from tests.ui.conftest import pause_and_settle, set_speed, step_once, wait_step

SLOW = 20  # steps/s: every step comes with its frame, and a run lasts while we act on it
SLOWER = 5  # steps/s, for tests that act on a run after its first steps


@pytest.fixture(params=registry.TOPICS, ids=registry.ids())
def tab(request, window) -> TopicTab:
    """The topic's tab in the shown window, with every snapshot delivered to it (and
    drawn: a drawing error would show in the banner) recorded in ``tab.drawn``."""
    window.tabs_widget.setCurrentIndex(registry.TOPICS.index(request.param))
    tab = window.current_tab()
    assert tab is not None, window.broken
    tab.drawn = []
    tab.runner.sig_snapshot.connect(tab.drawn.append)
    return tab


def drawn_items(tab: TopicTab) -> set[tuple[int, int]]:
    """(plot, item) of every visible plot item that shows data: curves, scatters, images,
    bars."""
    out = set()
    for p, plot in enumerate(tab.plots()):
        for i, item in enumerate(plot.plotItem.getViewBox().addedItems):
            if isinstance(item, pg.PlotDataItem):
                shows = item.xData is not None and len(item.xData) > 0
            elif isinstance(item, pg.ScatterPlotItem):
                shows = len(item.data) > 0
            elif isinstance(item, pg.ImageItem):
                shows = item.image is not None
            elif isinstance(item, pg.BarGraphItem):
                shows = item.opts.get("x") is not None and len(item.opts["x"]) > 0
            else:
                continue
            if shows and item.isVisible():
                out.add((p, i))
    return out


def still_running(tab: TopicTab) -> None:
    assert tab.runner.state == RUNNING, (
        f"the run ended ({tab.runner.state}) at step {tab.last_step}, before the test acted "
        f"on it: {tab.banner.message.text()}")


def test_run_draws_then_pause_holds_step_redraws_and_reset_clears(tab, qtbot):
    fresh = drawn_items(tab)  # surfaces and other fixed pictures, before any run
    set_speed(tab, SLOW)
    tab.run_pause()
    wait_step(qtbot, tab, 3)
    still_running(tab)
    assert any(s.frame is not None for s in tab.drawn), "a frame was drawn"
    assert tab.store.finals(), "the steps' records reached the store"
    assert drawn_items(tab) - fresh, "the run shows in the plots"
    assert not tab.banner.isVisible(), tab.banner.message.text()

    pause_and_settle(qtbot, tab)
    qtbot.wait(300)  # what was under way when Pause came finishes and lands
    paused_at = tab.last_step
    qtbot.wait(500)
    assert tab.last_step == paused_at and tab.runner.state == PAUSED, "Pause holds"

    tab.drawn.clear()
    before = step_once(qtbot, tab)
    stepped = [s for s in tab.drawn if s.step == before + 1]
    assert stepped and stepped[-1].frame is not None, "Step redraws the full frame"
    assert tab.runner.state == PAUSED

    tab.reset()
    assert tab.runner.state == IDLE and tab.last_step == 0
    assert not tab.store.finals(), "Reset forgets the records"
    assert drawn_items(tab) == fresh, "Reset clears every plot the run drew"


def test_step_from_idle_takes_one_step(tab, qtbot):
    tab.step()
    wait_step(qtbot, tab, 1)
    qtbot.wait(200)
    assert tab.last_step == 1, "Step from idle takes exactly one natural step"
    assert tab.runner.state == PAUSED
    assert tab.drawn[-1].step == 1 and tab.drawn[-1].frame is not None
    tab.reset()


def edited_value(info: FieldInfo, params: Params) -> Params | None:
    """``params`` with ``info``'s field changed to another allowed value, a modest one
    (a learning rate goes down, not up), or None when there is none."""
    s, value = info.spec, getattr(params, info.name)
    if s.choices:
        candidates = [c for c in s.choices if c != value]
    elif info.type is bool:
        candidates = [not value]
    else:
        lo = s.lo if s.lo is not None else value - 1
        if s.log and lo > 0 and value > 0:
            candidates = [math.sqrt(lo * value)]
        else:
            candidates = [(lo + value) / 2, value + (s.step or 1)]
        if info.type is int:
            candidates = [int(round(c)) for c in candidates] + [value - 1, value + 1]
            candidates = [c for c in candidates if c != value]
    for c in candidates:
        try:
            return params.from_dict({info.name: c}, base=params)
        except ParamError:
            continue
    return None


def test_a_live_edit_reaches_the_running_engine_and_fixed_fields_are_locked(tab, qtbot,
                                                                          monkeypatch):
    received = []
    engine = tab.topic.experiment_class("run")
    update = engine.update

    def recording_update(self, params):  # noqa: ANN001, ANN202
        received.append(params)
        return update(self, params)

    monkeypatch.setattr(engine, "update", recording_update)
    set_speed(tab, SLOWER)
    tab.run_pause()
    wait_step(qtbot, tab, 1)
    still_running(tab)
    fields = [info for info in tab.params_cls.fields() if info.name in tab.form.editors]
    unused = tab.params().unused()  # greyed out by the values (Adam's own rates)
    for info in fields:
        assert tab.form.editors[info.name].isEnabled() == (
            info.spec.live and info.name not in unused), info.name
    live = [(info, new) for info in fields if info.spec.live and info.name not in unused
            if (new := edited_value(info, tab.params())) is not None]
    if live:  # a topic may have none: then its fields were all locked above
        info, new = live[0]
        before = tab.params()
        editor = tab.form.editors[info.name]
        editor.set_value(getattr(new, info.name))
        editor.edited.emit()  # what a user's change in the editor does
        edited = tab.params()
        assert getattr(edited, info.name) != getattr(before, info.name), info.name
        qtbot.waitUntil(lambda: edited in received, timeout=5000)
        still_running(tab)
    tab.reset()
    assert all(ed.isEnabled() for name, ed in tab.form.editors.items()
               if name not in tab.params().unused()), "Reset unlocks the form"


def test_the_language_switches_mid_run(tab, window, qtbot):
    set_speed(tab, SLOWER)
    tab.run_pause()
    wait_step(qtbot, tab, 1)
    window.set_language("ko")
    step = tab.last_step
    wait_step(qtbot, tab, step + 1)
    still_running(tab)
    assert tab.run_btn.text() == i18n.translate("TopicTab", "Pause") != "Pause"
    for plot in tab.plots():  # found and retranslated by the base tab
        title = getattr(plot, "title", None)
        if isinstance(title, i18n.Msg):
            shown = plot.plotItem.titleLabel.text
            if getattr(plot, "key_in_title", False):  # the title's line, then the key's
                shown = shown.removeprefix("<div align='center'>").split("<br>")[0]
            assert shown == title.text(), title
    assert not tab.banner.isVisible(), tab.banner.message.text()
    assert not i18n.translator().missing(), i18n.translator().missing()
    window.set_language("en")
    assert tab.run_btn.text() == "Pause"
    tab.reset()


def test_closing_the_window_mid_run_ends_the_run(tab, window, qtbot):
    """Closing mid-run ends the run with the window. How long it takes is measured by
    benchmarks/close_time.py (a timed assertion here failed on a loaded machine)."""
    set_speed(tab, SLOWER)
    tab.run_pause()
    wait_step(qtbot, tab, 1)
    still_running(tab)
    window.close()
    assert not tab.runner.is_active()
