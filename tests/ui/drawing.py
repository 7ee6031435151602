"""Draw on the canvas with real mouse events: polylines and real MNIST pen paths.

Shared by the tests and `benchmarks/ui_latency.py`. Points are given in units of the
canvas square (0..1), so a drawing means the same at every window size.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from cnn_desktop.ui.canvas import DrawingCanvas

STROKES_FILE = Path(__file__).resolve().parents[2] / ".." / "shared" / "strokes" / (
    "mnist-train-strokes.npz")

Polyline = Sequence[tuple[float, float]]


def to_widget(canvas: DrawingCanvas, x: float, y: float) -> QPoint:
    paper = canvas.paper_rect()
    return QPoint(round(paper.x() + x * paper.width()), round(paper.y() + y * paper.height()))


def densify(points: Polyline, step: float = 0.015) -> list[tuple[float, float]]:
    """Points every `step` along the polyline: a mouse reports many samples per stroke."""
    dense = [tuple(points[0])]
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        count = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / step))
        dense += [(x0 + (x1 - x0) * i / count, y0 + (y1 - y0) * i / count)
                  for i in range(1, count + 1)]
    return dense


def stroke_events(canvas: DrawingCanvas, points: Polyline) -> Iterator[tuple[str, QPoint]]:
    """("press" | "move" | "release", position) for one stroke, densified."""
    dense = [to_widget(canvas, x, y) for x, y in densify(points)]
    yield "press", dense[0]
    for position in dense[1:]:
        yield "move", position
    yield "release", dense[-1]


def send(canvas: DrawingCanvas, kind: str, position: QPoint) -> None:
    """One real mouse event through Qt's window-system path (QTest)."""
    if kind == "press":
        QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         position)
    elif kind == "move":
        QTest.mouseMove(canvas, position)
    else:
        QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           position)


def draw(canvas: DrawingCanvas, *strokes: Polyline) -> None:
    for stroke in strokes:
        for kind, position in stroke_events(canvas, stroke):
            send(canvas, kind, position)


def ellipse(cx: float = 0.5, cy: float = 0.5, rx: float = 0.2, ry: float = 0.3,
            samples: int = 48) -> list[tuple[float, float]]:
    return [(cx + rx * math.sin(t / samples * math.tau), cy - ry * math.cos(t / samples * math.tau))
            for t in range(samples + 1)]


@lru_cache(maxsize=1)
def _strokes_data() -> tuple[np.ndarray, np.ndarray] | None:
    if not STROKES_FILE.exists():
        return None
    data = np.load(STROKES_FILE)
    return data["x"], data["y"]


def strokes_available() -> bool:
    return _strokes_data() is not None


def _smooth(points: np.ndarray, rounds: int = 2) -> np.ndarray:
    """Chaikin corner cutting: the 28x28 grid's staircases become pen-like curves."""
    for _ in range(rounds):
        if len(points) < 3:
            return points
        q = 0.75 * points[:-1] + 0.25 * points[1:]
        r = 0.25 * points[:-1] + 0.75 * points[1:]
        cut = np.empty((2 * len(q), 2))
        cut[0::2], cut[1::2] = q, r
        points = np.vstack([points[:1], cut, points[-1:]])
    return points


def mnist_digit(index: int, size: float = 0.6) -> tuple[int, list[list[tuple[float, float]]]]:
    """The label and smoothed pen paths of MNIST training digit `index`, in canvas units.

    MNIST's 20 px digit box becomes `size` of the canvas: 0.6 is a 170 px digit on a
    280 px canvas, where the default brush gives MNIST's stroke width.
    """
    data = _strokes_data()
    if data is None:
        raise FileNotFoundError(STROKES_FILE)
    rows = data[0][index]
    rows = rows[np.any(rows != 0, axis=1).argmax():].astype(int)
    xy = np.cumsum(rows[:, :2], axis=0).astype(float)
    cut = np.flatnonzero(rows[:, 2] | rows[:, 3]) + 1
    scale = size / 20
    strokes = []
    for part in np.split(xy, cut):
        if len(part):
            smooth = _smooth(part)
            strokes.append([(0.5 + (x - 13.5) * scale, 0.5 + (y - 13.5) * scale)
                            for x, y in smooth])
    return int(data[1][index]), strokes
