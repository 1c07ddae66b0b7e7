"""Atomic file writes: a crash mid-write never leaves a half-written file behind."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def _file_mode() -> int:
    """The mode a plain open() would give a new file (0o666 less the umask): mkstemp makes
    its files private (0o600), which an exported picture or a shared lesson must not be."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


FILE_MODE = _file_mode()


def make_temp_beside(path: Path, suffix: str = ".tmp") -> str:
    """A new empty file in ``path``'s folder, to be renamed onto ``path`` when complete."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.fchmod(fd, FILE_MODE)
    os.close(fd)
    return tmp


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp = make_temp_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def check_writable(folder: str | os.PathLike[str]) -> None:
    """Raise OSError unless files can be written in ``folder``: checked before a long run,
    so a run never ends in a failed write. Nothing is left behind: a folder that does not
    exist yet is checked in the nearest one that does (where it will be made)."""
    where = Path(folder).absolute()
    while not where.exists() and where != where.parent:
        where = where.parent
    if not where.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(where))
    fd, probe = tempfile.mkstemp(dir=where, prefix=".dlab-probe.", suffix=".tmp")
    os.close(fd)
    Path(probe).unlink()


def write_error(path: str | os.PathLike[str], exc: OSError) -> str:
    """One line for a failed write: the folder and the system's reason, never the name
    of a temporary file."""
    reason = exc.strerror or str(exc)
    return f"could not write {Path(path).name} in {Path(path).parent}: {reason}"
