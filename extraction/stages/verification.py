"""Does the article say it could not verify the figures? ("could not be independently verified")"""

from __future__ import annotations

import re

from ..document import Document
from ..patterns import Caseless

_UNVERIFIED = re.compile(
    r"(?i)\b(?:could\s+not|cannot|can\s*not|can't|couldn't|was\s+unable\s+to|is\s+unable\s+to|were\s+unable\s+to|"
    r"unable\s+to|not\s+(?:been\s+)?possible\s+to|impossible\s+to|did\s+not|has\s+not|have\s+not|had\s+not)\s+"
    r"(?:be\s+)?(?:independently\s+)?(?:verif|confirm|corroborat)|\b(?:could|can)\s+not\s+be\s+(?:independently\s+)?"
    r"(?:verified|confirmed)|\bnot\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)\b|"
    r"\bunverified\b|\bhas\s+not\s+been\s+(?:independently\s+)?verified"
)

# Case-blind matching is several times slower in ``re``; this runs over the whole article.
_UNVERIFIED_LOW = Caseless(_UNVERIFIED)


def unverified(doc: Document) -> bool:
    # Every phrase of the pattern holds one of these stems: most articles are cleared without a scan.
    lowered = doc.text.lower()
    if "verif" not in lowered and "confirm" not in lowered and "corroborat" not in lowered:
        return False
    return _UNVERIFIED_LOW.found(doc.text)
