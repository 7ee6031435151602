"""The drawing widget: white ink on a black square, like an MNIST digit.

Strokes are painted incrementally into a `Format_Grayscale8` QImage, one short
segment per pen sample, so a move costs a fraction of a millisecond however long the
stroke is; the engine reads that image through a numpy view without a copy. The
strokes themselves are kept (see `drawing_history`) so undo, redo and resizing
re-render the drawing exactly.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTabletEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from cnn_desktop.ui import theme
from cnn_desktop.ui.drawing_history import Clearing, DrawingHistory, Picture, Stroke

REFERENCE_SIDE = 280  # brush widths are given in pixels of a 280 px canvas (MNIST x 10)
DEFAULT_BRUSH = 22  # ~1/7 of a digit drawn 150-170 px tall there: MNIST's stroke width
BRUSH_RANGE = (6, 48)
INK, PAPER = 255, 0


class DrawingCanvas(QWidget):
    """Mouse, tablet (pressure sets the width) and touch (as synthesised mouse) input."""

    changed = Signal()  # the raster changed: on every pen sample, undo, redo, clear, resize
    strokeFinished = Signal()  # the pen lifted: the final state to classify
    historyChanged = Signal()  # undo or redo availability may have changed
    fileDropped = Signal(str)  # a local file dropped onto the canvas
    imageDropped = Signal(QImage)  # image data dropped (e.g. from a browser)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("canvas")
        self.setAccessibleName(self.tr("Drawing canvas"))
        self.setMinimumSize(200, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAcceptDrops(True)
        self.setMouseTracking(True)  # to show the brush outline before drawing
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._history = DrawingHistory()
        self._stroke: list[tuple[float, float, float]] | None = None
        self._brush = DEFAULT_BRUSH
        self._erasing = False
        self._hover: QPointF | None = None
        self.revision = 0  # increases with every change; lets a benchmark match frames
        self._raster = QImage()
        self._allocate_raster()

    # --- state the window reads and sets -------------------------------------------------
    @property
    def brush_width(self) -> int:
        """In pixels of a 280 px canvas, so the same value fits every window size."""
        return self._brush

    @brush_width.setter
    def brush_width(self, width: int) -> None:
        self._brush = int(min(max(width, BRUSH_RANGE[0]), BRUSH_RANGE[1]))
        self.update()

    @property
    def erasing(self) -> bool:
        return self._erasing

    @erasing.setter
    def erasing(self, on: bool) -> None:
        self._erasing = bool(on)

    @property
    def history(self) -> DrawingHistory:
        return self._history

    def raster(self) -> np.ndarray:
        """The drawing as a (H, W) uint8 numpy view of the image: read it, do not keep it."""
        width, height = self._raster.width(), self._raster.height()
        buffer = np.frombuffer(self._raster.constBits(), np.uint8)
        return buffer.reshape(height, self._raster.bytesPerLine())[:, :width]

    def image(self) -> QImage:
        """A copy of the drawing, for saving."""
        return self._raster.copy()

    # --- editing -----------------------------------------------------------------------
    @Slot()
    def undo(self) -> None:
        self._finish_stroke()
        if self._history.undo():
            self._rerender()

    @Slot()
    def redo(self) -> None:
        self._finish_stroke()
        if self._history.redo():
            self._rerender()

    @Slot()
    def clear(self) -> None:
        self._finish_stroke()
        if not self._history.is_blank:
            self._history.push(Clearing())
            self._rerender()

    def adopt_history(self, history: DrawingHistory) -> None:
        """Take over another canvas's steps: a window rebuilt in another language keeps
        the drawing, its strokes (teach mode saves them) and its undo."""
        self._finish_stroke()
        self._history = history
        self._rerender()

    def show_picture(self, ink: QImage) -> None:
        """Replace the drawing by an image (white ink on black, Format_Grayscale8)."""
        self._finish_stroke()
        self._history.push(Picture(ink))
        self._rerender()

    # --- geometry ----------------------------------------------------------------------
    def paper_rect(self) -> QRect:
        """The centred square the digit is drawn in: MNIST is square."""
        side = max(1, min(self.width(), self.height()))
        return QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)

    def _to_paper(self, position: QPointF) -> tuple[float, float]:
        paper = self.paper_rect()
        return ((position.x() - paper.x()) / paper.width(),
                (position.y() - paper.y()) / paper.height())

    def _allocate_raster(self) -> None:
        side = self.paper_rect().width()
        ratio = self.devicePixelRatioF()
        self._raster = QImage(round(side * ratio), round(side * ratio),
                              QImage.Format.Format_Grayscale8)
        self._raster.setDevicePixelRatio(ratio)  # painter works in logical pixels
        self._raster.fill(PAPER)

    # --- rendering into the raster -------------------------------------------------------
    def _painter(self) -> QPainter:
        painter = QPainter(self._raster)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        return painter

    def _draw_segment(self, painter: QPainter, start: tuple[float, float, float],
                      end: tuple[float, float, float], erase: bool) -> QRectF:
        """One pen segment with round caps; returns the logical area it touched."""
        side = self.paper_rect().width()
        width = end[2] * side
        value = PAPER if erase else INK
        pen = QPen(QColor(value, value, value), width, Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        a = QPointF(start[0] * side, start[1] * side)
        b = QPointF(end[0] * side, end[1] * side)
        if a == b:
            painter.drawPoint(a)
        else:
            painter.drawLine(a, b)
        margin = width / 2 + 2
        return QRectF(a, b).normalized().adjusted(-margin, -margin, margin, margin)

    def _draw_picture(self, painter: QPainter, picture: Picture) -> None:
        """Fit the image into the square, aspect kept, on black."""
        side = self.paper_rect().width()
        painter.fillRect(QRectF(0, 0, side, side), QColor(PAPER, PAPER, PAPER))
        image = picture.image
        scale = side / max(image.width(), image.height())
        width, height = image.width() * scale, image.height() * scale
        target = QRectF((side - width) / 2, (side - height) / 2, width, height)
        painter.drawImage(target, image)

    def _rerender(self) -> None:
        """Draw every visible step again: after undo, redo, clear, a picture or a resize."""
        self._raster.fill(PAPER)
        painter = self._painter()
        for step in self._history.visible_steps():
            if isinstance(step, Picture):
                self._draw_picture(painter, step)
                continue
            # the same calls, in the same order, as when it was drawn: identical pixels
            points = step.points
            pairs = [(points[0], points[0]), *zip(points, points[1:], strict=False)]
            for start, end in pairs:
                self._draw_segment(painter, start, end, step.erase)
        painter.end()
        self._changed(self.rect())
        self.historyChanged.emit()

    def _changed(self, area: QRect | QRectF) -> None:
        self.revision += 1
        self.update(area.toAlignedRect() if isinstance(area, QRectF) else area)
        self.changed.emit()

    # --- pen input ---------------------------------------------------------------------
    def _pen_down(self, position: QPointF, pressure: float | None) -> None:
        self._finish_stroke()
        self._stroke = []
        self._pen_move(position, pressure)

    def _pen_move(self, position: QPointF, pressure: float | None) -> None:
        if self._stroke is None:
            return
        width = self._brush / REFERENCE_SIDE
        if pressure is not None:  # a tablet: light pressure draws thin, firm draws thick
            width *= min(max(0.3 + 1.4 * pressure, 0.3), 1.7)
        point = (*self._to_paper(position), width)
        previous = self._stroke[-1] if self._stroke else point
        self._stroke.append(point)
        painter = self._painter()
        touched = self._draw_segment(painter, previous, point, self._erasing)
        painter.end()
        self._changed(touched.translated(self.paper_rect().topLeft()))

    def _finish_stroke(self) -> bool:
        if not self._stroke:
            self._stroke = None
            return False
        self._history.push(Stroke(tuple(self._stroke), self._erasing))
        self._stroke = None
        self.historyChanged.emit()
        return True

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._pen_down(event.position(), None)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._move_hover(event.position())
        self._pen_move(event.position(), None)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._finish_stroke():
            self.strokeFinished.emit()

    def tabletEvent(self, event: QTabletEvent) -> None:
        """Accepted, so Qt does not also synthesise mouse events from the pen."""
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._pen_down(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove:
            self._move_hover(event.position())
            self._pen_move(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._finish_stroke():
            self.strokeFinished.emit()
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        self._move_hover(None)
        super().leaveEvent(event)

    def _move_hover(self, position: QPointF | None) -> None:
        """Repaint the brush outline's old and new place only."""
        radius = self._brush / REFERENCE_SIDE * self.paper_rect().width() / 2 + 3
        for point in (self._hover, position):
            if point is not None:
                self.update(QRectF(point.x() - radius, point.y() - radius,
                                   2 * radius, 2 * radius).toAlignedRect())
        self._hover = position

    # --- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasImage() or any(url.isLocalFile() for url in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]
        if files:
            self.fileDropped.emit(files[0])
        elif mime.hasImage():
            self.imageDropped.emit(QImage(mime.imageData()))
        event.acceptProposedAction()

    # --- widget ------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        if self.paper_rect().width() != round(self._raster.deviceIndependentSize().width()):
            self._allocate_raster()
            self._rerender()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(theme.SURFACE))
        paper = self.paper_rect()
        # Only the exposed part: while the pen moves that is one short segment, and
        # converting the whole Grayscale8 raster for the screen took ~4 ms a frame.
        exposed = event.rect().intersected(paper)
        if not exposed.isEmpty():
            ratio = self._raster.devicePixelRatio()
            source = QRectF(exposed.translated(-paper.topLeft()))
            painter.drawImage(QRectF(exposed), self._raster,
                              QRectF(source.topLeft() * ratio, source.size() * ratio))
        if self._history.is_blank and self._stroke is None:
            painter.setPen(QColor(theme.MUTED))
            font = painter.font()
            font.setPointSizeF(max(12.0, paper.width() / 22))
            painter.setFont(font)
            painter.drawText(paper, Qt.AlignmentFlag.AlignCenter, self.tr("Draw a digit here"))
        if self._hover is not None and paper.contains(self._hover.toPoint()):
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(theme.ACCENT if self._erasing else theme.MUTED), 1))
            radius = self._brush / REFERENCE_SIDE * paper.width() / 2
            painter.drawEllipse(self._hover, radius, radius)
        painter.end()
