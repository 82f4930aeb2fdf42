"""Sides: which side a word or a phrase names.

A side word counts for a figure only where it names an actor: "in Russia's Kursk Oblast",
"into Russian soil" and "the war in Ukraine" are places, not sides. "The enemy" and "the
occupiers" name the side opposite the claimant's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..lexicon.kinds import KP, OTHER, RU, UA
from ..patterns import Caseless, first_chars, lowered

_SIDE_WORDS = lexicon.load().sides.SIDE_WORDS


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern; those of a pattern that is one case-blind group
    (``(?i:a|b)``) each stay case-blind (``(?i:a)``, ``(?i:b)``)."""
    parts: list[str] = []
    depth, begin, index, in_class, enclosed = 0, 0, 0, False, False
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
            # The group opened by the first character closes at the last one.
            enclosed = depth == 0 and index == len(source) - 1 and not parts
        elif char == "|" and depth == 0:
            parts.append(source[begin:index])
            begin = index + 1
        index += 1
    parts.append(source[begin:])
    if enclosed and source.startswith("(?i:") and len(parts) == 1:
        return [f"(?i:{part})" for part in _alternatives(source[4:-1])]
    return parts


# Letters that case-blind matching pairs with ASCII ones although they are not their upper or lower case.
_ODD_LETTERS = "\u0130\u0131\u017f\u212a"


def _first_letters(alternative: str) -> set[str]:
    """The letters a match of an alternative can begin with (all of them, case-blind ones included)."""
    blind = alternative.startswith("(?i:")
    first = first_chars(alternative[4:-1] if blind else alternative)
    if first is None or not all(char.isascii() and char.isalpha() for char in first):
        raise ValueError(f"side word not led by a letter: {alternative[:60]!r}")
    if not blind:
        return set(first)
    found: set[str] = set()
    for char in first:
        same = re.compile(f"(?i:{char})")
        found.update(other for other in {char, char.upper(), *_ODD_LETTERS} if same.fullmatch(other))
    return found


def _side_dispatch() -> tuple[str, dict[str, str]]:
    """The side words as one alternation of their first letters, and the side each marker group names.

    ``re`` tries every alternative of an alternation in turn. Led by its first letter (a literal, which
    ``re`` rejects at once), each branch holds only the side words that can begin with that letter, in
    their order in ``_SIDE_WORDS``: at any one place the words tried, and their order, are those of
    the plain alternation, so the matches are the same. The branch's letter is taken, then a lookahead
    from one character back (``(?<=(?=...).)``) matches the whole word; an empty group closing each
    word (a marker) tells which word matched and where it ends.
    """
    words = [(side, part) for side, source in _SIDE_WORDS for part in _alternatives(source)]
    letters = [_first_letters(part) for _, part in words]
    sides: dict[str, str] = {}
    branches: list[str] = []
    for letter in sorted(set().union(*letters)):
        tried: list[str] = []
        for (side, part), first in zip(words, letters, strict=True):
            if letter in first:
                marker = f"m{len(sides)}"
                sides[marker] = side
                tried.append(f"(?:{part})(?P<{marker}>)")
        branches.append(f"{re.escape(letter)}(?<=(?=(?:{'|'.join(tried)})(?![\\w])).)")
    return "(?:" + "|".join(branches) + ")", sides


_SIDE_WORD, _SIDE_OF_MARKER = _side_dispatch()
# A side word at the start of the range, and one after a character that cannot be part of a word (which
# ``re`` skips ahead to).
_SIDE_AT = re.compile(r"(?<![\w-])" + _SIDE_WORD)
_SIDE_AFTER = re.compile(r"[^\w-]" + _SIDE_WORD)


# Both are anchored by the caller (``fullmatch``, ``match``) in the sentence itself.
_COUNTRY_NAME = re.compile(r"(?:Russia|Ukraine|North\s+Korea|Kyiv|Kiev|Moscow|South\s+Korea)(?:'s|’s)?")
_LOCATIVE_BEFORE = Caseless(
    re.compile(
        r"(?i)(?:\b(?:in|into|inside|across|to|from|within|near|toward|towards|against|on|over|throughout|"
        r"of|at|out\s+of|deep\s+into|invasion\s+of|war\s+in|war\s+on|border\s+with|visit\s+to|attack\s+on|"
        r"strikes?\s+on|targets\s+in|struck|hit|invaded|invade)\s+(?:the\s+)?(?:eastern\s+|western\s+|southern\s+|"
        r"northern\s+|occupied\s+)?)$"
    )
)
_LOCATIVE_AFTER = Caseless(
    re.compile(
        r"(?i)(?:-(?:supplied|made|donated|built|provided|produced|manufactured|designed|developed|delivered|"
        r"origin|style|type|class)\b|[\s-]+(?:territory|territories|soil|border|borders|region|regions|oblast|province|city|cities|"
        r"town|towns|village|villages|capital|airspace|side\s+of\s+the\s+border|lands?|frontier|countryside|"
        r"held|occupied|controlled|annexed|mainland|interior|rear|cities|heartland|economy|government|"
        r"federation|people|civilians|media|officials?|authorities|bloggers?|milbloggers?|war|invasion|"
        r"state\s+media|news|television|outlets?|press|journalists?|embassy|president|leader|ally|allies|"
        r"language|speaking|citizens|sources?|intelligence\s+officials?)\b|(?:'s|’s)?\s+[a-z][a-z]+\s+"
        r"(?:oblast|region|province|border))"
    )
)


@dataclass(slots=True)
class SideMention:
    """A word that names a side (or the enemy, or "they") in a sentence."""

    start: int
    end: int
    # UA, RU, KP, other, "enemy" (opposite the claimant) or "pronoun" (they/their/them).
    side: str
    # Names a place, not an actor ("in Russia's Kursk Oblast", "Russian territory").
    locative: bool

    def moved(self, by: int) -> SideMention:
        """The same, ``by`` characters further on."""
        return SideMention(self.start + by, self.end + by, self.side, self.locative)


def side_mentions(text: str, start: int = 0, end: int | None = None) -> list[SideMention]:
    stop = len(text) if end is None else end
    found: list[SideMention] = []
    low: str | None = None
    match = _SIDE_AT.match(text, start, stop) or _SIDE_AFTER.search(text, start, stop)
    while match is not None:
        marker = match.lastgroup or ""
        # The match ends with the word's first letter; its marker ends with the word.
        begin, finish = match.end() - 1, match.end(marker)
        side = _SIDE_OF_MARKER[marker]
        locative = False
        if side in (UA, RU, KP, OTHER):
            if low is None:
                low = lowered(text) or ""
            # Lower-cased once for the sentence ("" where it cannot be: ``Caseless`` reads the text).
            locative = bool(
                _LOCATIVE_AFTER.match(text, finish, finish + 40, low=low or None)
                or (
                    _COUNTRY_NAME.fullmatch(text, begin, finish)
                    and _LOCATIVE_BEFORE.search(
                        text[max(0, begin - 40) : begin], low=low[max(0, begin - 40) : begin] or None
                    )
                )
            )
        found.append(SideMention(begin, finish, side, locative))
        # No side word begins where one ends: a letter begins each, and none is followed by one.
        match = _SIDE_AFTER.search(text, finish, stop)
    return found


def side_of_phrase(phrase: str) -> str | None:
    """The first side a phrase names ("Ukraine's Defence Ministry" -> UA), ignoring pronouns."""
    for mention in side_mentions(phrase):
        if mention.side in (UA, RU, KP, OTHER):
            return mention.side
    return None


def opposite(side: str | None) -> str | None:
    if side == UA:
        return RU
    if side in (RU, KP):
        return UA
    return None
