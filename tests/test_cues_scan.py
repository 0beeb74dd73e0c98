"""The fast scan finds exactly what the plain alternation of all rules finds.

The shipped scan is a trie of literal prefixes (see ``cues._scan_regex``);
these tests hold it to the reference: ``GUARD(?:rule1|rule2|...)`` in role,
then file order, with the rule that matched read from a named group.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cues import LEXICONS, _expand, load_lexicon, normalise, parse_lexicon, plain_regex, split_alternatives
from claimcheck.segment import segment_paths

ROOT = Path(__file__).resolve().parents[1]


def reference(lex, text: str) -> list[tuple[int, int, str]]:
    rx = plain_regex(lex.rules)
    return [(m.start(), m.end(), lex.rules[int(m.lastgroup[1:])].id) for m in rx.finditer(text)]


def scanned(lex, text: str) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.rule.id) for h in lex.find(text)]


def boundary_scanned(toml: str, name: str, text: str) -> list[tuple[int, int, str]]:
    """The hits of ``toml``'s fast scan on ``text``, checked to use ``skip`` and to agree with the reference."""
    lex = parse_lexicon(toml, name)
    assert lex.skip is not None
    hits = scanned(lex, text)
    assert hits == reference(lex, text)
    return hits


@pytest.fixture(scope="module")
def statements() -> list[str]:
    arts = ROOT / "tests" / "articles"
    units = segment_paths([ROOT / "data" / "articles", arts / "segment", *sorted((arts / "drafter").glob("*.[tm][xd]*"))])
    data = ROOT / "benchmarks" / "data"
    pubmed = pd.read_csv(data / "causal-language-pubmed" / "pubmed_causal_language_use.csv")["sentence"]
    pei = pd.read_json(data / "sci-certainty-pei2021" / "sentence-level-certainty.jsonl", lines=True)["finding"]
    texts = [*units["text"], *pubmed.astype(str), *pei.astype(str)]
    return [normalise(t).strip() for t in texts]


@pytest.mark.parametrize("name", LEXICONS)
def test_scan_matches_reference_on_every_shipped_statement(name: str, statements: list[str]) -> None:
    lex = load_lexicon(name)
    assert len(statements) > 3000
    differ = [t for t in statements if scanned(lex, t) != reference(lex, t)]
    assert differ == []


# words that start rules, words that almost do, and punctuation that opens clauses
_WORDS = sorted(
    {w for n in LEXICONS for r in load_lexicon(n).rules for p in r.literal for w in p.replace("*", "").split()}
    | {"mayor", "cancel", "an", "a", "the", "no", "not", "it", "is", "which", "if", "2019", "10", "%", "(smith", "2020)", ",", ";", ":", "?"}
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14), st.sampled_from(LEXICONS))
def test_scan_matches_reference_on_generated_text(words: list[str], name: str) -> None:
    text = " ".join(words)
    lex = load_lexicon(name)
    assert scanned(lex, text) == reference(lex, text)


def test_split_alternatives_respects_groups_classes_and_escapes() -> None:
    assert split_alternatives(r"a|(?:b|c)d|[|]e|\|f") == ["a", "(?:b|c)d", "[|]e", r"\|f"]


def test_leading_groups_are_distributed_in_order() -> None:
    assert _expand(r"\b(?:is|are)\s+x") == [r"is\s+x", r"are\s+x"]
    assert _expand(r"(?:un)?likely\b") == [r"unlikely\b", r"likely\b"]
    assert _expand(r"(?:a|b)*c") == [r"(?:a|b)*c"]  # a quantified group stays whole


def test_earlier_rule_wins_where_two_rules_match_at_one_place() -> None:
    text = """
[meta]
version = 1

[[rule]]
id = "broad"
role = "cue"
level = 2
pattern = '\\b(?:\\w+)\\s+risk'
reason = "first in the file"

[[rule]]
id = "narrow"
role = "cue"
level = 1
literal = ["higher risk"]
reason = "second"
"""
    lex = parse_lexicon(text, "certainty")
    assert scanned(lex, "a higher risk") == reference(lex, "a higher risk")
    assert [h.rule.id for h in lex.find("higher risk")] == ["broad"]


ANCHORED = """
[meta]
version = 1
[[rule]]
id = "opening_by"
role = "cue"
type = "mechanism"
weight = 2
pattern = '^by\\s+\\w+ing\\b'
reason = "r"
[[rule]]
id = "by_word"
role = "cue"
type = "context"
weight = 2
literal = ["by"]
reason = "r"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("by releasing endorphins, it eases pain by day", [(0, 12, "opening_by"), (39, 41, "by_word")]),
        ("it eases pain by releasing endorphins", [(14, 16, "by_word")]),
        ("by the way", [(0, 2, "by_word")]),
    ],
    ids=["anchored-then-rest", "anchored-rule-not-mid-sentence", "anchored-fails-plain-wins"],
)
def test_a_rule_anchored_at_the_start_matches_only_there_and_the_rest_is_scanned_after_it(text: str, expected: list) -> None:
    lex = parse_lexicon(ANCHORED, "types")
    assert lex.skip is not None and "ing" not in lex.skip.pattern  # the anchored rule is left out of the scan after position 0
    assert scanned(lex, text) == expected == reference(lex, text)


@pytest.mark.parametrize("name", LEXICONS)
def test_every_shipped_rule_starts_at_a_word_or_a_punctuation_mark(name: str) -> None:
    # so the scan after position 0 can skip in C to where a rule may begin;
    # a rule that starts some other way would silently fall back to the slow scan
    assert load_lexicon(name).skip is not None


ABUTTING = """
[meta]
version = 1
[[rule]]
id = "colon"
role = "terminator"
pattern = ':\\s+'
reason = "r"
[[rule]]
id = "may"
role = "cue"
level = 1
literal = ["may"]
reason = "r"
[[rule]]
id = "dash_seeming"
role = "cue"
level = 1
literal = ["-seeming"]
reason = "r"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("note: may help", [(4, 6, "colon"), (6, 9, "may")]),  # a word rule right where a hit ends
        ("may may", [(0, 3, "may"), (4, 7, "may")]),
        ("healthy-seeming, dismay", [(7, 15, "dash_seeming")]),  # punctuation after a letter; no rule inside a word
        ("x:may", [(2, 5, "may")]),  # a word rule after punctuation that no rule takes
    ],
    ids=["after-a-hit", "repeat", "punctuation-start", "after-punctuation"],
)
def test_boundary_scan_finds_what_the_plain_alternation_finds(text: str, expected: list) -> None:
    assert boundary_scanned(ABUTTING, "certainty", text) == expected


def test_a_rule_that_starts_with_a_character_class_falls_back_to_the_full_scan() -> None:
    text = """
[meta]
version = 1
[[rule]]
id = "ab_x"
role = "cue"
level = 1
pattern = '[ab]x'
reason = "r"
"""
    lex = parse_lexicon(text, "certainty")
    assert lex.skip is None
    assert scanned(lex, "ax cbx bx") == [(0, 2, "ab_x"), (7, 9, "ab_x")] == reference(lex, "ax cbx bx")


def test_the_word_test_after_a_hit_agrees_with_the_regex_word_class() -> None:
    """``_boundary_find`` tests ``\\w`` with ``str.isalnum() or "_"``; they must agree on every code point."""
    w = re.compile(r"\w")
    assert [c for c in map(chr, range(sys.maxunicode + 1)) if bool(w.match(c)) != (c.isalnum() or c == "_")] == []


DIGITS = """
[meta]
version = 1
[[rule]]
id = "hundred_percent"
role = "cue"
level = 4
literal = ["100%"]
reason = "r"
[[rule]]
id = "any_percent"
role = "cue"
level = 2
pattern = '\\b\\d+%'
reason = "r"
[[rule]]
id = "ten"
role = "cue"
level = 1
literal = ["10", "about"]
reason = "r"
[[rule]]
id = "benefits_of"
role = "cue"
level = 4
pattern = '\\bbenefits(?<!risks\\sand\\sbenefits)\\s+of\\b'
reason = "r"
[[rule]]
id = "about_x"
role = "cue"
level = 1
literal = ["about x", "x"]
reason = "r"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("100% of 10% in 10 days", [(0, 4, "hundred_percent"), (8, 11, "any_percent"), (15, 17, "ten")]),
        ("x2% 7% a10%", [(4, 6, "any_percent")]),
        ("about x and the benefits of risks and benefits of", [(0, 5, "ten"), (6, 7, "about_x"), (16, 27, "benefits_of")]),
    ],
    ids=["digit-rule-between-digit-literals", "no-digit-rule-inside-a-word", "letter-rule-keeps-order"],
)
def test_a_rule_with_no_literal_start_keeps_its_place_among_rules_that_start_with_its_character(text: str, expected: list) -> None:
    assert boundary_scanned(DIGITS, "certainty", text) == expected


def test_a_rule_that_starts_at_a_digit_does_not_split_the_groups_of_letters() -> None:
    # one "a" branch in the scan, not one before and one after the digit rule:
    # at a space, the regex engine tries each branch, so splits cost time
    lex = parse_lexicon(DIGITS, "certainty")
    words = lex.after.pattern
    assert words.count("a(?:b") == 1
    assert words.count("1(?:0") == 2  # "100%" before the digit rule, "10" after it
    assert "\\b\\d" not in words  # at a rule start a \b before a digit always holds
