import os
import sys

import pytest
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from brushedit_export import tiny  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
STANDINS = os.path.join(REPO, "brushedit-models", "src", "test", "resources", "standins")
TOKENIZER = os.environ.get("CLIP_TOKENIZER_DIR", "/work/shared/fixtures/clip-tokenizer")


def report(name: str, value: float) -> None:
    """Measured figures go to stdout (pytest -s) for PARITY.md."""
    print(f"\nPARITY {name}: {value:.3g}")


@pytest.fixture(scope="session")
def unet():
    return tiny.tiny_unet()


@pytest.fixture(scope="session")
def brushnet():
    return tiny.tiny_brushnet()


@pytest.fixture
def gen():
    return torch.Generator().manual_seed(1234)
