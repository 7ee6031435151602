"""The `cnn-desktop` command: the window by default, and predict / train / evaluate.

Imports of torch and the core happen inside each command, so that opening the window
does not wait for torch (several seconds on a classroom laptop) before anything shows.
Bad input never ends in a traceback: every expected failure is one line on stderr and
a non-zero exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cnn-desktop",
        description="Draw a digit and watch a small CNN classify it live. "
        "With no command, opens the window.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    predict = commands.add_parser("predict", help="classify image files")
    predict.add_argument("images", nargs="+", metavar="IMAGE")
    predict.add_argument("--weights", metavar="W", help="weights file (default: bundled)")
    predict.add_argument("--json", action="store_true", help="one JSON object per line")

    train = commands.add_parser("train", help="train on MNIST and save the weights")
    train.add_argument("--epochs", type=int, default=1, metavar="N")
    train.add_argument("--pool", choices=["max", "avg"], default="max")
    train.add_argument("--hidden", default="120,84", metavar="W1,W2",
                       help="fully connected widths; '' for 400 -> 10 directly")
    train.add_argument("--batch-size", type=int, default=64, metavar="B")
    train.add_argument("--lr", type=float, default=3e-3, help="peak learning rate")
    train.add_argument("--optimizer", choices=["adam", "adamw", "sgd"], default="adam")
    train.add_argument("--no-augment", action="store_true", help="train on plain MNIST")
    train.add_argument("--seed", type=int, default=0)
    train.add_argument("--data-dir", metavar="D", help="folder with the MNIST files")
    train.add_argument("--download", action="store_true",
                       help="download MNIST through torchvision if it is missing")
    train.add_argument("--out", metavar="W", help="where to save (default: lenet-POOL.safetensors)")

    evaluate = commands.add_parser("evaluate", help="accuracy on the MNIST test set")
    evaluate.add_argument("--weights", metavar="W", help="weights file (default: bundled)")
    evaluate.add_argument("--data-dir", metavar="D", help="folder with the MNIST files")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    return parser


def _fail(message: str) -> None:
    print(f"cnn-desktop: {message}", file=sys.stderr)


def _load_engine(weights: str | None):
    from cnn_desktop.core.engine import Engine

    return Engine.from_file(weights)


def run_predict(args: argparse.Namespace) -> int:
    from cnn_desktop.core.image_io import ImageReadError, read_image
    from cnn_desktop.core.weights import WeightsError

    try:
        engine = _load_engine(args.weights)
    except WeightsError as error:
        _fail(f"cannot use weights {error}")
        return EXIT_USAGE
    status = EXIT_OK
    for name in args.images:
        try:
            prediction = engine.predict(read_image(name))
        except ImageReadError as error:
            _fail(f"{name}: {error.reason}")
            status = EXIT_FAILED
            continue
        if args.json:
            print(json.dumps({
                "file": name,
                "digit": prediction.digit,
                "probabilities": [round(float(p), 6) for p in prediction.probabilities],
            }), flush=True)
        elif prediction.digit is None:
            print(f"{name}: no digit (the image is empty)", flush=True)
        else:
            print(f"{name}: {prediction.digit} ({prediction.confidence:.1%})", flush=True)
    return status


class ProgressBar:
    """One line on stderr per epoch: bar, loss, accuracy and time left, redrawn ~10x/s."""

    def __init__(self, stream: TextIO | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        self.width = width
        self._last_draw = 0.0

    def batch(self, progress) -> None:
        now = time.monotonic()
        if progress.batch != progress.batches and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        filled = round(self.width * progress.batch / progress.batches)
        bar = "#" * filled + "-" * (self.width - filled)
        minutes, seconds = divmod(round(progress.remaining_s), 60)
        self.stream.write(
            f"\repoch {progress.epoch}/{progress.epochs} [{bar}] "
            f"loss {progress.loss:.3f} acc {progress.accuracy:6.1%} "
            f"left {minutes}:{seconds:02d} "
        )
        self.stream.flush()

    def epoch(self, report) -> None:
        test = "" if report.test_accuracy is None else f", test accuracy {report.test_accuracy:.2%}"
        self.stream.write(f"\nepoch {report.epoch}: {report.seconds:.1f} s{test}\n")
        self.stream.flush()


def run_train(args: argparse.Namespace) -> int:
    from cnn_desktop.core.data import MnistNotFoundError, load_mnist
    from cnn_desktop.core.training import TrainingCallbacks, TrainingConfig, train
    from cnn_desktop.core.weights import save_weights

    try:
        hidden = tuple(int(w) for w in args.hidden.split(",") if w.strip())
        config = TrainingConfig(
            epochs=args.epochs, batch_size=args.batch_size, learning_rate=args.lr,
            optimizer=args.optimizer, pooling=args.pool, hidden=hidden,
            augment=not args.no_augment, seed=args.seed,
        )
        config.architecture  # noqa: B018 - validates pooling and widths now, not mid-run
    except ValueError as error:
        _fail(f"invalid training option: {error}")
        return EXIT_USAGE
    if config.epochs < 1 or config.batch_size < 1 or config.learning_rate <= 0:
        _fail("--epochs and --batch-size must be at least 1, and --lr positive")
        return EXIT_USAGE
    out = Path(args.out or f"lenet-{config.pooling}.safetensors")
    try:
        train_set = load_mnist(args.data_dir, train=True, download=args.download)
        test_set = load_mnist(args.data_dir, train=False, download=args.download)
    except MnistNotFoundError as error:
        _fail(str(error))
        return EXIT_FAILED
    bar = ProgressBar()
    try:
        result = train(
            config, train_set, test_set,
            callbacks=TrainingCallbacks(on_batch=bar.batch, on_epoch=bar.epoch),
        )
        save_weights(out, result.model, result.metadata)
    except KeyboardInterrupt:
        print(file=sys.stderr)
        _fail(f"training stopped; {out} was not written")
        return EXIT_INTERRUPTED
    except OSError as error:
        _fail(f"cannot save {out}: {error.strerror or error}")
        return EXIT_FAILED
    print(f"test accuracy {result.metadata.test_accuracy:.2%}; saved {out}")
    return EXIT_OK


def run_evaluate(args: argparse.Namespace) -> int:
    from cnn_desktop.core.data import MnistNotFoundError, load_mnist
    from cnn_desktop.core.training import evaluate
    from cnn_desktop.core.weights import WeightsError

    try:
        engine = _load_engine(args.weights)
        test_set = load_mnist(args.data_dir, train=False)
    except WeightsError as error:
        _fail(f"cannot use weights {error}")
        return EXIT_USAGE
    except MnistNotFoundError as error:
        _fail(str(error))
        return EXIT_FAILED
    result = evaluate(engine.active.model, test_set)
    if args.json:
        print(json.dumps({"weights": str(engine.active.source), **result.to_dict()}))
        return EXIT_OK
    print(f"weights: {engine.active.source}")
    print(f"test accuracy: {result.accuracy:.2%} on {len(test_set)} images")
    print("per class:    " + "  ".join(f"{d}:{a:.1%}" for d, a in enumerate(result.per_class)))
    print("confusion (rows: true digit, columns: predicted):")
    print("      " + "".join(f"{d:>6}" for d in range(10)))
    for digit, row in enumerate(result.confusion):
        print(f"{digit:>6}" + "".join(f"{count:>6}" for count in row))
    return EXIT_OK


def run_window() -> int:
    try:
        from cnn_desktop.ui.app import run_app
    except ImportError as error:
        _fail(f"the window cannot start ({error}); the commands predict, train and "
              "evaluate still work (see cnn-desktop --help)")
        return EXIT_FAILED
    return run_app(sys.argv[:1])


def main(argv: Sequence[str] | None = None) -> int:
    args = _build_parser().parse_args(argv)
    commands = {"predict": run_predict, "train": run_train, "evaluate": run_evaluate}
    if args.command is None:
        return run_window()
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
