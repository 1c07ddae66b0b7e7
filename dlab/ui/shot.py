"""`dlab shot TOPIC OUT.png`: render the window on one tab, offscreen, after N steps."""

from __future__ import annotations

import argparse
import os
import tempfile

from dlab.cli import UsageError
from dlab.core.params import Params
from dlab.registry import Topic


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size {text!r}: expected WxH, for example 1600x1000") from None
    if not (320 <= w <= 8000 and 240 <= h <= 8000):
        raise UsageError(f"--size {text!r}: width 320-8000 and height 240-8000 pixels")
    return w, h


def shot(topic: Topic, params: Params, args: argparse.Namespace) -> int:
    w, h = _size(args.size)
    if args.action != "run" and args.action not in topic.actions:
        allowed = ", ".join(["run", *topic.actions])
        raise UsageError(f"--action {args.action!r}: expected one of {allowed}")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        # A shot never reads or changes the user's remembered settings.
        os.environ["DLAB_SETTINGS"] = os.path.join(tmp, "shot.ini")
        from dlab.ui.app import make_app
        from dlab.ui.main_window import MainWindow

        app = make_app()
        window = MainWindow(topic=topic.id, lang=args.shot_lang)
        window.resize(w, h)
        window.show()
        tab = window.current_tab()
        tab.set_params(params)
        tab.seed.setValue(args.seed)
        app.processEvents()
        tab.run_inline(args.action, args.steps)
        for _ in range(3):
            app.processEvents()
        ok = window.grab().save(args.out, "PNG")
        window.shutdown()
        window.close()
        window.deleteLater()
        app.processEvents()
    if not ok:
        raise UsageError(f"could not write {args.out}")
    print(f"wrote {args.out} ({w}x{h}, {topic.id}, {args.shot_lang})")
    return 0
