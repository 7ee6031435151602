"""Make the classroom screenshots in docs/: each view, and the window in presentation mode.

    CNN_DESKTOP_DATA=../shared/mnist python tools/screenshot_classroom.py

Runs the real window offscreen on a virtual 1280×720 screen (a classroom projector)
with throwaway settings, draws a real MNIST handwriting path by mouse events, and
writes architecture.png, kernels.png, saliency.png, softmax.png, testset.png (needs
MNIST) and presentation.png. Look at every picture before committing it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offscreen import ROOT, start_app  # noqa: E402
from offscreen import pump as pump_app  # noqa: E402

SCREEN = (1280, 720)  # a classroom projector


def main() -> int:
    app = start_app(*SCREEN)
    from drawing import draw, mnist_digit
    from PySide6.QtCore import Qt

    from cnn_desktop.ui.main_window import MainWindow

    def pump(seconds: float = 0.2) -> None:
        pump_app(app, seconds)

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
