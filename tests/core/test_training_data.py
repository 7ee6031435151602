import pytest
import torch

from cnn_desktop.core.data import DigitSet
from cnn_desktop.core.training_data import DataChoice, assemble


def digits(count: int, label: int) -> DigitSet:
    return DigitSet(torch.zeros(count, 28, 28, dtype=torch.uint8),
                    torch.full((count,), label, dtype=torch.int64))


def test_mine_only_is_just_the_users_digits():
    assert len(assemble(DataChoice.MINE_ONLY, None, digits(5, 3))) == 5
    with pytest.raises(ValueError, match="teach some digits"):
        assemble(DataChoice.MINE_ONLY, digits(10, 1), digits(0, 3))


def test_mixed_set_repeats_the_users_digits_to_about_two_percent():
    mixed = assemble(DataChoice.MNIST_AND_MINE, digits(10_000, 1), digits(10, 7))
    share = float((mixed.labels == 7).float().mean())
    assert 0.019 <= share <= 0.021


def test_mnist_choices_need_mnist():
    with pytest.raises(ValueError, match="MNIST"):
        assemble(DataChoice.MNIST, None, digits(3, 1))
    assert len(assemble(DataChoice.MNIST, digits(50, 1), digits(3, 2))) == 50


def test_held_out_split_is_disjoint_and_skipped_for_a_handful():
    from cnn_desktop.core.training_data import split_held_out

    mine = DigitSet(torch.arange(50, dtype=torch.uint8).view(50, 1, 1).expand(50, 28, 28).clone(),
                    torch.arange(50) % 10)
    kept, held = split_held_out(mine)
    assert len(kept) == 40 and len(held) == 10
    assert not set(kept.images[:, 0, 0].tolist()) & set(held.images[:, 0, 0].tolist())
    few_kept, few_held = split_held_out(digits(5, 1))
    assert len(few_kept) == 5 and len(few_held) == 0
