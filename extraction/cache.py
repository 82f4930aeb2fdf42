"""What the engine keeps of the texts it has read: for the article being read, and beyond it.

A reading of a sentence (its figures, nouns, side words, ...) depends on its text alone, and the stages
ask for the same one several times while they read an article. Wire copy and boilerplate recur across
articles, so a reading is worth keeping beyond its article too, but most sentences are never seen again,
and keeping every reading for good fills the heap with objects that the garbage collector then walks on
every full collection. So a reading is kept for the rest of its article, and beyond it only once its text
has come back in a later article.

What outlives an article is one ``Kept`` object, held with the registries the readings were made with:
each of its stores is bounded, the oldest entry going first, and ``clear`` empties them all. The stores
are shared by the extractions running at once in one process (the embedded mode runs them in the web
process's threads): a look-up is a plain dict read; what an article alone asked for is held in dicts of
its own (``Article.view``) and goes with them when it ends. Which readings are kept changes no result:
each is the same whenever it is worked out.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

_MISSING = object()
# The article each thread is reading: where a reading worked out for it alone is listed.
_reading_now = threading.local()


class IdentityDict(dict[Hashable, Any]):
    """A dict that is compared and hashed as the object it is, not as what it holds (a cache is one)."""

    __eq__ = object.__eq__  # type: ignore[assignment]
    __hash__ = object.__hash__  # type: ignore[assignment]


class Article:
    """The readings one article asked for: each reading's look-ups in a dict of the article's own
    (``Article.view``), dropped when the article ends (``article_ends``)."""

    __slots__ = ("views", "previous")

    def __init__(self) -> None:
        self.views: dict[Reading, ArticleReading] = {}
        self.previous: Article | None = None

    def view(self, reading: Reading) -> ArticleReading:
        """``reading`` as this article reads it: ``view[text]`` is ``reading[text]``, worked out once."""
        found = self.views.get(reading)
        if found is None:
            found = self.views[reading] = (_SpreadArticleReading if reading.spread else ArticleReading)(
                reading
            )
        return found


def article_begins() -> Article:
    """An article begins in this thread: the readings it asks for are kept for it until it ends."""
    article = Article()
    article.previous = getattr(_reading_now, "article", None)
    _reading_now.article = article
    return article


def article_ends(article: Article) -> None:
    """What ``article`` alone asked for is let go; a text it asked for is kept if a later one asks again."""
    _reading_now.article = article.previous
    for view in article.views.values():
        view.reading.let_go(view)


class ArticleReading(dict[Hashable, Any]):
    """One article's look-ups of a ``Reading``: what it kept for good, else worked out and held here for the
    rest of the article. Dropped with its article, so a text no later article asks for costs no clean-up
    but its hash (see ``Reading.let_go``)."""

    __slots__ = ("reading", "function")

    def __init__(self, reading: Reading) -> None:
        super().__init__()
        self.reading = reading
        self.function = reading.function

    def __missing__(self, key: Hashable) -> Any:
        reading = self.reading
        if reading:
            found = dict.get(reading, key, _MISSING)
            if found is not _MISSING:
                self[key] = found
                return found
        found = self.function(key)
        seen = reading._seen
        if seen and hash(key) in seen:
            reading._keep(key, found)
        self[key] = found
        return found


class _SpreadArticleReading(ArticleReading):
    """The same for a reading of several arguments (``view[text, other]``)."""

    __slots__ = ()

    def __missing__(self, key: Hashable) -> Any:
        reading = self.reading
        if reading:
            found = dict.get(reading, key, _MISSING)
            if found is not _MISSING:
                self[key] = found
                return found
        found = self.function(*key)  # type: ignore[misc]
        seen = reading._seen
        if seen and hash(key) in seen:
            reading._keep(key, found)
        self[key] = found
        return found


class Reading(IdentityDict):
    """``function``'s results by its argument (``reading[text]``; ``reading[text, other]`` with ``spread``):
    those kept beyond the articles that asked for them (at most ``size``, the oldest going first). A hit is a
    plain dict look-up; a miss is worked out once an article (``Article.view``) and nothing is kept outside
    one."""

    def __init__(self, function: Callable[..., Any], size: int, *, spread: bool = False) -> None:
        super().__init__()
        self.function = function
        self.size = size
        self.spread = spread
        # The keys kept beyond their article, oldest first, and the hashes of keys asked for once.
        self._kept: dict[Hashable, None] = {}
        self._seen: set[int] = set()
        self._lock = threading.Lock()

    def __missing__(self, key: Hashable) -> Any:
        article: Article | None = getattr(_reading_now, "article", None)
        if article is None:
            return self.function(*key) if self.spread else self.function(key)  # type: ignore[misc]
        return article.view(self)[key]

    def _keep(self, key: Hashable, value: Any) -> None:
        with self._lock:
            if key not in self._kept and len(self._kept) >= self.size:
                oldest = next(iter(self._kept))
                del self._kept[oldest]
                self.pop(oldest, None)
            self._kept[key] = None
            self[key] = value

    def let_go(self, view: ArticleReading) -> None:
        """An article that has ended read ``view``: a later article that asks again for a key it worked out
        and did not keep keeps it (only the keys' hashes are held till then)."""
        if len(self._seen) > 8 * self.size:
            self._seen.clear()
        kept = self._kept
        self._seen.update(map(hash, [key for key in view if key not in kept] if kept else view))

    def clear(self) -> None:
        with self._lock:
            super().clear()
            self._kept.clear()
            self._seen.clear()


class Store(IdentityDict):
    """A bounded mapping of values kept from their first use (the oldest going first)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size
        self._lock = threading.Lock()

    def keep(self, key: Hashable, value: Any) -> None:
        with self._lock:
            if key not in self and len(self) >= self.size:
                self.pop(next(iter(self)), None)
            self[key] = value

    def clear(self) -> None:
        with self._lock:
            super().clear()


def kept_value(store: Store, key: Hashable, function: Callable[[Any], Any]) -> Any:
    """``function(key)``, kept in ``store``."""
    found = store.get(key, _MISSING)
    if found is _MISSING:
        found = function(key)
        store.keep(key, found)
    return found


class Kept:
    """Everything the engine keeps beyond one article, for one set of registries (``Registries.kept``)."""

    def __init__(self, size: int = 16384) -> None:
        self.size = size
        # Sentence readings, by the function that reads them.
        self._readings: dict[Callable[..., Any], Reading] = {}
        self._lock = threading.Lock()
        # Word- and phrase-level values that recur in most articles: kept from their first use.
        self.tokens = Store(200_000)  # a normalised token by its text
        self.phrases = Store(50_000)  # a phrase's tokens
        self.claimants = Store(size)  # a speaker phrase's registry claimants
        self.phrase_units = Store(size)  # the unit a speaker phrase names
        self.fuzzy_words = Store(20_000)  # what a capitalised word names through its key
        self.fuzzy_choices = Store(20_000)  # the registry key a fuzzy match of a key picks

    def reading(
        self, function: Callable[..., Any], *, spread: bool = False, compute: Callable[..., Any] | None = None
    ) -> Reading:
        """The reading of sentence texts by ``function`` (worked out by ``compute`` where ``function`` needs
        more than the text, such as these registries)."""
        found = self._readings.get(function)
        if found is None:
            with self._lock:
                found = self._readings.get(function)
                if found is None:
                    found = self._readings[function] = Reading(compute or function, self.size, spread=spread)
        return found

    def stores(self) -> list[dict[Hashable, Any]]:
        fixed: list[dict[Hashable, Any]] = [
            value for value in vars(self).values() if isinstance(value, Store)
        ]
        return fixed + list(self._readings.values())

    def clear(self) -> None:
        """Forget everything kept, so that the next article is read as if no text had been seen before."""
        for store in self.stores():
            store.clear()  # type: ignore[call-arg]
