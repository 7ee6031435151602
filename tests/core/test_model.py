import pytest
import torch

from cnn_desktop.core.model import Architecture, LeNet


def test_every_stage_has_the_shape_from_the_course_notes():
    model = LeNet()
    logits, stages = model.forward_with_stages(torch.zeros(3, 1, 32, 32))
    assert logits.shape == (3, 10)
    assert stages["conv1"].shape == (3, 6, 28, 28)
    assert stages["pool1"].shape == (3, 6, 14, 14)
    assert stages["conv2"].shape == (3, 16, 10, 10)
    assert stages["pool2"].shape == (3, 16, 5, 5)


def test_default_model_has_61706_parameters_and_pooling_adds_none():
    count = lambda m: sum(p.numel() for p in m.parameters())  # noqa: E731
    assert count(LeNet(Architecture("max"))) == 61_706
    assert count(LeNet(Architecture("avg"))) == 61_706
    # the notes' direct 400 -> 10: 156 + 2416 + 4010
    assert count(LeNet(Architecture(hidden=()))) == 156 + 2_416 + 4_010


def test_forward_is_the_logits_of_the_staged_pass():
    model = LeNet(Architecture("avg", (32,))).eval()
    images = torch.randn(2, 1, 32, 32)
    assert torch.equal(model(images), model.forward_with_stages(images)[0])


def test_architecture_round_trips_through_json_and_rejects_nonsense():
    architecture = Architecture("avg", (50,))
    assert Architecture.from_json(architecture.to_json()) == architecture
    with pytest.raises(ValueError):
        Architecture("median")
    with pytest.raises(ValueError):
        Architecture(hidden=(0,))
