"""Refresh the translation sources from the code, then compile them for the package.

    python tools/update_translations.py            # lupdate, then lrelease
    python tools/update_translations.py --release  # only compile the .ts files

lupdate collects every `self.tr("…")` (per class) and `QCoreApplication.translate(
"Context", "…")` in cnn_desktop/ui into resources/translations/cnn_desktop_<lang>.ts,
keeping the translations already there and dropping texts the code no longer has.
New texts arrive as "unfinished": translate them (Qt Linguist, `pyside6-linguist`, or
any editor), then run this again so the .qm files that ship in the wheel follow.
Locations are left out of the .ts so that moving code does not rewrite the file.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "cnn_desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    """The PySide6 tool beside this Python (a venv), else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install PySide6 in this environment")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--release", action="store_true", help="only run lrelease")
    args = parser.parse_args()
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    sources = sorted(str(path.relative_to(ROOT)) for path in SOURCES.glob("*.py"))
    for language in LANGUAGES:
        ts = TRANSLATIONS / f"cnn_desktop_{language}.ts"
        if not args.release:
            subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(ts),
                            "-locations", "none", "-no-obsolete", "-source-language", "en",
                            "-target-language", language], cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
