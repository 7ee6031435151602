"""Run every benchmark and print one table (or, with --json, one JSON object).

    python benchmarks/run.py [--json] [--quick] [--data-dir D] [--soak-strokes N]

Figures are medians and tail percentiles, because this machine is shared and noisy.
Benchmarks that need something missing (MNIST, the stroke file) are skipped with the
reason; the rest still run. The window benchmarks (start, draw -> panel latency,
training lag, soak) each run in a fresh process, as a user's app would; the full run
takes about 10 minutes on two cores (7 on 2026-12-03).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import core_figures  # noqa: E402
import fine_tune  # noqa: E402
import numpy as np  # noqa: E402
import training_lag  # noqa: E402
import window_start  # noqa: E402

HERE = Path(__file__).resolve().parent


def _script(name: str, *arguments: str, timeout_s: int = 3600) -> str:
    """Run another benchmark script in a fresh interpreter; its stdout."""
    result = subprocess.run([sys.executable, str(HERE / name), *arguments],
                            capture_output=True, text=True, timeout=timeout_s)
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"{name} failed")
    return result.stdout


def measure_window_start(runs: int) -> dict[str, object]:
    samples = [window_start.one_run() for _ in range(runs)]
    return {"window_start_ms": {
        f"{mark}_p50": round(float(np.median([s[mark] for s in samples])))
        for mark in ("visible", "engine")}}


def measure_draw_to_panel(digits: int, while_training: bool = False) -> dict[str, object]:
    """ui_latency.py prints 'event -> panel shown: median X ms, p95 Y ms, max Z ms'."""
    training = ["--while-training"] if while_training else []
    output = _script("ui_latency.py", "--digits", str(digits), *training)
    found = re.search(r"median ([\d.]+) ms, p95 ([\d.]+) ms, max ([\d.]+) ms", output)
    if not found:
        raise RuntimeError(output.strip().splitlines()[-1] if output.strip() else "no output")
    p50, p95, worst = (float(value) for value in found.groups())
    key = "draw_to_panel_while_training_ms" if while_training else "draw_to_panel_ms"
    return {key: {"p50": p50, "p95": p95, "max": worst}}


def measure_training_in_app(data_dir: str | None) -> dict[str, object]:
    arguments = ["--json"] + (["--data-dir", data_dir] if data_dir else [])
    output = _script("training_lag.py", *arguments)
    return {"training_lag": json.loads(output.strip().splitlines()[-1])}


def measure_soak(strokes: int) -> dict[str, object]:
    output = _script("soak.py", "--json", "--strokes", str(strokes), timeout_s=4 * 3600)
    return {"soak": json.loads(output.strip().splitlines()[-1])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quick", action="store_true", help="fewer repeats, no training")
    parser.add_argument("--data-dir", help="MNIST folder (default: $CNN_DESKTOP_DATA)")
    parser.add_argument("--soak-strokes", type=int, help="default 10,000 (500 with --quick)")
    args = parser.parse_args()
    if args.data_dir:  # the window benchmarks run in their own processes
        os.environ["CNN_DESKTOP_DATA"] = args.data_dir
    quick = args.quick
    soak_strokes = args.soak_strokes or (500 if quick else 10_000)

    steps = [
        ("predict", lambda: core_figures.measure_predict(300 if quick else 2000)),
        ("shipped", core_figures.measure_shipped),
        ("drawn", lambda: core_figures.measure_drawn_accuracy(300 if quick else 2000)),
        ("window_start", lambda: measure_window_start(2 if quick else 5)),
        ("draw_to_panel", lambda: measure_draw_to_panel(10 if quick else 40)),
    ]
    if not quick:
        steps.append(("epoch_cli", lambda: training_lag.measure_cli_epoch(args.data_dir)))
        steps.append(("training_lag", lambda: measure_training_in_app(args.data_dir)))
        steps.append(("draw_while_training", lambda: measure_draw_to_panel(40, True)))
        steps.append(("fine_tune", fine_tune.measure_fine_tune))
    steps.append(("soak", lambda: measure_soak(soak_strokes)))
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
