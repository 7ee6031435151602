"""The classroom views on the real window: architecture, kernels, saliency, softmax,
the hover link to the feature maps, and presentation mode.

The window builds its `Classroom` itself; these tests reach it as `window.classroom`.
"""

from __future__ import annotations

import numpy as np
import pytest
from drawing import draw, ellipse
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolBar

from cnn_desktop.ui.classroom import Classroom

EXPECTED_SHAPES = [(1, 32, 32), (6, 28, 28), (6, 14, 14), (16, 10, 10), (16, 5, 5), (400,),
                   (120,), (84,), (10,), (10,)]


@pytest.fixture
def classroom(window) -> Classroom:
    return window.classroom


def table_column(classroom: Classroom, column: int) -> list[str]:
    table = classroom.architecture.table
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_architecture_shows_each_stage_shape_and_parameters(classroom):
    classroom.show_view("architecture")
    model = classroom.window.engine.active.model
    assert [row.shape for row in classroom.architecture.rows] == EXPECTED_SHAPES
    assert table_column(classroom, 1) == ["×".join(map(str, s)) for s in EXPECTED_SHAPES]
    parameters = dict(zip(table_column(classroom, 0), table_column(classroom, 2), strict=True))
    assert parameters["conv1"] == f"{model.conv1.weight.numel() + 6:,}" == "156"
    assert parameters["conv2"] == "2,416"
    assert parameters["pool1"] == parameters["pool2"] == "0"  # pooling learns nothing
    assert "61,706" in classroom.architecture.total_label.text()
    assert sum(p.numel() for p in model.parameters()) == 61_706
    assert "16 × (6×5×5 + 1)" in table_column(classroom, 4)


def test_architecture_follows_the_loaded_model(classroom, tmp_path):
    from cnn_desktop.core.model import Architecture, LeNet
    from cnn_desktop.core.weights import WeightsMetadata, save_weights

    window = classroom.window
    assert window.use_bundled("avg")
    assert "average pooling" in table_column(classroom, 3)[2]
    narrow = Architecture(pooling="max", hidden=())
    path = tmp_path / "narrow.safetensors"
    save_weights(path, LeNet(narrow), WeightsMetadata(architecture=narrow))
    assert window.load_weights(str(path))
    assert table_column(classroom, 0) == ["input", "conv1", "pool1", "conv2", "pool2",
                                          "flatten", "output", "softmax"]
    assert "6,582" in classroom.architecture.total_label.text()  # 156 + 2,416 + 4,010


def test_hovering_a_stage_highlights_its_maps_and_back(classroom, qtbot):
    classroom.show_view("architecture")
    table = classroom.architecture.table
    frames = classroom.highlighter.frames
    row = [r.name for r in classroom.architecture.rows].index("pool1")
    qtbot.mouseMove(table.viewport(), table.visualItemRect(table.item(row, 1)).center())
    qtbot.waitUntil(lambda: frames["pool1"].isVisible())
    assert not frames["pool2"].isVisible()
    assert table.item(row, 0).background().color() != table.item(row + 2, 0).background().color()

    maps = classroom.window.panel.feature_maps.stages["pool2"]
    over_a_map = next(QPoint(x, y) for y in range(0, maps.height(), 4)
                      for x in range(0, maps.width(), 4)
                      if maps.describe_point(maps.mapToScene(QPoint(x, y))))
    qtbot.mouseMove(maps.viewport(), over_a_map)
    qtbot.waitUntil(lambda: classroom.architecture.highlighted_stage() == "pool2")


def test_kernels_view_shows_the_loaded_weights(classroom, qtbot):
    classroom.show_view("kernels")
    qtbot.waitUntil(lambda: classroom.kernels.plots.isVisible())
    qtbot.wait(20)  # laid out: the pointer positions below need the view's real transform
    model = classroom.window.engine.active.model
    for name in ("conv1", "conv2"):
        shown = classroom.kernels.layers[name].weights
        assert np.array_equal(shown, getattr(model, name).weight.detach().numpy())
    layer = classroom.kernels.layers["conv2"]
    assert layer.image.image.shape[:2] == (6 * 6 - 1, 16 * 6 - 1)  # 6 channels × 16 filters
    # the strongest weight is saturated red (positive) or blue (negative), zero is white
    weights = layer.weights
    for pick in (lambda w: np.argmax(np.abs(w)), lambda w: np.argmin(np.abs(w))):
        f, c, y, x = np.unravel_index(pick(weights), weights.shape)
        red, green, blue, _ = (int(v) for v in layer.image.image[c * 6 + y, f * 6 + x])
        if abs(weights[f, c, y, x]) == np.abs(weights).max():
            assert (red - blue > 100) if weights[f, c, y, x] > 0 else (blue - red > 100)
        else:
            assert min(red, green, blue) > 200  # about zero: near white
        position = layer.image.mapToScene(QPointF(f * 6 + x + 0.5, c * 6 + y + 0.5))
        text = classroom.kernels.describe_point(position)
        assert f"filter {f + 1}" in text and f"{weights[f, c, y, x]:+.3f}" in text


def test_saliency_has_the_input_shape_and_follows_the_drawing(classroom, qtbot):
    window = classroom.window
    toggle = next(a for a in classroom.actions if a.objectName() == "saliencyToggle")
    toggle.trigger()
    assert classroom.docks["saliency"].isVisible()
    draw(window.canvas, ellipse(rx=0.18, ry=0.3))
    first = classroom.saliency.attribution.copy()
    assert first.shape == (28, 28) and np.abs(first).max() > 0
    assert classroom.saliency.target == classroom.latest.digit
    draw(window.canvas, [(0.5, 0.1), (0.5, 0.9)])
    assert not np.allclose(classroom.saliency.attribution, first)
    # blank paper gets no credit: only inked pixels are coloured
    ink = classroom.latest.network_input > 0
    assert np.all(classroom.saliency.attribution[~ink] == 0)

    toggle.trigger()  # hidden: no backward pass while the pen moves
    shown = classroom.saliency.attribution
    window.canvas.clear()
    draw(window.canvas, [(0.3, 0.3), (0.7, 0.7)])
    assert classroom.saliency.attribution is shown


def test_softmax_temperature_changes_the_picture_not_the_prediction(classroom):
    window = classroom.window
    classroom.show_view("softmax")
    draw(window.canvas, ellipse(rx=0.18, ry=0.3))
    prediction = classroom.latest
    view = classroom.softmax
    assert np.array_equal(view.logits, prediction.logits)
    assert view.temperature == pytest.approx(1.0)
    assert np.allclose(view.probabilities, prediction.probabilities, atol=1e-5)
    digit_text = window.panel.digit_label.text()
    view.slider.setValue(100)  # T = 10: flatter
    flat = view.probabilities.copy()
    view.slider.setValue(10)  # T ≈ 0.16: sharper
    sharp = view.probabilities.copy()
    assert flat.max() < prediction.probabilities.max() <= sharp.max()
    assert np.argmax(flat) == np.argmax(sharp) == prediction.digit  # order kept
    assert flat.sum() == pytest.approx(1.0, abs=1e-5) and flat.min() > 0
    assert window.panel.digit_label.text() == digit_text
    assert "T = 0.16" in view.temperature_label.text()
    view.true_digit.setValue((prediction.digit + 1) % 10)  # "if it were another digit"
    scaled = prediction.logits.astype(np.float64) / view.temperature
    other = (prediction.digit + 1) % 10
    expected = np.log(np.exp(scaled - scaled.max()).sum()) - (scaled[other] - scaled.max())
    assert f"{expected:.3f}" in view.loss_label.text()
    view.true_digit.setValue(prediction.digit)  # sure and right: tiny, but never 0
    loss = float(view.loss_label.text().split("= ")[2].split(":")[0])
    assert 0 < loss < 0.01


def test_presentation_mode_enlarges_fonts_and_esc_leaves(classroom, qtbot):
    import pyqtgraph as pg

    window = classroom.window
    app = QApplication.instance()
    classroom.show_view("architecture")
    toolbar = window.findChild(QToolBar, "mainToolbar")
    axis = window.panel.probability_plot.getPlotItem().getAxis("bottom")
    caption = window.findChild(QLabel, "confidenceLabel")  # styled with a fixed font size
    assert "font-size" in caption.styleSheet()
    before = (app.font().pointSizeF(), axis.style["tickFont"].pointSizeF(),
              caption.styleSheet(), window.isFullScreen(), toolbar.isVisible(),
              app.palette().color(app.palette().ColorRole.Window).name())
    action = next(a for a in classroom.actions if a.objectName() == "actionPresentation")
    assert action.shortcut().toString() == "F11"
    action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    assert app.font().pointSizeF() >= 1.5 * before[0]
    table = classroom.architecture.table
    qtbot.waitUntil(lambda: table.font().pointSizeF() >= 1.5 * before[0])  # posted to widgets
    assert axis.style["tickFont"].pointSizeF() >= 1.5 * before[1]
    assert not toolbar.isVisible()
    assert caption.styleSheet() != before[2]  # its explicit size was scaled too
    assert app.palette().color(app.palette().ColorRole.Window).name() == "#000000"
    assert any(isinstance(i, pg.AxisItem) and i.pen().width() >= 3
               for i in window.panel.probability_plot.scene().items())

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    after = (app.font().pointSizeF(), axis.style["tickFont"].pointSizeF(),
             caption.styleSheet(), window.isFullScreen(), toolbar.isVisible(),
             app.palette().color(app.palette().ColorRole.Window).name())
    assert after == before
    qtbot.waitUntil(lambda: table.font().pointSizeF() == before[0])
    assert not action.isChecked()


def test_hidden_views_cost_nothing_per_prediction(classroom, monkeypatch):
    calls = []
    import cnn_desktop.core.saliency as saliency

    monkeypatch.setattr(saliency, "gradient_times_input",
                        lambda *args: calls.append(args) or np.zeros((28, 28), np.float32))
    draw(classroom.window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    assert classroom.latest is not None and calls == []
    classroom.show_view("saliency")
    assert len(calls) == 1  # the drawing it missed, shown when it appears
