"""The learned filters: conv1's 6 kernels of 5×5 and conv2's 16 × 6, in a diverging map.

Each layer is tiled into one RGBA image with transparent one-pixel gaps (one
ImageItem per layer, not 102). Colours are symmetric around zero per layer, so white
is exactly zero, red weights add the pixel under them and blue ones subtract it; the
scale is the 99th percentile of |w| (the rarer, stronger weights draw saturated).
conv2 is drawn with one column per filter and one row per input channel: each
column is everything one second-layer filter looks at.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.diverging import diverging_rgba, robust_limit

KERNEL = 5


def tile_kernels(weights: np.ndarray, limit: float) -> np.ndarray:
    """(out, in, 5, 5) → RGBA grid, rows = input channels, columns = filters, 1 px gaps."""
    outputs, inputs = weights.shape[:2]
    step = KERNEL + 1
    grid = np.zeros((inputs * step - 1, outputs * step - 1, 4), np.uint8)
    colours = diverging_rgba(weights, limit)  # (out, in, 5, 5, 4)
    for filter_index in range(outputs):
        for channel in range(inputs):
            grid[channel * step : channel * step + KERNEL,
                 filter_index * step : filter_index * step + KERNEL] = colours[filter_index,
                                                                              channel]
    return grid


class LayerKernels:
    """One layer's kernels in a view box, and what the pointer is over."""

    def __init__(self, layout: pg.GraphicsLayout, title: str) -> None:
        self.title = layout.addLabel(title, color=theme.TEXT, size="11pt", justify="left")
        layout.nextRow()
        self.view = layout.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        self.view.setMenuEnabled(False)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.view.addItem(self.image)
        layout.nextRow()
        self.weights = np.zeros((1, 1, KERNEL, KERNEL), np.float32)
        self.limit = 1.0

    def show(self, weights: np.ndarray) -> None:
        self.weights = weights
        self.limit = robust_limit(weights)
        grid = tile_kernels(weights, self.limit)
        self.image.setImage(grid, autoLevels=False)
        self.view.setRange(xRange=(0, grid.shape[1]), yRange=(0, grid.shape[0]), padding=0.02)

    def locate(self, scene_position: QPointF) -> tuple[int, int, int, int] | None:
        """(filter, channel, row, column) under a scene position, None over a gap."""
        point = self.image.mapFromScene(scene_position)
        x, y = int(np.floor(point.x())), int(np.floor(point.y()))
        outputs, inputs = self.weights.shape[:2]
        filter_index, column = divmod(x, KERNEL + 1)
        channel, row = divmod(y, KERNEL + 1)
        if (x < 0 or y < 0 or column >= KERNEL or row >= KERNEL or filter_index >= outputs
                or channel >= inputs):
            return None
        return filter_index, channel, row, column


class KernelsView(QWidget):
    """Both convolution layers' weights; pointing at a weight shows its value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kernelsView")
        self.setAccessibleName(self.tr("Convolution kernels"))
        self.plots = pg.GraphicsLayoutWidget(self)
        self.plots.setBackground(theme.BACKGROUND)
        self.layers = {
            "conv1": LayerKernels(self.plots.ci, self.tr(
                "conv1 — 6 filters of 5×5, one per map (on the 1-channel input)")),
            "conv2": LayerKernels(self.plots.ci, self.tr(
                "conv2 — 16 filters (columns), each 6 channels (rows) of 5×5")),
        }
        self.plots.ci.layout.setRowStretchFactor(1, 2)
        self.plots.ci.layout.setRowStretchFactor(3, 4)
        self.plots.scene().sigMouseMoved.connect(self._pointer_moved)
        self.scale_label = QLabel(self)
        self.scale_label.setWordWrap(True)
        self.hover_label = QLabel(self.tr("Point at a weight to read its value."), self)
        self.hover_label.setObjectName("kernelHover")
        self.hover_label.setStyleSheet(f"color: {theme.MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.plots, 1)
        layout.addWidget(self.scale_label)
        layout.addWidget(self.hover_label)

    def show_model(self, model) -> None:
        """Copy the weights out of the model: a later swap must not change the picture."""
        for name, layer in self.layers.items():
            layer.show(getattr(model, name).weight.detach().cpu().numpy().copy())
        self.scale_label.setText(self.tr(
            "Blue: negative · white: zero · red: positive. Full colour at conv1 ±{one:.2f}, "
            "conv2 ±{two:.2f} (point at a weight for its exact value).").format(
            one=self.layers["conv1"].limit, two=self.layers["conv2"].limit))

    def describe_point(self, scene_position: QPointF) -> str:
        """The weight under a scene position, in words; "" over a gap or outside."""
        for name, layer in self.layers.items():
            found = layer.locate(scene_position)
            if found is None:
                continue
            filter_index, channel, row, column = found
            value = float(layer.weights[filter_index, channel, row, column])
            return self.tr("{layer} · filter {filter} · input channel {channel} · row {row}, "
                           "column {column} · weight {value:+.3f}").format(
                layer=name, filter=filter_index + 1, channel=channel + 1, row=row + 1,
                column=column + 1, value=value)
        return ""

    def _pointer_moved(self, scene_position: QPointF) -> None:
        text = self.describe_point(scene_position)
        self.hover_label.setText(text or self.tr("Point at a weight to read its value."))
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()
