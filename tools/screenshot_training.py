"""Make docs/retrain.png (the retrain dialog mid-training) and docs/teach.png (teach mode).

    CNN_DESKTOP_DATA=../shared/mnist python tools/screenshot_training.py

Runs the real window offscreen with throwaway settings and user data: draws digits
with mouse events, teaches a few of them, opens My drawings, and trains one epoch on
MNIST in the dialog, grabbing it half way. Look at the results before committing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))
sys.path.insert(0, str(ROOT / "tools"))

from screenshot import _offscreen_screen  # noqa: E402


def main() -> int:
    _offscreen_screen()
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cnn-desktop-shot-data-")
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="cnn-desktop-shot-settings-"))
    app = QApplication(sys.argv[:1])
    from drawing import draw, mnist_digit

    from cnn_desktop.ui.app import configure_application
    from cnn_desktop.ui.main_window import MainWindow

    configure_application(app)

    def pump(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    while window.engine is None or window.teaching.store is None:
        pump(0.05)
    for index in range(1, 13):  # teach a dozen real handwritten digits
        label, strokes = mnist_digit(index, size=0.62)
        window.canvas.clear()
        draw(window.canvas, *strokes)
        window.teaching.teach(label)
    pump(0.2)
    view = window.teaching.show_samples()
    view.move(window.x() + 700, window.y() + 300)
    pump(0.3)
    docs = ROOT / "docs"
    window.canvas.leaveEvent(None)
    window.grab().save(str(docs / "teach.png"))
    view.grab().save(str(docs / "samples.png"))
    view.close()

    dialog = window.teaching.show_retrain()
    dialog.epochsSpin.setValue(2)
    dialog.start()
    while not dialog.curves.test_accuracies:  # until the first epoch's test point
        pump(0.1)
    pump(3.0)
    dialog.grab().save(str(docs / "retrain.png"))
    print("wrote docs/teach.png, docs/samples.png, docs/retrain.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
