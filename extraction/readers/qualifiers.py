"""The hedge in front of a figure: "more than", "up to", "about"; exact when there is none."""

from __future__ import annotations

import re

from .. import lexicon
from ..patterns import Caseless

_HEDGES = lexicon.load().hedges

# Case-blind, run over lower-cased text (``Caseless``: several times faster in ``re``, same matches).
_HEDGE = Caseless(
    re.compile(
        r"(?i)(?:^|(?<=[\s(\"'\u201c\u2014\u2013:,-]))(?:"
        + "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(_HEDGES.PHRASES))
        + r")\s*$"
    )
)
# ``_HEDGE`` for lower-cased text behind a space, led by the character before the phrase so that ``re``
# skips ahead to it; its match starts one character before ``_HEDGE``'s.
_HEDGE_LED = re.compile(
    r"[\s(\"'\u201c\u2014\u2013:,-](?:"
    + "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(_HEDGES.PHRASES))
    + r")\s*$"
)
_KINDS = {f"q{i}": kind for i, (_, kind) in enumerate(_HEDGES.PHRASES)}
# A trailing "or so", "or more", "+" also hedges.
_AFTER = re.compile(r"(?i)^\s*(?:\+|or\s+more\b|-plus\b|plus\b|or\s+so\b)")
# The same for lower-cased text, run with a start and an end position (no ``^``, no slice).
_AFTER_LOW = re.compile(r"\s*(?:\+|or\s+more\b|-plus\b|plus\b|or\s+so\b)")


def qualifier_before(sentence: str, start: int, low: str | None = None) -> tuple[str, int]:
    """(qualifier, start of its phrase) for a figure starting at ``start``; ("exact", start) if none.
    ``low``: ``lowered(sentence)`` when the caller has it."""
    window_start = max(0, start - 30)
    window = sentence[window_start:start] if low is None else low[window_start:start]
    # The window's last word ends with one of ``LAST_WORDS`` when the window does (they hold no space).
    if not (window.rstrip() if low is not None else window.rstrip().lower()).endswith(_HEDGES.LAST_WORDS):
        return "exact", start
    # ``_HEDGE_LED``'s match starts one character before the phrase in " " + window: at the phrase's offset
    # in the window.
    match = _HEDGE.search(window) if low is None else _HEDGE_LED.search(" " + window)
    if match is None:
        return "exact", start
    # Exactly one phrase group takes part in a match.
    return _KINDS[match.lastgroup], window_start + match.start()  # type: ignore[index]


def qualifier_after(sentence: str, end: int, low: str | None = None) -> str | None:
    """The hedge a figure ending at ``end`` carries after it ("1,000+", "500 or more", "300 or so").
    ``low``: ``lowered(sentence)`` when the caller has it."""
    match = (
        _AFTER_LOW.match(low, end, end + 12) if low is not None else _AFTER.match(sentence[end : end + 12])
    )
    if match is None:
        return None
    return "about" if "so" in match.group(0).lower() else "at_least"
