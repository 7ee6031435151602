import threading
from pathlib import Path

import numpy as np
import pytest
import torch

from cnn_desktop.core.engine import Engine
from cnn_desktop.core.model import Architecture, LeNet
from cnn_desktop.core.preprocess import to_mnist
from cnn_desktop.core.weights import LoadedWeights, WeightsError, WeightsMetadata


def random_engine(seed: int, pooling="max") -> Engine:
    torch.manual_seed(seed)
    architecture = Architecture(pooling)
    return Engine(LoadedWeights(LeNet(architecture), WeightsMetadata(architecture), Path("x")))


def drawing() -> np.ndarray:
    image = np.zeros((280, 280), np.uint8)
    image[50:230, 130:152] = 255
    return image


def test_predict_returns_numpy_values_for_every_stage():
    prediction = random_engine(0).predict(drawing())
    assert prediction.digit == int(np.argmax(prediction.probabilities))
    assert prediction.probabilities.shape == (10,)
    assert prediction.probabilities.sum() == pytest.approx(1.0, abs=1e-5)
    assert (prediction.probabilities > 0).all()  # softmax never reaches exactly 0
    assert prediction.logits.shape == (10,)
    np.testing.assert_array_equal(prediction.network_input, to_mnist(drawing()))
    shapes = {name: a.shape for name, a in prediction.activations.items()}
    assert shapes == {"conv1": (6, 28, 28), "pool1": (6, 14, 14),
                      "conv2": (16, 10, 10), "pool2": (16, 5, 5)}
    assert all(isinstance(a, np.ndarray) for a in prediction.activations.values())


def test_empty_canvas_is_no_digit_not_a_guess():
    prediction = random_engine(0).predict(np.zeros((280, 280), np.uint8))
    assert prediction.digit is None
    assert prediction.confidence == 0.0
    assert not prediction.probabilities.any()
    assert prediction.activations["pool2"].shape == (16, 5, 5)


def test_swap_during_predictions_never_mixes_models():
    engine, first, second = random_engine(1), random_engine(1), random_engine(2)
    image = drawing()
    expected = [first.predict(image).logits, second.predict(image).logits]
    assert not np.allclose(*expected)
    seen: list[np.ndarray] = []
    stop = threading.Event()

    def predict_loop():
        while not stop.is_set():
            seen.append(engine.predict(image).logits)

    worker = threading.Thread(target=predict_loop)
    worker.start()
    try:
        for turn in range(200):
            source = second if turn % 2 == 0 else first
            engine.swap(source.active.model, source.active.metadata)
    finally:
        stop.set()
        worker.join(5)
    assert seen
    for logits in seen:
        assert any(np.allclose(logits, e, atol=1e-6) for e in expected)


def test_swap_copies_weights_so_later_training_cannot_leak_in():
    engine, trained = random_engine(1), random_engine(2)
    engine.swap(trained.active.model, trained.active.metadata)
    before = engine.predict(drawing()).logits
    with torch.no_grad():
        for parameter in trained.active.model.parameters():
            parameter.add_(1.0)
    np.testing.assert_array_equal(engine.predict(drawing()).logits, before)


def test_a_bad_weights_file_keeps_the_current_model(tmp_path):
    engine = random_engine(3)
    before = engine.active
    bad = tmp_path / "bad.safetensors"
    bad.write_bytes(b"not weights")
    with pytest.raises(WeightsError):
        engine.load(bad)
    assert engine.active is before
