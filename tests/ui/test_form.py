"""The parameter form: built from the metadata, validated, log fields readable."""

from __future__ import annotations

from dlab import registry
from dlab.ui.form import ParamForm


def adam_form(qtbot):
    cls = registry.get("adam").params_class()
    form = ParamForm(cls)
    qtbot.addWidget(form)
    return form


def test_log_field_shows_tiny_values_readably_and_accepts_typed_ones(qtbot):
    form = adam_form(qtbot)
    eps = form.editors["eps"].spin
    assert eps.text() == "1e-08"
    with qtbot.waitSignal(form.changed) as sig:
        eps.lineEdit().selectAll()
        qtbot.keyClicks(eps.lineEdit(), "3e-7")
        eps.editingFinished.emit()
        eps.interpretText()
    assert abs(sig.args[0].eps - 3e-7) < 1e-18
    assert eps.text() == "3e-07"


def test_log_slider_and_spin_agree(qtbot):
    form = adam_form(qtbot)
    lr = form.editors["lr"]
    lr.slider.setValue(lr.slider.maximum())
    assert form.params().lr == lr.info.spec.hi
    lr.slider.setValue(lr.slider.minimum())
    assert form.params().lr == lr.info.spec.lo


def test_fixed_fields_are_disabled_while_running(qtbot):
    form = ParamForm(registry.get("gradient-descent").params_class())
    qtbot.addWidget(form)
    form.set_running(True)
    assert form.editors["lr"].isEnabled() and not form.editors["epochs"].isEnabled()
    form.set_running(False)
    assert form.editors["epochs"].isEnabled()
