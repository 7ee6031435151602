"""Softmax probabilities as ten bars on a fixed 0-1 axis.

The bars and the label are created once and updated in place: re-creating plot items
or letting the axis re-scale on every pen move is what makes live plots flicker and lag.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.plot_repaint import item_viewport_rect

DIGITS = np.arange(10)


def format_share(value: float, percent: bool = False) -> str:
    """A probability floored to 3 digits: softmax never reaches 1, so never print that it
    does (float32 rounding can make it exactly 1.0), nor round 0.9996 up to 1.000."""
    floored = math.floor(value * 1000) / 1000
    if floored >= 0.999:
        return ">99.9%" if percent else ">0.999"
    return f"{floored:.1%}" if percent else f"{floored:.3f}"


def _grid_lines(levels: tuple[float, ...], x_range: tuple[float, float]) -> QGraphicsPathItem:
    """Faint horizontal lines at `levels`, as one plain Qt item.

    pyqtgraph's own grid (`showGrid`) is drawn by the axis across the whole plot and
    doubled the cost of every live repaint of this plot (0.97 against 0.46 ms, measured).
    """
    path = QPainterPath()
    for level in levels:
        path.moveTo(x_range[0], level)
        path.lineTo(x_range[1], level)
    colour = QColor(theme.MUTED)
    colour.setAlphaF(0.3)
    pen = QPen(colour)
    pen.setCosmetic(True)  # one pixel wide whatever the data scale
    lines = QGraphicsPathItem(path)
    lines.setPen(pen)
    lines.setZValue(-1)  # under the bars
    return lines


class ProbabilityPlot(pg.PlotWidget):
    """Ten bars; the most probable one in the accent colour, labelled with its value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, background=theme.BACKGROUND)
        self.setObjectName("probabilityPlot")
        self.setAccessibleName(self.tr("Probability of each digit"))
        self.setMinimumSize(200, 120)
        plot = self.getPlotItem()
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.setXRange(-0.6, 9.6, padding=0)
        plot.setYRange(0.0, 1.15, padding=0)  # headroom for the label over a bar at 1.0
        plot.addItem(_grid_lines((0.5, 1.0), x_range=(-0.6, 9.6)))
        bottom, left = plot.getAxis("bottom"), plot.getAxis("left")
        tick_font = QFont(self.font())
        tick_font.setPointSize(12)
        bottom.setTicks([[(int(d), str(d)) for d in DIGITS]])
        left.setTicks([[(0.0, "0"), (0.5, "0.5"), (1.0, "1")]])
        for axis in (bottom, left):
            axis.setPen(pg.mkPen(theme.MUTED))
            axis.setTextPen(pg.mkPen(theme.TEXT))
            axis.setStyle(tickFont=tick_font)
        plot.setLabel("left", self.tr("probability"), color=theme.MUTED)
        self._brushes = [pg.mkBrush(theme.BAR)] * 10
        self._accent = pg.mkBrush(theme.ACCENT)
        self._bars = pg.BarGraphItem(x=DIGITS, height=np.zeros(10), width=0.72,
                                     brushes=self._brushes, pen=pg.mkPen(None))
        plot.addItem(self._bars)
        self._view = plot.getViewBox()
        self._label = pg.TextItem(color=theme.ACCENT, anchor=(0.5, 1.0))
        font = self._label.textItem.font()
        font.setPointSize(13)
        font.setBold(True)
        self._label.setFont(font)
        plot.addItem(self._label)
        self._label.hide()

    def data_rect(self) -> QRect:
        """The viewport area the bars and label live in: all a new prediction repaints."""
        return item_viewport_rect(self, self._view)

    def show_probabilities(self, probabilities: np.ndarray, top: int | None) -> None:
        """`top` is None for an empty drawing: no highlight, no label."""
        brushes = list(self._brushes)
        if top is not None:
            brushes[top] = self._accent
            value = float(probabilities[top])
            self._label.setText(format_share(value))
            # over the bar, leaning inwards at the ends so that 0 and 9 are not clipped
            self._label.setAnchor((0.5 + (top - 4.5) / 9 * 0.8, 1.0))
            self._label.setPos(top, value + 0.01)
            self._label.show()
        else:
            self._label.hide()
        self._bars.setOpts(height=np.asarray(probabilities, np.float64), brushes=brushes)
