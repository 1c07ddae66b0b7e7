"""The tab as an image, in memory, so that files are written atomically (core.io)."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget


def png_bytes(widget: QWidget) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    if not widget.grab().save(buf, "PNG"):
        raise OSError("the image could not be encoded")
    buf.close()
    return bytes(data.data())


def svg_bytes(widget: QWidget, title: str = "dlab") -> bytes:
    """The widget drawn as vectors (plots' lines and text stay sharp at any size)."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(QSize(widget.width(), widget.height()))
    gen.setViewBox(QRect(0, 0, widget.width(), widget.height()))
    gen.setTitle(title)
    painter = QPainter(gen)
    widget.render(painter, QPoint(0, 0))
    painter.end()
    buf.close()
    return bytes(data.data())
