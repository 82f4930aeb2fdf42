"""The Aho-Corasick matcher that finds a registry's names in a token stream, longest first."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

import ahocorasick

from .tokens import Tokens, norm_key


@dataclass(slots=True)
class Hit:
    """A listed name found in a text: where, what the registry holds for it, and the key it matched."""

    start: int
    end: int
    payload: Any
    key: str

    def moved(self, by: int) -> Hit:
        """The same, ``by`` characters further on."""
        return Hit(self.start + by, self.end + by, self.payload, self.key)


# A listed name as an automaton holds it: the characters after its opening space (its end less its
# start), the tokens after its first, its payload and its key.
_Name = tuple[int, int, Any, str]


def _longest_first(candidate: tuple[int, _Name]) -> tuple[int, int]:
    end, (size, _tokens, _payload, _key) = candidate
    return (-size, end - size)


# The key that sorts hits (and other readings with a start) in text order.
by_start = attrgetter("start")


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
        # Its own automaton, or a slot in one shared with other matchers (see ``NameGroup``).
        self._automaton = ahocorasick.Automaton()
        self._group: NameGroup | None = None
        self._slot = 0
        if automaton:
            for key, found in self._names.items():
                self._automaton.add_word(key, found)
            if not self._empty:
                self._automaton.make_automaton()

    def find(self, tokens: Tokens) -> list[Hit]:
        """Every listed name in ``tokens``, in order, at offsets in the text they were read from."""
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
        hits: list[Hit] = []
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
            hits.append(Hit(bounds[2 * first + 1], bounds[2 * (first + more) + 2], payload, key))
        if len(hits) > 1:
            hits.sort(key=by_start)
        return hits


class NameGroup:
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
