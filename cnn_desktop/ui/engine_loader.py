"""Load the engine, and with it torch, on a background thread.

Importing torch takes seconds on a classroom laptop; done on the GUI thread it would
keep the window from appearing. The loader resolves and reads the weights in a QThread
and hands the finished `Engine` to the GUI thread through a queued signal. The window
must `wait()` for it before closing: a QThread destroyed while running aborts the process.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal

from cnn_desktop.ui.core_messages import weights_problem

BUNDLED_CHOICES = ("max", "avg")  # the shipped models, by pooling kind


class EngineLoader(QThread):
    """Builds an Engine for a model choice: "max", "avg", or a weights file path."""

    loaded = Signal(object, str)  # Engine, and a warning ("" if the choice loaded as asked)
    failed = Signal(str)  # no model at all could be loaded

    def __init__(self, choice: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = choice

    def run(self) -> None:
        try:
            from cnn_desktop.core.engine import Engine
            from cnn_desktop.core.weights import WeightsError, bundled_weights_path
        except Exception as error:  # a broken torch install must not kill the window
            self.failed.emit(self.tr("The model cannot be loaded: {error}").format(error=error))
            return
        warning = ""
        try:
            path = bundled_weights_path(self.choice) if self.choice in BUNDLED_CHOICES else (
                self.choice)
            engine = Engine.from_file(path)
        except WeightsError as error:
            if self.choice == "max":
                self.failed.emit(self.tr("The model cannot be loaded: {error}").format(
                    error=weights_problem(error)))
                return
            warning = self.tr("Could not load the chosen model ({error}); using the bundled "
                              "one.").format(error=weights_problem(error))
            try:
                engine = Engine.from_file(None)
            except WeightsError as fallback_error:
                self.failed.emit(self.tr("The model cannot be loaded: {error}").format(
                    error=weights_problem(fallback_error)))
                return
        self.loaded.emit(engine, warning)
