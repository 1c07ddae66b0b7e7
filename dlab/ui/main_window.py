"""The main window: one tab per registered topic, menus, and remembered settings."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QRect,
    QSettings,
    QStandardPaths,
    Qt,
    Slot,
)
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from dlab import __version__, registry
from dlab.core.codegen import NoScript
from dlab.core.io import MAX_READ_BYTES, read_text, write_atomic
from dlab.core.params import ParamError
from dlab.core.presets import Preset, PresetError
from dlab.core.resources import lesson_text
from dlab.core.runtime import DEVICES, cuda_available
from dlab.core.scenes import SceneError, script_topic
from dlab.core.seed import SEED_MAX
from dlab.core.text import shown
from dlab.core.video import find_ffmpeg
from dlab.ui import i18n, look
from dlab.ui.code_dialog import CodeDialog
from dlab.ui.export import png_bytes, svg_bytes
from dlab.ui.help_dialog import HelpDialog
from dlab.ui.i18n import translate
from dlab.ui.layouts import PlacedTabs, settle
from dlab.ui.messages import reason
from dlab.ui.messages import text as message_text
from dlab.ui.record import save_recording
from dlab.ui.screen_fit import FullScreen, fit_on_screen
from dlab.ui.topic_tab import TopicTab

log = logging.getLogger(__name__)

# How long closing waits for a run whose step does not end (the window is gone already):
# a QThread destroyed while it runs would abort the process. When the process ends right
# after the window (the app, not a test), no destructor runs and a short grace is enough.
STOP_PATIENCE_MS = 30_000
EXIT_GRACE_MS = 300


def settings_path() -> str:
    """DLAB_SETTINGS overrides (tests use a temporary file)."""
    env = os.environ.get("DLAB_SETTINGS")
    if env:
        return env
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return str(Path(base or Path.home() / ".config") / "dlab.ini")


# Far larger than settings ever grow (ten topics' parameters and a preset): such a file
# is not read at all, so it cannot fill the memory at every start.
SETTINGS_MAX_BYTES = 4 * MAX_READ_BYTES


def open_settings() -> tuple[QSettings, str | None]:
    """The settings store, and a warning when the file was unreadable (then ignored)."""
    path = settings_path()
    s = None if _unusable(path) else QSettings(path, QSettings.Format.IniFormat)
    if s is None or s.status() != QSettings.Status.NoError:
        warning = f"settings file {path} is unreadable and was ignored"
        log.warning(warning)
        with contextlib.suppress(OSError):  # keep it for a curious user, out of the way
            os.replace(path, path + ".corrupt")
        return QSettings(path, QSettings.Format.IniFormat), warning
    return s, None


def _unusable(path: str) -> bool:
    """Not a settings file dlab wrote (UTF-8 text of a bounded size), though QSettings
    would read it without a complaint, as it reads almost anything."""
    try:
        return "\0" in read_text(path, SETTINGS_MAX_BYTES)
    except FileNotFoundError:  # the first start
        return False
    except OSError:  # too large, not text, not a file, or unreadable
        return True


class TabWidget(PlacedTabs):
    """Qt's tab widget lays itself out again and repaints all of itself at every layout
    request, and Qt sends it one whenever a label's text changes anywhere in a page (a
    changed size hint goes up to it): with a tab training, the whole window was painted
    once more for every frame. A request that changes nothing the tab widget lays out (its
    bar, its size, the tab shown) is passed on to the window as a change of size hint
    only."""

    _laid_out: tuple | None = None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            bar = self.tabBar()
            state = (bar.sizeHint(), bar.isVisibleTo(self), self.size(), self.count(),
                     self.currentIndex(), self.tabPosition(), self.documentMode())
            if state == self._laid_out:
                self.updateGeometry()
                return True
            self._laid_out = state
        return super().event(event)


class MainWindow(QMainWindow):
    def __init__(self, topic: str | None = None, lang: str | None = None) -> None:
        super().__init__()
        self.settings, self.settings_warning = open_settings()
        self.closing = False
        self.full_screen = FullScreen(self)  # F11 and F5, with or without a window manager
        self.process_ends_after_close = False  # run_app: the process ends with the window
        self.tabs_widget = TabWidget()
        self.tabs_widget.setDocumentMode(True)
        self.setCentralWidget(self.tabs_widget)
        # Tabs are built when first shown, so the window paints after building one.
        self.topics = list(registry.TOPICS)
        self.pages: list[QWidget] = []
        self._built: dict[int, TopicTab] = {}
        self.broken: dict[str, str] = {}  # topic id -> why its tab could not be built
        for _ in self.topics:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self.pages.append(page)
            self.tabs_widget.addTab(page, "")
        # The device of the runs started from now on: auto, cpu or cuda (Run menu).
        saved_device = self._setting("device", str)
        self.device_choice = saved_device if saved_device in DEVICES else "cpu"
        self.cuda: bool | None = None  # unknown until the Device menu first opens
        self._build_menus()
        self.preset: Preset | None = None  # a teacher's preset, kept until cleared
        self._preset_params: set[str] = set()  # topics whose preset params are yet to set
        self._restore_preset()

        lang = lang or self._setting("lang", str) or "en"
        if lang not in i18n.LANGUAGES:
            lang = "en"
        last = topic or self._setting("last_tab", str)
        ids = [t.id for t in self.topics]
        self.tabs_widget.setCurrentIndex(ids.index(last) if last in ids else 0)
        self.tabs_widget.currentChanged.connect(self._on_tab_changed)
        geometry = self.settings.value("geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1500, 900)
        # Fitted to its screen when first shown, unless a caller sizes it before (dlab shot).
        self._own_geometry: QRect | None = self.geometry()
        self.set_language(lang)
        zoom = self._setting("zoom", float)
        if zoom is not None and zoom != look.zoom():
            self.set_zoom(zoom)
        self.tab_at(self.tabs_widget.currentIndex())
        if self.settings_warning:
            self.statusBar().showMessage(
                translate("MainWindow", "Settings were unreadable and were reset."), 10000)

    # --- tabs -----------------------------------------------------------------------
    def tab_at(self, index: int) -> TopicTab | None:
        """The tab of topic ``index``, built on first use; None if it cannot be built."""
        if index in self._built:
            return self._built[index]
        t = self.topics[index]
        if t.id in self.broken:
            return None
        try:
            tab = t.tab_class()(t, self._saved_params(t))
        except Exception as exc:  # one broken topic must not keep the others away
            log.exception("the %s tab could not be built", t.id)
            self.broken[t.id] = f"{type(exc).__name__}: {exc}"
            note = QLabel(translate("MainWindow", "This topic could not be loaded: {0}")
                          .format(self.broken[t.id]))
            note.setWordWrap(True)
            self.pages[index].layout().addWidget(note)
            return None
        seed = self._setting(f"tabs/{t.id}/seed", int)
        if seed is not None and 0 <= seed <= SEED_MAX:
            tab.seed.setValue(seed)
        self.pages[index].layout().addWidget(tab)
        self._built[index] = tab
        self._apply_preset_to(tab)
        if not self.a_side.isChecked():
            tab.side.hide()
        if not look.is_default():
            look.apply(tab)
        return tab

    @property
    def tabs(self) -> list[TopicTab]:
        """Every tab that can be built (building those not built yet)."""
        return [tab for i in range(len(self.topics)) if (tab := self.tab_at(i)) is not None]

    def built_tabs(self) -> list[TopicTab]:
        return [self._built[i] for i in sorted(self._built)]

    def current_tab(self) -> TopicTab | None:
        return self.tab_at(self.tabs_widget.currentIndex())

    @Slot(int)
    def _on_tab_changed(self, index: int) -> None:
        self.tab_at(index)

    # --- settings -------------------------------------------------------------------
    def _setting(self, key: str, typ: type):  # noqa: ANN202
        value = self.settings.value(key)
        if value is None:
            return None
        try:
            return typ(value)
        except (TypeError, ValueError):
            log.warning("ignored setting %s=%s", key, shown(value))
            return None

    def _saved_params(self, topic: registry.Topic):  # noqa: ANN202
        text = self.settings.value(f"tabs/{topic.id}/params")
        if not isinstance(text, str):
            return None
        try:
            return topic.params_class().from_json(text)
        except ParamError as exc:  # an old or edited file: keep the defaults
            log.warning("ignored saved parameters of %s: %s", topic.id, exc)
            return None

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("lang", i18n.language())
        s.setValue("last_tab", self.topics[self.tabs_widget.currentIndex()].id)
        s.setValue("device", self.device_choice)
        s.setValue("zoom", look.zoom())
        for tab in self.built_tabs():
            s.setValue(f"tabs/{tab.topic.id}/params", tab.params().to_json())
            s.setValue(f"tabs/{tab.topic.id}/seed", tab.seed.value())
        s.sync()

    # --- menus ----------------------------------------------------------------------
    def _action(self, menu, slot, shortcut=None) -> QAction:  # noqa: ANN001
        a = QAction(self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.triggered.connect(slot)
        menu.addAction(a)
        return a

    def _choices(self, menu, codes, slot) -> dict[str, QAction]:  # noqa: ANN001
        """One checkable action per code in ``menu``, only one checked at a time; the code
        is the action's data(), for ``slot`` to read from sender()."""
        group = QActionGroup(self)
        actions: dict[str, QAction] = {}
        for code in codes:
            a = QAction(self, checkable=True)
            a.setData(code)
            a.triggered.connect(slot)
            group.addAction(a)
            menu.addAction(a)
            actions[code] = a
        return actions

    def _build_menus(self) -> None:
        mb = self.menuBar()
        self.file_menu = mb.addMenu("")
        self.a_save = self._action(self.file_menu, self.save_params_dialog, QKeySequence.Save)
        self.a_load = self._action(self.file_menu, self.load_params_dialog, QKeySequence.Open)
        self.file_menu.addSeparator()
        self.a_png = self._action(self.file_menu, self.export_png_dialog, "Ctrl+E")
        self.a_svg = self._action(self.file_menu, self.export_svg_dialog)
        self.a_csv = self._action(self.file_menu, self.export_csv_dialog, "Ctrl+Shift+E")
        self.a_record = self._action(self.file_menu, self.record_dialog, "Ctrl+Shift+R")
        self.file_menu.addSeparator()
        self.a_open_preset = self._action(self.file_menu, self.open_preset_dialog)
        self.a_clear_preset = self._action(self.file_menu, self.clear_preset)
        self.a_clear_preset.setEnabled(False)
        self.file_menu.addSeparator()
        self.a_quit = self._action(self.file_menu, self.close, QKeySequence.Quit)

        self.run_menu = mb.addMenu("")
        self.a_run = self._action(self.run_menu, self.on_run_pause, Qt.Key.Key_Space)
        self.a_step = self._action(self.run_menu, self.on_step, Qt.Key.Key_S)
        self.a_reset = self._action(self.run_menu, self.on_reset, Qt.Key.Key_R)
        self.run_menu.addSeparator()
        self.device_menu = self.run_menu.addMenu("")
        self.device_menu.setToolTipsVisible(True)
        self.device_menu.aboutToShow.connect(self.check_devices)
        self.device_actions = self._choices(self.device_menu, DEVICES, self.on_device_action)
        self.device_actions[self.device_choice].setChecked(True)

        self.view_menu = mb.addMenu("")
        # Alt+1 … Alt+0 go to topic 1 … 10: Ctrl+Tab cycles the tabs inside a topic when
        # one has the focus (the CNN tab's pages), so the keyboard needs a way of its own.
        self.topic_menu = self.view_menu.addMenu("")
        self.topic_actions = []
        for i, _ in enumerate(self.topics):
            a = self._action(self.topic_menu, self.on_topic_action,
                             f"Alt+{(i + 1) % 10}" if i < 10 else None)
            a.setData(i)
            self.topic_actions.append(a)
        self.lang_menu = self.view_menu.addMenu("")
        self.lang_actions = self._choices(self.lang_menu, i18n.LANGUAGES, self.on_language_action)
        for code, name in i18n.LANGUAGES.items():
            self.lang_actions[code].setText(name)
        self.a_full = self._action(self.view_menu, self.toggle_full_screen, "F11")
        self.a_full.setCheckable(True)
        self.a_present = self._action(self.view_menu, self.toggle_presentation, "F5")
        self.a_present.setCheckable(True)
        self.a_side = self._action(self.view_menu, self.toggle_side_panel, "F6")
        self.a_side.setCheckable(True)
        self.a_side.setChecked(True)
        self.view_menu.addSeparator()
        # Ctrl+= is the key without Shift on most keyboards; Ctrl++ works too.
        self.a_zoom_in = self._action(self.view_menu, self.zoom_in, "Ctrl+=")
        self.a_zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self.a_zoom_out = self._action(self.view_menu, self.zoom_out, "Ctrl+-")
        self.a_zoom_reset = self._action(self.view_menu, self.zoom_reset, "Ctrl+0")
        # Esc leaves presentation mode; a window action, so it works without the menu.
        self.a_end_present = QAction(self)
        self.a_end_present.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.a_end_present.triggered.connect(self.end_presentation)
        self.a_end_present.setEnabled(False)
        self.addAction(self.a_end_present)

        self.lesson_menu = mb.addMenu("")
        self.a_next = self._action(self.lesson_menu, self.on_next_scene, Qt.Key.Key_PageDown)
        self.a_prev = self._action(self.lesson_menu, self.on_previous_scene, Qt.Key.Key_PageUp)
        self.lesson_menu.addSeparator()
        self.a_add_scene = self._action(self.lesson_menu, self.add_scene_dialog, "Ctrl+Shift+N")
        self.a_open_lesson = self._action(self.lesson_menu, self.open_lesson_dialog,
                                          "Ctrl+Shift+O")
        self.a_save_lesson = self._action(self.lesson_menu, self.save_lesson_dialog,
                                          "Ctrl+Shift+S")
        self.lesson_menu.addSeparator()
        self.a_code = self._action(self.lesson_menu, self.show_code, "Ctrl+Shift+C")

        self.help_menu = mb.addMenu("")
        self.a_keys = self._action(self.help_menu, self.show_help, "F1")
        self.a_about = self._action(self.help_menu, self.show_about)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("MainWindow", "dlab — deep-learning lab"))
        self.file_menu.setTitle(translate("MainWindow", "&File"))
        self.a_save.setText(translate("MainWindow", "Save parameters…"))
        self.a_load.setText(translate("MainWindow", "Load parameters…"))
        self.a_png.setText(translate("MainWindow", "Export tab as PNG…"))
        self.a_csv.setText(translate("MainWindow", "Export metrics as CSV…"))
        self.a_quit.setText(translate("MainWindow", "Quit"))
        self.a_record.setText(translate("MainWindow", "Record a run as GIF or MP4…"))
        self.a_svg.setText(translate("MainWindow", "Export tab as SVG…"))
        self.a_open_preset.setText(translate("MainWindow", "Open teacher preset…"))
        self.a_clear_preset.setText(translate("MainWindow", "Clear teacher preset"))
        self.run_menu.setTitle(translate("MainWindow", "&Run"))
        self.a_run.setText(translate("MainWindow", "Run / Pause"))
        self.a_step.setText(translate("MainWindow", "Step"))
        self.a_reset.setText(translate("MainWindow", "Reset"))
        self.device_menu.setTitle(translate("MainWindow", "Device"))
        self.device_actions["auto"].setText(
            translate("MainWindow", "Auto (CUDA where it is faster)"))
        self.device_actions["cpu"].setText(translate("MainWindow", "CPU"))
        self.device_actions["cuda"].setText(translate("MainWindow", "CUDA (NVIDIA GPU)"))
        self._show_cuda()
        self.view_menu.setTitle(translate("MainWindow", "&View"))
        self.lang_menu.setTitle(translate("MainWindow", "Language"))
        self.a_full.setText(translate("MainWindow", "Full screen"))
        self.a_present.setText(translate("MainWindow", "Presentation mode (Esc leaves)"))
        self.a_side.setText(translate("MainWindow", "Parameters and lesson panel"))
        self.a_zoom_in.setText(translate("MainWindow", "Larger text"))
        self.a_zoom_out.setText(translate("MainWindow", "Smaller text"))
        self.a_zoom_reset.setText(translate("MainWindow", "Normal text size"))
        self.lesson_menu.setTitle(translate("MainWindow", "&Lesson"))
        self.a_next.setText(translate("MainWindow", "Next scene"))
        self.a_prev.setText(translate("MainWindow", "Previous scene"))
        self.a_add_scene.setText(translate("MainWindow", "Add the current state as a scene…"))
        self.a_open_lesson.setText(translate("MainWindow", "Open lesson script…"))
        self.a_save_lesson.setText(translate("MainWindow", "Save lesson script…"))
        self.a_code.setText(translate("MainWindow", "Show me the code…"))
        self.help_menu.setTitle(translate("MainWindow", "&Help"))
        self.a_keys.setText(translate("MainWindow", "Help: this topic's lesson and the keys"))
        self.a_about.setText(translate("MainWindow", "About dlab"))
        self.topic_menu.setTitle(translate("MainWindow", "Go to topic"))
        for i, topic in enumerate(self.topics):
            title = translate("topics", topic.title)
            self.tabs_widget.setTabText(i, f"{i + 1}. {title}")
            self.topic_actions[i].setText(f"{i + 1}. {title}")

    def set_language(self, lang: str) -> None:
        i18n.set_language(lang)
        self.lang_actions[i18n.language()].setChecked(True)
        self.retranslate()
        for tab in self.built_tabs():  # the others are built in the current language
            tab.retranslate()
        if not look.is_default():  # retranslated titles and legends take the look
            look.apply(self)

    # --- actions --------------------------------------------------------------------
    @Slot()
    def on_language_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_language(str(action.data()))

    @Slot()
    def on_topic_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.tabs_widget.setCurrentIndex(int(action.data()))

    @Slot()
    def on_device_action(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.set_device(str(action.data()))

    def set_device(self, device: str) -> None:
        """Where the runs started from now on train; a run under way keeps its device."""
        self.device_choice = device
        self.device_actions[device].setChecked(True)

    @Slot()
    def check_devices(self) -> None:
        """CUDA can be chosen only where it is present (asked when the menu opens: the
        answer needs torch, which the window does not import to paint)."""
        self.cuda = cuda_available()
        self._show_cuda()
        if not self.cuda and self.device_choice == "cuda":  # remembered from elsewhere
            self.set_device("cpu")

    def _show_cuda(self) -> None:
        a = self.device_actions["cuda"]
        a.setEnabled(self.cuda is not False)
        a.setToolTip(translate("MainWindow", "No CUDA device on this computer")
                     if self.cuda is False else "")

    @Slot()
    def on_run_pause(self) -> None:
        if tab := self.current_tab():
            tab.run_pause()

    @Slot()
    def on_step(self) -> None:
        if tab := self.current_tab():
            tab.step()

    @Slot()
    def on_reset(self) -> None:
        if tab := self.current_tab():
            tab.reset()

    @Slot()
    def set_presentation(self, on: bool, full_screen: bool = True) -> None:
        """Presentation mode: large text, thick lines, high contrast, the side panel
        folded away (F6 brings it back), full screen unless ``full_screen`` is False."""
        look.set_presenting(on)
        self.a_present.setChecked(on)
        self.a_end_present.setEnabled(on)
        self.set_side_panel(not on)
        look.apply(self)
        if full_screen:
            if on and not self.full_screen.on():
                self.full_screen.enter()
            elif not on and self.full_screen.on():
                self.full_screen.leave()
            self.a_full.setChecked(self.full_screen.on())

    def set_zoom(self, factor: float) -> None:
        """Scale the lesson text, plot labels and controls together (remembered)."""
        look.set_zoom(factor)
        look.apply(self)
        for tab in self.built_tabs():
            tab.show_lesson()  # its headings have sizes of their own
        self.statusBar().showMessage(
            translate("MainWindow", "Text size {0} %").format(round(look.zoom() * 100)), 3000)

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(look.zoom_step(look.zoom(), +1))

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(look.zoom_step(look.zoom(), -1))

    @Slot()
    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    @Slot()
    def toggle_presentation(self) -> None:
        self.set_presentation(not look.presenting())

    @Slot()
    def end_presentation(self) -> None:
        if look.presenting():
            self.set_presentation(False)

    def set_side_panel(self, visible: bool) -> None:
        self.a_side.setChecked(visible)
        for tab in self.built_tabs():
            tab.side.setVisible(visible)

    @Slot()
    def toggle_side_panel(self) -> None:
        self.set_side_panel(self.a_side.isChecked())

    @Slot()
    def toggle_full_screen(self) -> None:
        if self.full_screen.on():
            self.full_screen.leave()
        else:
            self.full_screen.enter()
        self.a_full.setChecked(self.full_screen.on())

    @Slot()
    def on_next_scene(self) -> None:
        if tab := self.current_tab():
            tab.next_scene()

    @Slot()
    def on_previous_scene(self) -> None:
        if tab := self.current_tab():
            tab.previous_scene()

    def open_lesson(self, path: str) -> bool:
        """Open a lesson script on its topic's tab. A file that does not validate is
        reported (naming the scene and the field) and nothing else changes."""
        try:
            text = read_text(path)
            topic = registry.get(script_topic(text))
            script = topic.read_script(text)
        except (OSError, SceneError, registry.UnknownTopic) as exc:
            if tab := self.current_tab():
                tab.banner.show_error(translate(
                    "MainWindow", "Could not open the lesson {0}: {1}").format(path, reason(exc)),
                    cause="file")
            return False
        self.tabs_widget.setCurrentIndex(self.topics.index(topic))
        tab = self.current_tab()
        if tab is None:
            return False
        tab.set_script(script, from_file=True)
        self._file_done(translate("MainWindow", "Loaded {0}").format(path))
        return True

    # --- teacher presets ----------------------------------------------------------------
    def _restore_preset(self) -> None:
        text = self.settings.value("preset")
        if not isinstance(text, str) or not text:
            return
        try:
            self.preset = registry.read_preset(text)
        except PresetError as exc:  # a preset that no longer fits this version: drop it
            log.warning("ignored the saved teacher preset: %s", exc)
            self.settings.remove("preset")
            return
        self.a_clear_preset.setEnabled(True)

    def _apply_preset_to(self, tab: TopicTab) -> None:
        """Hide and lock the preset's controls (none without a preset); set its parameters
        once, when the preset is opened."""
        entry = self.preset.for_topic(tab.topic.id) if self.preset else None
        hidden = entry.hidden if entry else frozenset()
        locked = entry.locked if entry else frozenset()
        tab.form.restrict(shown=tab.form.shown, hidden=hidden, locked=locked)
        if entry and tab.topic.id in self._preset_params:
            self._preset_params.discard(tab.topic.id)
            if tab.runner.is_active():
                tab.reset()
            tab.set_params(tab.params_cls.from_dict(entry.params, base=tab.params()))

    def set_preset(self, preset: Preset | None) -> None:
        """Use ``preset`` (None clears it) in every tab, now and after a restart."""
        self.preset = preset
        self._preset_params = set(preset.topics) if preset else set()
        if preset is None:
            self.settings.remove("preset")
        else:
            self.settings.setValue("preset", preset.text)
        self.settings.sync()
        self.a_clear_preset.setEnabled(preset is not None)
        for tab in self.built_tabs():
            self._apply_preset_to(tab)

    def open_preset(self, path: str) -> bool:
        """Open a teacher preset; a file that does not validate is reported (naming the
        topic and the field) and nothing else changes."""
        try:
            preset = registry.read_preset(read_text(path))
        except (OSError, PresetError) as exc:
            if tab := self.current_tab():
                tab.banner.show_error(translate(
                    "MainWindow", "Could not open the preset {0}: {1}").format(path, reason(exc)),
                    cause="file")
            return False
        self.set_preset(preset)
        self._file_done(translate("MainWindow", "Loaded {0}").format(path))
        return True

    @Slot()
    def open_preset_dialog(self) -> None:
        path = self._ask_path(False, translate("MainWindow", "Open teacher preset"),
                              "JSON (*.json)", ".json")
        if path:
            self.open_preset(path)

    @Slot()
    def clear_preset(self) -> None:
        self.set_preset(None)

    # --- show me the code ----------------------------------------------------------------
    @Slot()
    def show_code(self) -> CodeDialog | None:
        """The current tab's parameters and seed as a plain PyTorch script."""
        tab = self.current_tab()
        if tab is None:
            return None
        try:
            script = tab.topic.code(tab.params(), tab.seed.value(), tab.steps_limit)
        except NoScript as exc:  # values the script cannot follow (a user's folders)
            tab.banner.show_error(message_text(exc.text), severe=False)
            return None
        if script is None:
            tab.banner.show_error(translate(
                "MainWindow", "This topic has no code to show yet."), severe=False)
            return None
        dialog = CodeDialog(script, translate("topics", tab.topic.title), self)
        dialog.open()
        return dialog

    # --- recording ----------------------------------------------------------------------
    def record_to(self, path: str, fps: float = 10.0) -> bool:
        """Run the current tab from the start and write it as an animated GIF (or an MP4
        where ffmpeg is found), with a progress bar (Stop ends the recording early and keeps
        what was recorded)."""
        tab = self.current_tab()
        if tab is None:
            return False
        if Path(path).suffix.lower() == ".mp4" and find_ffmpeg() is None:  # before the run
            tab.banner.show_error(translate(
                "MainWindow", "MP4 needs an encoder: install ffmpeg (or pip install "
                "'dlab[video]'). A GIF needs nothing more."), cause="file")
            return False
        total = tab.steps_limit or tab.topic.default_steps or 0
        bar = QProgressDialog(translate("MainWindow", "Recording {0}…").format(
            Path(path).name), translate("MainWindow", "Stop"), 0, total, self)
        bar.setWindowModality(Qt.WindowModality.WindowModal)
        bar.setMinimumDuration(0)

        def progress(step: int) -> bool:
            if total:
                bar.setValue(min(step, total))
            QCoreApplication.processEvents()
            return not bar.wasCanceled()

        try:
            rec = tab.record_inline("run", None, tab.device(), tab, progress)
            save_recording(rec, path, fps)
        except (OSError, ValueError) as exc:
            tab.banner.show_error(translate("MainWindow", "Could not write {0}: {1}")
                                  .format(path, exc), cause="file")
            return False
        finally:
            bar.close()
            bar.deleteLater()
        self.statusBar().showMessage(translate("MainWindow", "Wrote {0} ({1} frames)").format(
            path, len(rec.frames)), 10000)
        return True

    @Slot()
    def record_dialog(self) -> None:
        path = self._ask_path(True, translate("MainWindow", "Record a run as GIF or MP4"),
                              "GIF (*.gif);;MP4 (*.mp4)", ".gif", also=(".mp4",))
        if path:
            self.record_to(path)

    def save_lesson_to(self, path: str) -> None:
        tab = self.current_tab()
        if tab.script is None:
            raise OSError(translate("MainWindow", "this tab has no scenes yet; add one first"))
        write_atomic(path, tab.script.to_json())

    @Slot()
    def open_lesson_dialog(self) -> None:
        path = self._ask_path(False, translate("MainWindow", "Open lesson script"),
                              "JSON (*.json)", ".json")
        if path:
            self.open_lesson(path)

    @Slot()
    def save_lesson_dialog(self) -> None:
        tab = self.current_tab()
        if tab is not None and tab.script is None:
            tab.banner.show_error(translate(
                "MainWindow", "This tab has no scenes yet: add one first "
                              "(Lesson → Add the current state as a scene)."), severe=False)
            return
        self._save_as(translate("MainWindow", "Save lesson script"), "JSON (*.json)",
                      ".lesson.json", self.save_lesson_to)

    @Slot()
    def add_scene_dialog(self) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        n = len(tab.script) + 1 if tab.script else 1
        heading = translate("MainWindow", "Add a scene")
        title, ok = QInputDialog.getText(self, heading, translate("MainWindow", "Title"),
                                         text=translate("MainWindow", "Scene {0}").format(n))
        if not ok or not title.strip():
            return
        narration, ok = QInputDialog.getMultiLineText(
            self, heading, translate("MainWindow", "Narration: two or three sentences"))
        if ok and narration.strip():
            tab.capture_scene(title, narration)

    def save_params_to(self, path: str) -> None:
        tab = self.current_tab()
        write_atomic(path, tab.params().to_json(seed=tab.seed.value()) + "\n")

    def load_params_from(self, path: str) -> bool:
        """Load a parameter file (and its seed) into the current tab; a bad file is
        reported, not raised. A run going is ended only if the user agrees."""
        tab = self.current_tab()
        try:
            text = read_text(path)
            params = tab.params_cls.from_json(text)
            seed = tab.params_cls.seed_from_json(text)
        except (OSError, ParamError) as exc:
            tab.banner.show_error(
                translate("MainWindow", "Could not load {0}: {1}").format(path, reason(exc)),
                cause="file")
            return False
        if not tab.may_end_run():
            return False
        if tab.runner.is_active():
            tab.reset()
        tab.set_params(params)
        if seed is not None:
            tab.seed.setValue(seed)
        self._file_done(translate("MainWindow", "Loaded {0}").format(path))
        return True

    def export_png_to(self, path: str) -> bool:
        """The tab as it looks, without a message banner (OSError if not written)."""
        write_atomic(path, self._without_banner(png_bytes))
        return True

    def export_svg_to(self, path: str) -> None:
        tab = self.current_tab()
        write_atomic(path, self._without_banner(
            lambda w: svg_bytes(w, translate("topics", tab.topic.title))))

    def _without_banner(self, draw):  # noqa: ANN001, ANN202
        """``draw(tab)`` with its message banner hidden: a message is for the screen, never
        part of an exported picture."""
        tab = self.current_tab()
        shown = tab.banner.isVisible()
        tab.banner.hide()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        try:
            return draw(tab)
        finally:
            tab.banner.setVisible(shown)

    def export_csv_to(self, path: str) -> None:
        write_atomic(path, self.current_tab().metrics_csv())

    def _ask_path(self, save: bool, title: str, pattern: str, suffix: str,
                  also: tuple[str, ...] = ()) -> str | None:
        """A file to open or save; a saved name gets ``suffix`` unless it already ends in
        it or in one of ``also``."""
        if self.current_tab() is None:  # a topic that could not be loaded has nothing here
            return None
        tab_id = self.topics[self.tabs_widget.currentIndex()].id
        folder = self._setting("last_folder", str) or ""  # the last one used, remembered
        if save:
            start = str(Path(folder) / f"{tab_id}{suffix}") if folder else f"{tab_id}{suffix}"
            path, _ = QFileDialog.getSaveFileName(self, title, start, pattern)
        else:
            path, _ = QFileDialog.getOpenFileName(self, title, folder, pattern)
        if path and save and Path(path).suffix.lower() not in (suffix, *also):
            path += suffix
        if path:
            self.settings.setValue("last_folder", str(Path(path).parent))
        return path or None

    def _save_as(self, title: str, pattern: str, suffix: str, write) -> None:  # noqa: ANN001
        """Ask where, write, and report a failure in the tab's banner."""
        path = self._ask_path(True, title, pattern, suffix)
        if path is None:
            return
        tab = self.current_tab()
        try:
            write(path)
        except OSError as exc:  # the folder and the system's reason, not a temporary name
            tab.banner.show_error(translate(
                "MainWindow", "Could not write {0} in the folder {1}: {2}").format(
                Path(path).name, Path(path).parent, reason(exc)), cause="file")
            return
        self._file_done(translate("MainWindow", "Saved {0}").format(path))

    def _file_done(self, message: str) -> None:
        """A file was read or written: say so in the status bar, and a message about an
        earlier failed file is gone with its cause."""
        for tab in self.built_tabs():
            tab.banner.clear("file")
        self.statusBar().showMessage(message, 10000)

    @Slot()
    def save_params_dialog(self) -> None:
        self._save_as(translate("MainWindow", "Save parameters"), "JSON (*.json)", ".json",
                      self.save_params_to)

    @Slot()
    def load_params_dialog(self) -> None:
        path = self._ask_path(False, translate("MainWindow", "Load parameters"),
                              "JSON (*.json)", ".json")
        if path:
            self.load_params_from(path)

    @Slot()
    def export_png_dialog(self) -> None:
        self._save_as(translate("MainWindow", "Export tab as PNG"), "PNG (*.png)", ".png",
                      self.export_png_to)

    @Slot()
    def export_svg_dialog(self) -> None:
        self._save_as(translate("MainWindow", "Export tab as SVG"), "SVG (*.svg)", ".svg",
                      self.export_svg_to)

    @Slot()
    def export_csv_dialog(self) -> None:
        self._save_as(translate("MainWindow", "Export metrics"), "CSV (*.csv)", ".csv",
                      self.export_csv_to)

    def shortcut_actions(self) -> list[QAction]:
        """Every action that has a key, in menu order (the Esc of presentation last)."""
        def keyed(menu):  # noqa: ANN001, ANN202 (submenus' actions in their place)
            for a in menu.actions():
                if a.menu() is not None:
                    yield from keyed(a.menu())
                elif not a.shortcut().isEmpty():
                    yield a

        found = [a for menu in (self.file_menu, self.run_menu, self.view_menu,
                                self.lesson_menu, self.help_menu) for a in keyed(menu)]
        return [*found, self.a_end_present]

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """Every shortcut of the window (each key of an action with two), read from its
        actions, in the current language."""
        texts = {self.a_end_present: translate("MainWindow", "Leave presentation mode")}
        return [(key.toString(QKeySequence.SequenceFormat.NativeText),
                 texts.get(a, a.text()).replace("&", ""))
                for a in self.shortcut_actions() for key in a.shortcuts()]

    def shortcuts_text(self) -> str:
        return "\n".join(f"{k}\t{v}" for k, v in self.shortcut_rows())

    @Slot()
    def show_help(self) -> HelpDialog:
        """The current topic's lesson and every shortcut, in the current language."""
        topic = self.topics[self.tabs_widget.currentIndex()]
        dialog = HelpDialog(translate("topics", topic.title), self.shortcut_rows(),
                            lesson_text(topic.id, i18n.language()), self)
        dialog.show()
        return dialog

    @Slot()
    def show_about(self) -> None:
        text = translate("MainWindow", "dlab {0}: a desktop deep-learning lab. Every curve is "
                                       "real PyTorch training, running on this computer.").format(
            __version__)
        box = QMessageBox(QMessageBox.Icon.Information, translate("MainWindow", "About dlab"),
                          text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- closing --------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop every runner and remember the settings.

        Every runner is asked to stop first, so they all reach their next yield together
        (joining them one by one added up one step each); the settings are saved before
        the joins, so nothing is lost whatever a slow step does."""
        if look.presenting():  # the look is the application's: give the normal one back
            look.set_presenting(False)
        for tab in self.built_tabs():
            tab.runner.request_stop()
        try:
            self.save_settings()
        except Exception as exc:  # never let a settings problem block quitting
            log.warning("could not save settings: %s", exc)
        for tab in self.built_tabs():
            if self.process_ends_after_close:  # os._exit follows: only a short grace
                tab.shutdown(timeout_ms=EXIT_GRACE_MS, end_process=True)
            elif not tab.shutdown():  # a step that takes long (torch still importing)
                log.warning("the %s run is slow to stop; waiting for it", tab.topic.id)
                tab.runner.stop(timeout_ms=STOP_PATIENCE_MS)
        if look.zoom() != 1.0:  # saved above; the application gets its own size back
            look.set_zoom(1.0)

    def setVisible(self, visible: bool) -> None:  # noqa: N802 (Qt's name)
        if visible and self._own_geometry is not None and not self.isVisible():
            self._lay_out_before_first_show()
        super().setVisible(visible)

    def _lay_out_before_first_show(self) -> None:
        """Give the window its final size and lay it out at that size before it shows:
        shown first, the first tab's plots were laid out four times before the first paint
        (at a default size, at the tab widget's, at the window's, at the window's once
        fitted to its screen), a fifth of what the window itself cost to its first paint.
        Its tab widgets place their pages as they get their sizes (PlacedTabs)."""
        self.ensurePolished()
        settle(self)  # minimum sizes as they will be once shown
        if self.geometry() == self._own_geometry:  # not sized by a caller (dlab shot)
            self.create()  # the window's frame is known from here on
            fit_on_screen(self)
            self._own_geometry = self.geometry()
        self.layout().invalidate()
        self.layout().activate()  # the tab widget places its pages when given its size

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        super().showEvent(event)
        if self._own_geometry is not None:  # the first show: the frame's size is known now
            if self.geometry() == self._own_geometry:
                fit_on_screen(self)
            self._own_geometry = None

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001 (Qt's name)
        if self.closing:  # a second close (a signal) while the first one waits
            super().closeEvent(event)
            return
        self.closing = True
        # The window goes at once; the runs stop behind it.
        for tab in self.built_tabs():
            tab.runner.request_stop()
        self.hide()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.shutdown()
        super().closeEvent(event)
