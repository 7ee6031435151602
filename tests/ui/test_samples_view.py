"""The teach buttons and the samples view, as a user clicks them."""

import numpy as np
from PySide6.QtCore import Qt

from cnn_desktop.core.samples import Sample, SampleStore
from cnn_desktop.ui.samples_view import SamplesView
from cnn_desktop.ui.teach_panel import TeachPanel


def filled_store(folder, labels=(1, 1, 7)) -> SampleStore:
    store = SampleStore(folder)
    for index, label in enumerate(labels):
        store.add(Sample.from_network_input(label, np.full((28, 28), index / 10)))
    return store


def test_teach_buttons_and_digit_keys_name_the_digit(qtbot):
    panel = TeachPanel()
    qtbot.addWidget(panel)
    panel.show()
    chosen = []
    panel.labelChosen.connect(chosen.append)
    qtbot.mouseClick(panel.buttons[7], Qt.MouseButton.LeftButton)
    with qtbot.waitActive(panel):
        panel.activateWindow()
    qtbot.keyClick(panel, Qt.Key.Key_3)
    assert chosen == [7, 3]
    assert panel.objectName() == "teachPanel"
    assert len(panel.buttons) == 10


def test_view_lists_by_digit_with_counts_and_deletes(qtbot, tmp_path):
    store = filled_store(tmp_path)
    view = SamplesView(store)
    qtbot.addWidget(view)
    assert view.objectName() == "samplesView"
    assert view.list.count() == 3
    assert view.digitFilter.itemText(0).endswith("(3)")
    view.digitFilter.setCurrentIndex(view.digitFilter.findData(1))
    assert view.list.count() == 2
    assert view.digitFilter.currentText() == "1 (2)"
    view.list.item(0).setSelected(True)
    assert view.delete_selected() == 1
    assert view.digitFilter.currentText() == "1 (1)"
    assert SampleStore(tmp_path).load().counts()[1] == 1


def test_export_then_import_into_another_users_store(qtbot, tmp_path):
    view = SamplesView(filled_store(tmp_path / "a"))
    qtbot.addWidget(view)
    assert view.export_to(str(tmp_path / "class.npz"))
    other = SamplesView(SampleStore(tmp_path / "b").load())
    qtbot.addWidget(other)
    with qtbot.waitSignal(other.samplesChanged):
        assert other.import_from(str(tmp_path / "class.npz"))
    assert other.list.count() == 3
    assert "Imported 3" in other.message.text()


def test_a_bad_import_is_a_message_and_changes_nothing(qtbot, tmp_path):
    view = SamplesView(filled_store(tmp_path / "a"))
    qtbot.addWidget(view)
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"garbage")
    assert not view.import_from(str(junk))
    assert "Could not import junk.npz" in view.message.text()
    assert view.list.count() == 3


def test_damaged_files_are_reported_when_the_view_opens(qtbot, tmp_path):
    store = filled_store(tmp_path)
    (tmp_path / f"{store.samples[0].identifier}.npz").write_bytes(b"broken")
    view = SamplesView(SampleStore(tmp_path).load())
    qtbot.addWidget(view)
    assert view.list.count() == 2
    assert "Skipped 1 damaged" in view.message.text()
