"""The exporter installs as a package with a brushedit-export command whose --help needs no torch."""

import importlib
import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
EXPORTER = os.path.dirname(HERE)
HEAVY = ("torch", "diffusers", "transformers", "onnx", "onnxruntime", "numpy", "safetensors", "accelerate")


def test_help_works_without_torch_and_friends():
    blocked = "; ".join(f"sys.modules[{m!r}] = None" for m in HEAVY)
    code = f"import sys; {blocked}; from brushedit_export.__main__ import main; sys.exit(main(['--help']))"
    done = subprocess.run([sys.executable, "-c", code], cwd=EXPORTER, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "usage: brushedit-export" in done.stdout
    assert "--brushnet" in done.stdout


def test_pyproject_declares_the_console_script():
    tomllib = pytest.importorskip("tomllib")
    with open(os.path.join(EXPORTER, "pyproject.toml"), "rb") as f:
        project = tomllib.load(f)["project"]
    target = project["scripts"]["brushedit-export"]
    module, func = target.split(":")
    assert callable(getattr(importlib.import_module(module), func))
    pins = [d for d in project["dependencies"] if d.startswith("onnxruntime")]
    with open(os.path.join(EXPORTER, "requirements.txt"), encoding="utf-8") as f:
        required = [line.split("#")[0].strip() for line in f if line.startswith("onnxruntime")]
    assert pins == required, "pyproject.toml and requirements.txt must pin the same onnxruntime"
