"""Read image files from anywhere into the uint8 arrays `preprocess` expects.

The command line and the window share this reader, so a file behaves the same in
both. Files come from classmates and the internet: every failure (missing, not an
image, truncated, absurdly large) becomes an `ImageReadError` with a reason a person
can act on, and a decompression bomb is refused from its header before any pixel is
decoded.
"""

from __future__ import annotations

import os
import stat
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 40_000_000  # about 6300x6300: far beyond any digit, well below a bomb
MAX_SIDE = 16_384  # a 4,000,000x3 strip is few pixels but would cost gigabytes to resample


class ImageReadError(Exception):
    """An image file that cannot be used, with the file and the reason."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name}: {reason}")


def read_image(path: str | os.PathLike[str]) -> np.ndarray:
    """Decode the first frame as uint8 grayscale (H, W) or RGBA (H, W, 4)."""
    source = Path(path)
    try:
        kind = source.stat().st_mode
        if stat.S_ISDIR(kind):
            raise ImageReadError(source, "is a folder, not an image")
        if not stat.S_ISREG(kind):  # opening a named pipe would wait for a writer forever
            raise ImageReadError(source, "is not a regular file (a pipe or a device)")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # damaged metadata: the pixels may still be fine
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(source) as picture:
                width, height = picture.size
                if width * height > MAX_PIXELS or max(width, height) > MAX_SIDE:
                    raise ImageReadError(
                        source, f"is {width}x{height} pixels, too large to be a drawing"
                    )
                picture.seek(0)
                picture.load()
                return image_to_array(picture)
    except ImageReadError:
        raise
    except FileNotFoundError:
        raise ImageReadError(source, "does not exist") from None
    except PermissionError:
        raise ImageReadError(source, "cannot be read (permission denied)") from None
    except UnidentifiedImageError:
        raise ImageReadError(source, "is not an image in a format that can be read") from None
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageReadError(source, "is too large to be a drawing") from None
    except (OSError, ValueError, SyntaxError, EOFError) as error:
        raise ImageReadError(source, f"is damaged or truncated ({error})") from None


def image_to_array(picture: Image.Image) -> np.ndarray:
    """PIL image of any mode → uint8 grayscale or RGBA, keeping 16-bit contrast."""
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "F"):
        values = np.asarray(picture, dtype=np.float64)
        finite = np.isfinite(values)  # float TIFFs may hold NaN or infinity: treat as paper
        values = np.where(finite, values, values[finite].min() if finite.any() else 0.0)
        low, high = float(values.min()), float(values.max())
        scaled = (values - low) / (high - low) * 255 if high > low else values * 0
        return scaled.astype(np.uint8)
    if picture.mode == "L":
        return np.asarray(picture, dtype=np.uint8).copy()
    has_alpha = picture.mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
    converted = picture.convert("RGBA" if has_alpha else "L")
    return np.asarray(converted, dtype=np.uint8).copy()
