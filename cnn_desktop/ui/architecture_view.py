"""The network as a table: each stage, its output shape and its trainable parameters.

Rows come from `core.summary.summarize(model)`, so they follow the loaded model (the
pooling kind, the hidden widths). The "how" column shows where each count comes
from (6 × (1×5×5 + 1) = 156) and why pooling has none. Pointing at a row emits the
stage it shows in the feature-map panel, and `highlight_stage` marks a row from
outside, so the two views can point at each other.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cnn_desktop.ui import theme

HIGHLIGHT = QColor(theme.ACCENT).darker(260)


def format_shape(shape: tuple[int, ...]) -> str:
    return "×".join(str(size) for size in shape)


class ArchitectureView(QWidget):
    """A read-only table of stages, plus the total parameter count."""

    stageHovered = Signal(str)  # a feature-map stage ("conv1" …) or "" for none

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("architectureView")
        self.setAccessibleName(self.tr("Network architecture"))
        self.rows: list = []  # the StageSummary rows on show
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("architectureTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Stage"), self.tr("Output shape"), self.tr("Parameters"),
            self.tr("What it does"), self.tr("How they add up")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setMouseTracking(True)
        self.table.cellEntered.connect(self._entered)
        self.table.viewport().installEventFilter(self)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("architectureTotal")
        bold = QFont(self.total_label.font())
        bold.setBold(True)
        self.total_label.setFont(bold)
        note = theme.muted_note(self.tr(
            "Pooling has no trainable parameters and keeps the number of channels; a 5×5 "
            "convolution without padding makes each side 4 pixels shorter (32 − 5 + 1 = 28). "
            "Point at a stage to see its maps."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(note)
        self._highlighted: str | None = None

    # --- content ------------------------------------------------------------------------
    def show_model(self, model) -> None:
        """Fill the table from a `LeNet` (torch is already loaded when a model exists)."""
        from cnn_desktop.core.summary import summarize, total_parameters

        self.rows = summarize(model)
        self.table.setRowCount(len(self.rows))
        pooling = (self.tr("max") if model.architecture.pooling == "max"
                   else self.tr("average"))
        previous = None
        for index, row in enumerate(self.rows):
            cells = (self._name(row.name), format_shape(row.shape), f"{row.parameters:,}",
                     self._describe(row, pooling), self._explain(row, previous))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(index, column, item)
            previous = row
        self.total_label.setText(self.tr("Total: {count} trainable parameters").format(
            count=f"{total_parameters(self.rows):,}"))
        self.highlight_stage(self._highlighted)

    def _name(self, name: str) -> str:
        """Layer names stay identifiers (conv1, fc1, softmax); the plain words translate."""
        words = {"input": self.tr("input"), "flatten": self.tr("flatten"),
                 "output": self.tr("output")}
        return words.get(name, name)

    def _describe(self, row, pooling: str) -> str:
        """The operation in words, translated here rather than taken from the core."""
        name = row.name
        if name == "input":
            return self.tr("the drawing, 28×28 padded to 32×32")
        if name.startswith("conv"):
            return self.tr("convolution 5×5, {count} filters, ReLU").format(count=row.shape[0])
        if name.startswith("pool"):
            return self.tr("{kind} pooling 2×2, per channel").format(kind=pooling)
        if name == "flatten":
            return self.tr("flatten to one vector")
        if name == "output":
            return self.tr("fully connected → 10 logits")
        if name == "softmax":
            return self.tr("softmax → 10 probabilities")
        return self.tr("fully connected, ReLU")

    def _explain(self, row, previous) -> str:
        """Where the count comes from; shown only when the formula gives the count."""
        if row.name.startswith("pool"):
            return self.tr("none: takes the max or mean of each 2×2 window")
        if previous is None or row.parameters == 0:
            return ""
        inputs = previous.shape[0]
        if row.name.startswith("conv"):
            formula = f"{row.shape[0]} × ({inputs}×5×5 + 1)"
            expected = row.shape[0] * (inputs * 25 + 1)
        else:
            formula = f"{row.shape[0]} × ({inputs} + 1)"
            expected = row.shape[0] * (inputs + 1)
        return formula if expected == row.parameters else ""

    # --- hover, both ways -----------------------------------------------------------------
    def stage_of_row(self, index: int) -> str:
        return self.rows[index].feature_stage or "" if 0 <= index < len(self.rows) else ""

    def _entered(self, index: int, _column: int) -> None:
        stage = self.stage_of_row(index)
        self.highlight_stage(stage or None)
        self.stageHovered.emit(stage)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Leave:
            self.highlight_stage(None)
            self.stageHovered.emit("")
        return super().eventFilter(watched, event)

    def highlighted_stage(self) -> str | None:
        return self._highlighted

    def highlight_stage(self, stage: str | None) -> None:
        """Mark the row of a feature-map stage ("pool1" …); None or "" clears the mark."""
        self._highlighted = stage or None
        for index, row in enumerate(self.rows):
            lit = self._highlighted is not None and row.feature_stage == self._highlighted
            for column in range(self.table.columnCount()):
                item = self.table.item(index, column)
                if item is not None:
                    item.setBackground(QBrush(HIGHLIGHT) if lit else QBrush())
