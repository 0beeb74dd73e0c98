"""Step 2 of the pipeline: first-pass labels for every unit, for a person to review.

The drafter reads the wording only. Cue lexicons live in ``rules/*.toml``
(see :mod:`claimcheck.cues`); this module applies their roles and the scope
rules of the claims-table contract:

* questions assert nothing (0) and take the type of what they ask about;
* a clause ends at a terminator ("but", "however", ";", ":"); in "X, but Y"
  the level is that of the last clause that makes a claim, a call for more
  research excepted ("…, but larger trials are needed"); in "X: Y" it is X's,
  if X makes a claim (what follows a colon backs X up);
* cues inside a subordinate clause (", which can lead to…", "although…",
  a leading "If …,") do not set the level of a main clause that has its own;
* in the main clause the lowest hedge wins over any booster ("may be a safe
  and effective treatment" is 1, with flags); no hedge and a booster is 4;
  no cue is 3;
* titles and headings with no verb are topic labels (context, 0) unless they
  sit in a frame: "1. Releasing endorphins" under "How X Can Relieve Y", or a
  bullet under "What can it help with?", asserts at the frame's level.

Every label carries the rules that fired in ``draft_rules``. Functions are
pure; the output is a new DataFrame built once from lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import NamedTuple

import numpy as np
import pandas as pd

from claimcheck.audit import verdict
from claimcheck.cues import Frame, Hit, Lexicon, load_lexicon, normalise
from claimcheck.schema import CLAIM_COLUMNS, CLAIM_TYPES, INT_COLUMNS, OPTIONAL_COLUMNS, UNIT_COLUMNS, flags
from claimcheck.segment import is_reference_section, without_trailing_marks

# Contract precedence when a statement makes two kinds of claim.
PRECEDENCE = ("safety", "efficacy", "mechanism", "usage", "advice", "context")
_RANK = {t: i for i, t in enumerate(PRECEDENCE)}
EFFECT_TYPES = frozenset({"safety", "efficacy", "mechanism"})
# A cue rule whose clause is set aside when another clause makes a claim.
RESEARCH_NEED = "research_needed"
# An imperative heading that acts on something ("Book your appointment") asserts.
IMPERATIVE_HEADING = re.compile(r"^\w+\s+(?:your|a|an|the|our|this|it|them|us|now|today)\b")
# The types rule of directives that open a statement ("Book your …").
IMPERATIVE = "imperative"
# The types rule of benefit nouns ("…Relief", "The Secret to…"): a title that
# names a benefit asserts it, and so does a "ways/reasons" title (guide T1).
BENEFIT_NOUN = "benefit_noun"
# The types rule of harm words; an article's title can make some of them its outcome.
HARM_WORDS = "safety_words"
REFERENCE_MARK = "cited_reference_mark"  # redflags.toml: '[1]', '[2, 5]', '[^3]'
# an entry's own number at its start: '[1] Smith…', '1. Smith…', '^1 Smith…'
_ENTRY_NUMBER = re.compile(r"\s*(?:\[\^?(\d{1,3})\]|\^?(\d{1,3})[.)]?\s)")
BENEFIT_VERBS = "efficacy_verbs"
# Level of a clause with no cue: a plain statement (contract level 3).
QUALIFIED = 2
PLAIN = 3
BOOSTED = 4
# A title/heading/fragment asserts something only if it has a finite verb (or a
# certainty cue). Closed list: auxiliaries plus the verbs headlines use.
FINITE_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|does|do|did|can|may|might|could|should|must|"
    r"cures?|cured|cuts?|finds?|found|shows?|showed|reduces?|reduced|lowers?|lowered|raises?|increases?|"
    r"increased|decreases?|prevents?|prevented|works|worked|helps?|helped|relieves?|eases?|eased|improves?|"
    r"improved|causes?|caused|kills?|beats?|fights?|protects?|boosts?|linked|tied|treats?|heals?|stops?|"
    r"stopped|calms?|blocks?|triggers?|needs?|takes?|makes?|gets?|feel|feels|notice|notices|"
    r"launch(?:es|ed)|opens|opened|offers|offered|warns?|warned|reveals?|unveils?|urges?|backs)\b"
)
# Headings that frame the list under them: "7 Ways X Can Y", "How X can Y",
# "What can it help with?", "Benefits of X". Their own level (from their cues)
# is the level of a verb-less item under them.
FRAME = re.compile(
    r"\b(?:ways?|reasons?|benefits?|things)\b|^how\b.*\b(?:can|may|could|will|helps?)\b|"
    r"^what\b.*\b(?:can|may|could|will|helps?)\b|\bcan\s+help\s+with\b|\bhelps?\s+with\b"
)
# A subject that points back to the statement before ("This can lead to…",
# "These signals…", "Such changes…"): the sentence is a further step of that
# statement's mechanism even when it ends in an outcome (annotation guide T5).
_NOT_A_SOURCE = r"(?!\s+(?:study|studies|trial|trials|review|reviews|article|post|guide)\b)"  # "This study…" names a source
ANAPHORIC_SUBJECT = re.compile(r"^(?:this|these|that|those|such)\b" + _NOT_A_SOURCE)
# After a harm only a plural points back to it ("These usually ease…"): "This"
# after "It is safe." is as likely to mean the treatment.
PLURAL_SUBJECT = re.compile(r"^(?:these|those|such)\b" + _NOT_A_SOURCE)
# How many words may open a sentence before a bodily process that is its subject.
SUBJECT_WORDS = 3
# A "This/These…" sentence continues the statement before it (annotation guide
# T5, T7): chain -> (the type it takes, the drafted types it overrides, what it
# points back to, the subject that continues it).
CHAINS = {
    "mechanism": ("mechanism", ("efficacy", "context"), "a mechanism step", ANAPHORIC_SUBJECT),
    "condition": ("context", ("efficacy", "mechanism"), "background about the condition", ANAPHORIC_SUBJECT),
    "harm": ("safety", ("efficacy", "mechanism", "context"), "a harm or side effect", PLURAL_SUBJECT),
}
# A word with a capital inside it ("NerveEase", "CalmRoot", "iPhone") is a
# brand or product name: its pieces are not cue words ("nerve*" is physiology).
_INNER_CAPITAL = re.compile(r"[A-Z](?<=[a-z].)")  # a capital after a small letter; capital first scans faster
BRAND = re.compile(r"\b[A-Z]?[a-z]+(?:[A-Z][a-z]+)+\b")
EMBEDDED_QUESTION = re.compile(r"^(?:how|why|what|when|where|who|which)\b")
# "Thread: what three years of fasting did for my body": the same after a short label and a colon,
# read as a label only when the clause names no effect ("…: How an Icy Dip Boosts Your Mood" asserts it)
LABELLED_QUESTION = re.compile(r"^[^:.!?]{1,40}:\s+(?:how|why|what|when|where|who|which)\b")
# Signs of a verb that FINITE_VERB's closed list misses: a contraction, a past form, a pronoun subject
_VERB_SIGN = re.compile(
    r"\w['’](?:s|re|ve|ll|d|m)\b|n['’]t\b|\w{2}ed\b|\b(?:i|you|we|they|he|she|it|this|that|there|which|who)\s+\w"
    # verbs that end a short sentence on their own ("Lifestyle changes still matter.", "Every step counts.")
    r"|\b(?:matters?|counts?|lasts?|varies|vary|differs?|happens?|depends?|seems?|appears?|remains?|stays?|adds?\s+up)\b"
)
# a short sentence shaped "subject verbs object" ("Caffeine disrupts sleep."):
# a third-person verb after a one- or two-word subject, with something after it
# (not a plural noun before "for", "about", "of", "here": "Common myths about sleep.", "Top tips here.")
_SUBJECT_VERB_OBJECT = re.compile(
    r"^(?:[\w'-]+\s+){1,2}[a-z]{2,}[^\W\d_su]s\s+(?!(?:for|about|of|here)\b)\w"
)
# the pipe between two cells of a table row, outer pipes already outside the unit
_CELL_PIPE = re.compile(r"\S\s*\|\s*\S")
# "Lower insulin levels, which …": a comparative that opens a noun phrase, not a verb
_LEADING_ADJECTIVE = re.compile(r"^(?:lower|higher|increased|reduced|decreased|improved|better|raised|more|less)\s+")
# "Smoking damages the arteries": a verb ending in -s before its object's determiner
_VERB_OBJECT = re.compile(r"\b\w+s\s+(?:the|a|an|your|their|its|our|my|his|her|this|that|these|those)\b")
# "best" that ranks products or treatments in a title or heading; not "best time to", "how best to"
BEST_RANKING = re.compile(r"(?<!how )\bbest\b(?!\s+(?:time|times|ways?\s+to|practices?|before|of\s+luck|wishes|friend)\b)")
NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+")
# A site's breadcrumb trail ("Forum > Health and wellbeing") names where a page
# sits, not what the text under it claims: it sets no section type.
BREADCRUMB = re.compile(r"\S\s+[>›»]\s+\S")
# A list or thread number in front of a sentence ("3. Bring to the boil.", "2/ Quick basics: …"):
# not part of what the sentence says, and it hides an opening imperative from the rules
ENUMERATOR = re.compile(r"^\d{1,3}[.)/]\s+")
# A byline ("Medically reviewed by Dr Lee", "By the Thistledown team, updated 25
# November 2026", "Prepared by the Society's committee and approved by its Board"): who wrote the
# page and when, no claim. Only when nothing else in it asserts (see draft_claims).
BYLINE = re.compile(
    r"^(?:(?:medically|clinically|peer|fact)[- ]?(?:reviewed|checked)|written|prepared|edited|compiled|authored)\s+by\s"
    r"|^(?:reviewed|updated|approved|checked|published|posted)\s+by\s+(?:dr\b|our\b|the\s+[^.,;]*?\b(?:team|committee|board|editors?)\b)"
    r"|^by\s+(?:the\s+)?(?-i:[A-Z])",
    re.I,
)
# A review's rating in front of its headline ("★★★★☆ Love the rain", "5/5 Works!", "5 stars: …"):
# the headline is the reviewer's own claim, not a label for the text under it (an average
# rating with no headline, "4.8 out of 5 (41,302 ratings)", is not one)
REVIEW_STARS = re.compile(r"^\s*(?:[★☆✩✭✮⭐]{3,}|[1-5](?:\.\d)?\s*(?:/\s*5|out\s+of\s+5)?\s*stars?\b)[\s:,.–—-]*(?=[^\W\d_])", re.I)
# A video's or podcast's chapter line ("09:45 The dopamine study everyone talks about"): a
# timestamp and a label for what is said there, with no sentence end of its own
_RATIO = re.compile(r"^\W*\d{1,2}:\d{1,3}\W*\s+(?:dilution|ratio|mix|blend|solution)\b", re.I)
CHAPTER = re.compile(r"^[(\[]?\d{1,2}:\d{2}(?::\d{2})?[)\]]?\s+[^\s\d]")
_TRAIL = " \"')]*_»”’"


class Draft(NamedTuple):
    """The drafted labels of one statement."""

    claim_type: str
    secondary_type: str
    certainty: int
    hedge_cues: str
    boosters: str
    support_in_text: str
    flags: str
    draft_rules: str
    # ids of the type rules that voted for claim_type (empty for frames, topic
    # labels and the default): what a chain looks at, not a column
    type_rules: tuple[str, ...] = ()


def _join(words: Sequence[str]) -> str:
    out: list[str] = []
    for w in words:
        w = " ".join(w.split())
        if w not in out:
            out.append(w)
    return ";".join(out)


def _plain(text: str) -> str:
    """``normalise(text)`` with brand names blanked out (same length), so their
    pieces match no cue."""
    if _INNER_CAPITAL.search(text):
        text = BRAND.sub(lambda m: "x" * len(m.group()), text)
    return normalise(text)


def _level(levels: Sequence[int]) -> int:
    """The level the cues of one assertion set, first match winning in the
    guide's order C0, C1, C4, C2, C3: a hedge beats a booster, and a booster
    lifts a qualifier ("can definitely help" is 4, guide 2.2)."""
    low = [lv for lv in levels if lv < QUALIFIED]
    if low:
        return min(low)
    if BOOSTED in levels:
        return BOOSTED
    return QUALIFIED if QUALIFIED in levels else PLAIN


def _main_level(main_cues: Sequence[Hit]) -> tuple[int, str]:
    """(level, "|rule:cue,…" naming up to three cues that set it) of one assertion's cues."""
    level = _level([h.rule.level for h in main_cues])
    fired = [h for h in main_cues if h.rule.level == level]
    return level, ("" if not fired else "|" + ",".join(f"{h.rule.id}:{h.text}" for h in fired[:3]))


WHICH_CLAIM = "directive, read in its which-clause"


def _certainty(t: str, hits: Sequence[Hit], effect_spans: Sequence[int], directive: bool = False) -> tuple[int, list[Hit], list[Hit], str]:
    """(level, hedge hits, booster hits, note) of the main assertion in ``t``.

    ``directive``: ``t`` opens with an instruction ("Take 400 mg at night, which
    is clinically proven to …"): the instruction asserts nothing checkable, so a
    ", which" clause after it is the claim whose wording counts (guide 2.1, directives).
    """
    if not hits:
        return PLAIN, [], [], ""
    cues = [h for h in hits if h.rule.level is not None]
    hedges = [h for h in cues if h.rule.level < PLAIN]
    boosts = [h for h in cues if h.rule.level == BOOSTED]
    if not cues:
        return PLAIN, hedges, boosts, ""
    terms = [h for h in hits if h.rule.role == "terminator"]
    scopes = [h for h in hits if h.rule.role == "scope"]
    if not terms and not scopes:  # one clause, no subordinate: every cue is the main assertion's
        level, why = _main_level(cues)
        return level, hedges, boosts, why
    # clause boundaries
    bounds = [0] + [h.start for h in terms] + [len(t)]
    n = len(bounds) - 1
    # subordinate spans: from the opener to the next comma / terminator / end
    subs: list[tuple[int, int]] = []
    for s in scopes:
        stop = t.find(",", s.end)
        nxt = next((b for b in bounds if b > s.end), len(t))
        stop = nxt if stop < 0 else min(stop, nxt)
        subs.append((s.start, stop))

    def clause_of(pos: int) -> int:
        for i in range(n):
            if bounds[i] <= pos < bounds[i + 1]:
                return i
        return n - 1

    per: list[list[Hit]] = [[] for _ in range(n)]
    sub_only: list[list[Hit]] = [[] for _ in range(n)]
    for h in cues:
        ci = clause_of(h.start)
        if any(a <= h.start < b for a, b in subs):
            sub_only[ci].append(h)
        else:
            per[ci].append(h)
    effect = [False] * n
    for pos in effect_spans:
        effect[clause_of(pos)] = True
    research = [any(h.rule.id == RESEARCH_NEED for h in per[i]) for i in range(n)]
    claimish = [i for i in range(n) if not research[i] and (per[i] or effect[i])]
    # "X is uncertain: a trial found Y" - what follows a colon backs up or
    # spells out the clause before it, so a claim before a colon is the main one
    before_colon = [i for i in claimish if i < n - 1 and t[bounds[i + 1]] == ":"]
    if before_colon:
        main = before_colon[0]
    elif claimish:
        main = claimish[-1]
    else:
        main = next((i for i in range(n) if per[i] or sub_only[i]), 0)
    main_cues = per[main]
    note = ""
    if n > 1:
        note = f"clause {main + 1}/{n}"
    if sub_only[main]:
        a, b = bounds[main], bounds[main + 1]
        # a short noun phrase and ", which …" ("Lower insulin levels, which probably
        # reduce inflammation"): the relative clause is the only thing it asserts
        outside = _LEADING_ADJECTIVE.sub("", "".join(t[x:y] for x, y in _gaps(a, b, subs)).strip())
        noun_phrase = 0 < len(outside.split()) <= 3 and not _VERB_OBJECT.search(outside) and all(
            t[x] == "," or t[:x].rstrip().endswith(",") for x, _ in subs if a <= x < b
        )
        # ... when that clause names an effect: "…, which is usually in December" claims nothing
        which_claim = directive and main == 0 and not per[main] and any(
            t[x] == "," and a <= x < b and any(x <= p < y for p in effect_spans) for x, y in subs
        )
        if which_claim:
            main_cues = sorted(sub_only[main], key=lambda h: h.start)
            why_sub = WHICH_CLAIM
        elif not noun_phrase or FINITE_VERB.search(outside) or _VERB_SIGN.search(outside):
            why_sub = "subordinate ignored:" + ",".join(h.text for h in sub_only[main])
        else:  # the clause is the only assertion
            main_cues = sorted(per[main] + sub_only[main], key=lambda h: h.start)
            why_sub = "verbless, read in its subordinate clause"
        note = (note + " " if note else "") + why_sub
    level, why = _main_level(main_cues)
    return level, hedges, boosts, note + why


def _gaps(a: int, b: int, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[a, b)`` outside ``spans``."""
    out, pos = [], a
    for x, y in sorted(spans):
        if y <= pos or x >= b:
            continue
        if x > pos:
            out.append((pos, x))
        pos = max(pos, y)
    if pos < b:
        out.append((pos, b))
    return out


def _claim_type(hits: Sequence[Hit], hint: str = "", text: str = "") -> tuple[str, str, str, tuple[str, ...]]:
    """(claim_type, secondary_type, explanation, ids of the rules that voted for it) from the type-cue hits.

    ``hint`` is the type of the section heading: it breaks a tie between
    equally strong types (a sentence under "How it works" that names both a
    hormone and a benefit is a mechanism), but never outranks safety.
    A bodily process as the subject ("Increased blood flow can help to reduce
    pain": a physiology cue among the first words of ``text``, before any
    other cue) breaks an efficacy-mechanism tie the same way: the sentence is
    a step of the mechanism that ends in an outcome (annotation guide T5).
    """
    if not hits:
        return "context", "", "default", ()
    score: dict[str, list] = {}
    for h in hits:
        r = h.rule
        if r.role != "cue":
            continue
        s = score.get(r.type)
        if s is None:
            score[r.type] = [r.weight, r.weight, [h]]
        else:
            if r.weight > s[0]:
                s[0] = r.weight
            s[1] += r.weight
            s[2].append(h)
    eligible = {k: v for k, v in score.items() if v[0] >= 2 or v[1] >= 2}
    if not eligible:
        return "context", "", "default", ()
    ranked = sorted(eligible, key=lambda k: (-eligible[k][0], _RANK[k])) if len(eligible) > 1 else list(eligible)
    primary = ranked[0]
    why_hint = ""
    if hint in eligible and hint != primary and primary != "safety" and eligible[hint][0] == eligible[primary][0]:
        primary, why_hint = hint, "section:"
    if primary == "efficacy" and "mechanism" in eligible and eligible["mechanism"][0] == eligible["efficacy"][0]:
        first = min((h for h in hits if h.rule.role == "cue" and h.rule.weight >= 2), key=lambda h: h.start)
        if first.rule.id == "physiology" and text[: first.start].count(" ") < SUBJECT_WORDS:
            primary, why_hint = "mechanism", "subject:"
    if eligible.get("advice", [0])[0] == 3:
        primary = "safety" if "safety" in eligible else "advice"
    rest = [k for k in ranked if k != primary and k != "context"]
    named = next((h.rule.secondary for h in score[primary][2] if h.rule.secondary), "")
    if primary == "safety" and "advice" in eligible:
        named = "advice"
    secondary = named or (rest[0] if rest else "")
    voters = eligible[primary][2]
    why = why_hint + ",".join(f"{h.rule.id}:{' '.join(h.text.split())}" for h in voters[:2])
    return primary, secondary, why, tuple(h.rule.id for h in voters)


# inline emphasis a writer adds for the eye ('It *always* works', '_Never_ drive',
# '<b>Do not wait</b>'); an underscore inside a word is no markup. Links and
# reference marks stay: they are the support a statement offers.
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|</?(?:b|i|em|strong|u|mark|span)\b[^<>]*>", re.I)


_RULES_FLAGS = re.compile(r"(?:^|; )flags=([^;]*)")


def flags_in_rules(rules: str) -> set[str] | None:
    """The flags a ``draft_rules`` entry says the drafter gave ("…; flags=superlative(the best); …"),
    or None when the entry is not the drafter's."""
    rules = str(rules)
    if not rules.startswith("type="):
        return None
    m = _RULES_FLAGS.search(rules)
    return {f for f in flags() if f + "(" in m.group(1)} if m else set()


def _unemphasised(text: str) -> str:
    """``text`` without its inline emphasis (_EMPHASIS); most text has none to look for."""
    return _EMPHASIS.sub("", text) if "*" in text or "_" in text or "<" in text else text


def _scan_text(text: str) -> str:
    """The text the lexicons read: plain, stripped, without emphasis or a leading list or thread number."""
    t = _plain(_unemphasised(text)).strip()
    return ENUMERATOR.sub("", t, count=1) if t[:1].isdigit() else t


def draft_text(
    text: str,
    unit: str = "sentence",
    frame: str | None = None,
    frame_type: str = "",
    section_type: str = "",
    frame_rule: Frame | None = None,
    type_hits: tuple[Hit, ...] | None = None,
    outcomes: frozenset[str] = frozenset(),
    section_level: int = PLAIN,
    verbless: bool = False,
) -> Draft:
    """Draft one statement.

    ``unit`` is title/heading/sentence; ``frame`` is the lower-cased text of a
    frame heading the statement is read in (or None), ``frame_type`` its type;
    ``section_type`` is the type the section heading's cues point to;
    ``frame_rule`` is the types.toml ``[[frame]]`` a numbered item is listed
    under ("1. Releasing endorphins" under "How X Can Relieve Y"): the item
    takes the frame's type (safety excepted) and at most its level.
    ``type_hits``: the types-lexicon hits of ``text`` when the caller has them.
    ``outcomes``: harm words that this article's title names as the outcome
    the treatment improves (see ``_outcomes``); they count as no harm.
    ``section_level``: the level of the section heading; a bullet with no cue
    of its own under a hedged heading ("Common (may affect up to 1 in 10
    people):") completes it, so it takes that level (guide 2.1, headings).
    ``verbless``: a line that asserts its words as a sentence would, with no verb
    of its own: a data row of a Markdown table ("Glycinate | High | Sleep"), a
    review's star-rated headline ("Finally sleeping through the night").
    """
    t = _scan_text(text)
    certainty, types, redflags = _lexicons()
    cert = certainty.find(t)
    typ = types.find(t) if type_hits is None else type_hits
    if outcomes:
        typ = tuple(h for h in typ if not (h.rule.id == HARM_WORDS and _stem(h.text) in outcomes))
    typ = _benefit_objects_are_no_harm(typ, t)
    red = redflags.find(t)
    notes: list[str] = []

    ctype, secondary, type_why, type_rules = _claim_type(typ, section_type, t)
    if type_why == "default" and unit == "sentence" and section_type not in ("", "context"):
        ctype, type_why = section_type, "section default"
    effect_pos = [h.start for h in typ if h.rule.role == "cue" and h.rule.type in EFFECT_TYPES and h.rule.weight >= 2] if typ else []
    # hits come in order, so only the first can open the statement
    directive = bool(typ) and typ[0].start == 0 and typ[0].rule.type == "advice" and typ[0].rule.weight == 3
    level, hedges, boosts, cert_why = _certainty(t, cert, effect_pos, directive)
    which_at = next((h.end for h in cert if h.rule.role == "scope" and h.text.startswith(",")), -1) if directive else -1
    if ctype == "advice" and secondary in EFFECT_TYPES and which_at >= 0 and any(p >= which_at for p in effect_pos):
        # "Try X, which always boosts your mood": the which-clause claims a benefit, so the
        # row is that claim, the instruction second (guide T2)
        ctype, secondary, type_why = secondary, "advice", f"directive claiming in its which-clause; was advice({type_why})"
    # the closing punctuation, quotes, brackets and reference marks ('adults.[1]') aside
    last = without_trailing_marks(t).rstrip(_TRAIL)[-1:]
    is_question = last == "?"
    # not a bullet fragment; a table's data row states its cells under the header's names
    full_sentence = unit == "sentence" and (last in (".", "!") or verbless)
    has_cue = bool(cert) and any(h.rule.level is not None for h in cert)
    heading_like = unit in ("title", "heading")
    # a finite verb is looked for only where the answer is used (titles,
    # headings, framed items, unpunctuated fragments): it is a long scan
    needs_verb = heading_like or frame is not None or (unit == "sentence" and not full_sentence)
    asserts = has_cue or (needs_verb and FINITE_VERB.search(t) is not None)
    if heading_like and asserts and (EMBEDDED_QUESTION.match(t) or (LABELLED_QUESTION.match(t) and not effect_pos)) and not any(
        h.rule.level is not None and h.rule.level < PLAIN for h in cert
    ):
        asserts = False  # "How ginger works": a topic label, not an assertion

    if unit == "title" and not is_question and (FRAME.search(t) or any(h.rule.id == BENEFIT_NOUN for h in typ)):
        # "Drug-Free Headache Relief at …", "5 Reasons to Choose X for Your
        # Headaches": a title asserts the benefit it names (guide T1)
        asserts = True
        if ctype == "context":
            ctype, secondary, type_why, type_rules = "efficacy", "", "title naming a benefit", ()
    if heading_like and not asserts and any(h.rule.id == IMPERATIVE and h.start == 0 for h in typ) and IMPERATIVE_HEADING.match(t):
        asserts = True  # "Book your appointment": a directive, not a topic label
    ranking = BEST_RANKING.search(t) if heading_like and not asserts and not is_question else None
    if ranking:
        # "The 5 Best Omega-3 Supplements for Heart Health", "2. Krill Oil: best for joints":
        # a ranking asserts (guide C4), as "the number one way" does in a sentence
        asserts = True
        if ctype == "context":
            ctype, secondary, type_why, type_rules = "efficacy", "", "ranking heading", ()
    if (
        unit == "sentence" and not full_sentence and not asserts and frame is None
        and section_type not in ("", "context") and ctype != section_type
    ):
        # a bullet fragment completes its heading ("Who should not take it?" -
        # "People with a weakened immune system"): read in that frame (guide T1)
        secondary = ""
        ctype, type_why, type_rules = section_type, "fragment under heading", ()

    if ranking and level != BOOSTED and frame_rule is None:
        level, cert_why = BOOSTED, f"ranking heading:{ranking.group()}"
    if is_question:
        level, cert_why = 0, "question"
        red = tuple(h for h in red if not h.rule.support)  # a question cites nothing
    elif frame_rule is not None:
        flevel = min(frame_rule.level, _frame_level(frame)) if frame is not None else frame_rule.level
        if level != BOOSTED and level > flevel or (frame is not None and not asserts):
            level = flevel
        if ctype != "safety" and ctype != frame_rule.type:
            secondary = ctype if ctype != "context" else secondary
            ctype, type_why, type_rules = frame_rule.type, f"frame rule {frame_rule.id}", ()
        cert_why = f"frame rule {frame_rule.id}:{(frame or '')[:40]}"
    elif frame is not None and not asserts and not full_sentence:
        level = _frame_level(frame)
        if ctype == "context" and frame_type:
            ctype, secondary, type_why, type_rules = frame_type, "", "frame", ()
        cert_why = f"frame:{' '.join(frame[:40].replace(';', ',').split())}"  # ';' separates draft_rules' parts
    elif heading_like and not asserts:
        level, ctype, secondary, type_why, cert_why, type_rules = 0, "context", "", "topic label", "topic label", ()
    elif unit == "sentence" and not full_sentence and not has_cue and 0 < section_level < PLAIN:
        level, cert_why = section_level, "bullet under a hedged heading"
    elif not asserts and unit == "sentence" and not full_sentence and ctype == "context":
        level, cert_why = 0, "fragment"
    elif ctype == "context" and level == PLAIN and last == "!" and len(t.split()) <= 4:
        level, cert_why = 0, "exclamation"
    elif ctype == "context" and level == PLAIN and not verbless and len(t.split()) <= 5 and not FINITE_VERB.search(t) and not _VERB_SIGN.search(t) and not _SUBJECT_VERB_OBJECT.match(t):
        level, cert_why = 0, "no verb"  # "OK, results.", "Now for the science bit!": asserts nothing

    # support and red flags
    cited = bool(red) and any(h.rule.support == "cited" for h in red)
    vague = bool(red) and any(h.rule.support == "vague" for h in red)
    support = "cited" if cited else ("vague" if vague else "none")
    flag_hits: dict[str, str] = {}
    for h in red:
        r = h.rule
        if not r.flag:
            continue
        if r.when == "uncited" and cited:
            continue
        if r.when == "heading" and not (heading_like or frame is not None):
            continue
        flag_hits.setdefault(r.flag, " ".join(h.text.split()))
    if frame_rule is not None:  # "3. Releasing muscle tension" under "7 Ways X Can Relieve Y"
        flag_hits.setdefault("presupposed_benefit", f"listed under frame {frame_rule.id}")
    if support == "vague":
        src = next(h.text for h in red if h.rule.support == "vague")
        flag_hits.setdefault("unnamed_source", " ".join(src.split()))
    flag_names = sorted(flag_hits)
    if ctype == "advice" and frame_rule is None and "presupposed_benefit" in flag_hits:
        # "learn more about how X can help you": a directive that takes a benefit as
        # settled is efficacy, with the advice second (annotation guide T2)
        ctype, secondary, type_why, type_rules = "efficacy", "advice", f"directive presupposing a benefit; was advice({type_why})", ()

    hedge_words = _join([h.text for h in hedges]) if hedges else ""
    boost_words = _join([h.text for h in boosts]) if boosts else ""
    rules = f"type={ctype}({type_why})"
    if secondary:
        rules += f"+{secondary}"
    rules += f"; certainty={level}({cert_why or 'no cue'})"
    if flag_names:
        rules += "; flags=" + ",".join(f"{f}({flag_hits[f]})" for f in flag_names)  # read back by flags_in_rules
    rules += f"; support={support}"
    if notes:
        rules += "; " + "; ".join(notes)
    return Draft(ctype, secondary, level, hedge_words, boost_words, support, ";".join(flag_names), rules, type_rules)


@cache
def _lexicons() -> tuple[Lexicon, Lexicon, Lexicon]:
    """The certainty, types and redflags lexicons, looked up once per process."""
    return load_lexicon("certainty"), load_lexicon("types"), load_lexicon("redflags")


def _frame_level(frame: str) -> int:
    cert = load_lexicon("certainty").find(frame)
    return _level([h.rule.level for h in cert if h.rule.level is not None])


def _is_frame(text: str) -> bool:
    return bool(FRAME.search(normalise(text)))


# a citation's first author: 'Vickers AJ' -> 'vickers'; with a particle, 'de Zambotti M' -> 'de zambotti'
_FIRST_SURNAME = re.compile(r"\s*((?:(?:de|del|della|der|den|di|da|das|dos|du|van|von|le|la|ten|ter)\s+)*[a-zà-ÿ'\-]+)")


def _evidence_index(evidence: pd.DataFrame | None) -> list[tuple[str, str, str, str, str, str]]:
    """(surname, year, doi, pmid, evidence_id, certainty) per evidence row."""
    if evidence is None or evidence.empty:
        return []
    out = []
    for rec in evidence.fillna("").astype(str).to_dict("records"):
        cit = normalise(rec.get("citation", ""))
        m = _FIRST_SURNAME.match(cit)
        y = re.search(r"\b(?:19|20)\d\d\b", cit)
        out.append(
            (
                m.group(1) if m else "",
                y.group(0) if y else "",
                normalise(rec.get("doi", "")).strip(),
                rec.get("pmid", "").strip(),
                rec.get("evidence_id", ""),
                rec.get("certainty", ""),
            )
        )
    return out


def _match_evidence(text: str, index: list) -> tuple[str, str] | None:
    """The evidence row a statement clearly cites: its first author and year, DOI or PMID."""
    t = normalise(text)
    for surname, year, doi, pmid, eid, level in index:
        if (doi and doi in t) or (pmid and re.search(rf"\b{re.escape(pmid)}\b", t)) or (
            len(surname) > 2 and year and re.search(rf"\b{re.escape(surname)}\b", t) and year in t
        ):
            return eid, level
    return None


def _suggestion(text: str, d: Draft, index: list) -> tuple[str, str] | None:
    """The evidence row a drafted statement cites by author and year, DOI or PMID, if it cites one."""
    return _match_evidence(text, index) if index and d.support_in_text == "cited" else None


def _assemble(unit_cols: dict[str, list], drafts: list[Draft], suggestions: list[tuple[str, ...] | None]) -> pd.DataFrame:
    n = len(drafts)
    cols: dict[str, object] = dict(unit_cols)
    for i, name in enumerate(("claim_type", "secondary_type", "certainty", "hedge_cues", "boosters", "support_in_text", "flags")):
        cols[name] = [d[i] for d in drafts]
    ev_level = [s[1] if s else "" for s in suggestions]
    cols["evidence_level"] = ev_level
    cols["evidence_ids"] = [s[0] if s else "" for s in suggestions]
    triples = [verdict(d.certainty, e) for d, e in zip(drafts, ev_level, strict=True)]
    cols["allowed_certainty"] = [t[0] for t in triples]
    cols["overstatement"] = [t[1] for t in triples]
    cols["verdict"] = [t[2] for t in triples]
    for c in ("suggested_revision", "rationale", "reviewer_note"):
        cols[c] = [""] * n
    cols["status"] = ["draft"] * n
    cols["draft_rules"] = [
        d.draft_rules + (f"; evidence={s[1]}(suggested: cites {s[0]}{s[2] if len(s) > 2 else ''})" if s else "")
        for d, s in zip(drafts, suggestions, strict=True)
    ]
    order = list(CLAIM_COLUMNS) + list(OPTIONAL_COLUMNS)
    for c in INT_COLUMNS:  # nullable integers, as schema.to_typed gives them
        vals = cols[c]
        cols[c] = pd.array(vals, dtype="Int64") if None in vals else pd.array(np.asarray(vals, dtype="int64"), dtype="Int64")
    return pd.DataFrame({c: cols[c] for c in order}, copy=False)


def _stem(word: str) -> str:
    return word.strip().removesuffix("s")


# A verb that takes something away, and the harm word it acts on: 'reduces muscle soreness',
# 'eases the bruising' (not 'increase bleeding': efficacy_verbs has 'increase' for 'increases energy')
_TAKES_AWAY = re.compile(r"(?:reduc|eas|reliev|lower|lessen|alleviat|prevent|heal|treat|cut|halv|sooth|fight|eliminat|get\s+rid|gets\s+rid|clear|calm|stop|combat|tackl|manag|protect)")
_BENEFIT_OBJECT = re.compile(r"\s*+(?:(?:the|a|an|your|their|its|muscle|post-exercise|mild|minor|any|against|risk|chance|odds|of)\s++){0,4}$")


def _benefit_objects_are_no_harm(hits: tuple[Hit, ...], text: str) -> tuple[Hit, ...]:
    """Drop a harm word that is the object of a benefit verb just before it.

    "Cold water reduces muscle soreness" names soreness as what improves (T4),
    not as a side effect (T5), as a title's outcome does for later sentences
    (``_outcomes``); walkthrough 7 saw it typed safety.
    """
    for h in hits:  # most statements name no harm: one pass, nothing built
        if h.rule.id == HARM_WORDS:
            break
    else:
        return hits
    verbs = [h.end for h in hits if h.rule.id == BENEFIT_VERBS and _TAKES_AWAY.match(h.text)]
    if not verbs:
        return hits
    return tuple(
        h for h in hits
        if not (h.rule.id == HARM_WORDS and any(e <= h.start and _BENEFIT_OBJECT.match(text[e:h.start]) for e in verbs))
    )


def _outcomes(hits: Sequence[Hit]) -> frozenset[str]:
    """Harm words a title (its types hits) names as what the treatment improves.

    "Vitamin D pills cut winter chest infections" makes infections the
    article's outcome: later mentions are efficacy talk, not side effects
    (annotation guide T4 vs T5). Needs a benefit cue (weight >= 2) in the title.
    """
    if not any(h.rule.type == "efficacy" and h.rule.role == "cue" and h.rule.weight >= 2 for h in hits):
        return frozenset()
    return frozenset(_stem(h.text) for h in hits if h.rule.id == HARM_WORDS)


def _chain_link(d: Draft) -> str:
    """The chain (a key of CHAINS) a sentence starts for the one after it, or ''."""
    if d.claim_type == "mechanism":
        return "mechanism"
    if d.claim_type == "context" and "condition_subject" in d.type_rules:
        return "condition"
    if d.claim_type == "safety":
        return "harm"
    return ""


TABLE_HEADER, TABLE_DATA_ROW = 1, 2


def _table_rows(unit_cols: dict[str, list]) -> list[int]:
    """Per unit: TABLE_HEADER, TABLE_DATA_ROW, or 0 for anything else.

    A row is one unit whose cells keep their inner pipes (segment._cells). A paragraph
    of two or more such units and nothing else is a table, its first row the header
    (a short row or an escaped pipe may change the count of cells); a lone line with
    a pipe ("Re: Cold water | Pete: …") is not. The segmenter only makes a table of a
    block with a rule line under its header, so more than a space or a line break lies
    between a table's first two rows; two prose sentences that each hold a pipe have
    no more.
    """
    texts, kinds, arts, pars = unit_cols["text"], unit_cols["unit"], unit_cols["article"], unit_cols["paragraph"]
    starts, ends = unit_cols["start"], unit_cols["end"]
    out = [0] * len(texts)
    piped = {i for i, t in enumerate(texts) if "|" in str(t) and kinds[i] == "sentence" and _CELL_PIPE.search(str(t))}
    if not piped:  # most articles
        return out
    members: dict[tuple, list[int]] = {}
    for i, key in enumerate(zip(arts, pars, strict=True)):
        members.setdefault(key, []).append(i)
    for i in sorted(piped):
        block = members[(arts[i], pars[i])]
        # a table's block is rows only (a short row or an escaped pipe may change the count
        # of cells); prose sentences with a pipe share a block with ones without
        if len(block) >= 2 and all(j in piped for j in block) and _ruled(ends[block[0]], starts[block[1]]):
            out[i] = TABLE_HEADER if i == block[0] else TABLE_DATA_ROW
    return out


def _chapter_lines(unit_cols: dict[str, list], rows: list[int]) -> set[int]:
    """The units that are a video's or podcast's chapter lines: a timestamp and a label with no
    sentence end, outside a table, where the article has at least two in rising time order
    (one '7:30 Get outside…' bullet is a schedule's item; '1:10 dilution' a ratio)."""
    found: dict[object, list[tuple[int, int]]] = {}
    for i, (text, art) in enumerate(zip(unit_cols["text"], unit_cols["article"], strict=True)):
        text = str(text)
        if rows[i] or ":" not in text[:12]:
            continue
        bare = _unemphasised(text)
        m = CHAPTER.match(bare)
        if m and without_trailing_marks(bare).rstrip(_TRAIL)[-1:] not in (".", "!", "?") and not _RATIO.match(bare):
            parts = [int(x) for x in re.findall(r"\d+", m.group())]
            seconds = sum(v * 60 ** k for k, v in enumerate(reversed(parts)))
            found.setdefault(art, []).append((i, seconds))
    out: set[int] = set()
    for lines in found.values():
        times = [t for _, t in lines]
        if len(lines) >= 2 and times == sorted(times):
            out.update(i for i, _ in lines)
    return out


def _ruled(header_end: object, next_start: object) -> bool:
    """Whether a rule line ('|---|') can lie between a header row and the next row.

    Offsets missing from a hand-built table (not whole numbers) leave the rows'
    pipes to decide.
    """
    try:
        # a rule line takes at least five characters ('\n-|-\n'); a hard line break ('  \n') or a
        # quote's marker ('\n> ') between two sentences takes three
        return int(next_start) - int(header_end) > 4  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return True


def _asserts_nothing(d: Draft, why: str) -> Draft:
    """``d`` as a unit that asserts nothing (C0, T-context), ``why`` saying what it is.

    A reference-list entry describes a source; a table's header row names its columns
    ("Form | Absorption | Best for"), whose words are read in the rows under it. The
    support a reader can follow stays (a DOI or journal in an entry); hedges, boosters
    and flags found in a work's title ('… kill or cure?') or a column name are not the
    article's claims.
    """
    return d._replace(
        claim_type="context", secondary_type="", certainty=0, hedge_cues="", boosters="", flags="",
        draft_rules=f"type=context({why}); certainty=0({why}); support={d.support_in_text}",
        type_rules=(),
    )


def _follow_chain(d: Draft, text: str, link: str) -> Draft:
    """``d`` retyped when its subject points back ("This…") to the sentence before (``link``)."""
    if not link:
        return d
    ctype, overrides, what, subject = CHAINS[link]
    if d.claim_type not in overrides or not subject.match(normalise(text).lstrip()):
        return d
    if d.claim_type == "context" and "definition" in d.type_rules:
        return d  # "This is known as X": naming stays context (annotation guide T3)
    secondary = "" if ctype == "context" else (d.claim_type if d.claim_type != "context" else d.secondary_type)
    return d._replace(
        claim_type=ctype, secondary_type=secondary if secondary != ctype else "",
        draft_rules=d.draft_rules.replace(f"type={d.claim_type}(", f"type={ctype}(chain: subject points back to {what}; was ", 1),
    )


def draft_claims(units: pd.DataFrame, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Draft every unit: the claim columns plus ``draft_rules``, one row per unit, same order.

    ``evidence`` (the evidence table) is used only when a statement clearly
    cites one of its rows (first author and year, DOI or PMID): its GRADE
    level is then filled in as a suggestion, and ``draft_rules`` says so.
    """
    unit_cols = {c: units[c].tolist() if c in units else [""] * len(units) for c in UNIT_COLUMNS}
    index = _evidence_index(evidence)
    drafts: list[Draft] = []
    suggestions: list[tuple[str, ...] | None] = []
    frame_text: str | None = None  # the current frame heading, lower-cased
    frame_type = ""
    frame_rule: Frame | None = None  # the [[frame]] the current frame heading matches
    section_type = ""
    section_level = PLAIN  # the level of the section heading
    link = ""  # the chain the sentence before starts (CHAINS), within an article
    outcomes: frozenset[str] = frozenset()  # harm words the title makes the outcome
    types = load_lexicon("types")
    article = None
    references = False  # under a 'References' heading (segment.is_reference_section)
    entries: dict[object, dict[int, str]] = {}  # article -> its reference list: number -> entry
    rows = _table_rows(unit_cols)
    chapters = _chapter_lines(unit_cols, rows)
    for i, (text, kind, art) in enumerate(zip(unit_cols["text"], unit_cols["unit"], unit_cols["article"], strict=True)):
        if art != article:
            article, frame_text, frame_type, section_type, frame_rule = art, None, "", "", None
            section_level = PLAIN
            link, outcomes, references = "", frozenset(), False

        text = str(text)
        numbered = kind == "heading" and NUMBERED.match(text) is not None
        use_frame = frame_text if (numbered or kind == "sentence") else None
        # _scan_text drops a list number as NUMBERED does, so a numbered heading's hits are its item's
        hits = types.find(_scan_text(text)) if kind in ("heading", "title") else None
        if kind == "heading":
            section_type = "" if BREADCRUMB.search(text) else _claim_type(hits)[0]
            references = is_reference_section(text)
        elif kind == "title":
            outcomes = _outcomes(hits)
        bare = _unemphasised(text)  # '**09:45** …'
        review = kind == "heading" and REVIEW_STARS.match(bare) is not None
        d = draft_text(
            REVIEW_STARS.sub("", bare) if review else NUMBERED.sub("", text) if numbered else text,
            "sentence" if review else kind, use_frame, frame_type, section_type,
            frame_rule if numbered or (kind == "sentence" and NUMBERED.match(text)) else None,
            None if review else hits, outcomes, section_level, rows[i] == TABLE_DATA_ROW or review,
        )
        if rows[i] == TABLE_HEADER:
            d = _asserts_nothing(d, "table header")
        elif (kind == "sentence" and d.claim_type == "context" and d.certainty == PLAIN and BYLINE.match(bare)
              and not FINITE_VERB.search(_scan_text(text))):
            d = _asserts_nothing(d, "byline")
        elif i in chapters:
            d = _asserts_nothing(d, "chapter line")  # a question keeps the type of what it asks, at 0
        if kind == "heading" and not numbered:
            section_level = d.certainty
        if kind == "sentence":
            d = _asserts_nothing(d, "reference entry") if references else _follow_chain(d, text, link)
        link = _chain_link(d) if kind == "sentence" else ""
        drafts.append(d)
        suggestions.append(_suggestion(text, d, index))
        if index and references and kind == "sentence":
            m = _ENTRY_NUMBER.match(text)
            entry_no = int(m.group(1) or m.group(2)) if m else len(entries.get(art, {})) + 1
            entries.setdefault(art, {}).setdefault(entry_no, text)
        if kind in ("title", "heading") and not numbered:
            low = normalise(text).strip()
            frame_rule = next((f for f in types.frames if f.pattern.search(low)), None)
            if frame_rule is not None or _is_frame(text):
                frame_text = normalise(text)
                frame_type = d.claim_type if d.claim_type != "context" else "efficacy"
            elif kind == "heading":
                frame_text, frame_type = None, ""
    if entries:
        _through_reference_list(unit_cols, drafts, suggestions, entries, index)
    for c in ("paragraph", "sentence", "start", "end"):
        unit_cols[c] = [int(v) for v in unit_cols[c]]
    return _assemble(unit_cols, drafts, suggestions)


def _through_reference_list(
    unit_cols: dict[str, list], drafts: list[Draft], suggestions: list, entries: dict[object, dict[int, str]], index: list
) -> None:
    """Fill in ``suggestions`` for statements citing '[2]': through entry 2 of their article's reference list.

    An entry's number is the one it opens with ('[2] …', '2. …'), else its
    place in the list. The first cited entry that names an evidence row wins.
    """
    mark = re.compile(load_lexicon("redflags").rule(REFERENCE_MARK).pattern)
    for i, (text, art) in enumerate(zip(unit_cols["text"], unit_cols["article"], strict=True)):
        listed = entries.get(art)
        if not listed or suggestions[i] is not None or drafts[i].support_in_text != "cited":
            continue
        for m in mark.finditer(str(text)):
            found = next(
                (
                    (hit[0], hit[1], f" through reference {n}")
                    for n in _mark_numbers(m.group())
                    if n in listed and (hit := _match_evidence(listed[n], index)) is not None
                ),
                None,
            )
            if found is not None:
                suggestions[i] = found
                break


def _mark_numbers(mark: str) -> list[int]:
    """'[2, 5]' -> [2, 5]; '[3–6]' -> [3, 4, 5, 6]; '[^1]' -> [1]."""
    out: list[int] = []
    for part in re.split(r"\s*,\s*", mark.strip("[]^ ")):
        lo, _, hi = re.sub(r"\s*[\u2013-]\s*", "-", part).partition("-")
        if lo.isdigit() and hi.isdigit() and int(lo) <= int(hi) <= int(lo) + 20:
            out.extend(range(int(lo), int(hi) + 1))
        elif lo.isdigit():
            out.append(int(lo))
    return out


def draft_lines(lines: Iterable[str], evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Draft one statement per line, without segmenting (for benchmarks and ``--lines``).

    Unit columns: ``article = "lines"``, ``unit = "sentence"``, paragraph = line
    number, offsets into ``"\\n".join(lines)``.
    """
    lines = [str(s) for s in lines]
    width = max(3, len(str(len(lines))))
    starts, pos = [], 0
    for s in lines:
        starts.append(pos)
        pos += len(s) + 1
    unit_cols = {
        "claim_id": [f"lin-{i:0{width}d}" for i in range(1, len(lines) + 1)],
        "article": ["lines"] * len(lines),
        "unit": ["sentence"] * len(lines),
        "section": [""] * len(lines),
        "paragraph": list(range(1, len(lines) + 1)),
        "sentence": [1] * len(lines),
        "start": starts,
        "end": [a + len(s) for a, s in zip(starts, lines, strict=True)],
        "text": lines,
    }
    drafts = [draft_text(s) for s in lines]
    index = _evidence_index(evidence)
    suggestions = [_suggestion(s, d, index) for s, d in zip(lines, drafts, strict=True)]
    return _assemble(unit_cols, drafts, suggestions)


def certainty_of(text: str) -> int:
    """The drafted certainty of one plain sentence (benchmarks use this)."""
    return draft_text(text).certainty


__all__ = ["CLAIM_TYPES", "Draft", "certainty_of", "draft_claims", "draft_lines", "draft_text"]
