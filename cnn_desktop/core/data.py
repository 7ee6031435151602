"""MNIST and other digit sets as in-memory tensors.

MNIST comes through `torchvision.datasets.MNIST`, but from a folder the user names:
the four standard files, gzipped or not, either directly in the folder or in the
`MNIST/raw` layout torchvision's own download creates. The folder is an argument,
else `$CNN_DESKTOP_DATA`, else `<user data dir>/mnist`. Nothing is downloaded unless
asked, because classrooms are often offline and a silent download would hang there.
"""

from __future__ import annotations

import gzip
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from torchvision.datasets import MNIST

DATA_ENV = "CNN_DESKTOP_DATA"
MNIST_FILES = {
    True: ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    False: ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}


class MnistNotFoundError(Exception):
    """MNIST is not where we looked; the message says where and how to point elsewhere."""

    def __init__(self, searched: list[Path], detail: str = "") -> None:
        self.searched = searched
        places = ", ".join(str(p) for p in searched)
        super().__init__(
            f"MNIST was not found (looked in {places}){detail}. Put the four MNIST files "
            f"(train-images-idx3-ubyte[.gz] and the others) in a folder and pass it with "
            f"--data-dir, or set {DATA_ENV} to it."
        )


@dataclass(frozen=True)
class DigitSet:
    """Digits as uint8 images (N, 28, 28), white ink on black, and int64 labels (N,)."""

    images: torch.Tensor
    labels: torch.Tensor

    def __post_init__(self) -> None:
        if self.images.ndim != 3 or self.images.shape[1:] != (28, 28):
            raise ValueError(f"images must be (N, 28, 28), not {tuple(self.images.shape)}")
        if len(self.images) != len(self.labels):
            raise ValueError("images and labels differ in length")

    def __len__(self) -> int:
        return len(self.labels)

    @staticmethod
    def concatenate(*sets: DigitSet) -> DigitSet:
        return DigitSet(
            torch.cat([s.images for s in sets]), torch.cat([s.labels for s in sets])
        )


def user_data_dir() -> Path:
    """Where the app keeps the user's files (MNIST, taught samples, retrained models)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "cnn-desktop"


def resolve_data_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """The argument, else $CNN_DESKTOP_DATA, else the user data directory."""
    if data_dir is not None:
        return Path(data_dir).expanduser()
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser()
    return user_data_dir() / "mnist"


def _has_file(folder: Path, name: str) -> bool:
    return (folder / name).is_file() or (folder / f"{name}.gz").is_file()


def locate_mnist(data_dir: Path) -> Path:
    """The folder that holds the four files: `data_dir` itself or its `MNIST/raw`."""
    candidates = [data_dir, data_dir / "MNIST" / "raw"]
    for folder in candidates:
        if all(_has_file(folder, name) for names in MNIST_FILES.values() for name in names):
            return folder
    raise MnistNotFoundError(candidates)


def read_idx(path: Path) -> np.ndarray:
    """An IDX file (MNIST's format), gzipped or not, as a uint8 array."""
    if path.is_file():
        data = path.read_bytes()
    else:
        with gzip.open(path.with_name(path.name + ".gz")) as stream:
            data = stream.read()
    if len(data) < 4 or data[:2] != b"\x00\x00" or data[2] != 0x08:
        raise ValueError(f"{path.name} is not an IDX file of unsigned bytes")
    dims = data[3]
    shape = tuple(int.from_bytes(data[4 + 4 * i : 8 + 4 * i], "big") for i in range(dims))
    offset = 4 + 4 * dims
    expected = int(np.prod(shape))
    if len(data) - offset != expected:
        raise ValueError(f"{path.name} is truncated ({len(data) - offset} of {expected} bytes)")
    return np.frombuffer(data, np.uint8, offset=offset).reshape(shape)


class FolderMNIST(MNIST):
    """torchvision's MNIST, reading the four files from any folder, gzipped or not."""

    def __init__(self, folder: Path, train: bool) -> None:
        self._folder = folder
        super().__init__(str(folder), train=train, download=False)

    @property
    def raw_folder(self) -> str:
        return str(self._folder)

    def _check_exists(self) -> bool:
        return all(_has_file(self._folder, name) for name in MNIST_FILES[self.train])

    def _load_data(self) -> tuple[torch.Tensor, torch.Tensor]:
        image_name, label_name = MNIST_FILES[self.train]
        images = read_idx(self._folder / image_name)
        labels = read_idx(self._folder / label_name)
        if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
            raise ValueError(f"{image_name} and {label_name} do not belong together")
        return torch.from_numpy(images.copy()), torch.from_numpy(labels.astype(np.int64))


def load_mnist(
    data_dir: str | os.PathLike[str] | None = None, *, train: bool, download: bool = False
) -> DigitSet:
    """MNIST's training or test digits; `download=True` fetches them through torchvision."""
    root = resolve_data_dir(data_dir)
    if download:
        try:
            MNIST(str(root), train=train, download=True)
        except Exception as error:  # torchvision raises RuntimeError/URLError when offline
            raise MnistNotFoundError([root], f"; the download failed ({error})") from None
    folder = locate_mnist(root)
    try:
        dataset = FolderMNIST(folder, train=train)
    except (OSError, ValueError, EOFError) as error:
        raise MnistNotFoundError([folder], f"; the files there are damaged ({error})") from None
    return DigitSet(dataset.data, dataset.targets)
