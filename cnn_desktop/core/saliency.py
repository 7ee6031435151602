"""Why this answer: which pixels of the 28x28 input pushed the predicted class up or down.

Gradient × input of the predicted class's logit with respect to the network input,
shown on the 28x28 digit. Positive values pushed towards the answer, negative away.
It costs one forward and one backward pass (about a millisecond), so it can follow
the pen live like the rest of the panel.
"""

from __future__ import annotations

import numpy as np
import torch

from cnn_desktop.core.model import LeNet
from cnn_desktop.core.preprocess import PAD, to_network_input


def gradient_times_input(model: LeNet, digit: np.ndarray, target: int) -> np.ndarray:
    """(28, 28) float32 attribution of `target`'s logit to each pixel of `digit`.

    The input is measured from the blank background (normalised zero ink), so empty
    pixels get no credit whatever their gradient.
    """
    network_input = torch.from_numpy(to_network_input(digit))[None, None].requires_grad_(True)
    blank = torch.from_numpy(to_network_input(np.zeros_like(digit)))[None, None]
    with torch.enable_grad():
        logits = model(network_input)
        (gradient,) = torch.autograd.grad(logits[0, target], network_input)
    attribution = (gradient * (network_input.detach() - blank))[0, 0]
    return attribution[PAD:-PAD, PAD:-PAD].numpy().astype(np.float32)
