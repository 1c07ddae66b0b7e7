"""Builds the standalone dlab into dist/dlab/ (PyInstaller, onedir) and its archive.

    .venv/bin/python packaging/build.py              # always build
    .venv/bin/python packaging/build.py --if-stale   # reuse dist/dlab when its inputs are unchanged

Writes dist/dlab/ (run dist/dlab/dlab), dist/dlab-<version>-<system>-<machine>.tar.gz
(.zip on Windows) and dist/dlab/BUILD-INFO.json with the input fingerprint and the sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from fnmatch import fnmatch
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DIST = ROOT / "dist"
BUNDLE = DIST / "dlab"
WORK = ROOT / "build" / "pyinstaller"
INFO = "BUILD-INFO.json"
# What the bundle is made of: a change to any of these makes the bundle stale.
INPUTS = ("dlab", "resources", "packaging", "pyproject.toml")
DISTRIBUTIONS = ("torch", "PySide6-Essentials", "shiboken6", "pyqtgraph", "numpy", "pyinstaller",
                 "pyinstaller-hooks-contrib", "sympy")


def version() -> str:
    text = (ROOT / "dlab" / "__init__.py").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise SystemExit("dlab/__init__.py has no __version__")


def fingerprint() -> str:
    """A hash of every input file's path and content, and of the installed libraries."""
    h = hashlib.sha256()
    for name in INPUTS:
        top = ROOT / name
        files = [top] if top.is_file() else sorted(top.rglob("*"))
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                h.update(str(f.relative_to(ROOT)).encode())
                h.update(hashlib.sha256(f.read_bytes()).digest())
    for dist in DISTRIBUTIONS:
        try:
            h.update(f"{dist}=={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} missing".encode())
    h.update(f"{sys.version} {platform.platform()}".encode())
    return h.hexdigest()


def folder_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def archive_path() -> Path:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform,
                                                                            sys.platform)
    suffix = ".zip" if sys.platform == "win32" else ".tar.gz"
    return DIST / f"dlab-{version()}-{system}-{platform.machine().lower()}{suffix}"


def make_archive(out: Path) -> None:
    """The file a teacher copies: the dlab/ folder, links and modes kept."""
    tmp = out.with_name(out.name + ".part")
    if out.suffix == ".zip":
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
            for f in sorted(BUNDLE.rglob("*")):
                z.write(f, f.relative_to(DIST))
    else:
        with tarfile.open(tmp, "w:gz", compresslevel=6) as t:
            t.add(BUNDLE, arcname="dlab")
    tmp.replace(out)


# Libraries shipped with their symbol tables: libtorch_cpu alone carries 89 MB of them,
# libpython 17 MB, libtorch_python 9 MB, Python's own extension modules a few. Not
# everything: strip breaks libraries that auditwheel rewrote with patchelf (numpy.libs/*:
# "ELF load command address/offset not page-aligned"), and the executable carries the
# bundle's archive at its end.
STRIPPED = ("torch/lib/*.so*", "libpython3*", "python3*/lib-dynload/*.so")


def strip_libraries() -> int:
    """Removes symbol tables (the dynamic symbols that loading needs stay). Bytes saved."""
    strip = shutil.which("strip")
    if not sys.platform.startswith("linux") or strip is None:
        return 0
    saved = 0
    internal = BUNDLE / "_internal"
    for f in sorted(internal.rglob("*")):
        rel = f.relative_to(internal).as_posix()
        if f.is_symlink() or not f.is_file() or not any(fnmatch(rel, p) for p in STRIPPED):
            continue
        before = f.stat().st_size
        subprocess.run([strip, "--strip-unneeded", str(f)], check=True)
        saved += before - f.stat().st_size
    return saved


def add_extras() -> None:
    """Files for the person who unpacks it, next to the executable."""
    if sys.platform.startswith("linux"):
        shutil.copy2(PACKAGING / "linux" / "dlab.desktop", BUNDLE / "dlab.desktop.in")
        shutil.copy2(PACKAGING / "linux" / "install-desktop-entry.sh",
                     BUNDLE / "install-desktop-entry.sh")
        os.chmod(BUNDLE / "install-desktop-entry.sh", 0o755)


def build() -> dict:
    stamp = fingerprint()
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(PACKAGING / "dlab.spec")]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)
    stripped = strip_libraries()
    t_build = time.perf_counter() - t0
    add_extras()
    t1 = time.perf_counter()
    out = archive_path()
    make_archive(out)
    t_archive = time.perf_counter() - t1
    info = {
        "version": version(),
        "fingerprint": stamp,
        "built": time.strftime("%Y-%m-%d %H:%M:%S"),
        "build_seconds": round(t_build, 1),
        "archive_seconds": round(t_archive, 1),
        "stripped_bytes": stripped,
        "archive": out.name,
        "archive_bytes": out.stat().st_size,
        "unpacked_bytes": folder_bytes(BUNDLE),
    }
    (BUNDLE / INFO).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def fresh_info() -> dict | None:
    """The last build's info when dist/dlab was built from exactly the current inputs."""
    try:
        info = json.loads((BUNDLE / INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    archive = DIST / str(info.get("archive", ""))
    if info.get("fingerprint") != fingerprint() or not archive.is_file():
        return None
    return info


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--if-stale", action="store_true",
                    help="reuse dist/dlab when it was built from the current sources")
    args = ap.parse_args(argv)
    info = fresh_info() if args.if_stale else None
    if info is not None:
        print(f"dist/dlab is up to date (built {info['built']})")
    else:
        info = build()
    mb = 1024 * 1024
    print(f"dist/dlab: {info['unpacked_bytes'] / mb:.0f} MiB unpacked; "
          f"dist/{info['archive']}: {info['archive_bytes'] / mb:.0f} MiB; "
          f"build {info['build_seconds']} s, archive {info['archive_seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
