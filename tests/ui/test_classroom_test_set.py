"""The test-set explorer: confusion matrix in the background, cells, mistakes on the canvas.

Tests use the tiny synthetic MNIST from `tiny_mnist` (100 test images), passed
explicitly; the shipped model reads these blobs badly, which gives plenty of mistakes.
"""

from __future__ import annotations

import threading

import numpy as np
import pytest
import torch
from PySide6.QtCore import Qt


@pytest.fixture
def explorer(window, tiny_mnist, qtbot):
    classroom = window.classroom
    view = classroom.test_set
    view.set_data_dir(str(tiny_mnist))
    with qtbot.waitSignal(view.finished, timeout=30_000):
        classroom.show_view("testSet")  # shown: computed once for the current model
    return classroom


def shown_matrix(view) -> np.ndarray:
    return np.array([[int(view.matrix.item(r, c).text().replace(",", "") or 0)
                      for c in range(10)] for r in range(10)])


def test_results_reach_the_view_on_the_gui_thread(window, tiny_mnist, qtbot):
    """Filling the table from the worker's thread crashed the process now and then."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QApplication

    view = window.classroom.test_set
    view.set_data_dir(str(tiny_mnist))
    threads = []
    view.finished.connect(lambda: threads.append(QThread.currentThread()),
                          Qt.ConnectionType.DirectConnection)  # where _succeeded runs
    with qtbot.waitSignal(view.finished, timeout=30_000):
        window.classroom.show_view("testSet")
    assert threads == [QApplication.instance().thread()]


def test_confusion_matrix_sums_to_the_test_images(explorer, tiny_mnist):
    from cnn_desktop.core.data import load_mnist
    from cnn_desktop.core.training import evaluate

    view = explorer.test_set
    matrix = shown_matrix(view)
    assert matrix.sum() == 100
    reference = evaluate(explorer.window.engine.active.model, load_mnist(tiny_mnist, train=False))
    assert np.array_equal(matrix, reference.confusion)  # the same numbers as `evaluate`
    assert f"{int(np.trace(matrix))} of 100" in view.status.text()
    assert view.progress.isHidden()


def test_a_mistake_goes_onto_the_canvas(explorer, qtbot):
    view = explorer.test_set
    window = explorer.window
    matrix = shown_matrix(view)
    np.fill_diagonal(matrix, 0)
    true_digit, answer = np.unravel_index(np.argmax(matrix), matrix.shape)
    cell = view.matrix.visualItemRect(view.matrix.item(true_digit, answer)).center()
    qtbot.mouseClick(view.matrix.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert view.images.count() == matrix[true_digit, answer]
    assert f"a {true_digit} read as {answer}" in view.cell_label.text()
    assert window.canvas.history.is_blank
    view.images.setCurrentRow(0)
    with qtbot.waitSignal(window.predictor.predicted) as shown:
        view.load_button.click()
    assert not window.canvas.history.is_blank
    assert shown.args[0].digit is not None  # the panel shows the network's reading of it


def test_a_new_model_makes_the_matrix_recompute(explorer, qtbot):
    view = explorer.test_set
    with qtbot.waitSignal(view.finished, timeout=30_000):
        assert explorer.window.use_bundled("avg")
    assert view.model is explorer.window.engine.active.model
    assert shown_matrix(view).sum() == 100


def test_without_mnist_the_view_says_where_it_looked(window, tmp_path, qtbot):
    missing = tmp_path / "no-mnist-here"
    classroom = window.classroom
    view = classroom.test_set
    view.set_data_dir(str(missing))
    classroom.show_view("testSet")
    qtbot.waitUntil(lambda: "not found" in view.status.text(), timeout=30_000)
    assert str(missing) in view.status.text()
    assert view.compute_button.isEnabled() and view.progress.isHidden()
    assert classroom.shutdown()


def test_classifying_stops_when_cancelled(window):
    from cnn_desktop.core.data import DigitSet
    from cnn_desktop.core.test_set import ClassificationCancelled, classify_digits

    digits = DigitSet(torch.zeros(50, 28, 28, dtype=torch.uint8),
                      torch.zeros(50, dtype=torch.int64))
    cancel = threading.Event()
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        cancel.set()

    with pytest.raises(ClassificationCancelled):
        classify_digits(window.engine.active.model, digits, batch_size=10,
                        on_progress=progress, cancel=cancel)
    assert seen == [10]  # stopped at the next batch, not after all of them


def test_closing_mid_pass_joins_the_thread(explorer):
    view = explorer.test_set
    view.compute()
    assert view.runner.running or view.runner.thread is not None
    assert explorer.shutdown()  # what the window's closeEvent calls
    assert view.runner.thread is None
