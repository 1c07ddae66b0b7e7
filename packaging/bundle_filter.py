"""What the bundle leaves out. Used by dlab.spec; plain Python so it can be read and tested.

A plain PyInstaller onedir of PySide6 + pyqtgraph + torch (CPU) is about 970 MB, mostly
things nobody needs at run time: torch's C++ tests, tools and headers, other Qt bindings,
Qt modules and plugins dlab never loads, and optional imports (scipy, ...) of libraries.
Paths below are destination paths inside the bundle, with forward slashes.
"""

from __future__ import annotations

import fnmatch
import importlib.util

# Modules the analysis would follow through optional imports. torch itself is kept whole
# (its Python sources too): an optimiser's first step already imports torch._dynamo,
# torch._inductor, torch.onnx, torch.testing._internal and sympy, so none can go.
EXCLUDED_MODULES = [
    # other Qt bindings (pyqtgraph tries them all) and Tk
    "PyQt5", "PyQt6", "PySide2", "tkinter", "_tkinter",
    # Qt modules dlab does not use (pyqtgraph needs QtOpenGL, QtOpenGLWidgets, QtSvg, QtTest)
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2", "PySide6.QtQuickTest", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtUiTools", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtDBus", "PySide6.QtPrintSupport", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.QtGraphs", "PySide6.QtStateMachine",
    "PySide6.QtBluetooth", "PySide6.QtSerialPort", "PySide6.QtRemoteObjects", "PySide6.QtScxml",
    # pyqtgraph's optional back-ends and examples
    "pyqtgraph.examples", "pyqtgraph.opengl", "pyqtgraph.jupyter", "OpenGL",
    "matplotlib", "scipy", "pandas", "h5py", "cupy", "numba", "IPython",
    # an MP4 encoder is the user's to install (ffmpeg on the PATH): 80 MB is not shipped;
    # Pillow is (GIF recordings, CycleGAN's image folders)
    "imageio_ffmpeg",
    # Pillow's parts dlab never uses (AVIF, WebP, colour management, TrueType, Tk): their
    # libraries (libavif alone 5 MB) then drop out as orphans; GIF, PNG and JPEG stay
    "PIL._avif", "PIL._webp", "PIL._imagingcms", "PIL._imagingft", "PIL._imagingtk",
    "PIL.ImageTk", "PIL.ImageCms", "PIL.ImageFont", "PIL.AvifImagePlugin",
    # only torch.compile's code generation uses these; dlab trains eagerly
    "networkx", "jinja2", "markupsafe", "triton",
    # tooling that is never imported at run time
    "setuptools", "pkg_resources", "distutils", "pip", "pytest", "_pytest", "pytestqt", "ruff",
    "hypothesis",
    "tensorboard", "torch.utils.tensorboard",
    # standard modules nothing imports at run time (a test runs every topic from the bundle)
    "sqlite3", "readline", "curses", "pydoc_data",
    # dlab is offline by design (classrooms): no TLS, so no OpenSSL (5 MB); hashlib falls
    # back to Python's own md5/sha/blake2 without _hashlib
    "ssl", "_ssl", "_hashlib",
]

# Qt plugin folders the window needs: the rest (sql drivers, qml tooling, the PDF image
# format that drags in QtPdf, tls, network information, ...) is left out.
QT_PLUGIN_DIRS = {"platforms", "platformthemes", "platforminputcontexts", "imageformats",
                  "iconengines", "xcbglintegrations", "styles",
                  "wayland-shell-integration", "wayland-decoration-client",
                  "wayland-graphics-integration-client"}
QT_PLATFORMS = ("*qxcb*", "*qwayland*", "*qoffscreen*", "*qminimal.*", "*qwindows*",
                "*qcocoa*", "*qminimal.dll", "*libqminimal.dylib")
QT_IMAGE_FORMATS_DROPPED = ("*qpdf*",)
# The GTK 3 theme would bring the build machine's whole GTK stack (gtk, cairo, pango, ...,
# 15 MB) into the bundle, where it can clash with the user's own GTK modules; Qt's own
# theme looks the same on every desktop.
QT_THEMES_DROPPED = ("*qgtk3*",)

DROPPED_PATTERNS = (
    # torch's C++ tests, command-line tools (but see KEPT), headers and CMake files
    "torch/test/*", "torch/bin/*", "torch/include/*", "torch/share/*",
    "torch/lib/*test*", "torch/lib/libbackend_with_compiler*", "torch/lib/*aoti_custom_ops*",
    "torch/lib/*.a", "torch/lib/*.lib", "torch/_inductor/codegen/aoti_runtime/*",
    # Qt's own translations for languages dlab does not offer, and its QML
    "PySide6/Qt/qml/*", "PySide6/Qt/translations/*",
    # typing stubs and test folders of any package
    "*.pyi", "*/tests/*",
)
# Kept from the folders dropped above: Qt's Korean texts, and the helper `import torch`
# checks for (it serves shared memory to DataLoader workers).
KEPT = ("*qtbase_ko.qm", "*qt_ko.qm", "torch/bin/torch_shm_manager*")

CUDA_PATTERNS = ("*libcudart*", "*libcublas*", "*libcudnn*", "*libcufft*", "*libcurand*",
                 "*libcusolver*", "*libcusparse*", "*libnccl*", "*libnvrtc*", "*libnvjitlink*",
                 "*libnvToolsExt*", "*libcupti*", "*libtorch_cuda*", "*libc10_cuda*",
                 "nvidia/*", "*cudart64*", "*cublas64*", "*cudnn*", "*torch_cuda*.dll",
                 "*c10_cuda.dll")


def _match(path: str, patterns: tuple[str, ...] | list[str]) -> bool:
    return any(fnmatch.fnmatch(path, p) for p in patterns)


def _qt_plugin_kept(path: str) -> bool:
    parts = path.split("/")
    if "plugins" not in parts:
        return True
    i = parts.index("plugins")
    if i + 1 >= len(parts) - 1:
        return True
    kind = parts[i + 1]
    if kind not in QT_PLUGIN_DIRS:
        return False
    if kind == "platforms":
        return _match(parts[-1], QT_PLATFORMS)
    if kind == "platformthemes":
        return not _match(parts[-1], QT_THEMES_DROPPED)
    return not (kind == "imageformats" and _match(parts[-1], QT_IMAGE_FORMATS_DROPPED))


def _kept(path: str) -> bool:
    path = path.replace("\\", "/")
    if _match(path, KEPT):
        return True
    if _match(path, DROPPED_PATTERNS):
        return False
    if path.startswith("PySide6/Qt/plugins/") or "/Qt/plugins/" in path:
        return _qt_plugin_kept(path)
    return True


def keep_binary(dest: str, cpu_only: bool) -> bool:
    dest = dest.replace("\\", "/")
    if cpu_only and _match(dest, CUDA_PATTERNS):
        return False
    return _kept(dest)


def keep_data(dest: str) -> bool:
    return _kept(dest)


def prune_orphans(binaries: list, needed_by) -> tuple[list, list[str]]:
    """Drops shared libraries that were collected only as dependencies and that no kept
    binary needs any more.

    PyInstaller collects what a binary links to: system libraries go to the top of the
    bundle, Qt's to PySide6/Qt/lib. A library that only a dropped plugin needed (GTK for
    the GTK theme, QtNetwork and Kerberos for the TUIO touch plugin) would stay.
    `needed_by(path)` lists the library names a binary needs, transitively (ldd).
    Entries are PyInstaller's (dest, src, kind); a SYMLINK's src is its target in the
    bundle. Returns the kept entries and the dest names dropped.
    """
    def dependency_only(dest: str, kind: str) -> bool:
        dest = dest.replace("\\", "/")
        if kind != "BINARY" or dest.startswith("libpython"):
            return False
        return "/" not in dest or dest.startswith("PySide6/Qt/lib/")

    wanted: set[str] = set()
    for dest, src, kind in binaries:
        if kind != "SYMLINK" and not dependency_only(dest, kind):
            wanted.update(needed_by(src))
    dropped = {dest for dest, _src, kind in binaries
               if dependency_only(dest, kind) and dest.replace("\\", "/").split("/")[-1]
               not in wanted}
    kept = [(dest, src, kind) for dest, src, kind in binaries
            if dest not in dropped and not (kind == "SYMLINK" and src in dropped)]
    return kept, sorted(dropped)


def torch_is_cpu_build() -> bool:
    """True for a CPU-only torch wheel: then no CUDA library is shipped, whatever pulled it in."""
    spec = importlib.util.find_spec("torch")
    if spec is None or not spec.submodule_search_locations:
        return True
    from pathlib import Path

    version_py = Path(next(iter(spec.submodule_search_locations))) / "version.py"
    text = version_py.read_text(encoding="utf-8") if version_py.exists() else ""
    # torch/version.py says `cuda: Optional[str] = None` (or `cuda = None`) for CPU wheels.
    for line in text.splitlines():
        if line.startswith("cuda"):
            return line.rstrip().endswith("None")
    return True
