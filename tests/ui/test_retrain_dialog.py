"""Model → Retrain…: the dialog runs a real worker and never leaves a thread behind."""

import pytest
from PySide6.QtCore import Qt

from cnn_desktop.core.data import DigitSet
from cnn_desktop.core.engine import Engine
from cnn_desktop.ui.retrain_dialog import RetrainDialog


@pytest.fixture
def engine():
    return Engine.from_file()


@pytest.fixture
def no_samples():
    import torch

    return DigitSet(torch.zeros(0, 28, 28, dtype=torch.uint8), torch.zeros(0, dtype=torch.int64))


def make_dialog(qtbot, engine, samples, data_dir):
    dialog = RetrainDialog(engine.active, samples, str(data_dir))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.epochsSpin.setValue(2)
    dialog.batchSpin.setValue(50)
    return dialog


def test_named_widgets_exist_with_tooltips(qtbot, engine, no_samples, tiny_mnist):
    dialog = make_dialog(qtbot, engine, no_samples, tiny_mnist)
    assert dialog.objectName() == "retrainDialog"
    for name in ("epochsSpin", "startTrainingButton", "cancelTrainingButton",
                 "trainingProgress", "lossPlot"):
        assert dialog.findChild(object, name) is not None, name
    assert dialog.epochsSpin.toolTip()
    assert "MNIST found" in dialog.mnistStatus.text()


def test_a_run_shows_both_accuracies_and_use_emits_the_model(
    qtbot, engine, no_samples, tiny_mnist
):
    dialog = make_dialog(qtbot, engine, no_samples, tiny_mnist)
    qtbot.mouseClick(dialog.startTrainingButton, Qt.MouseButton.LeftButton)
    assert not dialog.startTrainingButton.isEnabled()
    qtbot.waitUntil(lambda: dialog.useButton.isVisible(), timeout=60_000)
    assert "new" in dialog.resultLabel.text() and "current 99." in dialog.resultLabel.text()
    assert dialog.trainingProgress.value() == dialog.trainingProgress.maximum()
    assert len(dialog.curves.losses) >= 2 and len(dialog.curves.test_accuracies) == 2
    with qtbot.waitSignal(dialog.modelAccepted) as accepted:
        qtbot.mouseClick(dialog.useButton, Qt.MouseButton.LeftButton)
    assert accepted.args[0].result.evaluation.confusion.sum() == 100


def test_cancel_within_a_second_keeps_nothing(qtbot, engine, no_samples, tiny_mnist):
    dialog = make_dialog(qtbot, engine, no_samples, tiny_mnist)
    dialog.epochsSpin.setValue(100)
    dialog.start()
    qtbot.waitUntil(lambda: len(dialog.curves.losses) > 0, timeout=60_000)
    qtbot.mouseClick(dialog.cancelTrainingButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.startTrainingButton.isEnabled(), timeout=1000)
    assert dialog.outcome is None and not dialog.useButton.isVisible()
    assert "Cancelled" in dialog.trainingProgress.format()


def test_closing_during_training_stops_the_thread_quickly(qtbot, engine, no_samples, tiny_mnist):
    import time

    dialog = make_dialog(qtbot, engine, no_samples, tiny_mnist)
    dialog.epochsSpin.setValue(100)
    dialog.start()
    qtbot.waitUntil(lambda: len(dialog.curves.losses) > 0, timeout=60_000)
    started = time.monotonic()
    dialog.close()
    assert time.monotonic() - started < 2.0
    assert not dialog.runner.running


def test_missing_mnist_says_where_it_looked(qtbot, engine, no_samples, tmp_path):
    dialog = make_dialog(qtbot, engine, no_samples, tmp_path / "nowhere")
    assert str(tmp_path / "nowhere") in dialog.mnistStatus.text()
    assert "drawings only" in dialog.mnistStatus.text()
