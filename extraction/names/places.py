"""Regions and places named in an article.

Listed names and aliases are found by the registries' automaton. A capitalised word that no alias
covers is then tried as a transliteration variant ("Soedzja" for Sudzha, "Kupyansk" for Kupiansk)
through a phonetic key, and long words through fuzzy matching for near misses.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from .. import lexicon
from ..cache import kept_value
from ..readers.sides import side_of_phrase
from ..readers.words import find_nouns
from .matcher import by_start
from .registries import FuzzyPlan, PlaceEntry, RegionEntry, Registries
from .tokens import Tokens

_NAMES = lexicon.load().names

_DOUBLE = re.compile(r"(.)\1+")
# ``\b[A-Z]...`` written with the capital first (the boundary then checked behind it): ``re`` can then
# jump from capital to capital instead of trying every position. Same matches.
_CAPITALISED = re.compile(r"[A-Z](?<=\b[A-Z])[a-zA-Z'’ʼ\-]{4,}\b")


def translit_key(word: str) -> str:
    """A word's spelling with the transliterations' variants made one ("Soedzja" and "Sudzha": "sudza")."""
    key = word.lower()
    for old, new in _NAMES.TRANSLITERATIONS:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


@dataclass(slots=True)
class PlaceHit:
    """A region or place named in a text."""

    start: int
    end: int
    region: str | None
    place: str | None
    raw: str
    # A front direction ("the Kursk direction", "Kupiansk direction").
    direction: bool = False

    def moved(self, by: int) -> PlaceHit:
        """The same, ``by`` characters further on."""
        return PlaceHit(self.start + by, self.end + by, self.region, self.place, self.raw, self.direction)


_DIRECTION = re.compile(r"\s+(?:direction|axis|sector|front)\b", re.IGNORECASE)


def _hit(entry: object, start: int, end: int, text: str, registries: Registries) -> PlaceHit | None:
    # (Within the 12 characters after the name: ``endpos`` reads as the end of the text.)
    direction = bool(_DIRECTION.match(text, end, end + 12))
    if isinstance(entry, PlaceEntry):
        return PlaceHit(
            start, end, entry.region, entry.name, text[start:end], direction or entry.kind == "direction"
        )
    if isinstance(entry, RegionEntry):
        return PlaceHit(start, end, entry.name, None, text[start:end], direction)
    return None


_FUZZY_CUTOFF = 88


def _near_lengths(length: int) -> range:
    """The lengths of keys that have a chance against a word of ``length``: ``fuzz.ratio`` is 200 * common /
    (sum of lengths), and the common part is at most the shorter word (a point of margin keeps borderline
    lengths)."""
    low, high = _FUZZY_CUTOFF - 1, 200 - (_FUZZY_CUTOFF - 1)
    return range((low * length + high - 1) // high, high * length // low + 1)


def _plan(registries: Registries, size: int) -> FuzzyPlan:
    """For a key of ``size``: the stretches of the keys of each length that can score the cutoff against
    it, and where the key is cut to look them up (see ``_fuzzy_candidates``). Kept by size.

    The score is 100 less 100 * edits / (sum of lengths), the edits being the insertions and deletions that
    turn one key into the other: a score of at least the cutoff leaves at most ``(100 - cutoff)%`` of the
    two lengths to them (a score short of it by a whole edit is far from any rounding), and their number has
    the parity of that sum. Cut into one stretch more than those edits, a key keeps one stretch whole in any
    key that near, as an edit breaks one stretch at most."""
    plans = registries.fuzzy_plans
    plan = plans.get(size)
    if plan is None:
        plan = []
        for length in _near_lengths(size):
            total = size + length
            edits = (100 - _FUZZY_CUTOFF) * total // 100
            edits -= (edits - total) % 2
            if edits < abs(size - length):
                continue
            parts = min(edits + 1, size)
            for part in range(parts):
                start, end = part * size // parts, (part + 1) * size // parts
                plan.append((_pieces(registries, length, end - start), start, end))
        plans[size] = plan  # (whole, for the threads that read at once)
    return plan


def _pieces(registries: Registries, length: int, size: int) -> dict[str, tuple[int, ...]]:
    """Every stretch of ``size`` characters of the fuzzy keys of ``length``, with the keys that hold it (by
    their place in ``fuzzy_keys``, in order). Kept by length and size."""
    tables = registries.fuzzy_pieces
    table = tables.get((length, size))
    if table is None:
        holders: dict[str, dict[int, None]] = {}
        for index, key in enumerate(registries.fuzzy_keys):
            if len(key) == length:
                for start in range(length - size + 1):
                    holders.setdefault(key[start : start + size], {})[index] = None
        table = tables[length, size] = {piece: tuple(found) for piece, found in holders.items()}
    return table


def _fuzzy_candidates(key: str, registries: Registries) -> tuple[str, ...]:
    """The fuzzy keys that can score the cutoff against ``key``, in their order (ties go to the same key):
    those that hold one of the stretches ``_plan`` cuts it into."""
    chosen: set[int] = set()
    for table, start, end in _plan(registries, len(key)):
        holders = table.get(key[start:end])
        if holders:
            chosen.update(holders)
    keys = registries.fuzzy_keys
    return tuple(keys[index] for index in sorted(chosen))


def _fuzzy_choice(key: str, registries: Registries) -> str | None:
    """The fuzzy key nearest ``key`` (a word's transliteration key), if near enough."""
    found = process.extractOne(
        key, _fuzzy_candidates(key, registries), scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF
    )
    return found[0] if found else None


_NAME_FOLLOWS = re.compile(r"\s+[A-Z][a-z]+\b(?<!Oblast)(?<!Region)(?<!Province)(?<!Raion)(?<!District)")


def _fuzzy_word(word: str, registries: Registries) -> tuple[object, str | None]:
    """What a capitalised word names through its transliteration key: (the entry its key names, or None
    and the key to try by fuzzy matching where that can be tried, or None)."""
    bare = word.rstrip("'’ʼs") if word.endswith(("'s", "’s")) else word
    key = translit_key(bare)
    entry = registries.fuzzy_places.get(key)
    if entry is None and len(key) >= 7 and _known_word(bare):
        # "Soldiers", "Residents", "Ukraine's" at a sentence's start: words the engine reads as nouns or
        # sides are no misspelt town.
        return None, None
    return entry, (key if entry is None and len(key) >= 7 else None)


def _known_word(word: str) -> bool:
    nouns = find_nouns(word)
    if nouns and nouns[0].start == 0 and nouns[0].end == len(word):
        return True
    return side_of_phrase(word) is not None


def find_places(text: str, tokens: Tokens, registries: Registries) -> list[PlaceHit]:
    """Every region and place named in ``text``, in order."""
    hits: list[PlaceHit] = []
    covered: list[tuple[int, int]] = []
    for found in registries.place_matcher.find(tokens):
        hit = _hit(found.payload, found.start, found.end, text, registries)
        if hit is not None:
            hits.append(hit)
            covered.append((found.start, found.end))
    fuzzy = registries.fuzzy_places
    if fuzzy:
        # The same words recur across articles: what they name is kept with the registries.
        kept = registries.kept
        for match in _CAPITALISED.finditer(text):
            word = match.group(0)
            if word in _NAMES.NOT_PLACES:
                continue
            start, end = match.span()
            if covered and any(s <= start < e for s, e in covered):
                continue
            named = kept.fuzzy_words.get(word)
            if named is None:
                named = _fuzzy_word(word, registries)
                kept.fuzzy_words.keep(word, named)
            entry, key = named
            if key is not None and not _NAME_FOLLOWS.match(text, end):
                # A near miss followed by another capitalised word is a person's first name and surname,
                # not a misspelt town.
                choice = kept_value(kept.fuzzy_choices, key, lambda k: _fuzzy_choice(k, registries))
                entry = fuzzy.get(choice) if choice else None
            if entry is not None:
                hit = _hit(entry, start, end, text, registries)
                if hit is not None:
                    hits.append(hit)
    if len(hits) > 1:
        hits.sort(key=by_start)
    return hits


def dominant_place(hits: list[PlaceHit]) -> PlaceHit | None:
    """The town an article is about: named at least twice and at least twice as often as any other."""
    counts = Counter(hit.place for hit in hits if hit.place)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, top_count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top_count >= 2 and top_count >= 2 * second:
        return next(hit for hit in hits if hit.place == top)
    return None


def dominant_region(hits: list[PlaceHit], headline_end: int = 0) -> str | None:
    """The region an article is about: named at least twice and at least twice as often as any other."""
    counts = Counter(hit.region for hit in hits if hit.region)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, top_count = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if top_count >= 2 and top_count >= 2 * second:
        return top
    return None
