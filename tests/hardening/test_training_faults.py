"""Faults around training and saving: cancel at any moment, a killed process, a full disk.

What a user must never see: a model that changed because a run was cancelled, a
thread still running after it, a weights file or a saved drawing that no longer loads
because the power went (SIGKILL) or the disk filled up mid-save.
"""

from __future__ import annotations

import errno
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import torch

from cnn_desktop.cli import main as cli_main
from cnn_desktop.core import weights
from cnn_desktop.core.data import DigitSet, load_mnist
from cnn_desktop.core.model import LeNet
from cnn_desktop.core.samples import Sample, SampleStore
from cnn_desktop.core.training import TrainingConfig
from cnn_desktop.core.training_data import DataChoice
from cnn_desktop.core.weights import WeightsMetadata, load_weights, save_weights
from cnn_desktop.ui.training_worker import TrainingRequest, TrainingRunner

ROOT = Path(__file__).resolve().parents[2]


def thread_count() -> int:
    """OS threads of this process: QThreads and torch's pools included."""
    return len(os.listdir("/proc/self/task"))


def retrain_request(data_dir: Path, choice: DataChoice, mine: DigitSet, active) -> TrainingRequest:
    """As the Retrain dialog asks: fine-tuning keeps the current model's architecture."""
    architecture = active.architecture
    return TrainingRequest(
        config=TrainingConfig(epochs=40, batch_size=40, pooling=architecture.pooling,
                              hidden=architecture.hidden, augment=False),
        data=choice.value, data_dir=str(data_dir), samples=mine,
        initial_model=active.model if choice is DataChoice.MINE_ONLY else None,
    )


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
def test_cancel_at_20_random_moments_keeps_the_model_and_leaves_no_thread(
    window, qtbot, tiny_mnist
):
    active = window.engine.active
    weights_before = {k: v.clone() for k, v in active.model.state_dict().items()}
    digits = load_mnist(tiny_mnist, train=True)
    mine = DigitSet(digits.images[:30], digits.labels[:30])
    runner = TrainingRunner(window)
    rng = random.Random(20)
    outcomes: list[str] = []

    def one_run(delay_ms: int, choice: DataChoice) -> None:
        # The live model itself, not a copy: fine-tuning must never write into it.
        worker = runner.start(retrain_request(tiny_mnist, choice, mine, active))
        worker.cancelled.connect(lambda: outcomes.append("cancelled"))
        worker.succeeded.connect(lambda _outcome: outcomes.append("finished first"))
        worker.failed.connect(outcomes.append)
        qtbot.wait(delay_ms)  # loading MNIST, first batch, mid-epoch, evaluating...
        runner.cancel()
        qtbot.waitUntil(lambda: not runner.running, timeout=5000)
        assert runner.shutdown(1000)

    one_run(50, DataChoice.MNIST)  # warm-up: torch's own thread pools exist from here on
    threads = thread_count()
    outcomes.clear()
    for moment in range(20):
        one_run(rng.randint(0, 400), [DataChoice.MNIST, DataChoice.MINE_ONLY][moment % 2])
        assert window.engine.active is active
        qtbot.waitUntil(lambda count=moment + 1: len(outcomes) == count, timeout=2000)
    assert set(outcomes) <= {"cancelled", "finished first"}, outcomes
    assert outcomes.count("cancelled") >= 15  # the moments really fell inside the runs
    for key, tensor in active.model.state_dict().items():
        assert torch.equal(tensor, weights_before[key]), key
    assert thread_count() <= threads


# --- SIGKILL while saving ---------------------------------------------------------------

KILLER = r"""
import json, os, random, shutil, signal, sys, time
from pathlib import Path
import numpy as np, torch
torch.set_num_threads(1)  # no OpenMP pool before fork()
from cnn_desktop.core.model import LeNet
from cnn_desktop.core.samples import Sample, SampleStore
from cnn_desktop.core.weights import WeightsMetadata, save_weights

folder, rounds, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
models = [LeNet(), LeNet()]
target = folder / "model.safetensors"
save_weights(target, models[0], WeightsMetadata(test_accuracy=0.0))
store = SampleStore(folder / "samples")
for label in range(5):
    store.add(Sample(label, np.full((28, 28), label, np.uint8)))


def keep_saving(kind):
    count = 0
    while True:
        count += 1
        if kind == "weights":
            save_weights(target, models[count % 2], WeightsMetadata(test_accuracy=count % 2))
        else:
            store.add(Sample(count % 10, np.full((28, 28), count % 256, np.uint8)))


report = []
for index in range(rounds):
    kind = ["weights", "samples"][index % 2]
    child = os.fork()
    if child == 0:
        try:
            keep_saving(kind)
        finally:
            os._exit(0)
    time.sleep(rng.uniform(0.005, 0.08))
    os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)
    home = folder if kind == "weights" else store.folder
    left = [p.name for p in home.glob(".*") if p.is_file()]
    copy = folder / f"after-kill-{index}"
    if kind == "weights":
        copy.mkdir()
        shutil.copy(target, copy / target.name)
    else:
        shutil.copytree(store.folder, copy)
    for name in left:  # what a crashed save leaves: a hidden temporary file, never the target
        (home / name).unlink()
    report.append({"kind": kind, "copy": str(copy), "temporaries": left})
print(json.dumps(report))
"""


def test_sigkill_while_saving_leaves_files_that_still_load(tmp_path):
    rounds = 12
    result = subprocess.run(
        [sys.executable, "-c", KILLER, str(tmp_path), str(rounds), "7"],
        capture_output=True, text=True, timeout=180, cwd=tmp_path,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.splitlines()[-1])
    assert len(report) == rounds
    for entry in report:
        copy = Path(entry["copy"])
        if entry["kind"] == "weights":
            loaded = load_weights(copy / "model.safetensors")  # whole: the old or the new one
            assert loaded.metadata.test_accuracy in (0.0, 1.0)
            for name in entry["temporaries"]:
                assert name.startswith(".model.safetensors.")
        else:
            store = SampleStore(copy).load()
            assert store.problems == []
            assert store.counts()[0] >= 1 and len(store.samples) >= 5  # the earlier five
            assert all(s.image.shape == (28, 28) for s in store.samples)
    # The kills landed mid-save, not only between saves: some left a temporary behind.
    assert any(entry["temporaries"] for entry in report)


# --- a full disk --------------------------------------------------------------------------


class FullDisk:
    """A stream that takes a few bytes, then fails as a full disk does (ENOSPC)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._stream.close()

    def write(self, data: bytes) -> int:
        self._stream.write(data[: len(data) // 3])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self._stream, name)


@pytest.fixture
def fill_disk(monkeypatch) -> Callable[[], None]:
    """Call it to make every later atomic write hit a full disk."""
    real_fdopen = os.fdopen

    def fill() -> None:
        monkeypatch.setattr(weights.os, "fdopen", lambda *a, **k: FullDisk(real_fdopen(*a, **k)))

    return fill


def hidden_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_full_disk_while_saving_weights_keeps_the_previous_file(tmp_path, fill_disk):
    target = tmp_path / "model.safetensors"
    save_weights(target, LeNet(), WeightsMetadata(test_accuracy=0.5))
    before = target.read_bytes()
    fill_disk()
    with pytest.raises(OSError) as failure:
        save_weights(target, LeNet(), WeightsMetadata(test_accuracy=0.9))
    assert failure.value.errno == errno.ENOSPC
    assert target.read_bytes() == before
    assert load_weights(target).metadata.test_accuracy == 0.5
    assert hidden_files(tmp_path) == []  # the half-written temporary is gone


def test_full_disk_while_saving_a_drawing_keeps_the_earlier_ones(tmp_path, fill_disk):
    store = SampleStore(tmp_path / "samples")
    for label in range(3):
        store.add(Sample(label, np.full((28, 28), 40 * label, np.uint8)))
    fill_disk()
    with pytest.raises(OSError):
        store.add(Sample(9, np.zeros((28, 28), np.uint8)))
    assert len(store.samples) == 3  # the failed one is not counted as saved
    reloaded = SampleStore(store.folder).load()
    assert reloaded.problems == []
    assert [reloaded.counts()[digit] for digit in range(10)] == [1, 1, 1] + [0] * 7
    assert hidden_files(store.folder) == []


def test_train_on_a_full_disk_says_so_in_one_line(tiny_mnist, tmp_path, capsys, fill_disk):
    out = tmp_path / "mine.safetensors"
    out.write_bytes(b"the previous model")
    fill_disk()
    code = cli_main(["train", "--epochs", "1", "--hidden", "16", "--batch-size", "100",
                     "--no-augment", "--data-dir", str(tiny_mnist), "--out", str(out)])
    errors = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in errors
    last = errors.strip().splitlines()[-1]
    assert last == f"cnn-desktop: cannot save {out}: No space left on device"
    assert out.read_bytes() == b"the previous model"
    assert hidden_files(tmp_path) == []
