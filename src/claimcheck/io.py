"""Reading and writing files with one-line errors and atomic writes.

Every error a user can cause by handing claimcheck a bad file is raised as
:class:`InputError`, whose message names the file and, where it can, the line
and column. The command line prints that message alone, never a traceback.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

ARTICLE_SUFFIXES = (".txt", ".md")


class InputError(Exception):
    """A problem with a file the user gave us: one line, printable as is."""


def _line_col(data: bytes, pos: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, pos) + 1
    col = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return line, col


def read_text(path: str | Path, what: str = "file") -> str:
    """Decode a UTF-8 file (BOM stripped, line endings kept so offsets are the file's own)."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a folder, expected a {what}") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    if not data.strip():
        raise InputError(f"{p}: the {what} is empty")
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        raise InputError(f"{p}:{line}: column {col}: found a NUL byte, expected a text {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line, col = _line_col(data, e.start)
        raise InputError(
            f"{p}:{line}: column {col}: found byte 0x{data[e.start]:02x}, "
            f"expected UTF-8 text (re-save the {what} as UTF-8)"
        ) from None
    return text


def read_article(path: str | Path) -> str:
    """The article text as the offsets see it: UTF-8, BOM removed, CRLF kept."""
    return read_text(path, "article")


def article_slug(path: str | Path) -> str:
    return Path(path).stem


def expand_articles(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given; folders expanded to their .txt/.md files, sorted by name."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"{p}: folder holds no .txt or .md article")
            out.extend(found)
        elif p.exists():
            out.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return out


def read_csv_rows(path: str | Path, what: str = "CSV file") -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and the 1-based line each row starts on; every value a string.

    Read with the csv module rather than pandas so that each row keeps its line
    number (quoted fields may span lines) for ``FILE:LINE`` messages.
    """
    text = read_text(path, what)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    prev_end = 0
    try:
        header = next(reader)
        prev_end = reader.line_num
        for row in reader:
            if not any(cell.strip() for cell in row):
                prev_end = reader.line_num
                continue
            rows.append(row)
            lines.append(prev_end + 1)
            prev_end = reader.line_num
    except csv.Error as e:
        raise InputError(f"{path}:{reader.line_num}: not valid CSV ({e})") from None
    header = [h.strip() for h in header]
    if len(header) < 2:
        raise InputError(
            f"{path}:1: found {len(header)} column in the header, expected a comma-separated CSV table"
        )
    return header, rows, lines


def write_csv_atomic(df: pd.DataFrame, path: str | Path) -> None:
    """Write a CSV next to its destination, then rename: a crash never leaves half a file."""
    dest = Path(path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            df.to_csv(fh, index=False, lineterminator="\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(text: str, path: str | Path) -> None:
    dest = Path(path)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
