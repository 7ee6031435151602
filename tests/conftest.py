"""Fixtures shared by every test: offscreen Qt, and tiny MNIST-format files.

Tests never need the internet or the real MNIST: `tiny_mnist` writes a few hundred
synthetic digits in MNIST's own IDX format. Tests that need the real set are marked
`mnist` and skip when `$CNN_DESKTOP_DATA` does not point at it.
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def write_idx(path: Path, array: np.ndarray, compress: bool = False) -> Path:
    """Write a uint8 array in MNIST's IDX format (magic 0x0000 08 NDIM, big-endian dims)."""
    header = bytes([0, 0, 8, array.ndim]) + b"".join(
        int(d).to_bytes(4, "big") for d in array.shape
    )
    payload = header + np.ascontiguousarray(array, np.uint8).tobytes()
    if compress:
        path = path.with_name(path.name + ".gz")
        path.write_bytes(gzip.compress(payload))
    else:
        path.write_bytes(payload)
    return path


def synthetic_digits(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Ten fixed blob patterns plus noise: learnable in a few steps, unlike random labels."""
    templates = np.random.default_rng(1234).random((10, 28, 28)) ** 4 * 255
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, count).astype(np.uint8)
    noise = rng.normal(0, 25, (count, 28, 28))
    images = np.clip(templates[labels] + noise, 0, 255).astype(np.uint8)
    return images, labels


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory, monkeypatch) -> Path:
    """Taught samples and retrained models go to a fresh folder, never the user's own."""
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder / "cnn-desktop"


@pytest.fixture
def tiny_mnist(tmp_path: Path) -> Path:
    """A folder with the four MNIST files: 400 training and 100 test synthetic digits."""
    folder = tmp_path / "mnist"
    folder.mkdir()
    for prefix, count, seed in (("train", 400, 0), ("t10k", 100, 1)):
        images, labels = synthetic_digits(count, seed)
        write_idx(folder / f"{prefix}-images-idx3-ubyte", images, compress=prefix == "train")
        write_idx(folder / f"{prefix}-labels-idx1-ubyte", labels)
    return folder


@pytest.fixture
def real_mnist() -> Path:
    """The real MNIST folder from $CNN_DESKTOP_DATA; skips when it is not there."""
    from cnn_desktop.core.data import MnistNotFoundError, locate_mnist, resolve_data_dir

    if not os.environ.get("CNN_DESKTOP_DATA"):
        pytest.skip("CNN_DESKTOP_DATA is not set; the real MNIST is not available")
    try:
        return locate_mnist(resolve_data_dir())
    except MnistNotFoundError as error:
        pytest.skip(str(error))
