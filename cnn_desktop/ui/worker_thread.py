"""One worker object on its own QThread: started, cancelled and joined the same way.

Retraining and the test-set pass both run a worker whose `run` slot blocks its thread's
event loop, so both are cancelled through the worker's `cancel_flag` (a
`threading.Event` their loops check every batch), never through a queued call. Qt
aborts the whole process if a running QThread is destroyed, so a thread that outlives
`shutdown`'s wait (a slow batch on a loaded machine) is kept, parentless, until it has
finished on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread

_OUTLIVING: list[tuple[QThread, QObject]] = []  # threads that outlived shutdown's wait


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
        self.thread = QThread(self)
        self.thread.setObjectName(self.thread_name)
        self.worker = worker
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
        _OUTLIVING[:] = [pair for pair in _OUTLIVING if not pair[0].isFinished()]
        if not stopped:
            self.thread.setParent(None)  # must not die with this runner's owner
            _OUTLIVING.append((self.thread, self.worker))
        self.thread = None
        self.worker = None
        return stopped
