"""Keep a window on a screen and inside its free area: a saved geometry may come from a
bigger screen (a 1920×1080 laptop, then a 1280×800 projector) or from a screen that is no
longer attached, and without a window manager nothing else would bring it back."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, QTimer
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


# How long a window manager has to make a window full screen before dlab sizes it itself.
COVER_AFTER_MS = 400


class FullScreen:
    """Full screen for ``window`` (F5, F11) that works without a window manager too: a bare
    X server (a kiosk, a classroom PC started into one program) ignores Qt's request, and
    the window kept its size with only the look changed. It is then sized to its screen
    here, and given its size back on leaving."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.wanted = False
        self.covered = False  # sized to the screen here, not by a window manager
        self.normal: QRect | None = None  # the window's geometry before

    def on(self) -> bool:
        """Full screen, or asked to be (a restored geometry may open full screen)."""
        return self.wanted or self.window.isFullScreen()

    def enter(self) -> None:
        self.wanted, self.covered = True, False
        self.normal = self.window.geometry()
        self.window.showFullScreen()
        QTimer.singleShot(COVER_AFTER_MS, self.window, self._cover)

    def leave(self) -> None:
        self.wanted = False
        self.window.showNormal()
        if self.covered and self.normal is not None:
            # Nobody else gives it back; once the normal look's layout is done (its
            # minimum is smaller than the presentation's).
            QTimer.singleShot(0, self.window, self._restore)
        self.covered = False

    def _restore(self) -> None:
        if not self.wanted and self.normal is not None:
            layout = self.window.layout()
            if layout is not None:
                layout.activate()  # the normal look's minimum size, not the presentation's
            self.window.setGeometry(self.normal)

    def _cover(self) -> None:
        if not (self.wanted and self.window.isVisible()):
            return
        screen = self.window.screen() or QGuiApplication.primaryScreen()
        area = screen.geometry()
        frame = self.window.frameGeometry()
        if frame != area:  # the request was ignored
            self.covered = True
            self.window.resize(area.size() - (frame.size() - self.window.geometry().size()))
            self.window.move(area.topLeft())
