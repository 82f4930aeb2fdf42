"""Military units named in an article: registry units by name or alias, and numbered or named
formations the registry does not list ("the 47th Mechanized Brigade", "the Rubizh Brigade").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..readers.sides import side_of_phrase
from .matcher import by_start
from .registries import Registries, UnitEntry
from .tokens import Tokens

_NAMES = lexicon.load().names

# An honorific name may stand before the descriptors: "the 25th Sicheslav Airborne Brigade".
_NUMBERED = re.compile(
    r"\b(?P<num>\d{1,3})(?:-?(?:st|nd|rd|th|d))?\s+"
    r"(?:(?!(?:"
    + _NAMES.UNIT_DESCRIPTORS
    + r"|"
    + _NAMES.UNIT_FORMATIONS
    + r")\b)(?P<honorific>[A-Z][a-z]{3,})\s+(?=[A-Z]))?"
    r"(?P<words>(?:(?:" + _NAMES.UNIT_DESCRIPTORS + r")\s+){0,6})"
    r"(?P<type>" + _NAMES.UNIT_FORMATIONS + r")s?\b"
)
_NAMED = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+)?)\s+(?P<type>Brigade|Regiment|Battalion|Unit|Legion|Detachment)\b"
)
# Both patterns need one of their (case-sensitive) formation words, which most sentences lack.
_FORMATION_WORD = re.compile(_NAMES.UNIT_FORMATIONS)
_NAMED_TYPE = re.compile("Brigade|Regiment|Battalion|Unit|Legion|Detachment")
_ANY_TYPE = re.compile(_NAMES.UNIT_FORMATIONS + "|Unit|Legion")
_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{_ORDINAL_SUFFIX.get(number % 10, 'th')}"


@dataclass(slots=True)
class UnitHit:
    """A military unit named in a text, by its canonical name."""

    start: int
    end: int
    name: str
    side: str | None
    raw: str
    # Numbered formations are the most specific; registry units of kind "other" the least.
    rank: int

    def moved(self, by: int) -> UnitHit:
        """The same, ``by`` characters further on."""
        return UnitHit(self.start + by, self.end + by, self.name, self.side, self.raw, self.rank)


def _canonical_numbered(match: re.Match[str]) -> str:
    words = [_NAMES.UNIT_SPELLINGS.get(w, w) for w in match.group("words").split()]
    honorific = match.group("honorific")
    if honorific and honorific not in _NAMES.NOT_UNIT_NAMES:
        words.insert(0, honorific)
    return " ".join([ordinal(int(match.group("num"))), *words, match.group("type")])


def _number_key(match: re.Match[str]) -> tuple[tuple[int, str], frozenset[str]]:
    """(number, formation) and the descriptor words of a numbered formation, spellings made one (an
    honorific is left out: registries name the brigade by its descriptors)."""
    words = frozenset(_NAMES.UNIT_SPELLINGS.get(w.title(), w).lower() for w in match.group("words").split())
    kind = match.group("type").title()
    return (int(match.group("num")), _NAMES.UNIT_SPELLINGS.get(kind, kind)), words


def numbered_units(units: list[UnitEntry]) -> dict[tuple[int, str], list[tuple[frozenset[str], UnitEntry]]]:
    """The registry's numbered formations by (number, formation), each name or alias with its words."""
    table: dict[tuple[int, str], list[tuple[frozenset[str], UnitEntry]]] = {}
    for unit in units:
        for name in (unit.name, *unit.aliases):
            match = _NUMBERED.fullmatch(name)
            if match is not None:
                key, words = _number_key(match)
                table.setdefault(key, []).append((words, unit))
    return table


def _registry_numbered(match: re.Match[str], side: str | None, registries: Registries) -> UnitEntry | None:
    """The one registry unit a numbered formation the registry does not spell this way can be: same number
    and formation, every word the text gives in one of its names, and the side the text gives ("the 72th
    Brigade" is the 72nd Separate Mechanized Brigade; a bare "155th Brigade" with units of both sides so
    numbered is none of them)."""
    key, words = _number_key(match)
    return _registry_entry(key, words, side, registries)


def _registry_entry(
    key: tuple[int, str], words: frozenset[str], side: str | None, registries: Registries
) -> UnitEntry | None:
    found = {
        unit
        for names, unit in registries.numbered_units.get(key, ())
        if words <= names and (side is None or unit.side in (None, side))
    }
    return found.pop() if len(found) == 1 else None


_CAPITALISED_TAIL = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,3})(?:the\s+)?$")
_DIGIT = re.compile(r"\d")


def _side_before(text: str, start: int) -> str | None:
    window = text[max(0, start - 30) : start]
    # Only the words right before the unit: "Ukraine's 92nd", "Russian 155th Naval Infantry".
    tail = _CAPITALISED_TAIL.search(window)
    return side_of_phrase(tail.group(1)) if tail else None


def find_units(text: str, tokens: Tokens, registries: Registries) -> list[UnitHit]:
    """Every unit named in ``text``, registry units by their canonical names."""
    hits: list[UnitHit] = []
    covered: list[tuple[int, int]] = []
    unit: UnitEntry
    for found in registries.unit_matcher.find(tokens):
        start, end, unit = found.start, found.end, found.payload
        rank = 1 if unit.kind in ("other", "group", "army", "corps") else 2
        if _DIGIT.search(unit.name):
            rank = 3
        hits.append(UnitHit(start, end, unit.name, unit.side, text[start:end], rank))
        covered.append((start, end))
    if not _ANY_TYPE.search(text):
        listed = _coordinated(text, hits, registries)
        return sorted(hits + listed, key=by_start) if listed else hits  # the matcher's, in order
    numbered = _NUMBERED.finditer(text) if _FORMATION_WORD.search(text) else ()
    for match in numbered:
        start, end = match.span()
        if any(s < end and start < e for s, e in covered):
            continue
        if not match.group("words").strip() and match.group("type") in ("Army", "Corps", "Center", "Centre"):
            continue
        side = _side_before(text, start)
        entry = _registry_numbered(match, side, registries)
        if entry is not None:
            hits.append(UnitHit(start, end, entry.name, entry.side or side, match.group(0), 3))
        else:
            hits.append(UnitHit(start, end, _canonical_numbered(match), side, match.group(0), 3))
        covered.append((start, end))
    named = _NAMED.finditer(text) if _NAMED_TYPE.search(text) else ()
    for match in named:
        start, end = match.span()
        if any(s < end and start < e for s, e in covered):
            continue
        words = match.group("name").replace("-", " ").split()
        if any(w in _NAMES.NOT_UNIT_NAMES for w in words):
            continue
        name = f"{match.group('name')} {match.group('type')}"
        hits.append(UnitHit(start, end, name, _side_before(text, start), match.group(0), 2))
        covered.append((start, end))
    hits += _coordinated(text, hits, registries)
    if len(hits) > 1:
        hits.sort(key=by_start)
    return hits


_NUMBERED_ANY_CASE = re.compile(_NUMBERED.pattern, re.IGNORECASE)
# "the 22nd and 41st mechanized brigades", "the 22nd, 41st and 80th brigades": numbers before a formation.
_NUMBER_BEFORE = re.compile(r"\b((\d{1,3})(?:-?(?:st|nd|rd|th|d))?)(?:\s*,\s*(?:and\s+)?|\s+and\s+)$")


def _coordinated(text: str, hits: list[UnitHit], registries: Registries) -> list[UnitHit]:
    """The formations numbered in a list before a numbered formation, each a unit of its own with the
    formation's words ("the 22nd and 41st mechanized brigades" names the 22nd Mechanized Brigade too)."""
    found: list[UnitHit] = []
    for hit in hits:
        if not hit.raw[:1].isdigit() or not (match := _NUMBERED_ANY_CASE.fullmatch(hit.raw)):
            continue
        (_, kind), words = _number_key(match)
        position = hit.start
        while before := _NUMBER_BEFORE.search(text, max(0, position - 16), position):
            number = int(before.group(2))
            entry = _registry_entry((number, kind), words, hit.side, registries)
            if entry is not None:
                name, side = entry.name, entry.side or hit.side
            else:
                name = " ".join(
                    [
                        ordinal(number),
                        *(_NAMES.UNIT_SPELLINGS.get(w, w) for w in match.group("words").title().split()),
                        kind,
                    ]
                )
                side = hit.side
            found.append(UnitHit(before.start(1), before.end(1), name, side, before.group(1), 3))
            position = before.start()
    return found


# "the brigade said", "the unit's commander": a formation named by its kind alone, not by a name after it.
_ANAPHOR_KINDS = ("brigade", "regiment", "battalion", "unit")
# Led by a literal, so the search skips to it; the "T" or "t" before it is tested by hand.
_ANAPHOR = re.compile(r"he\s+(" + "|".join(_ANAPHOR_KINDS) + r")(?:'s|’s)?\b(?!\s+(?:of\s+)?[A-Z\d])")


def with_anaphora(text: str, hits: list[UnitHit]) -> list[UnitHit]:
    """``hits`` with "the brigade" and "the unit" added where a formation of that kind was named before:
    the nearest one, as a reader takes it ("The brigade's press officer said its units had killed 146" is
    the 47th Brigade of three paragraphs up)."""
    if not hits or not any(f"he {kind}" in text for kind in _ANAPHOR_KINDS):
        return hits
    added: list[UnitHit] = []
    for match in _ANAPHOR.finditer(text):
        kind = match.group(1)
        start = match.start() - 1
        if start < 0 or text[start] not in "Tt" or (start and text[start - 1].isalnum()):
            continue
        if any(h.start <= start < h.end for h in hits):
            continue
        before = [
            h for h in hits if h.end <= start and h.rank >= 2 and (kind == "unit" or kind in h.name.lower())
        ]
        if before:
            named = before[-1]
            raw = text[start : match.end()]
            added.append(UnitHit(start, match.end(), named.name, named.side, raw, named.rank))
    return sorted(hits + added, key=by_start) if added else hits
