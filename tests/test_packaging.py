"""The rules of the house and what a user installs, checked."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_core_imports_no_qt():
    code = (
        "import sys, cnn_desktop.core.engine, cnn_desktop.core.training, cnn_desktop.cli;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'pyqtgraph')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_the_ui_path_does_not_import_torch_before_the_window():
    code = "import sys, cnn_desktop.cli; print('torch' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_python_dash_m_is_the_same_command():
    result = subprocess.run(
        [sys.executable, "-m", "cnn_desktop", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "predict" in result.stdout and "train" in result.stdout


def test_a_built_wheel_carries_the_weights_and_resources(tmp_path):
    pytest.importorskip("build")
    source = tmp_path / "source"  # a copy, so the build leaves nothing in the checkout
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".*cache"))
    result = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path),
         str(source)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    wheel = next(tmp_path.glob("cnn_desktop-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "cnn_desktop/weights/lenet-max.safetensors" in names
    assert "cnn_desktop/weights/lenet-avg.safetensors" in names
    assert "cnn_desktop/resources/__init__.py" in names
    assert "cnn_desktop/resources/translations/cnn_desktop_zh_CN.qm" in names
    assert not any(n.endswith(".ts") for n in names)  # translators' sources stay out
    assert "cnn_desktop/core/engine.py" in names
    assert not any("mnist" in n.lower() and "ubyte" in n for n in names)


def test_pyside6_release_that_aborts_on_python_311_is_excluded():
    text = (ROOT / "pyproject.toml").read_text()
    assert "!=6.12.0; python_version < '3.12'" in text


def test_ci_runs_the_readmes_test_command_word_for_word():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    command = next(line for line in readme.splitlines() if "pytest" in line and "pip" in line)
    assert command.strip() in ci
