"""The network as a table of stages: output shape and trainable parameters.

Computed from the loaded model itself (not typed in), so it changes with the pooling
kind and the hidden widths, and pooling rows show what the course notes stress: no
parameters, and the channel count kept.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from cnn_desktop.core.model import INPUT_SIZE, LeNet


@dataclass(frozen=True)
class StageSummary:
    name: str  # "conv1", "pool1", ..., "fc1", "output", "softmax"
    description: str  # what the stage does, e.g. "conv 5×5, 6 filters"
    shape: tuple[int, ...]  # output shape without the batch dimension
    parameters: int  # trainable weights and biases
    feature_stage: str | None = None  # the activation key shown in the feature-map panel


def summarize(model: LeNet) -> list[StageSummary]:
    """Input, each stage with its output shape and parameter count, in order."""
    def count(module: torch.nn.Module) -> int:
        return sum(p.numel() for p in module.parameters())

    pooling = "max" if model.architecture.pooling == "max" else "average"
    with torch.no_grad():
        _, stages = model.forward_with_stages(torch.zeros(1, 1, INPUT_SIZE, INPUT_SIZE))
    rows = [StageSummary("input", "image", (1, INPUT_SIZE, INPUT_SIZE), 0)]
    rows.append(StageSummary("conv1", "conv 5×5, 6 filters, ReLU",
                             tuple(stages["conv1"].shape[1:]), count(model.conv1), "conv1"))
    rows.append(StageSummary("pool1", f"{pooling} pool 2×2",
                             tuple(stages["pool1"].shape[1:]), 0, "pool1"))
    rows.append(StageSummary("conv2", "conv 5×5, 16 filters, ReLU",
                             tuple(stages["conv2"].shape[1:]), count(model.conv2), "conv2"))
    rows.append(StageSummary("pool2", f"{pooling} pool 2×2",
                             tuple(stages["pool2"].shape[1:]), 0, "pool2"))
    rows.append(StageSummary("flatten", "flatten", (stages["pool2"][0].numel(),), 0))
    linears = [m for m in model.classifier if isinstance(m, torch.nn.Linear)]
    for index, linear in enumerate(linears, start=1):
        last = index == len(linears)
        rows.append(StageSummary(
            "output" if last else f"fc{index}",
            "fully connected → logits" if last else "fully connected, ReLU",
            (linear.out_features,), count(linear)))
    rows.append(StageSummary("softmax", "softmax → probabilities", (10,), 0))
    return rows


def total_parameters(rows: list[StageSummary]) -> int:
    return sum(row.parameters for row in rows)
