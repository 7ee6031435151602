"""The feature maps after each pooling layer (and, on request, before it), as grids.

Each layer's channels are tiled into one RGBA image with one-pixel transparent gaps
and shown by one ImageItem: one item per channel would cost a draw call
each, 44 of them per frame. Levels are fixed per model (see `activation_levels`) so
the colours mean the same from frame to frame instead of flickering with the maximum.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRect, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QCheckBox, QLabel, QToolTip, QVBoxLayout, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.plot_repaint import item_viewport_rect

# stage -> (channels, height, width, columns of the grid)
STAGE_LAYOUT = {
    "conv1": (6, 28, 28, 6),
    "pool1": (6, 14, 14, 6),
    "conv2": (16, 10, 10, 8),
    "pool2": (16, 5, 5, 8),
}
CONV_STAGES = ("conv1", "conv2")


class StageMaps(pg.GraphicsLayoutWidget):
    """One layer's channels as a grid; says what is under the pointer."""

    hovered = Signal(str)  # "" when the pointer is not over a map

    def __init__(self, stage: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        channels, height, width, columns = STAGE_LAYOUT[stage]
        self._grid = (-(-channels // columns), columns)
        self._tile = (height, width)
        rows = self._grid[0]
        # RGBA, coloured here with the colour map's table: pyqtgraph then draws it as is,
        # instead of rescaling floats, handling NaN gaps and applying a LUT on every paint.
        self._rgba = np.zeros((rows * (height + 1), columns * (width + 1), 4), np.uint8)
        self._lut = pg.colormap.get(theme.FEATURE_COLORMAP).getLookupTable(
            nPts=256, alpha=True)
        self._maps = np.zeros((channels, height, width), np.float32)
        self._high = 1.0
        self.setBackground(theme.BACKGROUND)
        self.ci.layout.setContentsMargins(2, 2, 2, 2)
        self.ci.layout.setSpacing(2)
        self.addLabel(title, color=theme.TEXT, size="11pt", justify="left")
        self.nextRow()
        view = self.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        view.setMenuEnabled(False)
        self._image = pg.ImageItem(axisOrder="row-major")
        view.addItem(self._image)
        view.setRange(xRange=(0, self._rgba.shape[1] - 1),
                      yRange=(0, self._rgba.shape[0] - 1), padding=0.01)
        aspect = self._rgba.shape[0] / self._rgba.shape[1]
        self.setMinimumHeight(int(34 + 100 * aspect))
        self.scene().sigMouseMoved.connect(self._pointer_moved)
        self.show_maps(self._maps)

    def set_levels(self, high: float) -> None:
        """The activation drawn brightest; fixed per model so colours do not flicker."""
        self._high = max(float(high), 1e-6)
        self.show_maps(self._maps)

    def show_maps(self, maps: np.ndarray) -> None:
        """(C, H, W) activations → the coloured grid, in place; gaps stay transparent."""
        self._maps = maps
        rows, columns = self._grid
        height, width = self._tile
        shades = np.zeros((rows * columns, height, width), np.uint8)
        np.clip(maps * (255.0 / self._high), 0, 255, out=shades[: len(maps)], casting="unsafe")
        cells = self._rgba.reshape(rows, height + 1, columns, width + 1, 4)
        cells[:, :height, :, :width] = self._lut[shades].reshape(
            rows, columns, height, width, 4).transpose(0, 2, 1, 3, 4)
        self._image.setImage(self._rgba[:-1, :-1], autoLevels=False)

    def data_rect(self) -> QRect:
        """The viewport area of the grid: all new maps repaint, not the title."""
        return item_viewport_rect(self, self._image)

    def describe_point(self, scene_position: QPointF) -> str:
        """Layer, channel and value under a scene position; "" over a gap or outside."""
        point = self._image.mapFromScene(scene_position)
        column, row = int(np.floor(point.x())), int(np.floor(point.y()))
        height, width = self._tile
        tile_row, y = divmod(row, height + 1)
        tile_column, x = divmod(column, width + 1)
        channel = tile_row * self._grid[1] + tile_column
        if (row < 0 or column < 0 or y >= height or x >= width or tile_row >= self._grid[0]
                or tile_column >= self._grid[1] or channel >= len(self._maps)):
            return ""
        value = float(self._maps[channel, y, x])
        return self.tr("{stage} · channel {channel} of {count} · row {row}, column {column}"
                       " · value {value:.3f}").format(
            stage=self.stage, channel=channel + 1, count=len(self._maps), row=y + 1,
            column=x + 1, value=value)

    def _pointer_moved(self, scene_position: QPointF) -> None:
        self.hovered.emit(self.describe_point(scene_position))


class FeatureMaps(QWidget):
    """The pooled maps of both layers; a toggle adds the convolution maps before pooling."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("featureMaps")
        self.setAccessibleName(self.tr("Feature maps"))
        titles = {
            "conv1": self.tr("conv1 — 6 maps of 28×28, before pooling"),
            "pool1": self.tr("pool1 — 6 maps of 14×14, after the first pooling"),
            "conv2": self.tr("conv2 — 16 maps of 10×10, before pooling"),
            "pool2": self.tr("pool2 — 16 maps of 5×5, after the second pooling"),
        }
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.stages: dict[str, StageMaps] = {}
        for stage, title in titles.items():
            view = StageMaps(stage, title, self)
            view.hovered.connect(self._show_hover)
            rows, columns = view._grid
            height, width = view._tile
            layout.addWidget(view, stretch=round(100 * rows * (height + 1) / (columns * width)))
            self.stages[stage] = view
        self.conv_toggle = QCheckBox(self.tr("Show the convolution maps before pooling"), self)
        self.conv_toggle.setObjectName("convMapsToggle")
        self.conv_toggle.toggled.connect(self.set_conv_visible)
        self.hover_label = QLabel(self)
        self.hover_label.setObjectName("featureMapHover")
        self.hover_label.setStyleSheet(f"color: {theme.MUTED};")
        self.hover_label.setText(self.tr("Point at a map to read its values."))
        footer = QVBoxLayout()
        footer.addWidget(self.conv_toggle)
        footer.addWidget(self.hover_label)
        layout.addLayout(footer)
        self._activations: dict[str, np.ndarray] = {}
        self.set_conv_visible(False)

    def set_conv_visible(self, visible: bool) -> None:
        for stage in CONV_STAGES:
            self.stages[stage].setVisible(visible)
        if self.conv_toggle.isChecked() != visible:
            self.conv_toggle.setChecked(visible)
        self.show_activations(self._activations)

    def set_levels(self, levels: dict[str, float]) -> None:
        for stage, view in self.stages.items():
            view.set_levels(levels.get(stage, 1.0))

    def show_activations(self, activations: dict[str, np.ndarray]) -> None:
        """Hidden conv views are skipped: they cost nothing until shown."""
        self._activations = activations
        for stage, view in self.stages.items():
            if stage in activations and not view.isHidden():
                view.show_maps(activations[stage])

    def _show_hover(self, text: str) -> None:
        self.hover_label.setText(text or self.tr("Point at a map to read its values."))
        if text:
            QToolTip.showText(QCursor.pos(), text, self)
        else:
            QToolTip.hideText()

