"""The standalone bundle (dist/dlab, PyInstaller onedir) builds, stays small, and does what
the source app does. Run by `make test-package` (it builds the bundle, or reuses one built
from the same sources); left out of `make test` by the `packaging` marker.

Every command runs a hard-linked copy of the bundle in another folder, from an empty working
directory, with no PYTHONPATH: what a teacher gets after copying dist/dlab elsewhere.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dlab import __version__, registry

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "dlab"
EXE_NAME = "dlab-cli.exe" if sys.platform == "win32" else "dlab"
MB = 1024 * 1024  # sizes in MiB, as du -h and the measurements give them
MAX_ARCHIVE_MB = 220  # the file a teacher downloads
MAX_UNPACKED_MB = 700  # the folder on disk
BUILD_TIMEOUT_S = 45 * 60  # a clean build and its archive take about 100 s on 2 busy cores


def bundle_filter():  # noqa: ANN201
    """packaging/bundle_filter.py (the folder is not a package: `packaging` is PyPI's name)."""
    spec = importlib.util.spec_from_file_location(
        "dlab_bundle_filter", ROOT / "packaging" / "bundle_filter.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.fixture(scope="module")
def info() -> dict:
    """Build dist/dlab (or reuse it when built from these very sources) and its archive."""
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--if-stale"],
                   cwd=ROOT, check=True, timeout=BUILD_TIMEOUT_S)
    return json.loads((BUNDLE / "BUILD-INFO.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def exe(info: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundle elsewhere (hard links when the file system allows: no space used)."""
    moved = ROOT / "build" / f"bundle-copy-{os.getpid()}"
    shutil.rmtree(moved, ignore_errors=True)

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(BUNDLE, moved / "dlab", symlinks=True, copy_function=link_or_copy)
    yield moved / "dlab" / EXE_NAME
    shutil.rmtree(moved, ignore_errors=True)


def run(exe: Path, *args: str, cwd: Path, env: dict | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items()
             if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    clean.update({"QT_QPA_PLATFORM": "offscreen", "DLAB_THREADS": "1",
                  "DLAB_SETTINGS": str(cwd / "settings.ini")})
    clean.update(env or {})
    return subprocess.run([str(exe), *args], cwd=cwd, env=clean, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)


def ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc


def test_size_within_budget(info: dict) -> None:
    archive = ROOT / "dist" / info["archive"]
    unpacked = folder_bytes(BUNDLE)
    packed = archive.stat().st_size
    print(f"\nbundle: {unpacked / MB:.0f} MiB unpacked, {packed / MB:.0f} MiB {archive.name}; "
          f"build {info['build_seconds']} s")
    assert unpacked <= MAX_UNPACKED_MB * MB, f"{unpacked / MB:.0f} MiB unpacked"
    assert packed <= MAX_ARCHIVE_MB * MB, f"{packed / MB:.0f} MiB archive"


def test_left_out(info: dict) -> None:
    """What the spec promises not to ship."""
    internal = BUNDLE / "_internal"
    # Qt's own Korean (dialog buttons) is kept from its translations folder
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ko.qm").exists()
    for gone in ("PyQt5", "PyQt6", "PySide2", "tkinter", "scipy", "matplotlib",
                 "torch/test", "torch/include", "torch/share",
                 "PySide6/Qt/qml", "PySide6/Qt/plugins/sqldrivers"):
        assert not (internal / gone).exists(), gone
    assert [p.name for p in (internal / "torch" / "bin").iterdir()] == ["torch_shm_manager"]
    dangling = [str(p) for p in BUNDLE.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling
    names = [p.name for p in internal.rglob("*")]
    assert not [n for n in names if "Qt6Quick" in n or "Qt6Pdf" in n or "Qt6Qml" in n]
    assert not [n for n in names if n.endswith("_test.so") or n.startswith("libjitbackend")]
    if bundle_filter().torch_is_cpu_build():
        assert not [n for n in names if re.match(r"lib(cudart|cublas|cudnn|nccl|torch_cuda)", n)]


def test_digits_shipped(info: dict) -> None:  # noqa: ARG001 (the fixture builds the bundle)
    """The MNIST subset the image topics train on, and its licence note, are in the bundle."""
    data = BUNDLE / "_internal" / "dlab" / "resources" / "data"
    assert (data / "mnist_5k.npz").stat().st_size == \
        (ROOT / "resources" / "data" / "mnist_5k.npz").stat().st_size
    assert (data / "mnist_5k.LICENSE.md").exists()


def test_version(exe: Path, tmp_path: Path) -> None:
    proc = ok(run(exe, "--version", cwd=tmp_path))
    assert proc.stdout.strip() == f"dlab {__version__}"


def test_run_matches_source(exe: Path, tmp_path: Path) -> None:
    """`dlab run` in the bundle writes the same numbers as the source app, seed for seed."""
    args = ("run", "gradient-descent", "--set", "epochs=2", "--seed", "3")
    ok(run(exe, *args, "--out", str(tmp_path / "bundle"), cwd=tmp_path))
    src_env = {**os.environ, "DLAB_THREADS": "1"}
    subprocess.run([sys.executable, "-m", "dlab", *args, "--out", str(tmp_path / "source")],
                   cwd=tmp_path, env=src_env, check=True, capture_output=True, timeout=300)
    result = json.loads((tmp_path / "bundle" / "result.json").read_text(encoding="utf-8"))
    source = json.loads((tmp_path / "source" / "result.json").read_text(encoding="utf-8"))
    assert result["status"] == "finished"
    assert result["topic"] == "gradient-descent" and result["params"]["epochs"] == 2
    assert result["steps"] > 0 and result["final"]
    assert result["final"] == source["final"] and result["steps"] == source["steps"]
    with open(tmp_path / "bundle" / "metrics.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["step", "series", "value"]
    assert len(rows) > result["steps"]  # at least one scalar per update, plus the header
    assert (tmp_path / "bundle" / "metrics.csv").read_text(encoding="utf-8") == \
        (tmp_path / "source" / "metrics.csv").read_text(encoding="utf-8")


def test_every_topic_runs_and_draws(exe: Path, tmp_path: Path) -> None:
    """Every engine and every tab is in the bundle, however it was added to the registry
    (they are imported by name, which the bundler cannot follow)."""
    listed = ok(run(exe, "list", cwd=tmp_path)).stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == registry.ids()
    for topic in registry.ids():
        ok(run(exe, "run", topic, "--steps", "2", "--out", str(tmp_path / topic), cwd=tmp_path))
        result = json.loads((tmp_path / topic / "result.json").read_text(encoding="utf-8"))
        assert result["status"] in ("finished", "diverged"), (topic, result)
        # A tab that cannot be built leaves no current tab: the shot fails.
        shot = ok(run(exe, "shot", topic, str(tmp_path / f"{topic}.png"), "--steps", "2",
                      cwd=tmp_path))
        assert "could not be built" not in shot.stderr, shot.stderr
        import numpy as np

        pixels = _picture(tmp_path / f"{topic}.png")[2].reshape(-1, 3)
        assert len(np.unique(pixels, axis=0)) > 200, f"{topic}: a blank window"


def test_records_a_gif_and_says_what_mp4_needs(exe: Path, tmp_path: Path) -> None:
    """Recording needs Pillow in the bundle; an MP4 needs an ffmpeg the bundle does not
    ship, so without one on the PATH the bundle says so before the run."""
    from PIL import Image

    out = tmp_path / "adam.gif"
    ok(run(exe, "record", "adam", str(out), "--steps", "3", cwd=tmp_path))
    with Image.open(out) as gif:
        assert gif.n_frames == 4
    res = run(exe, "record", "adam", str(tmp_path / "a.mp4"), "--steps", "3", cwd=tmp_path,
              env={"PATH": "/nonexistent"})
    assert res.returncode == 2 and "MP4 needs an encoder" in res.stderr, res.stderr
    assert not (tmp_path / "a.mp4").exists()


def _picture(path: Path):  # noqa: ANN202
    import numpy as np
    from PySide6.QtGui import QImage

    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    assert not img.isNull(), path
    a = np.frombuffer(img.constBits(), dtype=np.uint8).reshape(img.height(), img.width(), 4)
    return img.width(), img.height(), a[:, :, :3].copy()


def test_shot_draws_the_tab_in_both_languages(exe: Path, tmp_path: Path) -> None:
    import numpy as np

    for lang in ("en", "ko"):
        ok(run(exe, "shot", "gradient-descent", str(tmp_path / f"{lang}.png"), "--lang", lang,
               "--steps", "20", "--size", "1200x800", cwd=tmp_path))
    w, h, en = _picture(tmp_path / "en.png")
    _, _, ko = _picture(tmp_path / "ko.png")
    assert (w, h) == (1200, 800)
    colours, counts = np.unique(en.reshape(-1, 3), axis=0, return_counts=True)
    assert len(colours) > 200, f"only {len(colours)} colours: a blank window"
    background = counts.max() / (w * h)
    assert background < 0.8, f"{background:.0%} of the shot is one colour"
    # Korean text differs from English only when the translations and the font are found
    # in the bundle's dlab.resources package.
    differing = np.any(en != ko, axis=2).mean()
    assert differing > 0.002, f"Korean shot differs from English in {differing:.2%} of pixels"


def test_window_paints_before_torch(exe: Path) -> None:
    """The bundle's window paints before torch is imported (dlab.bench's start-up probe).
    The time is printed for the README, not asserted."""
    from dlab.bench import measure_startup

    seconds, torch_seen = measure_startup([str(exe)], runs=3)
    print(f"\nbundle: launch to first painted window {seconds:.2f} s (median of 3)")
    if sys.platform != "win32":  # Windows imports torch first (packaging/rthook_dlab.py)
        assert not torch_seen


def test_shared_libraries_resolve(info: dict) -> None:
    """Every Qt, torch and Python library in the bundle finds the bundle's libraries it needs
    (the platform plugins for X11 and Wayland are not loaded by the offscreen tests).
    Linux, where CI builds it: ldd lists what each library needs."""
    internal = BUNDLE / "_internal"
    ours = re.compile(r"lib(Qt6|icu|torch|c10|shiboken6|pyside6|python3|gomp|openblas|"
                      r"scipy_openblas|gfortran|quadmath)")
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing = {}
    libs = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert len(libs) > 50
    for lib in libs:
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True, env=env).stdout
        lost = [line.split()[0] for line in out.splitlines()
                if "not found" in line and ours.match(line.strip())]
        if lost:
            missing[str(lib.relative_to(internal))] = lost
    assert not missing, missing
