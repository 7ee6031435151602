"""Presentation mode: the window readable from the back of a room on a 1280×720 projector.

Full screen, toolbars hidden, the application font ×1.6, style-sheet font sizes and
pyqtgraph labels scaled alike, thicker axis and frame lines, and a black-and-white
high-contrast palette. Every change records how to undo itself, so leaving (Esc, or
F11 again) restores exactly what was there: fonts, palette, toolbars, window state.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QMainWindow,
    QToolBar,
    QWidget,
)

from cnn_desktop.ui import theme

FONT_SCALE = 1.6  # the application font: 9 pt becomes about 14 pt
SHEET_SCALE = 1.35  # text a style sheet already sizes (captions, big labels) grows less
VALUE_LABEL_SCALE = 1.25  # value labels sit inside fixed plot ranges with little headroom
LINE_WIDTH = 3
_FONT_SIZE = re.compile(r"font-size:\s*(\d+(?:\.\d+)?)(pt|px)")


def high_contrast_palette() -> QPalette:
    """The dark theme pushed to black and white: projectors wash out dark greys."""
    palette = theme.dark_palette()
    for role, colour in ((QPalette.ColorRole.Window, "#000000"),
                         (QPalette.ColorRole.Base, "#000000"),
                         (QPalette.ColorRole.Button, "#202020"),
                         (QPalette.ColorRole.WindowText, "#ffffff"),
                         (QPalette.ColorRole.Text, "#ffffff"),
                         (QPalette.ColorRole.ButtonText, "#ffffff")):
        palette.setColor(QPalette.ColorGroup.All, role, QColor(colour))
    return palette


def scale_style_sheet(sheet: str, factor: float) -> str:
    """Every `font-size: Npt` (or px) in a style sheet, multiplied by `factor`."""
    return _FONT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * factor:g}{m.group(2)}",
                          sheet)


class Presentation(QObject):
    """Enters and leaves presentation mode on one main window."""

    toggled = Signal(bool)

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._undo: list[Callable[[], None]] = []
        self.leave_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.leave_shortcut.setEnabled(False)  # Esc means nothing to the window otherwise
        self.leave_shortcut.activated.connect(self.leave)

    @property
    def active(self) -> bool:
        return bool(self._undo)

    def set_active(self, active: bool) -> None:
        if active:
            self.enter()
        else:
            self.leave()

    def enter(self) -> None:
        if self.active:
            return
        window = self._window
        state, geometry = window.windowState(), window.saveGeometry()
        self._undo.append(lambda: (window.setWindowState(state),
                                   window.restoreGeometry(geometry)))
        for toolbar in window.findChildren(QToolBar):
            if toolbar.isVisible():
                toolbar.hide()
                self._undo.append(toolbar.show)
        self._scale_application()
        self._scale_style_sheets()
        self._scale_plots()
        window.showFullScreen()
        self.leave_shortcut.setEnabled(True)
        self.toggled.emit(True)

    def leave(self) -> None:
        if not self.active:
            return
        self.leave_shortcut.setEnabled(False)
        while self._undo:
            self._undo.pop()()
        self.toggled.emit(False)

    # --- the changes, each with its undo ---------------------------------------------------
    def _scale_application(self) -> None:
        app = QApplication.instance()
        font, palette = QFont(app.font()), QPalette(app.palette())
        larger = QFont(font)
        larger.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        app.setFont(larger)
        app.setPalette(high_contrast_palette())
        self._undo.append(lambda: (app.setFont(font), app.setPalette(palette)))

    def _scale_style_sheets(self) -> None:
        """Styled widgets ignore a new application font: sizes in their sheets are scaled,
        and plain declaration sheets (a colour) get the presentation size added."""
        size = QApplication.instance().font().pointSizeF()
        for widget in [self._window, *self._window.findChildren(QWidget)]:
            sheet = widget.styleSheet()
            if "font-size" in sheet:
                widget.setStyleSheet(scale_style_sheet(sheet, SHEET_SCALE))
            elif sheet and "{" not in sheet:
                widget.setStyleSheet(f"{sheet.rstrip().rstrip(';')}; font-size: {size:g}pt;")
            else:
                continue
            self._undo.append(lambda w=widget, s=sheet: w.setStyleSheet(s))

    def _scale_plots(self) -> None:
        """pyqtgraph draws its own text and lines: axes, labels, value labels, frames."""
        for view in self._window.findChildren(pg.GraphicsView):
            background = view.backgroundBrush()
            view.setBackground("#000000")
            self._undo.append(lambda v=view, b=background: v.setBackgroundBrush(b))
            for item in view.scene().items():
                if isinstance(item, pg.AxisItem):
                    self._scale_axis(item)
                elif isinstance(item, pg.TextItem) and item.textItem.font().pointSizeF() < 12:
                    font = QFont(item.textItem.font())  # labels made large already stay
                    item.setFont(self._larger(font, VALUE_LABEL_SCALE))
                    self._undo.append(lambda i=item, f=font: i.setFont(f))
                elif isinstance(item, pg.LabelItem):
                    self._scale_label(item)
                elif (isinstance(item, QGraphicsRectItem) and item.isVisible()
                      and item.pen().style() != Qt.PenStyle.NoPen
                      and not isinstance(item.parentItem(), pg.ViewBox)):  # frames only
                    pen = item.pen()
                    thick = pg.mkPen(pen.color(), width=LINE_WIDTH)
                    item.setPen(thick)
                    self._undo.append(lambda i=item, p=pen: i.setPen(p))

    def _scale_axis(self, axis: pg.AxisItem) -> None:
        tick_font, pen, text_pen = axis.style["tickFont"], axis.pen(), axis.textPen()
        axis.setStyle(tickFont=self._larger(QFont(tick_font or axis.font())))
        axis.setPen(pg.mkPen("#ffffff", width=LINE_WIDTH))
        axis.setTextPen(pg.mkPen("#ffffff"))

        def undo() -> None:
            axis.setStyle(tickFont=tick_font)
            axis.setPen(pen)
            axis.setTextPen(text_pen)
        self._undo.append(undo)

    def _scale_label(self, label: pg.LabelItem) -> None:
        size = label.opts.get("size")
        match = re.fullmatch(r"(\d+(?:\.\d+)?)(pt|px)", size or "")
        number, unit = (float(match.group(1)), match.group(2)) if match else (
            self._window.font().pointSizeF(), "pt")
        label.setText(label.text, size=f"{number * FONT_SCALE:g}{unit}")

        def undo() -> None:
            if size is None:
                label.opts.pop("size", None)
                label.setText(label.text)
            else:
                label.setText(label.text, size=size)
        self._undo.append(undo)

    @staticmethod
    def _larger(font: QFont, scale: float = FONT_SCALE) -> QFont:
        larger = QFont(font)
        if font.pointSizeF() > 0:
            larger.setPointSizeF(font.pointSizeF() * scale)
        else:
            larger.setPixelSize(round(font.pixelSize() * scale))
        return larger
