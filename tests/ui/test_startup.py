"""The window appears before torch is imported, and takes strokes before the model is in."""

from __future__ import annotations

import subprocess
import sys

from drawing import draw
from PySide6.QtWidgets import QMessageBox

from cnn_desktop.ui.main_window import MainWindow


def test_building_the_window_does_not_import_torch(tmp_path):
    code = ("import sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from cnn_desktop.ui.main_window import MainWindow\n"
            "window = MainWindow()\n"
            "window.show()\n"
            "print('torch' in sys.modules)\n"  # the loader thread starts after this
            "app.processEvents()\n"
            "window.close()\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={"QT_QPA_PLATFORM": "offscreen",
                                              "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                              "XDG_CONFIG_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "False"


def test_strokes_drawn_before_the_model_loads_are_classified(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.engine is None  # the loader has not even started yet
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    assert window.canvas.raster().max() == 255  # the stroke is on the canvas already
    qtbot.waitUntil(lambda: window.panel.digit_label.text().startswith("1"), timeout=60_000)


def test_about_names_the_architecture_and_accuracy(window):
    window.actions_.about.trigger()
    box = window.findChild(QMessageBox)
    assert box is not None and box.isVisible()
    text = box.text()
    assert window.engine.active.architecture.describe() in text
    assert "%" in text and "Test accuracy" in text
    box.close()


def test_a_saved_model_that_no_longer_loads_falls_back_to_the_bundled_one(tmp_path, qtbot):
    from cnn_desktop.ui import settings as keys

    broken = tmp_path / "gone.safetensors"
    keys.open_settings().setValue(keys.MODEL_CHOICE, str(broken))
    window = MainWindow()
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.errorShown, timeout=60_000) as message:
        window.show()
    assert "gone.safetensors" in message.args[0]
    qtbot.waitUntil(lambda: window.engine is not None)
    assert window.engine.active.architecture.pooling == "max"
    assert window.models.choice == "max"
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    qtbot.waitUntil(lambda: window.panel.digit_label.text().startswith("1"))
