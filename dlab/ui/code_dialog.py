""""Show me the code": the current tab's plain PyTorch script, highlighted, with Copy."""

from __future__ import annotations

import keyword
import re

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dlab.ui.i18n import translate


def _format(color: str, bold: bool = False, italic: bool = False) -> QTextCharFormat:
    f = QTextCharFormat()
    f.setForeground(QColor(color))
    if bold:
        f.setFontWeight(700)
    f.setFontItalic(italic)
    return f


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, strings, numbers and comments, in Okabe-Ito colours (one line at a time:
    the generated scripts keep docstrings on one line)."""

    RULES = (
        (re.compile(r"\b(" + "|".join(keyword.kwlist) + r")\b"), _format("#0072B2", bold=True)),
        (re.compile(r"\b\d+(\.\d+)?([eE][-+]?\d+)?\b"), _format("#009E73")),
        (re.compile(r"(\"[^\"\n]*\"|'[^'\n]*')"), _format("#D55E00")),
        (re.compile(r"#[^\n]*"), _format("#666666", italic=True)),
    )

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt's name)
        for pattern, fmt in self.RULES:
            for m in pattern.finditer(text):
                self.setFormat(m.start(), m.end() - m.start(), fmt)


class CodeDialog(QDialog):
    def __init__(self, script: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CodeDialog", "The code of {0}").format(title))
        self.note = QLabel(translate(
            "CodeDialog", "Plain PyTorch and NumPy for the current parameters and seed. Run "
                          "it with Python: it prints the same step,series,value lines as "
                          "dlab run."))
        self.note.setWordWrap(True)
        self.text = QPlainTextEdit(script)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.highlighter = PythonHighlighter(self.text.document())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_btn = QPushButton(translate("CodeDialog", "Copy"))
        self.copy_btn.setToolTip(translate("CodeDialog", "Copy the whole script"))
        buttons.addButton(self.copy_btn, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_btn.clicked.connect(self.copy)
        lay = QVBoxLayout(self)
        lay.addWidget(self.note)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(900, 700)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    @Slot()
    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
