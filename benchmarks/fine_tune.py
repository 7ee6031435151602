"""Teach mode's promise, measured: fine-tuning on one writer's drawings.

A "writer" here is MNIST pen paths redrawn in one consistent, unusual hand (a strong
right slant, squashed width and a heavy pen), which the shipped model finds harder
than ordinary handwriting. The model is fine-tuned on `--teach` of these drawings
(through the preprocessing the app uses) and checked on other drawings of the same
writer it never saw, and on the MNIST test set, which must stay ≥ 98.5%.

    CNN_DESKTOP_DATA=../shared/mnist python benchmarks/fine_tune.py
"""

from __future__ import annotations

import argparse
import json

import numpy as np
import torch
from strokes import load_digits, render

SLANT = 0.55  # x += SLANT * (centre - y): a steep right lean
SQUASH = 0.7  # narrower digits
PEN = 34  # px on a 280 px canvas, about 1/5 of the digit height


def writer_drawing(strokes: list[np.ndarray]) -> np.ndarray:
    styled = []
    for stroke in strokes:
        x, y = stroke[:, 0], stroke[:, 1]
        styled.append(np.stack([140 + (x - 140) * SQUASH + SLANT * (140 - y), y], axis=1))
    return render(styled, pen=PEN)


def writer_set(count: int, start: int):
    from cnn_desktop.core.data import DigitSet
    from cnn_desktop.core.preprocess import to_mnist

    digits = load_digits(count, start=start)
    images = [to_mnist(writer_drawing(strokes)) for _, strokes in digits]
    pixels = np.stack([np.rint(image * 255).astype(np.uint8) for image in images])
    labels = torch.tensor([label for label, _ in digits])
    return DigitSet(torch.from_numpy(pixels), labels)


def measure_fine_tune(
    teach: int = 100, held_out: int = 500, epochs: int = 30, learning_rate: float = 1e-3
) -> dict:
    from cnn_desktop.core.data import load_mnist
    from cnn_desktop.core.engine import Engine
    from cnn_desktop.core.training import TrainingConfig, evaluate, train

    current = Engine.from_file().active
    taught = writer_set(teach, start=30_000)
    unseen = writer_set(held_out, start=40_000)
    mnist_test = load_mnist(train=False)
    config = TrainingConfig(epochs=epochs, batch_size=32, learning_rate=learning_rate,
                            pooling=current.architecture.pooling,
                            hidden=current.architecture.hidden)
    result = train(config, taught, mnist_test, initial_model=current.model)
    return {
        "fine_tune": {
            "taught_drawings": teach,
            "writer_before": round(evaluate(current.model, unseen).accuracy, 4),
            "writer_after": round(evaluate(result.model, unseen).accuracy, 4),
            "mnist_before": current.metadata.test_accuracy,
            "mnist_after": result.evaluation.accuracy,
        }
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teach", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--lr", type=float, default=1e-3)
    args = parser.parse_args()
    print(json.dumps(measure_fine_tune(args.teach, epochs=args.epochs, learning_rate=args.lr)))
