"""The classroom views, wired to the main window: see inside the network.

One controller, like `Teaching`, so that `main_window` only adds its actions to the
menus and calls `shutdown` on close. Each view lives in a dock widget, hidden until
asked for, and follows the window through two signals: `predictor.predicted` (a
`Prediction` per pen move) and `models.engineChanged` (a new model). Work per
prediction is only done for views on screen: the saliency map costs a backward
pass, and a hidden view must cost nothing while the pen moves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QWidget

from cnn_desktop.ui.architecture_view import ArchitectureView
from cnn_desktop.ui.kernels_view import KernelsView
from cnn_desktop.ui.presentation import Presentation
from cnn_desktop.ui.saliency_view import SaliencyView
from cnn_desktop.ui.softmax_view import SoftmaxView
from cnn_desktop.ui.stage_highlight import StageHighlighter
from cnn_desktop.ui.test_set_view import TestSetView

if TYPE_CHECKING:
    from cnn_desktop.ui.main_window import MainWindow


class Classroom(QObject):
    """Creates the classroom docks and actions; keeps them in step with the window."""

    def __init__(self, window: MainWindow, data_dir: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.model = None  # the LeNet of the current engine
        self.latest = None  # the Prediction on screen
        self.architecture = ArchitectureView(window)
        self.kernels = KernelsView(window)
        self.saliency = SaliencyView(window)
        self.softmax = SoftmaxView(window)
        self.test_set = TestSetView(window)
        if data_dir is None:
            from cnn_desktop.ui import settings as keys

            data_dir = keys.read_str(window.settings, keys.DATA_DIR, "") or None
        self.test_set.set_data_dir(data_dir)
        self.docks: dict[str, QDockWidget] = {}
        for key, title, view in (
                ("architecture", self.tr("Architecture"), self.architecture),
                ("kernels", self.tr("Kernels"), self.kernels),
                ("saliency", self.tr("Why this answer"), self.saliency),
                ("softmax", self.tr("Softmax explained"), self.softmax),
                ("testSet", self.tr("Test set"), self.test_set)):
            self.docks[key] = self._dock(key, title, view)
        first = self.docks["architecture"]
        for dock in list(self.docks.values())[1:]:
            window.tabifyDockWidget(first, dock)
        self.presentation = Presentation(window)
        self.presentation_action = QAction(self.tr("&Presentation mode"), window)
        self.presentation_action.setObjectName("actionPresentation")
        self.presentation_action.setCheckable(True)
        self.presentation_action.setShortcut(QKeySequence("F11"))
        self.presentation_action.setToolTip(self.tr(
            "Full screen, large fonts, high contrast, for a projector (F11; Esc leaves)"))
        self.presentation_action.toggled.connect(self.presentation.set_active)
        self.presentation.toggled.connect(self.presentation_action.setChecked)
        window.addAction(self.presentation_action)  # F11 works with the menu bar hidden
        names = {"architecture": "actionArchitecture", "kernels": "actionKernels",
                 "saliency": "saliencyToggle", "softmax": "actionSoftmax",
                 "testSet": "actionTestSet"}
        self.view_actions: list[QAction] = []
        for key, dock in self.docks.items():
            action = dock.toggleViewAction()
            action.setObjectName(names[key])
            self.view_actions.append(action)
        self.actions: list[QAction] = [*self.view_actions, self.presentation_action]

        maps = window.panel.feature_maps.stages
        self.highlighter = StageHighlighter(maps)
        self.architecture.stageHovered.connect(self._architecture_hovered)
        for stage, view in maps.items():
            view.hovered.connect(
                lambda text, stage=stage: self.architecture.highlight_stage(
                    stage if text else None))
        self.test_set.imageChosen.connect(window.show_image)
        for key in ("saliency", "softmax"):
            self.docks[key].visibilityChanged.connect(self._refresh)
        window.predictor.predicted.connect(self.show_prediction)
        window.models.engineChanged.connect(self.set_engine)
        if window.engine is not None:
            self.set_engine(window.engine)

    def _dock(self, key: str, title: str, view: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"{key}Dock")  # saveState/restoreState key
        dock.setWidget(view)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.hide()
        return dock

    def show_view(self, key: str) -> QDockWidget:
        """Show one dock and bring its tab to the front."""
        dock = self.docks[key]
        dock.show()
        dock.raise_()
        return dock

    # --- following the window ---------------------------------------------------------------
    @Slot(object)
    def set_engine(self, engine) -> None:
        """A new model: its shapes, counts and weights; the test-set matrix goes stale."""
        self.model = engine.active.model
        self.architecture.show_model(self.model)
        self.kernels.show_model(self.model)
        self.softmax.reset_scale()
        self.test_set.set_model(self.model)
        self._refresh()

    @Slot(object)
    def show_prediction(self, prediction) -> None:
        self.latest = prediction
        if self.docks["softmax"].isVisible():
            self.softmax.show_prediction(prediction)
        if self.docks["saliency"].isVisible():
            self._explain(prediction)

    @Slot()
    def _refresh(self) -> None:
        """A view has come on screen: show it the prediction it missed while hidden."""
        if self.latest is not None:
            self.show_prediction(self.latest)

    def _explain(self, prediction) -> None:
        if prediction.digit is None or self.model is None:
            self.saliency.show_attribution(None, np.zeros((28, 28), np.float32), None)
            return
        from cnn_desktop.core.saliency import gradient_times_input

        attribution = gradient_times_input(self.model, prediction.network_input,
                                           prediction.digit)
        self.saliency.show_attribution(prediction.digit, attribution, prediction.network_input)

    @Slot(str)
    def _architecture_hovered(self, stage: str) -> None:
        self.highlighter.highlight(stage or None)
        view = self.window.panel.feature_maps.stages.get(stage)
        if view is not None and view.isHidden():
            self.window.statusBar().showMessage(self.tr(
                "The {stage} maps are hidden: View → Show convolution maps (C) shows them."
            ).format(stage=stage), 4000)

    def shutdown(self) -> bool:
        """Leave presentation mode and join the test-set thread before the window goes."""
        self.presentation.leave()
        return self.test_set.shutdown()
