"""Where the window remembers itself between runs: one QSettings INI file.

INI on every platform (not the Windows registry) so that a teacher can copy or delete
one file, and so tests can point `QSettings.setPath` at a temporary folder.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "cnn-desktop"
APPLICATION = "cnn-desktop"

GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"  # toolbar position
SPLITTER = "window/splitter"  # canvas | panel
PANEL_SPLITTER = "window/panelSplitter"  # summary | feature maps
BRUSH_WIDTH = "canvas/brushWidth"  # pixels of a 280 px canvas
CONV_MAPS = "view/convMaps"  # show the maps before pooling
MODEL_CHOICE = "model/choice"  # "max", "avg" or the path of a weights file
DATA_DIR = "training/dataDir"  # the MNIST folder the user chose for retraining
TEACH_PANEL = "view/teachPanel"  # the teach buttons under the canvas are shown
LANGUAGE = "view/language"  # "en" or "zh_CN"; absent: the system locale decides


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)


def read_int(settings: QSettings, key: str, default: int) -> int:
    try:
        return int(settings.value(key, default))
    except (TypeError, ValueError):
        return default


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    return value if isinstance(value, bool) else str(value).lower() in ("true", "1")


def read_str(settings: QSettings, key: str, default: str) -> str:
    value = settings.value(key, default)
    return value if isinstance(value, str) and value else default
