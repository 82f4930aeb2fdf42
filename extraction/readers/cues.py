"""Cues: yes/no tests of a sentence's text, and where its clauses break.

Each test is a question the stages ask of a whole sentence: may it hold a figure at all? does it speak of
an air attack, of footage, of combat? is it hedged? A clause break (a semicolon, a dash, "while", "but")
parts what one speaker or one actor says from the next.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .. import lexicon
from ..patterns import Caseless, word_trie

_NUMBERS, _VERBS = lexicon.load().numbers, lexicon.load().verbs
# A cheap test before the expensive reading: a digit, a number word or a verb of loss (for "a tank"). The
# words are nested by character (``word_trie``): every sentence is tested, and a flat alternation of them
# costs ``re`` twice as much.
_DIGIT = re.compile(r"\d")
_TRIGGER_WORDS = Caseless(
    re.compile(
        r"(?i)\b(?:(?:" + word_trie(_NUMBERS.TRIGGER_WORDS) + r")\b|(?:" + word_trie(_VERBS.LOSS_STEMS) + "))"
    )
)
AIR_CONTEXT = re.compile(
    r"(?i)\b(?:air\s+defen[cs]es?|air\s+force|overnight|shot\s+down|intercept|launched|attacked\s+\w+\s+with|"
    r"air\s+attack|drone\s+attack|missile\s+attack|combined\s+attack|strike\s+on|airspace|anti-aircraft|"
    r"mobile\s+fire\s+groups|electronic\s+warfare|downed|brought\s+down|destroyed\s+over|"
    r"over\s+the\s+(?:[\w-]+\s+){1,2}(?:region|oblast|sea)\b|over\s+the\s+sea\s+of)"
)
COMBAT = re.compile(
    r"(?i)\b(?:destroy(?:s|ed|ing)?|fir(?:e|es|ed|ing)\s+(?:[\w-]+\s+){0,3}?(?:at|on|across|upon)\b|open(?:s|ed)?\s+fire|"
    r"attack(?:s|ed|ing)?|strik(?:e|es|ing)|struck|hit(?:s|ting)?|target(?:s|ed|ing)|shell(?:s|ed|ing)|"
    r"bomb(?:s|ed|ing)|run(?:s|ning)?\s+over|ran\s+over|crush(?:es|ed|ing)?|repel(?:s|led|ling)|"
    r"push(?:es|ed|ing)?\s+back|ambush(?:es|ed|ing)?|eliminat(?:e|es|ed|ing)|kill(?:s|ed|ing)?|"
    r"wip(?:e|es|ed|ing)\s+out|took\s+out|tak(?:e|es|ing)\s+out|knock(?:s|ed|ing)?\s+out|"
    r"shot\s+down|shoot(?:s|ing)?\s+down|down(?:s|ed|ing)\s+(?:a|an|the|two|three|\d)|storm(?:s|ed|ing)|"
    r"assault(?:s|ed|ing)|engag(?:e|es|ed|ing)|fight(?:s|ing)?|fought|clash(?:es|ed|ing)?|chas(?:e|es|ed|ing)\s+down|"
    r"hunt(?:s|ed|ing)|drop(?:s|ped|ping)\s+(?:grenades|bombs|munitions)|liberat(?:e|es|ed|ing)|"
    r"recaptur(?:e|es|ed|ing)|advanc(?:e|es|ed|ing)|counterattack(?:s|ed|ing)?|defend(?:s|ed|ing)?|"
    r"held\s+off|hold(?:s|ing)?\s+off|smash(?:es|ed|ing)?|pound(?:s|ed|ing)|"
    # "organised a warm welcome for the enemy": soldiers' irony for an attack.
    r"(?:organi[sz](?:e|es|ed|ing)|gave|giv(?:e|es|en|ing)|prepar(?:e|es|ed|ing)|arrang(?:e|es|ed|ing))\s+"
    r"(?:a\s+)?(?:very\s+|real\s+)?(?:warm|hot|fiery|proper)\s+(?:welcome|reception))\b"
)
# "adding that its air defences had shot down ...": the speaker's own forces act.
OWN_FORCES = re.compile(
    r"(?i)\b(?:its|their|our)\s+(?:own\s+)?(?:air\s+defen[cs]es?|forces|troops|units|soldiers|fighters|"
    r"drone\s+operators|crews|pilots|military|army)\b"
)
# Earlier wars that reporting compares this one with.
HISTORY_WARS = (
    r"(?i)\b(?:soviet|afghanistan|chechen\s+wars?|(?:first|second)\s+chechen|world\s+war|second\s+world|wwii|"
    r"vietnam|korean\s+war|gallipoli|verdun|somme|stalingrad|(?:18|19[0-8])\d\d|1994-1996)\b"
)
# "KYIV, April 18 (Reuters) -", "DNIPRO, Ukraine (AP) -": where the report was filed, not where it happened,
# and its agency is no actor.
DATELINE = re.compile(
    r"\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
    r"\([A-Za-z /,.-]{1,40}\)\s*[-\u2013\u2014:]"
)


def dateline_span(text: str) -> tuple[int, int]:
    """Where the article's dateline is (a line in its first lines that starts with one); (0, 0) if none."""
    if "(" not in text:
        # Every dateline names its agency in brackets: most texts are spared a match at each line.
        return 0, 0
    for line in re.finditer(r"(?m)^", text[:400]):
        found = DATELINE.match(text, line.start())
        if found is not None:
            return found.start(), found.end()
    return 0, 0


_FLAGS = {
    name: Caseless(pattern)
    for name, pattern in (
        ("article", re.compile(r"(?i)\b(?:a|an|the|one)\b")),
        ("single_hint", re.compile(r"(?i)\b(?:" + word_trie(_VERBS.LOSS_STEMS + _VERBS.ATTACK_STEMS) + ")")),
        ("air", AIR_CONTEXT),
        ("air_words", re.compile(r"(?i)drone|missile|shahed")),
        ("history", re.compile(HISTORY_WARS)),
        # A colon or a word of losses: a list of losses may follow its header.
        ("loss_list", re.compile(r"(?i):|loss|casualt|hardware|equipment")),
        (
            "hedged",
            re.compile(
                r"(?i)\b(?:if|would|could\s+lose|may\s+lose|might|expected\s+to|plans?\s+to|hypothetical)\b"
            ),
        ),
        ("footage", re.compile(r"(?i)\b(?:footage|video|clip|shows?|showed|shown|filmed)\b")),
        ("combat", COMBAT),
        (
            "reportedly",
            re.compile(
                r"(?i)\b(?:reportedly|reports\s+say|was\s+reported|were\s+reported|is\s+said|are\s+said)\b"
            ),
        ),
        # A sentence that goes on about the place and the formation of the one before: "The enemy lost up
        # to 80 servicemen there", "87 killed in the sector", "Ukrainian losses amounted to up to 3,580".
        (
            "continues",
            re.compile(
                r"(?i)\b(?:there|nearby|the\s+enemy|losses\s+(?:amounted|totall?ed|stood|reached)|(?:in|near|around)\s+"
                r"(?:the|this|that|these|those)\s+(?:areas?|sectors?|directions?|attacks?|assaults?|fighting|battle|town|"
                r"city|village|settlement))\b"
            ),
        ),
        ("own", re.compile(r"(?i)\b(?:its|their|our)\s")),
        # A side's count of its own losses: "its own toll", "acknowledged 1,351 dead".
        ("toll", re.compile(r"(?i)\b(?:own|official|acknowledged|admitted|conceded)\b")),
        # A running total named as such: "the previous official figure", "Moscow's last toll".
        ("running", re.compile(r"(?i)\b(?:official|overall|last|latest|previous|own)\b")),
    )
}
FLAG_PATTERNS = tuple(_FLAGS.values())
AIR = _FLAGS["air"]


_PERFECT_LOSS = Caseless(
    re.compile(
        r"(?i)\b(?:have|has|had)\s+(?:\w+\s+)?(?:been\s+(?:either\s+|all\s+|now\s+)?(?:killed|wounded|injured|lost|captured|"
        r"taken\s+prisoner)|"
        r"lost|suffered|died|perished|surrendered)\b"
    )
)

_EVENT = Caseless(
    re.compile(
        r"(?i)\b(?:attack|strike|shelling|explosion|blast|bombing|assault|raid|ambush|crash|battle\s+for|"
        r"offensive|counteroffensive|(?<!military\s)operation)\b"
    )
)


def toll_so_far(text: str) -> bool:
    """Whether ``text`` gives a toll so far ("About N soldiers have been killed"), not one event's."""
    return _PERFECT_LOSS.found(text) and not _EVENT.found(text)


def triggered(text: str) -> bool:
    """Whether ``text`` may hold a figure or a single item at all."""
    return _DIGIT.search(text) is not None or _TRIGGER_WORDS.found(text)


def flag(text: str, name: str) -> bool:
    """Whether ``text`` may hold a single item ("single": an article and a verb of loss), is in an air context
    ("air"), names drones or missiles ("air_words"), is hedged, speaks of footage, combat or what is
    reportedly so, goes on about the place of the sentence before ("continues"), or names its speaker's own
    ("own")."""
    if name == "single":
        return _FLAGS["article"].found(text) and _FLAGS["single_hint"].found(text)
    return _FLAGS[name].found(text)


# The conjunctions share one word-boundary test: ``re`` then tries the words only at word starts.
_CLAUSE_BREAK = re.compile(r";|\s[\u2013\u2014-]\s|\u2014|\b(?:while|whereas|but|although|after)\b")
# Every break holds one of these (most sentences hold none).
_CLAUSE_BREAK_PARTS = (";", "-", "\u2013", "\u2014", "while", "whereas", "but", "although", "after")

ClauseBreaks = tuple[tuple[int, ...], tuple[int, ...]]


def clause_breaks(text: str) -> ClauseBreaks:
    """Starts and ends of the clause breaks of ``text``, in order."""
    if not any(part in text for part in _CLAUSE_BREAK_PARTS):
        return (), ()
    spans = [m.span() for m in _CLAUSE_BREAK.finditer(text)]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def mid_break(text: str, position: int, starts: tuple[int, ...], ends: tuple[int, ...]) -> bool:
    """Whether a break crosses ``position`` or ``position`` splits a word (``starts``, ``ends``: the text's
    breaks): then the text cut there reads differently from the whole sentence."""
    index = bisect_left(ends, position + 1)
    if index < len(starts) and starts[index] < position:
        return True
    return 0 < position < len(text) and text[position].isalnum() and text[position - 1].isalnum()


def last_break_end(text: str, position: int) -> int:
    """Where the last break of ``text[:position]`` ends (0: none)."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, position):
        start = match.end()
    return start


def next_break_start(text: str, position: int) -> int:
    """Where the first break of ``text`` from ``position`` starts (its end: none)."""
    match = _CLAUSE_BREAK.search(text, position)
    return match.start() if match else len(text)
