"""Simplified Chinese: every text translated, nothing left in English, switching keeps the drawing.

The Chinese translator is installed by a fixture, whatever the machine's locale, and
removed at teardown so the other tests stay in English.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from types import SimpleNamespace

import pyqtgraph as pg
import pytest
from drawing import draw
from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressBar,
    QTableWidget,
    QToolBar,
    QWidget,
)

from cnn_desktop.ui import language
from cnn_desktop.ui import settings as keys

UI = Path(language.__file__).parent

# Names, terms and tokens that stay as they are in a Chinese classroom.
ALLOWED = {
    "cnn", "desktop",  # the product's name
    "mnist", "lenet", "relu", "softmax", "logit", "logits", "adam", "adamw", "sgd",
    "safetensors", "torchvision", "npz", "png", "jpg", "jpeg", "bmp", "gif", "webp", "tif",
    "tiff", "mb", "ln", "english",  # the language menu names each language in itself
    "ctrl", "shift", "alt", "del", "backspace", "esc",  # keyboard shortcuts
}
TECHNICAL = re.compile(
    r"\S*[/\\]\S*"  # paths
    r"|[\w.-]+\.(?:safetensors|png|npz)\b"  # file names
    r"|\b(?:conv|pool|fc)\d\b"  # layer identifiers, as in the code and the maps
    r"|train-images-idx3-ubyte(?:\[\.gz\])?"  # MNIST's file names
    r"|\bF\d+\b")  # function keys


def english_words(text: str) -> list[str]:
    """Words of two or more Latin letters that are not on the allowlist."""
    text = TECHNICAL.sub(" ", unescape(re.sub(r"<[^>]+>", " ", text)))
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word.lower() not in ALLOWED]


@pytest.fixture
def chinese() -> Iterator[None]:
    assert language.install_language(language.CHINESE)
    yield
    language.install_language(language.ENGLISH)


# --- the translation file ------------------------------------------------------------------
def translatable_texts() -> set[tuple[str, str]]:
    """(context, text) of every self.tr(…) in a class and every translate("Context", …)."""
    found: set[tuple[str, str]] = set()
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
            for node in ast.walk(cls):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "tr" and node.args
                        and isinstance(node.args[0], ast.Constant)):
                    found.add((cls.name, node.args[0].value))
        for node in ast.walk(tree):
            name = getattr(node.func, "attr", getattr(node.func, "id", "")) if isinstance(
                node, ast.Call) else ""
            if name in ("translate", "QT_TRANSLATE_NOOP") and len(node.args) >= 2 and all(
                    isinstance(arg, ast.Constant) for arg in node.args[:2]):
                found.add((node.args[0].value, node.args[1].value))
    return found


def test_every_interface_text_has_a_chinese_translation():
    """Fails when new text is not translated yet: run tools/update_translations.py, then
    translate what it marks unfinished in resources/translations/cnn_desktop_zh_CN.ts."""
    translator = QTranslator()
    assert translator.load("cnn_desktop_zh_CN", str(language.translations_dir()))
    texts = translatable_texts()
    assert len(texts) > 200
    missing = sorted(t for t in texts if not translator.translate(t[0], t[1]))
    assert not missing, f"{len(missing)} texts without a Chinese translation: {missing[:10]}"
    placeholders = re.compile(r"\{[^}]*\}")
    for context, text in texts:
        chinese = translator.translate(context, text)
        assert sorted(placeholders.findall(chinese)) == sorted(placeholders.findall(text)), (
            context, text, chinese)
        assert text.count("&") == chinese.count("&"), (context, text, chinese)


# --- the window in Chinese -----------------------------------------------------------------
def menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if action.menu() is not None:
            texts += menu_texts(action.menu())
        elif not action.isSeparator():
            texts += [action.text(), action.toolTip()]
    return texts


def widget_texts(root: QWidget) -> list[str]:
    """What a person can read in a widget and its children: labels, buttons, titles, tips,
    combo items, table headers, progress text, and pyqtgraph's titles and axis labels."""
    texts = [root.windowTitle(), root.toolTip(), root.accessibleName()]
    for widget in [root, *root.findChildren(QWidget)]:
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QDockWidget | QToolBar):
            texts.append(widget.windowTitle())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QProgressBar):
            texts.append(widget.format())
        elif isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                texts.append(header.text() if header else "")
                for row in range(widget.rowCount()):
                    item = widget.item(row, column)
                    texts += [item.text(), item.toolTip()] if item else []
        if isinstance(widget, pg.GraphicsView):
            for item in widget.scene().items():
                if isinstance(item, pg.LabelItem):
                    texts.append(item.text)
                elif isinstance(item, pg.AxisItem):
                    texts.append(item.labelText)
    for toolbar in root.findChildren(QToolBar):
        for action in toolbar.actions():
            texts += [action.iconText(), action.toolTip()]
    return texts


def assert_chinese(texts: list[str], where: str) -> None:
    english = {text: words for text in texts if text and (words := english_words(text))}
    assert not english, f"English left in {where}: {english}"


def test_with_the_chinese_translator_no_menu_or_dialog_is_left_in_english(chinese, make_window,
                                                                         qtbot):
    window = make_window()
    texts = [text for action in window.menuBar().actions() for text in menu_texts(action.menu())]
    assert "文件(&F)" in texts
    assert_chinese(texts, "the menus")
    assert_chinese(widget_texts(window) + [window.model_status.text()], "the main window")
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    window.predictor.predict_now()
    assert_chinese([window.panel.confidence_label.text()], "the prediction panel")

    classroom = window.classroom
    for key in classroom.docks:
        classroom.show_view(key)
    qtbot.waitUntil(lambda: classroom.test_set.compute_button.isEnabled(), timeout=30_000)
    assert_chinese([text for dock in classroom.docks.values() for text in widget_texts(dock)],
                   "the classroom views")

    dialog = window.teaching.show_retrain()
    assert dialog is not None
    assert_chinese(widget_texts(dialog), "the retrain dialog")
    dialog.close()
    samples = window.teaching.show_samples()
    assert samples is not None
    assert_chinese(widget_texts(samples), "My drawings")
    samples.close()

    window.actions_.about.trigger()
    box = window.findChild(QMessageBox)
    assert_chinese([box.windowTitle(), box.text()] + [b.text() for b in box.buttons()],
                   "the About box")
    box.close()
    qt_base = QTranslator()
    if qt_base.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        window.show_error(window.tr("The clipboard holds no image."))  # Qt's own "OK"
        assert_chinese([b.text() for b in window.findChild(QMessageBox).buttons()], "a message")


def test_english_words_are_found_and_technical_tokens_are_not():
    assert english_words("打开图像(&O)… (Ctrl+O)") == []
    assert english_words("LeNet，最大池化 · lenet-max.safetensors · conv1 · /home/a/b") == []
    assert english_words("Draw a digit") == ["Draw", "digit"]


# --- switching -----------------------------------------------------------------------------
@pytest.fixture
def restore_english() -> Iterator[None]:
    yield
    language.install_language(language.ENGLISH)


def test_view_language_switches_without_restart_and_keeps_the_drawing(
        restore_english, make_window, qtbot):
    window = make_window()
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.actions_.languages.actions["en"].isChecked()
    draw(window.canvas, [(0.3, 0.2), (0.7, 0.2), (0.45, 0.8)])
    drawing = window.canvas.raster().copy()
    steps = window.canvas.history.visible_steps()
    geometry = window.geometry()

    with qtbot.waitSignal(window.actions_.languages.windowReplaced) as replaced:
        window.actions_.languages.actions["zh_CN"].trigger()
    new = replaced.args[0]
    qtbot.addWidget(new)
    assert new is not window and new.isVisible() and not window.isVisible()
    assert new in language.open_windows()
    assert [a.text() for a in new.menuBar().actions()][:2] == ["文件(&F)", "编辑(&E)"]
    assert new.actions_.languages.actions["zh_CN"].isChecked()
    assert new.canvas.history.visible_steps() == steps
    # Chinese text may be a pixel taller than English: the canvas, not its square, differs.
    qtbot.waitUntil(lambda: new.canvas.paper_rect().size() == window.canvas.paper_rect().size(),
                    timeout=5_000)
    assert (new.canvas.raster() == drawing).all()
    assert new.geometry().size() == geometry.size()
    assert new.windowTitle() == "CNN Desktop — 写一个数字"
    qtbot.waitUntil(lambda: new.engine is not None, timeout=60_000)
    qtbot.waitUntil(lambda: new.panel.digit_label.text() == window.panel.digit_label.text(),
                    timeout=5_000)
    new.canvas.undo()  # the undo history came along too
    assert new.canvas.history.is_blank

    # The choice is saved: the next start is in Chinese, and switching back works.
    assert keys.open_settings().value(keys.LANGUAGE) == "zh_CN"
    language.install_language(language.ENGLISH)
    assert language.start_language() == "zh_CN"
    second = make_window()
    assert second.menuBar().actions()[0].text() == "文件(&F)"
    with qtbot.waitSignal(second.actions_.languages.windowReplaced) as replaced:
        second.actions_.languages.actions["en"].trigger()
    qtbot.addWidget(replaced.args[0])
    assert replaced.args[0].menuBar().actions()[0].text() == "&File"
    assert keys.open_settings().value(keys.LANGUAGE) == "en"


def test_without_a_saved_choice_the_system_locale_decides(monkeypatch):
    def system_locale(name: str) -> None:
        monkeypatch.setattr(language, "QLocale", SimpleNamespace(system=lambda: QLocale(name)))

    system_locale("zh_TW")
    assert language.chosen_language() == "zh_CN"
    system_locale("de_DE")
    assert language.chosen_language() == "en"
    keys.open_settings().setValue(keys.LANGUAGE, "zh_CN")
    assert language.chosen_language() == "zh_CN"


def test_a_running_training_keeps_the_language(restore_english, window):
    class Busy:
        running = True

    class Dialog:
        runner = Busy()

    window.teaching.retrain_dialog = Dialog()
    try:
        assert window.actions_.languages.switch("zh_CN") is None
    finally:
        window.teaching.retrain_dialog = None
    assert language.current_language() == "en"
    assert window.actions_.languages.actions["en"].isChecked()


def test_the_windows_weights_reasons_follow_the_cores():
    """Every kind of refusal the core knows has a template here, word for word."""
    from cnn_desktop.core import weights
    from cnn_desktop.ui import core_messages

    assert core_messages.REASONS == weights.REASONS


def test_a_refused_weights_file_is_explained_in_chinese(chinese, window, qtbot, tmp_path):
    bad = tmp_path / "classmate.safetensors"
    bad.write_bytes(b"not weights at all")
    with qtbot.waitSignal(window.errorShown) as shown:
        assert not window.load_weights(str(bad))
    message = shown.args[0]
    assert "classmate.safetensors" in message and "不是有效的 safetensors 文件" in message
    before_details = message.split("（")[0]
    assert english_words(before_details.replace("classmate.safetensors", "")) == []


def test_a_damaged_samples_file_is_explained_in_chinese(chinese, qtbot, tmp_path):
    from cnn_desktop.core.samples import SampleStore
    from cnn_desktop.ui.samples_view import SamplesView

    view = SamplesView(SampleStore(tmp_path / "mine").load())
    qtbot.addWidget(view)
    junk = tmp_path / "class.npz"
    junk.write_bytes(b"garbage")
    assert not view.import_from(str(junk))
    assert "不是可读取的手写样本文件" in view.message.text()
