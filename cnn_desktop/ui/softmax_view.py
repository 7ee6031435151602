"""Softmax explained: the logits beside the probabilities, and a temperature to play with.

The probabilities shown are softmax(logits / T). T = 1 is what the network really
outputs; T < 1 sharpens, T > 1 flattens, and the order of the digits never changes.
It is display only: the prediction and the main panel ignore T. A last line shows
the cross-entropy training would charge if the drawing were a given digit.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QSpinBox, QVBoxLayout, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.probability_plot import format_share

DIGITS = np.arange(10)
SLIDER_STEPS = 100  # slider 0..100 → T = 10^((v − 50) / 50): 0.1 … 10, 1 in the middle


def tempered_log_softmax(logits: np.ndarray, temperature: float) -> np.ndarray:
    """ln softmax(logits / T) in float64, exact at both ends: an unlikely digit's loss is
    a number, not infinity, and a sure digit's is tiny but never exactly 0."""
    scaled = np.asarray(logits, np.float64) / temperature
    top = int(np.argmax(scaled))
    shifted = scaled - scaled[top]  # the top term is exp(0) = 1: log1p keeps the rest
    return shifted - np.log1p(np.exp(np.delete(shifted, top)).sum())


def tempered_softmax(logits: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(logits / T), shifted by the maximum so large logits cannot overflow."""
    return np.exp(tempered_log_softmax(logits, temperature)).astype(np.float32)


def _bar_plot(parent: QWidget, title: str, y_range: tuple[float, float]) -> tuple:
    """A fixed-range plot with ten bars and ten value labels, created once."""
    widget = pg.PlotWidget(parent, background=theme.BACKGROUND)
    widget.setMinimumSize(200, 150)
    plot = widget.getPlotItem()
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.setMouseEnabled(x=False, y=False)
    plot.setTitle(title, color=theme.TEXT, size="12pt")
    plot.setXRange(-0.6, 9.6, padding=0)
    plot.setYRange(*y_range, padding=0)
    plot.getAxis("bottom").setTicks([[(int(d), str(d)) for d in DIGITS]])
    for axis in (plot.getAxis("bottom"), plot.getAxis("left")):
        axis.setPen(pg.mkPen(theme.MUTED))
        axis.setTextPen(pg.mkPen(theme.TEXT))
    bars = pg.BarGraphItem(x=DIGITS, height=np.zeros(10), width=0.72,
                           brush=pg.mkBrush(theme.BAR), pen=pg.mkPen(None))
    plot.addItem(bars)
    labels = []
    for digit in DIGITS:
        label = pg.TextItem(color=theme.TEXT, anchor=(0.5, 1.0))
        label.setPos(float(digit), 0.0)
        plot.addItem(label)
        labels.append(label)
    return widget, bars, labels


class SoftmaxView(QWidget):
    """Logit bars, tempered probability bars, the temperature slider, the loss line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("softmaxView")
        self.setAccessibleName(self.tr("Softmax explained"))
        self.logits = np.zeros(10, np.float32)
        self.probabilities = np.zeros(10, np.float32)  # softmax(logits / T) on show
        self.digit: int | None = None
        self._logit_limit = 10.0
        self.logit_plot, self._logit_bars, self._logit_labels = _bar_plot(
            self, self.tr("Logits z (the last layer's raw scores)"), (-10.0, 10.0))
        self.probability_plot, self._probability_bars, self._probability_labels = _bar_plot(
            self, self.tr("softmax(z / T): probabilities"), (0.0, 1.12))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("temperatureSlider")
        self.slider.setRange(0, SLIDER_STEPS)
        self.slider.setValue(SLIDER_STEPS // 2)
        self.slider.setAccessibleName(self.tr("Softmax temperature"))
        self.slider.valueChanged.connect(self._refresh)
        self.temperature_label = QLabel(self)
        self.temperature_label.setObjectName("temperatureLabel")
        self.temperature_label.setMinimumWidth(90)
        self.true_digit = QSpinBox(self)
        self.true_digit.setObjectName("crossEntropyDigit")
        self.true_digit.setRange(0, 9)
        self.true_digit.setPrefix(self.tr("if it is a "))
        self.true_digit.valueChanged.connect(self._refresh)
        self.loss_label = QLabel(self)
        self.loss_label.setObjectName("crossEntropyLabel")
        self.loss_label.setWordWrap(True)
        note = theme.muted_note(self.tr(
            "Probabilities are in [0, 1], add up to 1 and never reach exactly 0. The "
            "temperature T only changes this picture: T < 1 sharpens, T > 1 flattens, the "
            "order of the digits stays, and the prediction does not change."), self)
        plots = QHBoxLayout()
        plots.addWidget(self.logit_plot)
        plots.addWidget(self.probability_plot)
        temperature = QHBoxLayout()
        temperature.addWidget(QLabel(self.tr("Temperature"), self))
        temperature.addWidget(self.slider, 1)
        temperature.addWidget(self.temperature_label)
        loss = QHBoxLayout()
        loss.addWidget(QLabel(self.tr("Cross-entropy"), self))
        loss.addWidget(self.true_digit)
        loss.addWidget(self.loss_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(plots, 1)
        layout.addLayout(temperature)
        layout.addLayout(loss)
        layout.addWidget(note)
        self._refresh()

    @property
    def temperature(self) -> float:
        return 10.0 ** ((self.slider.value() - SLIDER_STEPS / 2) / (SLIDER_STEPS / 2))

    def reset_scale(self) -> None:
        """A new model: let the logit axis fit its logits again."""
        self._logit_limit = 10.0
        self.logit_plot.setYRange(-10.0, 10.0, padding=0)

    def show_prediction(self, prediction) -> None:
        """Take the logits of a `Prediction`; an empty drawing shows nothing."""
        self.digit = prediction.digit
        self.logits = np.asarray(prediction.logits, np.float32)
        if self.digit is not None:
            self.true_digit.blockSignals(True)
            self.true_digit.setValue(self.digit)
            self.true_digit.blockSignals(False)
        # The axis only grows (in steps of 5), so it does not jump with every pen move.
        needed = 5.0 * math.ceil(float(np.abs(self.logits).max(initial=0.0)) * 1.15 / 5.0)
        if needed > self._logit_limit:
            self._logit_limit = needed
            self.logit_plot.setYRange(-needed, needed, padding=0)
        self._refresh()

    def _refresh(self) -> None:
        temperature = self.temperature
        self.temperature_label.setText(self.tr("T = {value:.2f}").format(value=temperature))
        empty = self.digit is None
        self.probabilities = (np.zeros(10, np.float32) if empty
                              else tempered_softmax(self.logits, temperature))
        self._logit_bars.setOpts(height=self.logits)
        self._probability_bars.setOpts(height=self.probabilities)
        top = None if empty else int(np.argmax(self.probabilities))
        for digit in DIGITS:
            logit, share = float(self.logits[digit]), float(self.probabilities[digit])
            self._logit_labels[digit].setText("" if empty else f"{logit:.1f}")
            self._logit_labels[digit].setPos(float(digit), max(logit, 0.0))
            self._probability_labels[digit].setText(
                "" if empty or share < 0.0005 else format_share(share))
            self._probability_labels[digit].setPos(float(digit), share)
            self._probability_labels[digit].setColor(theme.ACCENT if digit == top
                                                     else theme.TEXT)
        if empty:
            self.loss_label.setText(self.tr("Draw a digit."))
            return
        label = self.true_digit.value()
        loss = 0.0 - float(tempered_log_softmax(self.logits, temperature)[label])
        self.loss_label.setText(self.tr(
            "loss = −ln p({digit}) = {loss}: small when the network is sure and right, "
            "large when it is sure and wrong").format(
            digit=label, loss=f"{loss:.3f}" if loss >= 0.001 else f"{loss:.1e}"))

