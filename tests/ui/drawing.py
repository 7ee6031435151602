"""Draw on the canvas with real mouse events: polylines and real MNIST pen paths.

Shared by the tests and `benchmarks/ui_latency.py`. Points are given in units of the
canvas square (0..1), so a drawing means the same at every window size.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from cnn_desktop.ui.canvas import DrawingCanvas

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from strokes import STROKES_FILE, load_digits  # noqa: E402  (benchmarks/strokes.py)

Polyline = Sequence[tuple[float, float]]


def to_widget(canvas: DrawingCanvas, x: float, y: float) -> QPoint:
    paper = canvas.paper_rect()
    return QPoint(round(paper.x() + x * paper.width()), round(paper.y() + y * paper.height()))


def resample(points: Polyline, step: float = 0.015) -> list[tuple[float, float]]:
    """Points every `step` of length along the polyline, as a mouse moving at a steady
    speed reports them (0.015 of a 400 px canvas at 120 Hz is 720 px/s)."""
    samples = [tuple(points[0])]
    travelled = 0.0  # since the last sample
    for (x0, y0), (x1, y1) in zip(points, points[1:], strict=False):
        length = math.hypot(x1 - x0, y1 - y0)
        position = step - travelled
        while position <= length:
            t = position / length
            samples.append((x0 + (x1 - x0) * t, y0 + (y1 - y0) * t))
            position += step
        travelled = (travelled + length) % step if length else travelled
    if samples[-1] != tuple(points[-1]):
        samples.append(tuple(points[-1]))
    return samples


def stroke_events(canvas: DrawingCanvas, points: Polyline) -> Iterator[tuple[str, QPoint]]:
    """("press" | "move" | "release", position) for one stroke, densified."""
    dense = [to_widget(canvas, x, y) for x, y in resample(points)]
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


def strokes_available() -> bool:
    return STROKES_FILE.is_file()


def mnist_digit(index: int, size: float = 0.6) -> tuple[int, list[list[tuple[float, float]]]]:
    """The label and smoothed pen paths of MNIST training digit `index`, in canvas units.

    MNIST's 20 px digit box becomes `size` of the canvas: 0.6 is a 170 px digit on a
    280 px canvas, where the default brush gives MNIST's stroke width.
    """
    (label, strokes), = load_digits(1, canvas=1, start=index)  # the benchmarks' loader
    scale = size / (20 / 28)
    return label, [[(0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale) for x, y in stroke]
                   for stroke in strokes]
