"""Make any drawing look like an MNIST digit before the network sees it.

Users' drawings are big, off-centre and thick or thin; MNIST digits are 20 px in a
28x28 frame with their centre of mass in the middle. Following MNIST's own recipe is
what turns "it is wrong on my drawing" into a right answer (see the guide's figures):
ink bounding box → longer side to 20 px by area resampling (aspect kept) → centre of
mass at the measured MNIST position with a sub-pixel shift → pad to 32x32 → normalise.

Resampling and shifting are both linear maps along each axis, so they are done as two
small matrix products on the cropped ink only: well under a millisecond for a canvas.
"""

from __future__ import annotations

import numpy as np

MNIST_MEAN = 0.1307
MNIST_STD = 0.3081
MNIST_SIZE = 28
DIGIT_BOX = 20  # MNIST scales the longer side of the ink's bounding box to 20 px
CENTRE_OF_MASS = (14.0, 14.0)  # measured on MNIST's 60,000 training digits (row, col)
PAD = 2  # 28 + 2 * 2 = the network's 32x32 input
INK_THRESHOLD = 32  # out of 255; only to find the ink, never to binarise it
MIN_INK_FRACTION = 0.0005  # fewer inked pixels than this (or than 4) is "no digit"


def to_grayscale_ink(image: np.ndarray) -> np.ndarray:
    """Any 2-D/RGB/RGBA uint8 image → ink in [0, 255], white ink on black.

    A transparent background with opaque ink is read from the alpha channel alone;
    dark ink on a light background (paper, scans) is detected from the border and
    inverted. 8-bit grey and alpha stay uint8 (the live canvas is 8-bit grey, and
    converting all of it to float on every frame costs more than the rest of the
    recipe); RGB comes back as float32.
    """
    pixels = np.asarray(image)
    if pixels.ndim == 3 and pixels.shape[2] == 4:
        alpha = pixels[..., 3]
        if alpha.min() < 255:
            return alpha
        pixels = pixels[..., :3]
    if pixels.ndim == 3 and pixels.shape[2] == 3:
        gray = pixels[..., :3].astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    elif pixels.ndim == 3 and pixels.shape[2] == 1:
        gray = pixels[..., 0]
    elif pixels.ndim == 2:
        gray = pixels
    else:
        raise ValueError(f"expected a 2-D, RGB or RGBA image, got shape {pixels.shape}")
    if _border_median(gray) > 127:
        gray = 255 - gray  # uint8 stays uint8: 255 - x never leaves [0, 255]
    return gray


def _border_median(gray: np.ndarray) -> float:
    border = np.concatenate([gray[0], gray[-1], gray[:, 0], gray[:, -1]])
    return float(np.median(border))


def _area_matrix(source: int, target: int) -> np.ndarray:
    """(target, source) weights: each output pixel averages the input it covers."""
    edges = np.arange(target + 1) * (source / target)
    starts, ends = edges[:-1, None], edges[1:, None]
    cells = np.arange(source)[None, :]
    overlap = np.clip(np.minimum(ends, cells + 1) - np.maximum(starts, cells), 0.0, None)
    return (overlap / overlap.sum(axis=1, keepdims=True)).astype(np.float32)


def _shift_matrix(source: int, target: int, offset: float) -> np.ndarray:
    """(target, source) linear-interpolation weights placing pixel i at i + offset."""
    distance = np.arange(target)[:, None] - (np.arange(source)[None, :] + offset)
    return np.clip(1.0 - np.abs(distance), 0.0, None).astype(np.float32)


def to_mnist(image: np.ndarray) -> np.ndarray | None:
    """Any drawing → a 28x28 float32 MNIST-style digit in [0, 1], or None if empty."""
    ink = to_grayscale_ink(image)
    inked = ink > INK_THRESHOLD
    if np.count_nonzero(inked) < max(4, MIN_INK_FRACTION * ink.size):
        return None
    rows = np.flatnonzero(inked.any(axis=1))
    cols = np.flatnonzero(inked.any(axis=0))
    crop = ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1].astype(np.float32)
    crop = np.where(crop > INK_THRESHOLD, crop, 0.0) / crop.max()

    height, width = crop.shape
    scale = DIGIT_BOX / max(height, width)
    out_h = max(1, round(height * scale))
    out_w = max(1, round(width * scale))
    row_resample = _area_matrix(height, out_h)
    col_resample = _area_matrix(width, out_w)
    digit = row_resample @ crop @ col_resample.T

    mass = digit.sum()
    centre_row = float(digit.sum(axis=1) @ np.arange(out_h)) / mass
    centre_col = float(digit.sum(axis=0) @ np.arange(out_w)) / mass
    row_shift = _shift_matrix(out_h, MNIST_SIZE, CENTRE_OF_MASS[0] - centre_row)
    col_shift = _shift_matrix(out_w, MNIST_SIZE, CENTRE_OF_MASS[1] - centre_col)
    placed = row_shift @ digit @ col_shift.T
    return np.clip(placed, 0.0, 1.0).astype(np.float32)


def to_network_input(mnist_digit: np.ndarray) -> np.ndarray:
    """A 28x28 digit in [0, 1] → the normalised 32x32 array the network takes.

    Padding happens before normalising, as in training, so the border reads as the
    same "no ink" value as the background.
    """
    padded = np.pad(np.asarray(mnist_digit, np.float32), PAD)
    return (padded - MNIST_MEAN) / MNIST_STD
