"""The weights we ship: their metadata, and (when MNIST is here) their real accuracy."""

import pytest

from cnn_desktop.core.data import load_mnist
from cnn_desktop.core.model import Architecture
from cnn_desktop.core.training import evaluate
from cnn_desktop.core.weights import bundled_weights_path, load_weights

REQUIRED = {"max": 0.993, "avg": 0.990}


@pytest.mark.parametrize("pooling", ["max", "avg"])
def test_shipped_metadata_describes_the_model(pooling):
    loaded = load_weights(bundled_weights_path(pooling))
    assert loaded.metadata.architecture == Architecture(pooling, (120, 84))
    assert loaded.metadata.test_accuracy >= REQUIRED[pooling]
    assert loaded.metadata.training_config["pooling"] == pooling
    assert loaded.metadata.created and loaded.metadata.package_version


@pytest.mark.mnist
@pytest.mark.parametrize("pooling", ["max", "avg"])
def test_shipped_accuracy_holds_on_the_real_test_set(pooling, real_mnist):
    loaded = load_weights(bundled_weights_path(pooling))
    evaluation = evaluate(loaded.model, load_mnist(real_mnist, train=False))
    assert evaluation.confusion.sum() == 10_000
    assert evaluation.accuracy == pytest.approx(loaded.metadata.test_accuracy, abs=1e-9)
    assert evaluation.accuracy >= REQUIRED[pooling]
