"""dlab.core and dlab.engines never import Qt; `dlab run` trains without Qt."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import dlab.core
import dlab.engines

QT = ("PySide6", "PyQt5", "PyQt6", "pyqtgraph", "shiboken6")


def fresh_python(code: str) -> subprocess.CompletedProcess:
    """Run ``code`` in a new interpreter, so sys.modules shows only what it imported."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _modules(pkg) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + ".")]


def test_core_and_engines_import_no_qt():
    names = _modules(dlab.core) + _modules(dlab.engines)
    assert "dlab.engines.gradient_descent.engine" in names
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    out = fresh_python(code)
    assert out.returncode == 0, out.stdout + out.stderr


def test_headless_run_never_imports_qt(tmp_path):
    code = (
        "import sys\n"
        "from dlab.cli import main\n"
        f"rc = main(['run', 'gradient-descent', '--set', 'epochs=1', '--out', {str(tmp_path)!r}])\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT!r}]\n"
        "print(bad); sys.exit(rc or (1 if bad else 0))\n"
    )
    out = fresh_python(code)
    assert out.returncode == 0, out.stdout + out.stderr
    assert (tmp_path / "metrics.csv").exists()


def test_listing_topics_does_not_import_torch():
    code = (
        "import sys\n"
        "from dlab.cli import main\n"
        "main(['list']); main(['params', 'gradient-descent'])\n"
        "sys.exit(1 if 'torch' in sys.modules else 0)\n"
    )
    out = fresh_python(code)
    assert out.returncode == 0, "listing topics imported torch:\n" + out.stdout + out.stderr


def test_building_the_tabs_does_not_import_torch():
    """The window paints before torch is imported: tab modules and params stay torch-free."""
    code = (
        "import sys\n"
        "from dlab import registry\n"
        "for t in registry.TOPICS: t.tab_class(); t.params_class()\n"
        "sys.exit(1 if 'torch' in sys.modules else 0)\n"
    )
    out = fresh_python(code)
    assert out.returncode == 0, "a tab module imported torch:\n" + out.stdout + out.stderr
