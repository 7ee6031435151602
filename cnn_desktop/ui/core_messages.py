"""The core's reasons for refusing a weights or samples file, in the interface language.

The core is shared with the command line and knows no Qt, so it reports a kind of
problem and its facts (`WeightsError.kind`, `.details`); the same English templates
are listed here for Qt's translation tools, and the window formats the translated
template with those facts. A test keeps this list and the core's in step.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "WeightsError"
REASONS = {
    "unreadable": QT_TRANSLATE_NOOP("WeightsError", "cannot be read ({error})"),
    "not_regular": QT_TRANSLATE_NOOP("WeightsError", "is not a regular file"),
    "too_large": QT_TRANSLATE_NOOP("WeightsError", "is {megabytes} MB, too large for this model"),
    "not_safetensors": QT_TRANSLATE_NOOP("WeightsError",
                                         "is not a valid safetensors file ({error})"),
    "foreign": QT_TRANSLATE_NOOP("WeightsError",
                                 "is not a cnn-desktop weights file (no architecture)"),
    "bad_metadata": QT_TRANSLATE_NOOP("WeightsError", "has unreadable metadata ({error})"),
    "architecture": QT_TRANSLATE_NOOP(
        "WeightsError",
        "does not match the architecture (missing {missing}, unexpected {unexpected})"),
    "shape": QT_TRANSLATE_NOOP("WeightsError",
                               "tensor {name} has shape {shape}, expected {expected}"),
    "dtype": QT_TRANSLATE_NOOP("WeightsError", "tensor {name} is {dtype}, not floating point"),
    "not_finite": QT_TRANSLATE_NOOP("WeightsError", "tensor {name} holds NaN or infinite values"),
}


def weights_problem(error) -> str:
    """A `WeightsError` as "file: reason" in the interface language."""
    template = REASONS.get(getattr(error, "kind", ""))
    if template is None:
        return str(error)
    reason = QCoreApplication.translate(CONTEXT, template).format(**error.details)
    return QCoreApplication.translate("WeightsError", "{name}: {reason}").format(
        name=error.path.name, reason=reason)


SAMPLE_REASONS = (
    QT_TRANSLATE_NOOP("SamplesError", "not a cnn-desktop samples file"),
    QT_TRANSLATE_NOOP("SamplesError", "inconsistent contents"),
)
_UNREADABLE_SAMPLES = re.compile(r"not a readable samples file \((.*)\)", re.DOTALL)


def samples_reason(reason: str) -> str:
    """Why a samples file (core/samples.py) was refused, in the interface language."""
    if reason in SAMPLE_REASONS:
        return QCoreApplication.translate("SamplesError", reason)
    if match := _UNREADABLE_SAMPLES.fullmatch(reason):
        return QCoreApplication.translate(
            "SamplesError", "not a readable samples file ({error})").format(error=match.group(1))
    return reason


def samples_problems(problems: list[str]) -> str:
    """`SampleStore.problems` ("file: reason" each) joined for one message."""
    lines = []
    for problem in problems:
        name, _, reason = problem.partition(": ")
        lines.append(QCoreApplication.translate("WeightsError", "{name}: {reason}").format(
            name=name, reason=samples_reason(reason)))
    return "; ".join(lines)
