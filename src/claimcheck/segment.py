"""Step 1 of the pipeline: split an article into units (title, headings, sentences).

Blocks first (blank lines), then lines (Markdown headings, list items, prose),
then sentences inside prose with a rule-based splitter whose abbreviation
lists live in ``rules/segmentation.toml``. It was chosen over pysbd, which
``benchmarks/bench_speed.py`` keeps as a baseline: pysbd is far slower (the
README gives the ratio), and the drafter's 20 k statements/s budget cannot
carry it; the hard cases are spec tests in ``tests/test_segment.py``.

Offsets are Python ``str`` indices into the article exactly as
:func:`claimcheck.io.read_article` returns it, so ``text == article[start:end]``.
Markdown markup at a unit's edge (``#``, list bullets, blockquote ``>``,
wrapping ``**``, a table row's outer pipes) stays outside the unit; nothing
else that is not whitespace does. A table row is one unit, its header row
too, and the rule under the header none. Markup inside a unit stays in its text; :func:`plain_text` is how a
page shows it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import pandas as pd

from claimcheck.io import article_slug, distinct_names, expand_articles, read_article
from claimcheck.schema import UNIT_COLUMNS, empty_units


@dataclass(frozen=True, slots=True)
class Unit:
    unit: str
    start: int
    end: int
    paragraph: int
    sentence: int
    section: str


@dataclass(frozen=True)
class Rules:
    max_words: int
    max_chars: int
    final_punctuation: str
    lead_max_words: int
    abbreviations: frozenset[str]
    before_number: frozenset[str]
    sentence_starters: frozenset[str]
    reference_headings: frozenset[str]


@cache
def load_rules() -> Rules:
    raw = tomllib.loads(files("claimcheck").joinpath("rules/segmentation.toml").read_text("utf-8"))
    h, s = raw["heading"], raw["sentence"]
    return Rules(
        max_words=h["max_words"],
        max_chars=h["max_chars"],
        final_punctuation=h["final_punctuation"],
        lead_max_words=h["lead_max_words"],
        abbreviations=frozenset(s["abbreviations"]),
        before_number=frozenset(s["before_number"]),
        sentence_starters=frozenset(s["sentence_starters"]),
        reference_headings=frozenset(raw["references"]["headings"]),
    )


def is_reference_section(section: str, rules: Rules | None = None) -> bool:
    """Whether a section heading names the article's list of sources ('References', '## Sources:')."""
    return (section or "").strip(" \t*_#:").lower() in (rules or load_rules()).reference_headings


# Markdown's line markup, written once: the line rules below and the page helpers at the end use it.
_BULLET_MARK = r"[-*+•]"
_RULE = r"(?:[-=*_][ \t]*){3,}"
# A blockquote's markers ("> ", "> > "): '>' before a space, another '>' or the line's end ('>90%' is text).
_QUOTE = r"(?:>(?:[ \t]+|(?=>)|(?=[\r\n])|$))+"

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_MD_HEADING = re.compile(r"[ \t]{0,3}(#{1,6})[ \t]+(?P<body>.*?)[ \t]*#*[ \t]*$")
_BULLET = re.compile(rf"[ \t]*{_BULLET_MARK}[ \t]+(?=\S)")
_NUMBERED = re.compile(r"[ \t]*\d{1,3}[.)][ \t]+(?=\S)")
_RULE_LINE = re.compile(rf"[ \t]*{_RULE}$")
# A numbered mark to the article's reference list: '[1]', '[2, 5]', '[3–6]', '[^1]'.
_REF_MARK = r"\[\^?\d{1,3}(?:[,\u2013-][ ]?\d{1,3})*\]"
_BOLD_LINE = re.compile(r"(\*\*|__)(?P<body>\S(?:.*\S)?)\1[ \t]*$")
# A whole line in italics ('*Issue 42*', '_By Dr Jo Smith_'): the marks stay outside the unit, as bold's do.
_ITALIC_LINE = re.compile(r"(?:\*(?P<star>[^\s*](?:[^*]*[^\s*])?)\*|_(?P<under>[^\s_](?:[^_]*[^\s_])?)_)[ \t]*$")
# Reference marks at a line's end ('adults.[1]', 'sleep.[^2]'): the punctuation before them ends the line.
_TRAILING_MARKS = re.compile(rf"(?:{_REF_MARK})+$")


def without_trailing_marks(text: str) -> str:
    """``text`` without the reference marks it ends in: 'Rest helps.[2, 3]' -> 'Rest helps.'."""
    return _TRAILING_MARKS.sub("", text) if text.endswith("]") else text
# A Markdown table: a row between outer pipes, and the rule under its header ("|---|:--:|").
_TABLE_RULE = r"\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?"
_TABLE_RULE_LINE = re.compile(rf"[ \t]*{_TABLE_RULE}[ \t]*$")
_TABLE_EDGE = re.compile(r"[ \t]*\|[ \t]*")
_QUOTE_MARKS = re.compile(rf"[ \t]{{0,3}}{_QUOTE}")  # kept outside a unit like a list bullet
# A candidate sentence end: terminators, closing quotes/brackets, whitespace.
# One emoji, with its variation selector and zero-width-joined parts ("👨‍👩‍👧").
_EMOJI_FIRST = "[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B50]"
_EMOJI_REST = f"\uFE0F?(?:\u200D{_EMOJI_FIRST}\uFE0F?)*"
_EMOJI = _EMOJI_FIRST + _EMOJI_REST
# A sentence ends at [.!?…] (closing quotes and brackets kept with it), and in
# social-media text at an emoji with no punctuation ("Best decision ever 🙌 Now …").
# Emojis right after the punctuation stay with the sentence they close ("It works! 🙌").
# Both alternatives start with one character class, so the scan stays a fast skip in C.
_END = re.compile(rf"(?:[.!?…]+[\"'”’»)\]*_]*(?:{_REF_MARK})*(?:[ \t]*{_EMOJI})*|{_EMOJI_FIRST}(?<=\S[ \t].){_EMOJI_REST}(?:[ \t]*{_EMOJI})*)(?=\s|\Z)")
_WS = re.compile(r"\s+")
_CLOSING_QUOTES = "\"'”’»"
_TOKEN_BEFORE = re.compile(r"[\w.\-]*$")
_WORD_AFTER = re.compile(r"[\"'“‘(\[]*([\w'’.-]*)")


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(text: str, dot: int, after: int, end: int, span_start: int, rules: Rules) -> bool:
    """Whether the terminator run starting at ``dot`` ends a sentence.

    ``after`` is the index of the first non-space character that follows.
    """
    if after >= end:
        return True
    nxt = text[after]
    if nxt.islower():
        return False
    if nxt == ">" and "\n" in text[dot:after]:  # a blockquote's next line: read past its marker
        marks = _QUOTE_MARKS.match(text, after, end)
        if marks and marks.end() < end and text[marks.end()] in "—–":
            nxt = text[marks.end()]
    if (nxt in "—–" or (nxt == "-" and text[after + 1 : after + 2] == " ")) and text[dot:after].rstrip()[-1:] in _CLOSING_QUOTES:
        return False  # "“Amazing!” — Sarah K." (or "- Sarah K.", typed) keeps its attribution
    if text[dot] not in ".!?…":
        return nxt.isupper() or nxt.isdigit()  # an emoji with no punctuation: only before a new sentence
    if text[dot] != ".":
        return True  # ! ? … before a capital, digit, quote or bracket
    if text.startswith("..", dot):
        return True  # an ellipsis before a capital
    m = _TOKEN_BEFORE.search(text, max(span_start, dot - 64), dot)
    token = m.group(0).lower()
    if not token:
        return True
    if token.isdigit() and m.start() == span_start:
        return False  # "1. Take 500 mg": a list number, not a sentence
    word_after = _WORD_AFTER.match(text, after).group(1).lower()
    if token in rules.abbreviations:
        return False
    if token in rules.before_number:
        return not nxt.isdigit()
    if (len(token) == 1 and token.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token) or token == "etc":
        # initials, U.S., e.t.c.: a sentence ends only before a typical sentence opener
        return word_after in rules.sentence_starters
    return True


def _next_quote(text: str, start: int, end: int) -> int:
    """Where the next double quote mark is (``end`` if none): two memchr scans, far cheaper than a regex."""
    a, b = text.find('"', start, end), text.find("“", start, end)
    if a < 0:
        return end if b < 0 else b
    return a if b < 0 or a < b else b


_INCHES = re.compile(r'(?<=\d)"')  # 60" long


def _inside_attributed_quote(text: str, s: int, stop: int, end: int) -> bool:
    """Whether ``text[s:stop]`` leaves a quotation open that closes later with an attribution.

    '"Best sleep ever! I wake up refreshed," writes Tom.' is one statement, a
    testimonial: its quotation closes on a comma or before a lower-case word.
    A quotation that closes on its own sentence ('… "This is huge!" The study …')
    is split as usual.
    """
    span = text[s:stop]
    if (span.count('"') - len(_INCHES.findall(span))) % 2:
        closer = '"'
    elif span.count("“") > span.count("”"):
        closer = "”"
    else:
        return False
    q = text.find(closer, stop, min(end, stop + 300))
    if q < 0 or text[q - 1].isspace():
        return False  # none, or it opens another quotation ('call it "life-changing" in reviews')
    after = text[q + 1 : q + 3].lstrip(" ")
    return text[q - 1] == "," or (bool(after) and after[0].islower())


def split_sentences(text: str, start: int, end: int, rules: Rules | None = None) -> list[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, trimmed of whitespace."""
    rules = rules or load_rules()
    spans: list[tuple[int, int]] = []
    s = start
    quote = _next_quote(text, start, end)  # most sentences have none
    for m in _END.finditer(text, start, end):
        ws = _WS.match(text, m.end(), end)
        after = ws.end() if ws else m.end()
        if _is_boundary(text, m.start(), after, end, s, rules) and not (
            quote < m.end() and _inside_attributed_quote(text, s, m.end(), end)
        ):
            a, b = _strip_span(text, s, m.end())
            if a < b:
                spans.append((a, b))
            s = after
            if quote < s:
                quote = _next_quote(text, s, end)
    a, b = _strip_span(text, s, end)
    if a < b:
        spans.append((a, b))
    return spans


@dataclass(slots=True)
class _Line:
    start: int  # of the content, after markup
    end: int
    # "md_heading", "bullet", "numbered", "bold", "prose", "quoted" (a blockquote's prose), "rule"; and "table_row", "table_rule",
    # "table_empty" until the block is read (see _settle_table)
    kind: str
    level: int = 0


# The characters a Markdown line's markup can start with; a line opening with any other is prose.
_MARKUP_START = frozenset("#-=*_+•0123456789|:")


def _classify(text: str, a: int, b: int) -> _Line:
    s, e = _strip_span(text, a, b)
    if text[s] not in _MARKUP_START:
        return _Line(s, e, "prose")  # most lines: no regex needs to look
    line = text[a:b]
    if text[s] == "|":  # a table's line, if its block turns out to hold a table (_settle_table)
        if _TABLE_RULE_LINE.match(line):
            return _Line(s, e, "table_rule")
        return _Line(s, e, "table_row" if text[s:e].strip(" \t|") else "table_empty")
    if text[s] in "-:" and "|" in line and _TABLE_RULE_LINE.match(line):
        return _Line(s, e, "table_rule")  # the rule of a table written without outer pipes ('---|:--:')
    m = _MD_HEADING.match(line)
    if m:
        s, e = _strip_span(text, a + m.start("body"), a + m.end("body"))
        return _Line(s, e, "md_heading", len(m.group(1)))
    if _RULE_LINE.match(line):
        return _Line(a, a, "rule")
    m = _BULLET.match(line)
    if m:
        return _Line(*_strip_span(text, a + m.end(), b), "bullet")
    if _NUMBERED.match(line):
        return _Line(s, e, "numbered")
    m = _BOLD_LINE.fullmatch(text, s, e)
    if m:
        return _Line(s + 2, e - 2, "bold")
    if _ITALIC_LINE.fullmatch(text, s, e):
        return _Line(s + 1, e - 1, "bold")  # set apart by its author as a bold line is
    return _Line(s, e, "prose")


def _cells(text: str, line: _Line) -> tuple[int, int]:
    """A table row's span between its outer pipes: '| 5 mg | 15% |' -> '5 mg | 15%'."""
    edge = _TABLE_EDGE.match(text, line.start)  # none when the table has no outer pipes
    s, e = edge.end() if edge else line.start, line.end
    if text[e - 1] == "|" and e - 1 >= s:
        e = _strip_span(text, s, e - 1)[1]
    return s, e


def _settle_table(block: list[_Line], text: str) -> list[_Line]:
    """A block with a table's rule line ('|---|---|') is a table: its rows are statements and its
    rule and empty rows are not. Without one, a line that opens with '|' is prose. A table may
    be written without outer pipes ('Dose | Loss' over '---|---'): every line with a pipe is a row."""
    table = any(line.kind == "table_rule" for line in block)
    out = []
    for line in block:
        if table and line.kind not in ("table_rule", "table_empty") and "|" in text[line.start:line.end]:
            line.kind = "table_row"
        if line.kind in ("table_rule", "table_empty", "table_row"):
            if table and line.kind != "table_row":
                continue
            if not table:
                line.kind = "prose"
        out.append(line)
    return out


def _blocks(text: str) -> Iterator[list[_Line]]:
    block: list[_Line] = []
    piped = False  # the block has a line opening with '|'

    pos = 0
    n = len(text)
    while pos < n:
        m = _LINE.match(text, pos)
        a, b_all = m.start(), m.end()
        b = b_all
        while b > a and text[b - 1] in "\r\n":
            b -= 1
        body = text[a:b].strip()
        quoted = _QUOTE_MARKS.match(text, a, b) if body[:1] == ">" else None
        if quoted:  # a blockquote line is read for what it quotes ('> text', not '>90%')
            a = quoted.end()
            body = text[a:b].strip()  # a bare ">" is a blank line
        if body:
            line = _classify(text, a, b)
            if quoted and line.kind == "prose":
                line.kind = "quoted"  # a quotation, never a heading: '> "It changed my life" – Anna, 42'
            if line.kind == "rule":
                if block and len(block) == 1 and block[0].kind == "prose" and "=" in text[a:b]:
                    block[0].kind, block[0].level = "md_heading", 1
                elif block and len(block) == 1 and block[0].kind == "prose":
                    block[0].kind, block[0].level = "md_heading", 2
            else:
                block.append(line)
                piped = piped or line.kind[:6] == "table_"
        elif block:
            yield _settle_table(block, text) if piped else block
            block, piped = [], False
        if b_all == pos:
            break
        pos = b_all
    if block:
        yield _settle_table(block, text) if piped else block


def _short_label(text: str, line: _Line, rules: Rules, max_words: int) -> bool:
    body = text[line.start : line.end]
    return (
        bool(body)
        and not (body[0] == "[" and _LINK.fullmatch(body))  # "[Read more](https://…)": a link, not a label
        # "“Amazing!”" and "Trackers help.[1]" end a sentence
        and without_trailing_marks(body).rstrip(_CLOSING_QUOTES)[-1:] not in rules.final_punctuation
        and len(body) <= rules.max_chars
        and len(body.split()) <= max_words
        and not body[0].islower()
        and body[0] not in "—–"  # "— Anna, 52": an attribution, not a heading
        # "Proponents list several benefits; the evidence varies:" leads into a list: a sentence
        and not (body.endswith(":") and ";" in body)
        # a plain line "Side effects were mild. In the trial:" holds a sentence: not a label
        # (a bold line is set apart by its author: '**"Will it hurt?" (Priya, Leeds)**')
        and (line.kind != "prose" or len(split_sentences(text, line.start, line.end, rules)) == 1)
    )


def _question_label(text: str, line: _Line, rules: Rules, max_words: int) -> bool:
    """A short question on a line of its own that opens what follows, as an FAQ's
    "Is it safe?" does; a speaker's turn ("PRESENTER: And do painkillers help?") or a
    quoted question is a sentence."""
    body = text[line.start : line.end]
    return (
        body.endswith("?")
        and ":" not in body
        and len(body) <= rules.max_chars
        and len(body.split()) <= max_words
        and body[0].isupper()
        and len(split_sentences(text, line.start, line.end, rules)) == 1  # "It cures it. Why wait?"
    )


def _is_list(block: list[_Line] | None) -> bool:
    return bool(block) and block[0].kind in ("numbered", "bullet")


# Whole lines that are not part of what an article says: YAML front matter, an HTML
# comment, an image, a footnote's definition. They are read as
# blank lines (same length, line breaks kept), so offsets still point into the article.
_COMMENT = r"<!--(?:(?!-->).)*-->"  # with re.S: it may span lines
_IMAGE = r"!\[[^\]\n]*\]\([^)\n]*\)"
_FRONT_MATTER = r"\A\ufeff?---[ \t]*\r?\n(?=[A-Za-z_][\w-]*:)(?:[^\n]*\n){0,80}?(?:---|\.\.\.)[ \t]*(?=\r?\n|\Z)"
FRONT_MATTER = re.compile(_FRONT_MATTER)  # YAML between '---' lines at the very top: the page's settings
_NOT_SAID = re.compile(
    _FRONT_MATTER
    + rf"|^[ \t]*{_COMMENT}[ \t]*(?=\r?$)"
    rf"|^[ \t]*(?:\[)?{_IMAGE}(?:\]\([^)\n]*\))?[ \t]*(?=\r?$)"
    r"|^[ \t]{0,3}\[\^[^\]\n]+\]:[^\n]*?(?=\r?$)",
    re.M | re.S,
)
_NOT_SAID_HINT = ("<!--", "![", "[^")


def _blank_not_said(text: str) -> str:
    """``text`` with the lines of ``_NOT_SAID`` made blank (spaces), its length and line breaks kept."""
    if not text.startswith(("---", "\ufeff---")) and not any(h in text for h in _NOT_SAID_HINT):
        return text
    return _NOT_SAID.sub(lambda m: re.sub(r"[^\r\n]", " ", m.group()), text)


def iter_units(text: str, rules: Rules | None = None) -> Iterator[Unit]:
    """Units of an article in reading order."""
    rules = rules or load_rules()
    text = _blank_not_said(text)
    blocks = list(_blocks(text))
    section = ""
    references = False  # the section is the article's reference list: one unit per line
    paragraph = 0
    title_done = False
    for bi, block in enumerate(blocks):
        nxt = blocks[bi + 1] if bi + 1 < len(blocks) else None
        # 1. single-line blocks that are titles or headings
        if len(block) == 1:
            line = block[0]
            kind = None
            if line.kind == "md_heading":
                kind = "title" if (not title_done and bi == 0) or (line.level == 1 and not title_done) else "heading"
            elif line.kind == "bold" and _short_label(text, line, rules, rules.max_words) or (
                line.kind == "bold" and text[line.end - 1] == "?"
            ):
                kind = "heading"
            elif line.kind in ("prose", "numbered") and _short_label(text, line, rules, rules.max_words):
                if bi == 0 and line.kind == "prose":
                    kind = "title"
                elif line.kind == "prose" or not (_is_list(nxt) or _is_list(blocks[bi - 1] if bi else None)):
                    kind = "heading"  # "1. Releasing endorphins", unless it is one item of a loose list
            elif bi == 0 and line.kind == "prose" and text[line.end - 1] not in ".!;,":
                kind = "title"  # a long headline, or one ending in "?"
            elif line.kind == "prose" and nxt is not None and _question_label(text, line, rules, rules.max_words):
                kind = "heading"  # "Is it safe?" above its answer
            if kind:
                paragraph += 1
                if kind == "heading":
                    section = text[line.start : line.end]
                    references = is_reference_section(section, rules)
                title_done = title_done or kind == "title"
                yield Unit(kind, line.start, line.end, paragraph, 1, section)
                continue
        # 2. multi-line blocks: a Markdown heading or a short label line opens a section
        sentence = 0
        run: list[_Line] = []

        def flush_run() -> Iterator[Unit]:
            nonlocal sentence
            if not run:
                return
            for a, b in split_sentences(text, run[0].start, run[-1].end, rules):
                if text[a] == ">" and not text[text.rfind("\n", 0, a) + 1 : a].strip():
                    # a sentence that opens a later line of a blockquote
                    quoted = _QUOTE_MARKS.match(text, a, b)
                    a = quoted.end() if quoted else a
                sentence += 1
                yield Unit("sentence", a, b, paragraph, sentence, section)
            run.clear()

        paragraph += 1
        for li, line in enumerate(block):
            is_label = (
                li == 0
                and len(block) > 1
                and line.kind in ("prose", "bold")
                and (
                    _short_label(text, line, rules, rules.lead_max_words)
                    or _question_label(text, line, rules, rules.lead_max_words)
                )
                and not text[block[1].start].islower()  # "I sleep\nwell now.": a wrapped sentence
                and text[block[1].start] not in "—–"  # "“Amazing!”\n— Sarah K.": an attribution
            )
            if line.kind == "md_heading" or is_label:
                yield from flush_run()
                if sentence:
                    paragraph += 1
                kind = "title" if not title_done and paragraph == 1 and line.kind == "md_heading" and line.level == 1 else "heading"
                if kind == "heading":
                    section = text[line.start : line.end]
                    references = is_reference_section(section, rules)
                title_done = True
                yield Unit(kind, line.start, line.end, paragraph, 1, section)
                paragraph += 1
                sentence = 0
                continue
            title_done = True
            if line.kind == "table_row":
                yield from flush_run()
                sentence += 1
                yield Unit("sentence", *_cells(text, line), paragraph, sentence, section)
            elif references:  # an entry: 'Smith J. et al. Br. J. Sports Med. 2019.' is one unit
                yield from flush_run()
                sentence += 1
                yield Unit("sentence", line.start, line.end, paragraph, sentence, section)
            elif line.kind in ("bullet", "numbered", "bold"):
                yield from flush_run()
                for a, b in split_sentences(text, line.start, line.end, rules):
                    sentence += 1
                    yield Unit("sentence", a, b, paragraph, sentence, section)
            else:
                run.append(line)
        yield from flush_run()
        if sentence == 0:
            paragraph -= 1


def id_prefix(slug: str, taken: Iterable[str] = ()) -> str:
    """``acupuncture-chronic-pain`` -> ``acu``; longer when another article took it."""
    letters = re.sub(r"[^a-z0-9]", "", slug.lower()) or "art"
    taken = set(taken)
    for n in range(min(3, len(letters)), len(letters) + 1):
        if letters[:n] not in taken:
            return letters[:n]
    i = 2
    while f"{letters}{i}" in taken:
        i += 1
    return f"{letters}{i}"


def _unit_rows(text: str, slug: str, prefix: str) -> list[tuple]:
    return [
        (f"{prefix}-{i:03d}", slug, u.unit, u.section, u.paragraph, u.sentence, u.start, u.end, text[u.start : u.end])
        for i, u in enumerate(iter_units(text), start=1)
    ]


def _units_frame(rows: list[tuple]) -> pd.DataFrame:
    if not rows:
        return empty_units()
    df = pd.DataFrame(rows, columns=list(UNIT_COLUMNS))
    return df.astype({"paragraph": "int64", "sentence": "int64", "start": "int64", "end": "int64"})


def segment_text(text: str, slug: str, prefix: str | None = None) -> pd.DataFrame:
    """The unit columns of the claims table for one article's text."""
    return _units_frame(_unit_rows(text, slug, prefix or id_prefix(slug)))


def segment_texts(items: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """Segment many (slug, text) articles into one table, with distinct id prefixes.

    One DataFrame for the lot: building a frame costs about as much as
    segmenting a short article, so a corpus goes through in batches.
    """
    rows: list[tuple] = []
    taken: set[str] = set()
    for slug, text in items:
        prefix = id_prefix(slug, taken)
        taken.add(prefix)
        rows.extend(_unit_rows(text, slug, prefix))
    return _units_frame(rows)


def segment_article(path: str | Path, prefix: str | None = None) -> pd.DataFrame:
    """Segment one article file; the slug is the file name without extension."""
    return segment_text(read_article(path), article_slug(path), prefix)


def segment_paths(paths: Iterable[str | Path]) -> pd.DataFrame:
    """Segment files and folders of articles into one table, with distinct id prefixes."""
    return segment_texts((article_slug(p), read_article(p)) for p in distinct_names(expand_articles(paths)))


def _link(m: re.Match[str], hide: bool = False) -> str:
    """``label (url)``; with ``hide``, the address waits in the private-use plane so that the
    emphasis rules after it cannot read its ``__`` or ``*`` as markup."""
    image, label, url = m.group(1), m.group(2), m.group(3)
    if image or not url.lower().startswith(("http://", "https://", "www.")) or url == label:
        return label  # an image, a link within the page, or one that shows its own address
    return f"{label} ({_hidden(url) if hide else url})"


def _hidden(text: str) -> str:
    """``text`` moved into the private-use plane, where no markup rule reads it (unmark restores it)."""
    return "".join(chr(_HIDDEN + ord(c)) if ord(c) < 128 else c for c in text)


# [label](url) -> label (url), so a reader sees where it leads; ![alt](image) -> alt.
# A url may hold one level of brackets ("…/Pain_(medicine)").
_LINK = re.compile(r"(!?)\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")  # <https://…> -> the address
_INLINE_MARKUP = (
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # **bold**, __bold__
    (re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),  # *emphasis*
    (re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),  # _emphasis_
    (re.compile(r"`([^`\n]+)`"), r"\1"),  # `code`
    (re.compile(rf"\n[ \t]{{0,3}}{_QUOTE}"), "\n"),  # a wrapped blockquote line's markers
)
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\]")  # "in mice[^1]" -> "in mice"
_HTML_TAG = re.compile(r"</?(?:b|i|em|strong|u|s|sup|sub|span|small|mark|br)\b[^<>]*>", re.I)  # "<b>cures</b>" -> "cures"
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")  # "\*" is a literal star, not markup
_HIDDEN = 0xF0000  # escaped characters wait in a private-use plane while the markup is unwrapped


def unmark(text: str, footnote_marks: bool = False) -> str:
    """``text`` with its inline Markdown unwrapped (bold, emphasis, links, code, escapes).

    A footnote mark goes ("in mice[^1]" -> "in mice"), or with ``footnote_marks``
    reads as the page's footnotes do ("in mice[1]"). A lone ``*`` or ``_`` (a
    footnote mark, ``snake_case``) is left alone, and so is every other
    character, line breaks included.
    """
    if not any(c in text for c in "*_[`<\\>"):
        return text
    hide = not any(_HIDDEN <= ord(c) < _HIDDEN + 128 for c in text)  # unless the text uses the plane itself
    if hide:
        text = _ESCAPED.sub(lambda m: chr(_HIDDEN + ord(m.group(1))), text)
    text = _LINK.sub(lambda m: _link(m, hide), text)
    text = _AUTOLINK.sub(lambda m: _hidden(m.group(1)) if hide else m.group(1), text)
    text = _FOOTNOTE_MARK.sub((lambda m: "[" + m.group()[2:]) if footnote_marks else "", _HTML_TAG.sub("", text))
    for pattern, repl in _INLINE_MARKUP:
        text = pattern.sub(repl, text)
    if hide:
        text = "".join(chr(ord(c) - _HIDDEN) if _HIDDEN <= ord(c) < _HIDDEN + 128 else c for c in text)
    return text


# Markdown between units, as a reader of the article sees it: heading and quote marks and
# rules go, a list bullet becomes a bullet, wrapping ** and __ go. \x02 and \x03 mark a gap
# that opens mid-line and one that ends the article (see between_units).
_BETWEEN_MARKUP = (
    (re.compile(rf"^[ \t]{{0,3}}(?:#{{1,6}}|{_QUOTE})[ \t]*|(?<![ \t])[ \t]++#+[ \t]*+$", re.M), ""),
    (re.compile(rf"^[ \t]*{_RULE}(?:\n|\x03\Z)", re.M), ""),
    (re.compile(rf"^[ \t]*+{_TABLE_RULE}[ \t]*+(?:\n|\x03\Z)", re.M), ""),  # a table's rule, outer pipes or none
    # a table row's outer pipes; a run of spaces is tried once, from its start (not quadratic)
    (re.compile(r"^[ \t]*+\|[ \t]*+|(?<![ \t])[ \t]*+\|[ \t]*+$", re.M), ""),
    (re.compile(rf"^([ \t]*){_BULLET_MARK}[ \t]+", re.M), "\\1• "),
    (re.compile(rf"{_COMMENT}[ \t]*\n?", re.S), ""),  # a comment is for the writers
    (re.compile(rf"^[ \t]*{_IMAGE}[ \t]*(?:\n|\x03\Z)", re.M), ""),  # an image line
    (re.compile(r"^([ \t]{0,3})\[\^([^\]\n]+)\]:[ \t]*", re.M), "\\1[\\2] "),  # a footnote: '[^1]: Smith' -> '[1] Smith'
    # bold and italics ('**', '*Issue 42*', '__x__'), once the rest is read; an underscore inside
    # a word is no markup ('[side_effects] Smith', 'snake_case')
    (re.compile(r"\*+|(?<!\w)_+|_+(?!\w)"), ""),
)


def between_units(text: str, line_start: bool = True, last: bool = False) -> str:
    """The article's text between two units as a reader sees it, its line breaks kept (as LF).

    ``line_start``: the text opens a line of the article (else a ``#`` or ``>``
    at its start is mid-line text). ``last``: nothing follows it, so a final
    ``---`` is a rule (text ending ``- **`` before a unit is a bullet).
    """
    text = ("" if line_start else "\x02") + text.replace("\r\n", "\n") + ("\x03" if last else "")
    for pattern, repl in _BETWEEN_MARKUP:
        text = pattern.sub(repl, text)
    return text.strip("\x02\x03")


def plain_text(text: str) -> str:
    """A unit's text as a reader of the page sees it: inline Markdown unwrapped, spaces collapsed.

    The table keeps the article's exact characters (offsets must point back);
    pages show this instead of ``**clinically proven**`` or ``[study](https://…)``.
    """
    return " ".join(unmark(text).split())
