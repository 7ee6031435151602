"""Which digits a retraining run learns from: MNIST, the user's own, or both.

Kept apart from the training loop so that the window and tests share one rule for
mixing: the user's few dozen drawings would vanish among 60,000 MNIST digits, so in
a mixed run they are repeated until they make up about 2% of the data.
"""

from __future__ import annotations

import math
from enum import Enum

import torch

from cnn_desktop.core.data import DigitSet

MINE_SHARE = 0.02  # the user's digits' share of a mixed training set


class DataChoice(str, Enum):
    MNIST = "mnist"  # train from scratch on MNIST
    MNIST_AND_MINE = "mnist+mine"  # from scratch, on MNIST and the user's digits
    MINE_ONLY = "mine"  # fine-tune the current model on the user's digits


def assemble(choice: DataChoice, mnist: DigitSet | None, mine: DigitSet) -> DigitSet:
    """The training set for a choice; ValueError says what is missing."""
    if choice is DataChoice.MINE_ONLY:
        if len(mine) == 0:
            raise ValueError("there are no saved drawings yet: teach some digits first")
        return mine
    if mnist is None:
        raise ValueError("MNIST is needed for this choice")
    if choice is DataChoice.MNIST or len(mine) == 0:
        return mnist
    repeats = max(1, math.ceil(MINE_SHARE * len(mnist) / len(mine)))
    return DigitSet.concatenate(mnist, *([mine] * repeats))


def split_held_out(
    mine: DigitSet, fraction: float = 0.2, seed: int = 0
) -> tuple[DigitSet, DigitSet]:
    """(to train on, held out) so "right on my drawings" is measured on unseen ones.

    Fewer than 10 drawings are all used for training: a held-out figure from one or
    two drawings would say nothing.
    """
    if len(mine) < 10:
        return mine, DigitSet(mine.images[:0], mine.labels[:0])
    order = torch.randperm(len(mine), generator=torch.Generator().manual_seed(seed))
    cut = round(len(mine) * fraction)
    held, kept = order[:cut], order[cut:]
    return DigitSet(mine.images[kept], mine.labels[kept]), DigitSet(
        mine.images[held], mine.labels[held]
    )
