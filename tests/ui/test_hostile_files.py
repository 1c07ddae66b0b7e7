"""Files a user hands the window (parameter files, teacher presets, lesson scripts, the
settings file) that are corrupt, truncated, of another version or hostile (huge, deeply
nested, of the wrong types, a folder, a pipe, a device, a pickle) are refused with a
message naming what is wrong, change nothing and are never executed; and every file the
window writes is written atomically: a write failing midway leaves the old file intact."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from dlab import cli, registry
from dlab.core import io
from dlab.ui.main_window import SETTINGS_MAX_BYTES, MainWindow
from tests.ui.conftest import wait_step

MARKER = "dlab-was-executed"


class Payload:
    """Unpickled, it would create the marker file: proof that a file was executed."""

    def __init__(self, marker: Path) -> None:
        self.marker = str(marker)

    def __reduce__(self):  # noqa: ANN204
        return (open, (self.marker, "w"))


def good_parameters() -> str:
    return registry.get("gradient-descent").params_class()().to_json(seed=3)


def good_preset() -> str:
    return json.dumps({"schema": 1, "title": "Week 3",
                       "topics": {"sigmoid": {"params": {"depth": 4}, "hidden": ["lr"]}}})


def good_lesson() -> str:
    return registry.get("sigmoid").scenes_path("en").read_text(encoding="utf-8")


GOOD: dict[str, Callable[[], str]] = {
    "parameters": good_parameters, "preset": good_preset, "lesson": good_lesson}


def _edit(text: str, change: Callable[[dict], object]) -> bytes:
    doc = json.loads(text)
    return json.dumps(change(doc)).encode()


# corruption -> (how to make the file from a good one in tmp, what the message says)
def _write(content: Callable[[str, Path], bytes]) -> Callable[[str, Path], Path]:
    def make(good: str, folder: Path) -> Path:
        path = folder / "file.json"
        path.write_bytes(content(good, folder))
        return path
    return make


def _folder(good: str, folder: Path) -> Path:
    (folder / "file.json").mkdir()
    return folder / "file.json"


def _fifo(good: str, folder: Path) -> Path:  # read naively, it would block forever
    os.mkfifo(folder / "file.json")
    return folder / "file.json"


def _device(good: str, folder: Path) -> Path:  # read naively, it would never end
    (folder / "file.json").symlink_to("/dev/zero")
    return folder / "file.json"


def _missing(good: str, folder: Path) -> Path:
    return folder / "nothing" / ".." / "file.json"


DEEP = 100_000
CORRUPTIONS: dict[str, tuple[Callable[[str, Path], Path], str]] = {
    "truncated": (_write(lambda g, f: g.encode()[: len(g) // 2]), "not valid JSON"),
    "empty": (_write(lambda g, f: b""), "not valid JSON"),
    "binary": (_write(lambda g, f: bytes(range(256)) * 8), "not UTF-8"),
    "latin-1": (_write(lambda g, f: g.replace("}", "\u00e9}", 1).encode("latin-1")),
                "not UTF-8"),
    "pickle": (_write(lambda g, f: pickle.dumps(Payload(f / MARKER))), "not UTF-8"),
    "python": (_write(lambda g, f: f"__import__('pathlib').Path({str(f / MARKER)!r})"
                                   ".touch()".encode()), "not valid JSON"),
    "newer version": (_write(lambda g, f: _edit(g, lambda d: {**d, "schema": 2})),
                      "schema"),
    "no version": (_write(lambda g, f: _edit(g, lambda d: {k: v for k, v in d.items()
                                                            if k != "schema"})), "schema"),
    "a list": (_write(lambda g, f: _edit(g, lambda d: list(d.values()))), "expected"),
    "wrong types": (_write(lambda g, f: _edit(g, lambda d: {
        k: v if k == "schema" else [[v]] for k, v in d.items()})), "expected"),
    "deeply nested": (_write(lambda g, f: b'{"schema": 1, "topic": ' + b"[" * DEEP
                             + b"]" * DEEP + b"}"), "nested more than"),
    "huge number": (_write(lambda g, f: b'{"schema": 1' + b"0" * 5000 + b"}"), "digits"),
    "huge file": (_write(lambda g, f: _edit(g, lambda d: {**d, "pad": "x" * 2_000_000})),
                  "larger than"),
    "a folder": (_folder, "it is a folder"),
    "a pipe": (_fifo, "not a regular file"),
    "a device": (_device, "not a regular file"),
    "missing": (_missing, "no such file"),
}


def load(window: MainWindow, kind: str, path: Path) -> bool:
    return {"parameters": window.load_params_from, "preset": window.open_preset,
            "lesson": window.open_lesson}[kind](str(path))


def state(window: MainWindow) -> tuple:
    tabs = window.built_tabs()
    return (window.current_tab().topic.id, window.preset,
            [(t.params(), t.seed.value(), t.script) for t in tabs])


@pytest.mark.parametrize("corruption", CORRUPTIONS)
@pytest.mark.parametrize("kind", GOOD)
def test_a_broken_or_hostile_file_is_refused_with_a_message_and_changes_nothing(
        window, tmp_path, kind, corruption):
    make, says = CORRUPTIONS[corruption]
    path = make(GOOD[kind](), tmp_path)
    before = state(window)
    assert not load(window, kind, path)
    tab = window.current_tab()
    message = tab.banner.message.text()
    assert tab.banner.isVisible() and str(path) in message, message
    assert says in message, message
    assert len(message) < 400, "the message quotes no whole file"
    assert state(window) == before, "a refused file changes nothing"
    assert not (tmp_path / MARKER).exists(), "the file was executed"


@pytest.mark.parametrize("kind", GOOD)
def test_the_good_file_of_each_kind_is_read(window, tmp_path, kind):
    """The refusals above are of the corruption, not of every file of the kind."""
    path = tmp_path / "file.json"
    path.write_text(GOOD[kind](), encoding="utf-8")
    assert load(window, kind, path), window.current_tab().banner.message.text()


@pytest.mark.parametrize("corruption", CORRUPTIONS)
@pytest.mark.parametrize("kind", ["preset", "lesson"])
def test_the_command_line_refuses_them_before_any_window(tmp_path, kind, corruption):
    make, says = CORRUPTIONS[corruption]
    path = make(GOOD[kind](), tmp_path)
    check = cli.check_preset if kind == "preset" else cli.check_lesson
    with pytest.raises(cli.UsageError) as refused:
        check(str(path))
    message = str(refused.value)
    assert message.startswith(f"--{kind} {path}: ") and "Errno" not in message, message
    os_says = {"a folder": "Is a directory", "missing": "No such file or directory"}
    assert os_says.get(corruption, says) in message, message
    assert not (tmp_path / MARKER).exists()


# --- the settings file ---------------------------------------------------------------

def _values(values: dict[str, str]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        s = QSettings(str(path), QSettings.Format.IniFormat)
        for key, value in values.items():
            s.setValue(key, value)
        s.sync()
    return write


def _bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


SAVED = '{"schema": 1, "topic": "gradient-descent", "params": {"lr": 0.05}}'
PARAMS, SEED = "tabs/gradient-descent/params", "tabs/gradient-descent/seed"
SETTINGS: dict[str, Callable[[Path], None]] = {
    "garbage": _bytes(b"\x00\xff[tabs\n===\x00garbage" * 100),
    "truncated": _values({PARAMS: SAVED[: len(SAVED) // 2]}),
    "newer version": _values({PARAMS: SAVED.replace("1,", "2,", 1)}),
    "wrong types": _values({
        PARAMS: '{"schema": 1, "topic": "gradient-descent", "params": {"lr": [1], "mode": 7}}',
        SEED: "[1, 2]", "lang": "\u0000", "last_tab": "../../etc/passwd",
        "device": "cuda; rm -rf /", "geometry": "not bytes"}),
    "deeply nested": _values({PARAMS: "[" * DEEP + "]" * DEEP,
                              "preset": '{"schema": 1, "topics": ' + "[" * DEEP + "]" * DEEP
                              + "}"}),
    "huge number": _values({PARAMS: SAVED.replace("0.05", "9" * 4000), SEED: "9" * 5000}),
    "hostile preset": _values({"preset": json.dumps({"schema": 1, "topics": {"../x": {}}})}),
    "huge file": _bytes(b"[x]\n" + b"y=" + b"z" * (SETTINGS_MAX_BYTES + 1) + b"\n"),
}


@pytest.mark.parametrize("corruption", SETTINGS)
def test_broken_or_hostile_settings_are_ignored_with_a_warning(
        qtbot, private_settings, caplog, corruption):
    SETTINGS[corruption](private_settings)
    w = MainWindow()
    qtbot.addWidget(w)
    tab = w.current_tab()
    assert tab.topic.id == "gradient-descent"
    assert tab.params() == tab.params_cls(), "the defaults, not the broken values"
    assert w.preset is None and w.device_choice == "cpu"
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warned and all(len(m) < 400 for m in warned), warned
    tab.run_pause()  # and the window works
    wait_step(qtbot, tab, 1, timeout=60000)
    w.close()


# --- atomic writes -------------------------------------------------------------------

class FailingFile:
    """A file whose write stops halfway through with a full disk."""

    def __init__(self, fh) -> None:  # noqa: ANN001
        self.fh = fh

    def __enter__(self):  # noqa: ANN204
        return self

    def __exit__(self, *exc: object) -> None:
        self.fh.close()

    def write(self, data: bytes) -> int:
        self.fh.write(data[: len(data) // 2])
        self.fh.flush()
        raise OSError(28, os.strerror(28))

    def __getattr__(self, name: str):  # noqa: ANN204
        return getattr(self.fh, name)


def fail_midway(monkeypatch) -> None:  # noqa: ANN001
    """write_atomic's file writes half of what it is given, then reports a full disk."""
    monkeypatch.setattr(io, "open", lambda path, mode: FailingFile(open(path, mode)),  # noqa: SIM115
                        raising=False)


SAVES = {
    "parameters": (lambda w, p: w.save_params_to(p)),
    "lesson": (lambda w, p: w.save_lesson_to(p)),
    "csv": (lambda w, p: w.export_csv_to(p)),
    "png": (lambda w, p: w.export_png_to(p)),
    "svg": (lambda w, p: w.export_svg_to(p)),
}


@pytest.mark.parametrize("kind", SAVES)
def test_a_save_failing_midway_leaves_the_old_file_intact(window, tmp_path, monkeypatch,
                                                          kind):
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))  # it has a lesson
    folder = tmp_path / "saves"
    folder.mkdir()
    path = folder / "saved"
    SAVES[kind](window, str(path))
    old = path.read_bytes()
    assert old, "the first save wrote something"
    window.current_tab().set_params(window.current_tab().params().replace(depth=3))
    fail_midway(monkeypatch)
    with pytest.raises(OSError):
        SAVES[kind](window, str(path))
    assert path.read_bytes() == old, "the old file is intact"
    assert [p.name for p in folder.iterdir()] == ["saved"], "no half-written file is left"
