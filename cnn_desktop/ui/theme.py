"""A dark theme, because the ink is white on black and classrooms use projectors.

Colours used by the pyqtgraph panels live here too, so that the Qt widgets and the
plots agree and a later change of palette happens in one place.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

BACKGROUND = "#1b1d22"  # window and plot backgrounds
SURFACE = "#24272e"  # frames, the area around the square canvas
TEXT = "#e8e8ea"
MUTED = "#8a8f99"  # axis labels, hints, "no digit"
ACCENT = "#ffb020"  # the winning bar and the predicted digit: visible from the back row
BAR = "#4f6d8f"  # the other nine bars
FEATURE_COLORMAP = "inferno"  # black (no activation) to bright yellow, like the ink


def dark_palette() -> QPalette:
    """Fusion's palette roles filled with the colours above."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: BACKGROUND,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: BACKGROUND,
        QPalette.ColorRole.ToolTipBase: SURFACE,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: SURFACE,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.BrightText: ACCENT,
        QPalette.ColorRole.Highlight: "#3d6fb0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.PlaceholderText: MUTED,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(MUTED))
    return palette


def apply_dark_theme(app: QApplication) -> None:
    """Fusion looks the same on every platform, so screenshots match what users see."""
    app.setStyle("Fusion")
    app.setPalette(dark_palette())


def muted_note(text: str, parent: QWidget) -> QLabel:
    """A wrapped, muted explanation under a classroom view: read once, not every frame."""
    note = QLabel(text, parent)
    note.setWordWrap(True)
    note.setStyleSheet(f"color: {MUTED};")
    return note
