"""The live panel: the predicted digit, its probabilities, the network's input and maps.

The panel only displays `Prediction` values; it never calls the engine, so it can be
fed by the live canvas, a test, or a benchmark alike, and it keeps no state that could
disagree with the last prediction it was given.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.feature_maps import FeatureMaps
from cnn_desktop.ui.network_input_view import NetworkInputView
from cnn_desktop.ui.probability_plot import ProbabilityPlot

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
        font.setPixelSize(120)
        font.setBold(True)
        self.digit_label.setFont(font)
        self.digit_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.digit_label.setMinimumWidth(120)
        self.confidence_label = QLabel(self)
        self.confidence_label.setObjectName("confidenceLabel")
        self.confidence_label.setWordWrap(True)
        self.confidence_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence_label.setStyleSheet("font-size: 15pt;")
        self.network_input = NetworkInputView(self)
        self.probability_plot = ProbabilityPlot(self)
        self.feature_maps = FeatureMaps(self)

        summary = QWidget(self)
        grid = QGridLayout(summary)
        grid.setContentsMargins(4, 4, 4, 4)
        grid.addWidget(_caption(self.tr("Prediction"), summary), 0, 0,
                       Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.digit_label, 1, 0)
        grid.addWidget(self.confidence_label, 2, 0)
        grid.addWidget(_caption(self.tr("What the network sees (28×28)"), summary), 0, 1,
                       Qt.AlignmentFlag.AlignHCenter)
        grid.addWidget(self.network_input, 1, 1, 2, 1)
        grid.addWidget(_caption(self.tr("Probabilities (softmax)"), summary), 3, 0, 1, 2)
        grid.addWidget(self.probability_plot, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(4, 4)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("panelSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(summary)
        self.splitter.addWidget(self.feature_maps)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.set_message(self.tr("Draw a digit"))
        self._set_digit(None)

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
            # floored to 0.1 %: softmax never reaches 100 %, so never print that it does
            confidence = math.floor(prediction.confidence * 1000) / 1000
            self.set_message(self.tr("{confidence:.1%} sure").format(confidence=confidence))
        self.probability_plot.show_probabilities(prediction.probabilities, prediction.digit)
        self.network_input.show_input(prediction.network_input)
        self.feature_maps.show_activations(prediction.activations)
        self.predictionShown.emit(prediction)
