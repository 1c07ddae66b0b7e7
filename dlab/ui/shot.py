"""`dlab shot TOPIC OUT.png`: render the window on one tab, offscreen, after N steps.
The command line has checked every argument; this module only renders."""

from __future__ import annotations

import os
import tempfile

from dlab.core.params import Params
from dlab.registry import Topic


def shot(topic: Topic, params: Params, action: str, steps: int | None, seed: int,
         device: str, size: tuple[int, int], lang: str, out: str,
         scene: int | None = None, presentation: bool = False) -> bool:
    """Write the PNG; False if it could not be written. ``scene`` (from 0) shows that
    scene of the topic's script: its narration and controls (``params`` are its own)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        # A shot never reads or changes the user's remembered settings.
        os.environ["DLAB_SETTINGS"] = os.path.join(tmp, "shot.ini")
        from dlab.ui.app import make_app
        from dlab.ui.main_window import MainWindow

        app = make_app()
        window = MainWindow(topic=topic.id, lang=lang)
        window.resize(*size)
        window.show()
        if presentation:
            window.set_presentation(True, full_screen=False)
        tab = window.current_tab()
        if scene is not None:
            tab.apply_scene(scene)
        tab.set_params(params)
        tab.seed.setValue(seed)
        app.processEvents()
        tab.run_inline(action, steps, device)
        for _ in range(3):
            app.processEvents()
        ok = window.grab().save(out, "PNG")
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    return ok
