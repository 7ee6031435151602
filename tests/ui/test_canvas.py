"""The drawing widget on its own: ink, undo/redo/clear, resizing, brush and pen input."""

from __future__ import annotations

import numpy as np
import pytest
from drawing import draw, ellipse, to_widget
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPointingDevice, QTabletEvent
from PySide6.QtWidgets import QApplication

from cnn_desktop.ui.canvas import DEFAULT_BRUSH, DrawingCanvas


@pytest.fixture
def canvas(qtbot) -> DrawingCanvas:
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(400, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def ink(canvas: DrawingCanvas) -> int:
    return int((canvas.raster() > 127).sum())


def test_starts_black_and_a_mouse_stroke_draws_white_ink(canvas):
    assert canvas.raster().max() == 0
    draw(canvas, [(0.5, 0.2), (0.5, 0.8)])
    raster = canvas.raster()
    assert raster.shape == (400, 400)
    column = raster[:, 200]
    assert column[100:300].min() == 255  # along the stroke
    assert raster[200, :100].max() == 0  # and nowhere far from it


def test_default_brush_is_about_a_seventh_of_a_typical_digit(canvas):
    draw(canvas, [(0.5, 0.2), (0.5, 0.8)])
    width = int((canvas.raster()[200] > 127).sum())
    assert width == pytest.approx(DEFAULT_BRUSH / 280 * 400, abs=2)
    digit_height = 0.6 * 400
    assert 1 / 9 < width / digit_height < 1 / 5.5


def test_strokes_are_antialiased_with_round_caps(canvas):
    draw(canvas, [(0.3, 0.5), (0.7, 0.5)])
    raster = canvas.raster()
    assert len(np.unique(raster)) > 10  # grey edge pixels, not a hard binary edge
    cap = raster[:, round(0.3 * 400) - 8]  # before the start point: the round cap's ink
    assert 0 < (cap > 127).sum() < (raster[:, 200] > 127).sum()


def test_undo_redo_and_clear_work_per_stroke(canvas):
    draw(canvas, [(0.5, 0.2), (0.5, 0.8)])
    one = ink(canvas)
    draw(canvas, [(0.2, 0.5), (0.8, 0.5)])
    two = ink(canvas)
    assert two > one
    canvas.undo()
    assert ink(canvas) == one
    canvas.redo()
    assert ink(canvas) == two
    canvas.clear()
    assert ink(canvas) == 0 and canvas.history.is_blank
    canvas.undo()  # a clear can be undone too
    assert ink(canvas) == two
    canvas.undo()
    draw(canvas, ellipse())  # a new stroke forgets what was undone
    assert not canvas.history.can_redo


def test_keyboard_shortcuts_through_the_window(window, qtbot):
    canvas = window.canvas
    draw(canvas, [(0.5, 0.2), (0.5, 0.8)])
    one = ink(canvas)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ink(canvas) == 0
    qtbot.keyClick(canvas, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ink(canvas) == one
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert ink(canvas) == one
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert ink(canvas) == 0


def test_resizing_keeps_the_drawing_scaled(canvas, qtbot):
    draw(canvas, [(0.5, 0.2), (0.5, 0.8)], [(0.2, 0.5), (0.8, 0.5)])
    before = ink(canvas) / 400**2
    canvas.resize(600, 600)
    qtbot.waitUntil(lambda: canvas.raster().shape == (600, 600))
    assert ink(canvas) / 600**2 == pytest.approx(before, rel=0.05)
    assert canvas.raster()[300, 300] == 255  # the crossing is still in the middle


def test_eraser_removes_ink(canvas):
    draw(canvas, [(0.2, 0.5), (0.8, 0.5)])
    before = ink(canvas)
    canvas.erasing = True
    draw(canvas, [(0.5, 0.3), (0.5, 0.7)])
    assert canvas.raster()[200, 200] == 0
    assert 0 < ink(canvas) < before


def test_brush_width_changes_the_stroke(canvas):
    canvas.brush_width = 10
    draw(canvas, [(0.3, 0.2), (0.3, 0.8)])
    canvas.brush_width = 40
    draw(canvas, [(0.7, 0.2), (0.7, 0.8)])
    raster = canvas.raster()
    thin, thick = (raster[200, :200] > 127).sum(), (raster[200, 200:] > 127).sum()
    assert thick > 3 * thin


def _tablet(canvas: DrawingCanvas, kind, x: float, y: float, pressure: float) -> None:
    position = QPointF(to_widget(canvas, x, y))
    event = QTabletEvent(kind, QPointingDevice.primaryPointingDevice(), position,
                         QPointF(canvas.mapToGlobal(position)), pressure, 0.0, 0.0, 0.0, 0.0,
                         0.0, Qt.KeyboardModifier.NoModifier, Qt.MouseButton.LeftButton,
                         Qt.MouseButton.LeftButton)
    QApplication.sendEvent(canvas, event)


def test_tablet_pressure_sets_the_width(canvas):
    from PySide6.QtCore import QEvent

    for x, pressure in ((0.3, 0.1), (0.7, 1.0)):
        _tablet(canvas, QEvent.Type.TabletPress, x, 0.2, pressure)
        for step in range(1, 13):
            _tablet(canvas, QEvent.Type.TabletMove, x, 0.2 + step * 0.05, pressure)
        _tablet(canvas, QEvent.Type.TabletRelease, x, 0.8, pressure)
    raster = canvas.raster()
    light, firm = (raster[200, :200] > 127).sum(), (raster[200, 200:] > 127).sum()
    assert light > 0 and firm > 2.5 * light
    assert len(canvas.history.visible_steps()) == 2


def _digits(history, count: int) -> None:
    from cnn_desktop.ui.drawing_history import Clearing, Stroke

    for digit in range(count):
        for stroke in range(3):  # x says which digit, y which of its strokes
            history.push(Stroke(((digit / count, stroke / 3, 0.08),)))
        history.push(Clearing())


def test_history_stays_bounded_and_every_undo_state_is_whole():
    from cnn_desktop.ui.drawing_history import DrawingHistory

    history = DrawingHistory(limit=50)
    _digits(history, 100)
    assert len(history._done) <= 50
    states = 0
    while history.undo():
        visible = history.visible_steps()
        assert len({step.points[0][0] for step in visible}) <= 1  # one drawing at a time
        strokes = [round(step.points[0][1] * 3) for step in visible]
        assert strokes == list(range(len(strokes)))  # and all of it, never half
        states += 1
    assert states >= 40  # most of the limit is still undoable


def test_history_never_drops_what_is_visible():
    from cnn_desktop.ui.drawing_history import Clearing, DrawingHistory, Stroke

    history = DrawingHistory(limit=50)
    _digits(history, 20)
    long_drawing = [Stroke(((0.5, i / 100, 0.08),)) for i in range(80)]
    for stroke in long_drawing:
        history.push(stroke)
    assert history.visible_steps() == long_drawing
    history.push(Clearing())
    assert history.undo() and history.visible_steps() == long_drawing
