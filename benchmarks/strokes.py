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


def _smooth(points: np.ndarray, rounds: int = 2) -> np.ndarray:
    """Chaikin corner cutting: each round replaces corners by two points at 1/4 and 3/4."""
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
    """Draw strokes with a round pen of about 1/7 of the canvas (MNIST's stroke width)."""
    from PIL import Image, ImageDraw

    width = round(pen or canvas / 12)
    picture = Image.new("L", (canvas, canvas), 0)
    draw = ImageDraw.Draw(picture)
    for stroke in strokes:
        points = [tuple(p) for p in stroke]
        if len(points) > 1:
            draw.line(points, fill=255, width=width, joint="curve")
        for x, y in points[:: max(1, len(points) - 1)]:  # round caps at both ends
            draw.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=255)
    return np.asarray(picture)
