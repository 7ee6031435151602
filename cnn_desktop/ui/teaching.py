"""Teach mode, the user's drawings and retraining, wired to the main window.

One controller so that `main_window` only places the teach panel and adds the
actions. The user's samples are read once the model has loaded (reading them needs
torch, which must never delay the first window). A model the user chooses to use
is saved atomically in the user data directory and loaded through the same path as
Model → Load weights…, so it is remembered at the next start and Model → Reset to
bundled model goes back to the shipped one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Slot

from cnn_desktop.ui import settings as keys
from cnn_desktop.ui.core_messages import samples_problems
from cnn_desktop.ui.drawing_history import Stroke
from cnn_desktop.ui.teach_panel import TeachPanel

if TYPE_CHECKING:
    from cnn_desktop.ui.main_window import MainWindow

RETRAINED_NAME = "retrained.safetensors"


class Teaching(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = TeachPanel(window)
        self.panel.labelChosen.connect(self.teach)
        self.store = None  # cnn_desktop.core.samples.SampleStore, once torch is loaded
        self.latest = None  # the Prediction on screen
        self.retrain_dialog = None
        self.samples_view = None
        window.predictor.predicted.connect(self._remember)
        window.engineReady.connect(self._load_samples)

    @Slot(object)
    def _remember(self, prediction) -> None:
        self.latest = prediction

    @Slot()
    def _load_samples(self) -> None:
        if self.store is not None:
            return
        from cnn_desktop.core.samples import SampleStore

        self.store = SampleStore().load()
        if self.store.problems:
            self.window.show_error(self.tr(
                "Skipped {count} damaged saved drawing(s); the others are loaded: {names}"
            ).format(count=len(self.store.problems), names=samples_problems(self.store.problems)))

    def canvas_strokes(self) -> list[np.ndarray]:
        """The visible pen strokes as (n, 3) arrays of x, y, width in canvas units."""
        steps = self.window.canvas.history.visible_steps()
        return [np.asarray(step.points, np.float32) for step in steps
                if isinstance(step, Stroke) and not step.erase and step.points]

    @Slot(int)
    def teach(self, label: int) -> bool:
        """Save the drawing on the canvas as `label`; say so, or say why not."""
        if self.store is None:
            self.window.show_error(self.tr("The model is still loading; try again in a moment."))
            return False
        self.window.predictor.predict_now()  # the prediction for exactly what is drawn
        if self.latest is None or self.latest.digit is None:
            self.window.show_error(self.tr("Draw a digit first, then choose the right one."))
            return False
        from cnn_desktop.core.samples import Sample

        sample = Sample.from_network_input(label, self.latest.network_input,
                                           self.canvas_strokes())
        try:
            self.store.add(sample)
        except OSError as error:
            self.window.show_error(self.tr("Could not save the drawing: {error}").format(
                error=error.strerror or error))
            return False
        counts = self.store.counts()
        self.panel.show_feedback(self.tr(
            "Saved as {digit}. You have taught {total} drawings ({count} of {digit})."
        ).format(digit=label, total=sum(counts.values()), count=counts[label]))
        if self.samples_view is not None:
            self.samples_view.refresh()
        return True

    # --- dialogs -----------------------------------------------------------------------
    def show_samples(self):
        from cnn_desktop.ui.samples_view import SamplesView

        if self.store is None:
            self.window.show_error(self.tr("The model is still loading; try again in a moment."))
            return None
        if self.samples_view is None:
            self.samples_view = SamplesView(self.store, self.window)
        self.samples_view.refresh()
        self.samples_view.show()
        self.samples_view.raise_()
        return self.samples_view

    def show_retrain(self):
        """Non-modal: the user keeps drawing with the current model while it trains."""
        from cnn_desktop.ui.retrain_dialog import RetrainDialog

        engine = self.window.engine
        if engine is None or self.store is None:
            self.window.show_error(self.tr("The model is still loading; try again in a moment."))
            return None
        if self.retrain_dialog is not None and self.retrain_dialog.runner.running:
            self.retrain_dialog.show()
            self.retrain_dialog.raise_()
            return self.retrain_dialog
        settings = self.window.settings
        dialog = RetrainDialog(engine.active, self.store.digit_set(),
                               keys.read_str(settings, keys.DATA_DIR, "") or None, self.window)
        dialog.modelAccepted.connect(self.use_model)
        dialog.dataDirChanged.connect(lambda folder: settings.setValue(keys.DATA_DIR, folder))
        self.retrain_dialog = dialog
        dialog.show()
        return dialog

    @Slot(object)
    def use_model(self, outcome) -> bool:
        """Save the new model, then switch to it; if saving fails, use it for this session."""
        from cnn_desktop.core.data import user_data_dir
        from cnn_desktop.core.weights import save_weights

        result = outcome.result
        path = user_data_dir() / "models" / RETRAINED_NAME
        try:
            save_weights(path, result.model, result.metadata)
        except OSError as error:
            self.window.models.use_trained(result.model, result.metadata)
            self.window.show_error(self.tr(
                "The new model is in use but could not be saved ({error}); it will be gone "
                "when the app closes.").format(error=error.strerror or error))
            return False
        return self.window.load_weights(str(path))

    def shutdown(self) -> bool:
        """Stop a running training (within 2 s) before the window goes away."""
        stopped = True
        if self.retrain_dialog is not None:
            stopped = self.retrain_dialog.runner.shutdown(2000)
            self.retrain_dialog.close()
        if self.samples_view is not None:
            self.samples_view.close()
        return stopped
