"""Weights files from a classmate or the internet: refused clearly, never run, model kept.

tests/core/test_weights.py covers the basic refusals one by one; here hypothesis
damages real weights files at random, a few nastier files are built by hand (a huge
tensor declared in a small file, a torch pickle that would run code), and every
hostile file also goes through the window and the command line, which must keep
working with the model they had.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
from drawing import draw, ellipse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QLabel
from safetensors.torch import save as safetensors_bytes

from cnn_desktop.core.model import Architecture, LeNet
from cnn_desktop.core.weights import WeightsError, WeightsMetadata, load_weights, save_weights

ROOT = Path(__file__).resolve().parents[2]


def valid_weights() -> bytes:
    torch.manual_seed(3)
    model = LeNet()
    tensors = {name: t.contiguous() for name, t in model.state_dict().items()}
    return safetensors_bytes(tensors, metadata=WeightsMetadata(test_accuracy=0.9).to_header())


VALID = valid_weights()
FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_loaded_or_refused(path: Path) -> None:
    """A usable, finite model of the declared architecture, or one WeightsError."""
    try:
        loaded = load_weights(path)
    except WeightsError as error:
        assert error.path == path and error.reason
        return
    for tensor in loaded.model.state_dict().values():
        assert torch.isfinite(tensor).all()
    logits = loaded.model(torch.zeros(1, 1, 32, 32))
    assert logits.shape == (1, 10) and torch.isfinite(logits).all()


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(VALID) - 1), st.integers(0, 7)), max_size=8))
def test_bit_flipped_weights_load_cleanly_or_are_refused(tmp_path, flips):
    data = bytearray(VALID)
    for position, bit in flips:
        data[position] ^= 1 << bit
    path = tmp_path / "flipped.safetensors"
    path.write_bytes(bytes(data))
    check_loaded_or_refused(path)


@FUZZ
@given(st.integers(0, len(VALID) - 1), st.binary(max_size=32))
def test_truncated_or_padded_weights_are_refused(tmp_path, length, tail):
    data = VALID[:length] + tail
    path = tmp_path / "cut.safetensors"
    path.write_bytes(data)
    if len(data) == len(VALID):  # the cut bytes were replaced: only their values changed
        check_loaded_or_refused(path)
        return
    with pytest.raises(WeightsError):
        load_weights(path)


@FUZZ
@given(st.binary(max_size=2048))
def test_arbitrary_bytes_are_refused(tmp_path, data):
    path = tmp_path / "random.safetensors"
    path.write_bytes(data)
    with pytest.raises(WeightsError):
        load_weights(path)


def raw_safetensors(header: dict, data: bytes = b"", header_length: int | None = None) -> bytes:
    text = json.dumps(header).encode()
    length = len(text) if header_length is None else header_length
    return struct.pack("<Q", length) + text + data


def huge_declared_tensor() -> bytes:
    """conv1.weight declared as 100,000 x 100,000 floats (40 GB) in a 1 KB file."""
    return raw_safetensors({
        "__metadata__": WeightsMetadata().to_header(),
        "conv1.weight": {"dtype": "F32", "shape": [100_000, 100_000],
                         "data_offsets": [0, 40_000_000_000]},
    }, b"\0" * 64)


def huge_declared_header() -> bytes:
    """A header length of 2^62 bytes in front of a tiny header."""
    return raw_safetensors({"__metadata__": {"format": "x"}}, header_length=2**62)


class Exploit:
    """Unpickling this creates a folder: the side effect that must never happen."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.mkdir, (str(self.marker),))


def torch_pickle(marker: Path) -> bytes:
    """A torch.save file (zip + pickle), as a .pt from a tutorial would be."""
    import io

    buffer = io.BytesIO()
    torch.save({"state_dict": LeNet().state_dict(), "payload": Exploit(marker)}, buffer)
    return buffer.getvalue()


def wrong_architecture() -> bytes:
    """Tensors of a 50-unit hidden layer under metadata that promises 120 and 84."""
    tensors = {k: v.contiguous()
               for k, v in LeNet(Architecture(hidden=(50,))).state_dict().items()}
    return safetensors_bytes(tensors, metadata=WeightsMetadata().to_header())


def wrong_dtype() -> bytes:
    """Every shape right, but integer biases: nothing a trained LeNet would hold."""
    tensors = {k: v.contiguous() for k, v in LeNet().state_dict().items()}
    tensors["conv1.bias"] = torch.zeros(6, dtype=torch.int32)
    return safetensors_bytes(tensors, metadata=WeightsMetadata().to_header())


@pytest.fixture
def hostile(tmp_path) -> tuple[dict[str, Path], Path]:
    """The hand-built hostile files by name, and the marker the pickle would create."""
    marker = tmp_path / "pickle-ran"
    files = {
        "truncated.safetensors": VALID[: len(VALID) * 2 // 3],
        "bit-flipped-header.safetensors": VALID[:9] + bytes([VALID[9] ^ 0x55]) + VALID[10:],
        "huge-tensor.safetensors": huge_declared_tensor(),
        "huge-header.safetensors": huge_declared_header(),
        "wrong-architecture.safetensors": wrong_architecture(),
        "wrong-dtype.safetensors": wrong_dtype(),
        "classmate.safetensors": torch_pickle(marker),
        "classmate.pt": torch_pickle(marker),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = tmp_path / name
        paths[name].write_bytes(data)
    if hasattr(os, "mkfifo"):  # a named pipe: reading it would wait for a writer forever
        paths["pipe.safetensors"] = tmp_path / "pipe.safetensors"
        os.mkfifo(paths["pipe.safetensors"])
    return paths, marker


def test_hand_built_hostile_files_are_refused_by_name_and_never_run(hostile):
    paths, marker = hostile
    for name, path in paths.items():
        with pytest.raises(WeightsError) as refused:
            load_weights(path)
        assert name in str(refused.value)
    assert not marker.exists()


def test_the_window_refuses_each_and_keeps_its_model(window, qtbot, hostile):
    paths, marker = hostile
    active = window.engine.active
    weights_before = {k: v.clone() for k, v in active.model.state_dict().items()}
    status_before = window.model_status.text()
    for name, path in paths.items():
        with qtbot.waitSignal(window.errorShown, timeout=5000) as message:
            assert not window.load_weights(str(path))
        assert name in message.args[0]
        assert window.engine.active is active, name
        assert window.model_status.text() == status_before
    assert not marker.exists()
    for key, tensor in active.model.state_dict().items():
        assert torch.equal(tensor, weights_before[key])
    draw(window.canvas, ellipse())
    qtbot.waitUntil(lambda: window.findChild(QLabel, "predictionLabel").text().startswith("0"))


def test_a_good_file_after_hostile_ones_still_loads(window, qtbot, tmp_path, hostile):
    paths, _ = hostile
    window.load_weights(str(paths["huge-tensor.safetensors"]))
    good = tmp_path / "good.safetensors"
    torch.manual_seed(5)
    architecture = Architecture("avg", (64,))
    save_weights(good, LeNet(architecture), WeightsMetadata(architecture))
    assert window.load_weights(str(good))
    assert window.engine.active.source == good
    assert window.engine.active.architecture == architecture


def test_predict_refuses_each_in_one_line_and_runs_nothing(hostile, tmp_path):
    paths, marker = hostile
    image = tmp_path / "blank.png"
    from PIL import Image

    Image.fromarray(np.zeros((28, 28), np.uint8)).save(image)
    script = (
        "import sys\nfrom cnn_desktop.cli import main\n"
        "codes = [main(['predict', '--weights', w, sys.argv[1]]) for w in sys.argv[2:]]\n"
        "print(codes)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(image), *map(str, paths.values())],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert result.stdout.strip() == str([2] * len(paths)), result.stderr[-2000:]
    lines = result.stderr.splitlines()
    assert len(lines) == len(paths)
    for line, name in zip(lines, paths, strict=True):
        assert line.startswith(f"cnn-desktop: cannot use weights {name}: ")
    assert not marker.exists()
