"""Time from launching `cnn-desktop` to the window being visible, and to the first model.

    python benchmarks/window_start.py [--runs 5]

Each run starts a fresh interpreter (as a user's double-click does), runs the real
entry point `cnn_desktop.cli.main([])`, and reports, measured from just before the
process was started: the end of the window's first paint (visible), and the moment
the engine was installed (predictions possible). Runs offscreen unless a display is
set. The figures include Python's own start-up and every import on the way.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtWidgets import QApplication

QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
marks = {}

class Timed(QApplication):
    def notify(self, receiver, event):
        kind = event.type()
        result = super().notify(receiver, event)
        if ("visible" not in marks and kind == QEvent.Type.Expose
                and receiver.objectName() == "mainWindowWindow"):
            marks["visible"] = time.time()  # exposed: painted and flushed to the screen
        return result

def poll():
    for widget in QApplication.topLevelWidgets():
        if widget.objectName() == "mainWindow" and getattr(widget, "engine", None):
            marks["engine"] = time.time()
            print(json.dumps(marks), flush=True)
            widget.close()
            return
    QTimer.singleShot(5, poll)

app = Timed(sys.argv[:1])
QTimer.singleShot(0, poll)
from cnn_desktop.cli import main
sys.exit(main([]))
"""


def one_run() -> dict[str, float]:
    env = dict(os.environ)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as settings:
        launched = time.time()
        output = subprocess.run([sys.executable, "-c", CHILD, settings], env=env, cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
    lines = [line for line in output.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"the window did not report: {output.stderr[-2000:]}")
    marks = json.loads(lines[-1])
    return {name: (moment - launched) * 1000 for name, moment in marks.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    runs = [one_run() for _ in range(args.runs)]
    for name, label in (("visible", "launch -> window visible"),
                        ("engine", "launch -> model ready")):
        values = np.array([run[name] for run in runs])
        print(f"{label}: median {np.median(values):.0f} ms, max {values.max():.0f} ms "
              f"({args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
