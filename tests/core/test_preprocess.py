import numpy as np
import pytest

from cnn_desktop.core.preprocess import (
    CENTRE_OF_MASS,
    MNIST_MEAN,
    MNIST_STD,
    to_mnist,
    to_network_input,
)


def canvas_with_ink(shape=(280, 280), box=(40, 200, 100, 140)) -> np.ndarray:
    """A white block of ink (rows top:bottom, cols left:right) on a black canvas."""
    image = np.zeros(shape, np.uint8)
    top, bottom, left, right = box
    image[top:bottom, left:right] = 255
    return image


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    rows, cols = np.indices(image.shape)
    return float((rows * image).sum() / image.sum()), float((cols * image).sum() / image.sum())


def ink_box(image: np.ndarray, threshold: float = 0.1) -> tuple[int, int]:
    rows = np.flatnonzero((image > threshold).any(axis=1))
    cols = np.flatnonzero((image > threshold).any(axis=0))
    return rows[-1] - rows[0] + 1, cols[-1] - cols[0] + 1


def test_centre_of_mass_lands_where_mnist_puts_it():
    # an L shape: its centre of mass is far from its bounding box's centre
    image = np.zeros((300, 200), np.uint8)
    image[20:260, 30:60] = 255
    image[230:260, 30:180] = 255
    digit = to_mnist(image)
    assert digit.shape == (28, 28) and digit.dtype == np.float32
    row, col = centre_of_mass(digit)
    assert row == pytest.approx(CENTRE_OF_MASS[0], abs=0.05)
    assert col == pytest.approx(CENTRE_OF_MASS[1], abs=0.05)


def test_longer_side_is_scaled_to_20_pixels_keeping_the_aspect():
    digit = to_mnist(canvas_with_ink(box=(40, 240, 120, 170)))  # 200 tall, 50 wide
    height, width = ink_box(digit)
    assert height in (20, 21)  # 20 px, plus at most one row of sub-pixel shift
    assert width in (5, 6)


def test_values_stay_in_zero_one_with_full_ink_inside_the_stroke():
    digit = to_mnist(canvas_with_ink())
    assert digit.min() >= 0.0 and digit.max() <= 1.0
    assert digit.max() > 0.95


def test_dark_ink_on_paper_is_inverted_to_white_on_black():
    light = 255 - canvas_with_ink()
    np.testing.assert_allclose(to_mnist(light), to_mnist(canvas_with_ink()), atol=1e-5)


def test_rgb_and_transparent_rgba_read_like_grayscale():
    gray = canvas_with_ink()
    rgb = np.repeat(gray[..., None], 3, axis=2)
    np.testing.assert_allclose(to_mnist(rgb), to_mnist(gray), atol=1e-4)
    # black ink on a transparent background: only alpha says where the ink is
    rgba = np.zeros((*gray.shape, 4), np.uint8)
    rgba[..., 3] = gray
    np.testing.assert_allclose(to_mnist(rgba), to_mnist(gray), atol=1e-5)


def test_8_bit_grey_reads_exactly_like_the_same_values_as_floats():
    """The canvas path keeps 8-bit ink 8-bit until the crop; nothing may change by it."""
    rng = np.random.default_rng(0)
    soft = canvas_with_ink()
    soft[38:202, 98:142] = np.maximum(soft[38:202, 98:142], rng.integers(0, 256, (164, 44)))
    for image in (soft, 255 - soft):
        np.testing.assert_array_equal(to_mnist(image), to_mnist(image.astype(np.float32)))


def test_empty_and_nearly_empty_images_are_no_digit():
    assert to_mnist(np.zeros((280, 280), np.uint8)) is None
    assert to_mnist(np.full((280, 280), 255, np.uint8)) is None  # blank white paper
    speck = np.zeros((280, 280), np.uint8)
    speck[100:102, 100:102] = 255
    assert to_mnist(speck) is None


def test_a_mnist_sized_digit_keeps_its_shape():
    image = np.zeros((28, 28), np.uint8)
    image[4:24, 12:16] = 255  # a "1", already 20 px tall
    digit = to_mnist(image)
    assert ink_box(digit)[0] in (20, 21)


def test_network_input_is_padded_to_32_and_normalised_like_training():
    network_input = to_network_input(np.zeros((28, 28), np.float32))
    assert network_input.shape == (32, 32)
    np.testing.assert_allclose(network_input, -MNIST_MEAN / MNIST_STD, rtol=1e-6)
