"""The 28x28 image the network really sees, after MNIST-style preprocessing.

Showing it answers "why did it read my 4 as a 9?" better than any text: it is the
drawing cropped, scaled to 20 px and centred by its centre of mass, pixel for pixel.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.plot_repaint import item_viewport_rect


class NetworkInputView(pg.GraphicsLayoutWidget):
    """Nearest-neighbour pixels on fixed levels 0..1, square, never auto-scaled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkInput")
        self.setAccessibleName(self.tr("The 28 by 28 image the network sees"))
        self.setBackground(theme.BACKGROUND)
        self.setMinimumSize(100, 100)
        self.ci.layout.setContentsMargins(0, 0, 0, 0)
        view = self.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        view.setMenuEnabled(False)
        view.setDefaultPadding(0.0)
        self._image = pg.ImageItem(np.zeros((28, 28), np.uint8), axisOrder="row-major")
        view.addItem(self._image)
        self._frame = frame = pg.QtWidgets.QGraphicsRectItem(0, 0, 28, 28)
        frame.setPen(pg.mkPen(theme.MUTED, width=0))
        view.addItem(frame)
        view.setRange(xRange=(0, 28), yRange=(0, 28), padding=0.02)

    def data_rect(self) -> QRect:
        """The viewport area of the image and its frame: all a new prediction repaints."""
        return item_viewport_rect(self, self._frame)

    def show_input(self, network_input: np.ndarray) -> None:
        """[0, 1] floats as 8-bit grey: drawn as is, with no per-paint rescaling."""
        grey = (np.clip(network_input, 0.0, 1.0) * 255 + 0.5).astype(np.uint8)
        self._image.setImage(grey, autoLevels=False)
