"""A big alternation of word-level patterns, tried only at word starts and only with the alternatives
that can begin with the character found there.

Python's ``re`` tries every alternative of a large alternation at every position; for the engine's
vocabularies (nouns, verbs, time expressions) that is most of the extraction time. Splitting the
alternatives by their possible first character keeps each attempt small and gives the same matches
as the original alternation in the same order (leftmost, then first alternative).
"""

from __future__ import annotations

import re
import sys
import weakref
from bisect import bisect_left
from collections.abc import Callable, Iterator

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_DIGITS = frozenset("0123456789")
# Word starts by word-start pattern and text.
_STARTS: dict[str, dict[str, tuple[int, ...]]] = {}
# Every alternation built, so that ``clear_caches`` reaches their per-text candidate lists.
_ALTERNATIONS: weakref.WeakSet[WordAlternation] = weakref.WeakSet()
_SPACE = frozenset(" \t\n\r\f\v")
_MATCH_START = re.Match.start


def _chars(op: object, av: object) -> set[str] | None:
    """The characters a literal or a class can match (ASCII digits and spaces for ``\\d`` and ``\\s``);
    None when they are too many or unknown."""
    if op is _c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    chars: set[str] = set()
    for kind, value in av:  # type: ignore[attr-defined]
        if kind is _c.LITERAL:
            chars.add(chr(value))
        elif kind is _c.RANGE:
            low, high = value
            if high - low > 300:
                return None
            chars.update(chr(code) for code in range(low, high + 1))
        elif kind is _c.CATEGORY and value is _c.CATEGORY_DIGIT:
            chars |= _DIGITS
        elif kind is _c.CATEGORY and value is _c.CATEGORY_SPACE:
            chars |= _SPACE
        else:
            return None
    return chars


# What a literal or a class (``_c.LITERAL`` or ``_c.IN``) contributes to the set of first characters.
_Leaf = Callable[[object, object], "set[str] | None"]


def _first_of_sequence(
    items: list[tuple[object, object]], leaf: _Leaf = _chars, *, plain_groups: bool = False
) -> tuple[set[str] | None, bool]:
    """(what ``leaf`` gives for every item a match can begin with, whether the sequence can match empty);
    None when unknown. ``plain_groups``: a group with local flags is unknown."""
    found: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av, leaf, plain_groups)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _first_of_item(op: object, av: object, leaf: _Leaf, plain_groups: bool) -> tuple[set[str] | None, bool]:
    if op is _c.LITERAL or op is _c.IN:
        return leaf(op, av), False
    if op is _c.SUBPATTERN:
        if plain_groups and (av[1] or av[2]):  # type: ignore[index]
            return None, False
        return _first_of_sequence(list(av[-1]), leaf, plain_groups=plain_groups)  # type: ignore[index]
    if op is _c.BRANCH:
        union: set[str] = set()
        nullable = False
        for branch in av[1]:  # type: ignore[index]
            first, branch_nullable = _first_of_sequence(list(branch), leaf, plain_groups=plain_groups)
            if first is None:
                return None, False
            union |= first
            nullable = nullable or branch_nullable
        return union, nullable
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or getattr(_c, "POSSESSIVE_REPEAT", None) is op:
        low, _high, inner = av  # type: ignore[misc]
        first, nullable = _first_of_sequence(list(inner), leaf, plain_groups=plain_groups)
        return first, nullable or low == 0
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True
    return None, False


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with; None when any character can."""
    parsed = _p.parse(pattern, flags)
    first, nullable = _first_of_sequence(list(parsed))
    return None if nullable or first is None else frozenset(first)


# Prefixes are worked out over ASCII only: a text whose first two characters are not both ASCII is
# always tried. These are the ASCII characters ``\d``, ``\s`` and ``\w`` match in a str pattern.
_ASCII = frozenset(chr(code) for code in range(128))
_CATEGORIES = {
    _c.CATEGORY_DIGIT: frozenset(ch for ch in _ASCII if ch.isdecimal()),
    _c.CATEGORY_SPACE: frozenset(ch for ch in _ASCII if ch.isspace()),
    _c.CATEGORY_WORD: frozenset(ch for ch in _ASCII if ch.isalnum() or ch == "_"),
}
_CATEGORIES[_c.CATEGORY_NOT_DIGIT] = _ASCII - _CATEGORIES[_c.CATEGORY_DIGIT]
_CATEGORIES[_c.CATEGORY_NOT_SPACE] = _ASCII - _CATEGORIES[_c.CATEGORY_SPACE]
_CATEGORIES[_c.CATEGORY_NOT_WORD] = _ASCII - _CATEGORIES[_c.CATEGORY_WORD]
_PREFIX_LIMIT = 6000


def _prefixes_of_sequence(items: list[tuple[object, object]], k: int) -> set[str] | None:
    """The first ``k`` characters a match of the sequence can begin with, and its whole text where it
    can be shorter (ASCII texts only); None when that set is too large or unknown."""
    open_: set[str] = {""}
    done: set[str] = set()
    for op, av in items:
        item = _prefixes_of_item(op, av, k)
        if item is None:
            return None
        grown: set[str] = set()
        for head in open_:
            for tail in item:
                joined = head + tail
                if len(joined) >= k:
                    done.add(joined[:k])
                else:
                    grown.add(joined)
        open_ = grown
        if len(open_) + len(done) > _PREFIX_LIMIT:
            return None
        if not open_:
            break
    return done | open_


def _class_chars(items: list[tuple[object, object]]) -> set[str] | None:
    chars: set[str] = set()
    negate = False
    for kind, value in items:
        if kind is _c.NEGATE:
            negate = True
        elif kind is _c.LITERAL:
            chars.add(chr(value))  # type: ignore[arg-type]
        elif kind is _c.RANGE:
            low, high = value  # type: ignore[misc]
            chars.update(chr(code) for code in range(low, min(high, 127) + 1))
        elif kind is _c.CATEGORY and value in _CATEGORIES:
            chars |= _CATEGORIES[value]
        else:
            return None
    chars &= _ASCII
    return set(_ASCII - chars) if negate else chars


def _prefixes_of_item(op: object, av: object, k: int) -> set[str] | None:  # noqa: C901
    if op is _c.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is _c.NOT_LITERAL:
        return set(_ASCII - {chr(av)})  # type: ignore[arg-type]
    if op is _c.ANY:
        return set(_ASCII - {"\n"})
    if op is _c.IN:
        return _class_chars(list(av))  # type: ignore[arg-type]
    if op is _c.SUBPATTERN:
        if av[1] or av[2]:  # type: ignore[index]
            return None  # local flags
        return _prefixes_of_sequence(list(av[-1]), k)  # type: ignore[index]
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            found = _prefixes_of_sequence(list(branch), k)
            if found is None:
                return None
            union |= found
        return union
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or getattr(_c, "POSSESSIVE_REPEAT", None) is op:
        low, high, inner = av  # type: ignore[misc]
        once = _prefixes_of_sequence(list(inner), k)
        if once is None or "" in once:
            return None
        found: set[str] = set()
        # Every copy takes a character at least, so k copies decide the first k characters.
        for count in range(min(low, k), min(high, k) + 1):
            found |= _prefixes_of_sequence([(_c.SUBPATTERN, (None, 0, 0, inner))] * count, k) or set()
        return found
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        # Zero-width: ignoring what it requires only widens the set.
        return {""}
    return None


def prefixes(pattern: str, flags: int = 0, k: int = 2) -> frozenset[str] | None:
    """The first ``k`` characters a match of ``pattern`` can begin with (shorter strings: whole matches);
    None when any text can begin one."""
    parsed = _p.parse(pattern, flags)
    if (flags | parsed.state.flags) & (re.IGNORECASE | re.DOTALL):
        return None
    found = _prefixes_of_sequence(list(parsed), k)
    if found is None or "" in found:
        return None
    return frozenset(found)


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
        self._candidate_cache: dict[str, tuple[list[int], list[re.Pattern[str] | None]]] = {}
        _ALTERNATIONS.add(self)
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
        # The same sentence is read by several alternations (and several times over ranges): its word
        # starts are found once. Lookbehinds see the whole text, so a range only filters them.
        cache = _STARTS.setdefault(self._word_start.pattern, {})
        found = cache.get(text)
        if found is None:
            if len(cache) > 4096:
                cache.clear()
            found = cache[text] = list(map(_MATCH_START, self._word_start.finditer(text)))
        return found

    def _candidates(self, text: str) -> tuple[list[int], list[re.Pattern[str] | None]]:
        """The word starts where an alternative can begin (a pattern for their first character and, where
        the first characters are ASCII, a known head), and the pattern to try at each."""
        found = self._candidate_cache.get(text)
        if found is not None:
            return found
        if len(self._candidate_cache) > 4096:
            self._candidate_cache.clear()
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
            found = self._candidate_cache[text] = (positions, patterns)
            return found
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
        found = self._candidate_cache[text] = (positions, patterns)
        return found

    def matches(self, text: str, start: int = 0, end: int | None = None) -> list[re.Match[str]]:
        """The matches in ``text[start:end]``, as ``finditer`` over the original alternation: leftmost, then
        first alternative, none inside another and none empty."""
        positions, patterns = self._candidates(text)
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


def clear_caches() -> None:
    """Forget the word starts and candidates kept per text."""
    _STARTS.clear()
    for alternation in list(_ALTERNATIONS):
        alternation._candidate_cache.clear()


_CATEGORY_CLASSES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}


def _class_pieces(op: object, av: object) -> set[str] | None:
    r"""A literal or a class written as pieces of a character class, ``\d``, ``\s`` and ``\w`` kept whole
    (they match more than ASCII)."""
    if op is _c.LITERAL:
        return {re.escape(chr(av))}  # type: ignore[arg-type]
    pieces: set[str] = set()
    for kind, value in av:  # type: ignore[attr-defined]
        if kind is _c.LITERAL:
            pieces.add(re.escape(chr(value)))
        elif kind is _c.RANGE:
            pieces.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
        elif kind is _c.CATEGORY and value in _CATEGORY_CLASSES:
            pieces.add(_CATEGORY_CLASSES[value])
        else:
            return None
    return pieces


def presence(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds a match wherever ``pattern`` finds one (in the same texts, at other spans), for a
    yes/no test; None where it would not be faster.

    A pattern that opens with a word boundary or a lookbehind makes ``re`` try it at every position. Led
    by a class of the characters its matches can begin with, ``re`` skips to those characters and tries
    the pattern there, behind the character it took (``(?<=(?=...).)``)."""
    if pattern.flags & (re.IGNORECASE | re.DOTALL | re.VERBOSE) or "(?" in pattern.pattern[:2]:
        return None
    parsed = list(_p.parse(pattern.pattern, pattern.flags))
    if not parsed or parsed[0][0] not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT, _c.BRANCH):
        return None  # ``re`` already skips ahead to a literal or a class
    if parsed[0][0] is _c.BRANCH and all(branch and branch[0][0] is _c.LITERAL for branch in parsed[0][1][1]):
        return None  # the same: a branch of literals
    first, nullable = _first_of_sequence(parsed, _class_pieces, plain_groups=True)
    if not first or nullable:
        return None
    # ``.`` takes the character the match begins with: never a newline, as no match can begin with one.
    led = "[" + "".join(sorted(first)) + "]"
    if re.fullmatch(led, "\n"):
        return None
    return re.compile(f"{led}(?<=(?={pattern.pattern}).)", pattern.flags)


# Letters that case-blind matching pairs with ASCII ones although lower-casing does not ("İ", "ı", "ſ",
# the Kelvin sign): a text holding one is searched with the case-blind pattern itself.
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and agrees with case-blind matching; None otherwise."""
    low = text.lower()
    if len(low) != len(text) or (not text.isascii() and any(ch in text for ch in _ODD_CASE)):
        return None
    return low


# An upper-case letter that is not part of an escape (``\S``, ``\W``) or of ``(?P<name>``.
_UPPER_LITERAL = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]")


class Caseless:
    """A case-blind pattern run as a case-sensitive one over lower-cased text: Python's ``re`` is several
    times faster without IGNORECASE. Only for patterns whose literals are all lower case (checked).

    The matches are those of the original pattern, at the same offsets; their text is lower-cased.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.original = pattern
        source = pattern.pattern
        if source.startswith("(?i)"):
            source = source[4:]
        elif not pattern.flags & re.IGNORECASE:
            raise ValueError(f"not a case-blind pattern: {source[:60]!r}")
        if _UPPER_LITERAL.search(source):
            raise ValueError(f"upper-case literal in {source[:60]!r}")
        self.lowered = re.compile(source, pattern.flags & ~re.IGNORECASE)
        if self.lowered.flags & re.IGNORECASE:
            raise ValueError(f"case-blind flag inside {source[:60]!r}")
        self._presence = presence(self.lowered)

    def found(self, text: str, *, low: str | None = None) -> bool:
        """``self.search(text) is not None``, found faster where the pattern allows (see ``presence``)."""
        if low is None:
            low = text.lower()
            if len(low) != len(text) or (not text.isascii() and any(ch in text for ch in _ODD_CASE)):
                return self.original.search(text) is not None
        return (self._presence or self.lowered).search(low) is not None

    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, *, low: str | None = None
    ) -> re.Match[str] | None:
        """As ``re.Pattern.search``; ``low`` is ``lowered(text)`` when the caller has it already."""
        if low is None:
            # ``lowered`` written out: these run several times for every figure.
            low = text.lower()
            if len(low) != len(text) or (not text.isascii() and any(ch in text for ch in _ODD_CASE)):
                return self.original.search(text, pos, endpos)
        return self.lowered.search(low, pos, endpos)

    def match(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, *, low: str | None = None
    ) -> re.Match[str] | None:
        """As ``re.Pattern.match``; ``low`` as for ``search``."""
        if low is None:
            # ``lowered`` written out: these run several times for every figure.
            low = text.lower()
            if len(low) != len(text) or (not text.isascii() and any(ch in text for ch in _ODD_CASE)):
                return self.original.match(text, pos, endpos)
        return self.lowered.match(low, pos, endpos)
