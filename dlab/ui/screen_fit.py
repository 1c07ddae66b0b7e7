"""Keep a window on a screen and inside its free area: a saved geometry may come from a
bigger screen (a 1920×1080 laptop, then a 1280×800 projector) or from a screen that is no
longer attached, and without a window manager nothing else would bring it back."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fitted(rect: QRect, area: QRect, minimum: QSize) -> QRect:
    """``rect`` shrunk to fit ``area`` (never below ``minimum``) and moved inside it; a rect
    that cannot fit keeps its top-left corner on the area's."""
    width = max(min(rect.width(), area.width()), minimum.width())
    height = max(min(rect.height(), area.height()), minimum.height())
    x = max(area.left(), min(rect.left(), area.left() + area.width() - width))
    y = max(area.top(), min(rect.top(), area.top() + area.height() - height))
    return QRect(x, y, width, height)


def fit_on_screen(window: QWidget) -> None:
    """Move and shrink a top-level ``window`` (its frame included) into the available area
    of the screen under its centre, or of the primary screen when it is on none."""
    if window.windowState() & (Qt.WindowState.WindowMaximized
                               | Qt.WindowState.WindowFullScreen):
        return
    frame = window.frameGeometry()
    screen = QGuiApplication.screenAt(frame.center()) or QGuiApplication.primaryScreen()
    if screen is None:
        return
    border = frame.size() - window.geometry().size()  # the window manager's frame
    minimum = window.minimumSizeHint().expandedTo(window.minimumSize())
    target = fitted(frame, screen.availableGeometry(), minimum + border)
    if target != frame:
        window.resize(target.size() - border)
        window.move(target.topLeft())  # a window's position is its frame's
