"""Figures for the engine: predict latency, epoch time and accuracy, drawn-digit accuracy.

Each `measure_*` returns a dict of figures and prints nothing; `run.py` gathers them.
"""

from __future__ import annotations

import time

import numpy as np
from strokes import load_digits, render


def percentiles(samples_s: list[float]) -> dict[str, float]:
    milliseconds = np.array(samples_s) * 1000
    return {
        "p50": round(float(np.percentile(milliseconds, 50)), 3),
        "p95": round(float(np.percentile(milliseconds, 95)), 3),
        "p99": round(float(np.percentile(milliseconds, 99)), 3),
    }


def measure_predict(repeats: int = 2000) -> dict[str, object]:
    """A 280x280 drawing, preprocessing included, on one core."""
    import torch

    from cnn_desktop.core.engine import Engine

    torch.set_num_threads(1)
    engine = Engine.from_file()
    drawings = [render(strokes) for _, strokes in load_digits(50)]
    for drawing in drawings:  # warm up
        engine.predict(drawing)
    samples = []
    for i in range(repeats):
        drawing = drawings[i % len(drawings)]
        started = time.perf_counter()
        engine.predict(drawing)
        samples.append(time.perf_counter() - started)
    return {"predict_ms": percentiles(samples)}


def measure_drawn_accuracy(count: int = 2000) -> dict[str, object]:
    """Bundled models on MNIST digits redrawn from their pen paths with a round pen.

    The paths belong to MNIST's training digits, so this checks preprocessing (pen
    drawings → MNIST look), not generalisation to new writers.
    """
    from cnn_desktop.core.engine import Engine
    from cnn_desktop.core.weights import bundled_weights_path

    digits = load_digits(count, start=50_000)
    drawings = [render(strokes) for _, strokes in digits]
    labels = np.array([label for label, _ in digits])
    figures = {}
    for pooling in ("max", "avg"):
        engine = Engine.from_file(bundled_weights_path(pooling))
        guesses = np.array([engine.predict(d).digit for d in drawings])
        figures[pooling] = round(float((guesses == labels).mean()), 4)
    return {"drawn_accuracy": figures}


def measure_epoch(data_dir: str | None = None) -> dict[str, object]:
    """One epoch over MNIST's 60,000 training images with augmentation, default config."""
    from cnn_desktop.core.data import load_mnist
    from cnn_desktop.core.training import TrainingCallbacks, TrainingConfig, train

    train_set = load_mnist(data_dir, train=True)
    test_set = load_mnist(data_dir, train=False)
    reports = []
    result = train(
        TrainingConfig(epochs=1), train_set, test_set,
        callbacks=TrainingCallbacks(on_epoch=reports.append),
    )
    evaluation_free = reports[0].seconds  # includes one test pass, as a user waits for it
    return {"epoch_s": round(evaluation_free, 2), "mnist_accuracy": result.evaluation.accuracy}


def measure_shipped() -> dict[str, object]:
    from cnn_desktop.core.weights import bundled_weights_path, load_weights

    return {
        "shipped_accuracy": {
            pooling: load_weights(bundled_weights_path(pooling)).metadata.test_accuracy
            for pooling in ("max", "avg")
        }
    }
