"""Real digit shapes for benchmarks: the pen paths of MNIST's training digits.

`../shared/strokes` holds them on the 28x28 grid; here they are smoothed (corner
cutting, so they are not staircases) and scaled to a canvas, as a person would draw.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_STROKES = ROOT.parent / "shared" / "strokes" / "mnist-train-strokes.npz"
STROKES_FILE = Path(os.environ.get("CNN_DESKTOP_STROKES", DEFAULT_STROKES))
Digit = tuple[int, list[np.ndarray]]


def _smooth(points: np.ndarray, rounds: int = 3) -> np.ndarray:
    """A 3-point moving average (the grid's staircase), then Chaikin corner cutting."""
    if len(points) >= 3:
        inner = (points[:-2] + points[1:-1] + points[2:]) / 3
        points = np.vstack([points[:1], inner, points[-1:]])
    for _ in range(rounds):
        if len(points) < 3:
            return points
        quarter = 0.75 * points[:-1] + 0.25 * points[1:]
        three_quarters = 0.25 * points[:-1] + 0.75 * points[1:]
        middle = np.empty((2 * len(quarter), 2))
        middle[0::2], middle[1::2] = quarter, three_quarters
        points = np.vstack([points[:1], middle, points[-1:]])
    return points


def load_digits(count: int, canvas: int = 280, start: int = 0) -> list[Digit]:
    """`count` digits as (label, strokes), each stroke an (n, 2) array of canvas x, y."""
    if not STROKES_FILE.is_file():
        raise FileNotFoundError(f"no stroke file at {STROKES_FILE}")
    data = np.load(STROKES_FILE)
    rows_all, labels = data["x"], data["y"]
    scale = canvas / 28
    digits = []
    for index in range(start, start + count):
        rows = rows_all[index]
        rows = rows[np.any(rows != 0, axis=1).argmax() :].astype(float)
        points = np.cumsum(rows[:, :2], axis=0)
        cuts = np.flatnonzero(rows[:, 2].astype(bool) | rows[:, 3].astype(bool)) + 1
        strokes = [_smooth(s) * scale + scale / 2 for s in np.split(points, cuts) if len(s)]
        digits.append((int(labels[index]), strokes))
    return digits


def render(strokes: list[np.ndarray], canvas: int = 280, pen: float | None = None) -> np.ndarray:
    """Draw strokes with a round pen (default about 1/12 of the canvas, MNIST-like).

    The pen is stamped every pixel along the path, as a real round nib leaves ink;
    PIL's own wide lines leave hairline gaps between short segments.
    """
    from PIL import Image, ImageDraw

    radius = (pen or canvas / 12) / 2
    picture = Image.new("L", (canvas, canvas), 0)
    draw = ImageDraw.Draw(picture)
    for stroke in strokes:
        for x, y in _densify(np.asarray(stroke, float)):
            draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=255)
    return np.asarray(picture)


def _densify(points: np.ndarray, spacing: float = 1.0) -> np.ndarray:
    """Points no more than `spacing` apart along the same polyline."""
    if len(points) < 2:
        return points
    pieces = [points[:1]]
    for start, end in zip(points[:-1], points[1:], strict=True):
        steps = max(1, int(np.ceil(np.linalg.norm(end - start) / spacing)))
        fractions = np.arange(1, steps + 1)[:, None] / steps
        pieces.append(start + (end - start) * fractions)
    return np.vstack(pieces)
