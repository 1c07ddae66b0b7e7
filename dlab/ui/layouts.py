"""Box layouts whose stretch factors decide. A plot's size hint is the size it last had
(QGraphicsView hints at its scene's size, which pyqtgraph keeps at the widget's), and a
QTabWidget hints at its largest page: a layout short of room kept them as they were and
never shared by its stretch factors (in presentation mode the autoencoder's loss plot kept
88 px of data area in 1080, the CNN's curves 54)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyleOptionTabWidgetFrame,
    QTabWidget,
    QWidget,
)


def by_stretch(*widgets: QWidget) -> None:
    """Let layouts share height among ``widgets`` by stretch alone, never below each one's
    minimum size (every dlab plot sets one)."""
    for widget in widgets:
        policy = widget.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Ignored)
        widget.setSizePolicy(policy)


class PlacedTabs(QTabWidget):
    """A tab widget that places its tab bar and pages as soon as it has a size, shown or
    not. Qt's places them only in its showEvent, after the pages have had their first
    layout at whatever size they had: every plot on the current page was laid out twice
    before the window's first paint (and twice more for a tab widget in a tab widget)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if not self.isVisible():  # shown, Qt's own resizeEvent has placed them
            self.place_pages()

    def place_pages(self) -> None:
        """Where QTabWidget's showEvent would place the tab bar and the pages."""
        option = QStyleOptionTabWidgetFrame()
        self.initStyleOption(option)
        style = self.style()
        self.tabBar().setGeometry(
            style.subElementRect(QStyle.SubElement.SE_TabWidgetTabBar, option, self))
        stack = self.findChild(QStackedWidget, "qt_tabwidget_stackedwidget",
                               Qt.FindChildOption.FindDirectChildrenOnly)
        if stack is not None:
            stack.setGeometry(
                style.subElementRect(QStyle.SubElement.SE_TabWidgetTabContents, option, self))


class StretchTabs(PlacedTabs):
    """Pages of tabs that ask for no more height than their minimum (a wrapped label's
    height for its width included): the rest of the room goes by stretch."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False  # else a layout takes the pages' height for its width as their hint


class FixedBox(QWidget):
    """A widget for a group laid out inside it whose least height counts in full: with a
    wrapping label inside, Qt asks the group its height for its width instead, lets it have
    less than its parts need and lays them over each other (the Sigmoid tab's zig-zag note
    over the surfaces' axes at 1024×700)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False


def settle(widget: QWidget) -> None:
    """Lay out ``widget`` and everything in it now, innermost first, even while hidden.

    Qt carries a change of a hidden widget's size hints up to its parent's layout only
    once it is shown: before its first show, a window's minimum size is that of its
    layouts as first built (the first tab's was 632×154 before and 935×498 after). Its
    size cannot be fitted to its screen before it shows, and once shown, every plot was
    laid out again for each size it went through (four times before the first paint)."""
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if not child.isWindow():
            settle(child)
    layout = widget.layout()
    if layout is not None:
        layout.invalidate()
        layout.activate()
