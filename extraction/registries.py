"""Registries of names (regions, places, units, claimants) and the matcher that finds them in text.

Names are matched on a normalised token stream: case, punctuation, apostrophes, possessives,
ordinal suffixes ("241th", "241-st") and British spellings do not count. Each Registries object
compiles its automata once; build one per registry change and reuse it across articles.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, count
from operator import add, itemgetter
from pathlib import Path
from typing import Any

import ahocorasick

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TOKEN_SPLIT = re.compile(r"([^\W_]+)", re.UNICODE)
# The same for lower-cased ASCII text, where ``[^\W_]`` is ``[a-z0-9]``: a class of ASCII characters is
# tested by a table look-up, Unicode's word characters by their properties one at a time.
_ASCII_TOKEN_SPLIT = re.compile(r"([a-z0-9]+)")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|d)$")
# A token of lower-cased ASCII text that ``_ORDINAL`` matches: ``(?<![a-z0-9])[0-9]+(?:st|nd|rd|th|d)...``
# with its first digit written before the lookbehind (which then checks the character before that digit),
# so that ``re`` skips from digit to digit instead of trying every position. Same matches.
_ORDINAL_TOKEN = re.compile(r"[0-9](?<![a-z0-9][0-9])[0-9]*(?:st|nd|rd|th|d)(?![a-z0-9])")
_SPELLING = {
    "mechanised": "mechanized", "motorised": "motorized", "defence": "defense", "armoured": "armored",
    "centre": "center", "organisation": "organization", "brigades": "brigade", "regiments": "regiment",
    "battalions": "battalion", "jaegers": "jaeger", "kyivs": "kyiv",
}  # fmt: skip
_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


_NORM_CACHE: dict[str, str] = {}


def norm_token(token: str) -> str:
    cached = _NORM_CACHE.get(token)
    if cached is not None:
        return cached
    if len(_NORM_CACHE) > 200_000:
        _NORM_CACHE.clear()
    _NORM_CACHE[token] = result = _norm_token(token)
    return result


def _norm_token(token: str) -> str:
    lowered = _fold(token)
    # An ordinal starts with a decimal digit (``\d``): most tokens are spared the pattern.
    ordinal = _ORDINAL.match(lowered) if lowered[:1].isdecimal() else None
    if ordinal:
        return ordinal.group(1)
    return _SPELLING.get(lowered, lowered)


class Tokens:
    """A text's normalised token stream: ``joined`` is " tok tok ... " and ``spans`` the original offsets.

    The offsets are worked out only when a matcher finds a name, and kept flat: ``bounds`` is the running
    length of the split that gave the tokens (token i is ``text[bounds[2 * i + 1] : bounds[2 * i + 2]]``),
    and ``spans`` pairs them. Where a name's tokens begin (``token_at``) is counted in ``joined``.
    """

    __slots__ = ("joined", "words", "spaced", "_parts", "_bounds", "_starts", "_found")

    def __init__(
        self,
        joined: str,
        words: list[str],
        parts: list[str] | None,
        bounds: list[int] | None = None,
        *,
        spaced: bool = False,
    ) -> None:
        self.joined = joined
        self.words = words
        # Whether a token holds a space (a few compatibility characters fold to one): ``joined`` then has
        # more spaces than separators, and a name's first token is looked up in ``starts``.
        self.spaced = spaced
        self._parts = parts
        self._bounds = bounds
        self._starts: dict[int, int] | None = None
        # The names the registries' automaton found (see ``_NameGroup``).
        self._found: tuple[_NameGroup, list[list[tuple[int, _Name]]]] | None = None

    @property
    def bounds(self) -> list[int]:
        if self._bounds is None:
            self._bounds = list(accumulate(map(len, self._parts or ()), initial=0))
        return self._bounds

    @property
    def spans(self) -> list[tuple[int, int]]:
        bounds = self.bounds
        return list(zip(bounds[1:-1:2], bounds[2::2], strict=True))

    @property
    def offsets(self) -> list[int]:
        # Token i starts after the opening space, the tokens before it and a space after each of them:
        # 1 + (their lengths) + i, summed in C rather than by a generator.
        offsets = list(map(add, accumulate(map(len, self.words), initial=1), count()))
        offsets.pop()
        return offsets

    @property
    def starts(self) -> dict[int, int]:
        if self._starts is None:
            offsets = self.offsets
            self._starts = dict(zip(offsets, range(len(offsets)), strict=True))
        return self._starts

    def token_at(self, offset: int) -> int | None:
        """The index of the token that starts at ``offset`` in ``joined`` (None: no token starts there),
        for an offset right after a space."""
        if self.spaced:
            return self.starts.get(offset)
        # Every space before a token but the first separates two tokens.
        return self.joined.count(" ", 0, offset) - 1


_DROPPABLE = _SUFFIXES | {"s"}
_APOSTROPHES = "'’ʼ"


def tokenize(text: str) -> Tokens:
    # One split gives the tokens (odd items) and, by the running length of all items, their offsets.
    if text.isascii():
        # An ASCII token's folded form is its lower-case: one ``lower`` of the text folds them all (and
        # keeps every offset). Only ordinals and British spellings are then left to normalise.
        low = text.lower()
        parts = _ASCII_TOKEN_SPLIT.split(low)
        words = parts[1::2]
        if _ORDINAL_TOKEN.search(low):
            words = [norm_token(w) for w in words]
        elif not _SPELLING.keys().isdisjoint(words):
            words = [_SPELLING.get(w, w) for w in words]
    else:
        parts = _TOKEN_SPLIT.split(text)
        get = _NORM_CACHE.get
        words = [get(w) or norm_token(w) for w in parts[1::2]]
    spaced = not text.isascii() and any(" " in word for word in words)
    if _DROPPABLE.isdisjoint(words):
        return Tokens(f" {' '.join(words)} ", words, parts, spaced=spaced)
    # "241-st", "241 th": the suffix goes; "Ukraine's": the possessive s goes.
    bounds = list(accumulate(map(len, parts), initial=0))
    kept_words: list[str] = []
    kept_bounds = [0]
    previous_numeric = False
    for word, start, end in zip(words, bounds[1:-1:2], bounds[2::2], strict=True):
        if previous_numeric and word in _SUFFIXES:
            continue
        if word == "s" and start > 0 and text[start - 1] in _APOSTROPHES:
            continue
        kept_words.append(word)
        kept_bounds += (start, end)
        previous_numeric = word.isdigit()
    # The same layout as the running length: a last item after the tokens.
    kept_bounds.append(len(text))
    return Tokens(f" {' '.join(kept_words)} ", kept_words, None, kept_bounds, spaced=spaced)


_PHRASES: dict[str, Tokens] = {}


def tokenize_phrase(phrase: str) -> Tokens:
    """``tokenize`` for short phrases that recur (speaker names), cached."""
    found = _PHRASES.get(phrase)
    if found is None:
        if len(_PHRASES) > 50_000:
            _PHRASES.clear()
        found = _PHRASES[phrase] = tokenize(phrase)
    return found


def clear_caches() -> None:
    """Forget the normalised tokens and phrases kept per text."""
    _NORM_CACHE.clear()
    _PHRASES.clear()


def norm_key(name: str) -> str:
    return tokenize(name).joined


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int
    payload: Any
    key: str


# A listed name as an automaton holds it: the characters after its opening space (its end less its
# start), the tokens after its first, its payload and its key.
_Name = tuple[int, int, Any, str]


def _longest_first(candidate: tuple[int, _Name]) -> tuple[int, int]:
    end, (size, _tokens, _payload, _key) = candidate
    return (-size, end - size)


_START = itemgetter(0)


class NameMatcher:
    """Finds every listed name in a text, longest first, on token boundaries."""

    def __init__(self, names: Iterable[tuple[str, Any]], *, automaton: bool = True) -> None:
        self.keys: dict[str, Any] = {}
        self._names: dict[str, _Name] = {}
        for name, payload in names:
            key = norm_key(name)
            if key.strip() and key not in self.keys:
                self.keys[key] = payload
                self._names[key] = (len(key) - 1, key.strip().count(" "), payload, key)
        self._empty = not self.keys
        # Its own automaton, or a slot in one shared with other matchers (see ``_NameGroup``).
        self._automaton = ahocorasick.Automaton()
        self._group: _NameGroup | None = None
        self._slot = 0
        if automaton:
            for key, found in self._names.items():
                self._automaton.add_word(key, found)
            if not self._empty:
                self._automaton.make_automaton()

    def find(self, tokens: Tokens) -> list[Hit]:
        return [Hit(start, end, payload, key) for start, end, payload, key in self.matches(tokens)]

    def matches(self, tokens: Tokens) -> list[tuple[int, int, Any, str]]:
        """What ``find`` gives as (start, end, payload, key): for callers that make hits of their own."""
        if self._empty:
            return []
        # (end, name): the end is the offset in ``joined`` of the space after the name.
        if self._group is not None:
            found = self._group.found(tokens)[self._slot]
        else:
            found = list(self._automaton.iter(tokens.joined))
        if not found:
            return []
        if len(found) > 1:
            # Longest match wins; overlapping shorter ones go.
            found = sorted(found, key=_longest_first)
        taken: list[tuple[int, int]] = []
        hits: list[tuple[int, int, Any, str]] = []
        bounds = tokens.bounds
        for end, (size, more, payload, key) in found:
            # The name's tokens lie between the spaces at ``start`` and ``end``.
            start = end - size
            if taken and any(start + 1 < t_end and t_start < end - 1 for t_start, t_end in taken):
                continue
            first = tokens.token_at(start + 1)
            if first is None:
                continue
            taken.append((start + 1, end - 1))
            hits.append((bounds[2 * first + 1], bounds[2 * (first + more) + 2], payload, key))
        if len(hits) > 1:
            hits.sort(key=_START)
        return hits


class _NameGroup:
    """One automaton for several matchers: every sentence is searched for places, units and claimants,
    and one pass over its tokens finds them all. What it finds is kept with the tokens, by matcher."""

    def __init__(self, matchers: Iterable[NameMatcher]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._size = 0
        names: dict[str, list[tuple[int, _Name]]] = {}
        for slot, matcher in enumerate(matchers):
            matcher._group, matcher._slot = self, slot
            self._size += 1
            for key, found in matcher._names.items():
                names.setdefault(key, []).append((slot, found))
        for key, by_slot in names.items():
            self._automaton.add_word(key, tuple(by_slot))
        if names:
            self._automaton.make_automaton()

    def found(self, tokens: Tokens) -> list[list[tuple[int, _Name]]]:
        """(end, name) for each name found in ``tokens``, by matcher, in the order the automaton gives."""
        kept = tokens._found
        if kept is not None and kept[0] is self:
            return kept[1]
        by_slot: list[list[tuple[int, _Name]]] = [[] for _ in range(self._size)]
        for end, names in self._automaton.iter(tokens.joined):
            for slot, name in names:
                by_slot[slot].append((end, name))
        tokens._found = (self, by_slot)
        return by_slot


@dataclass(frozen=True, slots=True)
class RegionEntry:
    name: str
    country: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    name: str
    region: str | None
    kind: str = "settlement"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class UnitEntry:
    name: str
    side: str | None
    kind: str = "other"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimantEntry:
    name: str
    side: str | None
    aliases: tuple[str, ...] = ()


def _aliases(record: Mapping[str, Any]) -> tuple[str, ...]:
    return tuple(a for a in record.get("aliases") or () if isinstance(a, str) and a.strip())


@dataclass
class Registries:
    """The four registries the engine reads, with their matchers compiled on first use."""

    regions: list[RegionEntry] = field(default_factory=list)
    places: list[PlaceEntry] = field(default_factory=list)
    units: list[UnitEntry] = field(default_factory=list)
    claimants: list[ClaimantEntry] = field(default_factory=list)

    @classmethod
    def from_dicts(
        cls,
        *,
        regions: Iterable[Mapping[str, Any]] = (),
        places: Iterable[Mapping[str, Any]] = (),
        units: Iterable[Mapping[str, Any]] = (),
        claimants: Iterable[Mapping[str, Any]] = (),
    ) -> Registries:
        built = cls(
            regions=[RegionEntry(r["name"], r.get("country") or "other", _aliases(r)) for r in regions],
            places=[
                PlaceEntry(p["name"], p.get("region"), p.get("kind") or "settlement", _aliases(p))
                for p in places
            ],
            units=[UnitEntry(u["name"], u.get("side"), u.get("kind") or "other", _aliases(u)) for u in units],
            claimants=[ClaimantEntry(c["name"], c.get("side"), _aliases(c)) for c in claimants],
        )
        built.compile()
        return built

    # Readings of texts kept with the registries they were made with (by the engine and places).
    TEXT_CACHES = ("_sentence_names", "_phrase_claimants", "_phrase_units", "_fuzzy_cache", "_fuzzy_words")

    def clear_text_caches(self) -> None:
        """Forget the readings of texts kept with these registries; the compiled matchers stay."""
        for name in self.TEXT_CACHES:
            self.__dict__.pop(name, None)

    def compile(self) -> None:
        """Build every matcher now (they are otherwise built on first use)."""
        _ = self.place_matcher, self.unit_matcher, self.claimant_matcher
        _ = self.fuzzy_places, self.numbered_units

    @cached_property
    def _name_matchers(self) -> tuple[NameMatcher, NameMatcher, NameMatcher]:
        """The place, unit and claimant matchers, searching with one automaton (see ``_NameGroup``)."""
        names: list[tuple[str, Any]] = []
        # Places before regions: the same key keeps its first payload, and a town named in the text
        # is more specific than an oblast of the same name.
        for place in self.places:
            for name in (place.name, *place.aliases):
                names.append((name, place))
        for region in self.regions:
            for name in (region.name, *region.aliases):
                names.append((name, region))
        matchers = (
            NameMatcher(names, automaton=False),
            NameMatcher(
                ((name, unit) for unit in self.units for name in (unit.name, *unit.aliases)), automaton=False
            ),
            NameMatcher(
                (
                    (name, claimant)
                    for claimant in self.claimants
                    for name in (claimant.name, *claimant.aliases)
                ),
                automaton=False,
            ),
        )
        _NameGroup(matchers)
        return matchers

    @cached_property
    def place_matcher(self) -> NameMatcher:
        return self._name_matchers[0]

    @cached_property
    def unit_matcher(self) -> NameMatcher:
        return self._name_matchers[1]

    @cached_property
    def claimant_matcher(self) -> NameMatcher:
        return self._name_matchers[2]

    @cached_property
    def numbered_units(self) -> dict[tuple[int, str], list[tuple[frozenset[str], UnitEntry]]]:
        """Numbered formations by number and formation word, for spellings the aliases miss."""
        from .units import numbered_units

        return numbered_units(self.units)

    @cached_property
    def claimant_names(self) -> frozenset[str]:
        return frozenset(claimant.name for claimant in self.claimants)

    @cached_property
    def region_by_name(self) -> dict[str, RegionEntry]:
        return {region.name: region for region in self.regions}

    @cached_property
    def fuzzy_places(self) -> dict[str, Any]:
        """Single-word place and region names by their transliteration key, for spellings not listed."""
        from .places import translit_key

        table: dict[str, Any] = {}
        for place in self.places:
            for name in (place.name, *place.aliases):
                if " " not in name.strip() and len(name) >= 5:
                    table.setdefault(translit_key(name), place)
        for region in self.regions:
            for name in (region.name, *region.aliases):
                words = name.split()
                if (
                    len(words) == 2
                    and words[1].lower() in ("oblast", "region", "krai", "province")
                    or len(words) == 1
                ):
                    base = words[0]
                else:
                    continue
                if len(base) >= 5:
                    table.setdefault(translit_key(base), region)
        return table

    @cached_property
    def fuzzy_keys(self) -> tuple[str, ...]:
        """The keys of ``fuzzy_places`` in order, the choices of the fuzzy match."""
        return tuple(self.fuzzy_places)


def default_seed_dir() -> Path:
    # <repo>/extraction/registries.py -> <repo>/claims/seed_data
    return Path(__file__).resolve().parents[1] / "claims" / "seed_data"


def load_seed_registries(path: str | Path | None = None) -> Registries:
    """Registries from the repository's seed files (``claims/seed_data/*.json``); missing files are empty."""
    folder = Path(path) if path is not None else default_seed_dir()

    def read(name: str) -> list[dict[str, Any]]:
        file = folder / f"{name}.json"
        if not file.exists():
            return []
        with file.open(encoding="utf-8") as handle:
            data = json.load(handle)
        return data if isinstance(data, list) else []

    return Registries.from_dicts(
        regions=read("regions"), places=read("places"), units=read("units"), claimants=read("claimants")
    )
