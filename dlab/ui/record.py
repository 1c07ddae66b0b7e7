"""Recording a run as an animated GIF (Pillow): the window is grabbed after every frame the
run delivers, one frame per step for runs of up to MAX_FRAMES steps; longer runs thin the
kept frames (every other one dropped, then every fourth...) so memory stays bounded.

Used by `dlab record` (offscreen, a window of its own) and by the window's File menu
(the current tab, with a progress bar). MP4 goes through ffmpeg where one is installed
(dlab.core.video); dlab ships no encoder.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage

from dlab.core.experiment import Run
from dlab.core.io import write_atomic
from dlab.core.snapshot import FRAME, RUNNING, Snapshot
from dlab.core.video import write_mp4

MAX_FRAMES = 100  # frames kept; a run of up to this many steps keeps one per step


class Recorder:
    """Frames of a run, bounded: past MAX_FRAMES + 1 frames every other kept frame is
    dropped and frames are then taken half as often."""

    def __init__(self) -> None:
        self.frames: list = []  # PIL images, palette mode (one byte a pixel)
        self.every = 1  # take a frame every ``every`` steps

    def wants(self, step: int) -> bool:
        return step % self.every == 0

    def add(self, image: QImage) -> None:
        from PIL import Image

        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        w, h = rgb.width(), rgb.height()
        data = bytes(rgb.constBits())[: rgb.bytesPerLine() * h]
        frame = Image.frombuffer("RGB", (w, h), data, "raw", "RGB", rgb.bytesPerLine(), 1)
        self.frames.append(frame.quantize(colors=255, method=Image.Quantize.MEDIANCUT))
        if len(self.frames) > MAX_FRAMES + 1:
            self.frames = self.frames[::2]
            self.every *= 2

    def gif(self, fps: float) -> bytes:
        if not self.frames:
            raise ValueError("no frames were recorded")
        out = io.BytesIO()
        self.frames[0].save(out, format="GIF", save_all=True, append_images=self.frames[1:],
                            duration=max(20, round(1000 / fps)), loop=0, optimize=False)
        return out.getvalue()


def record_run(gen: Run, draw: Callable[[Snapshot], None], grab: Callable[[], QImage],
               progress: Callable[[int], bool] | None = None) -> tuple[Recorder, Snapshot]:
    """Drive ``gen`` to its end in this thread, drawing and grabbing a frame whenever the
    recorder wants one (and the last). ``progress(step)`` returning False stops early."""
    rec = Recorder()
    snap = next(gen)
    draw(snap)
    rec.add(grab())
    records: list = []
    grabbed = snap.step
    while snap.status == RUNNING:
        snap = next(gen)
        records.extend(snap.records)
        last = snap.status != RUNNING
        if last or rec.wants(snap.step):
            shown = snap if snap.frame is not None else gen.send(FRAME)
            draw(Snapshot(snap.step, records, shown.frame, snap.status, snap.message,
                          snap.summary or shown.summary, shown.planned))
            records = []
            if last and snap.step == grabbed:  # the end of the step just grabbed
                rec.frames.pop()
            grabbed = snap.step
            rec.add(grab())
        if progress is not None and not progress(snap.step):
            break
    return rec, snap


def save_gif(rec: Recorder, path: str, fps: float) -> None:
    write_atomic(path, rec.gif(fps))


VIDEO_SUFFIXES = (".gif", ".mp4")


def save_recording(rec: Recorder, path: str, fps: float) -> None:
    """GIF or MP4 by the file's suffix (an MP4 raises NoEncoder where no ffmpeg is found)."""
    if Path(path).suffix.lower() == ".mp4":
        if not rec.frames:
            raise ValueError("no frames were recorded")
        write_mp4(path, rec.frames, rec.frames[0].size, fps)
    else:
        save_gif(rec, path, fps)
