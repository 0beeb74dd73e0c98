"""Reading and writing files with one-line errors and atomic writes.

Every error a user can cause by handing claimcheck a bad file is raised as
:class:`InputError`, whose message names the file and, where it can, the line
and column. The command line prints that message alone, never a traceback.
"""

from __future__ import annotations

import csv
import io
import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

ARTICLE_SUFFIXES = (".txt", ".md")
# an article named on the command line may also have one of these, or none
NAMED_ARTICLE_SUFFIXES = (*ARTICLE_SUFFIXES, ".markdown", ".text", "")


class InputError(Exception):
    """A problem with a file the user gave us: one line, printable as is."""

    exit_code = 2  # a file that cannot be read at all


class TableProblems(InputError):
    """A readable table whose rows break the contract: the first problem, as validate says it."""

    exit_code = 1  # as validate exits on the same table


def a_or_an(noun: str) -> str:
    """'an evidence table', 'a claims table', 'an efficacy row' ('a usage row': by sound, not letter)."""
    return ("an " if noun[:1].lower() in "aeio" else "a ") + noun


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``3 rows``, ``1 row``: a count as a person writes it in a message or on a page."""
    return f"{n} {noun if n == 1 else (plural or noun + 's')}"


def same_words(a: str, b: str) -> bool:
    """The same text but for spacing and line breaks: a rewrite published as written."""
    return a.split() == b.split()


def is_are(n: int) -> str:
    """The verb that agrees with a count: '1 is', '3 are' (and '0 are')."""
    return "is" if n == 1 else "are"


def drafts_words(drafts: int, statements: int, unrated: int) -> tuple[str, str]:
    """The warning that some rows are unreviewed, as (lead, rest): the page puts the lead in bold."""
    if drafts == statements:
        lead = "The one statement is still a draft" if drafts == 1 else f"All {statements} statements are still drafts"
    else:
        lead = f"{drafts} of the {statements} statements {is_are(drafts)} still {'a draft' if drafts == 1 else 'drafts'}"
    unlevelled = f", and {unrated} {'has' if unrated == 1 else 'have'} no evidence level yet" if unrated else ""
    return lead, f"{'its labels are' if drafts == 1 else 'their labels are'} the drafter's first pass, not a reviewer's{unlevelled}"


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
        raise InputError(f"{p}: is a folder, expected {a_or_an(what)}") from None
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror})") from None
    if not data.strip():
        raise InputError(f"{p}: the {what} is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{p}:1: column 1: found a UTF-16 byte order mark, expected UTF-8 text (re-save the {what} as UTF-8)")
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
    """Files as given; folders expanded to their .txt/.md files, sorted by name.

    A file given twice (or also through its folder) is read once: two copies
    would be one article under two id prefixes (two files of one name: see
    :func:`distinct_names`). A named file with the suffix
    of a table or a document (``claims.csv``) is refused rather than read as
    one long sentence.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"{p}: folder holds no .txt or .md article")
        elif p.exists():
            if p.suffix.lower() not in NAMED_ARTICLE_SUFFIXES:
                raise InputError(f"{p}: found a {p.suffix} file, expected an article as plain text or Markdown (.txt or .md)")
            found = [p]
        else:
            raise InputError(f"{p}: no such file or folder")
        for q in found:
            key = q.resolve()
            if key not in seen:
                seen.add(key)
                out.append(q)
    return out


def distinct_names(paths: list[Path]) -> list[Path]:
    """``paths``, refused if two share an article name: a row names its article by file name, so
    ``a/x.md`` and ``b/x.md`` (or ``x.txt`` and ``x.md``) would share rows. Checked on the
    articles actually read, so a folder may hold other files of one name."""
    by_name: dict[str, Path] = {}
    for q in paths:
        other = by_name.setdefault(article_slug(q), q)
        if other is not q:
            raise InputError(
                f"{q}: has the article name {article_slug(q)!r} of {other}, expected one file per name "
                "(rows name their article by file name; rename one)"
            )
    return paths


# a table a person fills may hold a long note: the csv module's default cap is 131,072 characters a cell
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _csv_error(path: str | Path, text: str, row_start: int, line_num: int, error: str) -> str:
    """One line for a CSV the csv module cannot read, naming the line, the column and what was expected.

    ``row_start``: the number of lines before the row that failed; ``line_num``: the csv
    module's line when it failed. The row is re-read by hand to find the quoted value at fault.
    """
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0]])) if lines and row_start else []
    col, quoted, at_start, opened = 1, False, True, (row_start + 1, 1)
    for n, chunk in enumerate(lines[row_start:line_num], start=row_start + 1):
        for ch in chunk:
            if quoted:
                quoted = ch != '"'  # a doubled quote closes and, below, reopens
            elif ch == '"':
                if at_start:
                    opened = (n, col)
                quoted = True
            elif ch == ",":
                col, at_start = col + 1, True
                continue
            at_start = False
    where = f"column {opened[1]}" + (f" ({header[opened[1] - 1].strip()})" if opened[1] <= len(header) else "")
    if error == "unexpected end of data":
        return f'{path}:{opened[0]}: {where}: a quoted value opens here and is never closed (expected a closing ")'
    if error.startswith("',' expected after"):
        return f'{path}:{line_num}: {where}: text after the closing " of a quoted value, expected a comma (a quote inside a value is written "")'
    return f"{path}:{line_num}: not valid CSV ({error})"


def read_csv_rows(path: str | Path, what: str = "CSV file") -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and the 1-based line each row starts on; every value a string.

    Read with the csv module rather than pandas so that each row keeps its line
    number (quoted fields may span lines) for ``FILE:LINE`` messages.
    """
    text = read_text(path, what)
    first = text.split("\n", 1)[0]
    if first.count(";") > first.count(","):  # a spreadsheet set to a locale that saves with ';'
        raise InputError(f"{path}:1: found ';' between the header's columns, expected ',' (save the table as comma-separated CSV)")
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
        raise InputError(_csv_error(path, text, prev_end, reader.line_num, str(e))) from None
    header = [h.strip() for h in header]
    if len(header) < 2:
        raise InputError(
            f"{path}:1: found {len(header)} column in the header, expected a comma-separated CSV table"
        )
    return header, rows, lines


def _file_mode(dest: Path) -> int:
    """The permissions a written file gets: those of the file it replaces, else
    what the umask allows a new file (mkstemp's own 0600 would hide a shared table)."""
    try:
        return dest.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_atomic(dest: Path, write, encoding: str = "utf-8") -> None:
    """Write through ``write(fh)`` to a temporary file next to ``dest``, then rename:
    a crash never leaves half a file. A destination that cannot be written is an
    InputError naming it."""
    if dest.is_dir():
        raise InputError(f"{dest}: is a folder, expected a file to write")
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    except OSError as e:
        raise InputError(f"{dest}: cannot write here ({e.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _file_mode(dest))
        os.replace(tmp, dest)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{dest}: cannot write ({e.strerror}); the old file, if any, is unchanged") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_ALL_QUOTED = re.compile(rb'"[^"\r\n]*"(?:,"[^"\r\n]*")*\r?')


def _csv_style(old: bytes | None) -> tuple[str, str, int]:
    """(encoding, line ending, quoting) of the CSV being replaced (``old``, its bytes): a table
    saved by Excel (byte-order mark, CRLF) or with every field quoted stays that way, so a
    rewrite changes only what changed."""
    if old is None:
        return "utf-8", "\n", csv.QUOTE_MINIMAL
    bom = old.startswith(b"\xef\xbb\xbf")
    first = old[:65536].split(b"\n", 1)[0][3 if bom else 0 :]
    quoting = csv.QUOTE_ALL if _ALL_QUOTED.fullmatch(first) else csv.QUOTE_MINIMAL
    return ("utf-8-sig" if bom else "utf-8"), ("\r\n" if first.endswith(b"\r") else "\n"), quoting


def write_csv_atomic(df: pd.DataFrame, path: str | Path, like: str | Path | None = None) -> bool:
    """Write a CSV atomically (temporary file + rename), keeping the permissions,
    byte-order mark, line endings and quoting of the file it replaces; a new file
    takes them from ``like`` when given (a table's side file opens as the table does).

    False, and nothing written, when the file already holds exactly these bytes
    (a re-run that changes nothing leaves the file, and its time stamp, alone).
    """
    dest = Path(path)
    try:
        old: bytes | None = dest.read_bytes()
    except OSError:  # none yet, or a folder (which _write_atomic reports)
        old = None
    style = old
    if style is None and like is not None:
        try:
            with open(like, "rb") as fh:
                style = fh.read(65536)
        except OSError:
            style = None
    encoding, ending, quoting = _csv_style(style)
    buf = io.StringIO()
    df.to_csv(buf, index=False, lineterminator=ending, quoting=quoting)
    text = buf.getvalue()
    if old is not None and old == text.encode(encoding):
        return False
    _write_atomic(dest, lambda fh: fh.write(text), encoding)
    return True


def write_text_atomic(text: str, path: str | Path) -> None:
    """Write a text file atomically, keeping the permissions of the file it replaces."""
    _write_atomic(Path(path), lambda fh: fh.write(text))
