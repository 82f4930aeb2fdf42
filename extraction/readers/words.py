"""What a figure counts (people, losses, equipment by type) and what is done to it (the verbs).

The nouns are read from one compiled alternation whose order does the disambiguation: longer and
more specific phrases come first, so "vehicles and fuel tanks" is read before "tanks", "armored
personnel carriers" before "personnel" and "fighter jets" before "fighters".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .. import lexicon
from ..lexicon.kinds import (  # noqa: F401 - the kinds are read from here by the stages
    CAPTURED,
    CASUALTIES,
    CIVILIANS,
    KILLED,
    PERSONNEL,
    SKIP,
    V_AID,
    V_CAPTURE,
    V_CASUALTY,
    V_DEPLOY,
    V_DESTROY,
    V_EXCHANGE,
    V_INTERCEPT,
    V_KILL,
    V_LAUNCH,
    V_MOBILISE,
    V_WOUND,
    WOUNDED,
)
from ..patterns import Candidates, Caseless, WordAlternation

NOUNS = lexicon.load().nouns.NOUNS
VERBS = lexicon.load().verbs.VERBS
_CASED_WORDS = lexicon.load().nouns.CASED_WORDS


_NOUN_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<n{i}>{pattern})" for i, (pattern, _) in enumerate(NOUNS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_NOUN_KINDS = {f"n{i}": kind for i, (_, kind) in enumerate(NOUNS)}
_NOUN_FAST = WordAlternation([(f"n{i}", pattern.lower()) for i, (pattern, _) in enumerate(NOUNS)])
_CASED_LOWER = {w.lower() for w in _CASED_WORDS}
_CASED = re.compile(r"^(?:" + "|".join(_CASED_WORDS) + r")\b")


class Noun(NamedTuple):
    start: int
    end: int
    kind: str
    equipment: str | None


# ``Noun(...)`` and ``Verb(...)`` without the Python-level ``__new__`` of a NamedTuple (the same tuples):
# the readers make several for every sentence.
_new_tuple = tuple.__new__

# Kind and equipment type by group name.
_NOUN_READINGS = {
    name: ("equipment", kind[3:]) if kind.startswith("eq:") else (kind, None)
    for name, kind in _NOUN_KINDS.items()
}


def noun_candidates(text: str) -> Candidates | None:
    """Where in ``text`` a noun can begin (see ``WordAlternation.candidates``): worth keeping for a text
    read over several ranges. None where the text cannot be read lower-cased."""
    lowered_text = text.lower()
    return _NOUN_FAST.candidates(lowered_text) if len(lowered_text) == len(text) else None


def _noun_matches(
    text: str, start: int, end: int | None, candidates: Candidates | None
) -> list[re.Match[str]] | Iterator[re.Match[str]]:
    stop = len(text) if end is None else end
    lowered_text = text.lower()
    # Lower-cased text keeps offsets for almost all text; the slow case-blind regex covers the rest.
    if len(lowered_text) == len(text):
        return _NOUN_FAST.matches(lowered_text, start, stop, candidates)
    return _NOUN_RE.finditer(text, start, stop)


def find_nouns(
    text: str, start: int = 0, end: int | None = None, candidates: Candidates | None = None
) -> list[Noun]:
    """Every countable noun in ``text[start:end]``, leftmost-longest by the table's order. ``candidates``:
    ``noun_candidates(text)`` when the caller keeps it."""
    nouns: list[Noun] = []
    for match in _noun_matches(text, start, end, candidates):
        match_start, match_end = match.span()
        word = text[match_start:match_end]
        if word.lower() in _CASED_LOWER and not _CASED.match(word):
            continue
        kind, equipment = _NOUN_READINGS[match.lastgroup or ""]
        nouns.append(_new_tuple(Noun, (match_start, match_end, kind, equipment)))
    return nouns


def first_noun(text: str, start: int, end: int, candidates: Candidates | None = None) -> Noun | None:
    """``find_nouns(text, start, end)[0]``."""
    nouns = find_nouns(text, start, end, candidates)
    return nouns[0] if nouns else None


_VERB_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<v{i}>{pattern})" for i, (pattern, _) in enumerate(VERBS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_VERB_KINDS = {f"v{i}": kind for i, (_, kind) in enumerate(VERBS)}
_VERB_FAST = WordAlternation([(f"v{i}", pattern.lower()) for i, (pattern, _) in enumerate(VERBS)])


class Verb(NamedTuple):
    start: int
    end: int
    kind: str
    passive: bool


_PASSIVE_BEFORE = re.compile(
    r"(?i)\b(?:was|were|been|being|be|is|are|got|get)\s+(?:\w+ly\s+|also\s+|reportedly\s+|allegedly\s+|"
    r"all\s+|successfully\s+)*$"
)
_PASSIVE_BEFORE_LOW = Caseless(_PASSIVE_BEFORE)


def find_verbs(text: str, start: int = 0, end: int | None = None) -> list[Verb]:
    """Every verb of interest in ``text[start:end]``; passive when a form of "be" precedes it."""
    verbs: list[Verb] = []
    stop = len(text) if end is None else end
    lowered_text = text.lower()
    matches = (
        _VERB_FAST.matches(lowered_text, start, stop)
        if len(lowered_text) == len(text)
        else _VERB_RE.finditer(text, start, stop)
    )
    for match in matches:
        match_start, match_end = match.span()
        passive = _PASSIVE_BEFORE_LOW.found(text[max(0, match_start - 40) : match_start])
        verbs.append(_new_tuple(Verb, (match_start, match_end, _VERB_KINDS[match.lastgroup or ""], passive)))
    return verbs
