"""Why this answer: which pixels of the 28×28 input pushed the predicted digit up or down.

Gradient × input of the predicted digit's logit (`core.saliency`), drawn over the
network input: red pixels pushed towards the answer, blue ones away from it, grey
ink did little. The colours are symmetric around zero for each drawing; the view
only shows values, the caller decides when computing them is worth a backward pass.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.diverging import symmetric_limit

SIZE = 28
SATURATED = np.array([[60, 140, 255], [255, 59, 48]], np.float32)  # blue, red


def blend_over_digit(digit: np.ndarray, attribution: np.ndarray) -> np.ndarray:
    """RGBA: the digit in dim grey, pure red or blue where the attribution is strong
    (saturated ends rather than the pastel middle of the map: projectors wash out)."""
    limit = symmetric_limit(attribution)
    colours = np.where((attribution > 0)[..., None], SATURATED[1], SATURATED[0])
    strength = np.sqrt(np.abs(attribution) / limit)[..., None]  # weak pushes still show
    grey = (np.clip(digit, 0, 1) * 110.0)[..., None]
    rgb = grey * (1 - strength) + colours * strength
    alpha = np.full(digit.shape + (1,), 255.0, np.float32)
    return np.concatenate([rgb, alpha], axis=-1).astype(np.uint8)


class SaliencyView(QWidget):
    """The heatmap, a legend, and one line saying which digit it explains."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("saliencyView")
        self.setAccessibleName(self.tr("Why this answer"))
        self.attribution = np.zeros((SIZE, SIZE), np.float32)  # what is on show
        self.target: int | None = None
        self.plots = pg.GraphicsLayoutWidget(self)
        self.plots.setBackground(theme.BACKGROUND)
        self.plots.setMinimumSize(160, 160)
        view = self.plots.addViewBox(lockAspect=True, enableMouse=False, invertY=True)
        view.setMenuEnabled(False)
        self._image = pg.ImageItem(np.zeros((SIZE, SIZE, 4), np.uint8), axisOrder="row-major")
        view.addItem(self._image)
        frame = pg.QtWidgets.QGraphicsRectItem(0, 0, SIZE, SIZE)
        frame.setPen(pg.mkPen(theme.MUTED, width=0))
        view.addItem(frame)
        view.setRange(xRange=(0, SIZE), yRange=(0, SIZE), padding=0.02)
        self.caption = QLabel(self)
        self.caption.setObjectName("saliencyCaption")
        self.caption.setWordWrap(True)
        legend = theme.muted_note(self.tr(
            "Red pixels pushed the answer up, blue pixels pushed it down (gradient × input "
            "of its logit); blank paper counts for nothing."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.plots, 1)
        layout.addWidget(legend)
        self.show_attribution(None, np.zeros((SIZE, SIZE), np.float32), None)

    def show_attribution(self, target: int | None, attribution: np.ndarray,
                         digit: np.ndarray | None) -> None:
        """`target` None: an empty drawing, nothing to explain."""
        self.target = target
        self.attribution = attribution
        if target is None or digit is None:
            self.caption.setText(self.tr("Draw a digit to see which pixels decide."))
            self._image.setImage(np.zeros((SIZE, SIZE, 4), np.uint8), autoLevels=False)
            return
        self.caption.setText(self.tr("Why {digit}? Pixels that pushed its score up (red) or "
                                     "down (blue).").format(digit=target))
        self._image.setImage(blend_over_digit(digit, attribution), autoLevels=False)
