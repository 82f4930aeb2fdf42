"""Readings kept per text: for the rest of the article being read, and beyond it for text that recurs.

A reading of a sentence (its figures, nouns, side words, ...) depends on its text alone, and the engine asks
for the same one several times while it reads an article. Wire copy and boilerplate recur across articles, so
a reading is worth keeping beyond its article too; but most sentences are never seen again. Keeping every
reading for good (an ``lru_cache`` of 16,384 per reader) filled the heap with objects that Python's cyclic
garbage collector then walked on every full collection: about a tenth of the bench's time went there. Here a
reading is kept for the rest of its article, and beyond it only once its text has come back in a later
article. Which readings are kept changes no result: each is the same whenever it is worked out.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Any, NamedTuple, TypeVar

_T = TypeVar("_T")


class CacheInfo(NamedTuple):
    currsize: int


class Memo(dict[Hashable, _T]):
    """``function``'s results, kept as above. Looked up as ``memo[text]``, or ``memo[text, other]`` for a
    function of several arguments (``spread``): a hit is a plain dict look-up, several times cheaper than a
    call, and the engine makes some 300 of them an article."""

    def __init__(self, function: Callable[..., _T], maxsize: int, *, spread: bool = False) -> None:
        super().__init__()
        self.__wrapped__ = function
        self.maxsize = maxsize
        self.spread = spread
        # Which readings are the current article's alone, and which are kept for good (oldest first).
        self._young: list[Hashable] = []
        self._old: dict[Hashable, None] = {}
        # Hashes of what earlier articles asked for: a text asked for again in a later article is kept.
        self._seen: set[int] = set()
        _MEMOS.add(self)

    def __missing__(self, key: Hashable) -> _T:
        found = self[key] = self.__wrapped__(*key) if self.spread else self.__wrapped__(key)  # type: ignore[misc]
        if hash(key) in self._seen:
            if len(self._old) >= self.maxsize:
                oldest = next(iter(self._old))
                del self._old[oldest], self[oldest]
            self._old[key] = None
        else:
            self._young.append(key)
        return found

    # Memos are compared and hashed as the objects they are, not as the dicts they hold.
    __eq__ = object.__eq__  # type: ignore[assignment]
    __hash__ = object.__hash__  # type: ignore[assignment]

    def next_article(self) -> None:
        if self._young:
            if len(self._seen) > 8 * self.maxsize:
                self._seen.clear()
            self._seen.update(map(hash, self._young))
            for key in self._young:
                self.pop(key, None)
            self._young.clear()

    def cache_clear(self) -> None:
        self.clear()
        self._young.clear()
        self._old.clear()
        self._seen.clear()

    def cache_info(self) -> CacheInfo:
        return CacheInfo(len(self))


def memoized(maxsize: int, *, spread: bool = False) -> Callable[[Callable[..., _T]], Memo[_T]]:
    """``Memo`` as a decorator."""
    return lambda function: Memo(function, maxsize, spread=spread)


_MEMOS: weakref.WeakSet[Memo[Any]] = weakref.WeakSet()


def next_article() -> None:
    """A new article begins: what the last one alone asked for is let go."""
    for memo in list(_MEMOS):
        memo.next_article()
