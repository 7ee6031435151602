"""The live panel: the predicted digit, its probabilities, the network's input and maps.

The panel only displays `Prediction` values; it never calls the engine, so it can be
fed by the live canvas, a test, or a benchmark alike, and it keeps no state that could
disagree with the last prediction it was given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QGraphicsView,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnn_desktop.ui import theme
from cnn_desktop.ui.feature_maps import FeatureMaps
from cnn_desktop.ui.network_input_view import NetworkInputView
from cnn_desktop.ui.probability_plot import ProbabilityPlot, format_share

EMPTY_DIGIT = "–"  # an empty canvas shows no digit, not a guess


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setStyleSheet(f"color: {theme.MUTED}; font-size: 11pt;")
    return label


class PredictionPanel(QWidget):
    """Digit and confidence, network input, probability bars, and feature maps."""

    predictionShown = Signal(object)  # the Prediction now on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("predictionPanel")
        self.digit_label = QLabel(EMPTY_DIGIT, self)
        self.digit_label.setObjectName("predictionLabel")
        self.digit_label.setAccessibleName(self.tr("Predicted digit"))
        font = QFont(self.font())
        font.setPixelSize(150)
        font.setBold(True)
        self.digit_label.setFont(font)
        self.digit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence_label = QLabel(self)
        self.confidence_label.setObjectName("confidenceLabel")
        self.confidence_label.setWordWrap(True)
        self.confidence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence_label.setStyleSheet("font-size: 15pt;")
        self.network_input = NetworkInputView(self)
        self.probability_plot = ProbabilityPlot(self)
        self.feature_maps = FeatureMaps(self)

        # One row: digit, what the network sees, probabilities; the maps fill the rest.
        summary = QWidget(self)
        grid = QGridLayout(summary)
        grid.setContentsMargins(6, 6, 6, 0)
        grid.setHorizontalSpacing(14)
        captions = (self.tr("Prediction"), self.tr("What the network sees (28×28)"),
                    self.tr("Probabilities (softmax)"))
        for column, text in enumerate(captions):
            grid.addWidget(_caption(text, summary), 0, column, Qt.AlignmentFlag.AlignHCenter)
        digit_box = QVBoxLayout()
        digit_box.addWidget(self.digit_label, 1)
        digit_box.addWidget(self.confidence_label)
        grid.addLayout(digit_box, 1, 0)
        grid.addWidget(self.network_input, 1, 1)
        grid.addWidget(self.probability_plot, 1, 2)
        # Text that changes every frame must not re-flow the row (and resize the plots)
        for label in (self.digit_label, self.confidence_label):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        grid.setColumnMinimumWidth(0, 110)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 5)
        grid.setRowStretch(1, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("panelSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(summary)
        self.splitter.addWidget(self.feature_maps)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.set_message(self.tr("Draw a digit"))
        self._set_digit(None)
        # The plots repaint when a prediction arrives, all in the same frame: left to
        # their scenes, each view would repaint on its own (four window repaints per
        # prediction, measured), which costs the pen-to-panel latency a few ms.
        self._views = [self.network_input, self.probability_plot,
                       *self.feature_maps.stages.values()]
        for view in self._views:
            view.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.NoViewportUpdate)

    def set_message(self, text: str) -> None:
        """Shown under the digit while there is no prediction (loading, empty canvas)."""
        self.confidence_label.setText(text)

    def _set_digit(self, digit: int | None) -> None:
        """A palette change, not a style sheet: re-polishing on every frame costs time."""
        palette = self.digit_label.palette()
        palette.setColor(QPalette.ColorRole.WindowText,
                         QColor(theme.MUTED if digit is None else theme.ACCENT))
        self.digit_label.setPalette(palette)
        self.digit_label.setText(EMPTY_DIGIT if digit is None else str(digit))

    def show_prediction(self, prediction) -> None:
        """Display a `cnn_desktop.core.engine.Prediction` in every part of the panel."""
        self._set_digit(prediction.digit)
        if prediction.digit is None:
            self.set_message(self.tr("Draw a digit"))
        else:
            self.set_message(self.tr("{confidence} sure").format(
                confidence=format_share(prediction.confidence, percent=True)))
        self.probability_plot.show_probabilities(prediction.probabilities, prediction.digit)
        self.network_input.show_input(prediction.network_input)
        self.feature_maps.show_activations(prediction.activations)
        for view in self._views:
            if not view.isHidden():  # titles, axes and backgrounds stay as they are
                view.viewport().update(view.data_rect())
        self.predictionShown.emit(prediction)
