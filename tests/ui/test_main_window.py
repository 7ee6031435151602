"""The window as a user meets it: draw and read the panel, open and drop images, bad input."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import pytest
from drawing import draw, ellipse, mnist_digit, strokes_available
from PIL import Image
from PySide6.QtCore import QEvent, QMimeData, QObject, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from cnn_desktop.ui.activation_levels import DIGIT_SHAPES, render_shape
from cnn_desktop.ui.prediction_panel import EMPTY_DIGIT


def shown_digit(window) -> str:
    return window.findChild(QLabel, "predictionLabel").text()


def test_named_widgets_and_actions_exist(window):
    for name in ("canvas", "predictionLabel", "probabilityPlot", "networkInput", "featureMaps"):
        assert window.findChild(QWidget, name) is not None, name
    names = {action.objectName() for action in window.actions()}
    assert {"actionClear", "actionUndo", "actionRedo", "actionOpenImage", "actionSaveDrawing",
            "actionLoadWeights"} <= names


def test_empty_canvas_shows_no_digit(window):
    assert shown_digit(window) == EMPTY_DIGIT
    assert not shown_digit(window)[:1].isdigit()
    assert "test accuracy" in window.model_status.text()


def test_vertical_stroke_reads_as_1(window, qtbot):
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    qtbot.waitUntil(lambda: shown_digit(window).startswith("1"))


def test_ellipse_reads_as_0(window, qtbot):
    draw(window.canvas, ellipse())
    qtbot.waitUntil(lambda: shown_digit(window).startswith("0"))


def test_seven_from_coordinates_reads_as_7(window, qtbot):
    draw(window.canvas, [(0.3, 0.22), (0.72, 0.22), (0.45, 0.82)])
    qtbot.waitUntil(lambda: shown_digit(window).startswith("7"))


def test_panel_updates_while_the_pen_moves_and_after_release(window, qtbot):
    shown = []
    window.panel.predictionShown.connect(shown.append)
    canvas = window.canvas
    from drawing import send, stroke_events

    events = list(stroke_events(canvas, [(0.5, 0.15), (0.5, 0.85)]))
    for kind, position in events[:-1]:
        send(canvas, kind, position)
        qtbot.wait(5)
    assert shown and shown[-1].digit is not None  # live, before the pen lifts
    before_release = len(shown)
    send(canvas, *events[-1])
    assert len(shown) == before_release + 1  # and once more when it lifts
    assert window.predictor.predicted_revision == canvas.revision


class RepaintWatcher(QObject):
    """Notes, at each repaint of the window, whether the panel is up to date."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.up_to_date: list[bool] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest:
            self.up_to_date.append(
                self.window.predictor.predicted_revision == self.window.canvas.revision)
        return False


def test_moves_in_one_pass_cost_one_prediction_in_the_same_repaint(window, qtbot):
    """Coalescing: moves queued together are predicted once, before the window repaints,
    so the frame that shows the new ink shows its prediction too (no stale frame)."""
    from drawing import send, stroke_events

    canvas = window.canvas
    events = list(stroke_events(canvas, [(0.5, 0.15), (0.5, 0.85)]))
    send(canvas, *events[0])
    qtbot.wait(20)
    watcher = RepaintWatcher(window)
    for batch in range(3):
        before = window.predictor.predictions
        watcher.up_to_date.clear()
        for kind, position in events[1 + 5 * batch: 6 + 5 * batch]:
            send(canvas, kind, position)  # five moves with no event loop pass between
        qtbot.waitUntil(lambda: bool(watcher.up_to_date) and watcher.up_to_date[-1])
        assert window.predictor.predictions == before + 1
        assert all(watcher.up_to_date)  # no frame showed the ink without its prediction


def test_clear_returns_to_no_digit(window, qtbot):
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    qtbot.waitUntil(lambda: shown_digit(window).startswith("1"))
    window.actions_.clear.trigger()
    qtbot.waitUntil(lambda: shown_digit(window) == EMPTY_DIGIT)
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: shown_digit(window).startswith("1"))


@pytest.mark.skipif(not strokes_available(), reason="../shared/strokes is not available")
def test_real_handwriting_drawn_with_the_mouse_is_read(window, qtbot):
    correct = 0
    indices = range(0, 600, 30)  # 20 digits of MNIST's training set, drawn stroke by stroke
    for index in indices:
        label, strokes = mnist_digit(index)
        window.canvas.clear()
        draw(window.canvas, *strokes)
        qtbot.wait(1)
        correct += shown_digit(window) == str(label)
    assert correct >= 17


def write_digit_png(path, digit: int = 7, dark_on_light: bool = True) -> None:
    image = render_shape(DIGIT_SHAPES[digit])
    Image.fromarray(255 - image if dark_on_light else image).save(path)


def test_open_image_shows_and_classifies_it(window, tmp_path, qtbot):
    path = tmp_path / "seven.png"
    write_digit_png(path)  # dark ink on white paper, as a scan would be
    assert window.open_image(str(path))
    qtbot.waitUntil(lambda: shown_digit(window).startswith("7"))
    raster = window.canvas.raster()
    assert raster.max() == 255 and np.median(raster) == 0  # shown as white ink on black
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: shown_digit(window) == EMPTY_DIGIT)


def _drop(window, mime: QMimeData) -> None:
    canvas = window.canvas
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, enter)
    assert enter.isAccepted()
    drop = QDropEvent(centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas, drop)


def test_drop_image_file(window, tmp_path, qtbot):
    path = tmp_path / "one.png"
    write_digit_png(path, 1, dark_on_light=False)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    _drop(window, mime)
    qtbot.waitUntil(lambda: shown_digit(window).startswith("1"))


def test_paste_image_from_clipboard(window, qtbot):
    pixels = np.ascontiguousarray(render_shape(DIGIT_SHAPES[0]))
    image = QImage(pixels.data, pixels.shape[1], pixels.shape[0], pixels.strides[0],
                   QImage.Format.Format_Grayscale8).copy()
    QGuiApplication.clipboard().setImage(image)
    assert window.paste_image()
    qtbot.waitUntil(lambda: shown_digit(window).startswith("0"))


def _huge_png_header(path) -> None:
    """A valid PNG signature and header claiming 100000 x 100000 pixels."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + header
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(header)) + chunk
                     + struct.pack(">I", zlib.crc32(chunk)))


@pytest.mark.parametrize("kind", ["corrupt", "not_an_image", "huge", "missing"])
def test_bad_images_show_a_message_and_keep_the_drawing(window, tmp_path, qtbot, kind):
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    qtbot.waitUntil(lambda: shown_digit(window).startswith("1"))
    before = window.canvas.raster().copy()
    path = tmp_path / "bad.png"
    if kind == "corrupt":
        write_digit_png(path)
        path.write_bytes(path.read_bytes()[:60])  # truncated mid-file
    elif kind == "not_an_image":
        path.write_text("this is a shopping list, not a digit")
    elif kind == "huge":
        _huge_png_header(path)
    with qtbot.waitSignal(window.errorShown) as message:
        assert not window.open_image(str(path))
    assert "bad.png" in message.args[0]
    assert window.statusBar().currentMessage() == message.args[0]
    assert np.array_equal(window.canvas.raster(), before)
    assert shown_digit(window).startswith("1")


def test_bad_weights_file_keeps_the_model(window, tmp_path, qtbot):
    source = window.engine.active.source
    path = tmp_path / "broken.safetensors"
    path.write_bytes(b"not safetensors at all" * 10)
    with qtbot.waitSignal(window.errorShown) as message:
        assert not window.load_weights(str(path))
    assert "broken.safetensors" in message.args[0]
    assert window.engine.active.source == source
    draw(window.canvas, ellipse())
    qtbot.waitUntil(lambda: shown_digit(window).startswith("0"))  # still classifying


def test_pooling_switches_between_the_shipped_models(window, qtbot):
    window.actions_.avg_pooling.trigger()
    assert window.engine.active.architecture.pooling == "avg"
    assert window.actions_.avg_pooling.isChecked() and not window.actions_.max_pooling.isChecked()
    assert "avg pooling" in window.model_status.text()
    window.actions_.reset_model.trigger()
    assert window.engine.active.architecture.pooling == "max"


def test_save_drawing_writes_a_png(window, tmp_path):
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    assert window.save_drawing(str(tmp_path / "mine"))
    saved = np.asarray(Image.open(tmp_path / "mine.png").convert("L"))
    assert np.array_equal(saved, window.canvas.raster())


def test_feature_maps_hover_names_layer_channel_and_value(window, qtbot):
    draw(window.canvas, ellipse())
    view = window.panel.feature_maps.stages["pool1"]
    image = view._image
    # the centre of channel 2's tile (tiles are 14 px + a 1 px gap)
    scene_point = image.mapToScene(QPointF(15 + 7.5, 7.5))
    text = view.describe_point(scene_point)
    assert text.startswith("pool1") and "channel 2 of 6" in text and "value" in text
    assert view.describe_point(image.mapToScene(QPointF(14.5, 7.5))) == ""  # the gap


def test_conv_maps_toggle(window):
    maps = window.panel.feature_maps
    assert maps.stages["conv1"].isHidden() and not maps.stages["pool1"].isHidden()
    window.actions_.conv_maps.trigger()
    assert not maps.stages["conv1"].isHidden() and not maps.stages["conv2"].isHidden()


def test_settings_persist_across_two_windows(make_window, qtbot):
    first = make_window()
    target = (first.minimumSizeHint().width(), 700)  # fits the offscreen screen (800x800)
    first.resize(*target)
    qtbot.waitUntil(lambda: (first.width(), first.height()) == target)
    first.actions_.brush_slider.setValue(31)
    first.actions_.avg_pooling.trigger()
    first.actions_.conv_maps.setChecked(True)
    first.splitter.setSizes([300, 800])
    sizes, size = first.splitter.sizes(), first.size()
    first.close()

    second = make_window()
    assert second.canvas.brush_width == 31
    assert second.engine.active.architecture.pooling == "avg"
    assert second.actions_.avg_pooling.isChecked()
    assert second.actions_.conv_maps.isChecked()
    assert second.size() == size
    assert second.splitter.sizes() == sizes



def test_feature_map_colours_keep_their_meaning_between_frames(window):
    view = window.panel.feature_maps.stages["pool1"]
    maps = np.random.default_rng(0).random((6, 14, 14), np.float32)
    view.show_maps(maps)
    first = view._rgba.copy()
    view.show_maps(maps * 0.5)
    assert not np.array_equal(view._rgba, first)  # weaker activations look weaker...
    view.show_maps(maps)
    assert np.array_equal(view._rgba, first)  # ...and the same ones look the same
    assert view._rgba[:, 14, 3].max() == 0  # the gap between two maps is transparent
    assert view._rgba[:14, :14, 3].min() == 255  # the maps themselves are opaque



def test_predictions_keep_to_one_thread(make_window):
    """Spinning BLAS or OpenMP workers would hold a second core while the pen moves."""
    import torch
    from threadpoolctl import threadpool_info, threadpool_limits

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    with threadpool_limits(limits=2, user_api="blas"):  # as a fresh process starts
        torch.set_num_threads(2)
        assert blas_threads() == {2}
        make_window()
        assert blas_threads() == {1}
        assert torch.get_num_threads() == 1  # the GUI thread, where predictions run
