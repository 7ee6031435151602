import shutil

import pytest
import torch

from cnn_desktop.core.data import (
    DATA_ENV,
    DigitSet,
    MnistNotFoundError,
    load_mnist,
    resolve_data_dir,
    user_data_dir,
)


def test_reads_the_four_files_gzipped_or_not(tiny_mnist):
    train = load_mnist(tiny_mnist, train=True)  # gzipped images, plain labels
    test = load_mnist(tiny_mnist, train=False)
    assert train.images.shape == (400, 28, 28) and train.images.dtype == torch.uint8
    assert test.labels.shape == (100,) and test.labels.dtype == torch.int64
    assert int(train.labels.max()) <= 9


def test_reads_torchvisions_own_layout(tiny_mnist, tmp_path):
    root = tmp_path / "root"
    shutil.copytree(tiny_mnist, root / "MNIST" / "raw")
    assert len(load_mnist(root, train=False)) == 100


def test_data_dir_comes_from_argument_then_environment_then_user_dir(tmp_path, monkeypatch):
    monkeypatch.setenv(DATA_ENV, str(tmp_path / "env"))
    assert resolve_data_dir(tmp_path / "arg") == tmp_path / "arg"
    assert resolve_data_dir() == tmp_path / "env"
    monkeypatch.delenv(DATA_ENV)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert resolve_data_dir() == user_data_dir() / "mnist"


def test_missing_mnist_says_where_it_looked_and_how_to_point_elsewhere(tmp_path):
    with pytest.raises(MnistNotFoundError) as caught:
        load_mnist(tmp_path / "empty", train=True)
    message = str(caught.value)
    assert str(tmp_path / "empty") in message
    assert "--data-dir" in message and DATA_ENV in message


def test_truncated_file_is_reported_not_crashed(tiny_mnist):
    labels = tiny_mnist / "t10k-labels-idx1-ubyte"
    labels.write_bytes(labels.read_bytes()[:50])
    with pytest.raises(MnistNotFoundError, match="truncated"):
        load_mnist(tiny_mnist, train=False)


def test_download_failure_is_a_clear_error(tmp_path, monkeypatch):
    import torchvision.datasets

    def offline(*args, **kwargs):
        raise RuntimeError("Error downloading train-images-idx3-ubyte.gz")

    monkeypatch.setattr(torchvision.datasets.MNIST, "download", offline)
    with pytest.raises(MnistNotFoundError, match="the download failed"):
        load_mnist(tmp_path, train=True, download=True)


def test_digit_sets_check_shapes_and_concatenate():
    one = DigitSet(torch.zeros(2, 28, 28, dtype=torch.uint8), torch.tensor([1, 2]))
    both = DigitSet.concatenate(one, one)
    assert len(both) == 4 and both.labels.tolist() == [1, 2, 1, 2]
    with pytest.raises(ValueError):
        DigitSet(torch.zeros(2, 32, 32, dtype=torch.uint8), torch.tensor([1, 2]))
