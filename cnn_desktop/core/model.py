"""The LeNet-style network from the course notes, as a frozen description and a module.

The architecture is a small value (pooling kind and hidden widths) so that it can be
stored in a weights file's metadata, compared, and rebuilt exactly.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Literal

import torch
from torch import nn

Pooling = Literal["max", "avg"]

INPUT_SIZE = 32  # a 28x28 MNIST digit padded by 2 on every side
STAGES = ("conv1", "pool1", "conv2", "pool2")
FLAT_FEATURES = 16 * 5 * 5  # 400


@dataclass(frozen=True)
class Architecture:
    """What varies between the models a class may want to compare."""

    pooling: Pooling = "max"  # "max" or "avg"; pooling has no trainable parameters
    hidden: tuple[int, ...] = (120, 84)  # fully connected widths; () gives 400 -> 10 directly

    def __post_init__(self) -> None:
        if self.pooling not in ("max", "avg"):
            raise ValueError(f"pooling must be 'max' or 'avg', not {self.pooling!r}")
        hidden = tuple(int(width) for width in self.hidden)
        if any(width <= 0 for width in hidden):
            raise ValueError(f"hidden widths must be positive, not {self.hidden!r}")
        object.__setattr__(self, "hidden", hidden)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Architecture:
        fields = json.loads(text)
        return cls(pooling=fields["pooling"], hidden=tuple(fields["hidden"]))

    def describe(self) -> str:
        """A one-line summary for status bars and the About box."""
        widths = " → ".join(str(w) for w in (FLAT_FEATURES, *self.hidden, 10))
        return f"LeNet, {self.pooling} pooling, {widths}"


class LeNet(nn.Module):
    """1x32x32 → conv 6@5x5 → pool → conv 16@5x5 → pool → 400 → fully connected → 10."""

    def __init__(self, architecture: Architecture | None = None) -> None:
        super().__init__()
        self.architecture = architecture or Architecture()
        pool = nn.MaxPool2d if self.architecture.pooling == "max" else nn.AvgPool2d
        self.conv1 = nn.Conv2d(1, 6, kernel_size=5)
        self.pool1 = pool(2)
        self.conv2 = nn.Conv2d(6, 16, kernel_size=5)
        self.pool2 = pool(2)
        layers: list[nn.Module] = []
        width = FLAT_FEATURES
        for hidden in self.architecture.hidden:
            layers += [nn.Linear(width, hidden), nn.ReLU()]
            width = hidden
        layers.append(nn.Linear(width, 10))
        self.classifier = nn.Sequential(*layers)

    def forward(self, images: torch.Tensor) -> torch.Tensor:
        """Logits only: the training path, which needs no activations."""
        return self.forward_with_stages(images)[0]

    def forward_with_stages(
        self, images: torch.Tensor
    ) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        """Logits and every stage's activations from one pass, for the live panel."""
        conv1 = torch.relu(self.conv1(images))
        pool1 = self.pool1(conv1)
        conv2 = torch.relu(self.conv2(pool1))
        pool2 = self.pool2(conv2)
        logits = self.classifier(pool2.flatten(1))
        return logits, {"conv1": conv1, "pool1": pool1, "conv2": conv2, "pool2": pool2}
