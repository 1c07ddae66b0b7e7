"""`dlab shot TOPIC OUT.png` and `dlab record TOPIC OUT.gif`: the window on one tab,
offscreen, after N steps or through a whole run. The command line has checked every
argument; this module only renders."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

from dlab.core.params import Params
from dlab.registry import Topic


class SizeError(ValueError):
    """The size asked is below the smallest the window can be laid out at."""


@contextlib.contextmanager
def offscreen_window(topic: Topic, params: Params, seed: int, size: tuple[int, int],
                     lang: str, scene: int | None = None,
                     presentation: bool = False) -> Iterator:
    """The main window on ``topic``, offscreen, with private settings; closed after."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        # A shot never reads or changes the user's remembered settings.
        os.environ["DLAB_SETTINGS"] = os.path.join(tmp, "shot.ini")
        from dlab.ui.app import make_app
        from dlab.ui.main_window import MainWindow

        app = make_app()
        window = MainWindow(topic=topic.id, lang=lang)
        try:
            window.resize(*size)
            window.show()
            if presentation:
                window.set_presentation(True, full_screen=False)
            app.processEvents()
            got = (window.width(), window.height())
            if got != size:  # never report a size that was not written
                raise SizeError(f"--size {size[0]}x{size[1]}: the {topic.id} window needs "
                                f"at least {got[0]}x{got[1]} pixels")
            tab = window.current_tab()
            if scene is not None:
                tab.apply_scene(scene)
            tab.set_params(params)
            tab.seed.setValue(seed)
            app.processEvents()
            yield app, window, tab
        finally:
            window.shutdown()
            window.close()
            window.deleteLater()
            app.processEvents()


def shot(topic: Topic, params: Params, action: str, steps: int | None, seed: int,
         device: str, size: tuple[int, int], lang: str, out: str,
         scene: int | None = None, presentation: bool = False) -> bool:
    """Write the PNG of exactly ``size``; False if it could not be written, SizeError if
    the window cannot be that small. ``scene`` (from 0) shows that
    scene of the topic's script: its narration and controls (``params`` are its own)."""
    with offscreen_window(topic, params, seed, size, lang, scene, presentation) as (
            app, window, tab):
        tab.run_inline(action, steps, device)
        for _ in range(3):
            app.processEvents()
        window.resize(*size)  # a run may have grown the window (a longer table, a key)
        app.processEvents()
        picture = window.grab()
        got = (picture.width(), picture.height())
        if got != size:  # never report a size that was not written
            raise SizeError(f"--size {size[0]}x{size[1]}: after the run the {topic.id} "
                            f"window needs at least {got[0]}x{got[1]} pixels")
        return picture.save(out, "PNG")


def record(topic: Topic, params: Params, action: str, steps: int | None, seed: int,
           device: str, size: tuple[int, int], lang: str, out: str, fps: float,
           scene: int | None = None, presentation: bool = False) -> int:
    """Write the GIF or MP4; returns the number of frames."""
    from dlab.ui.record import save_recording

    with offscreen_window(topic, params, seed, size, lang, scene, presentation) as (
            app, window, tab):
        rec = tab.record_inline(action, steps, device, window)
        save_recording(rec, out, fps)
        return len(rec.frames)
