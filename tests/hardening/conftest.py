"""The window fixtures of tests/ui (isolated settings, a window with its model loaded),
shared here rather than copied, and tests/ui's drawing helpers on the path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

UI_TESTS = Path(__file__).resolve().parents[1] / "ui"
sys.path.insert(0, str(UI_TESTS))

_spec = importlib.util.spec_from_file_location("ui_fixtures", UI_TESTS / "conftest.py")
_ui_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_ui_fixtures)

isolated_settings = _ui_fixtures.isolated_settings
make_window = _ui_fixtures.make_window
window = _ui_fixtures.window
