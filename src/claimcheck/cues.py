"""Lexicons as data: loading the cue files and matching them against text.

Each lexicon is a TOML file in ``claimcheck/rules/`` holding one ``[[rule]]``
table per rule (medspaCy ConText-style records): a role (``cue``,
``pseudo``, ``terminator``, ``scope``), a literal list or a regex, the value
it sets (``level``, ``type``/``weight``, ``flag`` or ``support``) and a
``reason``. The loader is strict: an unknown key, a missing key or a bad value
fails with a message that names the file, the rule and the allowed keys.

All rules of one lexicon compile into ONE regex, so a statement is scanned
once per lexicon. At one position pseudo-cues are tried first, then
terminators and scope openers, then cues, each group in file order. The regex
is shaped as a trie of the rules' literal prefixes, so a position only tries
the rules that can start there (see ``_scan_regex``; a test holds it to the
plain alternation). Output is immutable (tuples, frozen dataclasses) and
deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import NamedTuple

from claimcheck.schema import CLAIM_TYPES, SUPPORT, flags

LEXICONS = ("certainty", "types", "redflags")
ROLES = ("cue", "pseudo", "terminator", "scope")
ROLE_ORDER = {"pseudo": 0, "terminator": 1, "scope": 1, "cue": 2}
WHEN = ("uncited", "heading")

# Keys a [[rule]] may carry, per lexicon; `required` must be present.
_COMMON = ("id", "role", "literal", "pattern", "reason", "example")
ALLOWED_KEYS = MappingProxyType(
    {
        "certainty": (*_COMMON, "level"),
        "types": (*_COMMON, "type", "weight", "secondary"),
        "redflags": (*_COMMON, "flag", "support", "when"),
    }
)
REQUIRED_KEYS = ("id", "role", "reason")
META_KEYS = ("version", "name")


class LexiconError(ValueError):
    """A lexicon file breaks the format; the message says where and what is allowed."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    role: str
    reason: str
    regex: str
    literal: tuple[str, ...] = ()
    pattern: str = ""
    level: int | None = None
    type: str = ""
    weight: int = 0
    secondary: str = ""
    flag: str = ""
    support: str = ""
    when: str = ""
    example: str = ""


class Hit(NamedTuple):
    """One match of a rule: ``text[start:end]`` in the lower-cased statement."""

    start: int
    end: int
    rule: Rule
    text: str


@dataclass(frozen=True, slots=True)
class Frame:
    """A heading pattern that frames the numbered items under it (types.toml ``[[frame]]``).

    A numbered heading under a heading matching ``pattern`` is drafted as
    ``type`` at ``level`` (or the frame heading's own hedge, if lower).
    """

    id: str
    pattern: re.Pattern[str]
    type: str
    level: int
    reason: str


FRAME_KEYS = ("id", "pattern", "type", "level", "reason")


@dataclass(frozen=True)
class Lexicon:
    name: str
    version: int
    rules: tuple[Rule, ...]
    regex: re.Pattern[str]  # the scan: where a rule matches, and how far
    by_group: MappingProxyType  # group name -> Rule
    frames: tuple[Frame, ...] = ()
    # (group, literal prefix, rest) per rule alternative, in scan order
    items: tuple[tuple[str, str, str], ...] = ()
    # the scan after position 0, without the rules anchored at the start
    # ("^..."), shaped so that the regex engine skips in C to the characters
    # where a rule can begin (see ``_boundary_scan``): ``skip`` finds the next
    # hit, ``after`` tries the word rules right where a hit ends (None when a
    # rule's start cannot be classified: then ``regex`` scans every position)
    skip: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None

    def find(self, text: str) -> tuple[Hit, ...]:
        """Non-overlapping hits, left to right, in the lower-cased ``text``."""
        if self.skip is not None:
            return self._boundary_find(text)
        by = self.by_group
        return tuple(Hit(m.start(), m.end(), by[m.lastgroup], m.group()) for m in self.regex.finditer(text))

    def _boundary_find(self, text: str) -> tuple[Hit, ...]:
        """``find`` with ``skip`` and ``after``: the same hits as the ``regex`` scan.

        ``skip`` consumes the character before a word rule (which the guard
        wants to be a non-word character) or the first character of a
        punctuation rule, so its search can jump over letters inside words.
        Where a hit ends just after a non-word character, that character is
        already used, so the word rules are tried there first with ``after``.
        """
        by, skip, after = self.by_group, self.skip, self.after
        assert skip is not None and after is not None
        out = []
        m, p, pos, n = self.regex.match(text), 0, 0, len(text)
        while True:
            if m is not None:
                pos = m.end()
                out.append(Hit(p, pos, by[m.lastgroup], text[p:pos]))
                # \w is str.isalnum() or "_" (re docs); a str test is cheaper than a regex call
                if 0 < pos < n and not (text[pos - 1].isalnum() or text[pos - 1] == "_") and (text[pos].isalnum() or text[pos] == "_"):
                    m = after.match(text, pos)
                    if m is not None:
                        p = pos
                        continue
            m = skip.search(text, pos)
            if m is None:
                return tuple(out)
            p = m.start() + 1 if m.start(_WORD_GROUP) >= 0 else m.start()

    def rule(self, rule_id: str) -> Rule:
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise KeyError(rule_id)


_WORD_EDGE = re.compile(r"\w")


def literal_regex(phrase: str) -> str:
    """``"side effect*"`` -> a regex: words joined by any whitespace, ``*`` = any word ending."""
    words = phrase.split()
    parts = []
    for w in words:
        star = w.endswith("*")
        core = re.escape(w[:-1] if star else w)
        parts.append(core + (r"[\w-]*" if star else ""))
    body = r"\s+".join(parts)
    lead = r"\b" if _WORD_EDGE.match(phrase[0]) else ""
    tail = "" if phrase.endswith("*") else (r"\b" if _WORD_EDGE.match(phrase[-1]) else "")
    return lead + body + tail


def _fail(name: str, i: int, rid: str, msg: str) -> LexiconError:
    where = f"rules/{name}.toml: rule {i + 1}" + (f" ({rid})" if rid else "")
    return LexiconError(f"{where}: {msg}")


def _check_rule(name: str, i: int, raw: dict, flag_names: tuple[str, ...]) -> Rule:
    allowed = ALLOWED_KEYS[name]
    rid = raw.get("id", "") if isinstance(raw.get("id", ""), str) else ""
    unknown = sorted(set(raw) - set(allowed))
    if unknown:
        raise _fail(name, i, rid, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(allowed)}")
    missing = [k for k in REQUIRED_KEYS if k not in raw]
    if missing:
        raise _fail(name, i, rid, f"missing key(s) {', '.join(missing)}; required: {', '.join(REQUIRED_KEYS)}")
    for k in ("id", "role", "reason", "pattern", "example", "type", "flag", "support", "when"):
        if k in raw and not (isinstance(raw[k], str) and raw[k].strip()):
            raise _fail(name, i, rid, f"{k} must be a non-empty string")
    if not re.fullmatch(r"[a-z][a-z0-9_]*", raw["id"]):
        raise _fail(name, i, rid, "id must be snake_case (a-z, 0-9, _)")
    role = raw["role"]
    if role not in ROLES:
        raise _fail(name, i, rid, f"role {role!r} not allowed; allowed: {', '.join(ROLES)}")
    if ("literal" in raw) == ("pattern" in raw):
        raise _fail(name, i, rid, "give exactly one of literal, pattern")
    literal: tuple[str, ...] = ()
    if "literal" in raw:
        lit = raw["literal"]
        if not (isinstance(lit, list) and lit and all(isinstance(s, str) and s.strip() for s in lit)):
            raise _fail(name, i, rid, "literal must be a non-empty list of non-empty strings")
        if any(s != s.lower() for s in lit):
            raise _fail(name, i, rid, "literal phrases must be lower-case (text is lower-cased before matching)")
        literal = tuple(lit)
        regex = "|".join(literal_regex(s) for s in literal)
    else:
        regex = raw["pattern"]
        try:
            compiled = re.compile(regex)
        except re.error as e:
            raise _fail(name, i, rid, f"pattern does not compile: {e}") from None
        if compiled.groups:
            raise _fail(name, i, rid, "pattern must not have capturing groups; use (?:...)")
        if compiled.match(" "):
            raise _fail(name, i, rid, "pattern must not start with whitespace (it starts at a word start or at punctuation)")
    level, rtype, weight, flag, support, when = None, "", 0, "", "", raw.get("when", "")
    if name == "certainty":
        level = raw.get("level")
        if level is not None and (not isinstance(level, int) or isinstance(level, bool) or level not in (0, 1, 2, 4)):
            raise _fail(name, i, rid, f"level {level!r} not allowed; allowed: 0, 1, 2, 4 (3 is 'no cue')")
        if role == "cue" and level is None:
            raise _fail(name, i, rid, "a cue needs a level")
        if role in ("terminator", "scope") and level is not None:
            raise _fail(name, i, rid, f"a {role} takes no level")
    elif name == "types":
        if role == "cue":
            rtype, weight = raw.get("type", ""), raw.get("weight")
            if rtype not in CLAIM_TYPES:
                raise _fail(name, i, rid, f"type {rtype!r} not allowed; allowed: {', '.join(CLAIM_TYPES)}")
            if weight not in (1, 2, 3) or isinstance(weight, bool):
                raise _fail(name, i, rid, f"weight {weight!r} not allowed; allowed: 1, 2, 3")
            second = raw.get("secondary", "")
            if second and (second not in CLAIM_TYPES or second == rtype):
                raise _fail(name, i, rid, f"secondary {second!r} not allowed; allowed: a claim type other than {rtype!r}")
        elif role != "pseudo":
            raise _fail(name, i, rid, "types rules are cue or pseudo")
        elif "type" in raw or "weight" in raw or "secondary" in raw:
            raise _fail(name, i, rid, "a pseudo rule takes no type, weight or secondary")
    else:
        if role == "cue":
            flag, support = raw.get("flag", ""), raw.get("support", "")
            if bool(flag) == bool(support):
                raise _fail(name, i, rid, "give exactly one of flag, support")
            if flag and flag not in flag_names:
                raise _fail(name, i, rid, f"flag {flag!r} is not in rules/flags.csv; allowed: {', '.join(flag_names)}")
            if support and support not in SUPPORT[:2]:
                raise _fail(name, i, rid, f"support {support!r} not allowed; allowed: cited, vague")
        elif role != "pseudo":
            raise _fail(name, i, rid, "redflags rules are cue or pseudo")
        if when and when not in WHEN:
            raise _fail(name, i, rid, f"when {when!r} not allowed; allowed: {', '.join(WHEN)}")
    return Rule(
        id=raw["id"], role=role, reason=raw["reason"].strip(), regex=regex, literal=literal,
        pattern=raw.get("pattern", ""), level=level, type=rtype, weight=weight or 0,
        secondary=raw.get("secondary", ""), flag=flag, support=support, when=when, example=raw.get("example", ""),
    )


def parse_lexicon(text: str, name: str) -> Lexicon:
    """Parse and check one lexicon file's text; ``name`` picks the allowed keys."""
    if name not in ALLOWED_KEYS:
        raise LexiconError(f"unknown lexicon {name!r}; known: {', '.join(LEXICONS)}")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"rules/{name}.toml: not valid TOML: {e}") from None
    tables = ("meta", "rule", "frame") if name == "types" else ("meta", "rule")
    top_unknown = sorted(set(raw) - set(tables))
    if top_unknown:
        raise LexiconError(f"rules/{name}.toml: unknown table(s) {', '.join(top_unknown)}; allowed: {', '.join(tables)}")
    meta = raw.get("meta", {})
    meta_unknown = sorted(set(meta) - set(META_KEYS))
    if meta_unknown:
        raise LexiconError(f"rules/{name}.toml: [meta]: unknown key(s) {', '.join(meta_unknown)}; allowed: {', '.join(META_KEYS)}")
    version = meta.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LexiconError(f"rules/{name}.toml: [meta] version must be a positive integer")
    raw_rules = raw.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        raise LexiconError(f"rules/{name}.toml: no [[rule]] tables")
    flag_names = flags()
    rules = tuple(_check_rule(name, i, r, flag_names) for i, r in enumerate(raw_rules))
    seen: set[str] = set()
    for i, r in enumerate(rules):
        if r.id in seen:
            raise _fail(name, i, r.id, "duplicate id")
        seen.add(r.id)
    ordered = sorted(range(len(rules)), key=lambda i: (ROLE_ORDER[rules[i].role], i))
    regex, groups, items = _scan_regex([(i, rules[i]) for i in ordered])
    unanchored = [it for it in items if it[1] or not it[2].startswith("^")]
    skip, after = _boundary_scan(unanchored)
    frames = tuple(_check_frame(name, i, f) for i, f in enumerate(raw.get("frame", [])))
    return Lexicon(name, version, rules, regex, MappingProxyType(groups), frames, items, skip=skip, after=after)


# how a rule with no literal prefix opens at a word: optional lookbehinds, then \b
_WORD_LEAD = r"(?:\(\?<![^()]*\))*\\b"
# ... and a digit or a letter: it still starts at a word
_WORD_START = re.compile(_WORD_LEAD + r"(?:\\d|\[a-z|[a-z])")


_WORD_GROUP = "word_start"  # rule groups are named r<rule>_<alternative>


def _boundary_scan(items: list[tuple[str, str, str]]) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """The scan after position 0 as ``[^\\w](?:punctuation rules|(?P<word_start>)word rules)``.

    A pattern that opens with a character class lets the regex engine skip
    in C to the next character of that class; the guard's lookarounds would
    make it try every position. A word rule starts after a non-word
    character, which ``skip`` consumes (the empty group marks that the hit
    starts one character later); a punctuation rule starts at its first
    character, which ``skip`` consumes and the rest checks by lookbehind.
    The two kinds can never start at one position, so splitting them keeps
    the file order wherever it matters. (None, None) if some rule's start is
    neither kind.
    """
    punct: dict[str, list[tuple[str, str, str]]] = {}
    word: list[tuple[str, str, str]] = []
    for g, pre, rest in items:
        if pre and not _WORD_EDGE.match(pre[0]):
            punct.setdefault(pre[0], []).append((g, pre[1:], rest))
        elif pre or _WORD_START.match(rest):
            word.append((g, pre, rest))
        else:
            return None, None
    alts = [f"(?<={re.escape(ch)}){_trie(sub, top=False)}" for ch, sub in punct.items()]
    words = _trie(word) if word else "(?!)"
    return re.compile(r"[^\w](?:" + "|".join([*alts, f"(?P<{_WORD_GROUP}>){words}"]) + ")"), re.compile(words)


def _check_frame(name: str, i: int, raw: dict) -> Frame:
    rid = raw.get("id", "") if isinstance(raw.get("id", ""), str) else ""
    where = f"rules/{name}.toml: frame {i + 1}" + (f" ({rid})" if rid else "")
    if sorted(raw) != sorted(FRAME_KEYS):
        raise LexiconError(f"{where}: a [[frame]] has exactly the keys {', '.join(FRAME_KEYS)}")
    if raw["type"] not in CLAIM_TYPES:
        raise LexiconError(f"{where}: type {raw['type']!r} not allowed; allowed: {', '.join(CLAIM_TYPES)}")
    if raw["level"] not in (0, 1, 2, 3, 4) or isinstance(raw["level"], bool):
        raise LexiconError(f"{where}: level must be 0-4")
    try:
        pattern = re.compile(raw["pattern"])
    except re.error as e:
        raise LexiconError(f"{where}: pattern does not compile: {e}") from None
    return Frame(raw["id"], pattern, raw["type"], raw["level"], raw["reason"].strip())


# Every rule starts at a word start or at punctuation ("\\bmay", ",\\s*but", ";"),
# so the scan only tries the alternation there: inside a word and on spaces
# the guard fails in one step.
SCAN_GUARD = r"(?:(?<!\w)(?=\w)|(?=[^\w\s]))"
_QUANT = "*+?{"
_META = ".^$*+?{}[]\\|()"


def _class_end(regex: str, i: int) -> int:
    """Index just past the character class that opens at ``regex[i] == "["``."""
    j = i + 1
    if regex[j : j + 1] == "^":
        j += 1
    if regex[j : j + 1] == "]":  # a "]" first is a literal
        j += 1
    while j < len(regex) and regex[j] != "]":
        j += 2 if regex[j] == "\\" else 1
    return j + 1


def _structure(regex: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, paren depth before it) for each character outside
    escapes and character classes: what the splitters below need to see."""
    depth, i = 0, 0
    while i < len(regex):
        ch = regex[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(regex, i)
            continue
        yield i, ch, depth
        depth += (ch == "(") - (ch == ")")
        i += 1


def split_alternatives(regex: str) -> list[str]:
    """The top-level ``|`` alternatives of a regex, in order."""
    cuts = [i for i, ch, depth in _structure(regex) if ch == "|" and depth == 0]
    return [regex[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(regex)], strict=True)]


def _leading_group(alt: str) -> tuple[list[str], str] | None:
    """``(?:a|b)rest`` -> ([a, b], rest); ``(?:a)?rest`` -> ([a, ""], rest).

    None when the group has another quantifier (or there is no leading group).
    """
    if not alt.startswith("(?:"):
        return None
    end = next((i for i, ch, depth in _structure(alt) if ch == ")" and depth == 1), None)
    if end is None:
        return None
    inner, rest = split_alternatives(alt[3:end]), alt[end + 1 :]
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
        return [*inner, ""], rest[1:]  # greedy "?": with the group first, then without
    return (inner, rest) if not rest[:1] or rest[0] not in _QUANT else None


def _expand(alt: str, depth: int = 0) -> list[str]:
    """Distribute a leading group over the rest: ``(?:a|b)c`` -> ``ac``, ``bc``.

    Same matches in the same order (alternation tries left to right), but each
    alternative now starts with literal characters the trie can branch on.
    A leading ``\\b`` before a word character is dropped: the scan guard already
    puts every match at a word start.
    """
    while alt.startswith("\\b\\b"):
        alt = alt[2:]
    if alt.startswith("\\b") and alt[2:3].isalnum():
        alt = alt[2:]
    lead = "\\b" if alt.startswith("\\b(?:") else ""
    group = _leading_group(alt[len(lead) :]) if depth < 4 else None
    if group is None:
        return [alt]
    inner, rest = group
    return [x for a in inner for x in _expand(lead + a + rest, depth + 1)]


def _literal_prefix(alt: str) -> tuple[str, str]:
    """(fixed leading characters, the rest of the regex)."""
    out, i = [], 0
    while i < len(alt):
        ch = alt[i]
        if ch == "\\":
            nxt = alt[i + 1 : i + 2]
            if nxt == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", alt[i + 2 : i + 4]):
                lit, width = chr(int(alt[i + 2 : i + 4], 16)), 4
            elif nxt and not nxt.isalnum():
                lit, width = nxt, 2
            else:
                break
        elif ch in _META:
            break
        else:
            lit, width = ch, 1
        if alt[i + width : i + width + 1] and alt[i + width] in _QUANT:
            break  # "risks?": the "s" is optional
        out.append(lit)
        i += width
    return "".join(out), alt[i:]


# a rule with no literal prefix that can only start at a digit, or at one
# letter behind lookbehinds ("(?<!risks\\sand\\s)\\bbenefits"): the class of its first character
_FIRST_CHAR = re.compile(_WORD_LEAD + r"(?:(\\d)|([a-z])(?![*+?{]))")


def _first_char(rest: str) -> re.Pattern[str] | None:
    """What the first character of an item with no literal prefix must match, or None if anything."""
    m = _FIRST_CHAR.match(rest)
    if m is None:
        return None
    return re.compile(r"\d" if m.group(1) else m.group(2))


def _trie(items: list[tuple[str, str, str]], top: bool = True) -> str:
    """One regex over (group, literal prefix, rest) items that tries each item
    only where its literal prefix is found, and keeps the file order wherever
    two items could match at one position.

    Items that still have a literal character are grouped by it (items behind
    different characters can never both match). An item whose prefix is used
    up is a part of its own; if its first character is known
    (``_first_char``: a digit, or one letter), only the groups of characters
    it can start with are closed behind it, else every group is. Parts come
    out in the order of their first item, so items that can meet at one
    position keep their file order. Each item ends in an empty group named
    after it, so the match's ``lastgroup`` says which item matched; the
    group is only entered where the item has matched, so it costs nothing
    where the item fails.

    ``top``: the regex is only tried where a rule can start, at a word start
    or at punctuation, so there a leading ``\\b`` before a digit or a letter
    always holds and is dropped: an alternative that opens with a character
    (class) is skipped in one step where that character is not.
    """
    parts: list[str] = []
    # open groups: first character -> index into ``groups``; a closed group stays in ``groups``
    open_: dict[str, int] = {}
    groups: list[tuple[str, list[tuple[str, str, str]]] | str] = []

    for g, pre, rest in items:
        if pre:
            i = open_.get(pre[0])
            if i is None:
                open_[pre[0]] = i = len(groups)
                groups.append((pre[0], []))
            groups[i][1].append((g, pre[1:], rest))  # type: ignore[index]
            continue
        first = _first_char(rest)
        for ch in [c for c in open_ if first is None or first.match(c)]:
            del open_[ch]
        if top and first is not None and rest.startswith("\\b"):
            rest = rest[2:]
        groups.append(f"{rest}(?P<{g}>)")
    for grp in groups:
        parts.append(grp if isinstance(grp, str) else re.escape(grp[0]) + _trie(grp[1], top=False))
    return "(?:" + "|".join(parts) + ")"


def _scan_regex(ordered: list[tuple[int, Rule]]) -> tuple[re.Pattern[str], dict[str, Rule], tuple[tuple[str, str, str], ...]]:
    """The scan regex, the group -> rule map and the (group, prefix, rest) items.

    The scan is all rules as one regex shaped as a trie of their literal
    prefixes: its matches are exactly those of ``GUARD(?:rule1|rule2|...)``
    (a test compares the two on every shipped statement), but at each
    position only the rules whose first characters are there get tried. The
    empty group that ends each item names the rule that matched.
    """
    groups: dict[str, Rule] = {}
    items: list[tuple[str, str, str]] = []
    for i, r in ordered:
        for k, alt in enumerate(a for top in split_alternatives(r.regex) for a in _expand(top)):
            name = f"r{i}_{k}"
            groups[name] = r
            pre, rest = _literal_prefix(alt)
            items.append((name, pre, rest))
    return re.compile(f"{SCAN_GUARD}{_trie(items)}"), groups, tuple(items)


def plain_regex(rules: tuple[Rule, ...]) -> re.Pattern[str]:
    """The reference scan: every rule in role-then-file order, one alternation."""
    ordered = sorted(range(len(rules)), key=lambda i: (ROLE_ORDER[rules[i].role], i))
    return re.compile(SCAN_GUARD + "(?:" + "|".join(f"(?P<r{i}>{rules[i].regex})" for i in ordered) + ")")


@cache
def load_lexicon(name: str) -> Lexicon:
    """One shipped lexicon, parsed once per process."""
    if name not in LEXICONS:
        raise LexiconError(f"unknown lexicon {name!r}; known: {', '.join(LEXICONS)}")
    text = files("claimcheck").joinpath(f"rules/{name}.toml").read_text("utf-8")
    return parse_lexicon(text, name)


def versions() -> tuple[tuple[str, int], ...]:
    """(lexicon, version) for every shipped lexicon, for provenance in reports."""
    return tuple((n, load_lexicon(n).version) for n in LEXICONS)


_NORMALISE = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " ", "\u2009": " ",
        "\u202f": " ", "\u2013": "-", "\u2014": " - ", "\u2010": "-", "\u2011": "-",
    }
)


def normalise(text: str) -> str:
    """Lower-case with typographic quotes, dashes and odd spaces made plain.

    Keeps the length except for the em dash, so offsets are only used within
    one normalised string.
    """
    # every character translate() maps is non-ASCII; isascii() is O(1) in CPython
    t = (text if text.isascii() else text.translate(_NORMALISE)).lower()
    if "\\x" in t or "\\u" in t:
        t = t.replace("\\xa0", " ").replace("\\u2009", " ")
    return t
