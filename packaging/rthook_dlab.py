"""PyInstaller runtime hook: runs in the bundle before dlab's own code.

On Windows, torch's DLLs (c10.dll) fail to initialise when Qt's DLLs were loaded first
("WinError 1114", pytorch/pytorch#166628), so there torch is imported before anything
imports PySide6. That costs the Windows window its paint-before-torch start; Linux and
macOS keep it and import torch in the background after the first paint.
"""

import sys

if sys.platform == "win32":
    import torch  # noqa: F401
