"""A big alternation of word-level patterns, tried only at word starts and only with the alternatives
that can begin with the character found there.

Python's ``re`` tries every alternative of a large alternation at every position; for the engine's
vocabularies (nouns, verbs, time expressions) that is most of the extraction time. Splitting the
alternatives by their possible first character keeps each attempt small and gives the same matches
as the original alternation in the same order (leftmost, then first alternative).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from .syntax import first_chars, prefixes

_MATCH_START = re.Match.start
# A text's candidates (``WordAlternation.candidates``): positions, and the pattern to try at each.
Candidates = tuple[list[int], list["re.Pattern[str] | None"]]


# The character before a word start, for each word-start pattern ``_candidates`` knows how to find by it.
_BEFORE_WORD = {r"(?<![\w-])\w": r"[^\w-]", r"\b\w": r"\W"}
_WORD_CHAR = re.compile(r"\w")


def _trie(words: list[str]) -> str:
    """An alternation that matches where one of ``words`` begins, nested by character: ``re`` passes over
    an alternative whose first literal differs at a glance, so each attempt reads a few characters."""
    tails: dict[str, list[str]] = {}
    for word in words:
        tails.setdefault(word[0], []).append(word[1:])
    pieces = []
    for char in sorted(tails):
        rest = tails[char]
        # A word of one character matches whatever follows it.
        pieces.append(re.escape(char) if "" in rest else f"{re.escape(char)}(?:{_trie(rest)})")
    return "|".join(pieces)


def word_trie(words: Iterable[str]) -> str:
    """An alternation that matches exactly ``words``, nested by character (``seven(?:t(?:een|y))?``): ``re``
    passes over a branch whose first character differs at a glance, where a flat alternation tries every
    word in turn. A word that begins a longer one is tried after it, so the texts it finds are those of the
    flat alternation in a yes/no test or before a word boundary, not always the same match."""
    tails: dict[str, list[str]] = {}
    for word in sorted(set(words)):
        if not word:
            raise ValueError("an empty word")
        tails.setdefault(word[0], []).append(word[1:])
    pieces = []
    for char, rest in tails.items():
        longer = [tail for tail in rest if tail]
        if not longer:
            pieces.append(re.escape(char))
            continue
        inner = word_trie(longer)
        if "" in rest:
            pieces.append(f"{re.escape(char)}(?:{inner})?")
        elif len({tail[0] for tail in longer}) == 1:
            pieces.append(re.escape(char) + inner)  # one branch: no alternation to enclose
        else:
            pieces.append(f"{re.escape(char)}(?:{inner})")
    return "|".join(pieces)


def top_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern's top level (``a|b(?:c|d)|[|]`` is ``a``, ``b(?:c|d)``, ``[|]``)."""
    parts: list[str] = []
    depth, begin, index, in_class = 0, 0, 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(source[begin:index])
            begin = index + 1
        index += 1
    parts.append(source[begin:])
    return parts


_PLAIN_WORD = re.compile(r"[a-z]+")


def nested_words(source: str) -> str:
    """An alternation with its plain lower-case words nested by character (``word_trie``), before its other
    alternatives. Closed by a word boundary, it matches where the source does and as far: a plain word is
    then the whole word where it begins, so it cannot be chosen over another alternative that matches
    there unless that one matches the same text (checked by the tests for the patterns built so)."""
    alternatives = top_alternatives(source)
    plain = [a for a in alternatives if _PLAIN_WORD.fullmatch(a)]
    if not plain:
        return source
    return "|".join([word_trie(plain), *(a for a in alternatives if not _PLAIN_WORD.fullmatch(a))])


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
        # A test of the first few characters before each attempt: most words cannot begin any alternative.
        self._width = 0
        self._heads: frozenset[str] = frozenset()
        self._shorts: tuple[str, ...] = ()
        self._heads_first = False
        self._shorts_first = False
        # The alternatives that can begin with each head, and their patterns (compiled on first use).
        self._by_head: dict[str, tuple[int, ...]] = {}
        self._head_patterns: dict[tuple[int, ...], re.Pattern[str]] = {}
        # The pattern by head, the same as through ``_by_head`` and ``_head_patterns`` in one look-up.
        self._pattern_by_head: dict[str, re.Pattern[str]] = {}
        self._source = (alternatives, before, after, flags)
        for width in (3, 2):
            found = [prefixes(pattern, flags, width) for _, pattern in alternatives]
            if all(f is not None for f in found):
                every = frozenset().union(*found)  # type: ignore[arg-type]
                self._width = width
                self._heads = frozenset(p for p in every if len(p) == width)
                # Whole matches shorter than the test.
                self._shorts = tuple(sorted(p for p in every if len(p) < width))
                # Whether every head begins with a character that has a pattern (for ``_candidates``).
                self._heads_first = self._fallback is None and all(h[0] in self._by_char for h in self._heads)
                self._shorts_first = all(p[0] in self._by_char for p in self._shorts)
                for head in self._heads:
                    # An alternative can match where the text begins with one of its heads, or with one of
                    # its whole matches shorter than a head.
                    self._by_head[head] = tuple(
                        i
                        for i, own in enumerate(found)
                        if head in own or any(len(p) < width and head.startswith(p) for p in own)  # type: ignore[union-attr]
                    )
                break
        # Candidates found by one search (see ``_finders``): in ASCII text, and in any text.
        self._marks = b""
        self._ascii_finder: re.Pattern[bytes] | None = None
        self._finder: re.Pattern[str] | None = None
        self._finders(word_start)

    def _finders(self, word_start: str) -> None:
        """Patterns whose matches, in ``" " + text``, begin at the text's candidates (see ``_candidates``),
        where the word-start pattern and the alternatives allow them.

        They match the character before a word start: ``re`` skips ahead to it (about one a word) instead
        of trying a lookbehind at every position and making a match of every word start, and the heads
        are tested inside the same search. In ASCII text every character that can be before a word start
        is first made a space (``_marks``), and ``re`` skips ahead to a literal much faster than to a class.
        That also makes a space of such characters inside a head: a head written with one of them is
        tested with a space there, and the few words taken for it need no more than an attempt that fails
        (an alternative that matches there begins with a known head)."""
        before = _BEFORE_WORD.get(word_start)
        if before is None or not (self._width and self._heads_first and self._shorts_first):
            return
        # A word start is a word character: a head that does not begin with one is never there.
        known = [p for p in (*self._heads, *self._shorts) if _WORD_CHAR.match(p)]
        if not known:
            return
        marks = {code: " " for code in range(128) if re.match(before, chr(code))}
        self._marks = bytes.maketrans(bytes(marks), b" " * len(marks))
        marked = sorted({p.translate(marks) for p in known})
        self._ascii_finder = re.compile(f" (?={_trie(marked)})".encode())
        ways = [_trie(known)]
        chars = sorted(c for c in self._by_char if _WORD_CHAR.match(c))
        if chars:
            # The first few characters hold a non-ASCII one (never a known head): the first character's
            # pattern is tried there.
            led = "[" + "".join(map(re.escape, chars)) + "]"
            ways.append(f"{led}(?=[\\s\\S]{{0,{self._width - 2}}}[^\\x00-\\x7f])")
            odd = [c for c in chars if not c.isascii()]
            if odd:
                ways.append("[" + "".join(map(re.escape, odd)) + "]")
        self._finder = re.compile(f"{before}(?={'|'.join(ways)})")

    def _compile(self, chosen: tuple[int, ...]) -> re.Pattern[str]:
        alternatives, before, after, flags = self._source
        body = "|".join(_piece(alternatives[i]) for i in chosen)
        pattern = self._head_patterns[chosen] = re.compile(f"{before}(?:{body}){after}", flags)
        return pattern

    def _pattern_at(self, text: str, position: int) -> re.Pattern[str] | None:
        """The pattern to try at a candidate: the alternatives that can begin with the text's first few
        characters are far fewer than those that can begin with its first character, and a smaller pattern
        fails faster. Leaving out ones that cannot match there changes no match, and the rest keep their
        order."""
        head = text[position : position + self._width]
        pattern = self._pattern_by_head.get(head)
        if pattern is None:
            chosen = self._by_head.get(head)
            if chosen is None:
                # Not a known head (non-ASCII text, or a whole match shorter than a head).
                return self._by_char.get(text[position], self._fallback)
            pattern = self._head_patterns.get(chosen) or self._compile(chosen)
            self._pattern_by_head[head] = pattern
        return pattern

    def _starts(self, text: str) -> list[int]:
        # Lookbehinds see the whole text, so a range only filters them.
        return list(map(_MATCH_START, self._word_start.finditer(text)))

    def candidates(self, text: str) -> Candidates:
        """The word starts of ``text`` where an alternative can begin (a pattern for their first character
        and, where the first characters are ASCII, a known head), and the pattern to try at each: worth
        keeping where the same text is read over several ranges."""
        by_char, fallback, width = self._by_char, self._fallback, self._width
        heads, shorts = self._heads, self._shorts
        if self._finder is not None:
            # The leading space stands for the character before the text: a match at the separator before a
            # word begins, in the padded text, at the word's own offset in ``text``.
            if text.isascii():
                marked = (" " + text).encode().translate(self._marks)
                positions = list(map(_MATCH_START, self._ascii_finder.finditer(marked)))  # type: ignore[union-attr]
            else:
                positions = list(map(_MATCH_START, self._finder.finditer(" " + text)))
            by_head = self._pattern_by_head
            patterns = [by_head.get(text[p : p + width]) or self._pattern_at(text, p) for p in positions]
            return positions, patterns
        if self._heads_first and self._shorts_first and text.isascii():
            # Every head and every short whole match begins with a character that has a pattern, and every
            # head of an ASCII text is ASCII: the head test alone decides (what the general case gives).
            if shorts:
                positions = [
                    p
                    for p in self._starts(text)
                    if text[p : p + width] in heads or text.startswith(shorts, p)
                ]
            else:
                positions = [p for p in self._starts(text) if text[p : p + width] in heads]
        elif self._heads_first:
            # One pass: a known head begins with a character that has a pattern, so only the other
            # tests need the character's.
            positions = [
                p
                for p in self._starts(text)
                if text[p : p + width] in heads
                or (
                    text[p] in by_char
                    and (not text[p : p + width].isascii() or (shorts and text.startswith(shorts, p)))
                )
            ]
        else:
            positions = [p for p in self._starts(text) if fallback is not None or text[p] in by_char]
            if width:
                positions = [
                    p
                    for p in positions
                    if text[p : p + width] in heads
                    or not text[p : p + width].isascii()
                    or (shorts and text.startswith(shorts, p))
                ]
        if width:
            patterns = [self._pattern_at(text, p) for p in positions]
        else:
            patterns = [by_char.get(text[p], fallback) for p in positions]
        return positions, patterns

    def matches(
        self, text: str, start: int = 0, end: int | None = None, candidates: Candidates | None = None
    ) -> list[re.Match[str]]:
        """The matches in ``text[start:end]``, as ``finditer`` over the original alternation: leftmost, then
        first alternative, none inside another and none empty. ``candidates``: ``self.candidates(text)``
        when the caller keeps it."""
        positions, patterns = candidates if candidates is not None else self.candidates(text)
        found: list[re.Match[str]] = []
        if not positions:
            return found
        stop = len(text) if end is None else end
        taken = start
        if start:
            first = bisect_left(positions, start)
            positions, patterns = positions[first:], patterns[first:]
        for position, pattern in zip(positions, patterns, strict=True):
            if position >= stop:
                break
            if position < taken:
                continue
            match = pattern.match(text, position, stop)  # type: ignore[union-attr]
            if match is not None:
                matched_end = match.end()
                if matched_end > position:
                    taken = matched_end
                    found.append(match)
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
        return iter(self.matches(text, start, end))
