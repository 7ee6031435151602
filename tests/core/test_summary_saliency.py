import numpy as np
import torch

from cnn_desktop.core.model import Architecture, LeNet
from cnn_desktop.core.saliency import gradient_times_input
from cnn_desktop.core.summary import summarize, total_parameters


def test_summary_follows_the_course_notes_and_counts_61706():
    rows = summarize(LeNet())
    shapes = [row.shape for row in rows]
    assert shapes == [(1, 32, 32), (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5),
                      (400,), (120,), (84,), (10,), (10,)]
    assert total_parameters(rows) == 61_706
    assert {row.name: row.parameters for row in rows}["conv1"] == 6 * 25 + 6
    assert all(row.parameters == 0 for row in rows if row.name.startswith("pool"))
    assert [r.feature_stage for r in rows if r.feature_stage] == ["conv1", "pool1", "conv2",
                                                                  "pool2"]


def test_summary_changes_with_the_loaded_architecture():
    rows = summarize(LeNet(Architecture("avg", ())))
    assert [row.name for row in rows][-2:] == ["output", "softmax"]
    assert total_parameters(rows) == 156 + 2_416 + 4_010
    assert "average" in rows[2].description


def test_saliency_has_the_input_shape_ignores_blank_pixels_and_follows_the_drawing():
    torch.manual_seed(0)
    model = LeNet().eval()
    one = np.zeros((28, 28), np.float32)
    one[4:24, 13:15] = 1.0
    other = np.zeros((28, 28), np.float32)
    other[13:15, 4:24] = 1.0
    first = gradient_times_input(model, one, 3)
    assert first.shape == (28, 28) and first.dtype == np.float32
    assert not first[one == 0].any()  # no ink, no credit
    assert first[one > 0].any()
    assert not np.allclose(first, gradient_times_input(model, other, 3))
