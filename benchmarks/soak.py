"""Soak: thousands of random strokes through the real window, with predictions on.

    python benchmarks/soak.py [--strokes 10000] [--clear-every 8]

A classroom app is drawn on all day. Every stroke is sent as real mouse events
(press, moves, release) and the event loop runs after every second one, so the live
prediction, the panel and the repaint happen as they would for a user. Reported: the
resident memory (RSS) before and after, and the per-frame latency (two pen samples
handled, then the prediction, the panel and the repaint) over the first and the last
strokes, so that a leak or a slowdown that builds up over time shows. The test suite
runs a short `soak` (tests/hardening/test_soak.py); this script runs the full one.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WARM_UP_STROKES = 100  # allocator pools, pyqtgraph caches and torch's first calls settle
WINDOW_STROKES = 500  # strokes in the "start" and "end" latency samples
PEN_STEP = 0.04  # canvas sides between pen samples: a brisk pen at 120 Hz
EVENTS_PER_FRAME = 2  # a 120 Hz mouse on a 60 Hz screen: two samples, then a frame


def rss_mb() -> float:
    """Resident memory of this process, from /proc (Linux) or the peak elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 1024)


def random_stroke(rng: random.Random) -> list[tuple[float, float]]:
    """2 or 3 points near a random spot on the canvas: the pieces of a digit (bars,
    hooks, corners), sometimes running off the edge."""
    x, y = rng.uniform(0.05, 0.95), rng.uniform(0.05, 0.95)
    return [(x + rng.uniform(-0.15, 0.15), y + rng.uniform(-0.2, 0.2))
            for _ in range(rng.randint(2, 3))]


def soak(window, strokes: int, seed: int = 0, clear_every: int = 8,
         warm_up: int = WARM_UP_STROKES) -> dict[str, float]:
    """Draw `strokes` random strokes (after `warm_up` more); figures as a dict.

    The canvas is cleared every `clear_every` strokes, as a user clears between digits.
    """
    from drawing import resample, send, to_widget
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    canvas = window.canvas
    rng = random.Random(seed)
    frame_s: list[list[float]] = []  # per stroke, the time of each of its frames

    def draw_one(index: int) -> list[float]:
        if index % clear_every == 0:
            canvas.clear()
            app.processEvents()
        points = [to_widget(canvas, x, y) for x, y in resample(random_stroke(rng), PEN_STEP)]
        events = [("press", points[0])] + [("move", p) for p in points[1:]]
        events.append(("release", points[-1]))
        times = []
        for start in range(0, len(events), EVENTS_PER_FRAME):
            started = time.perf_counter()
            for kind, position in events[start : start + EVENTS_PER_FRAME]:
                send(canvas, kind, position)
            app.processEvents()  # the frame: prediction, panel, repaint
            times.append(time.perf_counter() - started)
        return times

    for index in range(warm_up):
        draw_one(index)
    gc.collect()
    app.processEvents()
    rss_start = rss_mb()
    predictions_start = window.predictor.predictions
    for index in range(strokes):
        frame_s.append(draw_one(index))
    canvas.clear()
    app.processEvents()
    gc.collect()
    rss_end = rss_mb()
    sample = max(1, min(WINDOW_STROKES, strokes // 4))
    first = np.concatenate(frame_s[:sample]) * 1000
    last = np.concatenate(frame_s[-sample:]) * 1000
    return {
        "strokes": strokes,
        "frames": int(sum(len(times) for times in frame_s)),
        "predictions": window.predictor.predictions - predictions_start,
        "rss_start_mb": round(rss_start, 1),
        "rss_growth_mb": round(rss_end - rss_start, 1),
        "frame_ms_start_p50": round(float(np.median(first)), 3),
        "frame_ms_end_p50": round(float(np.median(last)), 3),
        "frame_ms_start_p95": round(float(np.percentile(first, 95)), 3),
        "frame_ms_end_p95": round(float(np.percentile(last, 95)), 3),
    }


def open_window():
    """A shown MainWindow with isolated settings and its model loaded."""
    from PySide6.QtCore import QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="cnn-desktop-soak-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from cnn_desktop.ui.app import configure_application
    from cnn_desktop.ui.main_window import MainWindow

    configure_application(app)
    window = MainWindow()
    window.show()
    deadline = time.perf_counter() + 120
    while window.engine is None and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if window.engine is None:
        raise RuntimeError("the model did not load")
    return app, window


def measure_soak(strokes: int = 10_000, clear_every: int = 8) -> dict[str, object]:
    """The soak figures for run.py (in this process: the window is created here)."""
    app, window = open_window()
    try:
        return {"soak": soak(window, strokes, clear_every=clear_every)}
    finally:
        window.close()
        app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strokes", type=int, default=10_000)
    parser.add_argument("--clear-every", type=int, default=8)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    figures = measure_soak(args.strokes, args.clear_every)["soak"]
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
