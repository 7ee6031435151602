"""A frame drawn over one feature-map view, to show which maps a table row means.

An overlay child rather than a change to the feature-map widgets: it needs nothing
from them but their geometry, lets the mouse through, and costs nothing while hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from cnn_desktop.ui import theme

FRAME_WIDTH = 4


class StageHighlight(QWidget):
    """An accent-coloured frame that follows its parent's size."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("stageHighlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        target.installEventFilter(self)
        self.setGeometry(target.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(QPen(QColor(theme.ACCENT), FRAME_WIDTH))
        inset = FRAME_WIDTH // 2
        painter.drawRect(self.rect().adjusted(inset, inset, -inset, -inset))


class StageHighlighter:
    """One frame per feature-map stage; at most one shown."""

    def __init__(self, stages: dict[str, QWidget]) -> None:
        self.frames = {name: StageHighlight(view) for name, view in stages.items()}
        self.stage: str | None = None

    def highlight(self, stage: str | None) -> None:
        self.stage = stage if stage in self.frames else None
        for name, frame in self.frames.items():
            if name == self.stage:
                frame.raise_()
            frame.setVisible(name == self.stage)
