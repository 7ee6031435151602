"""What a user installs works: the wheel in a fresh virtual environment, not the checkout.

Installing torch into a fresh environment would take minutes and gigabytes, so the
fresh environment borrows the dependencies from the running one through a .pth file
placed after its own site-packages; cnn_desktop itself comes only from the wheel,
and everything runs from a folder outside the repository, so the checkout is never
on the path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parents[2]

WINDOW_START = r"""
import sys, time
from importlib import resources
from PySide6.QtWidgets import QApplication
import cnn_desktop
from cnn_desktop.ui.app import configure_application
app = QApplication(sys.argv[:1])
configure_application(app)
from cnn_desktop.ui.main_window import MainWindow
window = MainWindow()
window.show()
deadline = time.monotonic() + 60
while window.engine is None and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
translations = sorted(p.name for p in resources.files("cnn_desktop.resources").rglob("*.qm"))
print(cnn_desktop.__file__)
print(window.engine.active.source)
print(",".join(translations))
window.close()
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv with the wheel installed (no editable install); returns its root."""
    pytest.importorskip("build")
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*cache", "tests"))
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
         str(work / "dist"), str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    wheel = next((work / "dist").glob("cnn_desktop-*.whl"))
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    own_site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True).stdout.strip())
    # zz_: read after anything the wheel installs; the borrowed path goes after our own.
    (own_site / "zz_borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"])
    pip = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)], capture_output=True, text=True, timeout=300)
    assert pip.returncode == 0, pip.stderr[-2000:]
    return venv


def run_installed(venv: Path, *command: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(list(command), capture_output=True, text=True, timeout=180, cwd=cwd,
                          env=env)


def test_installed_command_predicts_with_the_bundled_weights(installed, tmp_path):
    digit = Image.new("L", (280, 280), 0)
    ImageDraw.Draw(digit).line([(140, 40), (140, 240)], fill=255, width=22)
    digit.save(tmp_path / "one.png")
    result = run_installed(installed, str(installed / "bin" / "cnn-desktop"), "predict",
                           "one.png", cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("one.png: 1 (")


def test_installed_window_starts_and_finds_weights_and_resources(installed, tmp_path):
    result = run_installed(installed, str(installed / "bin" / "python"), "-c", WINDOW_START,
                           cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    package, weights, translations = result.stdout.splitlines()[-3:]
    assert Path(package).is_relative_to(installed)  # the wheel's copy, not the checkout
    assert not Path(package).is_relative_to(ROOT)
    assert Path(weights).is_relative_to(installed) and weights.endswith("lenet-max.safetensors")
    shipped = sorted(p.name for p in (ROOT / "resources").rglob("*.qm"))
    assert translations == ",".join(shipped)  # every compiled translation went along
