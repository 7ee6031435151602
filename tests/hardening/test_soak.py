"""A short soak of the real window, and thirty windows opened and closed.

benchmarks/soak.py runs the full 10,000 strokes for the README's table; here a few
hundred go through the same `soak` function, so the suite still catches a leak or a
slowdown of a few kilobytes or a fraction of a millisecond per stroke.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

import pytest
import shiboken6
from drawing import draw
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QLabel

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from soak import rss_mb, soak  # noqa: E402  (benchmarks/soak.py)

needs_proc = pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                                reason="reads memory and threads from /proc")


def thread_count() -> int:
    return len(os.listdir("/proc/self/task"))


@needs_proc
def test_hundreds_of_random_strokes_neither_leak_nor_slow_down(window, qtbot):
    figures = soak(window, strokes=120, warm_up=20, clear_every=8)
    assert figures["predictions"] >= figures["strokes"]  # predictions were on throughout
    assert figures["rss_growth_mb"] < 20
    # Medians over hundreds of frames on a shared machine: noisy, but a slowdown that
    # builds up per stroke (a list walked on every paint, say) ends several times slower.
    assert figures["frame_ms_end_p50"] < 3 * figures["frame_ms_start_p50"] + 10
    draw(window.canvas, [(0.5, 0.2), (0.5, 0.8)])
    qtbot.waitUntil(lambda: window.findChild(QLabel, "predictionLabel").text().startswith("1"))


def open_and_close(qtbot) -> None:
    from cnn_desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.show()
    qtbot.waitUntil(lambda: window.engine is not None and not window.models.loading,
                    timeout=30_000)
    draw(window.canvas, [(0.3, 0.3), (0.7, 0.7)])
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()
    assert not shiboken6.isValid(window)  # the C++ window and its children are gone
    gc.collect()  # pyqtgraph's parentless plot menus live in reference cycles until then


@needs_proc
def test_thirty_windows_opened_and_closed_leave_no_thread_or_widget(qtbot):
    open_and_close(qtbot)  # the first one imports torch and starts its pools
    threads, widgets = thread_count(), len(QApplication.topLevelWidgets())
    memory = rss_mb()
    for _ in range(29):
        open_and_close(qtbot)
    assert len(QApplication.topLevelWidgets()) == widgets
    assert thread_count() <= threads
    assert rss_mb() - memory < 40  # about 1 MB a window would be a leak worth seeing
