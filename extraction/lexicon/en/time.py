"""Months, weekdays and the time expressions of a sentence (a regular expression, one named group for each
kind of expression)."""

from __future__ import annotations

# The months as written: each a short form and what may follow it, in turn ("Sep", "t", "ember").
_MONTHS = (
    ("Jan", "uary"), ("Feb", "ruary"), ("Mar", "ch"), ("Apr", "il"), ("May",), ("Jun", "e"), ("Jul", "y"),
    ("Aug", "ust"), ("Sep", "t", "ember"), ("Oct", "ober"), ("Nov", "ember"), ("Dec", "ember"),
)  # fmt: skip


def _month_pattern(dot: bool) -> str:
    """The months as a regular expression; ``dot``: a short form may end with its full stop."""
    pieces = []
    stop = r"|\." if dot else ""
    for short, *rests in _MONTHS:
        if len(rests) == 1 and len(rests[0]) == 1:
            pieces.append(f"{short}{rests[0]}?")  # "June?"
            continue
        tail = ""
        for rest in reversed(rests):
            tail = f"(?:{rest}{tail}{stop})?"
        pieces.append(short + tail)
    return "(?:" + "|".join(pieces) + ")"


# Every way the months are written, lower-cased ("jan", "january", "sep", "sept", "september").
MONTH_NAMES = tuple(
    (short + "".join(rests[:count])).lower() for short, *rests in _MONTHS for count in range(len(rests) + 1)
)
# The months as numbers read them (a full stop after a short form is read apart) and as dates read them.
MONTHS = _month_pattern(dot=False)
MONTH = _month_pattern(dot=True)
MONTH_NUMBERS = {short.lower(): number for number, (short, *_rests) in enumerate(_MONTHS, 1)}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = "(?:" + "|".join(day.title() for day in WEEKDAYS) + ")"

EXPRESSIONS = (
    r"""
    (?P<since>\b(?:since|from(?=\s+the\s+(?:start|beginning|outset|onset)))\s+(?:the\s+(?:start|beginning|outset|onset)\s+of\s+(?:[\w'’-]+\s+){0,4}?
        (?:war|invasion|operation|incursion|offensive|aggression|conflict|hostilities|fighting|year)
        |(?:the\s+)?(?:(?:full[\s-]scale|Russian|Russia's|Moscow's)\s+)*(?:war|invasion|incursion|offensive)\s+
         (?:began|started|was\s+launched)(?:\s+in\s+"""
    + MONTH
    + r"""(?:\s+\d{1,2})?(?:,?\s+\d{4}|\s+last\s+year)?)?
        |(?:the\s+)?(?:(?:full[\s-]scale|Russian|Russia's|Moscow's)\s+)*(?:war|invasion|incursion|offensive)
        |(?:early\s+|late\s+|mid-?)?"""
    + MONTH
    + r"""(?:\s+\d{1,2})?(?:,?\s+\d{4}|\s+last\s+year)?
        |(?:19|20)\d\d
        |(?:it|they|Russia|Ukraine|Moscow|Kyiv)\s+(?:began|started|invaded|launched)(?:\s+\w+){0,4}
        |February\s+24(?:,?\s+2022)?
        |Feb\.\s+24(?:,?\s+2022)?))
  | (?P<total>\b(?:in\s+total|totall?ing|total|totals|so\s+far|to\s+date|overall|altogether|
        in\s+all(?!\s+[a-z])|
        cumulative|running\s+(?:total|tally)|throughout\s+the\s+(?:war|invasion|conflict)|
        (?:during|over|in)\s+the\s+(?:course\s+of\s+the\s+)?(?:whole\s+|entire\s+|full-scale\s+)?
        (?:war|invasion|conflict)(?!\s+in\b)|of\s+the\s+(?:full-scale\s+)?(?:war|invasion)|overall\s+losses|
        since\s+then|all\s+told|(?:its|their|his|her|own|official|overall)\s+tally|total\s+(?:combat\s+)?losses|bringing\s+(?:the|its|their)\s+(?:total|tally|toll|losses|
        count|number)
        |brings?\s+(?:the\s+)?(?:total|number|tally|toll)\s+to
        |(?:took|takes|taking|pushed|pushes|pushing|raised|raising|lifted|lifting)\s+(?:the|its|their)\s+
        (?:total|tally|toll|count)\s+to)\b)
  | (?P<asof>\b(?:as\s+of|by)\s+(?:the\s+(?:morning|evening|end)\s+of\s+)?(?:"""
    + MONTH
    + r"""\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+"""
    + MONTH
    + r"""(?:\s+\d{4})?
        |"""
    + WEEKDAY
    + r"""(?!['’]s)|today|yesterday))
  | (?P<range>\b"""
    + MONTH
    + r"""\s+(?P<r_d1>\d{1,2})\s*(?:-|\u2013|to|and)\s*(?P<r_d2>\d{1,2})
        (?![\d:])(?!\s*[ap]\.?m\b)(?:,?\s+(?P<r_y>\d{4}))?
        |\b(?P<r2_d1>\d{1,2})\s*(?:-|\u2013)\s*(?P<r2_d2>\d{1,2})\s+(?P<r2_m>"""
    + MONTH
    + r""")(?:\s+(?P<r2_y>\d{4}))?)
  | (?P<day>\b(?P<d_m>"""
    + MONTH
    + r""")\s+(?P<d_d>\d{1,2})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<d_y>\d{4}))?
        |\b(?P<d2_d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<d2_m>"""
    + MONTH
    + r""")(?:,?\s+(?P<d2_y>\d{4}))?)
  | (?P<month>\b(?:in\s+the\s+month\s+of|during|in|for|throughout|over|across)\s+
        (?P<m_m>January|February|March|
        April|May|June|July|August|September|October|November|December)(?:\s+(?P<m_y>\d{4}))?(?!\s+\d)
        |\b(?P<m_last>last|this|past)\s+month\b|\b(?:in|during)\s+(?P<m_m2>January|February|March|April|June|
        July|August|September|October|November|December)'s)
  | (?P<year>\b(?:in|during|throughout|for|over)\s+(?:the\s+(?:whole\s+|entire\s+)?(?:year\s+(?:of\s+)?)?)?
        (?P<y_y>(?:19|20)\d\d)\b(?!\s*[-\u2013]))
  | (?P<week>\blast\s+week(?:end)?\b|\bover\s+the\s+weekend\b|\bthis\s+week\b)
  | (?P<reld>\b(?:yesterday|overnight|last\s+night|(?:on\s+)?the\s+night\s+of|today|this\s+morning|
        tonight|earlier\s+today|on\s+the\s+previous\s+day|the\s+day\s+before)\b)
  | (?P<weekday>\b(?:(?:on|last|late|early|this)\s+)?"""
    + WEEKDAY
    + r"""(?:\s+(?:night|morning|evening|afternoon))?\b)
  | (?P<span>\b(?:(?:in|over|during|within|for)\s+(?:the\s+)?(?:past|last|previous)\s+(?P<s_n>\d+|\w+)?[\s-]*
        (?P<s_u>hours?|days?|weeks?|months?|day|night)
        |(?:in|over|during|within)\s+(?P<s_n2>one|a|an|two|three|four|five|six|seven|ten|a\s+single|single|\d+)\s+
        (?P<s_u2>days?|weeks?|hours?|nights?)(?:\s+of\s+(?:fighting|combat|battles?|clashes))?
        |(?:per|a|each|every)\s+day\b|daily\b|in\s+a\s+single\s+day|on\s+a\s+single\s+day|in\s+24\s+hours
        |over\s+the\s+(?:past|last)\s+day|in\s+the\s+(?:past|last)\s+day|during\s+the\s+(?:past\s+)?day
        |(?:during|over)\s+the\s+night|on\s+that\s+day|that\s+day|the\s+same\s+day|in\s+one\s+go
        |(?:in|over|during)\s+the\s+same\s+(?:24\s+hours|day|night)
        |(?:the\s+(?:previous|past|last)|a)\s+day['’]s))
  | (?P<vague>\b(?:earlier\s+this\s+(?:month|week|year)|later\s+this\s+month|
        in\s+recent\s+(?:days|weeks|months)|
        recently|this\s+year|last\s+year|so\s+far\s+this\s+(?:month|year)|in\s+(?:the\s+)?(?:early|late)\s+\w+|
        this\s+(?:month|winter|summer|spring|autumn|fall))\b)
    """
)
