"""The test-set explorer: the current model's confusion matrix on MNIST's test images.

Rows are the true digits, columns the model's answers, so every mistake is off the
diagonal. Clicking a cell lists its images; a chosen image goes onto the canvas
(`imageChosen`), where the class can watch the network get it wrong and look at its
maps. Without MNIST the view says where it looked and lets the user choose a folder.
The work runs on `TestSetRunner`'s thread; the view only shows what comes back.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnn_desktop.ui import theme
from cnn_desktop.ui.test_set_worker import TestSetRunner

MAX_SHOWN = 200  # thumbnails listed per cell; the diagonal holds ~1,000 each
THUMBNAIL = 56


def digit_qimage(image: np.ndarray, side: int) -> QImage:
    """A uint8 28×28 digit (white on black) scaled smoothly to side × side."""
    pixels = np.ascontiguousarray(image, np.uint8)
    small = QImage(pixels.data, pixels.shape[1], pixels.shape[0], pixels.strides[0],
                   QImage.Format.Format_Grayscale8).copy()
    return small.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class TestSetView(QWidget):
    """Compute button and progress, the 10×10 matrix, and the images of one cell."""

    __test__ = False
    imageChosen = Signal(QImage)  # a test image to put on the canvas
    finished = Signal()  # a matrix is on show (tests and screenshots wait for it)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("testSetView")
        self.setAccessibleName(self.tr("Test-set explorer"))
        self.runner = TestSetRunner(self)
        self.model = None
        self.data_dir: str | None = None  # None: $CNN_DESKTOP_DATA or the user data folder
        self.digits = None  # the DigitSet, kept after the first load
        self.result = None  # ClassifiedSet of the current model, None when stale
        self.cell: tuple[int, int] | None = None
        self.status = QLabel(self.tr("The confusion matrix of the current model on MNIST's "
                                     "test images."), self)
        self.status.setObjectName("testSetStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("testSetProgress")
        self.progress.hide()
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.compute_button.setObjectName("testSetCompute")
        self.compute_button.clicked.connect(self.compute)
        self.folder_button = QPushButton(self.tr("Choose MNIST folder…"), self)
        self.folder_button.clicked.connect(self.choose_folder)
        self.matrix = QTableWidget(10, 10, self)
        self.matrix.setObjectName("confusionMatrix")
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        labels = [str(d) for d in range(10)]
        self.matrix.setHorizontalHeaderLabels(labels)
        self.matrix.setVerticalHeaderLabels(labels)
        for header in (self.matrix.horizontalHeader(), self.matrix.verticalHeader()):
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.cellClicked.connect(self.show_cell)
        self.cell_label = QLabel(self.tr("Rows: the true digit · columns: the model's answer. "
                                         "Click a cell to see its images."), self)
        self.cell_label.setWordWrap(True)
        self.images = QListWidget(self)
        self.images.setObjectName("testSetImages")
        self.images.setViewMode(QListWidget.ViewMode.IconMode)
        self.images.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.images.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.images.setMovement(QListWidget.Movement.Static)
        self.images.itemDoubleClicked.connect(lambda _item: self.load_selected())
        self.load_button = QPushButton(self.tr("Put on the canvas"), self)
        self.load_button.setObjectName("testSetLoad")
        self.load_button.clicked.connect(self.load_selected)
        self.images.currentItemChanged.connect(
            lambda item, _old: self.load_button.setEnabled(item is not None))
        self.load_button.setEnabled(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.compute_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        loading = QHBoxLayout()
        loading.addWidget(self.cell_label, 1)
        loading.addWidget(self.load_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        layout.addWidget(self.matrix, 3)
        layout.addLayout(loading)
        layout.addWidget(self.images, 2)

    # --- computing ------------------------------------------------------------------------
    def set_model(self, model) -> None:
        """A new model makes the matrix stale; a running pass is cancelled."""
        self.model = model
        self.result = None
        self.runner.shutdown()
        self.progress.hide()
        if self.isVisible():
            self.compute()

    def showEvent(self, event) -> None:
        """Shown for the first time, or after a model change: compute (once per model)."""
        super().showEvent(event)
        if self.result is None and not self.runner.running and self.model is not None:
            self.compute()

    def set_data_dir(self, folder: str | None) -> None:
        self.data_dir = folder
        self.digits = None

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("MNIST folder"),
                                                  self.data_dir or "")
        if folder:
            self.set_data_dir(folder)
            self.compute()

    def compute(self) -> None:
        """Classify the test set in the background (again, if the model changed)."""
        if self.model is None:
            self.status.setText(self.tr("The model is still loading."))
            return
        worker = self.runner.start(self.model, self.data_dir, self.digits)
        worker.progress.connect(self._progress)
        # Bound slots, not lambdas: PySide calls a lambda in the emitting (worker) thread,
        # and filling the table from there crashed the process now and then.
        worker.succeeded.connect(self._succeeded)
        worker.failed.connect(self._failed)
        self.progress.setValue(0)
        self.progress.show()
        self.compute_button.setEnabled(False)
        self.status.setText(self.tr("Classifying the test images…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    @Slot(object, object)
    def _succeeded(self, digits, result) -> None:
        if self.sender() is not self.runner.worker:
            return  # a pass for a model that has been replaced since
        self.digits, self.result = digits, result
        self.progress.hide()
        self.compute_button.setEnabled(True)
        self.status.setText(self.tr(
            "{correct:,} of {total:,} test images right ({accuracy:.2%}); {wrong:,} "
            "mistakes, off the diagonal.").format(
            correct=int(np.trace(result.confusion)), total=int(result.confusion.sum()),
            accuracy=result.accuracy, wrong=int(result.confusion.sum() - np.trace(
                result.confusion))))
        self._fill_matrix(result.confusion)
        if self.cell is not None:
            self.show_cell(*self.cell)
        self.finished.emit()

    @Slot(str)
    def _failed(self, message: str) -> None:
        if self.sender() is not self.runner.worker:
            return
        self.progress.hide()
        self.compute_button.setEnabled(True)
        self.status.setText(message)

    def _fill_matrix(self, confusion: np.ndarray) -> None:
        """Counts in every cell; the shade grows with the count, mistakes in red tones."""
        mistakes = confusion.copy()
        np.fill_diagonal(mistakes, 0)
        most_mistakes = max(1, int(mistakes.max()))
        for row in range(10):
            for column in range(10):
                count = int(confusion[row, column])
                item = QTableWidgetItem(f"{count:,}" if count else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row == column:
                    colour = QColor("#2f6b45")
                elif count:
                    shade = 0.25 + 0.75 * np.log1p(count) / np.log1p(most_mistakes)
                    colour = QColor.fromRgbF(0.55 * shade + 0.14, 0.14, 0.16)
                else:
                    colour = QColor(theme.BACKGROUND)
                item.setBackground(QBrush(colour))
                item.setToolTip(self.tr("{count} images of a {true} read as {predicted}").format(
                    count=count, true=row, predicted=column))
                self.matrix.setItem(row, column, item)

    # --- one cell -----------------------------------------------------------------------
    def show_cell(self, true_digit: int, predicted_digit: int) -> None:
        """List the images of one cell (the first MAX_SHOWN)."""
        self.cell = (true_digit, predicted_digit)
        self.images.clear()
        self.load_button.setEnabled(False)
        if self.result is None or self.digits is None:
            return
        indices = self.result.indices(true_digit, predicted_digit)
        shown = indices[:MAX_SHOWN]
        what = (self.tr("{count:,} images of a {true}, read correctly")
                if true_digit == predicted_digit
                else self.tr("{count:,} images of a {true} read as {predicted}"))
        text = what.format(count=len(indices), true=true_digit, predicted=predicted_digit)
        if len(shown) < len(indices):
            text += self.tr(" (the first {shown} shown)").format(shown=len(shown))
        self.cell_label.setText(text + self.tr(". Double-click one to put it on the canvas."))
        images = self.digits.images[shown].numpy()
        for index, image in zip(shown, images, strict=True):
            item = QListWidgetItem(QIcon(QPixmap.fromImage(digit_qimage(image, THUMBNAIL))),
                                   f"#{index}")
            item.setData(Qt.ItemDataRole.UserRole, int(index))
            self.images.addItem(item)

    def load_selected(self) -> bool:
        """Emit the chosen test image, scaled to canvas size, for the canvas."""
        item = self.images.currentItem()
        if item is None or self.digits is None:
            return False
        index = int(item.data(Qt.ItemDataRole.UserRole))
        self.imageChosen.emit(digit_qimage(self.digits.images[index].numpy(), 280))
        return True

    def shutdown(self) -> bool:
        return self.runner.shutdown()
