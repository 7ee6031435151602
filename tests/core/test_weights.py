import json
import os
import pickle
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from cnn_desktop.core.model import Architecture, LeNet
from cnn_desktop.core.weights import (
    WeightsError,
    WeightsMetadata,
    load_weights,
    save_weights,
)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    torch.manual_seed(0)
    path = tmp_path / "model.safetensors"
    metadata = WeightsMetadata(Architecture("avg"), 0.991, {"epochs": 3})
    save_weights(path, LeNet(Architecture("avg")), metadata)
    return path


def test_round_trip_keeps_tensors_architecture_and_metadata(tmp_path):
    torch.manual_seed(1)
    model = LeNet(Architecture("avg", (64,)))
    path = tmp_path / "round.safetensors"
    save_weights(path, model, WeightsMetadata(Architecture("avg", (64,)), 0.9876, {"seed": 5}))
    loaded = load_weights(path)
    assert loaded.metadata.architecture == Architecture("avg", (64,))
    assert loaded.metadata.test_accuracy == pytest.approx(0.9876)
    assert loaded.metadata.training_config == {"seed": 5}
    assert loaded.metadata.created and loaded.metadata.package_version
    for name, tensor in model.state_dict().items():
        assert torch.equal(loaded.model.state_dict()[name], tensor)
    assert not loaded.model.training


def assert_refused(path: Path, reason_part: str) -> None:
    with pytest.raises(WeightsError) as caught:
        load_weights(path)
    assert caught.value.path == path
    assert path.name in str(caught.value)
    assert reason_part in caught.value.reason


def test_missing_file_is_refused_by_name(tmp_path):
    assert_refused(tmp_path / "nowhere.safetensors", "cannot be read")


def test_truncated_file_is_refused(saved):
    data = saved.read_bytes()
    saved.write_bytes(data[: len(data) // 2])
    assert_refused(saved, "not a valid safetensors file")


def test_corrupt_header_is_refused(saved):
    data = bytearray(saved.read_bytes())
    data[12:20] = b"\xff" * 8  # inside the JSON header
    saved.write_bytes(bytes(data))
    assert_refused(saved, "not a valid safetensors file")


def test_a_pickle_is_refused_and_never_runs(tmp_path):
    marker = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    path = tmp_path / "classmate.pt"
    path.write_bytes(pickle.dumps(Exploit()))
    assert_refused(path, "not a valid safetensors file")
    assert not marker.exists()


def test_safetensors_from_elsewhere_without_our_metadata_is_refused(tmp_path):
    path = tmp_path / "other.safetensors"
    save_file({"weight": torch.zeros(3)}, str(path))
    assert_refused(path, "not a cnn-desktop weights file")


def test_wrong_architecture_shapes_are_refused(tmp_path):
    path = tmp_path / "wide.safetensors"
    tensors = {k: v.contiguous() for k, v in LeNet(Architecture(hidden=(50,))).state_dict().items()}
    header = WeightsMetadata(Architecture(hidden=(120, 84))).to_header()
    save_file(tensors, str(path), metadata=header)
    assert_refused(path, "does not match the architecture")


def test_wrong_shape_for_a_known_tensor_is_refused(tmp_path):
    path = tmp_path / "shape.safetensors"
    tensors = {k: v.contiguous() for k, v in LeNet().state_dict().items()}
    tensors["conv1.weight"] = torch.zeros(6, 1, 3, 3)
    save_file(tensors, str(path), metadata=WeightsMetadata().to_header())
    assert_refused(path, "conv1.weight has shape (6, 1, 3, 3)")


def test_non_finite_values_are_refused(tmp_path):
    path = tmp_path / "nan.safetensors"
    tensors = {k: v.contiguous() for k, v in LeNet().state_dict().items()}
    tensors["conv2.bias"][0] = float("nan")
    save_file(tensors, str(path), metadata=WeightsMetadata().to_header())
    assert_refused(path, "NaN")


def test_unreadable_metadata_is_refused(tmp_path):
    path = tmp_path / "meta.safetensors"
    tensors = {k: v.contiguous() for k, v in LeNet().state_dict().items()}
    header = WeightsMetadata().to_header() | {"architecture": json.dumps({"pooling": "median"})}
    save_file(tensors, str(path), metadata=header)
    assert_refused(path, "unreadable metadata")


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.safetensors"
    with open(path, "wb") as stream:
        stream.truncate(64 * 1024 * 1024)  # sparse: costs no disk
    assert_refused(path, "too large")


def test_crash_during_save_leaves_the_previous_file_intact(saved, monkeypatch):
    before = saved.read_bytes()

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # as if Ctrl+C arrived between write and rename

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        save_weights(saved, LeNet(), WeightsMetadata())
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]  # no temporary left
    assert load_weights(saved).metadata.test_accuracy == pytest.approx(0.991)


def test_saved_files_get_the_usual_permissions_not_mkstemps_private_ones(saved):
    import stat

    from cnn_desktop.core import weights

    assert stat.S_IMODE(saved.stat().st_mode) == 0o666 & ~weights._UMASK
