"""Which model the window uses: loaded in the background first, switched from the menu.

The first load runs on `EngineLoader`'s thread so that torch's import never delays the
window. Later switches (Load weights…, Pooling, Reset) read a 250 KB file with torch
already imported, which takes milliseconds, so they run on the GUI thread and report
failure at once. A failed switch keeps the model that was working.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from cnn_desktop.ui.core_messages import weights_problem
from cnn_desktop.ui.engine_loader import BUNDLED_CHOICES, EngineLoader


def _predictions_on_one_thread() -> None:
    """Predictions run on the GUI thread: one torch thread for it, one BLAS thread.

    One image through LeNet gains nothing from threads, and on a busy machine waking
    OpenMP workers stalls the GUI thread for a scheduler slice: 1 ms predictions became
    20 ms. The torch setting holds for the calling thread; threads started later
    inherit it, so a training thread sets its own count.

    numpy's OpenBLAS (the preprocessing's small matrix products) is worse: after each
    product its workers spin, waiting for more, so while the pen moved they kept a
    second core busy for nothing (measured at 120 Hz: the process used 1.2 cores, 0.67
    with one BLAS thread), a core that training and the rest of the machine need.
    OpenBLAS's thread count is process-wide; only numpy uses it here, not torch.
    """
    import torch  # already imported by the engine loader
    from threadpoolctl import threadpool_limits

    torch.set_num_threads(1)
    threadpool_limits(limits=1, user_api="blas")


class ModelManager(QObject):
    """Owns the Engine and the user's model choice ("max", "avg" or a file path)."""

    engineChanged = Signal(object)  # the Engine, after the first load and every switch
    failed = Signal(str)  # a message for the user; the previous model (if any) stays

    def __init__(self, choice: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._choice = choice
        self._engine = None
        self._loader: EngineLoader | None = None

    @property
    def engine(self):
        return self._engine

    @property
    def choice(self) -> str:
        """What to load next time: the pooling kind of a shipped model, or a file."""
        return self._choice

    @property
    def loading(self) -> bool:
        """True until the first background load has ended (not yet started counts)."""
        return self._loader is None or not self._loader.isFinished()

    def start(self) -> None:
        """Begin the background load (once)."""
        if self._loader is not None:
            return
        self._loader = EngineLoader(self._choice, self)
        self._loader.loaded.connect(self._loaded)
        self._loader.failed.connect(self._load_failed)
        self._loader.start()

    def shutdown(self) -> None:
        """Join the loader thread: destroying it while it runs would abort the process."""
        if self._loader is not None:
            self._loader.wait()

    @Slot(object, str)
    def _loaded(self, engine, warning: str) -> None:
        _predictions_on_one_thread()
        self._engine = engine
        if warning:
            self._choice = "max"
            self.failed.emit(warning)
        self.engineChanged.emit(engine)

    @Slot(str)
    def _load_failed(self, message: str) -> None:
        self.failed.emit(message)

    def switch_to(self, choice: str) -> bool:
        """Load a shipped model ("max"/"avg") or a weights file; False if it failed."""
        if self.loading:
            self.failed.emit(self.tr("The model is still loading; try again in a moment."))
            return False
        from cnn_desktop.core.engine import Engine
        from cnn_desktop.core.weights import WeightsError, bundled_weights_path

        path = bundled_weights_path(choice) if choice in BUNDLED_CHOICES else Path(choice)
        try:
            if self._engine is None:
                _predictions_on_one_thread()
                self._engine = Engine.from_file(path)
            else:
                self._engine.load(path)
        except WeightsError as error:
            self.failed.emit(self.tr("Cannot load the weights {error}. The current model "
                                     "stays.").format(error=weights_problem(error)))
            return False
        self._choice = choice if choice in BUNDLED_CHOICES else str(path)
        self.engineChanged.emit(self._engine)
        return True

    def use_trained(self, model, metadata) -> None:
        """Hot-swap weights trained in this session that could not be saved to a file."""
        self._engine.swap(model, metadata)
        self.engineChanged.emit(self._engine)

    def describe(self) -> str:
        """One line for the status bar: architecture, accuracy, file."""
        if self._engine is None:
            return self.tr("Loading the model…") if self.loading else self.tr("No model loaded")
        active = self._engine.active
        accuracy = active.metadata.test_accuracy
        accuracy_text = (self.tr("test accuracy unknown") if accuracy is None
                         else self.tr("test accuracy {accuracy:.2%}").format(accuracy=accuracy))
        source = active.source.name if active.source is not None else self.tr("trained now")
        return f"{self.describe_architecture(active.architecture)}  ·  {accuracy_text}  ·  {source}"

    def describe_architecture(self, architecture) -> str:
        """The core's `Architecture.describe()`, in the interface language (same in English)."""
        from cnn_desktop.core.model import FLAT_FEATURES

        widths = " → ".join(str(w) for w in (FLAT_FEATURES, *architecture.hidden, 10))
        if architecture.pooling == "max":
            return self.tr("LeNet, max pooling, {widths}").format(widths=widths)
        if architecture.pooling == "avg":
            return self.tr("LeNet, avg pooling, {widths}").format(widths=widths)
        return architecture.describe()

    def about_text(self) -> str:
        """Rich text for Help → About: what the network is and how good it is."""
        text = self.tr(
            "<h3>CNN Desktop</h3><p>Draw a digit and watch a small LeNet-style "
            "convolutional network classify it live: the probabilities, the 28×28 image "
            "the network sees, and its feature maps after each pooling layer.</p>")
        if self._engine is not None:
            active = self._engine.active
            accuracy = active.metadata.test_accuracy
            text += self.tr("<p><b>Model:</b> {architecture}<br><b>Test accuracy:</b> "
                            "{accuracy}<br><b>Weights:</b> {source}</p>").format(
                architecture=self.describe_architecture(active.architecture),
                accuracy=(self.tr("unknown") if accuracy is None
                          else self.tr("{0:.2%} on MNIST's 10,000 test digits").format(accuracy)),
                source=active.source or self.tr("trained in this session"))
        return text
