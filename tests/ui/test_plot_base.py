"""What every dlab plot is made with (dlab.ui.plots.PlotBase): axes on the left and at the
bottom only, and a right-click menu made when it is first asked for (making it was a third
of a plot's construction, paid before the window's first paint)."""

from __future__ import annotations

from dlab.ui.i18n import QT_TRANSLATE_NOOP
from dlab.ui.plots import STEP, TRAINING_LOSS, CurvePlot, LabelledPlot, SurfaceView


def test_plots_show_the_left_and_bottom_axes_only(qtbot):
    plots = [CurvePlot(TRAINING_LOSS, STEP, TRAINING_LOSS),
             SurfaceView(QT_TRANSLATE_NOOP("plots", "Loss surface"))]
    for plot in plots:
        qtbot.addWidget(plot)
        plot.show()
        item = plot.plotItem
        shown = {side for side in ("left", "bottom", "right", "top")
                 if item.getAxis(side).isVisible()}
        assert shown == {"left", "bottom"}, type(plot).__name__


def test_the_right_click_menu_is_made_when_first_asked_for(qtbot):
    plot = CurvePlot(TRAINING_LOSS, STEP, TRAINING_LOSS)
    qtbot.addWidget(plot)
    box = plot.plotItem.getViewBox()
    assert box.menuEnabled() and box.menu is None
    actions = box.getContextMenus(None)
    assert box.menu is not None and "View All" in [a.text() for a in actions]
    assert box.getMenu(None) is box.menu, "made once"
    fixed = LabelledPlot(TRAINING_LOSS, STEP, TRAINING_LOSS, interactive=False)
    qtbot.addWidget(fixed)
    still = fixed.plotItem.getViewBox()
    assert not still.menuEnabled() and still.getMenu(None) is None
    assert still.getContextMenus(None) == []


def test_a_title_over_its_key_is_centred_on_it(qtbot):
    """A plot whose key sits under its title (key_in_title): the title's line is centred
    over the key's line (it stood at the left, the centring lost for want of a width)."""
    plot = CurvePlot(TRAINING_LOSS, STEP, QT_TRANSLATE_NOOP("plots", "loss"),
                     key_in_title=True)
    qtbot.addWidget(plot)
    plot.curve("a", QT_TRANSLATE_NOOP("plots", "loss of each update's batch"), "#0072B2")
    plot.curve("b", QT_TRANSLATE_NOOP("plots", "loss on all data, end of epoch"), "#D55E00")
    plot.resize(900, 300)
    plot.show()
    qtbot.waitExposed(plot)
    layout = plot.plotItem.titleLabel.item.document().begin().layout()
    middle = []
    for line in (layout.lineAt(0), layout.lineAt(1)):  # the title's line, the key's
        start, _ = line.cursorToX(line.textStart())  # where alignment put its first letter
        middle.append(start + line.naturalTextWidth() / 2)
    assert abs(middle[0] - middle[1]) < 2, middle
