"""Regression: PySide6 6.12.0 on Python < 3.12 corrupts the reference counts of None and
True and aborts the process (`Fatal Python error: none_dealloc`) after a few thousand
Qt calls. Run tens of thousands of calls and emits in a child process, so that the
abort, if it ever comes back, fails this test instead of killing the whole run."""

import subprocess
import sys
import textwrap

STRESS = textwrap.dedent(
    """
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QLabel

    class Emitter(QObject):
        flag = Signal(bool)
        value = Signal(object)

    app = QApplication([])
    emitter, label = Emitter(), QLabel()
    received = []
    emitter.flag.connect(received.append)
    emitter.value.connect(received.append)
    for i in range(20000):
        emitter.flag.emit(True)
        emitter.value.emit(None)
        label.setText(str(i))  # a call that returns nothing
        label.setVisible(False)
    print(len(received))
    """
)


def test_tens_of_thousands_of_qt_calls_and_emits_do_not_abort():
    result = subprocess.run(
        [sys.executable, "-c", STRESS], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "40000"
