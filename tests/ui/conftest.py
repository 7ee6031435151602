"""Fixtures for the window tests: isolated settings, a window with its model loaded.

Every test gets its own QSettings folder (INI format, which the app uses), so no test
reads or writes the user's ~/.config and the persistence test is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from cnn_desktop.ui import settings as keys


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    keys.open_settings().clear()
    yield folder


@pytest.fixture
def make_window(qtbot):
    """Build a shown MainWindow and wait until its model is installed."""
    from cnn_desktop.ui.main_window import MainWindow

    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)  # closed at teardown: closeEvent joins the loader thread
        window.show()
        qtbot.waitUntil(lambda: window.engine is not None, timeout=60_000)
        qtbot.waitUntil(lambda: not window.models.loading, timeout=5_000)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()
