from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "data" / "articles" / "acupuncture-chronic-pain.txt"


@pytest.fixture
def article_path() -> Path:
    return ARTICLE


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT
