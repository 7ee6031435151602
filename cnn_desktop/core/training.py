"""Train and evaluate: a config in, callbacks out, a cancel flag checked every batch.

The same function serves the command line (a progress bar) and the window's
background thread (live curves), so it prints nothing and knows no screen: it reports
through callbacks and stops when the cancel flag is set. Same config and seed, same
weights.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Literal

import numpy as np
import torch
import torch.nn.functional as F

from cnn_desktop.core.augment import batch_pipeline
from cnn_desktop.core.data import DigitSet
from cnn_desktop.core.model import Architecture, LeNet, Pooling
from cnn_desktop.core.weights import WeightsMetadata

Optimizer = Literal["adam", "adamw", "sgd"]


class TrainingCancelled(Exception):
    """The cancel flag was set; nothing was returned and nothing was written."""


@dataclass(frozen=True)
class TrainingConfig:
    """Everything that decides the trained weights (with the data)."""

    epochs: int = 1  # passes over the training set
    batch_size: int = 64  # images per step
    learning_rate: float = 3e-3  # peak of the one-cycle schedule
    optimizer: Optimizer = "adam"  # "adam", "adamw" or "sgd" (with Nesterov momentum)
    pooling: Pooling = "max"  # "max" or "avg"
    hidden: tuple[int, ...] = (120, 84)  # fully connected widths; () gives 400 -> 10
    augment: bool = True  # random rotation, scale, shift and pen width per image
    seed: int = 0  # same seed, same weights

    @property
    def architecture(self) -> Architecture:
        return Architecture(pooling=self.pooling, hidden=self.hidden)

    def to_dict(self) -> dict[str, object]:
        fields = asdict(self)
        fields["hidden"] = list(self.hidden)
        return fields


@dataclass(frozen=True)
class BatchProgress:
    """Reported after every batch: enough for a progress bar with time left."""

    epoch: int  # 1-based
    epochs: int
    batch: int  # 1-based within the epoch
    batches: int
    loss: float  # this batch's mean cross-entropy
    accuracy: float  # this batch's accuracy, 0..1
    elapsed_s: float  # since training started
    remaining_s: float  # estimated, for the whole run


@dataclass(frozen=True)
class EpochReport:
    """Reported after every epoch, for the curves."""

    epoch: int
    epochs: int
    train_loss: float
    train_accuracy: float
    test_accuracy: float | None  # None when no test set was given
    seconds: float


@dataclass(frozen=True)
class Evaluation:
    """Accuracy on a labelled set, overall, per class and as a confusion matrix."""

    accuracy: float
    per_class: np.ndarray  # (10,) accuracy for each true digit
    confusion: np.ndarray  # (10, 10) counts, rows = true digit, columns = predicted

    def to_dict(self) -> dict[str, object]:
        return {
            "accuracy": self.accuracy,
            "per_class": [float(a) for a in self.per_class],
            "confusion": self.confusion.astype(int).tolist(),
        }


@dataclass(frozen=True)
class TrainingResult:
    model: LeNet  # on the CPU, in eval mode
    metadata: WeightsMetadata  # with the config and the test accuracy
    evaluation: Evaluation | None  # on the test set, when one was given
    history: list[EpochReport] = field(default_factory=list)


@dataclass
class TrainingCallbacks:
    on_batch: Callable[[BatchProgress], None] | None = None
    on_epoch: Callable[[EpochReport], None] | None = None


def pick_device() -> torch.device:
    """CUDA or Apple's MPS when present, the CPU otherwise."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    if getattr(torch.backends, "mps", None) and torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def _make_optimizer(config: TrainingConfig, model: LeNet) -> torch.optim.Optimizer:
    if config.optimizer == "adam":
        return torch.optim.Adam(model.parameters(), lr=config.learning_rate)
    if config.optimizer == "adamw":
        return torch.optim.AdamW(model.parameters(), lr=config.learning_rate, weight_decay=1e-4)
    if config.optimizer == "sgd":
        return torch.optim.SGD(
            model.parameters(), lr=config.learning_rate, momentum=0.9, nesterov=True
        )
    raise ValueError(f"unknown optimizer {config.optimizer!r}")


def train(
    config: TrainingConfig,
    train_set: DigitSet,
    test_set: DigitSet | None = None,
    *,
    callbacks: TrainingCallbacks | None = None,
    cancel: threading.Event | None = None,
    initial_model: LeNet | None = None,
    device: torch.device | None = None,
) -> TrainingResult:
    """Train a LeNet (from scratch, or fine-tune `initial_model`) and evaluate it.

    Raises `TrainingCancelled` within one batch of `cancel` being set.
    """
    if len(train_set) == 0:
        raise ValueError("there are no training images")
    callbacks = callbacks or TrainingCallbacks()
    device = device or pick_device()
    generator = torch.Generator().manual_seed(config.seed)
    torch.manual_seed(config.seed)
    model = LeNet(config.architecture)
    if initial_model is not None:
        model.load_state_dict(initial_model.state_dict())
    model.to(device)
    optimizer = _make_optimizer(config, model)
    batches = math.ceil(len(train_set) / config.batch_size)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=config.learning_rate, total_steps=config.epochs * batches
    )
    pipeline = batch_pipeline(config.augment, generator)
    history: list[EpochReport] = []
    started = time.perf_counter()
    for epoch in range(1, config.epochs + 1):
        epoch_started = time.perf_counter()
        model.train()
        order = torch.randperm(len(train_set), generator=generator)
        loss_sum = correct = seen = 0.0
        for batch in range(1, batches + 1):
            if cancel is not None and cancel.is_set():
                raise TrainingCancelled
            index = order[(batch - 1) * config.batch_size : batch * config.batch_size]
            images = pipeline(train_set.images[index].unsqueeze(1)).to(device)
            labels = train_set.labels[index].to(device)
            logits = model(images)
            loss = F.cross_entropy(logits, labels)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
            schedule.step()
            batch_correct = float((logits.argmax(1) == labels).sum())
            loss_value = loss.item()
            loss_sum += loss_value * len(index)
            correct += batch_correct
            seen += len(index)
            if callbacks.on_batch is not None:
                elapsed = time.perf_counter() - started
                done = (epoch - 1) * batches + batch
                callbacks.on_batch(
                    BatchProgress(
                        epoch, config.epochs, batch, batches, loss_value,
                        batch_correct / len(index), elapsed,
                        elapsed / done * (config.epochs * batches - done),
                    )
                )
        model.eval()
        test_accuracy = evaluate(model, test_set).accuracy if test_set is not None else None
        report = EpochReport(
            epoch, config.epochs, loss_sum / seen, correct / seen, test_accuracy,
            time.perf_counter() - epoch_started,
        )
        history.append(report)
        if callbacks.on_epoch is not None:
            callbacks.on_epoch(report)
    model.to("cpu").eval()
    evaluation = evaluate(model, test_set) if test_set is not None else None
    metadata = WeightsMetadata(
        architecture=config.architecture,
        test_accuracy=evaluation.accuracy if evaluation is not None else None,
        training_config=config.to_dict(),
    )
    return TrainingResult(model, metadata, evaluation, history)


def evaluate(model: LeNet, digits: DigitSet, batch_size: int = 1000) -> Evaluation:
    """Accuracy, per-class accuracy and confusion matrix, without augmentation."""
    pipeline = batch_pipeline(augment=False)
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    predicted = []
    with torch.inference_mode():
        for start in range(0, len(digits), batch_size):
            images = pipeline(digits.images[start : start + batch_size].unsqueeze(1))
            predicted.append(model(images.to(device)).argmax(1).cpu())
    model.train(was_training)
    truth = digits.labels.numpy()
    guesses = torch.cat(predicted).numpy() if predicted else np.zeros(0, np.int64)
    confusion = np.zeros((10, 10), np.int64)
    np.add.at(confusion, (truth, guesses), 1)
    per_class_total = confusion.sum(axis=1)
    per_class = np.divide(
        np.diag(confusion), per_class_total,
        out=np.zeros(10), where=per_class_total > 0,
    )
    accuracy = float(np.trace(confusion) / max(1, confusion.sum()))
    return Evaluation(accuracy, per_class, confusion)
