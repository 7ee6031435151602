"""Start the window: application names, theme, and the event loop.

Only PySide6 and pyqtgraph are imported on the way to `show()`; torch is imported by
the engine loader's thread afterwards, so the window appears in about a second even
where torch alone takes several.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from cnn_desktop.ui import settings
from cnn_desktop.ui.language import start_language
from cnn_desktop.ui.theme import apply_dark_theme


def configure_application(app: QApplication) -> None:
    """Names used by QSettings and the window manager, and the dark theme."""
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("CNN Desktop")
    app.setDesktopFileName("cnn-desktop")
    apply_dark_theme(app)


def run_app(argv: list[str]) -> int:
    """Open the main window and run until it closes; returns the exit code."""
    app = QApplication.instance() or QApplication(argv)
    configure_application(app)
    start_language()  # before any widget: strings are translated as widgets are built
    from cnn_desktop.ui.main_window import MainWindow  # pyqtgraph: after the QApplication

    window = MainWindow()
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(run_app(sys.argv))
