"""Files: atomic writes (a crash mid-write never leaves a half-written file behind) and
careful reads of the small JSON files a user hands us (never executed, never unbounded)."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

from dlab.core.text import Text


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


def read_error(exc: OSError) -> str:
    """Why a file could not be read, in one line without errno or a repeated path."""
    return exc.strerror or str(exc)


def write_error(path: str | os.PathLike[str], exc: OSError) -> str:
    """One line for a failed write: the folder and the system's reason, never the name
    of a temporary file."""
    reason = exc.strerror or str(exc)
    return f"could not write {Path(path).name} in {Path(path).parent}: {reason}"


# --- reading the files a user hands us (settings, presets, lessons, parameter files) ----
# Each is a few kB of JSON: anything far larger, or nested deeper than such a file ever
# is, is refused before it can fill the memory or Python's stack.
MAX_READ_BYTES = 1 << 20
MAX_JSON_DEPTH = 32


class FileRefused(OSError):
    """A file not read (not a regular file, too large, not text); ``text`` says why."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


class JSONRefused(ValueError):
    """JSON that parses into something no dlab file is (too deep, a number too long)."""

    def __init__(self, text: Text) -> None:
        super().__init__(str(text))
        self.text = text


def read_text(path: str | os.PathLike[str], limit: int = MAX_READ_BYTES) -> str:
    """A small UTF-8 text file. OSError when it cannot be read; FileRefused (an OSError)
    when it is not a regular file (a device, a pipe that would never end), holds more than
    ``limit`` bytes or is not UTF-8 text (a binary file, a pickle)."""
    path = Path(path)
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(Text("{name} is not a regular file", name=path.name))
    with path.open("rb") as fh:
        raw = fh.read(limit + 1)  # never more, even if the file grows meanwhile
    if len(raw) > limit:
        raise FileRefused(Text("{name} is larger than {limit} kB, the most allowed",
                               name=path.name, limit=limit // 1024))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileRefused(Text("{name} is not UTF-8 text", name=path.name)) from None


def parse_json(text: str) -> Any:
    """``json.loads``, refusing (JSONRefused) what no dlab file holds and what would
    otherwise escape as another error: nesting deeper than MAX_JSON_DEPTH (a RecursionError
    at a few hundred levels) and integers too long to convert. JSONDecodeError as usual."""
    too_deep = JSONRefused(Text("nested more than {depth} levels deep", depth=MAX_JSON_DEPTH))
    try:
        doc = json.loads(text)
    except RecursionError:
        raise too_deep from None
    except json.JSONDecodeError:
        raise
    except ValueError:  # Python's limit on the digits of an int
        raise JSONRefused(Text("a number has more digits than any setting")) from None
    if _depth(doc) > MAX_JSON_DEPTH:
        raise too_deep
    return doc


def _depth(doc: Any) -> int:
    """How deeply lists and objects nest in ``doc`` (without recursion)."""
    deepest, todo = 0, [(doc, 1)]
    while todo:
        node, depth = todo.pop()
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            deepest = max(deepest, depth)
            if depth > MAX_JSON_DEPTH:
                break
            todo.extend((child, depth + 1) for child in node)
    return deepest
