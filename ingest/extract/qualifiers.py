"""The hedge in front of a figure: "more than", "up to", "about"; exact when there is none."""

from __future__ import annotations

import re

from .fastre import Caseless

# Longest phrases first so "just over" is read before "over".
_PHRASES: tuple[tuple[str, str], ...] = (
    (r"more\s+than", "at_least"),
    (r"over", "at_least"),
    (r"at\s+least", "at_least"),
    (r"in\s+excess\s+of", "at_least"),
    (r"upwards?\s+of", "at_least"),
    (r"no\s+(?:fewer|less)\s+than", "at_least"),
    (r"not\s+(?:fewer|less)\s+than", "at_least"),
    (r"a\s+minimum\s+of", "at_least"),
    (r"minimum\s+of", "at_least"),
    (r"just\s+(?:over|above)", "at_least"),
    (r"above", "at_least"),
    (r"exceeding", "at_least"),
    (r"beyond", "at_least"),
    (r"some\s+more\s+than", "at_least"),
    (r"well\s+over", "at_least"),
    (r"up\s+to", "up_to"),
    (r"as\s+many\s+as", "up_to"),
    (r"as\s+much\s+as", "up_to"),
    (r"at\s+most", "up_to"),
    (r"no\s+more\s+than", "up_to"),
    (r"not\s+more\s+than", "up_to"),
    (r"a\s+maximum\s+of", "up_to"),
    (r"maximum\s+of", "up_to"),
    (r"(?:fewer|less)\s+than", "up_to"),
    (r"under", "up_to"),
    (r"just\s+(?:under|below|shy\s+of)", "about"),
    (r"about", "about"),
    (r"around", "about"),
    (r"roughly", "about"),
    (r"nearly", "about"),
    (r"almost", "about"),
    (r"approximately", "about"),
    (r"approx\.?", "about"),
    (r"some", "about"),
    (r"an\s+estimated", "about"),
    (r"estimated", "about"),
    (r"est\.", "about"),
    (r"close\s+to", "about"),
    (r"circa", "about"),
    (r"ca\.", "about"),
    (r"~", "about"),
    (r"an\s+approximate", "about"),
    (r"reportedly\s+around", "about"),
    (r"about\s+a", "about"),
    (r"around\s+a", "about"),
    (r"nearly\s+a", "about"),
    (r"almost\s+a", "about"),
    (r"more\s+than\s+a", "at_least"),
    (r"over\s+a", "at_least"),
    (r"up\s+to\s+a", "up_to"),
)
# Case-blind, run over lower-cased text (``Caseless``: several times faster in ``re``, same matches).
_HEDGE = Caseless(
    re.compile(
        r"(?i)(?:^|(?<=[\s(\"'\u201c\u2014\u2013:,-]))(?:"
        + "|".join(f"(?P<q{i}>{pattern})" for i, (pattern, _) in enumerate(_PHRASES))
        + r")\s*$"
    )
)
_KINDS = {f"q{i}": kind for i, (_, kind) in enumerate(_PHRASES)}
# A trailing "or so", "or more", "+" also hedges.
_AFTER = re.compile(r"(?i)^\s*(?:\+|or\s+more\b|-plus\b|plus\b|or\s+so\b)")


# The words a hedge phrase can end with: a window whose last word ends with none of them holds no hedge,
# which spares the scan of the whole window for most figures.
_LAST_WORDS = (
    "than", "over", "least", "of", "above", "exceeding", "beyond", "to", "as", "most", "under", "below",
    "about", "around", "roughly", "nearly", "almost", "approximately", "approx", ".", "some", "estimated",
    "circa", "~", "approximate", "a",
)  # fmt: skip


def qualifier_before(sentence: str, start: int) -> tuple[str, int]:
    """(qualifier, start of its phrase) for a figure starting at ``start``; ("exact", start) if none."""
    window = sentence[max(0, start - 30) : start]
    words = window.split()
    if not words or not words[-1].lower().endswith(_LAST_WORDS):
        return "exact", start
    match = _HEDGE.search(window)
    if match is None:
        return "exact", start
    kind = next(_KINDS[name] for name, value in match.groupdict().items() if value is not None)
    return kind, start - (len(window) - match.start())


def qualifier_after(tail: str) -> str | None:
    """The hedge a figure carries after it ("1,000+", "500 or more", "300 or so")."""
    match = _AFTER.match(tail)
    if match is None:
        return None
    return "about" if "so" in match.group(0).lower() else "at_least"
