"""Find the counts in a sentence: figures and number words, ranges, and the words that hedge them.

Everything that looks like a number but counts nothing is left out here: years, days of a date,
times, ages, calibres and model designations ("80th", "T-72", "203mm"), money, percentages,
distances and durations ("12 months", "three days": durations are read by :mod:`dates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon
from ..patterns import lowered
from .qualifiers import qualifier_after, qualifier_before

_EN = lexicon.load().numbers
_TIME = lexicon.load().time

_WORD_VALUES = {**_EN.UNITS, **_EN.TENS}


_NUMBER_WORD = "|".join(sorted([*_WORD_VALUES, *_EN.SCALES, "dozen"], key=len, reverse=True))
# A figure in digits ("1,610", "1 610", "1.2", "133190") or a run of number words.
_ATOM = re.compile(
    r"(?P<digits>(?<![\w.,/])(?<![A-Za-z]-)"
    r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d)|\d+)"
    r"(?:\.\d+)?)"
    r"|(?P<words>\b(?:an?\s+)?(?:"
    + _NUMBER_WORD
    + r")(?:(?:[\s\-]+(?:and\s+)?)(?:"
    + _NUMBER_WORD
    + r"))*\b)",
    re.IGNORECASE,
)
# ``_ATOM``'s two branches as two case-sensitive scans of lower-cased text, each led by a character class
# so that ``re`` skips ahead; their matches never overlap, so merged in order they are ``_ATOM``'s.
_DIGITS_LOW = re.compile(
    r"\d(?<![\w.,/]\d)(?<![A-Za-z]-\d)"
    r"(?:\d{0,2}(?:,\d{3})+|\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?!\d|,\d)|\d*)(?:\.\d+)?"
)
# The same for ASCII text, whose classes are quicker to test.
_DIGITS_ASCII = re.compile(_DIGITS_LOW.pattern, re.ASCII)
# The number words behind the character before them (a word start follows a non-word character; the scan
# is run over the text behind a space, for a run at its start).
_WORDS_LOW = re.compile(
    r"\W(?P<words>(?:an?\s+)?(?:" + _NUMBER_WORD + r")(?:(?:[\s\-]+(?:and\s+)?)(?:" + _NUMBER_WORD + r"))*\b)"
)
# Every number word holds one of these: a text without them has no run of number words, and most texts
# have none (a few plain tests are far cheaper than the scan, which tries the words after every space).
_NUMBER_WORD_PARTS = (
    "one", "two", "thre", "four", "five", "six", "seven", "eigh", "nine", "ten", "elev", "twel", "twen",
    "thir", "fort", "fif", "hundred", "thousand", "million", "dozen", "zero",
)  # fmt: skip
_SCALE_AFTER = re.compile(
    r"\s*(?:(?P<scale>million|thousand|mln|m|k)\b|-(?P<scale3>hundred|thousand)\b|(?P<scale2>[kK])(?![\w]))",
    re.IGNORECASE,
)

# The same, case-sensitive for lower-cased text (the scale is lower-cased where it is read).
_SCALE_AFTER_LOW = re.compile(
    r"\s*(?:(?P<scale>million|thousand|mln|m|k)\b|-(?P<scale3>hundred|thousand)\b|(?P<scale2>k)(?![\w]))"
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
# The same as a yes/no test of lower-cased text, run with a start and an end position; a month in lower
# case is reported so that the case-sensitive ``_MONTH_AFTER`` decides.
_NOT_COUNT_AFTER_LOW = re.compile(
    r"""(?x)(?:
        [a-z]
      | :\d
      | -(?!\d|strong|plus|odd|some)[a-z]
      | \s*+(?:
            %|percent|per\s?cent|pct|percentage
          | -?\s*(?:km|kms|kilomet|mile|metre|meter|m\b|cm\b|mm\b|kg\b|ton|tonne|hectare|ha\b|sq\b|square|
                   acre|feet|foot|ft\b|inch|nautical|knots?\b|degrees?|°|kph|mph|km/h|hrs?\b|gb\b|mb\b)
          | -?\s*(?:years?|yrs?|months?|weeks?|days?|hours?|minutes?|mins?\b|seconds?|nights?|decades?|centur)
          | -?(?:year|month|day|week|hour|minute|point|page|fold|storey|story)\b
          | billion|bn\b|trillion|tn\b
          | (?:dollars|euros?|pounds|rubles|roubles|hryvnias?|hryvnia|usd|eur|uah|rub)\b
          | a\.m\.|p\.m\.|am\b|pm\b|gmt|utc|cet|kyiv\s+time|local\s+time|o'clock|hrs\b|h\b
          | (?:st|nd|rd|th)\b
          | (?:times|votes|points|seats|pages|percentage|runs|goals|rounds\s+of\s+talks)\b
          | (?P<month>(?:of\s+)?"""
    + _TIME.MONTHS.lower()
    + r"""\b)
        )
    )"""
)
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
    return _SPACE_RUN.sub(" ", tail).lower().endswith(_EN.NOT_COUNT_WORDS)


def _reversed_words(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` spelt backwards, a space standing for any run of spaces. Grouped by first
    character: ``re`` passes over an alternative that opens with a character other than the text's at little
    cost, but enters each one that opens with the same character."""
    by_first: dict[str, list[str]] = {}
    for phrase in words:
        backwards = phrase[::-1]
        rest = r"\s+".join(re.escape(word) for word in backwards[1:].split(" "))
        by_first.setdefault(backwards[0], []).append(rest)
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())


# ``_not_count_before`` as one match on the reversed lower-cased sentence, where the window before a figure
# is the text after its start: a letter and a dash or a colon, a currency sign or a label, or (for the
# case-sensitive ``_MONTH_BEFORE`` to decide) a month.
_BEFORE_REVERSED = re.compile(
    r"\n?(?:-[A-Za-z]|:)"
    r"|\s*+(?:[$\u20ac\u00a3\u20b4\u20bd\u00a5]|" + _reversed_words(_EN.NOT_COUNT_WORDS) + ")"
    r"|(?P<month>\s++\.?(?:" + _reversed_words(_TIME.MONTH_NAMES) + "))"
)


_MONTH_BEFORE = re.compile(_TIME.MONTHS + r"\.?\s+$")
_MONTH_AFTER = re.compile(r"^\s*(?:of\s+)?" + _TIME.MONTHS + r"\b")
_RANGE_BETWEEN = re.compile(r"(?i)\bbetween\s+$")
# What joins the two figures of a range, between spaces and lower-cased (``re`` read case-blind the same:
# no other letter is "t", "o" or "r" to it); after "between", "and" also does.
_JOINERS = frozenset(("-", "\u2013", "\u2014", "to", "or"))
_DELTA = re.compile(r"\(\s*\+\s*$")
_RANGE_TAIL = re.compile(r"\d\s*(?:-|\u2013|\u2014|to|and|or)\s*$")


@dataclass(slots=True)
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

    def moved(self, by: int) -> Figure:
        """The same figure ``by`` characters further on."""
        return Figure(
            self.start + by,
            self.end + by,
            self.qstart + by,
            self.value,
            self.value_max,
            self.qualifier,
            self.raw,
            self.delta,
            self.words,
        )


_WORD_SPLIT = re.compile(r"[\s\-]+")
# "from 300 to 400": a change between two figures, not a range ("range from 300 to 400" is one).
_RISE_BEFORE = re.compile(
    r"(?i)\b(?:(?<!range\s)(?<!ranges\s)(?<!anywhere\s)from|rose|increased|grew|up)\s*$"
)


def _shared_magnitude(low: int, high: int) -> int:
    """The lower bound of "70 or 80,000", "2 to 3 million" and "two or three hundred": the upper bound's
    hundreds, thousands or millions are the lower's too."""
    if low >= 100 or high < 100:
        return low
    # ("two or three hundred": the hundreds are shared too.)
    for magnitude in (1_000_000, 1000, 100):
        if high % magnitude == 0 and low * magnitude <= high:
            return low * magnitude
    return low


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
            total += (current or 1) * _EN.SCALES[token]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


_DIGIT_GROUPING = re.compile(r"[,\s\u00a0\u202f]")


def _digits_value(raw: str) -> float:
    return float(raw if raw.isdecimal() else _DIGIT_GROUPING.sub("", raw))


def _scaled(value: float, scale: str | None) -> int:
    if scale:
        scale = scale.lower()
        if scale in ("million", "mln", "m"):
            value *= 1_000_000
        elif scale in ("thousand", "k"):
            value *= 1000
        elif scale == "hundred":
            value *= 100
    return int(round(value))


def _matches(sentence: str, low: str | None) -> list[tuple[int, int, str | None]]:
    """(start, end, digits) of every match of ``_ATOM``, in order; ``digits``: the figure's text when it
    is written in digits, None for number words. ``low``: ``lowered(sentence)``."""
    if low is None:
        return [(match.start(), match.end(), match.group("digits")) for match in _ATOM.finditer(sentence)]
    digits = _DIGITS_ASCII if low.isascii() else _DIGITS_LOW
    found: list[tuple[int, int, str | None]] = [
        (match.start(), match.end(), match.group()) for match in digits.finditer(low)
    ]
    for part in _NUMBER_WORD_PARTS:
        if part in low:
            words = [(match.start(1) - 1, match.end() - 1, None) for match in _WORDS_LOW.finditer(" " + low)]
            if words:
                found = sorted(found + words)  # the starts differ: the digits are never compared
            break
    return found


def _atoms(sentence: str, low: str | None, reverse: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, value, words) of every count-like figure, measures and dates left out.
    ``low``: ``lowered(sentence)``; ``reverse``: ``low`` reversed."""
    atoms: list[tuple[int, int, int, bool]] = []
    last_end = -1
    last_kept = False
    for start, end, digits in _matches(sentence, low):
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
        if digits is not None:
            scale_match = (
                _SCALE_AFTER_LOW.match(low, end) if low is not None else _SCALE_AFTER.match(sentence, end)
            )
            scale: str | None = None
            if scale_match:
                # ("27-hundred": Korean wire copy spells thousands out in hundreds.)
                scale = (
                    scale_match.group("scale") or scale_match.group("scale2") or scale_match.group("scale3")
                )
                # "500 m" is a distance, not half a billion.
                if scale and scale.lower() == "m":
                    scale = None
                if scale:
                    end = scale_match.end()
            # A decimal that is not "1.2 million" counts nothing (calibres, ratios); nor does a year.
            if not scale and ("." in digits or _is_year(digits)):
                continue
            atom = (start, end, _scaled(_digits_value(digits), scale), False)
        else:
            words_atom = _read_words(sentence, start, end)
            if words_atom is None:
                continue
            atom = words_atom
            start, end = atom[0], atom[1]
        last_end = end
        if not tail_of_range and not _is_count(sentence, start, end, low, reverse):
            continue
        atoms.append(atom)
        last_kept = True
    return atoms


def _is_year(digits: str) -> bool:
    """Whether a figure in digits (without a decimal point) is a year: 1800-2099."""
    return len(digits) == 4 and digits[:2] in ("18", "19", "20")


def _read_words(sentence: str, start: int, end: int) -> tuple[int, int, int, bool] | None:
    raw = sentence[start:end]
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


def _is_count(sentence: str, start: int, end: int, low: str | None, reverse: str) -> bool:
    """``low``: ``lowered(sentence)``; ``reverse``: ``low`` reversed (when there is a ``low``)."""
    if low is None:
        after = sentence[end : end + 40]
        before = sentence[max(0, start - 40) : start]
        return not (
            _NOT_COUNT_AFTER.match(after)
            or _MONTH_AFTER.match(after)
            or _not_count_before(before)
            or _MONTH_BEFORE.search(before)
        )
    measure = _NOT_COUNT_AFTER_LOW.match(low, end, end + 40)
    if measure is not None and (
        measure.group("month") is None or _MONTH_AFTER.match(sentence[end : end + 40])
    ):
        return False
    at = len(low) - start
    label = _BEFORE_REVERSED.match(reverse, at, at + 40)
    return label is None or (
        label.group("month") is not None and not _MONTH_BEFORE.search(sentence[max(0, start - 40) : start])
    )


_POPULATION_OF = re.compile(r"(?i)\b(?:population|populations)\s+of\s*$")


def find_figures(sentence: str) -> list[Figure]:
    """The counts in ``sentence``, with ranges joined and each figure's hedge read."""
    low = lowered(sentence)
    atoms = _atoms(sentence, low, low[::-1] if low is not None else "")
    if not atoms:
        return []
    # Plain tests of the whole sentence spare the per-figure searches that cannot match (with no ``low``,
    # a case-blind search may match letters lower-casing does not give: those are always run).
    between_anywhere = low is None or "between" in low
    population_anywhere = low is None or "population" in low
    plus_anywhere = "+" in sentence
    figures: list[Figure] = []
    i = 0
    while i < len(atoms):
        start, end, value, words = atoms[i]
        value_max = None
        between = _RANGE_BETWEEN.search(sentence[max(0, start - 12) : start]) if between_anywhere else None
        if i + 1 < len(atoms):
            n_start, n_end, n_value, n_words = atoms[i + 1]
            joiner = (low[end:n_start] if low is not None else sentence[end:n_start].lower()).strip()
            joins = joiner in _JOINERS or (between and joiner == "and")
            # "2,000-4,000", "between 300 and 400", "300 to 400": the second figure bounds the first.
            if joins and n_value > value and not _RISE_BEFORE.search(sentence[:start]):
                value = _shared_magnitude(value, n_value)
                value_max = n_value
                end = n_end
                i += 1
        hedge_at = max(0, start - 12) + between.start() if between and value_max is not None else start
        qualifier, qstart = qualifier_before(sentence, hedge_at, low)
        qstart = min(qstart, hedge_at)
        if qualifier == "exact":
            qualifier = qualifier_after(sentence, end, low) or "exact"
        delta = plus_anywhere and bool(_DELTA.search(sentence[max(0, start - 4) : start]))
        if population_anywhere and _POPULATION_OF.search(sentence[max(0, qstart - 25) : qstart]):
            i += 1
            continue
        figures.append(
            Figure(start, end, qstart, value, value_max, qualifier, sentence[start:end], delta, words)
        )
        i += 1
    return figures
