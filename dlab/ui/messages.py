"""Messages made in Qt-free code (a refused value, a diverged run), shown translated.

dlab.core builds them as ``Text`` (a template and its values); the templates are marked
here, in the context "errors", so lupdate finds them and the window shows them in the
user's language (the command line keeps the English of ``str()``)."""

from __future__ import annotations

import errno
import re

from dlab.core.io import FileRefused
from dlab.core.params import ParamError, Text
from dlab.ui.i18n import QT_TRANSLATE_NOOP, translate

TEMPLATES = (
    QT_TRANSLATE_NOOP("errors", "{value} is not allowed; expected {allowed}"),
    QT_TRANSLATE_NOOP("errors", "{value} is out of range; expected {allowed}"),
    QT_TRANSLATE_NOOP("errors", "unknown parameter; known parameters are {names}"),
    QT_TRANSLATE_NOOP("errors", "not valid JSON (line {line})"),
    QT_TRANSLATE_NOOP("errors", "{value} is not supported; expected 1"),
    QT_TRANSLATE_NOOP("errors", "the file is for {file}, this tab is {tab}"),
    QT_TRANSLATE_NOOP("errors", "expected an object with 'schema', 'topic' and 'params'"),
    QT_TRANSLATE_NOOP("errors", "expected a mapping of parameter names to values"),
    QT_TRANSLATE_NOOP("errors", "one of {choices}"),
    QT_TRANSLATE_NOOP("errors", "one of {choices}, {other}"),
    QT_TRANSLATE_NOOP("errors", "a comma-separated subset of {choices}"),
    QT_TRANSLATE_NOOP("errors", "true or false"),
    QT_TRANSLATE_NOOP("errors", "the path of a folder"),
    QT_TRANSLATE_NOOP("errors", "an integer"),
    QT_TRANSLATE_NOOP("errors", "a number"),
    QT_TRANSLATE_NOOP("errors", "a power of two"),
    QT_TRANSLATE_NOOP("errors", "an integer from {lo} to {hi}"),
    QT_TRANSLATE_NOOP("errors", "a number from {lo} to {hi}"),
    QT_TRANSLATE_NOOP("errors", "a power of two from {lo} to {hi}"),
    QT_TRANSLATE_NOOP("errors", "choose at least one optimiser"),
    # dlab.core.image_folder: a user's folder of images
    QT_TRANSLATE_NOOP("errors", "{field}: no folder chosen; expected a folder of PNG or JPEG "
                                "images"),
    QT_TRANSLATE_NOOP("errors", "{field}: {folder} is not a folder; expected a folder of PNG "
                                "or JPEG images"),
    QT_TRANSLATE_NOOP("errors", "{field}: {folder} cannot be read ({why})"),
    QT_TRANSLATE_NOOP("errors", "{field}: {folder} holds no images; expected PNG or JPEG files "
                                "(.png, .jpg, .jpeg)"),
    QT_TRANSLATE_NOOP("errors", "{field}: {file} cannot be read as an image; expected a PNG or "
                                "JPEG file"),
    QT_TRANSLATE_NOOP("errors", "{field}: images of mixed sizes: {first} ({size}) but "
                                "{named}; every image of a folder must have the same size"),
    QT_TRANSLATE_NOOP("errors", "nested more than {depth} levels deep"),
    QT_TRANSLATE_NOOP("errors", "a number has more digits than any setting"),
    QT_TRANSLATE_NOOP("errors", "{name} is not a regular file"),
    QT_TRANSLATE_NOOP("errors", "{name} is not UTF-8 text"),
    QT_TRANSLATE_NOOP("errors", "{name} is larger than {limit} kB, the most allowed"),
)


def text(message: Text) -> str:
    """``message`` in the current language (its template and any Text among its values)."""
    args = {k: text(v) if isinstance(v, Text) else str(v) for k, v in message.args.items()}
    return translate("errors", message.template).format(**args)


def param_error(exc: ParamError) -> str:
    return f"{exc.field}: {text(exc.text)}"


# What the gradient-descent engine names when its numbers stop being finite.
DIVERGED_WHAT = (
    QT_TRANSLATE_NOOP("errors", "loss (minibatch)"),
    QT_TRANSLATE_NOOP("errors", "loss (batch)"),
    QT_TRANSLATE_NOOP("errors", "loss (sgd)"),
    QT_TRANSLATE_NOOP("errors", "gradient norm (minibatch)"),
    QT_TRANSLATE_NOOP("errors", "gradient norm (batch)"),
    QT_TRANSLATE_NOOP("errors", "gradient norm (sgd)"),
    QT_TRANSLATE_NOOP("errors", "epoch loss"),
)

_DIVERGED = re.compile(r"^diverged at step (\d+): (.+) became (\S+)$")


def diverged_detail(message: str) -> str:
    """The detail of a diverged run (``diverged at step N: WHAT became inf``, as
    dlab.core.experiment writes it), translated; the series' own name stays as written."""
    m = _DIVERGED.match(message)
    if m is None:
        return message
    step, what, value = m.groups()
    return translate("errors", "step {0}: {1} became {2}").format(
        step, translate("errors", what), value)


_OS_REASONS = {
    errno.ENOENT: QT_TRANSLATE_NOOP("errors", "there is no such file or folder"),
    errno.EACCES: QT_TRANSLATE_NOOP("errors", "permission denied"),
    errno.EPERM: QT_TRANSLATE_NOOP("errors", "permission denied"),
    errno.EROFS: QT_TRANSLATE_NOOP("errors", "the disk is read-only"),
    errno.ENOSPC: QT_TRANSLATE_NOOP("errors", "the disk is full"),
    errno.EISDIR: QT_TRANSLATE_NOOP("errors", "it is a folder"),
    errno.ENOTDIR: QT_TRANSLATE_NOOP("errors", "a part of the path is not a folder"),
}


def reason(exc: Exception) -> str:
    """Why a file could not be read or written, in the current language."""
    if isinstance(exc, ParamError):
        return param_error(exc)
    if isinstance(exc, FileRefused):
        return text(exc.text)
    if isinstance(exc, UnicodeDecodeError):
        return translate("errors", "the file is not UTF-8 text")
    if isinstance(exc, OSError):
        known = _OS_REASONS.get(exc.errno) if exc.errno is not None else None
        return known.text() if known else (exc.strerror or str(exc))
    return str(exc)
