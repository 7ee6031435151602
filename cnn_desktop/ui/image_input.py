"""Images from files, drops and the clipboard, turned into ink for the canvas.

Files go through the core's `read_image`, the same reader as `cnn-desktop predict`,
so a file behaves the same in the window and on the command line. Whatever the
source, the image is shrunk to at most `MAX_SIDE` (the canvas never needs more) and
converted to white ink on black by the core's own rule (dark ink on paper inverted,
transparent backgrounds read from alpha), so what the canvas shows is what is classified.
"""

from __future__ import annotations

import os
import re

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QImage

from cnn_desktop.core.image_io import MAX_PIXELS, ImageReadError, read_image
from cnn_desktop.core.preprocess import to_grayscale_ink

MAX_SIDE = 1024
# The core's reasons (core/image_io.py) are English; the window shows them translated.
READ_REASONS = (
    QT_TRANSLATE_NOOP("ImageInput", "is a folder, not an image"),
    QT_TRANSLATE_NOOP("ImageInput", "is not a regular file (a pipe or a device)"),
    QT_TRANSLATE_NOOP("ImageInput", "does not exist"),
    QT_TRANSLATE_NOOP("ImageInput", "cannot be read (permission denied)"),
    QT_TRANSLATE_NOOP("ImageInput", "is not an image in a format that can be read"),
    QT_TRANSLATE_NOOP("ImageInput", "is too large to be a drawing"),
)
_TOO_LARGE = re.compile(r"is (\d+)x(\d+) pixels, too large to be a drawing")
_DAMAGED = re.compile(r"is damaged or truncated \((.*)\)", re.DOTALL)


def _too_large(width: int, height: int) -> str:
    return QCoreApplication.translate(
        "ImageInput", "the image is {width}x{height} pixels, too large to be a drawing").format(
        width=width, height=height)


def translate_reason(name: str, reason: str) -> str:
    """A file name and the core's reason, in the interface language; unknown reasons stay."""
    if reason in READ_REASONS:
        reason = QCoreApplication.translate("ImageInput", reason)
    elif match := _TOO_LARGE.fullmatch(reason):
        reason = QCoreApplication.translate(
            "ImageInput", "is {width}x{height} pixels, too large to be a drawing").format(
            width=match.group(1), height=match.group(2))
    elif match := _DAMAGED.fullmatch(reason):
        reason = QCoreApplication.translate(
            "ImageInput", "is damaged or truncated ({error})").format(error=match.group(1))
    return QCoreApplication.translate("ImageInput", "{name} {reason}").format(
        name=name, reason=reason)


class ImageInputError(Exception):
    """An image that cannot be shown; the message is for the user."""


def _array_to_qimage(array: np.ndarray) -> QImage:
    """uint8 (H, W) or (H, W, 4) → a QImage that owns a copy of the pixels."""
    pixels = np.ascontiguousarray(array, np.uint8)
    height, width = pixels.shape[:2]
    image_format = (QImage.Format.Format_RGBA8888 if pixels.ndim == 3
                    else QImage.Format.Format_Grayscale8)
    return QImage(pixels.data, width, height, pixels.strides[0], image_format).copy()


def _qimage_to_array(image: QImage) -> np.ndarray:
    """Any QImage → uint8 RGBA (H, W, 4) numpy array (a copy)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    buffer = np.frombuffer(rgba.constBits(), np.uint8)
    rows = buffer.reshape(rgba.height(), rgba.bytesPerLine())[:, : rgba.width() * 4]
    return rows.reshape(rgba.height(), rgba.width(), 4).copy()


def ink_from_qimage(image: QImage) -> QImage:
    """Any picture → white-on-black Grayscale8 ink of at most MAX_SIDE pixels a side."""
    if image.isNull():
        raise ImageInputError(QCoreApplication.translate("ImageInput", "the image is empty"))
    if image.width() * image.height() > MAX_PIXELS:
        raise ImageInputError(_too_large(image.width(), image.height()))
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    ink = to_grayscale_ink(_qimage_to_array(image))
    return _array_to_qimage(np.clip(ink, 0, 255).astype(np.uint8))


def ink_from_file(path: str | os.PathLike[str]) -> QImage:
    """Read with the core's reader; every failure becomes an `ImageInputError`."""
    try:
        array = read_image(path)
    except ImageReadError as error:
        raise ImageInputError(translate_reason(error.path.name, error.reason)) from None
    return ink_from_qimage(_array_to_qimage(array))
