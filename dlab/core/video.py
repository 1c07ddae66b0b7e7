"""MP4 through ffmpeg, only where an encoder is installed: ``ffmpeg`` on the PATH, or the
binary that the optional package imageio-ffmpeg carries (``pip install 'dlab[video]'``).
dlab itself ships no encoder: a GIF needs only Pillow, which it does ship."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from dlab.core.io import make_temp_beside

if TYPE_CHECKING:  # Pillow only for the type: the command line starts without it
    from PIL import Image

NO_ENCODER = ("MP4 needs an encoder: install ffmpeg (or pip install 'dlab[video]'); "
              "a GIF (OUT.gif) needs nothing more")


class NoEncoder(RuntimeError):
    pass


def find_ffmpeg() -> str | None:
    """The ffmpeg to use, or None: the one on the PATH first, then imageio-ffmpeg's."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg
    except ImportError:
        return None
    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError:  # the package is there without its binary
        return None


def write_mp4(path: str | os.PathLike[str], frames: Iterable[Image.Image], size: tuple[int, int],
              fps: float) -> int:
    """Encode ``frames`` (all ``size``) as H.264 at ``fps``; returns the frames written.
    Written to a temporary file beside ``path`` and renamed, so a failure leaves no half
    file and an old file at ``path`` intact."""
    exe = find_ffmpeg()
    if exe is None:
        raise NoEncoder(NO_ENCODER)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = make_temp_beside(path, ".tmp.mp4")
    w, h = size
    # yuv420p (what every player reads) needs even sides: pad one pixel where odd.
    cmd = [exe, "-hide_banner", "-loglevel", "error", "-y",
           "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{w}x{h}", "-r", f"{fps:g}", "-i", "-",
           "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-pix_fmt", "yuv420p",
           "-movflags", "+faststart", tmp]
    written = 0
    try:
        with tempfile.TemporaryFile() as errors:
            proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                    stderr=errors)
            try:
                for frame in frames:  # one frame at a time: a long run never sits in memory
                    if frame.size != size:
                        raise ValueError(f"frame {written + 1} is {frame.size}, not {size}")
                    proc.stdin.write(frame.convert("RGB").tobytes())
                    written += 1
            except BrokenPipeError:
                pass  # ffmpeg stopped early; its own message follows
            finally:
                proc.stdin.close()
                code = proc.wait()
            if code != 0:
                errors.seek(0)
                lines = errors.read().decode("utf-8", "replace").strip().splitlines()
                reason = lines[-1] if lines else f"exit status {code}"
                raise OSError(f"ffmpeg could not encode the video: {reason}")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written
