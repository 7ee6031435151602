"""Make docs/retrain.png (the retrain dialog mid-training) and docs/teach.png (teach mode).

    CNN_DESKTOP_DATA=../shared/mnist python tools/screenshot_training.py

Runs the real window offscreen with throwaway settings and user data: draws digits
with mouse events, teaches a few of them, opens My drawings, and trains one epoch on
MNIST in the dialog, grabbing it half way. Look at the results before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from offscreen import ROOT, pump, start_app  # noqa: E402


def main() -> int:
    app = start_app()
    from drawing import draw, mnist_digit

    from cnn_desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.resize(1440, 900)
    window.show()
    while window.engine is None or window.teaching.store is None:
        pump(app, 0.05)
    for index in range(1, 13):  # teach a dozen real handwritten digits
        label, strokes = mnist_digit(index, size=0.62)
        window.canvas.clear()
        draw(window.canvas, *strokes)
        window.teaching.teach(label)
    pump(app, 0.2)
    view = window.teaching.show_samples()
    view.move(window.x() + 700, window.y() + 300)
    pump(app, 0.3)
    docs = ROOT / "docs"
    window.canvas.leaveEvent(None)
    window.grab().save(str(docs / "teach.png"))
    view.grab().save(str(docs / "samples.png"))
    view.close()

    dialog = window.teaching.show_retrain()
    dialog.epochsSpin.setValue(2)
    dialog.start()
    while not dialog.curves.test_accuracies:  # until the first epoch's test point
        pump(app, 0.1)
    pump(app, 3.0)
    dialog.grab().save(str(docs / "retrain.png"))
    print("wrote docs/teach.png, docs/samples.png, docs/retrain.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
