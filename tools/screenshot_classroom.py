"""Make the classroom screenshots in docs/: each view, and the window in presentation mode.

    CNN_DESKTOP_DATA=../shared/mnist python tools/screenshot_classroom.py

Runs the real window offscreen on a virtual 1280×720 screen (a classroom projector)
with throwaway settings, draws a real MNIST handwriting path by mouse events, and
writes architecture.png, kernels.png, saliency.png, softmax.png, testset.png (needs
MNIST) and presentation.png. Look at every picture before committing it.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))
SCREEN = (1280, 720)


def _projector_screen() -> None:
    config = Path(tempfile.mkdtemp(prefix="cnn-desktop-shot-")) / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": "projector", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
         "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main() -> int:
    _projector_screen()
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cnn-desktop-shot-data-")
    from PySide6.QtCore import QEventLoop, QSettings, Qt
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="cnn-desktop-shot-settings-"))
    app = QApplication(sys.argv[:1])
    from drawing import draw, mnist_digit

    from cnn_desktop.ui.app import configure_application
    from cnn_desktop.ui.main_window import MainWindow

    configure_application(app)

    def pump(seconds: float = 0.2) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    docs = ROOT / "docs"
    window = MainWindow()
    window.resize(*SCREEN)
    window.show()
    classroom = window.classroom
    while window.engine is None:
        pump(0.05)
    _, strokes = mnist_digit(2, size=0.62)  # a handwritten 4
    draw(window.canvas, *strokes)
    window.canvas.leaveEvent(None)  # no brush outline in the pictures

    def save(widget, name: str) -> None:
        pump(0.3)
        path = docs / name
        if not widget.grab().save(str(path)):
            raise SystemExit(f"cannot write {path}")
        print(path)

    def floating(key: str, size: tuple[int, int]):
        for other in classroom.docks.values():
            other.hide()
        dock = classroom.show_view(key)
        dock.setFloating(True)
        dock.resize(*size)
        dock.move(0, 0)
        return dock

    # Architecture, docked beside the panel, pointing at pool1 (its maps framed).
    dock = classroom.show_view("architecture")
    pump()
    window.resizeDocks([dock], [520], Qt.Orientation.Horizontal)
    classroom.architecture.highlight_stage("pool1")
    classroom.highlighter.highlight("pool1")
    save(window, "architecture.png")
    classroom.architecture.highlight_stage(None)
    classroom.highlighter.highlight(None)
    dock.hide()

    save(floating("kernels", (900, 560)), "kernels.png")
    save(floating("saliency", (520, 600)), "saliency.png")
    dock = floating("softmax", (980, 560))
    classroom.softmax.slider.setValue(95)  # T ≈ 7.9: flattened, so every bar shows
    save(dock, "softmax.png")
    classroom.softmax.slider.setValue(50)

    dock = floating("testSet", (760, 700))
    deadline = time.monotonic() + 120
    while classroom.test_set.result is None and time.monotonic() < deadline:
        pump(0.1)
    if classroom.test_set.result is None:
        print(f"no test set: {classroom.test_set.status.text()}", file=sys.stderr)
    else:
        confusion = classroom.test_set.result.confusion.copy()
        confusion[range(10), range(10)] = 0
        true_digit, answer = divmod(int(confusion.argmax()), 10)
        classroom.test_set.matrix.setCurrentCell(true_digit, answer)
        classroom.test_set.show_cell(true_digit, answer)
        save(dock, "testset.png")
    for other in classroom.docks.values():
        other.hide()
        other.setFloating(False)

    classroom.presentation.enter()
    pump(0.5)
    save(window, "presentation.png")
    classroom.presentation.leave()
    classroom.shutdown()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
