"""Recording: one GIF frame per delivered frame, one per step for short runs, the start
included; long runs keep a bounded number of frames; the window records with a progress
bar; `dlab record` writes the GIF and refuses what it cannot write. "Show me the code" shows
the current parameters' script and copies it."""

from __future__ import annotations

import imageio_ffmpeg
from PIL import Image
from PySide6.QtGui import QImage

from dlab import cli, registry
from dlab.ui import main_window
from dlab.ui.record import MAX_FRAMES, Recorder
from tests.e2e.test_cli import dlab


def test_long_runs_keep_a_bounded_number_of_frames():
    rec = Recorder()
    image = QImage(8, 6, QImage.Format.Format_RGB32)
    for step in range(1000):
        if rec.wants(step):
            image.fill(step % 256)
            rec.add(image)
    assert len(rec.frames) <= MAX_FRAMES + 1
    assert rec.every == 16, "frames are taken ever more sparsely, not all kept"


def test_the_window_records_a_scene_with_one_frame_per_step(window, qtbot, tmp_path):
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))
    tab = window.current_tab()
    tab.steps_limit = 8  # as a scene of eight steps sets it
    path = tmp_path / "run.gif"
    assert window.record_to(str(path), fps=5)
    with Image.open(path) as gif:
        assert gif.n_frames == 9, "the start and one frame per step"
        assert gif.info["duration"] == 200
        assert gif.size == (tab.width(), tab.height())
    assert tab.runner.state == "finished" and tab.last_step == 8


def test_the_last_frame_of_a_recording_says_the_run_finished(window):
    """Every frame of the recording shows the status line as it was: running while the run
    goes, "Finished · step 6" on the last (it said "Running · step 6")."""
    window.tabs_widget.setCurrentIndex(registry.ids().index("sigmoid"))
    tab = window.current_tab()
    seen: list[str] = []

    def progress(step: int) -> bool:  # called after each frame is grabbed
        seen.append(tab.status.text())
        return True

    tab.record_inline("run", 6, progress=progress)
    assert seen[-1].startswith("Finished · step 6"), seen[-1]
    assert all(text.startswith("Running") for text in seen[:-1]), seen


def test_dlab_record_writes_the_gif(tmp_path):
    out = tmp_path / "adam.gif"
    res = dlab("record", "adam", str(out), "--steps", "5", "--size", "1280x800", "--lang", "ko")
    assert res.returncode == 0, res.stderr
    assert "6 frames" in res.stdout
    with Image.open(out) as gif:
        assert (gif.n_frames, gif.size) == (6, (1280, 800))


def test_dlab_record_writes_an_mp4_with_one_frame_per_step(tmp_path):
    out = tmp_path / "sigmoid.mp4"
    res = dlab("record", "sigmoid", str(out), "--steps", "4", "--size", "1025x701",
               "--fps", "5")
    assert res.returncode == 0, res.stderr
    assert "5 frames" in res.stdout
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(out))
    assert (frames, seconds) == (5, 1.0), "the start and one frame per step, at 5 a second"
    assert [p.name for p in tmp_path.iterdir()] == ["sigmoid.mp4"], "no temporary file left"


def test_without_an_encoder_mp4_is_refused_before_the_run(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(cli, "find_ffmpeg", lambda: None)
    assert cli.main(["record", "adam", str(tmp_path / "a.mp4"), "--steps", "2"]) == 2
    assert "MP4 needs an encoder: install ffmpeg" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_without_an_encoder_the_window_says_so_and_runs_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(main_window, "find_ffmpeg", lambda: None)
    tab = window.current_tab()
    assert not window.record_to(str(tmp_path / "run.mp4"))
    assert tab.banner.isVisibleTo(window) and "ffmpeg" in tab.banner.message.text()
    assert tab.last_step == 0 and not list(tmp_path.iterdir())


def test_dlab_record_refuses_what_it_cannot_write(tmp_path):
    res = dlab("record", "adam", str(tmp_path / "a.avi"), "--steps", "2")
    assert res.returncode == 2 and "OUT.gif, or OUT.mp4" in res.stderr
    res = dlab("record", "adam", str(tmp_path / "a.gif"), "--fps", "0")
    assert res.returncode == 2 and "--fps 0" in res.stderr
    assert not list(tmp_path.iterdir())


def test_show_me_the_code_dialog_copies_the_script(window, qtbot):
    from PySide6.QtGui import QGuiApplication

    tab = window.current_tab()
    tab.set_params(tab.params().replace(lr=0.07))
    dialog = window.show_code()
    assert dialog is not None and dialog.isVisible()
    assert "'lr': 0.07" in dialog.text.toPlainText()
    dialog.copy_btn.click()
    assert QGuiApplication.clipboard().text() == dialog.text.toPlainText()
    dialog.close()


def test_export_svg_and_png_are_whole_files(window, tmp_path):
    tab = window.current_tab()
    tab.run_inline(steps=3)
    window.export_svg_to(str(tmp_path / "t.svg"))
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg and svg.rstrip().endswith("</svg>")
    assert svg.count("<path") + svg.count("<polyline") > 20, "plots drawn as vectors"
    assert window.export_png_to(str(tmp_path / "t.png"))
    assert QImage(str(tmp_path / "t.png")).width() == tab.width()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.png", "t.svg"], "no temp files"


def test_written_files_get_the_usual_permissions_not_private_ones(tmp_path):
    """mkstemp makes files 0600; an exported picture or a shared lesson must be readable
    by others as a plain open() would make it (0666 less the umask)."""
    import os

    from dlab.core.io import write_atomic

    mask = os.umask(0o022)
    os.umask(mask)
    path = tmp_path / "lesson.json"
    write_atomic(path, "{}")
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
