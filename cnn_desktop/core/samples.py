"""The user's own digits: drawings they corrected, kept to teach the model their hand.

Each sample is one small `.npz` file (the 28x28 network input as uint8, the label, the
raw pen strokes), written atomically, so a crash while saving one sample can never
lose or corrupt the samples saved before. Files are read with `allow_pickle=False`:
an exported set from a classmate holds arrays only, never code. A damaged file is
skipped and reported; the rest still load.
"""

from __future__ import annotations

import io
import os
import uuid
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from cnn_desktop.core.data import DigitSet, user_data_dir
from cnn_desktop.core.weights import write_atomically

FORMAT = "cnn-desktop-samples/1"
SAMPLE_SUFFIX = ".npz"
MAX_BUNDLE_SAMPLES = 100_000  # an exported class set is thousands, never millions


@dataclass(frozen=True)
class Sample:
    """One corrected drawing."""

    label: int  # the right digit, 0-9
    image: np.ndarray  # (28, 28) uint8, the network input the drawing produced
    strokes: tuple[np.ndarray, ...] = ()  # (n, 3) float32 each: x, y, width (canvas units)
    identifier: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self) -> None:
        if not 0 <= int(self.label) <= 9:
            raise ValueError(f"label must be a digit 0-9, not {self.label}")
        if np.shape(self.image) != (28, 28):
            raise ValueError(f"image must be 28x28, not {np.shape(self.image)}")

    @classmethod
    def from_network_input(
        cls, label: int, digit: np.ndarray, strokes: Sequence[np.ndarray] = ()
    ) -> Sample:
        """From a `Prediction.network_input` (floats in [0, 1])."""
        image = np.clip(np.rint(np.asarray(digit) * 255), 0, 255).astype(np.uint8)
        return cls(int(label), image, tuple(np.asarray(s, np.float32) for s in strokes))


def _pack_strokes(strokes: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    lengths = np.array([len(s) for s in strokes], np.int64)
    points = np.concatenate(strokes) if strokes else np.zeros((0, 3), np.float32)
    return points.astype(np.float32).reshape(-1, 3), lengths


def bundle_bytes(samples: Sequence[Sample]) -> bytes:
    """Samples as one `.npz`: the format of a single saved sample and of an export."""
    packed = [_pack_strokes(sample.strokes) for sample in samples]
    buffer = io.BytesIO()
    np.savez_compressed(
        buffer,
        format=np.array(FORMAT),
        identifiers=np.array([s.identifier for s in samples], dtype="U32"),
        labels=np.array([s.label for s in samples], np.int64),
        images=np.stack([s.image for s in samples]).astype(np.uint8)
        if samples else np.zeros((0, 28, 28), np.uint8),
        stroke_points=np.concatenate([p for p, _ in packed]) if packed
        else np.zeros((0, 3), np.float32),
        stroke_lengths=np.concatenate([n for _, n in packed]) if packed
        else np.zeros(0, np.int64),
        strokes_per_sample=np.array([len(n) for _, n in packed], np.int64),
    )
    return buffer.getvalue()


def read_bundle(path: Path) -> list[Sample]:
    """A samples file; raises ValueError with the reason if it is damaged or foreign."""
    try:
        if not zipfile.is_zipfile(path):  # else np.load guesses "pickle" and says so
            raise zipfile.BadZipFile("not an .npz archive" if path.is_file() else "no such file")
        with np.load(path, allow_pickle=False) as data:
            if str(data["format"]) != FORMAT:
                raise ValueError("not a cnn-desktop samples file")
            identifiers, labels, images = data["identifiers"], data["labels"], data["images"]
            points, lengths = data["stroke_points"], data["stroke_lengths"]
            per_sample = data["strokes_per_sample"]
    except (KeyError, zipfile.BadZipFile, EOFError, OSError) as error:
        raise ValueError(f"not a readable samples file ({error})") from None
    count = len(labels)
    consistent = (
        count <= MAX_BUNDLE_SAMPLES
        and len(identifiers) == len(images) == len(per_sample) == count
        and images.shape[1:] == (28, 28) and images.dtype == np.uint8
        and points.ndim == 2 and points.shape[1] == 3
        and lengths.sum() == len(points) and per_sample.sum() == len(lengths)
    )
    if not consistent:
        raise ValueError("inconsistent contents")
    strokes = np.split(points, np.cumsum(lengths)[:-1]) if len(lengths) else []
    bounds = np.concatenate([[0], np.cumsum(per_sample)])
    return [
        Sample(int(labels[i]), images[i], tuple(strokes[bounds[i] : bounds[i + 1]]),
               identifier=_safe_identifier(str(identifiers[i])))
        for i in range(count)
    ]


def _safe_identifier(identifier: str) -> str:
    """Identifiers become file names: anything but our own hex ids gets a fresh one."""
    if len(identifier) == 32 and all(c in "0123456789abcdef" for c in identifier):
        return identifier
    return uuid.uuid4().hex


class SampleStore:
    """The user's samples in a folder: one file per sample, listed by digit."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or user_data_dir() / "samples"
        self.samples: list[Sample] = []
        self.problems: list[str] = []  # one line per file that could not be read

    def load(self) -> SampleStore:
        """Read every sample; damaged files are skipped and listed in `problems`."""
        self.samples, self.problems = [], []
        if not self.folder.is_dir():
            return self
        for path in sorted(self.folder.glob(f"*{SAMPLE_SUFFIX}")):
            try:
                self.samples += read_bundle(path)
            except (ValueError, OSError) as error:
                self.problems.append(f"{path.name}: {error}")
        return self

    def add(self, sample: Sample) -> None:
        """Save at once, atomically: a crash now leaves earlier samples untouched."""
        path = self.folder / f"{sample.identifier}{SAMPLE_SUFFIX}"
        write_atomically(path, bundle_bytes([sample]))
        self.samples.append(sample)

    def delete(self, identifiers: Iterable[str]) -> int:
        doomed = set(identifiers)
        for identifier in doomed:
            (self.folder / f"{_safe_identifier(identifier)}{SAMPLE_SUFFIX}").unlink(missing_ok=True)
        before = len(self.samples)
        self.samples = [s for s in self.samples if s.identifier not in doomed]
        return before - len(self.samples)

    def counts(self) -> dict[int, int]:
        tally = dict.fromkeys(range(10), 0)
        for sample in self.samples:
            tally[sample.label] += 1
        return tally

    def digit_set(self) -> DigitSet:
        images = np.stack([s.image for s in self.samples]) if self.samples else np.zeros(
            (0, 28, 28), np.uint8
        )
        labels = torch.tensor([s.label for s in self.samples], dtype=torch.int64)
        return DigitSet(torch.from_numpy(images), labels)

    def export(self, path: str | os.PathLike[str]) -> int:
        """All samples in one file, so a class can pool its handwriting."""
        write_atomically(Path(path), bundle_bytes(self.samples))
        return len(self.samples)

    def import_bundle(self, path: str | os.PathLike[str]) -> int:
        """Add the samples of an exported file; ones already here are not doubled."""
        known = {s.identifier for s in self.samples}
        added = 0
        for sample in read_bundle(Path(path)):
            if sample.identifier not in known:
                self.add(sample)
                known.add(sample.identifier)
                added += 1
        return added
