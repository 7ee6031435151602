"""The user's saved digits: browse by digit with counts, delete, export and import.

Thumbnails are the 28x28 network inputs, so the user sees exactly what the model
will learn from.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cnn_desktop.core.samples import Sample, SampleStore
from cnn_desktop.ui.core_messages import samples_problems, samples_reason

THUMBNAIL = 56


def thumbnail(sample: Sample) -> QIcon:
    image = np.ascontiguousarray(sample.image)
    qimage = QImage(image.data, 28, 28, 28, QImage.Format.Format_Grayscale8).copy()
    return QIcon(QPixmap.fromImage(qimage).scaled(THUMBNAIL, THUMBNAIL))


class SamplesView(QDialog):
    samplesChanged = Signal()  # deleted or imported: the window refreshes its counts

    def __init__(self, store: SampleStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("samplesView")
        self.setWindowTitle(self.tr("My drawings"))
        self.store = store
        self.digitFilter = QComboBox(objectName="digitFilter")
        self.digitFilter.currentIndexChanged.connect(self.refresh_list)
        self.list = QListWidget(objectName="samplesList")
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.message = QLabel(objectName="samplesMessage", wordWrap=True)
        delete = QPushButton(self.tr("Delete selected"), objectName="deleteSamplesButton",
                             clicked=self.delete_selected)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        export = QPushButton(self.tr("Export…"), objectName="exportSamplesButton",
                             clicked=lambda: self.export_to())
        import_ = QPushButton(self.tr("Import…"), objectName="importSamplesButton",
                              clicked=lambda: self.import_from())
        close = QPushButton(self.tr("Close"), clicked=self.accept)
        buttons = QHBoxLayout()
        for button in (delete, export, import_):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.digitFilter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(560, 480)
        self.refresh()
        if store.problems:
            self.message.setText(self.tr("Skipped {count} damaged file(s): {names}").format(
                count=len(store.problems), names=samples_problems(store.problems)))

    def refresh(self) -> None:
        """Rebuild the filter's counts, then the list."""
        chosen = self.digitFilter.currentData()
        counts = self.store.counts()
        self.digitFilter.blockSignals(True)
        self.digitFilter.clear()
        self.digitFilter.addItem(self.tr("All digits ({count})").format(
            count=len(self.store.samples)), None)
        for digit, count in counts.items():
            self.digitFilter.addItem(self.tr("{digit} ({count})").format(
                digit=digit, count=count), digit)
        index = self.digitFilter.findData(chosen)
        self.digitFilter.setCurrentIndex(max(0, index))
        self.digitFilter.blockSignals(False)
        self.refresh_list()

    @Slot()
    def refresh_list(self) -> None:
        digit = self.digitFilter.currentData()
        self.list.clear()
        for sample in self.store.samples:
            if digit is None or sample.label == digit:
                item = QListWidgetItem(thumbnail(sample), str(sample.label))
                item.setData(Qt.ItemDataRole.UserRole, sample.identifier)
                self.list.addItem(item)

    @Slot()
    def delete_selected(self) -> int:
        chosen = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        try:
            removed = self.store.delete(chosen)
        except OSError as error:
            self.message.setText(self.tr("Could not delete: {error}").format(error=error))
            return 0
        self.refresh()
        self.samplesChanged.emit()
        return removed

    def export_to(self, path: str | None = None) -> bool:
        path = path or QFileDialog.getSaveFileName(
            self, self.tr("Export my drawings"), "my-digits.npz",
            self.tr("Digit samples (*.npz)"))[0]
        if not path:
            return False
        try:
            count = self.store.export(path)
        except OSError as error:
            self.message.setText(self.tr("Could not export: {error}").format(error=error))
            return False
        self.message.setText(self.tr("Exported {count} drawings to {name}").format(
            count=count, name=Path(path).name))
        return True

    def import_from(self, path: str | None = None) -> bool:
        path = path or QFileDialog.getOpenFileName(
            self, self.tr("Import drawings"), "", self.tr("Digit samples (*.npz)"))[0]
        if not path:
            return False
        try:
            added = self.store.import_bundle(path)
        except (ValueError, OSError) as error:
            reason = samples_reason(str(error)) if isinstance(error, ValueError) else error
            self.message.setText(self.tr("Could not import {name}: {error}").format(
                name=Path(path).name, error=reason))
            return False
        self.message.setText(self.tr("Imported {count} new drawings").format(count=added))
        self.refresh()
        self.samplesChanged.emit()
        return True
