import threading

import pytest
import torch

from cnn_desktop.core.augment import RandomDigitDistortion, batch_pipeline
from cnn_desktop.core.data import load_mnist
from cnn_desktop.core.training import (
    TrainingCallbacks,
    TrainingCancelled,
    TrainingConfig,
    evaluate,
    train,
)

TINY = TrainingConfig(
    epochs=3, batch_size=32, learning_rate=1e-2, hidden=(32,), augment=False, seed=7
)


@pytest.fixture
def digits(tiny_mnist):
    return load_mnist(tiny_mnist, train=True), load_mnist(tiny_mnist, train=False)


def test_tiny_run_lowers_the_loss_and_reports_through_callbacks(digits):
    batches, epochs = [], []
    result = train(
        TINY, *digits,
        callbacks=TrainingCallbacks(on_batch=batches.append, on_epoch=epochs.append),
    )
    assert len(batches) == 3 * 13  # ceil(400 / 32) batches per epoch
    assert [e.epoch for e in epochs] == [1, 2, 3]
    assert epochs[-1].train_loss < epochs[0].train_loss
    assert batches[-1].remaining_s == pytest.approx(0.0, abs=1e-6)
    assert result.evaluation.accuracy > 0.5  # ten learnable patterns, chance is 0.1
    assert result.metadata.test_accuracy == result.evaluation.accuracy
    assert result.metadata.training_config["epochs"] == 3


def test_same_seed_same_weights(digits):
    config = TrainingConfig(epochs=1, batch_size=64, hidden=(16,), seed=3)
    first, second = train(config, *digits), train(config, *digits)
    for name, tensor in first.model.state_dict().items():
        assert torch.equal(second.model.state_dict()[name], tensor)


def test_cancel_stops_within_one_batch(digits):
    cancel = threading.Event()
    seen = []

    def on_batch(progress):
        seen.append(progress.batch)
        if progress.batch == 3:
            cancel.set()

    with pytest.raises(TrainingCancelled):
        train(TINY, *digits, callbacks=TrainingCallbacks(on_batch=on_batch), cancel=cancel)
    assert seen == [1, 2, 3]


def test_fine_tuning_starts_from_the_given_model(digits):
    config = TrainingConfig(epochs=1, batch_size=64, hidden=(32,), seed=1)
    base = train(config, *digits)
    no_steps = TrainingConfig(epochs=1, batch_size=64, learning_rate=1e-12, hidden=(32,))
    tuned = train(no_steps, *digits, initial_model=base.model)
    assert tuned.evaluation.accuracy == pytest.approx(base.evaluation.accuracy, abs=0.02)


def test_evaluate_counts_every_image_once(digits):
    result = train(TINY, *digits)
    evaluation = evaluate(result.model, digits[1])
    assert evaluation.confusion.sum() == 100
    assert evaluation.confusion.shape == (10, 10)
    assert evaluation.to_dict()["accuracy"] == evaluation.accuracy


def test_augmentation_changes_each_image_differently_but_keeps_the_ink():
    images = torch.zeros(8, 1, 32, 32)
    images[:, :, 8:24, 14:18] = 1.0
    distorted = RandomDigitDistortion(generator=torch.Generator().manual_seed(0))(images)
    assert distorted.shape == images.shape
    assert not torch.allclose(distorted[0], distorted[1])
    assert (distorted.sum((1, 2, 3)) > 0.5 * images.sum((1, 2, 3))).all()


def test_pipeline_without_augmentation_pads_and_normalises():
    batch = batch_pipeline(augment=False)(torch.zeros(4, 1, 28, 28, dtype=torch.uint8))
    assert batch.shape == (4, 1, 32, 32)
    assert torch.allclose(batch, torch.full_like(batch, -0.1307 / 0.3081))
