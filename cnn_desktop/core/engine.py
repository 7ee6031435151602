"""Inference: one drawing in, one `Prediction` value out.

The window calls `predict` on every frame while the pen moves, and a background
training run may hand over new weights at any moment. The engine keeps the model and
its description together in one immutable `ActiveModel` and replaces that reference in
a single assignment, so a prediction that is running keeps the model it started with:
it sees the old model or the new one, never a mix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

from cnn_desktop.core.model import STAGES, Architecture, LeNet
from cnn_desktop.core.preprocess import MNIST_SIZE, to_mnist, to_network_input
from cnn_desktop.core.weights import (
    LoadedWeights,
    WeightsMetadata,
    bundled_weights_path,
    load_weights,
)


@dataclass(frozen=True)
class Prediction:
    """Everything the live panel shows, as plain numpy arrays (no tensors, no grads)."""

    digit: int | None  # None when the drawing is empty: "no digit", never a guess
    probabilities: np.ndarray  # (10,), softmax of the logits; zeros when empty
    logits: np.ndarray  # (10,)
    network_input: np.ndarray  # (28, 28) in [0, 1], the digit after preprocessing
    activations: dict[str, np.ndarray] = field(default_factory=dict)  # stage -> (C, H, W)

    @property
    def confidence(self) -> float:
        return float(self.probabilities.max()) if self.digit is not None else 0.0


def empty_prediction() -> Prediction:
    """What an empty canvas shows: no digit, nothing lit."""
    shapes = {"conv1": (6, 28, 28), "pool1": (6, 14, 14), "conv2": (16, 10, 10),
              "pool2": (16, 5, 5)}
    return Prediction(
        digit=None,
        probabilities=np.zeros(10, np.float32),
        logits=np.zeros(10, np.float32),
        network_input=np.zeros((MNIST_SIZE, MNIST_SIZE), np.float32),
        activations={stage: np.zeros(shapes[stage], np.float32) for stage in STAGES},
    )


@dataclass(frozen=True)
class ActiveModel:
    """A model and what is known about it, swapped as one reference."""

    model: LeNet
    metadata: WeightsMetadata
    source: Path | None  # the file it came from; None for weights trained in this session

    @property
    def architecture(self) -> Architecture:
        return self.metadata.architecture


class Engine:
    """Loads weights, predicts drawings, and swaps models safely."""

    def __init__(self, weights: LoadedWeights) -> None:
        self._active = ActiveModel(weights.model.eval(), weights.metadata, weights.path)

    @classmethod
    def from_file(cls, path: str | os.PathLike[str] | None = None) -> Engine:
        """The given weights file, or the bundled max-pooling model."""
        return cls(load_weights(path if path is not None else bundled_weights_path("max")))

    @property
    def active(self) -> ActiveModel:
        return self._active

    def swap(self, model: LeNet, metadata: WeightsMetadata, source: Path | None = None) -> None:
        """Install new weights; predictions already running finish on the old ones."""
        replacement = LeNet(metadata.architecture)
        replacement.load_state_dict({k: v.detach().clone() for k, v in model.state_dict().items()})
        self._active = ActiveModel(replacement.eval(), metadata, source)

    def load(self, path: str | os.PathLike[str]) -> None:
        """Swap in a weights file; on a `WeightsError` the current model stays."""
        loaded = load_weights(path)
        self._active = ActiveModel(loaded.model, loaded.metadata, loaded.path)

    def predict(self, image: np.ndarray) -> Prediction:
        """A drawing of any size (see `preprocess.to_mnist`) → a `Prediction`."""
        digit_image = to_mnist(image)
        if digit_image is None:
            return empty_prediction()
        return self.predict_mnist(digit_image)

    def predict_mnist(self, digit_image: np.ndarray) -> Prediction:
        """An already MNIST-style 28x28 digit in [0, 1] → a `Prediction`."""
        model = self._active.model  # read once: a swap mid-call cannot mix models
        batch = torch.from_numpy(to_network_input(digit_image))[None, None]
        with torch.inference_mode():
            logits, stages = model.forward_with_stages(batch)
            probabilities = torch.softmax(logits, dim=1)
        return Prediction(
            digit=int(probabilities.argmax()),
            probabilities=probabilities[0].numpy().copy(),
            logits=logits[0].numpy().copy(),
            network_input=np.array(digit_image, np.float32),
            activations={name: value[0].numpy().copy() for name, value in stages.items()},
        )
