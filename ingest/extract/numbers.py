"""Find the counts in a sentence: figures and number words, ranges, and the words that hedge them.

Everything that looks like a number but counts nothing is left out here: years, days of a date,
times, ages, calibres and model designations ("80th", "T-72", "203mm"), money, percentages,
distances and durations ("12 months", "three days": durations are read by :mod:`dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fastre import lowered
from .qualifiers import qualifier_after, qualifier_before

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD_VALUES = {**_UNITS, **_TENS}

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)

_NUMBER_WORD = "|".join(sorted([*_WORD_VALUES, *_SCALES, "dozen"], key=len, reverse=True))
# A figure in digits ("1,610", "1 610", "1.2", "133190") or a run of number words.
_ATOM = re.compile(
    r"(?P<digits>(?<![\w.,/])(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,])|\d+)"
    r"(?:\.\d+)?)"
    r"|(?P<words>\b(?:an?\s+)?(?:"
    + _NUMBER_WORD
    + r")(?:(?:[\s\-]+(?:and\s+)?)(?:"
    + _NUMBER_WORD
    + r"))*\b)",
    re.IGNORECASE,
)
# For lower-cased text. The lookahead states where a figure can begin: at a word start (both branches
# require one), on a digit or on the first letter of "a"/"an" or of a number word. ``re`` then skips
# most positions without trying either branch; it only restates what they require, so the matches are
# the same.
_ATOM_FIRST = "".join(sorted({"a", *(word[0] for word in _NUMBER_WORD.split("|"))}))
_ATOM_LOW = re.compile(rf"(?=\b[\d{_ATOM_FIRST}])(?:{_ATOM.pattern})", _ATOM.flags & ~re.IGNORECASE)
_SCALE_AFTER = re.compile(
    r"\s*(?:(?P<scale>million|thousand|mln|m|k)\b|(?P<scale2>[kK])(?![\w]))", re.IGNORECASE
)

# After a figure: what makes it a measure rather than a count.
_NOT_COUNT_AFTER = re.compile(
    r"""(?ix)^(?:
        \s*(?:%|percent|per\s?cent|pct|percentage)
      | \s*-?\s*(?:km|kms|kilomet|mile|metre|meter|m\b|cm\b|mm\b|kg\b|ton|tonne|hectare|ha\b|sq\b|square|acre|
                 feet|foot|ft\b|inch|nautical|knots?\b|degrees?|°|kph|mph|km/h|hrs?\b|gb\b|mb\b)
      | \s*-?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|mins?\b|seconds?|nights?|decades?|centur)
      | \s*-?(?:year|month|day|week|hour|minute|point|page|fold|storey|story)\b
      | \s*(?:billion|bn\b|trillion|tn\b)
      | \s*(?:dollars|euros?|pounds|rubles|roubles|hryvnias?|hryvnia|usd|eur|uah|rub)\b
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|cet|kyiv\s+time|local\s+time|o'clock|hrs\b|h\b)
      | :\d
      | \s*(?:st|nd|rd|th)\b
      | \s*(?:times|votes|points|seats|pages|percentage|runs|goals|rounds\s+of\s+talks)\b
      | [a-z]
      | -(?!\d|strong|plus|odd|some)[a-z]
    )"""
)
# The same, case-sensitive for lower-cased text (several times faster than the case-blind pattern).
_NOT_COUNT_AFTER_LOW = re.compile("(?x)" + _NOT_COUNT_AFTER.pattern.removeprefix("(?ix)"))
_NOT_COUNT_BEFORE = re.compile(
    r"""(?ix)(?:
        [$\u20ac\u00a3\u20b4\u20bd\u00a5]\s*
      | (?:no\.|nos\.|number|\#|aged|age|ages|article|resolution|section|chapter|page|pp?\.|line|
           highway|route|
           flight|room|block|level|phase|stage|vol\.?|volume|episode|season|part|grade|class|type|model|mark|mk|
           version|world\s+war|paragraph|item|clause|decree|law|code|order|protocol|minsk|group\s+of|top|
           usd|eur|uah|rub|rs\.?|dollars?|euros?|ages\s+of|between\s+the\s+ages\s+of|the\s+age\s+of|
           year|population\s+of|squad|lot|building|house|street|st\.|road|leopard|challenger|leclerc|pzh|block|
           tier|gen|patriot|storm|kn|hwasong|iskander|tochka|tor|buk|osa|msta|project)\s*
      | [A-Za-z]-
      | :
    )$"""
)
# ``_NOT_COUNT_BEFORE`` read without a regex scan of the whole window (the scan tried every keyword at
# every position): the keywords as plain endings of the lower-cased, space-collapsed window.
_NOT_COUNT_WORDS = (
    "no.", "nos.", "number", "#", "aged", "age", "ages", "article", "resolution", "section", "chapter",
    "page", "p.", "pp.", "line", "highway", "route", "flight", "room", "block", "level", "phase", "stage",
    "vol", "vol.", "volume", "episode", "season", "part", "grade", "class", "type", "model", "mark", "mk",
    "version", "world war", "paragraph", "item", "clause", "decree", "law", "code", "order", "protocol",
    "minsk", "group of", "top", "usd", "eur", "uah", "rub", "rs", "rs.", "dollar", "dollars", "euro", "euros",
    "ages of", "between the ages of", "the age of", "year", "population of", "squad", "lot", "building",
    "house", "street", "st.", "road", "leopard", "challenger", "leclerc", "pzh", "tier", "gen", "patriot",
    "storm", "kn", "hwasong", "iskander", "tochka", "tor", "buk", "osa", "msta", "project",
)  # fmt: skip
_CURRENCY = tuple("$\u20ac\u00a3\u20b4\u20bd\u00a5")
_DASH_OR_COLON_END = re.compile(r"(?i)(?:[A-Za-z]-|:)$")
_SPACE_RUN = re.compile(r"\s+")


def _not_count_before(before: str) -> bool:
    """``_NOT_COUNT_BEFORE.search(before)``: a currency sign, a label ("No.", "aged", "T-"), a colon."""
    if _DASH_OR_COLON_END.search(before[-3:]):
        return True
    tail = before.rstrip()
    if tail.endswith(_CURRENCY):
        return True
    return _SPACE_RUN.sub(" ", tail).lower().endswith(_NOT_COUNT_WORDS)


_MONTH_BEFORE = re.compile(_MONTHS + r"\.?\s+$")
_MONTH_AFTER = re.compile(r"^\s*(?:of\s+)?" + _MONTHS + r"\b")
_YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
_RANGE_BETWEEN = re.compile(r"(?i)\bbetween\s+$")
_RANGE_JOIN = re.compile(r"^\s*(?:-|\u2013|\u2014|to|or)\s*$", re.IGNORECASE)
_RANGE_JOIN_AND = re.compile(r"^\s*and\s*$", re.IGNORECASE)
_DELTA = re.compile(r"\(\s*\+\s*$")
_RANGE_TAIL = re.compile(r"\d\s*(?:-|\u2013|\u2014|to|and|or)\s*$")


@dataclass(frozen=True, slots=True)
class Figure:
    """A count in a sentence. ``start``/``end`` cover the figure itself (both ends of a range);
    ``qstart`` also covers its hedge ("more than", "up to")."""

    start: int
    end: int
    qstart: int
    value: int
    value_max: int | None
    qualifier: str
    raw: str
    # "(+1,230)" after a running total in a General Staff style tally: the day's increase.
    delta: bool = False
    # Spelt with an indefinite article as the whole count: "a tank" is not found here, but
    # "a thousand" is; word figures are weaker evidence of a count than digits.
    words: bool = False


_WORD_SPLIT = re.compile(r"[\s\-]+")
# "from 300 to 400": a change between two figures, not a range.
_RISE_BEFORE = re.compile(r"(?i)\b(?:from|rose|increased|grew|up)\s*$")


def parse_words(phrase: str) -> int | None:
    """Value of a run of number words ("twenty-five", "a THOUSAND", "a dozen", "one hundred and two")."""
    tokens = [t for t in _WORD_SPLIT.split(phrase.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        if len(tokens) == 1:
            return None
        tokens[0] = "one"
    total = 0
    current = 0
    seen = False
    for token in tokens:
        if token in _WORD_VALUES:
            current += _WORD_VALUES[token]
            seen = True
        elif token == "dozen":
            current = (current or 1) * 12
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in ("thousand", "million"):
            total += (current or 1) * _SCALES[token]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_DIGIT_GROUPING = re.compile(r"[,\s\u00a0\u202f]")


def _digits_value(raw: str) -> float:
    return float(_DIGIT_GROUPING.sub("", raw))


def _scaled(value: float, scale: str | None) -> int:
    if scale:
        scale = scale.lower()
        if scale in ("million", "mln", "m"):
            value *= 1_000_000
        elif scale in ("thousand", "k"):
            value *= 1000
    return int(round(value))


def _atoms(sentence: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, value, words) of every count-like figure, measures and dates left out."""
    atoms: list[tuple[int, int, int, bool]] = []
    last_end = -1
    last_kept = False
    low = lowered(sentence)
    # Case-blind scanning is several times slower in ``re``: the lower-cased copy keeps every offset.
    for match in _ATOM_LOW.finditer(low) if low is not None else _ATOM.finditer(sentence):
        start, end = match.span()
        if start < last_end:
            continue
        # The second figure of a range shares the fate of the first ("Dec. 14-15" is a date).
        tail_of_range = (
            last_end >= 0
            and start - last_end <= 6
            and bool(_RANGE_TAIL.search(sentence[max(0, start - 8) : start]))
        )
        previous_kept, last_kept, last_end = last_kept, False, end
        if tail_of_range and not previous_kept:
            continue
        atom = _read_atom(sentence, match, start, end)
        if atom is None:
            continue
        start, end, value, words = atom
        last_end = end
        if not tail_of_range and not _is_count(sentence, start, end, words, low):
            continue
        atoms.append(atom)
        last_kept = True
    return atoms


def _read_atom(
    sentence: str, match: re.Match[str], start: int, end: int
) -> tuple[int, int, int, bool] | None:
    scale: str | None = None
    if match.group("digits"):
        raw = match.group("digits")
        scale_match = _SCALE_AFTER.match(sentence, end)
        if scale_match:
            scale = scale_match.group("scale") or scale_match.group("scale2")
            # "500 m" is a distance, not half a billion.
            if scale and scale.lower() == "m":
                scale = None
            if scale:
                end = scale_match.end()
        if "." in raw and not scale:
            # A decimal that is not "1.2 million" counts nothing (calibres, ratios).
            return None
        if _YEAR.match(raw) and not scale:
            return None
        return start, end, _scaled(_digits_value(raw), scale), False
    raw = match.group("words")
    lowered = raw.lower()
    first, _, rest = lowered.partition(" ")
    if first in ("a", "an") and rest.split("-")[0].split()[0] not in (
        "hundred",
        "thousand",
        "million",
        "dozen",
    ):
        # "a" opening an ordinary noun phrase ("a two-day pause"): keep only the number word.
        start += len(raw) - len(raw[len(first) :].lstrip())
        raw = sentence[start:end]
        lowered = raw.lower()
    if lowered in ("hundred", "thousand", "million", "dozen"):
        # A bare scale word: "hundred" alone is never a count.
        return None
    parsed = parse_words(raw)
    if parsed is None:
        return None
    return start, end, parsed, True


def _is_count(sentence: str, start: int, end: int, words: bool, low: str | None = None) -> bool:
    """``low``: ``lowered(sentence)`` when the caller has it."""
    after = sentence[end : end + 40]
    before = sentence[max(0, start - 40) : start]
    measure = (
        _NOT_COUNT_AFTER_LOW.match(low[end : end + 40]) if low is not None else _NOT_COUNT_AFTER.match(after)
    )
    if measure or _MONTH_AFTER.match(after):
        return False
    return not (_not_count_before(before) or _MONTH_BEFORE.search(before))


_POPULATION_OF = re.compile(r"(?i)\b(?:population|populations)\s+of\s*$")


def find_figures(sentence: str) -> list[Figure]:
    """The counts in ``sentence``, with ranges joined and each figure's hedge read."""
    atoms = _atoms(sentence)
    figures: list[Figure] = []
    i = 0
    while i < len(atoms):
        start, end, value, words = atoms[i]
        value_max = None
        between = _RANGE_BETWEEN.search(sentence[max(0, start - 12) : start])
        if i + 1 < len(atoms):
            n_start, n_end, n_value, n_words = atoms[i + 1]
            gap = sentence[end:n_start]
            joins = _RANGE_JOIN.match(gap) or (between and _RANGE_JOIN_AND.match(gap))
            # "2,000-4,000", "between 300 and 400", "300 to 400": the second figure bounds the first.
            if joins and n_value > value and not _RISE_BEFORE.search(sentence[:start]):
                value_max = n_value
                end = n_end
                i += 1
        hedge_at = max(0, start - 12) + between.start() if between and value_max is not None else start
        qualifier, qstart = qualifier_before(sentence, hedge_at)
        qstart = min(qstart, hedge_at)
        if qualifier == "exact":
            qualifier = qualifier_after(sentence[end : end + 12]) or "exact"
        delta = bool(_DELTA.search(sentence[max(0, start - 4) : start]))
        if _POPULATION_OF.search(sentence[max(0, qstart - 25) : qstart]):
            i += 1
            continue
        figures.append(
            Figure(start, end, qstart, value, value_max, qualifier, sentence[start:end], delta, words)
        )
        i += 1
    return figures
