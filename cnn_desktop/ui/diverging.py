"""One diverging colour map, centred on zero, for signed values: weights and saliency.

Blue below zero, white at zero, red above. The levels are always symmetric (±a
limit), so white means exactly zero and equal distances from white mean
equal magnitudes; an asymmetric range would shift the white and mislead the class.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

NEGATIVE = "#2f6fc4"
POSITIVE = "#d1342f"
DIVERGING = pg.ColorMap(
    pos=np.array([0.0, 0.25, 0.5, 0.75, 1.0]),
    color=["#1d4f9a", "#6fa8dc", "#f7f7f7", "#f0876a", "#b2182b"],
)
_LUT = DIVERGING.getLookupTable(nPts=256, alpha=True).astype(np.uint8)  # (256, 4)


def symmetric_limit(values: np.ndarray) -> float:
    """The largest magnitude, never zero (an all-zero array would divide by it)."""
    return max(float(np.abs(values).max(initial=0.0)), 1e-12)


def robust_limit(values: np.ndarray, percentile: float = 99.0) -> float:
    """A symmetric limit that a few outlying weights cannot set: with ±max|w|, one
    strong weight in conv2 left the other 2,399 pale. Larger values draw saturated."""
    return max(float(np.percentile(np.abs(values), percentile)), 1e-12)


def diverging_rgba(values: np.ndarray, limit: float) -> np.ndarray:
    """Signed values → uint8 RGBA (..., 4), −limit blue, 0 white, +limit red."""
    index = np.clip((values / limit + 1.0) * 127.5, 0, 255).astype(np.uint8)
    return _LUT[index]
