"""Batch augmentation that makes MNIST forgive the ways people draw.

Drawn digits lean, are a bit too big or small, sit slightly off-centre, and come
with thicker or thinner pens than MNIST's. torchvision's v2 transforms draw one set
of random parameters per call, so a whole batch would share one distortion; the
distortion here is a v2 `Transform` that draws parameters per image and warps the
whole batch in one `grid_sample` call, which keeps the data pipeline far cheaper than
the network's own forward and backward pass.
"""

from __future__ import annotations

import math
from typing import Any

import torch
import torch.nn.functional as F
from torchvision.transforms import v2

from cnn_desktop.core.preprocess import MNIST_MEAN, MNIST_STD, PAD


class RandomDigitDistortion(v2.Transform):
    """Per-image rotation, scaling, shift and pen width on a (B, 1, H, W) float batch."""

    def __init__(
        self,
        degrees: float = 12.0,
        scale: tuple[float, float] = (0.85, 1.15),
        shift_pixels: float = 2.5,
        pen_change_probability: float = 0.4,
        generator: torch.Generator | None = None,
    ) -> None:
        super().__init__()
        self.degrees = degrees
        self.scale = scale
        self.shift_pixels = shift_pixels
        self.pen_change_probability = pen_change_probability
        self.generator = generator

    def _uniform(self, count: int, low: float, high: float) -> torch.Tensor:
        return torch.rand(count, generator=self.generator) * (high - low) + low

    def make_params(self, flat_inputs: list[Any]) -> dict[str, Any]:
        batch = flat_inputs[0].shape[0]
        size = flat_inputs[0].shape[-1]
        angle = self._uniform(batch, -self.degrees, self.degrees) * (math.pi / 180)
        zoom = self._uniform(batch, *self.scale)
        reach = 2 * self.shift_pixels / size  # grid coordinates span [-1, 1]
        shift = torch.stack([self._uniform(batch, -reach, reach) for _ in range(2)], dim=1)
        # The grid maps output to input, so the inverse zoom enlarges the digit.
        cos, sin = torch.cos(angle) / zoom, torch.sin(angle) / zoom
        theta = torch.stack(
            [torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1
        )
        pen = torch.rand(batch, generator=self.generator)
        half = self.pen_change_probability / 2
        return {"theta": theta, "thicker": pen < half, "thinner": (pen >= half) & (pen < 2 * half)}

    def transform(self, inpt: Any, params: dict[str, Any]) -> Any:
        images = inpt
        thicker = params["thicker"].to(images.device).view(-1, 1, 1, 1)
        thinner = params["thinner"].to(images.device).view(-1, 1, 1, 1)
        images = torch.where(thicker, (images + _dilate(images)) / 2, images)
        images = torch.where(thinner, (images - _dilate(-images)) / 2, images)
        grid = _affine_grid(params["theta"].to(images), images.shape[-2], images.shape[-1])
        return F.grid_sample(images, grid, padding_mode="zeros", align_corners=False)


def _dilate(images: torch.Tensor) -> torch.Tensor:
    """3x3 grey dilation as two separable maxima: ~10x faster than a stride-1 max_pool2d."""
    padded = F.pad(images, (1, 1, 1, 1), value=float(images.min()))
    rows = torch.maximum(torch.maximum(padded[..., :-2], padded[..., 1:-1]), padded[..., 2:])
    return torch.maximum(torch.maximum(rows[..., :-2, :], rows[..., 1:-1, :]), rows[..., 2:, :])


def _affine_grid(theta: torch.Tensor, height: int, width: int) -> torch.Tensor:
    """`F.affine_grid` (align_corners=False) by broadcasting: ~3x faster on small images."""
    ys = (torch.arange(height, device=theta.device, dtype=theta.dtype) * 2 + 1) / height - 1
    xs = (torch.arange(width, device=theta.device, dtype=theta.dtype) * 2 + 1) / width - 1
    grid_y, grid_x = torch.meshgrid(ys, xs, indexing="ij")
    weights = theta[:, :, :, None, None]
    sampled = weights[:, :, 0] * grid_x + weights[:, :, 1] * grid_y + weights[:, :, 2]
    return sampled.permute(0, 2, 3, 1)


def batch_pipeline(augment: bool, generator: torch.Generator | None = None) -> v2.Compose:
    """uint8 (B, 28, 28) → normalised float (B, 1, 32, 32), distorted when training."""
    steps: list[v2.Transform] = [v2.ToDtype(torch.float32, scale=True), v2.Pad(PAD)]
    if augment:
        steps.append(RandomDigitDistortion(generator=generator))
    steps.append(v2.Normalize(mean=[MNIST_MEAN], std=[MNIST_STD]))
    return v2.Compose(steps)
