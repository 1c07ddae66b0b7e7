"""`python -m dlab` and the `dlab` / `dlab-gui` scripts."""

from __future__ import annotations

import sys


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the bundle starts engine processes as itself
    from dlab.cli import main as cli_main

    return cli_main()


def gui_main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()
    from dlab.ui.app import run_app

    return run_app()


if __name__ == "__main__":
    sys.exit(main())
