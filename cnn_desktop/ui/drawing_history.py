"""What is on the canvas, as a list of steps that undo and redo walk through.

The canvas never stores pixels as the truth: it stores strokes in units of its own
side length, so that a resized window re-renders the same drawing at the new size,
and undo is simply "render one step fewer". A picture (an opened, dropped or pasted
image) and a clear are steps too, so both can be undone like a stroke.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QImage


@dataclass(frozen=True)
class Stroke:
    """One pen-down to pen-up path; x, y and width are fractions of the canvas side."""

    points: tuple[tuple[float, float, float], ...]  # (x, y, width) per pen sample
    erase: bool = False  # an eraser stroke paints black ink


@dataclass(frozen=True)
class Picture:
    """An image shown on the canvas, replacing what was there: white ink on black."""

    image: QImage  # Format_Grayscale8


@dataclass(frozen=True)
class Clearing:
    """An emptied canvas; a step of its own so that Clear can be undone."""


Step = Stroke | Picture | Clearing


UNDO_LIMIT = 200  # steps kept for undo; a classroom draws all day, memory must not grow


class DrawingHistory:
    """Steps done and steps undone; a new step forgets what was undone."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._done: list[Step] = []
        self._undone: list[Step] = []
        self._limit = limit

    def push(self, step: Step) -> None:
        self._done.append(step)
        self._undone.clear()
        excess = len(self._done) - self._limit
        if excess > 0:
            # Forget the oldest steps, cutting only at a clear or a picture, so that every
            # state undo can still reach renders whole, never half of an older drawing;
            # and keep the drawing before the current one, so "clear, undo" always works.
            boundaries = [index for index, done in enumerate(self._done)
                          if isinstance(done, (Clearing, Picture))]
            cut = next((index for index in boundaries if index >= excess), 0)
            del self._done[: min(cut, boundaries[-2] if len(boundaries) > 1 else 0)]

    def undo(self) -> bool:
        if not self._done:
            return False
        self._undone.append(self._done.pop())
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        self._done.append(self._undone.pop())
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    def _visible_start(self) -> int:
        for index in range(len(self._done) - 1, -1, -1):
            if isinstance(self._done[index], (Clearing, Picture)):
                return index
        return 0

    def visible_steps(self) -> list[Step]:
        """The steps that make up the current picture: from the last clear or picture on."""
        steps = self._done[self._visible_start():]
        return [step for step in steps if not isinstance(step, Clearing)]

    @property
    def is_blank(self) -> bool:
        """True when nothing would be rendered (strokes may still erase to black)."""
        return not self.visible_steps()
