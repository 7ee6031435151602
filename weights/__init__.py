"""The trained weights that ship with cnn-desktop (installed as `cnn_desktop.weights`)."""
