"""Live curves of a training run: loss above, accuracy below, against epochs.

Batches arrive ~10 times a second; the curves keep growing numpy buffers and redraw
with `setData`, which stays cheap for the few thousand points of a long run.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QWidget

from cnn_desktop.ui import theme


class TrainingCurves(pg.GraphicsLayoutWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lossPlot")
        self.setBackground(theme.BACKGROUND)
        self.setMinimumHeight(260)
        self.loss_plot = self.addPlot(row=0, col=0)
        self.loss_plot.setLabel("left", self.tr("training loss"))
        self.loss_plot.showGrid(x=True, y=True, alpha=0.2)
        self.accuracy_plot = self.addPlot(row=1, col=0)
        self.accuracy_plot.setLabel("left", self.tr("accuracy"))
        self.accuracy_plot.setLabel("bottom", self.tr("epoch"))
        self.accuracy_plot.setYRange(0, 1, padding=0.02)
        self.accuracy_plot.showGrid(x=True, y=True, alpha=0.2)
        self.accuracy_plot.setXLink(self.loss_plot)
        for plot in (self.loss_plot, self.accuracy_plot):
            plot.getAxis("bottom").enableAutoSIPrefix(False)  # no "epoch (x0.001)"
        legend = self.accuracy_plot.addLegend(offset=(-10, -10))
        self.loss_curve = self.loss_plot.plot(pen=pg.mkPen(theme.BAR, width=2))
        self.train_curve = self.accuracy_plot.plot(
            pen=pg.mkPen(theme.BAR, width=2), name=self.tr("training (batches)"))
        self.test_curve = self.accuracy_plot.plot(
            pen=pg.mkPen(theme.ACCENT, width=2), symbol="o", symbolBrush=theme.ACCENT,
            name=self.tr("MNIST test (epochs)"))
        legend.setLabelTextColor(theme.TEXT)
        self.reset()

    def reset(self) -> None:
        """Empty curves for a new run (not `clear`, which pyqtgraph uses for the layout)."""
        self.batch_x: list[float] = []
        self.losses: list[float] = []
        self.accuracies: list[float] = []
        self.epoch_x: list[float] = []
        self.test_accuracies: list[float] = []
        for curve in (self.loss_curve, self.train_curve, self.test_curve):
            curve.setData([], [])

    def add_batch(self, progress) -> None:
        self.batch_x.append(progress.epoch - 1 + progress.batch / progress.batches)
        self.losses.append(progress.loss)
        self.accuracies.append(progress.accuracy)
        x = np.asarray(self.batch_x)
        self.loss_curve.setData(x, np.asarray(self.losses))
        self.train_curve.setData(x, np.asarray(self.accuracies))

    def add_epoch(self, report) -> None:
        if report.test_accuracy is None:
            return
        self.epoch_x.append(float(report.epoch))
        self.test_accuracies.append(report.test_accuracy)
        self.test_curve.setData(np.asarray(self.epoch_x), np.asarray(self.test_accuracies))
