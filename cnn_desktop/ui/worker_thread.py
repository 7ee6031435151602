"""One worker object on its own QThread: started, cancelled and joined the same way.

Retraining and the test-set pass both run a worker whose `run` slot blocks its thread's
event loop, so both are cancelled through the worker's `cancel_flag` (a
`threading.Event` their loops check every batch), never through a queued call.

Qt aborts the whole process if a running QThread is destroyed. So no thread is a child
of its runner: a dialog destroyed without being closed (or a thread that outlives
`shutdown`'s wait, a slow batch on a loaded machine) would take a running thread with
it. Every thread is instead kept in a module-level list, with its worker, until it has
finished; finished ones are dropped at the next launch or shutdown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread

_LIVE: list[tuple[QThread, QObject]] = []  # every thread launched, until it has finished


def _forget_finished() -> None:
    _LIVE[:] = [pair for pair in _LIVE if not pair[0].isFinished()]


class WorkerThread(QObject):
    """At most one worker at a time; subclasses build the worker in their `start`."""

    thread_name = "workerThread"
    join_timeout_ms = 2000

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread: QThread | None = None
        self.worker = None

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.isRunning()

    def launch(self, worker):
        """Stop any previous worker, then run this one; connect to it before Qt resumes.

        The worker needs a `run` slot, a `finished` signal and a `cancel_flag`.
        """
        self.shutdown()
        self.thread = QThread()  # no parent: see the module docstring
        self.thread.setObjectName(self.thread_name)
        self.worker = worker
        _forget_finished()
        _LIVE.append((self.thread, worker))
        worker.moveToThread(self.thread)
        self.thread.started.connect(worker.run)
        worker.finished.connect(self.thread.quit)
        self.thread.start()
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel_flag.set()

    def shutdown(self, timeout_ms: int | None = None) -> bool:
        """Cancel, stop and join the thread; True when it has really ended."""
        if self.thread is None:
            return True
        self.cancel()
        self.thread.quit()
        stopped = self.thread.wait(self.join_timeout_ms if timeout_ms is None else timeout_ms)
        _forget_finished()  # a thread still running stays in _LIVE until it has ended
        self.thread = None
        self.worker = None
        return stopped
