"""Help (F1): every keyboard shortcut and the current topic's lesson, in the current
language, in one window beside the main one (it does not block the lab)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from dlab.ui.i18n import translate
from dlab.ui.topic_tab import show_lesson


def help_markdown(shortcuts: Sequence[tuple[str, str]], lesson: str) -> str:
    """The shortcuts as a table, then the lesson (Markdown)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    heading = translate("MainWindow", "Keyboard shortcuts")
    key, action = translate("MainWindow", "Key"), translate("MainWindow", "Action")
    rows = "\n".join(f"| {cell(k)} | {cell(text)} |" for k, text in shortcuts)
    return f"## {heading}\n\n| {key} | {action} |\n|---|---|\n{rows}\n\n{lesson}"


class HelpDialog(QDialog):
    def __init__(self, topic_title: str, shortcuts: Sequence[tuple[str, str]], lesson: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dlab-help")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate("MainWindow", "Help: {0}").format(topic_title))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        show_lesson(self.browser, help_markdown(shortcuts, lesson))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        if parent is not None:  # inside the window, even on a 1024×700 projector
            self.resize(min(760, parent.width() - 40), min(640, parent.height() - 60))
