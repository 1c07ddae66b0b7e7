"""A parameter form built from a Params dataclass's Annotated metadata."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal, Slot
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QWidget,
)

from dlab.core.params import FieldInfo, ParamError, Params
from dlab.ui.i18n import Contexts, contexts, translate
from dlab.ui.messages import param_error

SLIDER_TICKS = 1000


class _Editor(QWidget):
    """One field's editor; emits ``edited`` when the user changes it."""

    edited = Signal()

    def __init__(self, info: FieldInfo) -> None:
        super().__init__()
        self.info = info
        self.contexts: Contexts = contexts("")  # the form sets its topic's

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        pass

    @Slot()
    def _emit(self) -> None:
        self.edited.emit()


class _LogSpinBox(QDoubleSpinBox):
    """Shows and accepts values like 1e-08 or 0.003: a log-scaled field spans decades, so
    a fixed number of decimals would show either zeros or a string of digits."""

    def __init__(self) -> None:
        super().__init__()
        self.setDecimals(15)  # the stored precision; the text is formatted below

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt's name)
        return f"{value:.3g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802 (Qt's name)
        try:
            return float(text)
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):  # noqa: ANN201 (Qt's signature)
        stripped = text.strip()
        if not stripped or stripped in ("-", ".", "e", "-.") or stripped.endswith(("e", "e-")):
            return QValidator.State.Intermediate, text, pos
        try:
            value = float(stripped)
        except ValueError:
            return QValidator.State.Invalid, text, pos
        ok = self.minimum() <= value <= self.maximum()
        return (QValidator.State.Acceptable if ok else QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802 (Qt's name)
        """Arrow keys move by a factor of about 1.26 (ten steps a decade)."""
        self.setValue(self.value() * 10 ** (steps / 10))


class _NumberEditor(_Editor):
    """A slider (linear, log or powers of two) beside a spin box showing the value."""

    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info)
        s = info.spec
        self.lo, self.hi = float(s.lo), float(s.hi)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 1)
        if s.pow2:
            self.slider.setRange(int(math.log2(self.lo)), int(math.log2(self.hi)))
            self.spin: QSpinBox | QDoubleSpinBox | None = None
            self.readout = QLabel()
            self.readout.setMinimumWidth(48)
            lay.addWidget(self.readout)
        else:
            self.readout = None
            if info.type is int:
                self.spin = QSpinBox()
                self.spin.setRange(int(self.lo), int(self.hi))
                if s.step:
                    self.spin.setSingleStep(int(s.step))
            elif s.log:
                self.spin = _LogSpinBox()
                self.spin.setRange(self.lo, self.hi)
            else:
                self.spin = QDoubleSpinBox()
                self.spin.setDecimals(s.decimals)
                self.spin.setRange(self.lo, self.hi)
                self.spin.setSingleStep(s.step or (self.hi - self.lo) / 100)
            self.spin.setKeyboardTracking(False)
            self.spin.setMinimumWidth(64)
            lay.addWidget(self.spin)
            self.slider.setRange(0, SLIDER_TICKS)
            self.spin.valueChanged.connect(self._spin_moved)
            self.spin.editingFinished.connect(self._done_typing)
        self.slider.valueChanged.connect(self._slider_moved)

    def _to_ticks(self, v: float) -> int:
        s = self.info.spec
        if s.pow2:
            return int(round(math.log2(max(v, 1))))
        if s.log:
            frac = math.log(v / self.lo) / math.log(self.hi / self.lo)
        else:
            frac = (v - self.lo) / (self.hi - self.lo)
        return int(round(frac * SLIDER_TICKS))

    def _from_ticks(self, t: int) -> float:
        s = self.info.spec
        if s.pow2:
            return 2**t
        frac = t / SLIDER_TICKS
        if s.log:
            v = self.lo * (self.hi / self.lo) ** frac
            return float(f"{v:.3g}")  # round log positions to readable values
        return self.lo + frac * (self.hi - self.lo)

    @Slot(int)
    def _slider_moved(self, t: int) -> None:
        v = self._from_ticks(t)
        if self.spin is not None:
            with QSignalBlocker(self.spin):
                self.spin.setValue(int(round(v)) if self.info.type is int else v)
        else:
            self.readout.setText(str(int(v)))
        self.edited.emit()

    @Slot()
    def _spin_moved(self) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_ticks(self.spin.value()))
        self.edited.emit()

    @Slot()
    def _done_typing(self) -> None:
        """Enter commits the value and gives the keys back to the window (Space runs)."""
        if self.spin is not None and self.spin.hasFocus():
            self.spin.clearFocus()

    def value(self) -> Any:
        if self.spin is None:
            return int(2 ** self.slider.value())
        v = self.spin.value()
        return int(v) if self.info.type is int else float(v)

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setValue(self._to_ticks(value))
        if self.spin is not None:
            with QSignalBlocker(self.spin):
                self.spin.setValue(value)
        else:
            self.readout.setText(str(int(value)))


class _ChoiceEditor(_Editor):
    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info)
        self.combo = QComboBox()
        for c in info.spec.choices:
            self.combo.addItem(c, c)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.combo)
        self.combo.currentIndexChanged.connect(self._emit)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.combo):
            index = self.combo.findData(value)
            if index < 0 and self.info.spec.other:  # e.g. a file: shown by its name
                self.combo.addItem(Path(str(value)).name, value)
                index = self.combo.count() - 1
                self.combo.setItemData(index, value, Qt.ItemDataRole.ToolTipRole)
            self.combo.setCurrentIndex(max(0, index))

    def retranslate(self) -> None:
        for i, c in enumerate(self.info.spec.choices):
            self.combo.setItemText(i, self.contexts.choice(c))


class _MultiEditor(_Editor):
    """A comma-separated subset of choices, as check boxes."""

    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info)
        lay = QGridLayout(self)  # two columns: a long row would widen the whole panel
        lay.setContentsMargins(0, 0, 0, 0)
        self.boxes = {}
        for i, c in enumerate(info.spec.choices):
            box = QCheckBox(c)
            box.toggled.connect(self._emit)
            self.boxes[c] = box
            lay.addWidget(box, i // 2, i % 2)

    def value(self) -> Any:
        return ",".join(c for c, b in self.boxes.items() if b.isChecked())

    def set_value(self, value: Any) -> None:
        chosen = set(str(value).split(","))
        for c, b in self.boxes.items():
            with QSignalBlocker(b):
                b.setChecked(c in chosen)

    def retranslate(self) -> None:
        for c, b in self.boxes.items():
            b.setText(self.contexts.choice(c))


class _BoolEditor(_Editor):
    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info)
        self.box = QCheckBox()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.box)
        self.box.toggled.connect(self._emit)

    def value(self) -> Any:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.box):
            self.box.setChecked(bool(value))


class _PathEditor(_Editor):
    """A folder's path: typed (Enter commits it) or chosen with Browse…."""

    def __init__(self, info: FieldInfo) -> None:
        super().__init__(info)
        self.line = QLineEdit()
        self.line.setClearButtonEnabled(True)
        self.browse = QPushButton()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.browse)
        self.line.editingFinished.connect(self._emit)
        self.browse.clicked.connect(self.choose)

    @Slot()
    def choose(self) -> None:
        start = self.line.text() or str(Path.home())
        path = QFileDialog.getExistingDirectory(
            self, translate("ParamForm", "Choose a folder"), start)
        if path:
            self.set_value(path)
            self.edited.emit()

    def value(self) -> Any:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self.line):
            self.line.setText(str(value))
            self.line.setCursorPosition(len(str(value)))  # the folder's own name shows

    def retranslate(self) -> None:
        self.browse.setText(translate("ParamForm", "Browse…"))
        self.line.setPlaceholderText(translate("ParamForm", "no folder chosen"))


def _editor_for(info: FieldInfo) -> _Editor:
    if info.spec.path:
        return _PathEditor(info)
    if info.spec.choices:
        return _MultiEditor(info) if info.spec.multi else _ChoiceEditor(info)
    if info.type is bool:
        return _BoolEditor(info)
    return _NumberEditor(info)


class ParamForm(QWidget):
    """Emits ``changed(params)`` with a validated Params after every user edit."""

    changed = Signal(object)

    def __init__(self, cls: type[Params], params: Params | None = None,
                 topic: str = "") -> None:
        super().__init__()
        self.cls = cls
        # Each topic's labels and choices are translated in contexts of its own
        # ("adam/params", "adam/choices"), so one word can differ between topics; words
        # several topics share are translated once, in "params" and "choices".
        self.context = contexts(topic)
        self._params = params or cls()
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.editors: dict[str, _Editor] = {}
        self._running = False
        self.shown: frozenset[str] | None = None  # a scene's controls; None: every field
        self.hidden: frozenset[str] = frozenset()  # a teacher preset's hidden fields
        self.locked: frozenset[str] = frozenset()  # a teacher preset's locked fields
        for info in self._shown_fields():
            ed = _editor_for(info)
            ed.contexts = self.context
            ed.edited.connect(self._on_edit)
            label = QLabel()
            label.setBuddy(ed)
            self.labels[info.name] = label
            self.editors[info.name] = ed
            self.layout_.addRow(label, ed)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        self.layout_.addRow(self.error)
        # Why some fields are grey during a run, said where the eye already is.
        self.fixed_note = QLabel()
        self.fixed_note.setObjectName("fixedNote")
        self.fixed_note.setWordWrap(True)
        self.fixed_note.setStyleSheet("color: #555;")
        self.fixed_note.hide()
        self.layout_.addRow(self.fixed_note)
        self.set_params(self._params)
        self.retranslate()

    def _shown_fields(self) -> list:
        return [info for info in self.cls.fields() if not info.spec.tab_only]

    def params(self) -> Params:
        return self._params

    def set_params(self, params: Params) -> None:
        self._params = params
        for name, ed in self.editors.items():
            ed.set_value(getattr(params, name))
        self._apply_rows()

    @Slot()
    def _on_edit(self) -> None:
        values = {name: ed.value() for name, ed in self.editors.items()}
        try:
            new = self.cls.from_dict(values, base=self._params)  # tab-only fields kept
        except ParamError as exc:
            self.error.setText(param_error(exc))
            self.error.show()
            return
        self.error.hide()
        if new != self._params:
            self._params = new
            self._apply_rows()  # a choice may make other fields irrelevant
            self.changed.emit(new)

    def set_running(self, running: bool) -> None:
        """Fields that may not change mid-run are disabled while a run exists."""
        self._running = running
        self._apply_rows()

    def restrict(self, *, shown: frozenset[str] | None = None,
                 hidden: frozenset[str] = frozenset(),
                 locked: frozenset[str] = frozenset()) -> None:
        """Show only ``shown`` (a scene's controls; None: all), never ``hidden``, and
        keep ``locked`` fields read-only (a teacher preset)."""
        self.shown, self.hidden, self.locked = shown, frozenset(hidden), frozenset(locked)
        self._apply_rows()

    def is_shown(self, name: str) -> bool:
        return name not in self.hidden and (self.shown is None or name in self.shown)

    def _apply_rows(self) -> None:
        unused = self._params.unused()
        for info in self._shown_fields():
            name = info.name
            enabled = ((info.spec.live or not self._running) and name not in self.locked
                       and name not in unused)
            self.editors[name].setEnabled(enabled)
            self.labels[name].setEnabled(enabled)
            self.layout_.setRowVisible(self.editors[name], self.is_shown(name))
        self.fixed_note.setVisible(self._running and any(
            not info.spec.live and self.is_shown(info.name) for info in self._shown_fields()))

    def retranslate(self) -> None:
        self.fixed_note.setText(translate("ParamForm", "Greyed settings are fixed while a run "
                                                       "is going; Reset to change them."))
        for info in self._shown_fields():
            self.labels[info.name].setText(self.context.param(info.spec.label))
            tip = self.context.param(info.spec.help) if info.spec.help else ""
            if not info.spec.live:
                tip += ("\n" if tip else "") + translate("ParamForm",
                                                        "(fixed while a run is going)")
            self.labels[info.name].setToolTip(tip)
            self.editors[info.name].setToolTip(tip)
            self.editors[info.name].retranslate()
