"""The window's actions, menus and toolbar, with standard shortcuts.

Kept apart from `main_window` so the wiring there stays readable: this file says what
the user can do and with which keys; the window says what happens.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QSlider, QStyle, QToolBar

from cnn_desktop.ui.canvas import BRUSH_RANGE
from cnn_desktop.ui.language import LanguageActions

if TYPE_CHECKING:
    from cnn_desktop.ui.main_window import MainWindow

Shortcut = QKeySequence.StandardKey | str
# Chinese menus put the accelerator in brackets after the text: "文件(&F)".
CJK_MNEMONIC = re.compile(r"\s*\(&\w\)")


def plain_text(text: str) -> str:
    """A menu text without its accelerator or trailing ellipsis, for tooltips and toolbars."""
    return CJK_MNEMONIC.sub("", text).replace("&", "").rstrip("…").rstrip(".")


class WindowActions(QObject):
    """Creates every action on the window; keeps their enabled/checked state current."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        canvas = window.canvas
        style = window.style()
        icon = style.standardIcon
        self.open_image = self._action("actionOpenImage", self.tr("&Open image…"),
                                       lambda: window.open_image(),
                                       [QKeySequence.StandardKey.Open],
                                       icon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.save_drawing = self._action("actionSaveDrawing", self.tr("&Save drawing…"),
                                         lambda: window.save_drawing(),
                                         [QKeySequence.StandardKey.Save],
                                         icon(QStyle.StandardPixmap.SP_DialogSaveButton))
        self.quit = self._action("actionQuit", self.tr("&Quit"), window.close,
                                 [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        self.undo = self._action("actionUndo", self.tr("&Undo"), canvas.undo,
                                 [QKeySequence.StandardKey.Undo],
                                 icon(QStyle.StandardPixmap.SP_ArrowBack))
        self.redo = self._action("actionRedo", self.tr("&Redo"), canvas.redo,
                                 ["Ctrl+Shift+Z", "Ctrl+Y"],
                                 icon(QStyle.StandardPixmap.SP_ArrowForward))
        self.clear = self._action("actionClear", self.tr("&Clear"), canvas.clear,
                                  [QKeySequence.StandardKey.Delete, "Backspace"],
                                  icon(QStyle.StandardPixmap.SP_DialogDiscardButton))
        self.paste = self._action("actionPaste", self.tr("&Paste image"),
                                  lambda: window.paste_image(), [QKeySequence.StandardKey.Paste])
        self.eraser = self._action("actionEraser", self.tr("&Eraser"), None, ["E"])
        self.eraser.setCheckable(True)
        self.eraser.toggled.connect(lambda on: setattr(canvas, "erasing", on))
        self.conv_maps = self._action("actionShowConvMaps",
                                      self.tr("Show &convolution maps before pooling"),
                                      None, ["C"])
        self.conv_maps.setCheckable(True)
        self.conv_maps.setIconText(self.tr("Conv maps"))
        maps = window.panel.feature_maps
        self.conv_maps.toggled.connect(maps.set_conv_visible)
        maps.conv_toggle.toggled.connect(self.conv_maps.setChecked)
        self.full_screen = self._action("actionFullScreen", self.tr("&Full screen"),
                                        self._toggle_full_screen,
                                        ["Ctrl+Shift+F"])  # F11 is presentation mode
        self.load_weights = self._action("actionLoadWeights", self.tr("&Load weights…"),
                                         lambda: window.load_weights(), ["Ctrl+L"])
        self.pooling = QActionGroup(self)
        self.pooling.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.max_pooling = self._action("actionMaxPooling", self.tr("&Max pooling"),
                                        lambda: window.use_bundled("max"), ["Ctrl+1"])
        self.avg_pooling = self._action("actionAvgPooling", self.tr("&Average pooling"),
                                        lambda: window.use_bundled("avg"), ["Ctrl+2"])
        self.max_pooling.setIconText(self.tr("Max pool"))
        self.avg_pooling.setIconText(self.tr("Avg pool"))
        for action in (self.max_pooling, self.avg_pooling):
            action.setCheckable(True)
            self.pooling.addAction(action)
        self.reset_model = self._action("actionResetModel", self.tr("&Reset to bundled model"),
                                        lambda: window.use_bundled("max"))
        teaching = window.teaching
        self.retrain = self._action("actionRetrain", self.tr("Re&train…"),
                                    teaching.show_retrain, ["Ctrl+R"])
        self.samples = self._action("actionSamples", self.tr("My &drawings…"),
                                    teaching.show_samples, ["Ctrl+D"])
        self.teach = self._action("actionTeach", self.tr("&Teach panel"), None, ["Ctrl+T"])
        self.teach.setCheckable(True)
        self.teach.setChecked(True)
        self.teach.toggled.connect(teaching.panel.setVisible)
        self.about = self._action("actionAbout", self.tr("&About CNN Desktop"),
                                  window.show_about, [QKeySequence.StandardKey.HelpContents])
        self.languages = LanguageActions(window)  # View → Language
        self.brush_slider = QSlider(Qt.Orientation.Horizontal, window)
        self.brush_slider.setObjectName("brushWidth")
        self.brush_slider.setRange(*BRUSH_RANGE)
        self.brush_slider.setFixedWidth(140)
        self.brush_slider.setToolTip(self.tr("Brush width (about 22 gives MNIST-like strokes)"))
        self.brush_slider.valueChanged.connect(lambda width: setattr(canvas, "brush_width", width))
        self._build_menus()
        self._build_toolbar()
        self.update_edit_actions()
        self.update_model_actions(None)

    def _action(self, name: str, text: str, slot: Callable[[], object] | None,
                shortcuts: list[Shortcut] | None = None, icon: QIcon | None = None) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(icon)
        if shortcuts:
            sequences: list[QKeySequence] = []
            for shortcut in shortcuts:
                sequences += (QKeySequence.keyBindings(shortcut)
                              if isinstance(shortcut, QKeySequence.StandardKey)
                              else [QKeySequence(shortcut)])
            unique = list(dict.fromkeys(s.toString() for s in sequences if not s.isEmpty()))
            action.setShortcuts([QKeySequence(s) for s in unique])
            plain = plain_text(text)
            action.setToolTip(f"{plain} ({unique[0]})" if unique else plain)
        if CJK_MNEMONIC.search(text):  # "打开图像(&O)…": the toolbar shows "打开图像"
            action.setIconText(plain_text(text))
        if slot is not None:
            action.triggered.connect(lambda _checked=False: slot())
        self._window.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_menus(self) -> None:
        bar = self._window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.open_image, self.save_drawing])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit = bar.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo, self.redo, self.clear])
        edit.addSeparator()
        edit.addActions([self.paste, self.eraser])
        view = bar.addMenu(self.tr("&View"))
        view.addActions([self.conv_maps, self.teach, self.full_screen])
        view.addSeparator()
        view.addActions(self._window.classroom.actions)
        view.addSeparator()
        languages = view.addMenu(self.tr("&Language"))
        languages.setObjectName("languageMenu")
        languages.addActions(list(self.languages.actions.values()))
        model = bar.addMenu(self.tr("&Model"))
        model.addAction(self.load_weights)
        pooling = model.addMenu(self.tr("&Pooling"))
        pooling.addActions([self.max_pooling, self.avg_pooling])
        model.addAction(self.reset_model)
        model.addSeparator()
        model.addActions([self.retrain, self.samples])
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self._window)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        toolbar.addActions([self.open_image, self.save_drawing])
        toolbar.addSeparator()
        toolbar.addActions([self.undo, self.redo, self.clear, self.eraser])
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr(" Brush "), toolbar))
        toolbar.addWidget(self.brush_slider)
        toolbar.addSeparator()
        toolbar.addActions([self.max_pooling, self.avg_pooling])
        toolbar.addSeparator()
        toolbar.addAction(self.conv_maps)
        self._window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

    def update_edit_actions(self) -> None:
        history = self._window.canvas.history
        self.undo.setEnabled(history.can_undo)
        self.redo.setEnabled(history.can_redo)
        self.clear.setEnabled(not history.is_blank)

    def update_model_actions(self, choice: str | None) -> None:
        """Model actions work once the first load has ended, well or not."""
        ready = not self._window.models.loading
        for action in (self.load_weights, self.max_pooling, self.avg_pooling, self.reset_model,
                       self.retrain, self.samples):
            action.setEnabled(ready)
        self.max_pooling.setChecked(choice == "max")
        self.avg_pooling.setChecked(choice == "avg")

    def _toggle_full_screen(self) -> None:
        window = self._window
        if window.isFullScreen():
            window.showNormal()
        else:
            window.showFullScreen()
