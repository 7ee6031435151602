"""Files from anywhere: every one gets a prediction or a clear message, never a crash.

The fixed corpus (see `corpus.py`) goes through `cnn-desktop predict` in a real
process (so a traceback or a hang would show) and through the window's Open image
and drop paths; hypothesis then damages valid files at random and feeds them to the
image reader that both paths share.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from corpus import (
    DIGIT,
    EMPTY,
    REFUSED,
    Case,
    encoded,
    good_files,
    one_picture,
    write_corpus,
)
from drawing import draw
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLabel

from cnn_desktop.core.image_io import ImageReadError, read_image
from cnn_desktop.ui.drawing_history import Picture
from cnn_desktop.ui.image_input import ImageInputError, ink_from_file
from cnn_desktop.ui.prediction_panel import EMPTY_DIGIT

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Case]:
    return write_corpus(tmp_path_factory.mktemp("bad-images"))


def test_predict_gives_every_file_a_line_and_never_a_traceback(corpus, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "cnn_desktop", "predict", "--json",
         *[str(case.path) for case in corpus]],
        capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 1  # some files were refused, the rest predicted
    answers = map(json.loads, result.stdout.splitlines())
    predicted = {answer["file"]: answer["digit"] for answer in answers}
    refused = {}
    for line in result.stderr.splitlines():
        assert line.startswith("cnn-desktop: "), f"not a one-line message: {line!r}"
        name, reason = line.removeprefix("cnn-desktop: ").split(": ", 1)
        refused[name] = reason
    for case in corpus:
        name = str(case.path)
        assert (name in predicted) != (name in refused), f"{case.path.name}: no single answer"
        if case.expect == DIGIT:
            assert predicted.get(name) == case.digit, case.path.name
        elif case.expect == EMPTY:
            assert name in predicted and predicted[name] is None, case.path.name
        elif case.expect == REFUSED:
            assert refused.get(name), case.path.name
    assert "too large" in refused[str(corpus[0].path.with_name("huge-declared.png"))]
    assert "too large" in refused[str(corpus[0].path.with_name("thin-strip.png"))]


def shown_digit(window) -> str:
    return window.findChild(QLabel, "predictionLabel").text()


def drop_file(window, path: Path) -> None:
    """A file dragged from a file manager and dropped on the canvas, as Qt delivers it."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    centre = QPointF(window.canvas.width() / 2, window.canvas.height() / 2)
    enter = QDragEnterEvent(centre.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window.canvas, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window.canvas, QDropEvent(
        centre, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier))


def check_window_answer(window, qtbot, case: Case, opened: bool, messages: list[str]) -> None:
    """A prediction that matches the file, or one message naming it; the drawing kept."""
    if case.expect == REFUSED:
        assert not opened, case.path.name
    if case.expect in (DIGIT, EMPTY):
        assert opened, f"{case.path.name}: {messages}"
    if not opened:
        assert len(messages) == 1 and case.path.name in messages[0], (case.path.name, messages)
        assert window.statusBar().currentMessage() == messages[0]
        return
    assert not messages, (case.path.name, messages)
    if case.expect == DIGIT:
        qtbot.waitUntil(lambda: shown_digit(window).startswith(str(case.digit)), timeout=2000)
    elif case.expect == EMPTY:
        qtbot.waitUntil(lambda: shown_digit(window) == EMPTY_DIGIT, timeout=2000)


@pytest.mark.parametrize("route", ["open", "drop"])
def test_window_open_and_drop_answer_every_file(window, qtbot, corpus, route):
    messages: list[str] = []
    window.errorShown.connect(messages.append)
    for case in corpus:
        draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])  # something to keep on a refusal
        before = window.canvas.raster().copy()
        messages.clear()
        if route == "open":
            opened = window.open_image(str(case.path))
        else:
            drop_file(window, case.path)
            steps = window.canvas.history.visible_steps()
            opened = bool(steps) and isinstance(steps[0], Picture)
        check_window_answer(window, qtbot, case, opened, messages)
        if not opened:
            assert np.array_equal(window.canvas.raster(), before), case.path.name
        window.canvas.clear()
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    qtbot.waitUntil(lambda: shown_digit(window).startswith("1"))  # still alive and reading


# --- hypothesis: damage valid files at random ------------------------------------------

SEEDS = {
    **good_files(),
    "gif": encoded(one_picture("P"), "GIF"),
    "tif": encoded(one_picture("I;16"), "TIFF", compression="tiff_deflate"),
    "webp": encoded(one_picture("RGB"), "WEBP"),
    "rgba.png": encoded(one_picture("RGBA"), "PNG"),
}


@st.composite
def damaged_files(draw_from) -> tuple[str, bytes]:
    """A valid file with some bytes replaced, some cut off, or garbage inserted."""
    extension = draw_from(st.sampled_from(sorted(SEEDS)))
    data = bytearray(SEEDS[extension])
    for _ in range(draw_from(st.integers(0, 6))):
        position = draw_from(st.integers(0, len(data) - 1))
        data[position] = draw_from(st.integers(0, 255))
    if draw_from(st.booleans()):
        data = data[: draw_from(st.integers(0, len(data)))]
    if draw_from(st.booleans()):
        position = draw_from(st.integers(0, len(data)))
        data[position:position] = draw_from(st.binary(max_size=64))
    return extension, bytes(data)


def check_array(array: np.ndarray) -> None:
    assert array.dtype == np.uint8
    assert array.ndim == 2 or (array.ndim == 3 and array.shape[2] == 4)
    assert array.size > 0


FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(damaged_files())
def test_damaged_files_give_an_image_or_a_reason(tmp_path, engine, sample):
    extension, data = sample
    path = tmp_path / f"damaged.{extension}"
    path.write_bytes(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning would be noise on predict's stderr
            array = read_image(path)
    except ImageReadError as error:
        assert error.path == path and error.reason
        return
    check_array(array)
    prediction = engine.predict(array)  # and the engine copes with whatever was decoded
    assert prediction.digit is None or 0 <= prediction.digit <= 9
    assert np.isfinite(prediction.probabilities).all()


@FUZZ
@given(st.binary(max_size=512), st.sampled_from(["png", "jpg", "bmp", "gif", "tif", "ico"]))
def test_arbitrary_bytes_give_an_image_or_a_reason(tmp_path, data, extension):
    path = tmp_path / f"anything.{extension}"
    path.write_bytes(data)
    try:
        check_array(read_image(path))
    except ImageReadError as error:
        assert error.reason


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(damaged_files())
def test_the_windows_reader_gives_ink_or_a_message(qapp, tmp_path, sample):
    extension, data = sample
    path = tmp_path / f"dropped.{extension}"
    path.write_bytes(data)
    try:
        ink = ink_from_file(path)
    except ImageInputError as error:
        assert path.name in str(error)
        return
    assert not ink.isNull() and max(ink.width(), ink.height()) <= 1024


@pytest.fixture(scope="module")
def engine():
    from cnn_desktop.core.engine import Engine

    return Engine.from_file()


def test_faint_sixteen_bit_ink_is_stretched_not_lost(tmp_path):
    """A naive convert('L') would round ink at 300 of 65535 down to black: no digit."""
    values = np.asarray(one_picture(), np.uint16) // 255 * 300  # ink at 300 of 65535
    Image.fromarray(values.astype(np.uint16)).save(tmp_path / "faint.png")
    faint = read_image(tmp_path / "faint.png")
    assert faint.max() == 255 and faint.min() == 0  # stretched, not rounded to black
