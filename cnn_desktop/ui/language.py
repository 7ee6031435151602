"""The interface language: English or Simplified Chinese, through Qt's translators.

The language is chosen before the first window is built (a saved choice, else the
system locale), because every string is translated once, when a widget is created.
Switching later (View → Language) therefore builds a new window in the new language
and hands it the drawing, rather than re-translating every widget in place: one code
path for all strings, and nothing can be left half-translated. The compiled `.qm` files
ship in `cnn_desktop.resources/translations`; `tools/update_translations.py` makes them.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup

from cnn_desktop.ui import settings as keys

if TYPE_CHECKING:
    from cnn_desktop.ui.main_window import MainWindow

ENGLISH = "en"
CHINESE = "zh_CN"
# Each language is named in itself, so a user who cannot read the current one finds theirs.
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}

_translators: list[QTranslator] = []  # installed now; Python must keep them alive
_current = ENGLISH
_windows: list[MainWindow] = []  # windows built by a switch: no one else holds them


def translations_dir() -> Path:
    return Path(str(resources.files("cnn_desktop.resources") / "translations"))


def system_language() -> str:
    """Any Chinese locale gets Simplified Chinese; everything else gets English."""
    for name in [QLocale.system().name(), *QLocale.system().uiLanguages()]:
        if name.lower().replace("-", "_").startswith("zh"):
            return CHINESE
    return ENGLISH


def chosen_language(settings: QSettings | None = None) -> str:
    """The saved choice when there is a valid one, else the system's language."""
    settings = settings if settings is not None else keys.open_settings()
    saved = keys.read_str(settings, keys.LANGUAGE, "")
    return saved if saved in LANGUAGES else system_language()


def current_language() -> str:
    """The language whose translators are installed now."""
    return _current


def install_language(code: str) -> bool:
    """Replace the installed translators; True when `code` is now in effect.

    Only widgets created afterwards are in the new language. Qt's own translation of
    its standard dialogs (buttons, file dialogs) is added when PySide6 ships it.
    """
    global _current
    app = QCoreApplication.instance()
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _current = ENGLISH
    if code == ENGLISH:
        return True
    ours = QTranslator()
    if code not in LANGUAGES or not ours.load(f"cnn_desktop_{code}", str(translations_dir())):
        return False  # a missing .qm leaves the app usable, in English
    translators = [ours]
    qt_base = QTranslator()  # optional: not every PySide6 wheel ships Qt's translations
    if qt_base.load(f"qtbase_{code}",
                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt_base)
    for translator in translators:
        app.installTranslator(translator)
        _translators.append(translator)
    _current = code
    return True


def start_language(settings: QSettings | None = None) -> str:
    """At start, before any window: install the saved or the system's language."""
    code = chosen_language(settings)
    return code if install_language(code) else ENGLISH


class LanguageActions(QObject):
    """View → Language: one checkable action per language; choosing one rebuilds the window."""

    windowReplaced = Signal(object)  # the new MainWindow, already shown

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.group = QActionGroup(self)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, window)
            action.setObjectName(f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, c=code: self.switch(c))
            self.group.addAction(action)
            self.actions[code] = action

    def switch(self, code: str) -> MainWindow | None:
        """Save the choice, then move to a new window in `code`; returns it (None: no change).

        A running training would be cancelled by closing its window, so the switch waits
        for it instead. Drawing, undo steps, eraser and presentation mode carry over; the
        rest of the layout goes through the settings the old window saves.
        """
        window = self._window
        if code == current_language():
            return None
        dialog = window.teaching.retrain_dialog
        if dialog is not None and dialog.runner.running:
            self.actions[current_language()].setChecked(True)
            window.show_error(self.tr("Finish or cancel the training before changing the "
                                      "language."))
            return None
        if not install_language(code):
            self.actions[current_language()].setChecked(True)
            window.show_error(self.tr("The translation for {language} is missing.").format(
                language=LANGUAGES.get(code, code)))
            return None
        window.settings.setValue(keys.LANGUAGE, code)
        new = rebuild_window(window)
        self.windowReplaced.emit(new)
        return new


def rebuild_window(old: MainWindow) -> MainWindow:
    """A new window, built in the installed language, in the old one's place and state."""
    from cnn_desktop.ui.main_window import MainWindow

    presenting = old.classroom.presentation.active
    old.classroom.presentation.leave()  # so the geometry saved is the normal one
    old.save_settings()
    new = MainWindow(old.settings)
    new.canvas.adopt_history(old.canvas.history)
    new.actions_.eraser.setChecked(old.actions_.eraser.isChecked())
    new.setGeometry(old.geometry())  # exactly in place: restoreGeometry may clamp to a screen
    new.setWindowState(old.windowState())  # maximized or full screen stay so
    _windows.append(new)
    new.show()
    if presenting:
        new.classroom.presentation.enter()
    old.close()  # joins its threads; the new window is already on screen
    # Closed windows are let go after this slot returns: the old window's action runs it.
    QTimer.singleShot(0, _forget_closed_windows)
    return new


def _forget_closed_windows() -> None:
    _windows[:] = [window for window in _windows if window.isVisible()]


def open_windows() -> list[MainWindow]:
    """The windows that language switches built and that are still open, newest last."""
    return [window for window in _windows if window.isVisible()]


# --- the core's messages -------------------------------------------------------------------
# The core (shared with the command line) writes English; where its exceptions carry the
# facts, the window says them again in the interface language.
def mnist_missing(error) -> str:
    """A `MnistNotFoundError` for the window: where it looked, and what went wrong there."""
    places = ", ".join(str(place) for place in error.searched)
    text = str(error)
    if match := re.search(r"; the download failed \((.*)\)\. Put the four", text, re.DOTALL):
        return QCoreApplication.translate(
            "CoreMessages", "MNIST could not be downloaded to {places} ({error}).").format(
            places=places, error=match.group(1))
    if match := re.search(r"; the files there are damaged \((.*)\)\. Put the four", text,
                          re.DOTALL):
        return QCoreApplication.translate(
            "CoreMessages", "The MNIST files in {places} are damaged ({error}).").format(
            places=places, error=match.group(1))
    return QCoreApplication.translate(
        "CoreMessages", "MNIST was not found (looked in {places}). Choose the folder with its "
        "four files (train-images-idx3-ubyte[.gz] and the others), or download them.").format(
        places=places)
