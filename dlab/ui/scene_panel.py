"""The guided-scenes bar of a tab: ◀ "Scene 2 / 6 · title" ▶ and the scene's narration.

It only shows and asks; the base tab (TopicTab) owns the script and applies scenes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

from dlab.core.scenes import Script
from dlab.ui.i18n import translate
from dlab.ui.labels import text_label


class ScenePanel(QFrame):
    previous = Signal()
    next = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("scenePanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Text arrows: they grow with the font (presentation mode), an arrow icon does not.
        self.prev_btn = QPushButton("◀")
        self.next_btn = QPushButton("▶")
        for btn in (self.prev_btn, self.next_btn):
            btn.setObjectName("sceneArrow")
            btn.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.heading = text_label(13, bold=True, wrap=True)
        self.heading.setObjectName("sceneHeading")
        self.narration = text_label(12, wrap=True)
        self.narration.setObjectName("sceneNarration")
        self.narration.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.prev_btn)
        top.addWidget(self.heading, 1)
        top.addWidget(self.next_btn)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addLayout(top)
        lay.addWidget(self.narration)
        self.prev_btn.clicked.connect(self.previous)
        self.next_btn.clicked.connect(self.next)
        self.hide()

    def show_scene(self, script: Script | None, index: int) -> None:
        """``index`` from 0; -1 before the first scene."""
        self.setVisible(script is not None)
        if script is None:
            return
        n = len(script)
        if index < 0:
            self.heading.setText(script.title)
            self.narration.setText(translate(
                "ScenePanel", "{0} scenes. Page Down or ▶ starts the first one.").format(n))
        else:
            scene = script.scenes[index]
            self.heading.setText(translate("ScenePanel", "Scene {0} / {1} · {2}").format(
                index + 1, n, scene.title))
            self.narration.setText(scene.narration)
        self.prev_btn.setEnabled(index > 0)
        self.next_btn.setEnabled(index < n - 1)
        self.prev_btn.setToolTip(translate("ScenePanel", "Previous scene (Page Up)"))
        self.next_btn.setToolTip(translate(
            "ScenePanel", "Next scene: set its parameters and run it (Page Down)"))
