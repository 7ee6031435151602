"""cnn-desktop: draw a digit and watch a small LeNet-style CNN classify it live."""

__version__ = "0.1.0"
