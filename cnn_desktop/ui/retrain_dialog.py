"""Model → Retrain…: choose, watch the curves, then use the new model or discard it.

The dialog only asks and shows; the training itself runs on `TrainingRunner`'s
thread, so drawing and live prediction keep working with the current model all the
while. Nothing changes for the user until they press "Use this model".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cnn_desktop.ui import theme
from cnn_desktop.ui.language import mnist_missing
from cnn_desktop.ui.retrain_curves import TrainingCurves
from cnn_desktop.ui.training_worker import RetrainOutcome, TrainingRequest, TrainingRunner


class RetrainDialog(QDialog):
    modelAccepted = Signal(object)  # RetrainOutcome the user chose to use
    dataDirChanged = Signal(str)  # the MNIST folder the user picked, to remember

    def __init__(self, active_model, samples, data_dir: str | None = None,
                 parent: QWidget | None = None) -> None:
        """`active_model`: the engine's ActiveModel (or None); `samples`: the user's DigitSet."""
        super().__init__(parent)
        self.setObjectName("retrainDialog")
        self.setWindowTitle(self.tr("Retrain the model"))
        self.active_model = active_model
        self.samples = samples
        self.runner = TrainingRunner(self)
        self.outcome: RetrainOutcome | None = None
        self._build(data_dir or "")
        self._check_mnist()

    # --- layout ---------------------------------------------------------------------------
    def _build(self, data_dir: str) -> None:
        from cnn_desktop.core.training import TrainingConfig

        defaults = TrainingConfig()
        form = QFormLayout()
        self.epochsSpin = self._spin("epochsSpin", 1, 200, defaults.epochs,
                                     self.tr("Passes over the training data. One pass over "
                                             "MNIST takes about 10 s here."))
        self.batchSpin = self._spin("batchSizeSpin", 8, 1024, defaults.batch_size,
                                    self.tr("Images per training step."))
        self.rateSpin = QDoubleSpinBox(objectName="learningRateSpin", decimals=5,
                                       minimum=0.00001, maximum=1.0, singleStep=0.0005,
                                       value=defaults.learning_rate)
        self.rateSpin.setToolTip(self.tr("Peak learning rate of the one-cycle schedule."))
        self.optimizerCombo = self._combo("optimizerCombo", [("Adam", "adam"), ("AdamW", "adamw"),
                                          ("SGD", "sgd")], self.tr("How the weights are updated."))
        self.poolingCombo = self._combo("poolingCombo", [(self.tr("max"), "max"),
                                        (self.tr("average"), "avg")],
                                        self.tr("Pooling kind of the new model (training from "
                                                "scratch only)."))
        self.augmentCheck = QCheckBox(self.tr("Random rotations, scalings, shifts and pen widths"),
                                      objectName="augmentCheck", checked=defaults.augment)
        self.augmentCheck.setToolTip(self.tr("Makes the model forgive the way people draw."))
        count = len(self.samples)
        self.dataCombo = self._combo("dataCombo", [
            (self.tr("MNIST"), "mnist"),
            (self.tr("MNIST + my drawings ({count})").format(count=count), "mnist+mine"),
            (self.tr("My drawings only ({count}), fine-tuning the current model").format(
                count=count), "mine"),
        ], self.tr("What to learn from."))
        self.dataCombo.currentIndexChanged.connect(self._data_choice_changed)
        self.dataDirEdit = QLineEdit(data_dir, objectName="dataDirEdit",
                                     placeholderText=self.tr("default MNIST folder"))
        self.dataDirEdit.editingFinished.connect(self._check_mnist)
        browse = QPushButton(self.tr("Choose…"), clicked=self.choose_data_dir)
        self.downloadButton = QPushButton(self.tr("Download"), objectName="downloadButton",
                                          clicked=self.download_mnist)
        self.downloadButton.setToolTip(self.tr("Download MNIST (about 11 MB) through torchvision."))
        folder_row = QHBoxLayout()
        for widget in (self.dataDirEdit, browse, self.downloadButton):
            folder_row.addWidget(widget)
        self.mnistStatus = QLabel(objectName="mnistStatus", wordWrap=True)
        for label, widget in ((self.tr("Epochs"), self.epochsSpin),
                              (self.tr("Batch size"), self.batchSpin),
                              (self.tr("Learning rate"), self.rateSpin),
                              (self.tr("Optimizer"), self.optimizerCombo),
                              (self.tr("Pooling"), self.poolingCombo),
                              (self.tr("Augmentation"), self.augmentCheck),
                              (self.tr("Data"), self.dataCombo)):
            form.addRow(label, widget)
        form.addRow(self.tr("MNIST folder"), folder_row)
        form.addRow("", self.mnistStatus)

        self.trainingProgress = QProgressBar(objectName="trainingProgress", textVisible=True)
        self.trainingProgress.setFormat(self.tr("Ready"))
        self.curves = TrainingCurves(self)  # object name "lossPlot"
        self.resultLabel = QLabel(objectName="resultLabel", wordWrap=True,
                                  textFormat=Qt.TextFormat.RichText)
        self.startTrainingButton = QPushButton(self.tr("Start"), objectName="startTrainingButton",
                                               clicked=self.start, default=True)
        self.cancelTrainingButton = QPushButton(self.tr("Cancel training"), enabled=False,
                                                objectName="cancelTrainingButton",
                                                clicked=self.cancel)
        self.useButton = QPushButton(self.tr("Use this model"), objectName="useModelButton",
                                     clicked=self.use_model, visible=False)
        self.discardButton = QPushButton(self.tr("Discard"), objectName="discardModelButton",
                                         clicked=self.discard, visible=False)
        close = QPushButton(self.tr("Close"), clicked=self.close)
        buttons = QHBoxLayout()
        for button in (self.startTrainingButton, self.cancelTrainingButton, self.useButton,
                       self.discardButton):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.trainingProgress)
        layout.addWidget(self.curves, 1)
        layout.addWidget(self.resultLabel)
        layout.addLayout(buttons)
        self.resize(720, 760)

    def _spin(self, name: str, low: int, high: int, value: int, tip: str) -> QSpinBox:
        spin = QSpinBox(objectName=name, minimum=low, maximum=high, value=value)
        spin.setToolTip(tip)
        return spin

    def _combo(self, name: str, items: list[tuple[str, str]], tip: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        for text, data in items:
            combo.addItem(text, data)
        combo.setToolTip(tip)
        return combo

    # --- data ----------------------------------------------------------------------------
    @property
    def data_dir(self) -> str | None:
        return self.dataDirEdit.text().strip() or None

    def mnist_available(self) -> bool:
        return self._check_mnist()

    @Slot()
    def _check_mnist(self) -> bool:
        from cnn_desktop.core.data import MnistNotFoundError, locate_mnist, resolve_data_dir

        try:
            folder = locate_mnist(resolve_data_dir(self.data_dir))
        except MnistNotFoundError as error:
            self.mnistStatus.setText(self.tr("{error} Or train on your drawings only.").format(
                error=mnist_missing(error)))
            self.mnistStatus.setStyleSheet(f"color: {theme.ACCENT}")
            return False
        self.mnistStatus.setText(self.tr("MNIST found in {folder}").format(folder=folder))
        self.mnistStatus.setStyleSheet(f"color: {theme.MUTED}")
        return True

    @Slot()
    def choose_data_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with the MNIST files"),
                                                  self.dataDirEdit.text())
        if folder:
            self.dataDirEdit.setText(folder)
            if self._check_mnist():
                self.dataDirChanged.emit(folder)

    @Slot()
    def download_mnist(self) -> None:
        from cnn_desktop.core.data import MnistNotFoundError, load_mnist

        self.mnistStatus.setText(self.tr("Downloading MNIST…"))
        self.repaint()
        try:
            for train in (True, False):
                load_mnist(self.data_dir, train=train, download=True)
        except MnistNotFoundError as error:
            self.mnistStatus.setText(mnist_missing(error))
            self.mnistStatus.setStyleSheet(f"color: {theme.ACCENT}")
            return
        self._check_mnist()

    @Slot()
    def _data_choice_changed(self) -> None:
        fine_tuning = self.dataCombo.currentData() == "mine"
        self.poolingCombo.setEnabled(not fine_tuning)
        if fine_tuning:  # measured by benchmarks/fine_tune.py: learns a hand, keeps MNIST
            self.rateSpin.setValue(0.001)
            self.epochsSpin.setValue(max(self.epochsSpin.value(), 30))

    # --- running -------------------------------------------------------------------------
    def config(self):
        from cnn_desktop.core.training import TrainingConfig

        fine_tuning = self.dataCombo.currentData() == "mine" and self.active_model is not None
        architecture = self.active_model.architecture if fine_tuning else None
        return TrainingConfig(
            epochs=self.epochsSpin.value(), batch_size=self.batchSpin.value(),
            learning_rate=self.rateSpin.value(), optimizer=self.optimizerCombo.currentData(),
            pooling=architecture.pooling if architecture else self.poolingCombo.currentData(),
            hidden=architecture.hidden if architecture else (120, 84),
            augment=self.augmentCheck.isChecked(),
        )

    @Slot()
    def start(self) -> None:
        import copy

        choice = self.dataCombo.currentData()
        if choice == "mine" and self.active_model is None:
            self.resultLabel.setText(self.tr("The current model is still loading."))
            return
        initial = copy.deepcopy(self.active_model.model) if self.active_model else None
        request = TrainingRequest(self.config(), choice, self.data_dir, self.samples, initial)
        self.outcome = None
        self.curves.reset()
        self.resultLabel.clear()
        self._set_running(True)
        worker = self.runner.start(request)
        worker.batchProgress.connect(self._progress)
        worker.epochFinished.connect(self.curves.add_epoch)
        worker.statusChanged.connect(self.trainingProgress.setFormat)
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)

    @Slot()
    def cancel(self) -> None:
        self.runner.cancel()
        self.trainingProgress.setFormat(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        self.startTrainingButton.setEnabled(not running)
        self.cancelTrainingButton.setEnabled(running)
        self.useButton.setVisible(False)
        self.discardButton.setVisible(False)
        for widget in (self.epochsSpin, self.batchSpin, self.rateSpin, self.optimizerCombo,
                       self.augmentCheck, self.dataCombo, self.dataDirEdit):
            widget.setEnabled(not running)
        self.poolingCombo.setEnabled(not running and self.dataCombo.currentData() != "mine")

    @Slot(object)
    def _progress(self, progress) -> None:
        done = (progress.epoch - 1) * progress.batches + progress.batch
        self.trainingProgress.setMaximum(progress.epochs * progress.batches)
        self.trainingProgress.setValue(done)
        minutes, seconds = divmod(round(progress.remaining_s), 60)
        self.trainingProgress.setFormat(
            self.tr("Epoch {epoch}/{epochs} · batch {batch}/{batches} · {m}:{s:02d} left").format(
                epoch=progress.epoch, epochs=progress.epochs, batch=progress.batch,
                batches=progress.batches, m=minutes, s=seconds))
        self.curves.add_batch(progress)

    @Slot(object)
    def _succeeded(self, outcome: RetrainOutcome) -> None:
        self.outcome = outcome
        self._set_running(False)
        self.trainingProgress.setFormat(self.tr("Finished"))
        self.resultLabel.setText(self.describe_outcome(outcome))
        self.useButton.setVisible(True)
        self.discardButton.setVisible(True)

    def describe_outcome(self, outcome: RetrainOutcome) -> str:
        def percent(value) -> str:
            return self.tr("not measured") if value is None else f"{value:.2%}"

        current = self.active_model.metadata.test_accuracy if self.active_model else None
        new = outcome.result.evaluation.accuracy if outcome.result.evaluation else None
        lines = [self.tr("MNIST test accuracy: <b>new {new}</b> · current {current}").format(
            new=percent(new), current=percent(current))]
        if outcome.held_out:
            lines.append(self.tr("On {count} of your drawings kept out of training: "
                                 "<b>new {after}</b> · current {before}").format(
                count=outcome.held_out, after=percent(outcome.mine_after),
                before=percent(outcome.mine_before)))
        return "<br>".join(lines)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.trainingProgress.setFormat(self.tr("Stopped"))
        self.resultLabel.setText(message)
        self._check_mnist()

    @Slot()
    def _cancelled(self) -> None:
        self._set_running(False)
        self.trainingProgress.setFormat(self.tr("Cancelled; the current model is unchanged"))

    @Slot()
    def use_model(self) -> None:
        if self.outcome is not None:
            self.modelAccepted.emit(self.outcome)
            self.resultLabel.setText(self.tr("The new model is in use."))
            self.outcome = None
        self.useButton.setVisible(False)
        self.discardButton.setVisible(False)

    @Slot()
    def discard(self) -> None:
        self.outcome = None
        self.useButton.setVisible(False)
        self.discardButton.setVisible(False)
        self.resultLabel.setText(self.tr("Discarded; the current model is unchanged."))

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-training cancels and joins the thread; nothing half-written stays."""
        self.runner.shutdown(2000)
        super().closeEvent(event)

    def reject(self) -> None:  # Esc
        self.runner.shutdown(2000)
        super().reject()

