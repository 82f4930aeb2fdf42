"""What a regular expression's matches can begin with, read from the pattern's own text.

The engine's patterns are its own: a small parser of the syntax they use (literals, escapes, classes,
groups, lookarounds, alternation, repeats, the verbose flag) gives each a tree, and the tree tells which
characters a match can begin with and its first few characters. Only ``re``'s public API is used; a
construct the parser does not know raises ``ValueError`` rather than guessing. Ignoring what a
lookaround or an anchor requires only widens what is found, so the answers can be used to skip text
that no match can start in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

# Nodes of the tree: a literal character, a class, any character, a group (``flagged`` when it sets
# flags of its own), alternatives, a repeat, and a zero-width assertion (anchors, lookarounds, ``\b``).


class Lit(NamedTuple):
    char: str


class In(NamedTuple):
    negate: bool
    # Each item: ("lit", char), ("range", low, high) or ("cat", letter) for \d \D \s \S \w \W.
    items: tuple[tuple[str, ...], ...]


class Any_(NamedTuple):
    pass


class Group(NamedTuple):
    flagged: bool
    items: tuple[object, ...]


class Branch(NamedTuple):
    alternatives: tuple[tuple[object, ...], ...]


class Repeat(NamedTuple):
    low: int
    high: int
    items: tuple[object, ...]


class Zero(NamedTuple):
    pass


MANY = 1 << 30
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "0": "\0"}
_CATEGORIES = "dDsSwW"
_ZERO_ESCAPES = "bBAZ"
_FLAG_LETTERS = {"i": re.IGNORECASE, "x": re.VERBOSE, "s": re.DOTALL, "m": re.MULTILINE, "a": re.ASCII}
_REPEAT_BRACES = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")


class Parsed(NamedTuple):
    items: tuple[object, ...]
    # The flags the pattern sets for itself (``(?i)`` at its start), with those it was compiled with.
    flags: int


def parse(pattern: str, flags: int = 0) -> Parsed:
    parser = _Parser(pattern, flags)
    items = parser.sequence()
    if parser.at < len(pattern):
        raise ValueError(f"unbalanced parenthesis in {pattern[:60]!r}")
    return Parsed(items, parser.flags)


def _alternation(alternatives: list[tuple[object, ...]]) -> tuple[object, ...]:
    """Alternatives as ``re`` reads them: what they all begin with taken out of them, and alternatives of
    one character each made a class (which reads only its ASCII characters for prefixes)."""
    rest = [list(alternative) for alternative in alternatives]
    common: list[object] = []
    while all(rest) and all(alternative[0] == rest[0][0] for alternative in rest):
        common.append(rest[0][0])
        for alternative in rest:
            del alternative[0]
    if all(
        len(a) == 1 and (isinstance(a[0], Lit) or (isinstance(a[0], In) and not a[0].negate)) for a in rest
    ):
        items: list[tuple[str, ...]] = []
        for (node,) in rest:
            items += [("lit", node.char)] if isinstance(node, Lit) else node.items  # type: ignore[attr-defined]
        return (*common, In(False, tuple(dict.fromkeys(items))))
    return (*common, Branch(tuple(tuple(alternative) for alternative in rest)))


def _one_character(node: object) -> bool:
    return isinstance(node, Lit) or (isinstance(node, In) and not node.negate)


class _Parser:
    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.at = 0
        self.flags = flags

    def _skip_verbose(self) -> None:
        source = self.source
        while self.flags & re.VERBOSE and self.at < len(source):
            char = source[self.at]
            if char.isspace():
                self.at += 1
            elif char == "#":
                newline = source.find("\n", self.at)
                self.at = len(source) if newline < 0 else newline + 1
            else:
                return

    def sequence(self) -> tuple[object, ...]:
        """Alternatives up to a closing parenthesis or the end: a sequence, or one ``Branch``."""
        alternatives = [self._items()]
        while self.at < len(self.source) and self.source[self.at] == "|":
            self.at += 1
            alternatives.append(self._items())
        return alternatives[0] if len(alternatives) == 1 else _alternation(alternatives)

    def _items(self) -> tuple[object, ...]:
        items: list[object] = []
        source = self.source
        while True:
            self._skip_verbose()
            if self.at >= len(source) or source[self.at] in "|)":
                return tuple(items)
            atom = self._atom()
            if atom is None:
                continue
            self._skip_verbose()
            repeat = self._repeat()
            if repeat is not None:
                if isinstance(atom, Zero):
                    raise ValueError(f"a repeat of an assertion in {source[:60]!r}")
                atom = Repeat(repeat[0], repeat[1], (atom,))
            items.append(atom)

    def _repeat(self) -> tuple[int, int] | None:
        source = self.source
        if self.at >= len(source):
            return None
        char = source[self.at]
        if char in "*+?":
            bounds = {"*": (0, MANY), "+": (1, MANY), "?": (0, 1)}[char]
            self.at += 1
        elif char == "{" and (braces := _REPEAT_BRACES.match(source, self.at)) and (braces[1] or braces[2]):
            low = int(braces[1] or 0)
            high = low if not braces[2] else int(braces[3]) if braces[3] else MANY
            bounds = (low, high)
            self.at = braces.end()
        else:
            return None
        if self.at < len(source) and source[self.at] in "?+":  # lazy or possessive: the same characters
            self.at += 1
        return bounds

    def _atom(self) -> object | None:
        source = self.source
        char = source[self.at]
        self.at += 1
        if char == "(":
            return self._group()
        if char == "[":
            return self._class()
        if char == ".":
            return Any_()
        if char in "^$":
            return Zero()
        if char == "\\":
            return self._escape(in_class=False)
        if char in "*+?":
            raise ValueError(f"nothing to repeat in {source[:60]!r}")
        return Lit(char)

    def _group(self) -> object | None:
        source = self.source
        flagged = False
        if source.startswith("?", self.at):
            self.at += 1
            kind = source[self.at]
            if kind == ":":
                self.at += 1
            elif kind in "=!":
                self.at += 1
                self.sequence()
                return self._close(Zero())
            elif kind == "<" and source[self.at + 1] in "=!":
                self.at += 2
                self.sequence()
                return self._close(Zero())
            elif kind == "P" and source[self.at + 1] == "<":
                self.at = source.index(">", self.at) + 1
            elif kind == "#":
                self.at = source.index(")", self.at) + 1
                return None
            else:
                letters = re.match(r"([a-zA-Z]*)(?:-([a-zA-Z]+))?([:)])", source[self.at :])
                if letters is None or not set(letters[1] + (letters[2] or "")) <= set(_FLAG_LETTERS):
                    raise ValueError(f"unknown group at {source[self.at - 2 : self.at + 10]!r}")
                self.at += letters.end()
                if letters[3] == ")":  # global flags: ``(?i)``
                    for letter in letters[1]:
                        self.flags |= _FLAG_LETTERS[letter]
                    return None
                flagged = True
        return self._close(Group(flagged, self.sequence()))

    def _close(self, node: object) -> object:
        if not self.source.startswith(")", self.at):
            raise ValueError(f"missing ) in {self.source[:60]!r}")
        self.at += 1
        return node

    def _escape(self, *, in_class: bool) -> object:
        source = self.source
        char = source[self.at]
        self.at += 1
        if char in _CATEGORIES:
            return ("cat", char) if in_class else In(False, (("cat", char),))
        if char in _ZERO_ESCAPES:
            if in_class:
                if char == "b":
                    return ("lit", "\b")
                raise ValueError(f"bad escape \\{char} in a class in {source[:60]!r}")
            return Zero()
        if char in "ux":
            width = 4 if char == "u" else 2
            literal = chr(int(source[self.at : self.at + width], 16))
            self.at += width
        elif char in _ESCAPES:
            literal = _ESCAPES[char]
        elif char.isalnum():
            raise ValueError(f"unsupported escape \\{char} in {source[:60]!r}")
        else:
            literal = char
        return ("lit", literal) if in_class else Lit(literal)

    def _class(self) -> In | Lit:
        source = self.source
        negate = source.startswith("^", self.at)
        if negate:
            self.at += 1
        items: list[tuple[str, ...]] = []
        first = True
        while True:
            char = source[self.at]
            if char == "]" and not first:
                self.at += 1
                if len(items) == 1 and items[0][0] == "lit" and not negate:
                    return Lit(items[0][1])  # as ``re`` reads ``[a]``
                return In(negate, tuple(items))
            first = False
            self.at += 1
            item = self._escape(in_class=True) if char == "\\" else ("lit", char)
            if item[0] == "lit" and source.startswith("-", self.at) and not source.startswith("-]", self.at):
                self.at += 1
                high_char = source[self.at]
                self.at += 1
                high = self._escape(in_class=True) if high_char == "\\" else ("lit", high_char)
                if high[0] != "lit":
                    raise ValueError(f"bad range in {source[:60]!r}")
                items.append(("range", item[1], high[1]))
            else:
                items.append(item)  # type: ignore[arg-type]


# --- what a match can begin with -------------------------------------------------------------------

Leaf = Callable[[object], "set[str] | None"]
_DIGITS = frozenset("0123456789")
_SPACE = frozenset(" \t\n\r\f\v")


def _chars(node: object) -> set[str] | None:
    """The characters a literal or a class can match (ASCII digits and spaces for ``\\d`` and ``\\s``);
    None when they are too many or unknown."""
    if isinstance(node, Lit):
        return {node.char}
    assert isinstance(node, In)
    if node.negate:
        return None
    chars: set[str] = set()
    for item in node.items:
        if item[0] == "lit":
            chars.add(item[1])
        elif item[0] == "range":
            low, high = ord(item[1]), ord(item[2])
            if high - low > 300:
                return None
            chars.update(chr(code) for code in range(low, high + 1))
        elif item == ("cat", "d"):
            chars |= _DIGITS
        elif item == ("cat", "s"):
            chars |= _SPACE
        else:
            return None
    return chars


def first_of(
    items: tuple[object, ...], leaf: Leaf = _chars, *, plain_groups: bool = False
) -> tuple[set[str] | None, bool]:
    """(what ``leaf`` gives for every literal or class a match can begin with, whether the sequence can
    match empty); None when unknown. ``plain_groups``: a group with flags of its own is unknown."""
    found: set[str] = set()
    for node in items:
        first, nullable = _first_of_node(node, leaf, plain_groups)
        if first is None:
            return None, False
        found |= first
        if not nullable:
            return found, False
    return found, True


def _first_of_node(node: object, leaf: Leaf, plain_groups: bool) -> tuple[set[str] | None, bool]:
    if isinstance(node, (Lit, In)):
        return leaf(node), False
    if isinstance(node, Group):
        if plain_groups and node.flagged:
            return None, False
        return first_of(node.items, leaf, plain_groups=plain_groups)
    if isinstance(node, Branch):
        union: set[str] = set()
        nullable = False
        for alternative in node.alternatives:
            first, can_be_empty = first_of(alternative, leaf, plain_groups=plain_groups)
            if first is None:
                return None, False
            union |= first
            nullable = nullable or can_be_empty
        return union, nullable
    if isinstance(node, Repeat):
        first, nullable = first_of(node.items, leaf, plain_groups=plain_groups)
        return first, nullable or node.low == 0
    if isinstance(node, Zero):
        return set(), True
    return None, False  # any character


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can begin with; None when any character can."""
    first, nullable = first_of(parse(pattern, flags).items)
    return None if nullable or first is None else frozenset(first)


# Prefixes are worked out over ASCII only: a text whose first characters are not all ASCII is always
# tried. These are the ASCII characters ``\d``, ``\s`` and ``\w`` (and their opposites) match.
_ASCII = frozenset(chr(code) for code in range(128))
_ASCII_CATEGORIES = {
    "d": frozenset(ch for ch in _ASCII if ch.isdecimal()),
    "s": frozenset(ch for ch in _ASCII if ch.isspace()),
    "w": frozenset(ch for ch in _ASCII if ch.isalnum() or ch == "_"),
}
for _letter in "dsw":
    _ASCII_CATEGORIES[_letter.upper()] = _ASCII - _ASCII_CATEGORIES[_letter]
_PREFIX_LIMIT = 6000


def _class_chars(node: In) -> set[str] | None:
    chars: set[str] = set()
    for item in node.items:
        if item[0] == "lit":
            chars.add(item[1])
        elif item[0] == "range":
            chars.update(chr(code) for code in range(ord(item[1]), min(ord(item[2]), 127) + 1))
        else:
            chars |= _ASCII_CATEGORIES[item[1]]
    chars &= _ASCII
    return set(_ASCII - chars) if node.negate else chars


def _prefixes_of_sequence(items: tuple[object, ...], k: int) -> set[str] | None:
    """The first ``k`` characters a match of the sequence can begin with, and its whole text where it
    can be shorter (ASCII texts only); None when that set is too large or unknown."""
    open_: set[str] = {""}
    done: set[str] = set()
    for node in items:
        tails = _prefixes_of_node(node, k)
        if tails is None:
            return None
        grown: set[str] = set()
        for head in open_:
            for tail in tails:
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


def _prefixes_of_node(node: object, k: int) -> set[str] | None:
    if isinstance(node, Lit):
        return {node.char}
    if isinstance(node, Any_):
        return set(_ASCII - {"\n"})
    if isinstance(node, In):
        return _class_chars(node)
    if isinstance(node, Group):
        return None if node.flagged else _prefixes_of_sequence(node.items, k)
    if isinstance(node, Branch):
        union: set[str] = set()
        for alternative in node.alternatives:
            found = _prefixes_of_sequence(alternative, k)
            if found is None:
                return None
            union |= found
        return union
    if isinstance(node, Repeat):
        once = _prefixes_of_sequence(node.items, k)
        if once is None or "" in once:
            return None
        found = set()
        # Every copy takes a character at least, so k copies decide the first k characters.
        for count in range(min(node.low, k), min(node.high, k) + 1):
            found |= _prefixes_of_sequence((Group(False, node.items),) * count, k) or set()
        return found
    return {""}  # zero-width: ignoring what it requires only widens the set


def prefixes(pattern: str, flags: int = 0, k: int = 2) -> frozenset[str] | None:
    """The first ``k`` characters a match of ``pattern`` can begin with (shorter strings: whole matches);
    None when any text can begin one."""
    parsed = parse(pattern, flags)
    if parsed.flags & (re.IGNORECASE | re.DOTALL):
        return None
    found = _prefixes_of_sequence(parsed.items, k)
    if found is None or "" in found:
        return None
    return frozenset(found)


_CATEGORY_CLASSES = {"d": r"\d", "s": r"\s", "w": r"\w"}


def _class_pieces(node: object) -> set[str] | None:
    r"""A literal or a class written as pieces of a character class, ``\d``, ``\s`` and ``\w`` kept whole
    (they match more than ASCII)."""
    if isinstance(node, Lit):
        return {re.escape(node.char)}
    assert isinstance(node, In)
    if node.negate:
        return None
    pieces: set[str] = set()
    for item in node.items:
        if item[0] == "lit":
            pieces.add(re.escape(item[1]))
        elif item[0] == "range":
            pieces.add(f"{re.escape(item[1])}-{re.escape(item[2])}")
        elif item[1] in _CATEGORY_CLASSES:
            pieces.add(_CATEGORY_CLASSES[item[1]])
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
    items = parse(pattern.pattern, pattern.flags).items
    if not items or not isinstance(items[0], (Zero, Branch)):
        return None  # ``re`` already skips ahead to a literal or a class
    if isinstance(items[0], Branch) and all(
        alternative and isinstance(alternative[0], Lit) for alternative in items[0].alternatives
    ):
        return None  # the same: alternatives that open with literals
    first, nullable = first_of(items, _class_pieces, plain_groups=True)
    if not first or nullable:
        return None
    # ``.`` takes the character the match begins with: never a newline, as no match can begin with one.
    led = "[" + "".join(sorted(first)) + "]"
    if re.fullmatch(led, "\n"):
        return None
    return re.compile(f"{led}(?<=(?={pattern.pattern}).)", pattern.flags)
