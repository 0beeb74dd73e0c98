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


@pytest.fixture
def draft_article(tmp_path):
    """Write an article as given (its line endings kept) and draft it to ``claims.csv`` beside it."""
    from claimcheck.cli import main

    def draft(name: str, text: str) -> tuple[Path, Path]:
        art, table = tmp_path / name, tmp_path / "claims.csv"
        art.write_bytes(text.encode("utf-8"))
        assert main(["draft", str(art), "-o", str(table)]) == 0
        return art, table

    return draft
