"""Weights files: safetensors only, checked on load, written atomically.

A weights file may come from a classmate, so it must never be able to run code:
safetensors holds raw tensors and a string header, nothing executable. Every way a
file can be wrong (not safetensors, truncated, corrupt, another architecture, absurd
size) ends in one `WeightsError` that names the file and the reason, so the window
and the command line can show it and carry on with the model they had.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import torch
from safetensors import safe_open
from safetensors.torch import save as safetensors_bytes

from cnn_desktop import __version__
from cnn_desktop.core.model import Architecture, LeNet, Pooling

FORMAT = "cnn-desktop/1"
MAX_WEIGHTS_BYTES = 16 * 1024 * 1024  # LeNet needs ~250 KB; anything huge is not ours


def _read_umask() -> int:
    """Read once at import: os.umask can only be read by setting it, which races threads."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()


# Why a file is refused, by kind. The window shows these in the interface language
# (cnn_desktop/ui/core_messages.py keeps the same templates for translators), so a
# reason is a kind plus its facts, not only a finished English sentence.
REASONS = {
    "unreadable": "cannot be read ({error})",
    "not_regular": "is not a regular file",
    "too_large": "is {megabytes} MB, too large for this model",
    "not_safetensors": "is not a valid safetensors file ({error})",
    "foreign": "is not a cnn-desktop weights file (no architecture)",
    "bad_metadata": "has unreadable metadata ({error})",
    "architecture": "does not match the architecture (missing {missing}, unexpected {unexpected})",
    "shape": "tensor {name} has shape {shape}, expected {expected}",
    "dtype": "tensor {name} is {dtype}, not floating point",
    "not_finite": "tensor {name} holds NaN or infinite values",
}


class WeightsError(Exception):
    """A weights file that cannot be used: the file, the kind of problem and its facts."""

    def __init__(self, path: str | os.PathLike[str], kind: str, **details: object) -> None:
        self.path = Path(path)
        self.kind = kind
        self.details = {key: str(value) for key, value in details.items()}
        self.reason = REASONS[kind].format(**self.details)
        super().__init__(f"{self.path.name}: {self.reason}")


@dataclass(frozen=True)
class WeightsMetadata:
    """What a weights file says about itself, shown in the status bar and About box."""

    architecture: Architecture = field(default_factory=Architecture)
    test_accuracy: float | None = None  # on MNIST's 10,000 test images, 0..1
    training_config: Mapping[str, object] = field(default_factory=dict)
    created: str = ""  # ISO 8601, UTC
    package_version: str = __version__

    def to_header(self) -> dict[str, str]:
        return {
            "format": FORMAT,
            "architecture": self.architecture.to_json(),
            "test_accuracy": "" if self.test_accuracy is None else repr(self.test_accuracy),
            "training_config": json.dumps(dict(self.training_config)),
            "created": self.created or datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "package_version": self.package_version,
        }

    @classmethod
    def from_header(cls, header: Mapping[str, str]) -> WeightsMetadata:
        accuracy = header.get("test_accuracy", "")
        return cls(
            architecture=Architecture.from_json(header["architecture"]),
            test_accuracy=float(accuracy) if accuracy else None,
            training_config=json.loads(header.get("training_config") or "{}"),
            created=header.get("created", ""),
            package_version=header.get("package_version", ""),
        )


@dataclass(frozen=True)
class LoadedWeights:
    """A checked model, ready for inference, with where it came from."""

    model: LeNet
    metadata: WeightsMetadata
    path: Path


def bundled_weights_path(pooling: Pooling = "max") -> Path:
    """The shipped model for a pooling kind, from the installed package."""
    return Path(str(resources.files("cnn_desktop.weights") / f"lenet-{pooling}.safetensors"))


def save_weights(path: str | os.PathLike[str], model: LeNet, metadata: WeightsMetadata) -> None:
    """Write atomically: a crash or Ctrl+C mid-save leaves the previous file intact."""
    target = Path(path)
    tensors = {name: t.detach().cpu().contiguous() for name, t in model.state_dict().items()}
    payload = safetensors_bytes(tensors, metadata=metadata.to_header())
    write_atomically(target, payload)


def write_atomically(target: Path, payload: bytes) -> None:
    """Temporary file in the same folder, flushed to disk, then renamed over the target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp's 0600 would hide it
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def load_weights(path: str | os.PathLike[str]) -> LoadedWeights:
    """Read and check a weights file; every failure is a `WeightsError`."""
    source = Path(path)
    try:
        status = source.stat()
    except OSError as error:
        raise WeightsError(source, "unreadable", error=error.strerror or error) from None
    if not stat.S_ISREG(status.st_mode):  # a named pipe would block the reader forever
        raise WeightsError(source, "not_regular")
    size = status.st_size
    if size > MAX_WEIGHTS_BYTES:
        raise WeightsError(source, "too_large", megabytes=f"{size / 2**20:.0f}")
    try:
        with safe_open(str(source), framework="pt") as stream:
            header = stream.metadata() or {}
            tensors = {name: stream.get_tensor(name) for name in stream.keys()}  # noqa: SIM118
    except Exception as error:  # safetensors raises several types for damaged files
        raise WeightsError(source, "not_safetensors", error=error) from None
    if header.get("format") != FORMAT or "architecture" not in header:
        raise WeightsError(source, "foreign")
    try:
        metadata = WeightsMetadata.from_header(header)
    except (ValueError, KeyError, TypeError) as error:
        raise WeightsError(source, "bad_metadata", error=error) from None
    model = LeNet(metadata.architecture)
    _check_tensors(source, model, tensors)
    model.load_state_dict(tensors)
    model.eval()
    return LoadedWeights(model=model, metadata=metadata, path=source)


def _check_tensors(source: Path, model: LeNet, tensors: Mapping[str, torch.Tensor]) -> None:
    expected = {name: tuple(t.shape) for name, t in model.state_dict().items()}
    missing = sorted(set(expected) - set(tensors))
    unexpected = sorted(set(tensors) - set(expected))
    if missing or unexpected:
        raise WeightsError(source, "architecture", missing=missing or "none",
                           unexpected=unexpected or "none")
    for name, shape in expected.items():
        tensor = tensors[name]
        if tuple(tensor.shape) != shape:
            raise WeightsError(source, "shape", name=name, shape=tuple(tensor.shape),
                               expected=shape)
        if not tensor.is_floating_point():
            raise WeightsError(source, "dtype", name=name, dtype=tensor.dtype)
        if not torch.isfinite(tensor).all():
            raise WeightsError(source, "not_finite", name=name)
