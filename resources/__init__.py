"""Icons and translations (installed as `cnn_desktop.resources`)."""
