"""Run every benchmark and print one table (or, with --json, one JSON object).

    python benchmarks/run.py [--json] [--quick] [--data-dir D]

Figures are medians and tail percentiles, because this machine is shared and noisy.
Benchmarks that need something missing (MNIST, the stroke file) are skipped with the
reason; the rest still run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import core_figures  # noqa: E402
import fine_tune  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no training")
    parser.add_argument("--data-dir", help="MNIST folder (default: $CNN_DESKTOP_DATA)")
    args = parser.parse_args()

    steps = [
        ("predict", lambda: core_figures.measure_predict(300 if args.quick else 2000)),
        ("shipped", core_figures.measure_shipped),
        ("drawn", lambda: core_figures.measure_drawn_accuracy(300 if args.quick else 2000)),
    ]
    if not args.quick:
        steps.append(("epoch", lambda: core_figures.measure_epoch(args.data_dir)))
        steps.append(("fine_tune", fine_tune.measure_fine_tune))
    figures: dict[str, object] = {}
    skipped: dict[str, str] = {}
    for name, measure in steps:
        try:
            figures.update(measure())
        except (FileNotFoundError, OSError, ImportError) as error:
            skipped[name] = str(error)
        except Exception as error:  # e.g. MnistNotFoundError: report, keep going
            skipped[name] = f"{type(error).__name__}: {error}"
    figures["machine"] = f"{platform.machine()}, {os.cpu_count()} cores, Python " \
                         f"{platform.python_version()}"
    figures["date"] = date.today().isoformat()
    if skipped:
        figures["skipped"] = skipped
    if args.json:
        print(json.dumps(figures))
    else:
        print_table(figures)
    return 0


def print_table(figures: dict[str, object]) -> None:
    rows = []
    for key, value in figures.items():
        if isinstance(value, dict):
            rows += [(f"{key}.{inner}", str(v)) for inner, v in value.items()]
        else:
            rows.append((key, str(value)))
    width = max(len(name) for name, _ in rows)
    print(f"| {'figure':<{width}} | value |")
    print(f"| {'-' * width} | ----- |")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")


if __name__ == "__main__":
    sys.exit(main())
