"""Retraining inside the app: how the window responds meanwhile, and how fast it stops.

    CNN_DESKTOP_DATA=../shared/mnist python benchmarks/training_lag.py [--json]

The real window is opened and one MNIST epoch (the Retrain dialog's defaults) runs on
the app's `TrainingRunner` thread, while a 10 ms timer on the GUI thread measures how
late each tick fires: the lag a user would feel as a stutter while drawing. Then a
few runs are cancelled at random moments mid-epoch and the time until the worker
reports `cancelled` is measured. Also given: the epoch time inside the app (which
keeps torch to one thread for smooth drawing) and with `cnn-desktop train`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

TICK_MS = 10


def wait_for(app, condition, timeout_s: float) -> bool:
    deadline = time.perf_counter() + timeout_s
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)
    return condition()


def retrain_request(data_dir: str | None, epochs: int = 1):
    """What the Retrain dialog sends with its defaults: MNIST only."""
    import torch

    from cnn_desktop.core.data import DigitSet
    from cnn_desktop.core.training import TrainingConfig
    from cnn_desktop.core.training_data import DataChoice
    from cnn_desktop.ui.training_worker import TrainingRequest

    nothing = DigitSet(torch.zeros(0, 28, 28, dtype=torch.uint8), torch.zeros(0, dtype=torch.int64))
    return TrainingRequest(config=TrainingConfig(epochs=epochs), data=DataChoice.MNIST.value,
                           data_dir=data_dir, samples=nothing, initial_model=None)


def _cancel_once(app, runner, request, delay_s: float) -> float:
    """Milliseconds from Cancel to the worker's `cancelled`, `delay_s` into an epoch."""
    worker = runner.start(request)
    started: list[object] = []
    cancelled: list[float] = []
    worker.batchProgress.connect(started.append)
    worker.cancelled.connect(lambda: cancelled.append(time.perf_counter()))
    wait_for(app, lambda: started, 120)
    wait_for(app, lambda: False, delay_s)  # somewhere mid-epoch
    asked = time.perf_counter()
    runner.cancel()
    wait_for(app, lambda: cancelled, 30)
    runner.shutdown(5000)
    return (cancelled[0] - asked) * 1000


def measure_training_lag(data_dir: str | None = None, cancels: int = 5) -> dict[str, object]:
    """GUI-thread lag during an epoch in the app's worker, and cancel latency."""
    from PySide6.QtCore import Qt, QTimer
    from soak import open_window

    from cnn_desktop.ui.training_worker import TrainingRunner

    app, window = open_window()
    runner = TrainingRunner(window)
    try:
        ticks: list[float] = []
        timer = QTimer(window)
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(TICK_MS)
        timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
        worker = runner.start(retrain_request(data_dir))
        epochs, errors = [], []
        worker.epochFinished.connect(epochs.append)
        worker.failed.connect(errors.append)
        timer.start()
        wait_for(app, lambda: epochs or errors, 3600)
        timer.stop()
        wait_for(app, lambda: not runner.running, 120)
        if errors:
            raise RuntimeError(errors[0])
        lag_ms = np.maximum(np.diff(ticks) * 1000 - TICK_MS, 0)

        rng = random.Random(0)
        stop_ms = [_cancel_once(app, runner, retrain_request(data_dir), rng.uniform(0.2, 1.5))
                   for _ in range(cancels)]
        return {"training_lag": {
            "ui_lag_ms_p50": round(float(np.percentile(lag_ms, 50)), 2),
            "ui_lag_ms_p99": round(float(np.percentile(lag_ms, 99)), 2),
            "ui_lag_ms_max": round(float(lag_ms.max()), 2),
            "epoch_app_s": round(epochs[0].seconds, 2),
            "cancel_ms_median": round(float(np.median(stop_ms)), 1),
            "cancel_ms_max": round(float(max(stop_ms)), 1),
        }}
    finally:
        runner.shutdown(10_000)
        window.close()


def measure_cli_epoch(data_dir: str | None = None) -> dict[str, object]:
    """`cnn-desktop train --epochs 1`, as a user runs it: epoch seconds and test accuracy."""
    command = [sys.executable, "-m", "cnn_desktop", "train", "--epochs", "1"]
    if data_dir:
        command += ["--data-dir", data_dir]
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run(command + ["--out", str(Path(folder) / "w.safetensors")],
                                capture_output=True, text=True, timeout=3600)
    epoch = re.search(r"epoch 1: ([\d.]+) s", result.stderr)
    accuracy = re.search(r"test accuracy ([\d.]+)%", result.stdout)
    if result.returncode != 0 or not epoch or not accuracy:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr else "failed")
    return {"epoch_cli_s": float(epoch.group(1)),
            "mnist_accuracy_one_epoch": float(accuracy.group(1)) / 100}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", help="MNIST folder (default: $CNN_DESKTOP_DATA)")
    parser.add_argument("--cancels", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    figures = measure_training_lag(args.data_dir, args.cancels)["training_lag"]
    if args.json:
        print(json.dumps(figures))
    else:
        for name, value in figures.items():
            print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
