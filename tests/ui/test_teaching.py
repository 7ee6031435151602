"""Teach mode and retraining in the real window: nothing taught is lost, swaps are live."""

import time

import numpy as np
import pytest
from drawing import draw
from PySide6.QtCore import Qt

from cnn_desktop.core.data import load_mnist
from cnn_desktop.core.samples import SampleStore
from cnn_desktop.core.training import TrainingConfig, train
from cnn_desktop.ui.training_worker import RetrainOutcome


def draw_one(window, qtbot):
    """A vertical stroke, with real mouse events: read as a 1."""
    draw(window.canvas, [(0.5, 0.15), (0.5, 0.85)])
    window.predictor.predict_now()


def test_a_taught_drawing_survives_closing_and_reopening(make_window, qtbot,
                                                         isolated_user_data):
    window = make_window()
    draw_one(window, qtbot)
    window.teaching.panel.buttons[7].click()  # "it was a 7"
    assert "Saved as 7" in window.teaching.panel.feedback.text()
    window.close()
    reopened = make_window()
    qtbot.waitUntil(lambda: reopened.teaching.store is not None, timeout=10_000)
    samples = reopened.teaching.store.samples
    assert [s.label for s in samples] == [7]
    assert samples[0].image.shape == (28, 28) and samples[0].image.max() > 200
    assert len(samples[0].strokes) == 1  # the raw pen path came along


def test_teaching_an_empty_canvas_explains_instead_of_saving(window, qtbot):
    with qtbot.waitSignal(window.errorShown) as shown:
        window.teaching.teach(3)
    assert "Draw a digit first" in shown.args[0]
    assert window.teaching.store.samples == []


def test_a_corrupted_sample_is_skipped_with_a_message(make_window, qtbot, isolated_user_data):
    window = make_window()
    draw_one(window, qtbot)
    for digit in (1, 2, 3):
        assert window.teaching.teach(digit)
    window.close()
    damaged = sorted((isolated_user_data / "samples").glob("*.npz"))[0]
    damaged.write_bytes(b"half a file")
    messages = []
    from cnn_desktop.ui.main_window import MainWindow

    reopened = MainWindow()
    qtbot.addWidget(reopened)
    reopened.errorShown.connect(messages.append)
    reopened.show()
    qtbot.waitUntil(lambda: reopened.teaching.store is not None, timeout=60_000)
    assert len(reopened.teaching.store.samples) == 2
    assert any("damaged" in m and damaged.name in m for m in messages)


@pytest.fixture
def tiny_outcome(tiny_mnist):
    config = TrainingConfig(epochs=1, batch_size=50, hidden=(120, 84), augment=False)
    result = train(config, load_mnist(tiny_mnist, train=True), load_mnist(tiny_mnist, train=False))
    return RetrainOutcome(result, 0, None, None)


def test_using_a_new_model_swaps_it_in_live_and_remembers_it(
    make_window, qtbot, tiny_outcome, isolated_user_data
):
    window = make_window()
    draw_one(window, qtbot)
    before = window.teaching.latest.probabilities.copy()
    assert window.teaching.use_model(tiny_outcome)
    saved = isolated_user_data / "models" / "retrained.safetensors"
    assert window.engine.active.source == saved
    window.predictor.predict_now()
    assert not np.allclose(window.teaching.latest.probabilities, before)
    assert "retrained.safetensors" in window.model_status.text()
    window.close()
    again = make_window()
    assert again.engine.active.source == saved  # loaded at the next start
    again.actions_.reset_model.trigger()
    assert again.engine.active.source.name == "lenet-max.safetensors"


def test_closing_the_window_during_training_stops_it_cleanly(make_window, qtbot, tiny_mnist,
                                                             isolated_user_data):
    window = make_window()
    dialog = window.teaching.show_retrain()
    dialog.dataDirEdit.setText(str(tiny_mnist))
    dialog.epochsSpin.setValue(200)
    qtbot.mouseClick(dialog.startTrainingButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.curves.losses) > 0, timeout=60_000)
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 2.0
    assert not dialog.runner.running
    assert not (isolated_user_data / "models").exists()  # nothing half-written


def test_drawing_keeps_predicting_while_training_runs(make_window, qtbot, tiny_mnist):
    window = make_window()
    dialog = window.teaching.show_retrain()
    dialog.dataDirEdit.setText(str(tiny_mnist))
    dialog.epochsSpin.setValue(200)
    dialog.start()
    qtbot.waitUntil(lambda: len(dialog.curves.losses) > 0, timeout=60_000)
    draw_one(window, qtbot)
    assert window.teaching.latest.digit == 1
    assert dialog.runner.running
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=2000)


def full_disk(monkeypatch) -> None:
    """Every later atomic write fails as on a full disk."""
    import errno

    from cnn_desktop.core import weights

    def no_space(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(weights.os, "fsync", no_space)


def test_a_full_disk_while_teaching_says_so_and_keeps_earlier_drawings(
    make_window, qtbot, monkeypatch, isolated_user_data
):
    window = make_window()
    draw_one(window, qtbot)
    assert window.teaching.teach(1)
    full_disk(monkeypatch)
    with qtbot.waitSignal(window.errorShown) as shown:
        assert not window.teaching.teach(2)
    assert "No space left on device" in shown.args[0]
    monkeypatch.undo()
    assert [s.label for s in SampleStore(isolated_user_data / "samples").load().samples] == [1]
    assert not [p for p in (isolated_user_data / "samples").iterdir() if p.name.startswith(".")]


def test_a_full_disk_when_using_a_new_model_keeps_it_for_the_session(
    make_window, qtbot, monkeypatch, tiny_outcome, isolated_user_data
):
    window = make_window()
    full_disk(monkeypatch)
    with qtbot.waitSignal(window.errorShown) as shown:
        assert not window.teaching.use_model(tiny_outcome)
    assert "could not be saved" in shown.args[0]
    assert window.engine.active.source is None  # the new model, trained in this session
    assert window.engine.active.metadata == tiny_outcome.result.metadata
    assert not (isolated_user_data / "models" / "retrained.safetensors").exists()
