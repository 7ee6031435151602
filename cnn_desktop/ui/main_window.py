"""The main window: the canvas on the left, the live panel on the right, and the menus.

This file only wires parts together: pen → canvas → `LivePredictor` → panel, and
menu actions → canvas, files and `ModelManager`. Every user-visible failure goes
through `show_error`, which never blocks (a non-modal box and the status bar) and
emits `errorShown`, so tests can observe it without a dialog to dismiss.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QImage
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cnn_desktop.ui import settings as keys
from cnn_desktop.ui.activation_levels import activation_levels
from cnn_desktop.ui.canvas import DEFAULT_BRUSH, DrawingCanvas
from cnn_desktop.ui.classroom import Classroom
from cnn_desktop.ui.image_input import ImageInputError, ink_from_file, ink_from_qimage
from cnn_desktop.ui.live_predictor import LivePredictor
from cnn_desktop.ui.model_manager import ModelManager
from cnn_desktop.ui.prediction_panel import PredictionPanel
from cnn_desktop.ui.teaching import Teaching
from cnn_desktop.ui.window_actions import WindowActions


class MainWindow(QMainWindow):
    """The complete application window; loads the bundled (or last chosen) model itself."""

    errorShown = Signal(str)  # every message shown to the user about bad input
    engineReady = Signal()  # a model is installed (first load or switch)

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("CNN Desktop — draw a digit"))
        self._settings = settings if settings is not None else keys.open_settings()
        self._message_box: QMessageBox | None = None

        self.canvas = DrawingCanvas(self)
        self.panel = PredictionPanel(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.canvas_column = QWidget(self)  # the canvas, and the teach buttons under it
        canvas_layout = QVBoxLayout(self.canvas_column)
        canvas_layout.setContentsMargins(0, 0, 0, 0)
        canvas_layout.addWidget(self.canvas, 1)
        self.splitter.addWidget(self.canvas_column)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.predictor = LivePredictor(self.canvas, self)
        self.predictor.predicted.connect(self.panel.show_prediction)
        self.models = ModelManager(keys.read_str(self._settings, keys.MODEL_CHOICE, "max"), self)
        self.models.engineChanged.connect(self._install_engine)
        self.models.failed.connect(self.show_error)
        self.models.failed.connect(self._model_failed)

        self.teaching = Teaching(self)
        canvas_layout.addWidget(self.teaching.panel)
        self.classroom = Classroom(self)  # before restoreState, which finds docks by name
        self.actions_ = WindowActions(self)
        self.model_status = QLabel(self.models.describe(), self)
        self.model_status.setObjectName("modelStatus")
        self.statusBar().addPermanentWidget(self.model_status)
        self.canvas.fileDropped.connect(self.open_image)
        self.canvas.imageDropped.connect(self.show_image)
        self.canvas.historyChanged.connect(self.actions_.update_edit_actions)
        self.panel.set_message(self.tr("Loading the model…"))
        self._restore_settings()
        QTimer.singleShot(0, self.models.start)  # after show(): torch must not delay the window

    @property
    def settings(self):
        """The QSettings this window reads and writes (tests pass their own)."""
        return self._settings

    @property
    def engine(self):
        """The `Engine`, or None until the background load has finished."""
        return self.models.engine

    # --- model ---------------------------------------------------------------------------
    @Slot(object)
    def _install_engine(self, engine) -> None:
        self.panel.feature_maps.set_levels(activation_levels(engine))
        self.predictor.set_engine(engine)
        self.model_status.setText(self.models.describe())
        self.actions_.update_model_actions(self.models.choice)
        self.engineReady.emit()

    @Slot(str)
    def _model_failed(self, _message: str) -> None:
        self.actions_.update_model_actions(self.models.choice)
        self.model_status.setText(self.models.describe())
        if self.engine is None:
            self.panel.set_message(self.tr("No model: use Model → Load weights…"))

    def load_weights(self, path: str | None = None) -> bool:
        """Model → Load weights…; a bad file leaves the current model in place."""
        if path is None:
            from cnn_desktop.core.data import user_data_dir

            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Load weights"), str(user_data_dir()),
                self.tr("Weights (*.safetensors);;All files (*)"))
            if not path:
                return False
        loaded = self.models.switch_to(str(path))
        self.actions_.update_model_actions(self.models.choice)
        return loaded

    def use_bundled(self, pooling: str) -> bool:
        """Model → Pooling: one of the two shipped models."""
        loaded = self.models.switch_to(pooling)
        self.actions_.update_model_actions(self.models.choice)
        return loaded

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About CNN Desktop"),
                          self.models.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
        self._message_box = box

    # --- images and files --------------------------------------------------------------
    def open_image(self, path: str | None = None) -> bool:
        """File → Open image… and drops: show the image on the canvas and classify it."""
        if path is None:
            pictures = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.PicturesLocation)
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Open image"), pictures,
                self.tr("Images (*.png *.jpg *.jpeg *.bmp *.gif *.webp *.tif *.tiff);;"
                        "All files (*)"))
            if not path:
                return False
        if not self._show_ink(lambda: ink_from_file(path)):
            return False
        self.statusBar().showMessage(self.tr("Opened {name}").format(name=Path(path).name), 5000)
        return True

    @Slot(QImage)
    def show_image(self, image: QImage) -> bool:
        """Image data (a drop from a browser, the clipboard) onto the canvas."""
        return self._show_ink(lambda: ink_from_qimage(image))

    def _show_ink(self, make_ink: Callable[[], QImage]) -> bool:
        """Show and classify an image, or say why not and keep the drawing."""
        try:
            ink = make_ink()
        except ImageInputError as error:
            self.show_error(self.tr("Cannot use the image: {reason}").format(reason=error))
            return False
        self.canvas.show_picture(ink)
        self.predictor.predict_now()
        return True

    def paste_image(self) -> bool:
        """Edit → Paste: an image, or an image file copied in a file manager."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasImage():
            return self.show_image(QImage(mime.imageData()))
        files = [url.toLocalFile() for url in (mime.urls() if mime else []) if url.isLocalFile()]
        if files:
            return self.open_image(files[0])
        self.show_error(self.tr("The clipboard holds no image."))
        return False

    def save_drawing(self, path: str | None = None) -> bool:
        """File → Save drawing…: the canvas as a white-on-black PNG."""
        if path is None:
            pictures = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.PicturesLocation)
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save drawing"), str(Path(pictures) / "digit.png"),
                self.tr("PNG images (*.png)"))
            if not path:
                return False
        target = Path(path)
        if target.suffix.lower() != ".png":
            target = target.with_name(target.name + ".png")
        if not self.canvas.image().save(str(target), "PNG"):
            self.show_error(self.tr("Cannot save the drawing to {path}.").format(path=target))
            return False
        self.statusBar().showMessage(self.tr("Saved {path}").format(path=target), 5000)
        return True

    # --- messages ----------------------------------------------------------------------
    @Slot(str)
    def show_error(self, message: str) -> None:
        """Tell the user without blocking: a window-modal box and the status bar."""
        self.statusBar().showMessage(message, 15000)
        if self._message_box is not None:
            self._message_box.close()
        self._message_box = QMessageBox(QMessageBox.Icon.Warning, self.tr("CNN Desktop"),
                                        message, QMessageBox.StandardButton.Ok, self)
        self._message_box.open()
        self.errorShown.emit(message)

    # --- settings and shutdown -----------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = self._settings
        geometry = settings.value(keys.GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
            self.splitter.setSizes([600, 760])
        for key, target in ((keys.WINDOW_STATE, self.restoreState),
                            (keys.SPLITTER, self.splitter.restoreState),
                            (keys.PANEL_SPLITTER, self.panel.splitter.restoreState)):
            state = settings.value(key)
            if isinstance(state, QByteArray) and not state.isEmpty():
                target(state)
        self.actions_.brush_slider.setValue(
            keys.read_int(settings, keys.BRUSH_WIDTH, DEFAULT_BRUSH))
        self.actions_.conv_maps.setChecked(keys.read_bool(settings, keys.CONV_MAPS, False))
        self.actions_.teach.setChecked(keys.read_bool(settings, keys.TEACH_PANEL, True))

    def save_settings(self) -> None:
        settings = self._settings
        settings.setValue(keys.GEOMETRY, self.saveGeometry())
        settings.setValue(keys.WINDOW_STATE, self.saveState())
        settings.setValue(keys.SPLITTER, self.splitter.saveState())
        settings.setValue(keys.PANEL_SPLITTER, self.panel.splitter.saveState())
        settings.setValue(keys.BRUSH_WIDTH, self.canvas.brush_width)
        settings.setValue(keys.CONV_MAPS, self.actions_.conv_maps.isChecked())
        settings.setValue(keys.TEACH_PANEL, self.actions_.teach.isChecked())
        settings.setValue(keys.MODEL_CHOICE, self.models.choice)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.classroom.shutdown()  # leaves presentation mode first: normal geometry is saved
        self.save_settings()
        self.teaching.shutdown()  # a running training stops within 2 s, writing nothing
        self.models.shutdown()
        if self._message_box is not None:
            self._message_box.close()
        super().closeEvent(event)
