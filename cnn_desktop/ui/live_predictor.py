"""Classify the canvas while the pen moves: at most once per frame, and always at the end.

Pen samples arrive at 100-200 Hz, faster than a screen refreshes; predicting each one
would spend the CPU on frames nobody sees. A change marks the drawing dirty and a
single-shot timer runs one prediction when the current frame interval has passed, so
a change waits at most one frame. The pen lifting predicts at once, so the final state
is never left behind a pending timer.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from cnn_desktop.ui.canvas import DrawingCanvas


class LivePredictor(QObject):
    """Runs `engine.predict` on the canvas raster and emits the Prediction."""

    predicted = Signal(object)  # cnn_desktop.core.engine.Prediction

    def __init__(self, canvas: DrawingCanvas, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._canvas = canvas
        self._engine = None
        self._last_start = float("-inf")
        screen = QGuiApplication.primaryScreen()
        refresh = screen.refreshRate() if screen is not None else 60.0
        self.frame_seconds = 1.0 / min(max(refresh or 60.0, 30.0), 240.0)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.predict_now)
        self.predicted_revision = -1  # the canvas revision the last prediction saw
        canvas.changed.connect(self.request)
        canvas.strokeFinished.connect(self.predict_now)

    def set_engine(self, engine) -> None:
        """A new or swapped model: show its reading of the current drawing at once."""
        self._engine = engine
        self.predict_now()

    @Slot()
    def request(self) -> None:
        """Something changed; predict when this frame's turn comes."""
        if self._timer.isActive():
            return
        wait = self._last_start + self.frame_seconds - time.perf_counter()
        self._timer.start(round(max(0.0, wait) * 1000))

    @Slot()
    def predict_now(self) -> None:
        self._timer.stop()
        if self._engine is None:
            return  # the loader calls set_engine, which predicts what was drawn meanwhile
        self._last_start = time.perf_counter()
        self.predicted_revision = self._canvas.revision
        self.predicted.emit(self._engine.predict(self._canvas.raster()))
