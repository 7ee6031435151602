"""A corpus of bad, odd and good image files, written fresh by each test that needs it.

Every file carries what a user must get: `DIGIT` (read as that digit), `EMPTY` (read,
no digit), `REFUSED` (a message naming the file) or `EITHER` (damaged in a way a
decoder may or may not survive: a prediction or a message, but never a crash).
"""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

DIGIT, EMPTY, REFUSED, EITHER = "digit", "empty", "refused", "either"
HUGE_SIDE = 30_000  # declared in the header, never stored: 900 million pixels


@dataclass(frozen=True)
class Case:
    path: Path
    expect: str  # DIGIT, EMPTY, REFUSED or EITHER
    digit: int | None = None  # for DIGIT


def one_picture(mode: str = "L", dark_on_light: bool = False) -> Image.Image:
    """A thick vertical bar: a "1" for every model, in any mode."""
    picture = Image.new("L", (140, 140), 255 if dark_on_light else 0)
    ImageDraw.Draw(picture).line([(70, 20), (70, 120)], fill=0 if dark_on_light else 255,
                                 width=12)
    return picture.convert(mode)


def encoded(picture: Image.Image, image_format: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return buffer.getvalue()


def sixteen_bit_png() -> bytes:
    """16-bit grayscale with the ink at 60000 of 65535: contrast must survive."""
    values = np.asarray(one_picture(), np.uint16) // 255 * 60_000
    return encoded(Image.fromarray(values.astype(np.uint16)), "PNG")


def animated_gif() -> bytes:
    """Three frames; the first (a 1) is the one to classify."""
    first = one_picture("P")
    others = [Image.new("P", (140, 140), 0) for _ in range(2)]
    return encoded(first, "GIF", save_all=True, append_images=others, duration=100, loop=0)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def huge_png_header() -> bytes:
    """A well-formed PNG declaring 30,000 x 30,000 pixels in a few hundred bytes."""
    header = struct.pack(">IIBBBBB", HUGE_SIDE, HUGE_SIDE, 8, 0, 0, 0, 0)
    rows = zlib.compress(b"\x00" * (HUGE_SIDE + 1) * 4)  # a few rows; the rest missing
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", rows)
            + png_chunk(b"IEND", b""))


def huge_bmp_header() -> bytes:
    """A real small BMP whose header claims 30,000 x 30,000 pixels."""
    data = bytearray(encoded(one_picture(), "BMP"))
    struct.pack_into("<ii", data, 18, HUGE_SIDE, HUGE_SIDE)
    return bytes(data)


def huge_gif_header() -> bytes:
    """A real GIF whose logical screen and frame claim 30,000 x 30,000 pixels."""
    data = bytearray(encoded(one_picture("P"), "GIF"))
    struct.pack_into("<HH", data, 6, HUGE_SIDE, HUGE_SIDE)
    descriptor = data.index(b"\x2c")  # the image descriptor: position, then size
    struct.pack_into("<HH", data, descriptor + 5, HUGE_SIDE, HUGE_SIDE)
    return bytes(data)


def huge_jpeg_header() -> bytes:
    """A real JPEG whose start-of-frame claims 30,000 x 30,000 pixels."""
    data = bytearray(encoded(one_picture(), "JPEG"))
    frame = data.index(b"\xff\xc0")  # SOF0: marker, length, precision, height, width
    struct.pack_into(">HH", data, frame + 5, HUGE_SIDE, HUGE_SIDE)
    return bytes(data)


def thin_strip_png() -> bytes:
    """4,000,000 x 3 pixels in 12 KB: few pixels, but an absurd side."""
    strip = np.zeros((3, 4_000_000), np.uint8)
    strip[1] = 255
    return encoded(Image.fromarray(strip), "PNG")


def float_tiff_with_nan() -> bytes:
    values = np.asarray(one_picture(), np.float32)
    values[0, :10] = np.nan
    values[1, :10] = np.inf
    return encoded(Image.fromarray(values, mode="F"), "TIFF")


def bit_flipped(data: bytes, seed: int, flips: int = 8) -> bytes:
    """Flip `flips` random bits after the signature, so the format is still recognised."""
    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(flips):
        position = rng.randrange(8, len(damaged))
        damaged[position] ^= 1 << rng.randrange(8)
    return bytes(damaged)


def good_files() -> dict[str, bytes]:
    """Valid files of the three common formats, the seeds for damage."""
    return {
        "png": encoded(one_picture(), "PNG"),
        "jpg": encoded(one_picture("RGB", dark_on_light=True), "JPEG", quality=90),
        "bmp": encoded(one_picture("RGB"), "BMP"),
    }


def write_corpus(folder: Path) -> list[Case]:
    """Write every file into `folder`; returns what each must give."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(name: str, data: bytes, expect: str, digit: int | None = None) -> None:
        path = folder / name
        path.write_bytes(data)
        cases.append(Case(path, expect, digit))

    for extension, data in good_files().items():
        add(f"good.{extension}", data, DIGIT, 1)
        add(f"zero-bytes.{extension}", b"", REFUSED)
        add(f"header-only.{extension}", data[:20], REFUSED)
        add(f"half.{extension}", data[: len(data) // 2], EITHER)
        add(f"last-bytes-missing.{extension}", data[:-10], EITHER)
        for seed in range(4):
            add(f"bit-flipped-{seed}.{extension}", bit_flipped(data, seed), EITHER)
        add(f"shopping-list.{extension}", b"eggs, milk, bread\n" * 20, REFUSED)
    add("png-named.jpg", good_files()["png"], DIGIT, 1)
    add("sixteen-bit.png", sixteen_bit_png(), DIGIT, 1)
    add("palette.png", encoded(one_picture("P"), "PNG"), DIGIT, 1)
    add("palette-transparent.png", encoded(one_picture("P"), "PNG", transparency=0), DIGIT, 1)
    add("grey-alpha.png", encoded(one_picture("LA"), "PNG"), DIGIT, 1)
    add("cmyk.jpg", encoded(one_picture("CMYK", dark_on_light=True), "JPEG"), DIGIT, 1)
    add("bilevel.bmp", encoded(one_picture("1"), "BMP"), DIGIT, 1)
    add("animated.gif", animated_gif(), DIGIT, 1)
    add("float-nan.tif", float_tiff_with_nan(), DIGIT, 1)
    add("all-black.png", encoded(Image.new("L", (200, 200), 0), "PNG"), EMPTY)
    add("one-pixel.png", encoded(Image.new("L", (1, 1), 255), "PNG"), EITHER)
    add("huge-declared.png", huge_png_header(), REFUSED)
    add("huge-declared.bmp", huge_bmp_header(), REFUSED)
    add("huge-declared.gif", huge_gif_header(), REFUSED)
    add("huge-declared.jpg", huge_jpeg_header(), REFUSED)
    add("thin-strip.png", thin_strip_png(), REFUSED)
    add("web-page.gif", b"<!doctype html><title>404</title>", REFUSED)
    folder_named_png = folder / "holiday.png"
    folder_named_png.mkdir()
    cases.append(Case(folder_named_png, REFUSED))
    if hasattr(os, "mkfifo"):  # a named pipe: opening it would wait for a writer forever
        pipe = folder / "pipe.png"
        os.mkfifo(pipe)
        cases.append(Case(pipe, REFUSED))
    return cases
