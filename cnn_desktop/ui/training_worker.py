"""Retraining off the GUI thread: a worker object living in a QThread.

While the worker's slot runs the training loop its own event loop is blocked, so it
is cancelled through a `threading.Event` that `train` checks every batch, never
through a queued call. Everything it emits is a fresh, immutable value (the core's
progress records, a result whose model nothing else touches), so the GUI thread can
keep what it receives. `TrainingRunner` owns the thread and joins it on shutdown: a
QThread destroyed while running aborts the whole process.

Training uses one torch thread, on purpose. With every core, an epoch is faster (6.8
against 9.5 s here), but drawing while it trains suffers: pen-to-panel p95 went from
10 to 23 ms (`benchmarks/ui_latency.py --while-training`, 2 cores). The window stays
live first; `cnn-desktop train` uses every core.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from cnn_desktop.ui.language import mnist_missing
from cnn_desktop.ui.worker_thread import WorkerThread

PROGRESS_INTERVAL_S = 0.1  # batches finish ~150 times a second; the eye needs ~10


@dataclass(frozen=True)
class TrainingRequest:
    """What the dialog asks for; data is loaded on the worker thread, not the GUI's."""

    config: object  # cnn_desktop.core.training.TrainingConfig
    data: str  # a cnn_desktop.core.training_data.DataChoice value
    data_dir: str | None  # MNIST folder; None for the default lookup
    samples: object  # DigitSet of the user's digits (already in memory)
    initial_model: object | None  # the current LeNet, copied, for fine-tuning


@dataclass(frozen=True)
class RetrainOutcome:
    """The trained model, and how both models do on drawings the training never saw."""

    result: object  # TrainingResult: the model, its metadata and MNIST test evaluation
    held_out: int  # how many of the user's drawings were kept out of training
    mine_before: float | None  # the current model's accuracy on them
    mine_after: float | None  # the new model's accuracy on them


class TrainingWorker(QObject):
    batchProgress = Signal(object)  # BatchProgress, at most ~10 a second
    epochFinished = Signal(object)  # EpochReport
    statusChanged = Signal(str)  # "Loading MNIST…" and the like
    succeeded = Signal(object)  # RetrainOutcome
    failed = Signal(str)  # a message for the user
    cancelled = Signal()
    finished = Signal()  # after any of the three above

    def __init__(self, request: TrainingRequest) -> None:
        super().__init__()
        self.request = request
        self.cancel_flag = threading.Event()
        self._last_progress = 0.0

    @Slot()
    def run(self) -> None:
        try:
            self._train()
        except Exception as error:  # anything unexpected is a message, never a crash
            self.failed.emit(self.tr("Training failed: {error}").format(error=error))
        finally:
            self.finished.emit()

    def _train(self) -> None:
        import torch

        from cnn_desktop.core.data import MnistNotFoundError, load_mnist
        from cnn_desktop.core.training import (
            TrainingCallbacks,
            TrainingCancelled,
            evaluate,
            train,
        )
        from cnn_desktop.core.training_data import DataChoice, assemble, split_held_out

        torch.set_num_threads(1)  # see the module docstring: drawing stays smooth
        request = self.request
        choice = DataChoice(request.data)
        mnist_train = mnist_test = None
        self.statusChanged.emit(self.tr("Loading MNIST…"))
        try:
            if choice is not DataChoice.MINE_ONLY:
                mnist_train = load_mnist(request.data_dir, train=True)
            mnist_test = load_mnist(request.data_dir, train=False)
        except MnistNotFoundError as error:
            if choice is not DataChoice.MINE_ONLY:
                self.failed.emit(mnist_missing(error))
                return
            # fine-tuning on the user's digits works without MNIST; no test figure then
        mine, held_out = split_held_out(request.samples)
        if choice is DataChoice.MINE_ONLY and len(mine) == 0:
            self.failed.emit(self.tr("There are no saved drawings yet: teach some digits "
                                     "first, or train on MNIST."))
            return
        train_set = assemble(choice, mnist_train, mine)
        self.statusChanged.emit(self.tr("Training…"))
        try:
            result = train(
                request.config, train_set, mnist_test,
                callbacks=TrainingCallbacks(on_batch=self._batch, on_epoch=self.epochFinished.emit),
                cancel=self.cancel_flag,
                initial_model=request.initial_model if choice is DataChoice.MINE_ONLY else None,
            )
        except TrainingCancelled:
            self.cancelled.emit()
            return
        before = after = None
        if len(held_out) and choice is not DataChoice.MNIST:
            after = evaluate(result.model, held_out).accuracy
            if request.initial_model is not None:
                before = evaluate(request.initial_model, held_out).accuracy
        self.succeeded.emit(RetrainOutcome(result, len(held_out), before, after))

    def _batch(self, progress) -> None:
        now = time.monotonic()
        if progress.batch == progress.batches or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self.batchProgress.emit(progress)


class TrainingRunner(WorkerThread):
    """Runs one `TrainingWorker` at a time on its own QThread."""

    thread_name = "trainingThread"

    def start(self, request: TrainingRequest) -> TrainingWorker:
        """Connect to the returned worker's signals before control returns to Qt."""
        return self.launch(TrainingWorker(request))
