"""Case-blind patterns run fast: over lower-cased text, without ``re``'s case-blind matching."""

from __future__ import annotations

import re
import sys

from .syntax import presence

# Letters that case-blind matching pairs with ASCII ones although lower-casing does not ("İ", "ı", "ſ",
# the Kelvin sign): a text holding one is searched with the case-blind pattern itself.
_ODD_CASE = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> str | None:
    """``text.lower()`` when it keeps every offset and agrees with case-blind matching; None otherwise."""
    low = text.lower()
    if not text.isascii() and (len(low) != len(text) or any(ch in text for ch in _ODD_CASE)):
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
        # What ``found`` searches the lower-cased text with.
        self._finder = self._presence or self.lowered

    def found(self, text: str, *, low: str | None = None) -> bool:
        """``self.search(text) is not None``, found faster where the pattern allows (see ``presence``)."""
        if low is None:
            low = text.lower()
            # (ASCII text keeps its length and holds no odd letter: most text is spared the tests.)
            if not text.isascii() and (len(low) != len(text) or any(ch in text for ch in _ODD_CASE)):
                return self.original.search(text) is not None
        return self._finder.search(low) is not None

    def search(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, *, low: str | None = None
    ) -> re.Match[str] | None:
        """As ``re.Pattern.search``; ``low`` is ``lowered(text)`` when the caller has it already."""
        if low is None:
            # ``lowered`` written out: these run several times for every figure.
            low = text.lower()
            if not text.isascii() and (len(low) != len(text) or any(ch in text for ch in _ODD_CASE)):
                return self.original.search(text, pos, endpos)
        return self.lowered.search(low, pos, endpos)

    def match(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize, *, low: str | None = None
    ) -> re.Match[str] | None:
        """As ``re.Pattern.match``; ``low`` as for ``search``."""
        if low is None:
            # ``lowered`` written out: these run several times for every figure.
            low = text.lower()
            if not text.isascii() and (len(low) != len(text) or any(ch in text for ch in _ODD_CASE)):
                return self.original.match(text, pos, endpos)
        return self.lowered.match(low, pos, endpos)
