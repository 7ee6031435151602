"""The screenshot scripts' shared start: an offscreen app on a virtual screen.

Every picture is made from the real window, with throwaway settings and user data so
that nothing of the person running the script (their layout, their taught drawings)
leaks into it, and nothing of the script leaks into their files.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))  # drawing.py: real mouse-event strokes


def start_app(width: int = 1920, height: int = 1080):
    """A configured QApplication on a `width`x`height` offscreen screen (unless a
    platform is already chosen), with empty settings and an empty user data folder."""
    if not os.environ.get("QT_QPA_PLATFORM"):
        config = Path(tempfile.mkdtemp(prefix="cnn-desktop-shot-")) / "screen.json"
        config.write_text(json.dumps({"screens": [
            {"name": "shot", "x": 0, "y": 0, "width": width, "height": height,
             "logicalDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="cnn-desktop-shot-data-")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cnn_desktop.ui.app import configure_application

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="cnn-desktop-shot-settings-"))
    app = QApplication(sys.argv[:1])
    configure_application(app)
    return app


def pump(app, seconds: float = 0.2) -> None:
    """Let the window run for a while: repaints, queued signals, background results."""
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
