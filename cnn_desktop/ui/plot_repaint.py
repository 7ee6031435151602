"""Repaint only the part of a pyqtgraph view that a new prediction changes.

The live panel repaints its views by hand, once per prediction (see
`PredictionPanel.show_prediction`). A whole viewport repaint also redraws the titles,
axes and backgrounds that never change; limiting it to the data's rectangle keeps the
pen-to-panel latency down.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QGraphicsItem


def item_viewport_rect(view: pg.GraphicsView, item: QGraphicsItem, margin: int = 2) -> QRect:
    """Where `item` lies in `view`'s viewport, grown by `margin` px for antialiased edges."""
    return view.mapFromScene(item.sceneBoundingRect()).boundingRect().adjusted(
        -margin, -margin, margin, margin)
