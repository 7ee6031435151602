"""Teach mode: when the prediction is wrong, one click (or one key) gives the right digit.

The panel only says which digit the user chose; the window turns the drawing into a
saved sample, so this widget knows nothing about files.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class TeachPanel(QWidget):
    labelChosen = Signal(int)  # the right digit for the current drawing

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teachPanel")
        self.setAccessibleName(self.tr("Teach the right digit"))
        title = QLabel(self.tr("Wrong? Teach the right digit (or type it):"))
        self.feedback = QLabel(objectName="teachFeedback")
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.setSpacing(4)
        self.buttons: list[QPushButton] = []
        for digit in range(10):
            button = QPushButton(str(digit), objectName=f"teachButton{digit}")
            button.setToolTip(self.tr("Save this drawing as a {digit}").format(digit=digit))
            button.setMinimumWidth(32)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=digit: self.labelChosen.emit(d))
            row.addWidget(button)
            self.buttons.append(button)
            # a key press anywhere in the window teaches, while the panel is shown
            shortcut = QAction(self, shortcut=QKeySequence(str(digit)))
            shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.triggered.connect(lambda _=False, d=digit: self.labelChosen.emit(d))
            self.addAction(shortcut)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(title)
        layout.addLayout(row)
        layout.addWidget(self.feedback)

    def show_feedback(self, text: str) -> None:
        self.feedback.setText(text)
