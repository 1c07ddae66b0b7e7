"""The bundle's entry point: the same `main` as the `dlab` script and `python -m dlab`."""

import sys

from dlab.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
