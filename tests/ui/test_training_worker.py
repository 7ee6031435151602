"""The retraining worker on its QThread: progress, results, cancel, shutdown."""

import numpy as np
import pytest

from cnn_desktop.core.data import load_mnist
from cnn_desktop.core.samples import Sample, SampleStore
from cnn_desktop.core.training import TrainingConfig
from cnn_desktop.core.training_data import DataChoice
from cnn_desktop.ui.training_worker import TrainingRequest, TrainingRunner


@pytest.fixture
def runner(qtbot):
    runner = TrainingRunner()
    yield runner
    assert runner.shutdown(5000)


def request(data_dir, choice=DataChoice.MNIST, samples=None, epochs=2, initial_model=None):
    if samples is None:
        samples = SampleStore.__new__(SampleStore)
        samples.samples = []
    return TrainingRequest(
        config=TrainingConfig(epochs=epochs, batch_size=40, hidden=(16,), augment=False),
        data=choice.value, data_dir=str(data_dir), samples=samples.digit_set(),
        initial_model=initial_model,
    )


def test_a_short_run_emits_progress_and_finishes(qtbot, runner, tiny_mnist):
    worker = runner.start(request(tiny_mnist))
    epochs, progress = [], []
    worker.epochFinished.connect(epochs.append)
    worker.batchProgress.connect(progress.append)
    with qtbot.waitSignal(worker.succeeded, timeout=60_000) as finished:
        pass
    outcome = finished.args[0]
    assert [e.epoch for e in epochs] == [1, 2]
    assert progress and progress[-1].batch == progress[-1].batches
    assert outcome.result.evaluation.confusion.sum() == 100
    assert outcome.mine_after is None
    qtbot.waitUntil(lambda: not runner.running, timeout=5000)


def test_training_runs_on_one_torch_thread_so_drawing_stays_smooth(
        qtbot, runner, tiny_mnist):
    import torch
    from PySide6.QtCore import Qt

    torch.set_num_threads(2)  # what a thread started before the model loaded would have
    worker = runner.start(request(tiny_mnist, epochs=1))
    seen = []
    worker.batchProgress.connect(lambda _: seen.append(torch.get_num_threads()),
                                 Qt.ConnectionType.DirectConnection)  # on the worker
    with qtbot.waitSignal(worker.succeeded, timeout=60_000):
        pass
    assert seen and set(seen) == {1}
    torch.set_num_threads(1)


def test_cancel_stops_within_a_batch(qtbot, runner, tiny_mnist):
    worker = runner.start(request(tiny_mnist, epochs=50))
    with qtbot.waitSignal(worker.batchProgress, timeout=60_000):
        pass
    with qtbot.waitSignal(worker.cancelled, timeout=1000):
        runner.cancel()
    assert runner.shutdown(2000)


def test_shutdown_during_training_joins_the_thread(qtbot, runner, tiny_mnist):
    worker = runner.start(request(tiny_mnist, epochs=50))
    with qtbot.waitSignal(worker.batchProgress, timeout=60_000):
        pass
    assert runner.shutdown(2000)
    assert not runner.running


def test_missing_mnist_is_a_message_but_my_drawings_only_still_trains(
    qtbot, runner, tmp_path, tiny_mnist
):
    worker = runner.start(request(tmp_path / "no-mnist"))
    with qtbot.waitSignal(worker.failed, timeout=60_000) as failed:
        pass
    assert str(tmp_path / "no-mnist") in failed.args[0]
    runner.shutdown()

    store = SampleStore(tmp_path / "samples")
    images = load_mnist(tiny_mnist, train=True)
    for index in range(20):
        store.add(Sample(int(images.labels[index]), images.images[index].numpy()))
    base = runner.start(request(tiny_mnist, epochs=3))
    with qtbot.waitSignal(base.succeeded, timeout=60_000) as trained:
        pass
    runner.shutdown()
    tuned = runner.start(request(tmp_path / "no-mnist", DataChoice.MINE_ONLY, store, epochs=2,
                                 initial_model=trained.args[0].result.model))
    with qtbot.waitSignal(tuned.succeeded, timeout=60_000) as finished:
        pass
    outcome = finished.args[0]
    assert outcome.held_out == 4
    assert outcome.result.evaluation is None  # no MNIST test set to report
    assert 0.0 <= outcome.mine_before <= 1.0 and np.isfinite(outcome.mine_after)


def test_a_thread_that_outlives_shutdown_is_kept_alive_not_destroyed(qtbot, tiny_mnist):
    """Destroying a running QThread aborts the process: it must survive its runner."""
    import gc

    from cnn_desktop.ui import worker_thread

    runner = TrainingRunner()
    worker = runner.start(request(tiny_mnist, epochs=50))
    with qtbot.waitSignal(worker.batchProgress, timeout=60_000):
        pass
    thread = runner.thread
    assert not runner.shutdown(0)  # no time to stop: it is still running
    del runner
    gc.collect()
    assert any(kept is thread for kept, _ in worker_thread._LIVE)
    qtbot.waitUntil(thread.isFinished, timeout=5000)  # the cancel flag stops it soon


def test_an_owner_destroyed_mid_run_does_not_take_the_thread_with_it(qtbot, tiny_mnist):
    """A dialog deleted without being closed: its running thread must not be destroyed
    with it (Qt would abort the process). Before the fix this crashed the test run."""
    import shiboken6
    from PySide6.QtCore import QObject

    owner = QObject()
    runner = TrainingRunner(owner)
    worker = runner.start(request(tiny_mnist, epochs=50))
    thread = runner.thread
    with qtbot.waitSignal(worker.batchProgress, timeout=60_000):
        pass
    shiboken6.delete(owner)  # C++ destructor now, runner included, thread still running
    assert not shiboken6.isValid(runner)
    assert thread.isRunning()
    worker.cancel_flag.set()
    qtbot.waitUntil(thread.isFinished, timeout=5000)


def test_my_drawings_only_without_drawings_says_what_to_do(qtbot, runner, tiny_mnist):
    worker = runner.start(request(tiny_mnist, DataChoice.MINE_ONLY))
    with qtbot.waitSignal(worker.failed, timeout=60_000) as failed:
        pass
    assert "teach some digits first" in failed.args[0]
