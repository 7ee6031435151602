"""The confusion matrix off the GUI thread: MNIST's test set through the current model.

10,000 images take a second or two on a laptop, long enough to freeze the window, so
a worker object in a QThread does it, reporting progress per batch. A new model
makes the running pass worthless: `TestSetRunner.start` cancels it (a flag checked
every batch) and joins it before starting the next, and `shutdown` joins it when the
window closes, because a QThread destroyed while running aborts the process.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal, Slot

from cnn_desktop.ui.language import mnist_missing
from cnn_desktop.ui.worker_thread import WorkerThread


class TestSetWorker(QObject):
    __test__ = False  # a Qt worker, not a pytest class

    progress = Signal(int, int)  # images done, images in all
    succeeded = Signal(object, object)  # DigitSet (the images), ClassifiedSet
    failed = Signal(str)  # a message for the user (MNIST missing, damaged files)
    finished = Signal()  # after either, or after a cancel

    def __init__(self, model, data_dir: str | None, digits=None) -> None:
        super().__init__()
        self.model = model  # only read; a model swap installs a new object
        self.data_dir = data_dir
        self.digits = digits  # the test set when already loaded
        self.cancel_flag = threading.Event()

    @Slot()
    def run(self) -> None:
        from cnn_desktop.core.data import MnistNotFoundError, load_mnist
        from cnn_desktop.core.test_set import ClassificationCancelled, classify_digits

        try:
            digits = self.digits if self.digits is not None else load_mnist(
                self.data_dir, train=False)
            result = classify_digits(self.model, digits, on_progress=self.progress.emit,
                                     cancel=self.cancel_flag)
        except MnistNotFoundError as error:
            self.failed.emit(mnist_missing(error))
        except ClassificationCancelled:
            pass
        except Exception as error:  # a message in the view, never a crash
            self.failed.emit(self.tr("The test set could not be classified: {error}").format(
                error=error))
        else:
            self.succeeded.emit(digits, result)
        finally:
            self.finished.emit()


class TestSetRunner(WorkerThread):
    """At most one worker at a time, on its own QThread; cancelled and joined on demand."""

    __test__ = False
    thread_name = "testSetThread"
    join_timeout_ms = 5000

    def start(self, model, data_dir: str | None, digits=None) -> TestSetWorker:
        """Connect to the returned worker's signals before control returns to Qt."""
        return self.launch(TestSetWorker(model, data_dir, digits))
