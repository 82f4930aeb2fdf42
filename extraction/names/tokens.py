"""A text as the name matchers read it: normalised tokens, with their offsets in the text.

Names are matched on a normalised token stream: case, punctuation, apostrophes, possessives, ordinal
suffixes ("241th", "241-st") and British spellings do not count.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate, count
from operator import add
from typing import Any

from .. import lexicon
from ..cache import Kept, Store, kept_value

_SPELLING = lexicon.load().names.TOKEN_SPELLINGS

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_TOKEN_SPLIT = re.compile(r"([^\W_]+)", re.UNICODE)
# The same for lower-cased ASCII text, where ``[^\W_]`` is ``[a-z0-9]``: a class of ASCII characters is
# tested by a table look-up, Unicode's word characters by their properties one at a time.
_ASCII_TOKEN_SPLIT = re.compile(r"([a-z0-9]+)")
# Every byte but ASCII letters and digits made a space: the tokens of lower-cased ASCII text are then the
# words ``bytes.split`` finds.
_ASCII_SPACED = bytes(code if chr(code).isascii() and chr(code).isalnum() else 32 for code in range(256))
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|d)$")
# A token of lower-cased ASCII text that ``_ORDINAL`` matches, led by a digit so that ``re`` skips ahead.
_ORDINAL_TOKEN = re.compile(r"[0-9](?<![a-z0-9][0-9])[0-9]*(?:st|nd|rd|th|d)(?![a-z0-9])")
_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.lower()


def norm_token(token: str) -> str:
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

    __slots__ = ("joined", "words", "spaced", "_parts", "_lowered", "_bounds", "_starts", "_found")

    def __init__(
        self,
        joined: str,
        words: list[str],
        parts: list[str] | None,
        bounds: list[int] | None = None,
        *,
        spaced: bool = False,
        lowered: str | None = None,
    ) -> None:
        self.joined = joined
        self.words = words
        # Whether a token holds a space (a few compatibility characters fold to one): ``joined`` then has
        # more spaces than separators, and a name's first token is looked up in ``starts``.
        self.spaced = spaced
        self._parts = parts
        # Lower-cased ASCII text whose split gives the parts, split only when the offsets are asked for.
        self._lowered = lowered
        self._bounds = bounds
        self._starts: dict[int, int] | None = None
        # The names the registries' automaton found (see ``matcher.NameGroup``): (the group, its finds).
        self._found: tuple[object, list[list[tuple[int, Any]]]] | None = None

    @property
    def bounds(self) -> list[int]:
        if self._bounds is None:
            parts = self._parts
            if parts is None and self._lowered is not None:
                parts = _ASCII_TOKEN_SPLIT.split(self._lowered)
            self._bounds = list(accumulate(map(len, parts or ()), initial=0))
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


def _ascii_norm(word: str) -> str:
    """``norm_token`` of a lower-cased ASCII word."""
    ordinal = _ORDINAL.match(word) if word[:1].isdecimal() else None
    return ordinal.group(1) if ordinal else _SPELLING.get(word, word)


def tokenize(text: str, kept: Store | None = None) -> Tokens:
    """``text``'s tokens; ``kept``: normalised tokens kept by their text (see ``cache.Kept.tokens``)."""
    # One split gives the tokens (odd items) and, by the running length of all items, their offsets (ASCII
    # text is split for its offsets only when they are asked for).
    lowered: str | None = None
    if text.isascii():
        # An ASCII token's folded form is its lower-case: one ``lower`` of the text folds them all (and
        # keeps every offset). Only ordinals and British spellings are then left to normalise.
        low = text.lower()
        # The tokens are the runs of letters and digits: every other character made a space, ``split``
        # finds them (in C, three times as fast as the pattern's split); the offsets wait for a name found.
        words = low.encode().translate(_ASCII_SPACED).decode().split()
        parts, lowered = None, low
        if _ORDINAL_TOKEN.search(low):
            words = [_ascii_norm(w) for w in words]
        elif not _SPELLING.keys().isdisjoint(words):
            words = [_SPELLING.get(w, w) for w in words]
    else:
        parts = _TOKEN_SPLIT.split(text)
        if kept is None:
            words = [norm_token(w) for w in parts[1::2]]
        else:
            get = kept.get
            words = [get(w) or kept_value(kept, w, norm_token) for w in parts[1::2]]
    spaced = not text.isascii() and any(" " in word for word in words)
    if _DROPPABLE.isdisjoint(words):
        return Tokens(f" {' '.join(words)} ", words, parts, spaced=spaced, lowered=lowered)
    # "241-st", "241 th": the suffix goes; "Ukraine's": the possessive s goes.
    if parts is None:
        parts = _ASCII_TOKEN_SPLIT.split(lowered or "")
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


def tokenize_phrase(phrase: str, kept: Kept) -> Tokens:
    """``tokenize`` for short phrases that recur (speaker names), kept."""
    found = kept.phrases.get(phrase)
    if found is None:
        found = tokenize(phrase, kept.tokens)
        kept.phrases.keep(phrase, found)
    return found


def norm_key(name: str) -> str:
    return tokenize(name).joined
