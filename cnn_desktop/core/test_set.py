"""Every test digit's prediction, for the classroom's confusion matrix and its images.

`training.evaluate` gives the same confusion matrix, but only as counts and in one
call. The test-set explorer needs more: which images fall in each cell (so a class
can look at the 4s read as 9s), progress while the 10,000 images run through the
network, and a cancel flag, because a new model makes a running pass worthless.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import torch

from cnn_desktop.core.augment import batch_pipeline
from cnn_desktop.core.data import DigitSet
from cnn_desktop.core.model import LeNet


class ClassificationCancelled(Exception):
    """The cancel flag was set; nothing was returned."""


@dataclass(frozen=True)
class ClassifiedSet:
    """True and predicted digit of every image, and the confusion matrix they make."""

    labels: np.ndarray  # (N,) true digits
    predicted: np.ndarray  # (N,) the model's answers
    confusion: np.ndarray  # (10, 10) counts, rows = true digit, columns = predicted

    @property
    def accuracy(self) -> float:
        return float(np.trace(self.confusion) / max(1, self.confusion.sum()))

    def indices(self, true_digit: int, predicted_digit: int) -> np.ndarray:
        """Positions in the set of the images in one cell of the confusion matrix."""
        return np.flatnonzero((self.labels == true_digit) & (self.predicted == predicted_digit))


def classify_digits(
    model: LeNet,
    digits: DigitSet,
    *,
    batch_size: int = 500,
    on_progress: Callable[[int, int], None] | None = None,
    cancel: threading.Event | None = None,
) -> ClassifiedSet:
    """Predict every image (no augmentation, as `evaluate` does); reports (done, total).

    The model is only read, never switched to training mode, so the window may keep
    predicting with the same model on its own thread meanwhile.
    """
    pipeline = batch_pipeline(augment=False)
    device = next(model.parameters()).device
    answers = []
    with torch.inference_mode():
        for start in range(0, len(digits), batch_size):
            if cancel is not None and cancel.is_set():
                raise ClassificationCancelled
            images = pipeline(digits.images[start : start + batch_size].unsqueeze(1))
            answers.append(model(images.to(device)).argmax(1).cpu())
            if on_progress is not None:
                on_progress(min(start + batch_size, len(digits)), len(digits))
    labels = digits.labels.numpy().astype(np.int64)
    predicted = torch.cat(answers).numpy() if answers else np.zeros(0, np.int64)
    confusion = np.zeros((10, 10), np.int64)
    np.add.at(confusion, (labels, predicted), 1)
    return ClassifiedSet(labels, predicted, confusion)
