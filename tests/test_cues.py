"""The lexicon loader is strict and the shipped lexicons load."""

from __future__ import annotations

import pytest

from claimcheck.cues import ALLOWED_KEYS, LEXICONS, LexiconError, literal_regex, load_lexicon, normalise, parse_lexicon

GOOD = """
[meta]
version = 1
name = "certainty"

[[rule]]
id = "modal_may"
role = "cue"
level = 1
literal = ["may"]
reason = "test"
"""


@pytest.mark.parametrize("name", LEXICONS)
def test_shipped_lexicons_load(name: str) -> None:
    lex = load_lexicon(name)
    assert lex.version >= 1
    assert len({r.id for r in lex.rules}) == len(lex.rules)
    assert all(r.reason for r in lex.rules)


def test_good_minimal_lexicon() -> None:
    lex = parse_lexicon(GOOD, "certainty")
    assert [h.text for h in lex.find("it may help")] == ["may"]


def test_unknown_key_is_rejected_and_allowed_keys_listed() -> None:
    bad = GOOD.replace('reason = "test"', 'reason = "test"\nscoep = "forward"')
    with pytest.raises(LexiconError) as e:
        parse_lexicon(bad, "certainty")
    msg = str(e.value)
    assert "scoep" in msg
    assert "modal_may" in msg
    for key in ALLOWED_KEYS["certainty"]:
        assert key in msg


def test_unknown_meta_key_is_rejected() -> None:
    with pytest.raises(LexiconError, match="allowed: version, name"):
        parse_lexicon(GOOD.replace("version = 1", "version = 1\nauthor = 'x'"), "certainty")


def test_unknown_table_is_rejected() -> None:
    with pytest.raises(LexiconError, match="allowed: meta, rule"):
        parse_lexicon(GOOD + "\n[[cue]]\nid = 'x'\n", "certainty")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('role = "cue"', 'role = "trigger"', "role 'trigger' not allowed"),
        ("level = 1", "level = 7", "level 7 not allowed"),
        ("level = 1\n", "", "a cue needs a level"),
        ('literal = ["may"]', 'literal = ["May"]', "lower-case"),
        ('literal = ["may"]', "pattern = '(may)'", "capturing groups"),
        ('literal = ["may"]', "pattern = '(?:may'", "does not compile"),
        ('literal = ["may"]', 'literal = ["may"]\npattern = "may"', "exactly one of literal, pattern"),
        ('reason = "test"', "", "missing key(s) reason"),
        ('id = "modal_may"', 'id = "Modal May"', "snake_case"),
    ],
    ids=["bad-role", "bad-level", "cue-without-level", "upper-case-literal", "capturing-group", "bad-regex", "literal-and-pattern", "missing-reason", "bad-id"],
)
def test_bad_rules_are_rejected(old: str, new: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_lexicon(GOOD.replace(old, new), "certainty")


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(LexiconError, match="duplicate id"):
        parse_lexicon(GOOD + GOOD[GOOD.index("[[rule]]") :], "certainty")


def test_flag_must_be_in_flags_csv() -> None:
    text = """
[meta]
version = 1
[[rule]]
id = "x"
role = "cue"
flag = "made_up_flag"
literal = ["x"]
reason = "r"
"""
    with pytest.raises(LexiconError, match="not in rules/flags.csv; allowed: unnamed_source"):
        parse_lexicon(text, "redflags")


def test_type_must_be_a_claim_type() -> None:
    text = '[meta]\nversion = 1\n[[rule]]\nid = "x"\nrole = "cue"\ntype = "dosage"\nweight = 2\nliteral = ["x"]\nreason = "r"\n'
    with pytest.raises(LexiconError, match="type 'dosage' not allowed; allowed: mechanism"):
        parse_lexicon(text, "types")


def test_pseudo_beats_cue_at_same_position() -> None:
    lex = load_lexicon("certainty")
    hits = lex.find(normalise("The trial ended in May 2021."))
    assert [h.rule.role for h in hits] == ["pseudo"]


def test_literal_star_allows_word_endings() -> None:
    import re

    rx = re.compile(literal_regex("suggest*"))
    assert rx.search("results suggested that")
    assert not rx.search("unsuggestive")


def test_find_is_deterministic_and_immutable() -> None:
    lex = load_lexicon("types")
    a = lex.find("talk to your doctor about side effects")
    assert a == lex.find("talk to your doctor about side effects")
    assert isinstance(a, tuple)


def test_types_frames_are_data() -> None:
    from claimcheck.cues import load_lexicon

    frames = load_lexicon("types").frames
    assert [f.id for f in frames] == ["how_ways_frame"]
    pat = frames[0].pattern
    for heading in ("how tai chi can improve balance", "8 ways green tea may help you focus", "ways to ease a stiff back"):
        assert pat.search(heading), heading
    for heading in ("benefits of tai chi", "how to take it", "how ginger works", "safety"):
        assert not pat.search(heading), heading


def test_frame_table_only_in_types() -> None:
    import pytest as _pytest

    from claimcheck.cues import LexiconError, parse_lexicon

    text = '[meta]\nversion = 1\n[[rule]]\nid = "a"\nrole = "cue"\nlevel = 1\nliteral = ["may"]\nreason = "r"\n[[frame]]\nid = "f"\n'
    with _pytest.raises(LexiconError, match="unknown table"):
        parse_lexicon(text, "certainty")


@pytest.mark.parametrize(
    ("secondary", "message"),
    [('"dosage"', "secondary 'dosage' not allowed"), ('"safety"', "secondary 'safety' not allowed; allowed: a claim type other than 'safety'")],
    ids=["not-a-type", "same-as-type"],
)
def test_a_types_rule_secondary_must_be_another_claim_type(secondary: str, message: str) -> None:
    text = f'[meta]\nversion = 1\n[[rule]]\nid = "x"\nrole = "cue"\ntype = "safety"\nweight = 2\nsecondary = {secondary}\nliteral = ["x"]\nreason = "r"\n'
    with pytest.raises(LexiconError, match=message):
        parse_lexicon(text, "types")


def test_a_risk_factor_directive_is_safety_with_advice_second_because_its_rule_says_so() -> None:
    from claimcheck.draft import draft_text

    rule = next(r for r in load_lexicon("types").rules if r.id == "risk_factor_directive")
    assert (rule.type, rule.secondary) == ("safety", "advice")
    d = draft_text("People on blood thinners should ask a pharmacist before taking fish oil.")
    assert (d.claim_type, d.secondary_type) == ("safety", "advice")


def test_normalise_maps_typographic_characters_and_leaves_plain_ascii_to_lower_case() -> None:
    from claimcheck.cues import _NORMALISE

    # the ASCII fast path in normalise() is only right while every mapped character is non-ASCII
    assert all(cp > 127 for cp in _NORMALISE)
    assert normalise("It\u2019s \u201cproven\u201d\u2014really\u00a0safe") == "it's \"proven\" - really safe"
    assert normalise("Plain ASCII: May 2021!") == "plain ascii: may 2021!"
