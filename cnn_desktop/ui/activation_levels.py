"""Fixed colour levels for the feature maps, measured once per model.

Scaling each frame to its own maximum makes the maps flicker as the pen moves and
hides how strongly a channel responds. Instead, when a model is installed, a few
simple digits are drawn off-screen and classified, and each layer's level is the
highest activation they produce (a high percentile, so one hot pixel does not dim
everything). The levels then stay put until the model changes.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

SIDE = 140
# Unit-square polylines of a few digits with different strokes: straight, round, corners.
DIGIT_SHAPES: dict[int, list[list[tuple[float, float]]]] = {
    1: [[(0.5, 0.15), (0.5, 0.85)]],
    0: [[(0.5 + 0.22 * math.sin(t / 24 * math.tau), 0.5 - 0.33 * math.cos(t / 24 * math.tau))
         for t in range(25)]],
    7: [[(0.28, 0.2), (0.72, 0.2), (0.45, 0.85)]],
    4: [[(0.62, 0.85), (0.62, 0.15), (0.25, 0.62), (0.78, 0.62)]],
    2: [[(0.3, 0.3), (0.45, 0.17), (0.65, 0.22), (0.66, 0.4), (0.3, 0.82), (0.72, 0.82)]],
}


def render_shape(strokes: list[list[tuple[float, float]]], side: int = SIDE) -> np.ndarray:
    """White-on-black uint8 image of unit-square polylines, brush 1/7 of the digit."""
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(255, 255, 255), side * 0.08, Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    for stroke in strokes:
        painter.drawPolyline([QPointF(x * side, y * side) for x, y in stroke])
    painter.end()
    buffer = np.frombuffer(image.constBits(), np.uint8).reshape(side, image.bytesPerLine())
    return buffer[:, :side].copy()


def activation_levels(engine, percentile: float = 99.5) -> dict[str, float]:
    """Per layer, the level that the brightest of the reference digits reaches."""
    levels: dict[str, float] = {}
    for strokes in DIGIT_SHAPES.values():
        prediction = engine.predict(render_shape(strokes))
        for stage, maps in prediction.activations.items():
            level = float(np.percentile(maps, percentile))
            levels[stage] = max(levels.get(stage, 1e-3), level)
    return levels
