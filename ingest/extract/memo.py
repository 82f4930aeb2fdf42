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
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

_T = TypeVar("_T")
_MISSING: Any = object()


class CacheInfo(NamedTuple):
    currsize: int


class Memo(Generic[_T]):
    """``function`` with its results kept as above; called with the same positional arguments."""

    def __init__(self, function: Callable[..., _T], maxsize: int) -> None:
        self.__wrapped__ = function
        self.maxsize = maxsize
        # Readings of the current article, and of text met in two articles (oldest first).
        self._young: dict[tuple[Any, ...], _T] = {}
        self._old: dict[tuple[Any, ...], _T] = {}
        # Hashes of what earlier articles asked for: a text asked for again in a later article is kept.
        self._seen: set[int] = set()
        _MEMOS.add(self)

    def __call__(self, *key: Any) -> _T:
        found = self._old.get(key, _MISSING)
        if found is _MISSING:
            found = self._young.get(key, _MISSING)
            if found is _MISSING:
                found = self.__wrapped__(*key)
                if hash(key) in self._seen:
                    if len(self._old) >= self.maxsize:
                        del self._old[next(iter(self._old))]
                    self._old[key] = found
                else:
                    self._young[key] = found
        return found

    def next_article(self) -> None:
        if self._young:
            if len(self._seen) > 8 * self.maxsize:
                self._seen.clear()
            self._seen.update(map(hash, self._young))
            self._young.clear()

    def cache_clear(self) -> None:
        self._young.clear()
        self._old.clear()
        self._seen.clear()

    def cache_info(self) -> CacheInfo:
        return CacheInfo(len(self._young) + len(self._old))


def memoized(maxsize: int) -> Callable[[Callable[..., _T]], Memo[_T]]:
    """``Memo`` as a decorator."""
    return lambda function: Memo(function, maxsize)


_MEMOS: weakref.WeakSet[Memo[Any]] = weakref.WeakSet()


def next_article() -> None:
    """A new article begins: what the last one alone asked for is let go."""
    for memo in list(_MEMOS):
        memo.next_article()
