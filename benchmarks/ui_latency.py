"""Event-to-panel latency: real MNIST digits replayed as mouse events at 120 Hz.

    python benchmarks/ui_latency.py [--digits N] [--hz 120] [--while-training]

For every mouse event, the time from the moment it was due (when the hand moved) to
the end of the first window repaint that shows a prediction including it (computed
from a canvas revision at least as new as the one the event produced). Events that
fall due while the app is busy are delivered together, as a window system queues
them, so waiting counts and the app's coalescing is exercised. The repaint is timed
where Qt finishes it: the top-level window's UpdateRequest, which paints and flushes
the backing store. Runs offscreen unless a display is set; prints median, p95 and max.
With --while-training, the app's retraining thread runs MNIST epochs meanwhile (needs
MNIST: set CNN_DESKTOP_DATA), as when a class draws while the model retrains.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "ui"))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class TimedApplication(QApplication):
    """Records when each repaint of the window ends, and what the panel showed then."""

    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.window = None
        self.frames: list[tuple[float, int]] = []  # (time the repaint ended, revision shown)
        self.shown_revision = -1

    def notify(self, receiver: QObject, event: QEvent) -> bool:
        repaint = receiver is self.window and event.type() == QEvent.Type.UpdateRequest
        result = super().notify(receiver, event)
        if repaint:
            self.frames.append((time.perf_counter(), self.shown_revision))
        return result


class Replay(QObject):
    """Sends the digits' mouse events on a 120 Hz schedule from inside the event loop."""

    def __init__(self, window, digits: int, period: float) -> None:
        super().__init__(window)
        from drawing import mnist_digit, stroke_events

        self.window, self.period = window, period
        self.digits = [mnist_digit(index) for index in range(digits)]
        self.events = [[event for stroke in strokes
                        for event in stroke_events(window.canvas, stroke)]
                       for _, strokes in self.digits]
        self.sent: list[tuple[float, int]] = []  # (time due, canvas revision it produced)
        self.correct = 0
        self.digit, self.step, self.next_time = 0, 0, 0.0
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        """Deliver every event that has fallen due, then wait for the next one."""
        from drawing import send

        canvas = self.window.canvas
        if self.step == 0:
            canvas.clear()
            self.next_time = time.perf_counter()
        events = self.events[self.digit]
        if self.step < len(events):
            while self.step < len(events) and self.next_time <= time.perf_counter():
                send(canvas, *events[self.step])
                self.sent.append((self.next_time, canvas.revision))
                self.step += 1
                self.next_time += self.period
            delay = self.next_time - time.perf_counter()
            self.timer.start(max(0, round(delay * 1000)))
            return
        label = self.digits[self.digit][0]
        self.correct += self.window.panel.digit_label.text() == str(label)
        self.digit, self.step = self.digit + 1, 0
        if self.digit < len(self.digits):
            self.timer.start(50)
        else:
            QTimer.singleShot(100, QApplication.quit)


def _start_training(app, window):
    """Retraining in the app's own worker thread, running when the first digit starts."""
    from training_lag import retrain_request, wait_for

    from cnn_desktop.ui.training_worker import TrainingRunner

    runner = TrainingRunner(window)
    worker = runner.start(retrain_request(None, epochs=20))  # outlasts the replay
    started: list[object] = []
    worker.batchProgress.connect(started.append)
    if not wait_for(app, lambda: started, 120):
        raise SystemExit("training did not start: is MNIST in $CNN_DESKTOP_DATA?")
    return runner


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--digits", type=int, default=40, help="MNIST digits to draw")
    parser.add_argument("--hz", type=float, default=120.0, help="mouse event rate")
    parser.add_argument("--while-training", action="store_true",
                        help="retrain on MNIST in the app's worker thread meanwhile")
    args = parser.parse_args()

    from drawing import strokes_available

    if not strokes_available():
        print("skipped: ../shared/strokes is not available")
        return 0
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp(prefix="cnn-desktop-bench-"))
    app = TimedApplication(sys.argv[:1])
    from cnn_desktop.ui.app import configure_application
    from cnn_desktop.ui.main_window import MainWindow

    configure_application(app)
    window = MainWindow()
    app.window = window
    window.show()
    deadline = time.perf_counter() + 60
    while window.engine is None and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if window.engine is None:
        print("the model did not load")
        return 1

    def remember(_prediction) -> None:
        app.shown_revision = window.predictor.predicted_revision

    window.panel.predictionShown.connect(remember)
    replay = Replay(window, args.digits, 1.0 / args.hz)
    runner = _start_training(app, window) if args.while_training else None
    QTimer.singleShot(200, replay.tick)
    app.exec()  # the real event loop: timers and repaints run as they would for a user
    if runner is not None:
        runner.cancel()
        runner.shutdown(10_000)

    frame_times = np.array([t for t, _ in app.frames])
    frame_revisions = np.maximum.accumulate(np.array([r for _, r in app.frames]))
    latencies = []
    sent = replay.sent
    for started, revision in sent:
        first = np.searchsorted(frame_revisions, revision)  # revisions only grow
        later = frame_times[first:]
        if len(later):
            latencies.append((later[0] - started) * 1000)
    latencies_ms = np.array(latencies)
    print(f"{len(sent)} mouse events at {args.hz:.0f} Hz over {args.digits} digits: "
          f"{window.predictor.predictions} predictions, {len(app.frames)} window repaints")
    print(f"event -> panel shown: median {np.median(latencies_ms):.1f} ms, "
          f"p95 {np.percentile(latencies_ms, 95):.1f} ms, max {latencies_ms.max():.1f} ms")
    print(f"digits read correctly at the end of drawing: {replay.correct}/{args.digits}")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores "
          "(other busy processes inflate the tail)")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
