"""A big alternation of word-level patterns, tried only at word starts and only with the alternatives
that can begin with the character found there.

Python's ``re`` tries every alternative of a large alternation at every position; for the engine's
vocabularies (nouns, verbs, time expressions) that is most of the extraction time. Splitting the
alternatives by their possible first character keeps each attempt small and gives the same matches
as the original alternation in the same order (leftmost, then first alternative).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_DIGITS = frozenset("0123456789")
_SPACE = frozenset(" \t\n\r\f\v")


def _first_of_sequence(items: list[tuple[object, object]]) -> tuple[frozenset[str] | None, bool]:
    found: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return frozenset(found), False
    return frozenset(found), True


def _first_of_item(op: object, av: object) -> tuple[frozenset[str] | None, bool]:  # noqa: C901
    if op is _c.LITERAL:
        return frozenset({chr(av)}), False  # type: ignore[arg-type]
    if op is _c.IN:
        chars: set[str] = set()
        for kind, value in av:  # type: ignore[attr-defined]
            if kind is _c.LITERAL:
                chars.add(chr(value))
            elif kind is _c.RANGE:
                low, high = value
                if high - low > 300:
                    return None, False
                chars.update(chr(code) for code in range(low, high + 1))
            elif kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
                chars |= _DIGITS
            elif kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
                chars |= _SPACE
            else:
                return None, False
        return frozenset(chars), False
    if op is _c.SUBPATTERN:
        return _first_of_sequence(list(av[-1]))  # type: ignore[index]
    if op is _c.BRANCH:
        union: set[str] = set()
        nullable = False
        for branch in av[1]:  # type: ignore[index]
            first, branch_nullable = _first_of_sequence(list(branch))
            if first is None:
                return None, False
            union |= first
            nullable = nullable or branch_nullable
        return frozenset(union), nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or getattr(_c, "POSSESSIVE_REPEAT", None) is op:
        low, _high, inner = av  # type: ignore[misc]
        first, nullable = _first_of_sequence(list(inner))
        return first, nullable or low == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return frozenset(), True
    return None, False


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with; None when any character can."""
    parsed = _p.parse(pattern, flags)
    first, nullable = _first_of_sequence(list(parsed))
    return None if nullable else first


def _piece(alternative: tuple[str, str]) -> str:
    name, pattern = alternative
    # An empty name: the pattern names its own groups.
    return f"(?P<{name}>{pattern})" if name else pattern


class WordAlternation:
    """``finditer`` over lower-cased text for named alternatives, at word starts only."""

    def __init__(
        self,
        alternatives: list[tuple[str, str]],
        *,
        before: str = r"(?<![\w-])",
        after: str = r"(?![\w-])",
        word_start: str = r"(?<![\w-])\w",
        flags: int = 0,
    ) -> None:
        self.names = [name for name, _ in alternatives]
        starts: list[frozenset[str] | None] = [first_chars(pattern, flags) for _, pattern in alternatives]
        chars: set[str] = set()
        for first in starts:
            if first is not None:
                chars |= first
        self._any = [i for i, first in enumerate(starts) if first is None]
        self._by_char: dict[str, re.Pattern[str]] = {}
        cache: dict[tuple[int, ...], re.Pattern[str]] = {}
        for char in chars:
            chosen = tuple(i for i, first in enumerate(starts) if first is None or char in first)
            if chosen not in cache:
                body = "|".join(_piece(alternatives[i]) for i in chosen)
                cache[chosen] = re.compile(f"{before}(?:{body}){after}", flags)
            self._by_char[char] = cache[chosen]
        fallback = tuple(self._any)
        self._fallback = None
        if fallback:
            body = "|".join(_piece(alternatives[i]) for i in fallback)
            self._fallback = re.compile(f"{before}(?:{body}){after}", flags)
        self._word_start = re.compile(word_start)

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        stop = len(text) if end is None else end
        taken = start
        for word in self._word_start.finditer(text, start, stop):
            position = word.start()
            if position < taken:
                continue
            pattern = self._by_char.get(text[position], self._fallback)
            if pattern is None:
                continue
            match = pattern.match(text, position, stop)
            if match is not None and match.end() > match.start():
                taken = match.end()
                yield match
