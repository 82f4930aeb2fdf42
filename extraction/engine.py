"""Orchestration: an article's text in, its claims out.

For every figure in a sentence the engine reads what it counts (the noun after or before it),
what is done to it (the nearest verb in its clause), whose it is (side), who says so (claimant,
carried over from earlier sentences when the sentence has none), when (period and date), where
(region, place) and by which unit. Named units' actions without a count become engagements.
Figures repeated across headline, bullets, body and captions are merged into one claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields, replace
from datetime import date
from functools import cached_property, lru_cache, partial

from . import categories as cat
from . import dates as _dates
from . import fastre as _fastre
from . import places as _places
from . import registries as _registries
from . import sides as _sides
from .categories import Noun, Verb, find_nouns, find_verbs, first_noun
from .dates import AS_OF, CUMULATIVE_KINDS, DAY, MONTH, SINCE, SPAN, TOTAL, VAGUE, WEEK, TimeExpr, find_times
from .fastre import Caseless
from .memo import Memo, memoized, next_article
from .numbers import Figure, find_figures
from .places import PlaceHit, dominant_region, find_places
from .registries import ClaimantEntry, Hit, Registries, load_seed_registries, tokenize, tokenize_phrase
from .schema import CONTEXT_FIELDS
from .sentences import Sentence, split_sentences
from .sides import (
    KP,
    OTHER,
    RU,
    UA,
    Attribution,
    SideMention,
    find_attributions,
    opposite,
    side_mentions,
    side_of_phrase,
    strip_article,
)
from .units import UnitHit, find_units, with_anaphora

ENGINE_VERSION = "2026.11.13"

_UNVERIFIED = re.compile(
    r"(?i)\b(?:could\s+not|cannot|can\s*not|can't|couldn't|was\s+unable\s+to|is\s+unable\s+to|were\s+unable\s+to|"
    r"unable\s+to|not\s+(?:been\s+)?possible\s+to|impossible\s+to|did\s+not|has\s+not|have\s+not|had\s+not)\s+"
    r"(?:be\s+)?(?:independently\s+)?(?:verif|confirm|corroborat)|\b(?:could|can)\s+not\s+be\s+(?:independently\s+)?"
    r"(?:verified|confirmed)|\bnot\s+(?:been\s+)?(?:independently\s+)?(?:verified|confirmed)\b|"
    r"\bunverified\b|\bhas\s+not\s+been\s+(?:independently\s+)?verified"
)
# Case-blind matching is several times slower in ``re``; this runs over the whole article.
_UNVERIFIED_LOW = Caseless(_UNVERIFIED)
# A cheap test before the expensive reading: a digit, a number word or an indefinite article
# before an equipment word.
_TRIGGER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|dozen)\b|"
    + r"\b(?:destroy|hit|struck|strik|knock|took|tak|eliminat|shot|shoot|down|captur|seiz|disabl|"
    r"burn|sank|sunk|sink|blew|blow|wip|damag|lost|los|intercept|kill|wound|injur|prisoner|captive)",
    re.IGNORECASE,
)
# The conjunctions share one word-boundary test: ``re`` then tries the words only at word starts, not
# each of them at every position (same matches; two words cannot both match at one place).
_CLAUSE_BREAK = re.compile(r";|\s[\u2013\u2014-]\s|\u2014|\b(?:while|whereas|but|although|after)\b")
# Every break holds one of these (most sentences hold none, and ``re`` tries the pattern at every position).
_CLAUSE_BREAK_PARTS = (";", "-", "\u2013", "\u2014", "while", "whereas", "but", "although", "after")
# The case-blind patterns read short windows several times for every figure: wrapped in ``Caseless``
# they run case-sensitively over lower-cased text, several times faster in ``re`` (same matches).
_NP_GAP_STOP = Caseless(
    re.compile(
        r"[,;:()\[\]\"“”«»]|\b(?:were|was|have|has|had|are|is|been|will|would|to|that|which|who|since|in|on|at|"
        r"during|from|by|for|near|with|and|or|but|as|over|across|around|along|outside|inside|into|against|toward|"
        r"towards|off|under|behind|beyond|through|throughout|per)\b",
        re.IGNORECASE,
    )
)
_OF_SYSTEM = Caseless(re.compile(r"(?i)\s+of\s+(?:an?\s+|the\s+|their\s+|its\s+)?"))
_OTHERS = Caseless(
    re.compile(r"^\s*(?:others?|more|additional|another|of\s+them|of\s+whom|such)\b", re.IGNORECASE)
)
_PARTITIVE = Caseless(
    re.compile(r"^\s*(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+)?$", re.IGNORECASE)
)
_LINK_BEFORE = Caseless(
    re.compile(
        r"(?i)^\s*(?:[\u2013\u2014\-:=]|\(|(?:\b(?:[\w'’]+\s+){0,6}?(?:of|at|to|by|reached|totaled|totalled|totall?ing|"
        r"stood\s+at|stands\s+at|amounted\s+to|amounts?\s+to|amounting\s+to|is|was|were|are|numbered|numbering|"
        r"rose\s+to|risen\s+to|climbed\s+to|increased\s+to|grew\s+to|reaching|exceeded|exceeds|surpassed|"
        r"topped|hit|passed|now\s+at|estimated\s+at|put\s+at|included|including|comprised|as)))\s*"
        r"(?:(?:up\s+to|about|around|over|more\s+than|almost|nearly|at\s+least|some|approximately|roughly)\s+)?$"
    )
)
_TOTAL_WORD = Caseless(
    re.compile(
        r"(?i)\b(?:total|tally|toll|number|figure|count)\b(?:[^,;.()]{0,45}?\b(?:to|at|reached|is|was)|\s+of|"
        r"\s+stands?\s+at)\s*$|\(\s*(?:total|in\s+total|overall)?:?\s*$"
    )
)
_CONTINUES = Caseless(
    re.compile(
        r"(?i)^(?:on\s+top\s+of\s+(?:this|that)|in\s+addition|additionally|also|besides|furthermore|moreover|"
        r"this\s+(?:number|figure|total)\s+includes|according\s+to\s+the\s+(?:report|update|data|figures)|"
        r"the\s+(?:report|update|figures?|data|tally)\b|among\s+them|of\s+these)"
    )
)
_REPORTEDLY = re.compile(
    r"(?i)\b(?:reportedly|reports\s+say|was\s+reported|were\s+reported|is\s+said|are\s+said)\b"
)
_AIR_CONTEXT = re.compile(
    r"(?i)\b(?:air\s+defen[cs]es?|air\s+force|overnight|shot\s+down|intercept|launched|attacked\s+\w+\s+with|"
    r"air\s+attack|drone\s+attack|missile\s+attack|combined\s+attack|strike\s+on|airspace|anti-aircraft|"
    r"mobile\s+fire\s+groups|electronic\s+warfare|downed)"
)
_COMBAT = re.compile(
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
_FOOTAGE = re.compile(r"(?i)\b(?:footage|video|clip|shows?|showed|shown|filmed)\b")
_UNIT_SPEAKER = Caseless(
    re.compile(
        r"(?i)^(?:the\s+)?(?:unit|brigade|regiment|battalion|detachment|corps|division|"
        r"its\s+press\s+service|the\s+unit's\s+press\s+service)$"
    )
)
_INSTITUTION = Caseless(
    re.compile(
        r"(?i)\b(?:ministry|force|forces|staff|navy|army|military|command|service|brigade|unit|spokesm[ae]n|"
        r"spokeswoman|spokesperson|governor|group|headquarters|directorate|agency|officials?|commander|battalion|"
        r"regiment|corps|division|guard)\b"
    )
)
_SINGLE_HINT = re.compile(
    r"(?i)\b(?:destroy|hit|struck|strik|knock|took|tak|eliminat|shot|shoot|down|captur|seiz|disabl|burn|sank|sunk|"
    r"sink|blew|blow|wip|damag|lost|los|intercept|kill|wound|injur|prisoner|captive|launch|fired|attack)"
)
_HYPHENATED = re.compile(r"[\w'’]+(?:-[\w'’]+)+")
_SINGLE_OPENER = re.compile(r"(?i)\b(?:a|an|the|one)\s+")
# The same matches in lower-cased text, each word's ``\b`` checked after it: led by literals, the pattern
# lets ``re`` skip to their first letters instead of trying it at every position.
_SINGLE_OPENER_LOW = re.compile(r"(?:a(?<!\wa)|an(?<!\wan)|the(?<!\wthe)|one(?<!\wone))\s+")
_NOT_SINGLE = Caseless(
    re.compile(
        r"(?i)\b(?:number|lot|total|series|group|couple|few|dozen|record|video|footage|clip|piece|kind|type|"
        r"part|member|unit|crew|column|convoy|batch|shipment|package|fleet|squadron|pair)\b"
    )
)
_SINGLE_ACTIVE = Caseless(
    re.compile(
        r"(?i)\b(?:destroy(?:ed|ing|s)?|hit(?:ting)?|struck|knock(?:ed|ing)?\s+out|took\s+out|tak(?:e|ing)\s+out|"
        r"eliminat(?:ed|ing)|shot\s+down|shoot(?:ing)?\s+down|downed|downing|captur(?:ed|ing|e)|seiz(?:ed|ing)|"
        r"disabl(?:ed|ing)|burn(?:ed|t|ing)|sank|sunk|sinking|blew\s+up|blowing\s+up|wip(?:ed|ing)\s+out|damag(?:ed|ing)|"
        r"lost|los(?:e|ing)|intercept(?:ed|ing)|kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|taken|took|"
        r"set\s+fire\s+to|set\s+on\s+fire|torched)\s*"
        r"(?:(?:another|yet\s+another|also)\s+)?$"
    )
)
_SINGLE_PASSIVE = Caseless(
    re.compile(
        r"(?i)^\s*(?:[\w'’-]+\s+){0,2}?(?:(?:of|from|belonging\s+to)\s+[\w'’\s-]{0,30}?\s+)?(?:being|was|were|is|has\s+been|"
        r"had\s+been|got|getting)\s+(?:\w+ly\s+)?(?:destroyed|hit|struck|knocked\s+out|taken\s+out|eliminated|"
        r"shot\s+down|downed|captured|seized|disabled|burned|burnt|sunk|blown\s+up|wiped\s+out|damaged|"
        r"killed|taken\s+(?:prisoner|captive)|intercepted)|^\s*(?:prisoner|captive)\b"
    )
)
_ONE_OF = Caseless(re.compile(r"(?i)\s+of\s+(?:the|these|those|them|its|their)\b"))
_HEDGE_CLAIM = re.compile(
    r"(?i)\b(?:if|would|could\s+lose|may\s+lose|might|expected\s+to|plans?\s+to|hypothetical)\b"
)


@dataclass
class Claim:
    """One distinct fact of an article, in SCHEMA.md's fields, plus the names as printed."""

    category: str
    equipment: str | None
    value: int | None
    value_max: int | None
    qualifier: str
    subject_side: str | None
    claimant: str | None
    claimant_side: str | None
    period: str | None
    date: date | None
    date_start: date | None
    region: str | None
    place: str | None
    unit: str | None
    evidence: str
    start: int
    end: int
    claimant_raw: str | None = None
    region_raw: str | None = None
    place_raw: str | None = None
    unit_raw: str | None = None
    engine_version: str = ENGINE_VERSION

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            data[item.name] = value.isoformat() if isinstance(value, date) else value
        return data


@dataclass
class Extraction:
    claims: list[Claim]
    unverified: bool
    engine_version: str = ENGINE_VERSION


@dataclass
class _Speaker:
    name: str | None
    side: str | None
    raw: str
    explicit: bool
    # The speaker is a unit ("the unit said"): its claims may take a unit from nearby sentences.
    unit_speaker: bool = False


@dataclass
class _Draft:
    claim: Claim
    sentence: Sentence
    # How sure the subject side is: 3 named in the phrase, 2 from the clause, 1 a fallback.
    side_strength: int
    speaker_explicit: bool
    period_explicit: bool
    figure_start: int = 0
    noun: Noun | None = None
    # The unit was named in an earlier sentence of the paragraph, not in this one.
    unit_carried: bool = False


_GROUND = frozenset({"tank", "armored_vehicle", "artillery", "mlrs", "vehicle", "special_equipment"})
_SIDE_ADJECTIVES = {UA: ("Ukrainian",), RU: ("Russian",), KP: ("North Korean",)}

# What a sentence says on its own, whatever article it is in: kept per sentence text for the article, and
# beyond it for wire copy and boilerplate that recur across articles (see ``memo``; all results are
# immutable or never mutated). The most kept beyond an article, per reading:
_CACHE = 16384
_TRIGGER_LOW = Caseless(_TRIGGER)
_triggered = Memo(_TRIGGER_LOW.found, _CACHE)
_figures = Memo(find_figures, _CACHE)
_nouns = Memo(find_nouns, _CACHE)
_verbs = Memo(find_verbs, _CACHE)
_times = Memo(find_times, _CACHE, spread=True)
_attributions = Memo(find_attributions, _CACHE)
_side_mentions = Memo(side_mentions, _CACHE)
# Only the first noun after an article is read ("a Russian tank"): the scan stops there.
_single_noun = Memo(first_noun, 4 * _CACHE, spread=True)


_Names = tuple[list[PlaceHit], list[UnitHit], list[Hit]]


def _scan_names(s: str, registries: Registries) -> _Names:
    """The places, units and claimants a sentence names. Read per sentence (names do not run across
    sentences) so that a sentence met before is not scanned again."""
    tokens = tokenize(s)
    places = find_places(s, tokens, registries)
    if places:
        places = [p for p in places if not _not_a_place(s, p)]
    return (places, find_units(s, tokens, registries), registries.claimant_matcher.find(tokens))


# A capital named as an actor ("Kyiv's forces", "Moscow has deployed", "Moscow says") or as a speaker's
# seat ("the Defence Ministry in Moscow", "officials in Kyiv") is not where the claim happened.
_ACTOR_AFTER = re.compile(
    r"(?:['’]s\s+(?:own\s+)?(?:forces|troops|army|military|soldiers|units|defenders|fighters|men|"
    r"government|officials|side|allies|command|navy|air\s+force|losses)\b|"
    r"\s+(?:has|have|had|is|was|were|says|said|claims|claimed|believes|believed|reports|reported|announced|"
    r"estimates|estimated|deployed|sent|launched|lost|will|would|could|may|might|also|insists|insisted|"
    r"denies|denied|admits|admitted|accuses|accused|confirmed|confirms)\b)"
)
_SEAT_BEFORE = Caseless(
    re.compile(
        r"(?i)\b(?:ministry|staff|officials?|sources?|spokes(?:man|woman|person)|government|authorities|command|"
        r"headquarters|military|intelligence|embassy|correspondents?|reporters?|officers?)\s+(?:in|from)\s+$"
    )
)


_VESSEL = r"(?:submarine|ship|vessel|cruiser|frigate|corvette|destroyer|boat|tanker|tugboat|minesweeper)s?"
# A vessel named after a city ("the <city> submarine", "the cruiser <city>") is no place.
_VESSEL_AFTER = Caseless(
    re.compile(r"[\"'”’»]?\s+(?:(?:landing|patrol|missile|warship)\s+)?" + _VESSEL + r"\b", re.I)
)
_VESSEL_BEFORE = Caseless(re.compile(r"\b" + _VESSEL + r"\s+[\"'“‘«]?$", re.I))


def _not_a_place(s: str, hit: PlaceHit) -> bool:
    if _SEAT_BEFORE.search(s, max(0, hit.start - 40), hit.start):
        return True
    if hit.place and (
        _VESSEL_AFTER.match(s, hit.end) or _VESSEL_BEFORE.search(s, max(0, hit.start - 20), hit.start)
    ):
        return True
    if hit.raw.lower() not in _CAPITALS:
        return False
    return bool(_ACTOR_AFTER.match(s, hit.end)) and not _IN_BEFORE.search(
        s, max(0, hit.start - 30), hit.start
    )


_CAPITALS = frozenset({"kyiv", "kiev", "moscow", "pyongyang", "seoul", "washington", "minsk"})
_IN_BEFORE = Caseless(
    re.compile(
        r"(?i)\b(?:in|into|near|around|outside|over|on|at|to|toward|towards|from|of|across)\s+(?:the\s+)?$"
    )
)


# What a sentence holds, each read only when the engine asks for it: most sentences need only some.
# "adding that its air defences had shot down ...": the speaker's own forces act.
_OWN_FORCES = re.compile(
    r"(?i)\b(?:its|their|our)\s+(?:own\s+)?(?:air\s+defen[cs]es?|forces|troops|units|soldiers|fighters|"
    r"drone\s+operators|crews|pilots|military|army)\b"
)
_OWN_WORD = re.compile(r"(?i)\b(?:its|their|our)\s")
# A sentence that goes on about the place and the formation of the one before: "The enemy lost up to 80
# servicemen there", "87 killed in the sector yesterday", "Ukrainian losses amounted to up to 3,580".
_CONTINUES_THERE = re.compile(
    r"(?i)\b(?:there|nearby|the\s+enemy|losses\s+(?:amounted|totall?ed|stood|reached)|(?:in|near|around)\s+"
    r"(?:the|this|that|these|those)\s+(?:areas?|sectors?|directions?|attacks?|assaults?|fighting|battle|town|"
    r"city|village|settlement))\b"
)
_FLAG_PATTERNS = {
    name: Caseless(pattern)
    for name, pattern in (
        ("article", re.compile(r"(?i)\b(?:a|an|the|one)\b")),
        ("single_hint", _SINGLE_HINT),
        ("air", _AIR_CONTEXT),
        ("air_words", re.compile(r"(?i)drone|missile|shahed")),
        ("hedged", _HEDGE_CLAIM),
        ("footage", _FOOTAGE),
        ("combat", _COMBAT),
        ("reportedly", _REPORTEDLY),
        ("continues", _CONTINUES_THERE),
        ("own", _OWN_WORD),
    )
}
_AIR_LOW = _FLAG_PATTERNS["air"]


@memoized(8 * _CACHE, spread=True)
def _flag(s: str, name: str) -> bool:
    """Whether ``s`` may hold a single item ("single": an article and a verb of loss), is in an air context
    ("air"), names drones or missiles ("air_words"), is hedged, speaks of footage, combat or what is
    reportedly so, or goes on about the place of the sentence before ("continues")."""
    if name == "single":
        return _flag[s, "article"] and _flag[s, "single_hint"]
    return _FLAG_PATTERNS[name].found(s)


@memoized(_CACHE)
def _clause_breaks(s: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of the clause breaks of ``s``, in order."""
    if not any(part in s for part in _CLAUSE_BREAK_PARTS):
        return (), ()
    spans = [m.span() for m in _CLAUSE_BREAK.finditer(s)]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


@lru_cache(maxsize=1)
def _default_registries() -> Registries:
    return load_seed_registries()


def extract(
    text: str, published: date | None = None, registries: Registries | None = None, title: str | None = None
) -> Extraction:
    """The claims of one article. ``published`` resolves relative dates; ``title`` helps place it."""
    if registries is None:
        registries = _default_registries()
    next_article()
    reader = _ArticleReader(text or "", published, registries, title)
    return Extraction(reader.read(), reader.unverified())


# The patterns of the per-figure readings below, compiled once: they run several times for every figure.
_POSSESSIVE_BEFORE = Caseless(re.compile(r"(?i)\b(?:his|her|its|their|our)\s+(?:own\s+)?$"))
_POSSESSIVE_AFTER = Caseless(re.compile(r"(?i)^\s*(?:of\s+)?(?:his|her|its|their|our)\b"))
_FROM_FORMATION = Caseless(
    re.compile(r"(?i)^\s+(?:from|of|belonging\s+to|serving\s+(?:in|with))\s+(?:a|an|the)?\s*")
)
_BY_AGENT = Caseless(re.compile(r"(?i)^[^,;.]{0,60}?\bby\s+(?:the\s+)?"))
_INDEFINITE_BEFORE = re.compile(r"(?i)\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$")
_OBJECT_BEFORE = Caseless(
    re.compile(
        r"(?i)\b(?:told|to|against|on|at|with|sank|sunk|hit|struck|destroyed|downed|killed|captured|"
        r"attacked|targeted|shot\s+down|intercepted|toward|towards|than)\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:(?:president|defence|defense|minister|leader|\w+-\w+)\s+){0,2}$"
    )
)
_SUFFERED = Caseless(re.compile(r"(?i)\b(?:lost|suffered|losing|loses|sustained)\b"))
_TOTAL_BRACKET_BEFORE = re.compile(r"\(\s*(?:total|in\s+total|overall)?:?\s*$")
_DELTA_AFTER = re.compile(r"^\s*\(\s*\+")
_AND_OR_COMMA = re.compile(r"\band\b|,")
_DESCRIPTION_AFTER = re.compile(r"\s+(?:by|in|to|for|as|on|at|during)\b")


# The rest of a tally line after its label: "/boats — ", " (MLRS): ".
_LIST_LABEL = re.compile(r"[^\n\d]{0,40}?\s*[\u2013\u2014\-:=]\s*(?:about\s+|approximately\s+)?$")


# The patterns read inline in the functions below, compiled once (``re``'s own cache costs a look-up a call).
_UPPER = re.compile(r"[A-Z]")
_ITS_THEIR = re.compile(r"(?i)^(?:its|their)\s")
_LIST_GAP = re.compile(r"(?i)(?:,|\band\b|\bas\s+well\s+as\b)[^,;]{0,40}$")
_UNITS_OF = re.compile(r"(?i)^\s*(?:units?|pieces?|items?)\s+of\s+(?:[\w-]+\s+){0,2}$")
_OF_THE = re.compile(r"(?i)^\s*of\s+(?:the|these|those|its|their|them)?\s*(?:[\w'’-]+\s+){0,2}$")
_INCLUDING = re.compile(r"(?i)\b(?:including|of\s+which|of\s+whom|among\s+them|incl\.)\s*$")
_PREPOSITION_AFTER = re.compile(r"(?i)^\s+(?:over|in|near|at|on|from|across|around|along|for|by)\b")
_LIST_BEFORE = re.compile(r"[:,;]\s*(?:and\s+)?(?:\w+\s+){0,2}$")
_LINK_MARK = re.compile(r"^\s*[\u2013\u2014\-:=(]")
_BLANK = re.compile(r"\s*")
_AND_VERB = re.compile(r"^\s*(?:and|or|,)\s+\w+\s*$")
_ONE_PERSON = re.compile(
    r"(?i)^(?:soldier|serviceman|servicewoman|officer|commander|fighter|paratrooper|marine|pilot|"
    r"mercenary|conscript|sniper|militant|man|service\s*member)$"
)
_NAME_AFTER = re.compile(r"^\s+[A-Z\"“]")
_NAME_BEFORE = re.compile(r"[A-Z][\w-]+\s*$")
_STRUCK_WITH = re.compile(
    r"(?i)\b(?:struck|strikes?|attacked|hit|targeted|bombarded|launched|fired)\b[^,.;]{0,30}"
    r"(?:\bwith\s*|\b(?:launched|fired)\s*)$"
)
_LIST_END = re.compile(r"(?i)(?:,|\band|\bas\s+well\s+as)\s*$")
_CAPTURE_WORD = re.compile(r"captur|prisoner|captive|surrender|seiz")
_KILL_WORD = re.compile(r"kill|dead|slain")
_WOUND_WORD = re.compile(r"wound|injur")
_PERSON_WORD = re.compile(r"kill|wound|injur|prisoner|captive")
_THEY = re.compile(r"(?i)\bthey|their\b")
_GROUP_OPENER = re.compile(r"(?i)^(?:the|this|that)\s+(?:group|unit|crew|team|soldiers)\b")
_IF_BEFORE = re.compile(r"(?i)\b(?:if|would|could|might|may)\b[^,.;]*$")


class _ArticleReader:
    def __init__(self, text: str, published: date | None, registries: Registries, title: str | None) -> None:
        self.text = text
        self.published = published
        self.registries = registries
        self.title = title or ""
        self.sentences = split_sentences(text)
        self.places: list[PlaceHit] = []
        self.units: list[UnitHit] = []
        self.claimant_hits: list[Hit] = []
        scan: Memo[_Names] | None = registries.__dict__.get("_sentence_names")
        if scan is None:
            scan = registries.__dict__["_sentence_names"] = Memo(
                partial(_scan_names, registries=registries), _CACHE
            )
        for sentence in self.sentences:
            places, units, claimants = scan[sentence.text]
            shift = sentence.start
            # The hits at article offsets, built directly: ``dataclasses.replace`` is several times slower.
            if places:
                self.places.extend(
                    PlaceHit(p.start + shift, p.end + shift, p.region, p.place, p.raw, p.direction)
                    for p in places
                )
            if units:
                self.units.extend(
                    UnitHit(u.start + shift, u.end + shift, u.name, u.side, u.raw, u.rank) for u in units
                )
            if claimants:
                self.claimant_hits.extend(
                    Hit(h.start + shift, h.end + shift, h.payload, h.key) for h in claimants
                )
        self.units = with_anaphora(text, self.units)
        self._speakers: dict[int, _Speaker | None] = {}
        self._sides: dict[int, list[SideMention]] = {}
        self._attributions: dict[int, list[Attribution]] = {}
        self._actors: dict[tuple[int, int], list[SideMention]] = {}
        self._objects: dict[tuple[int, int], bool] = {}
        # What the last claim of the previous sentences counted, for "76 of them" (noun, side, strength).
        self._last_reading: tuple[Noun, str | None, int] | None = None
        self.region = dominant_region(self.places)
        if self.region is None and self.title:
            title_places = find_places(self.title, tokenize(self.title), registries)
            if title_places and title_places[0].region:
                self.region = title_places[0].region

    # --- the article -----------------------------------------------------------------------------

    @cached_property
    def air_article(self) -> bool:
        """Whether the article speaks of an air attack (read when a sentence's figures first ask)."""
        return _AIR_LOW.found(self.text)

    @cached_property
    def _lead_span(self) -> tuple[date, date] | None:
        """The days from first to last that the article's lead names, when it names such a span that ended
        in the fortnight before publication (a weekly summary's "from November 23 to 29")."""
        if self.published is None:
            return None
        for sentence in self.sentences[:4]:
            if not any(c.isdigit() for c in sentence.text):
                continue
            for t in _times[sentence.text, self.published]:
                if (
                    t.kind == DAY
                    and t.date is not None
                    and t.date_start is not None
                    and 0 <= (self.published - t.date).days <= 14
                ):
                    return t.date, t.date_start
        return None

    def unverified(self) -> bool:
        # Every phrase of the pattern holds one of these stems: most articles are cleared without a scan.
        lowered = self.text.lower()
        if "verif" not in lowered and "confirm" not in lowered and "corroborat" not in lowered:
            return False
        return _UNVERIFIED_LOW.found(self.text)

    def read(self) -> list[Claim]:
        drafts: list[_Draft] = []
        previous_period: str | None = None
        for sentence in self.sentences:
            if not _triggered[sentence.text]:
                continue
            found = self._read_sentence(sentence, previous_period)
            if found:
                explicit = [d.claim.period for d in found if d.period_explicit]
                previous_period = explicit[-1] if explicit else found[-1].claim.period
            drafts.extend(found)
        drafts.extend(self._engagements(drafts))
        return [d.claim for d in _dedupe(drafts)]

    # --- per sentence ---------------------------------------------------------------------------

    def attributions(self, sentence: Sentence) -> list[Attribution]:
        if sentence.index not in self._attributions:
            self._attributions[sentence.index] = _attributions[sentence.text]
        return self._attributions[sentence.index]

    def sides(self, sentence: Sentence) -> list[SideMention]:
        if sentence.index not in self._sides:
            self._sides[sentence.index] = _side_mentions[sentence.text]
        return self._sides[sentence.index]

    def speaker(self, sentence: Sentence, depth: int = 0) -> _Speaker | None:
        """Who the sentence says is speaking, resolving "it" and "the ministry" from earlier sentences."""
        if sentence.index in self._speakers:
            return self._speakers[sentence.index]
        speaker = None
        for attribution in self.attributions(sentence):
            speaker = self._resolve(attribution, sentence, depth)
            if speaker is not None:
                break
        self._speakers[sentence.index] = speaker
        return speaker

    def _resolve(self, attribution: Attribution, sentence: Sentence, depth: int) -> _Speaker | None:
        raw = attribution.raw
        full = attribution.full or raw
        hits = self._claimants_in(full)
        if hits:
            entry: ClaimantEntry = max(hits, key=lambda h: h.end - h.start).payload
            return _Speaker(entry.name, entry.side, raw, True)
        named_side = side_of_phrase(full)
        unit_here = self._unit_in_phrase(full)
        if unit_here is None:
            # "The brigade's press officer said": the formation "the brigade" stands for.
            span = range(sentence.start + attribution.start, sentence.start + attribution.end)
            unit_here = next((u for u in self.units if u.start in span and u.side), None)
        if unit_here is not None:
            return _Speaker(unit_here.name, unit_here.side, raw, True, True)
        if _UPPER.search(raw) and _INSTITUTION.search(raw):
            # "the Defence Ministry in Moscow" is the Russian Defence Ministry; a bare "the Air Force" is the
            # one the registry knows for one side only.
            entry = self._qualified_claimant(raw, (named_side,) if named_side else (UA, RU))
            if entry is not None:
                return _Speaker(entry.name, entry.side, raw, True)
        if attribution.anaphoric and named_side is None:
            unit_speaker = bool(_UNIT_SPEAKER.match(raw)) or bool(_ITS_THEIR.match(raw))
            # "the unit said": the formation named as the sentence's actor is the speaker.
            for hit in self.claimant_hits:
                # Only a formation named before the speech verb ("The 47th Brigade destroyed ..., the unit
                # said"); one named in what is said ("the ministry noted that the Air Force ...") is not it.
                if sentence.start <= hit.start < sentence.start + attribution.start:
                    entry = hit.payload
                    return _Speaker(entry.name, entry.side, raw, True, unit_speaker)
            if unit_speaker:
                for unit in self.units:
                    if sentence.start <= unit.start < sentence.end and unit.side:
                        return _Speaker(unit.name, unit.side, raw, True, True)
            earlier = self._earlier_speaker(sentence, depth, person=raw.lower() in ("he", "she"))
            if earlier is not None:
                return _Speaker(earlier.name, earlier.side, raw, True, unit_speaker or earlier.unit_speaker)
            if unit_speaker:
                # A unit reporting what it did to the other side: the side opposite the one it hit.
                target = self._first_actor(sentence, skip=attribution)
                return _Speaker(None, opposite(target) or UA, raw, True, True)
            actor = self._first_actor(sentence, skip=attribution)
            return _Speaker(None, actor, raw, True, unit_speaker) if actor else None
        side = named_side
        if side is None and not _UPPER.search(raw):
            return None
        if side is None and _INSTITUTION.search(raw):
            # "the Air Force said", "the Defence Ministry said": the side of the sentence's actor or of
            # the article's earlier speakers.
            earlier = self._earlier_speaker(sentence, depth)
            side = earlier.side if earlier is not None else self._first_actor(sentence, skip=attribution)
        name = strip_article(raw) if _UPPER.search(raw) else None
        return _Speaker(name, side, raw, True)

    def _qualified_claimant(self, raw: str, sides: tuple[str, ...]) -> ClaimantEntry | None:
        """The registry claimant named by the institution with a side's adjective before it, when exactly
        one of ``sides`` gives one."""
        base = strip_article(raw)
        if side_of_phrase(base) is not None:
            return None
        found: list[ClaimantEntry] = []
        for side in sides:
            for adjective in _SIDE_ADJECTIVES.get(side, ()):
                phrase = f"{adjective} {base}"
                for hit in self._claimants_in(phrase):
                    if hit.start == 0 and hit.end == len(phrase) and hit.payload.side == side:
                        found.append(hit.payload)
                        break
        return found[0] if len({entry.name for entry in found}) == 1 else None

    def _claimants_in(self, phrase: str) -> list[Hit]:
        # Speaker phrases recur across articles: their registry hits are kept with the registries.
        cache: dict[str, list[Hit]] = self.registries.__dict__.setdefault("_phrase_claimants", {})
        hits = cache.get(phrase)
        if hits is None:
            if len(cache) > _CACHE:
                cache.clear()
            hits = cache[phrase] = self.registries.claimant_matcher.find(tokenize_phrase(phrase))
        return hits

    def _unit_in_phrase(self, phrase: str) -> UnitHit | None:
        cache: dict[str, UnitHit | None] = self.registries.__dict__.setdefault("_phrase_units", {})
        if phrase not in cache:
            if len(cache) > _CACHE:
                cache.clear()
            cache[phrase] = self._find_unit_in_phrase(phrase)
        return cache[phrase]

    def _find_unit_in_phrase(self, phrase: str) -> UnitHit | None:
        tokens = tokenize_phrase(phrase)
        for hit in self.registries.unit_matcher.find(tokens):
            unit = hit.payload
            return UnitHit(0, 0, unit.name, unit.side, phrase, 3)
        for hit in find_units(phrase, tokens, self.registries):
            if hit.side:
                return hit
        return None

    def _earlier_speaker(
        self, sentence: Sentence, depth: int, reach: int = 6, person: bool = False
    ) -> _Speaker | None:
        if depth > 2:
            return None
        for index in range(sentence.index - 1, max(-1, sentence.index - 1 - reach), -1):
            earlier = self.sentences[index]
            found = self.speaker(earlier, depth + 1)
            if found is not None:
                return found
            if person and sentence.index - index <= 2:
                # "Gen. X, commander of Ukraine's <group>, gave his own figures. '...,' he wrote": the
                # person just introduced, by the body they speak for.
                named = [h for h in self.claimant_hits if earlier.start <= h.start < earlier.end]
                if named:
                    entry: ClaimantEntry = named[-1].payload
                    return _Speaker(entry.name, entry.side, named[-1].key.strip(), True)
        return None

    def _first_actor(self, sentence: Sentence, skip: Attribution | None = None) -> str | None:
        for mention in self.sides(sentence):
            if skip is not None and skip.start <= mention.start < skip.end:
                continue
            if not mention.locative and mention.side in (UA, RU, KP):
                return mention.side
        return None

    def _claim_speaker(self, sentence: Sentence) -> _Speaker | None:
        """The sentence's own speaker, or one carried over from the sentences just before."""
        own = self.speaker(sentence)
        if own is not None:
            return own
        if _flag[sentence.text, "reportedly"]:
            return None
        for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
            earlier = self.sentences[index]
            if earlier.headline and not sentence.headline:
                continue
            found = self.speaker(earlier)
            if found is None:
                continue
            if sentence.index - index == 3 and (
                found.unit_speaker or found.name not in self.registries.claimant_names
            ):
                # A relay's unattributed sentences go on in the voice of an institution three sentences up
                # ("..., the ministry said. The enemy lost up to 560 servicemen. Battlegroup Zapad units
                # took ... Ukrainian losses amounted to up to 3,580"); a person or a unit speaks for less.
                return None
            return _Speaker(found.name, found.side, found.raw, False, found.unit_speaker)
        return None

    def _figure_speaker(
        self, sentence: Sentence, figure: Figure, default: _Speaker | None
    ) -> _Speaker | None:
        """With two speakers in one sentence ("Kyiv said ..., while Moscow said ..."), the one of the figure's
        clause."""
        attributions = self.attributions(sentence)
        if len(attributions) < 2:
            return default
        s = sentence.text
        clause = (_clause_start(s, figure.qstart), _clause_end(s, figure.end))
        same = [a for a in attributions if clause[0] <= a.start < clause[1]]
        chosen = same[0] if same else min(attributions, key=lambda a: abs(a.start - figure.start))
        return self._resolve(chosen, sentence, 0) or default

    def _read_sentence(self, sentence: Sentence, previous_period: str | None) -> list[_Draft]:
        s = sentence.text
        figures = [f for f in _figures[s] if not _inside_unit(sentence, f, self.units)]
        has_article = _flag[s, "single"]
        if not figures and not has_article:
            return []
        nouns = _nouns[s]
        if not nouns and not (
            # "Air defences shot down 140 of them": the previous sentence says what they are.
            self._last_reading is not None and any(_OTHERS.match(s[f.end :]) for f in figures)
        ):
            return []
        # A verb inside a noun ("multiple launch rocket systems") is no verb. Only figures read verbs.
        verbs = [
            v
            for v in (_verbs[s] if figures else ())
            if not any(n.start <= v.start < n.end and n.kind == "equipment" for n in nouns)
        ]
        attributions = self.attributions(sentence)
        # (The speaker is read here, in sentence order, even when no claim needs it: a speaker is kept
        # once read, and one read first from a later sentence's search can differ.)
        speaker = self._claim_speaker(sentence)
        ground_list = len({n.equipment for n in nouns if n.equipment in _GROUND}) >= 2
        # Only the figures' categories read it.
        air = bool(figures) and (_flag[s, "air"] or (self.air_article and _flag[s, "air_words"]))
        drafts: list[_Draft] = []
        readings: list[tuple[Figure, Noun | None, str | None]] = []
        np_spans: list[tuple[int, int]] = []
        sources: dict[int, int] = {}
        side_by_start: dict[int, tuple[str | None, int]] = {}
        for index, figure in enumerate(figures):
            noun, _modifier, source = self._counted_noun(s, figure, figures, index, nouns, readings, verbs)
            if source is not None:
                sources[index] = source
            readings.append((figure, noun, None))
            if noun is not None and noun.start >= figure.end:
                np_spans.append((figure.qstart, noun.end))
        for index, (figure, noun, _) in enumerate(list(readings)):
            if noun is None or noun.kind == cat.SKIP:
                continue
            verb = _governing_verb(s, figure, noun, verbs, attributions)
            if verb is None:
                verb = _tally_header_verb(s, figure, verbs)
            partitive = _partitive_total(s, figure)
            if partitive:
                # "20 of the 31 Abrams tanks the US sent": the whole is read with its own verb only.
                verb = next((v for v in verbs if v.start >= max(noun.end, figure.end)), None)
                earlier = readings[index - 1][2] if index else None
                if verb is None and earlier == "intercepted":
                    verb = Verb(figure.start, figure.start, cat.V_LAUNCH, False)
            if (
                noun.kind in (cat.KILLED, cat.WOUNDED, cat.CASUALTIES, cat.CAPTURED)
                and noun.start < figure.start
            ):
                # A loss noun before the figure ("deaths by 1,030") names the category itself.
                verb_kind = (
                    verb.kind if verb and verb.kind in (cat.V_AID, cat.V_EXCHANGE, cat.V_MOBILISE) else None
                )
            else:
                verb_kind = verb.kind if verb else None
            category = cat.category_for(noun.kind, noun.equipment, verb_kind, air)
            modifier = None
            if category is None and verb_kind not in (cat.V_AID, cat.V_EXCHANGE, cat.V_MOBILISE):
                modifier = self._modifier_of(s, figure, noun, nouns)
                category = modifier
            if category is None:
                continue
            if category == "intercepted" and verb_kind != cat.V_INTERCEPT and ground_list:
                # Drones "destroyed" in a list of tanks, artillery and vehicles are losses, not intercepts.
                category = "equipment"
            if category == "launched" and verb and verb.kind == cat.V_INTERCEPT:
                continue
            if category == "deployed" and figure.value == 1 and _ONE_OF.match(s, figure.end):
                # "one of the soldiers had been sent to Russia": one man picked out of a group, not a
                # figure of troops sent.
                continue
            if category == "intercepted" and partitive and verb and verb.kind != cat.V_INTERCEPT:
                category = "launched"
            readings[index] = (figure, noun, category)
            figure_speaker = self._figure_speaker(sentence, figure, speaker)
            draft = self._draft(
                sentence,
                figure,
                noun,
                verb,
                category,
                figure_speaker,
                attributions,
                previous_period,
                len(figures),
                np_spans,
            )
            if (
                category == "intercepted"
                and (draft.claim.period == "cumulative" or figure.delta)
                and verb
                and verb.kind != cat.V_INTERCEPT
            ):
                # A tally of drones "destroyed" since the war began (and its daily "(+N)") counts losses,
                # not one night's intercepts.
                draft.claim.category = "equipment"
            source = sources.get(index)
            inherited = None
            if source == -1 and self._last_reading is not None:
                inherited = (self._last_reading[1], self._last_reading[2])
            elif source is not None and source >= 0:
                inherited = side_by_start.get(readings[source][0].start)
                if draft.side_strength >= 2 and _clause_start(s, figure.qstart) > readings[source][0].end:
                    # "Kyiv said Russia had lost N soldiers, while Moscow said Ukraine had lost up to
                    # M": the noun carries over, the side is the new clause's own.
                    inherited = None
            if inherited is not None and inherited[0] is not None:
                # The figure counts the same side's people or equipment as the one it follows.
                draft.claim.subject_side = inherited[0]
                draft.side_strength = max(draft.side_strength, inherited[1])
            if draft.side_strength < 3 and drafts:
                previous = drafts[-1]
                gap = s[previous.figure_start : figure.qstart]
                if (
                    previous.side_strength == 3
                    and previous.figure_start < figure.start
                    and _LIST_GAP.search(gap)
                    and not any(
                        previous.figure_start < m.start < figure.qstart
                        and not m.locative
                        and m.side in (UA, RU, KP)
                        for m in self.sides(sentence)
                        if not any(lo <= m.start < hi for lo, hi in np_spans)
                    )
                    and _clause_start(s, figure.qstart) <= previous.figure_start
                ):
                    # "300 North Korean soldiers killed and 2,700 wounded": the same side's.
                    draft.claim.subject_side = previous.claim.subject_side
                    draft.side_strength = 2
            drafts.append(draft)
            side_by_start[figure.start] = (draft.claim.subject_side, draft.side_strength)
        for start, end, noun, verb, category in self._single_items(sentence, drafts) if has_article else []:
            if any(abs(d.figure_start - start) < 3 for d in drafts):
                continue
            figure = Figure(start, start + 1, start, 1, None, "exact", s[start:end])
            drafts.append(
                self._draft(
                    sentence,
                    figure,
                    noun,
                    verb,
                    category,
                    speaker,
                    attributions,
                    previous_period,
                    len(figures),
                    np_spans,
                )
            )
        if drafts and _flag[s, "hedged"]:
            drafts = [d for d in drafts if not _hypothetical(s, d.figure_start)]
        if drafts:
            last = max(drafts, key=lambda d: d.figure_start)
            self._last_reading = (
                (last.noun, last.claim.subject_side, last.side_strength) if last.noun else None
            )
        return drafts

    def _modifier_of(self, s: str, figure: Figure, noun: Noun, nouns: list[Noun]) -> str | None:
        """The loss adjective of "two wounded soldiers", "300 dead soldiers"."""
        for other in nouns:
            if (
                figure.end <= other.start
                and other.end <= noun.start
                and other.kind in (cat.WOUNDED, cat.KILLED)
            ):
                return other.kind
        return None

    def _counted_noun(
        self,
        s: str,
        figure: Figure,
        figures: list[Figure],
        index: int,
        nouns: list[Noun],
        readings: list[tuple[Figure, Noun | None, str | None]],
        verbs: list[Verb],
    ) -> tuple[Noun | None, str | None, int | None]:
        """(counted noun, loss adjective before it, index of the reading it takes its noun from; -1 for the
        previous sentence)."""
        next_figure = figures[index + 1].qstart if index + 1 < len(figures) else len(s)
        # After the figure: "1,610 men", "50 North Korean soldiers", "19,480 unmanned aerial vehicles".
        for noun in nouns:
            if noun.start < figure.end:
                continue
            if noun.start >= next_figure:
                break
            gap = s[figure.end : noun.start]
            if (
                index + 1 < len(figures)
                and "\n" in gap
                and not gap[gap.rfind("\n") :].strip()
                and _LIST_LABEL.match(s, noun.end, figures[index + 1].qstart)
            ):
                # "air defense systems — 1,081\naircraft — 370": a label at the start of the next line
                # counts the next line's figure; this figure's label is before it.
                break
            if len(gap.split()) <= 5 and not _NP_GAP_STOP.search(gap):
                if noun.kind in (cat.WOUNDED, cat.KILLED):
                    # "two wounded North Korean soldiers": the soldiers are counted, "wounded" describes them.
                    head = next((n for n in nouns if n.start >= noun.end), None)
                    if (
                        head is not None
                        and head.kind == cat.PERSONNEL
                        and len(s[noun.end : head.start].split()) <= 3
                        and not _NP_GAP_STOP.search(s[noun.end : head.start])
                    ):
                        return head, noun.kind, None
                if noun.equipment == "other":
                    # "N launchers of an air defence system": the system says what was hit.
                    of = _OF_SYSTEM.match(s, noun.end)
                    whole = next((n for n in nouns if of and n.start >= of.end()), None)
                    if of and whole and whole.kind == "equipment" and whole.start - of.end() <= 25:
                        return Noun(noun.start, whole.end, whole.kind, whole.equipment), None, None
                return noun, None, None
            if _UNITS_OF.match(gap) or _OF_THE.match(gap):
                # "six units of special equipment", "four of the Kinzhals".
                return noun, None, None
            break
        tail = s[figure.end : next_figure]
        # "50 of the 73 drones": the figure counts what the next one counts.
        if index + 1 < len(figures) and _PARTITIVE.match(tail):
            later = self._counted_noun(s, figures[index + 1], figures, index + 1, nouns, [], verbs)[0]
            if later is not None:
                return later, None, None
        head = s[max(0, figure.qstart - 30) : figure.qstart]
        # "47 others", "including 1,740 over the past day", "its total of 133,190", "and wounded 23 near
        # Pokrovsk": what the figure before counted.
        inherits = (
            # "tanks - N (+M)": the day's increase counts what its running total counts.
            (figure.delta and index > 0)
            or _OTHERS.match(tail)
            or _TOTAL_WORD.search(head)
            or _INCLUDING.search(head)
            or (
                # "337 drones: 126 over the Kursk region, 91 over ...", "2,500 ..., some 4,150 in the
                # Tsentr area".
                _PREPOSITION_AFTER.match(tail)
                and _LIST_BEFORE.search(head)
                and not any(
                    n.start >= figure.end and n.start - figure.end < 25 and n.kind != cat.SKIP for n in nouns
                )
            )
            or (
                any(0 <= figure.qstart - v.end <= 2 for v in verbs)
                and not any(
                    n.start >= figure.end and n.start - figure.end < 40 and n.kind != cat.SKIP for n in nouns
                )
            )
        )
        if inherits:
            for position in range(len(readings) - 1, -1, -1):
                earlier_noun = readings[position][1]
                if earlier_noun is not None and earlier_noun.kind != cat.SKIP:
                    synthetic = Noun(figure.end, figure.end, earlier_noun.kind, earlier_noun.equipment)
                    return synthetic, None, position
            if _OTHERS.match(tail) and self._last_reading is not None:
                last = self._last_reading[0]
                return Noun(figure.end, figure.end, last.kind, last.equipment), None, -1
        # Before the figure: "tanks - 9,429", "Russian military deaths by 1,030", "losses amounted to 485".
        before_start = max(_item_start(s, figure.qstart), figure.qstart - 90)
        if index > 0:
            before_start = max(before_start, figures[index - 1].end)
        candidates = [n for n in nouns if before_start <= n.start and n.end <= figure.qstart]
        linked = [n for n in candidates if n.kind != cat.SKIP]
        if candidates and candidates[-1].kind == cat.SKIP:
            link = s[candidates[-1].end : figure.qstart]
            if _LINK_MARK.match(link):
                return None, None, None
        if linked:
            noun = linked[-1]
            if (
                noun.kind == cat.CASUALTIES
                and len(linked) > 1
                and linked[-2].kind == "equipment"
                and _BLANK.fullmatch(s[linked[-2].end : noun.start])
            ):
                # "aircraft losses at 347": losses of equipment.
                noun = linked[-2]._replace(end=noun.end)
            if _LINK_BEFORE.match(s[noun.end : figure.qstart]):
                return noun, None, None
        # "killed 50 and wounded 47 North Korean soldiers": the noun of the next figure.
        if index + 1 < len(figures) and _AND_VERB.match(tail):
            return (
                self._counted_noun(s, figures[index + 1], figures, index + 1, nouns, [], verbs)[0],
                None,
                None,
            )
        return None, None, None

    def _single_items(
        self, sentence: Sentence, drafts: list[_Draft]
    ) -> list[tuple[int, int, Noun, Verb | None, str]]:
        """One item without a figure: "a Russian tank being destroyed", "shot down a Su-25", "struck Ukraine
        with a ballistic missile", "taken a North Korean soldier prisoner", "sank the landing ship Tsezar
        Kunikov"."""
        s = sentence.text
        found: list[tuple[int, int, Noun, Verb | None, str]] = []
        low = _fastre.lowered(s)
        for match in _SINGLE_OPENER_LOW.finditer(low) if low is not None else _SINGLE_OPENER.finditer(s):
            definite = match.group(0).lower().startswith("the")
            noun = _single_noun[s, match.end(), min(len(s), match.end() + 45)]
            if noun is None:
                continue
            words = s[match.end() : noun.start]
            # A hyphenated name ("the <Town-on-River> submarine") is one word, whatever its parts.
            plain = _HYPHENATED.sub("x", words) if "-" in words else words
            if len(words.split()) > 3 or _NP_GAP_STOP.search(plain) or _NOT_SINGLE.search(plain):
                continue
            if noun.kind == cat.PERSONNEL and not _ONE_PERSON.match(s[noun.start : noun.end]):
                continue
            if noun.kind not in ("equipment", cat.PERSONNEL):
                continue
            if definite and not (
                noun.equipment in ("ship", "submarine")
                and (_NAME_AFTER.match(s[noun.end :]) or _NAME_BEFORE.search(words))
            ):
                # "the blasted tank": already counted; only named vessels are counted with "the".
                continue
            before = s[max(0, match.start() - 60) : match.start()]
            after = s[noun.end : noun.end + 60]
            if (
                noun.kind == "equipment"
                and noun.equipment in ("missile", "uav")
                and _STRUCK_WITH.search(before)
            ):
                found.append((match.start(), noun.end, noun, None, "launched"))
                continue
            active = _SINGLE_ACTIVE.search(before)
            passive = _SINGLE_PASSIVE.match(after)
            listed = None
            if not (active or passive) and (drafts or found) and _LIST_END.search(before):
                # "destroyed three MT-LBs and a tank": an item of the same list.
                earlier = [
                    (d.figure_start, d.claim.category) for d in drafts if d.figure_start < match.start()
                ]
                earlier += [(f[0], f[4]) for f in found]
                listed = max(earlier)[1] if earlier else None
            if not (active or passive or listed):
                continue
            # "taken a soldier prisoner": the word after the noun can say what the verb before did.
            verb_text = " ".join(m.group(0) for m in (active, passive) if m is not None).lower()
            if noun.kind == cat.PERSONNEL:
                if _CAPTURE_WORD.search(verb_text):
                    category = "captured"
                elif _KILL_WORD.search(verb_text):
                    category = "killed"
                elif _WOUND_WORD.search(verb_text):
                    category = "wounded"
                else:
                    continue
            elif listed:
                if listed not in ("equipment", "intercepted"):
                    continue
                category = listed if noun.equipment in ("uav", "missile") else "equipment"
            elif "shot" in verb_text or "down" in verb_text or "intercept" in verb_text:
                category = "intercepted" if noun.equipment in ("uav", "missile") else "equipment"
            elif _PERSON_WORD.search(verb_text):
                continue
            else:
                category = "equipment"
            # "the submarine had been hit": the item is the subject of a passive, not the object of an actor.
            undergone = (
                Verb(noun.end + passive.start(), noun.end + passive.end(), cat.V_DESTROY, True)
                if (passive and not active)
                else None
            )
            found.append((match.start(), noun.end, noun, undergone, category))
        return found

    def _draft(
        self,
        sentence: Sentence,
        figure: Figure,
        noun: Noun,
        verb: Verb | None,
        category: str,
        speaker: _Speaker | None,
        attributions: list[Attribution],
        previous_period: str | None,
        figure_count: int,
        np_spans: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> _Draft:
        s = sentence.text
        # Read here, for sentences that give a claim, rather than for every sentence with a noun.
        times = _times[s, self.published]
        side, strength = self._subject_side(
            sentence, figure, noun, verb, category, speaker, attributions, np_spans
        )
        period, period_explicit = _period(
            s, figure, times, category, noun, previous_period, figure_count, _figure_spans[s], attributions
        )
        day, day_start = _date(s, figure, times, period, self.published, attributions)
        if not times and period == "window" and self._lead_span is not None:
            # A weekly summary's figures "over the week": the days its lead names ("from November 23 to 29").
            day, day_start = self._lead_span
        place = _nearest_place(self.places, sentence, figure)
        unit = self._unit_for(sentence, figure, speaker)
        local: bool | None = None  # read only when a value is missing
        unit_carried = False
        if place is None or unit is None:
            local = _local(category, figure.value, period, max(_figure_values[s], default=0))
            if local and _flag[s, "continues"]:
                # "The enemy lost up to 80 servicemen there": where and by whom, from the paragraph.
                carried_place, carried_unit = self._carried(sentence)
                place = place or carried_place
                unit_carried = unit is None and carried_unit is not None
                unit = unit or carried_unit
        region = place.region if place else None
        if region is None and self.region:
            if local is None:
                local = _local(category, figure.value, period, max(_figure_values[s], default=0))
            if local:
                region = self.region
        claimant_side = speaker.side if speaker else None
        claim = Claim(
            category=category,
            equipment=noun.equipment if category in ("equipment", "launched", "intercepted") else None,
            value=figure.value,
            value_max=figure.value_max,
            qualifier=figure.qualifier,
            subject_side=side,
            claimant=speaker.name if speaker else None,
            claimant_side=claimant_side,
            period=period,
            date=day,
            date_start=day_start,
            region=region,
            place=place.place if place else None,
            unit=unit.name if unit else None,
            evidence=s,
            start=sentence.start,
            end=sentence.end,
            claimant_raw=speaker.raw if speaker else None,
            region_raw=place.raw if place and place.region else None,
            place_raw=place.raw if place and place.place else None,
            unit_raw=unit.raw if unit else None,
        )
        return _Draft(
            claim,
            sentence,
            strength,
            bool(speaker and speaker.explicit),
            period_explicit,
            figure.start,
            noun,
            unit_carried,
        )

    # --- sides -------------------------------------------------------------------------------------

    def _subject_side(
        self,
        sentence: Sentence,
        figure: Figure,
        noun: Noun,
        verb: Verb | None,
        category: str,
        speaker: _Speaker | None,
        attributions: list[Attribution],
        np_spans: list[tuple[int, int]],
    ) -> tuple[str | None, int]:
        s = sentence.text
        claimant_side = speaker.side if speaker else None
        mentions = self._actor_mentions(sentence, attributions)

        def resolve(mention: SideMention) -> str | None:
            if mention.side == "enemy":
                return opposite(claimant_side) or (RU if self._article_is_ukrainian() else None)
            if mention.side == "pronoun":
                return self._pronoun_side(sentence)
            return mention.side

        # 1. In the counted phrase: "50 North Korean soldiers", "Russian military deaths by 1,030".
        lo, hi = sorted((figure.end, noun.start))
        if noun.start < figure.start:
            lo = max(_clause_start(s, noun.start), noun.start - 40)
            hi = figure.qstart
        for mention in mentions:
            if lo <= mention.start < max(hi, noun.end) and mention.side != "pronoun":
                if mention.side == OTHER and noun.kind == "equipment":
                    # "British cruise missiles", "U.S.-made rockets": the maker, not the user.
                    continue
                side = resolve(mention)
                if side:
                    return side, 3
        # "20,000 of his fighters", "its own troops": the speaker's side.
        possessed = _POSSESSIVE_BEFORE.search(s[max(0, lo - 20) : lo]) or _POSSESSIVE_AFTER.search(
            s[figure.end : figure.end + 12]
        )
        if possessed and claimant_side in (UA, RU, KP, OTHER):
            return claimant_side, 2
        # "eight soldiers from a Chechen Akhmat unit": the side of the formation they come from.
        after_np = _FROM_FORMATION.match(s[noun.end :])
        if after_np and noun.start >= figure.end:
            for mention in mentions:
                if noun.end + after_np.end() <= mention.start <= noun.end + after_np.end() + 12:
                    side = resolve(mention)
                    if side:
                        return side, 3
        # 2. "destroyed by Ukraine's 92nd Brigade", "launched by Russia".
        end_of_np = max(noun.end, figure.end)
        by_agent = _BY_AGENT.search(s[end_of_np:])
        # "supplied by the United States" names a donor, "used by Ukrainian troops" the owner; only a
        # verb of loss or attack makes the "by" phrase the other side.
        by_verb = _BY_VERB.search(by_agent.group(0)) if by_agent else None
        if by_agent and not (by_verb and by_verb.group("donor")):
            for mention in mentions:
                if end_of_np + by_agent.end() <= mention.start <= end_of_np + by_agent.end() + 12:
                    agent = resolve(mention)
                    if not agent:
                        continue
                    if by_verb and by_verb.group("owner"):
                        return agent, 3
                    return (agent if category in ("launched", "deployed") else opposite(agent)), 2
        # 3. The actor of the clause: its first side before the verb (or the figure), read with the verb.
        # A single item that underwent a passive verb has no actor before it.
        single = not figure.words and not figure.raw[:1].isdigit()
        if single and verb is not None and verb.passive and verb.start >= noun.end:
            mentions = []
        clause_start = _clause_start(s, figure.qstart)
        limit = figure.qstart
        if verb is not None and verb.end <= figure.qstart:
            limit = verb.start
        before = [
            m
            for m in mentions
            if m.end <= limit and not any(lo_np <= m.start < hi_np for lo_np, hi_np in np_spans)
        ]
        # The nearest side before the verb that is not itself an object ("sank Russian submarine", "beaten
        # back a large Russian assault") or an addressee ("told President Vladimir Putin").
        before = [m for m in before if not self._is_object(sentence, m)]
        in_clause = [m for m in before if m.start >= clause_start]
        actor_mention = in_clause[-1] if in_clause else (before[-1] if before else None)
        own = None
        if claimant_side in (UA, RU, KP) and _flag[s, "own"]:
            owned = list(_OWN_FORCES.finditer(s, actor_mention.end if actor_mention else 0, limit))
            own = owned[-1] if owned else None
        if own is not None:
            # The speaker's own forces are the clause's actor, nearer the verb than any side word.
            between = s[own.end() : figure.qstart]
            if category in ("launched", "deployed") or not _agent_verb(between) or _SUFFERED.search(between):
                return claimant_side, 2  # type: ignore[return-value]
            return opposite(claimant_side) or claimant_side, 2  # type: ignore[return-value]
        if actor_mention is not None:
            actor = resolve(actor_mention)
            if actor:
                if category in ("launched", "deployed"):
                    return actor, 2
                between = s[actor_mention.end : figure.qstart]
                if _agent_verb(between) and not _SUFFERED.search(between):
                    flipped = opposite(actor)
                    if flipped:
                        return flipped, 2
                else:
                    return actor, 2
        # 4. No actor: the side opposite the claimant's (each side mostly reports the other's losses).
        if category == "intercepted" or category == "launched":
            fired = opposite(claimant_side) if claimant_side in (UA, RU) else None
            if fired:
                return fired, 1
        if claimant_side in (UA, RU, KP):
            return opposite(claimant_side), 1
        pronoun = self._pronoun_side(sentence) if _THEY.search(s[: figure.start]) else None
        if pronoun:
            return pronoun, 1
        return (RU if self._article_is_ukrainian() else None), 0

    def _is_object(self, sentence: Sentence, mention: SideMention) -> bool:
        """Whether a side word is an object or an addressee: read once a mention, not once a figure."""
        key = (sentence.index, mention.start)
        found = self._objects.get(key)
        if found is None:
            s = sentence.text
            found = self._objects[key] = bool(
                _INDEFINITE_BEFORE.search(s[max(0, mention.start - 30) : mention.start])
                or _OBJECT_BEFORE.search(s[max(0, mention.start - 40) : mention.start])
            )
        return found

    def _actor_mentions(self, sentence: Sentence, attributions: list[Attribution]) -> list[SideMention]:
        """The sentence's side mentions that can name an actor: not places, not inside a speaker phrase."""
        key = (sentence.index, id(attributions))
        found = self._actors.get(key)
        if found is None:
            found = self._actors[key] = [
                m
                for m in self.sides(sentence)
                if not m.locative and not any(a.start <= m.start < a.end for a in attributions)
            ]
        return found

    def _pronoun_side(self, sentence: Sentence) -> str | None:
        for index in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
            actor = self._first_actor(self.sentences[index])
            if actor:
                return actor
        return None

    def _article_is_ukrainian(self) -> bool:
        return True

    # --- units -------------------------------------------------------------------------------------

    def _unit_for(self, sentence: Sentence, figure: Figure, speaker: _Speaker | None) -> UnitHit | None:
        here = [u for u in self.units if sentence.start <= u.start < sentence.end]
        if here:
            at = sentence.start + figure.start
            return min(here, key=lambda u: (-u.rank, abs(u.start - at)))
        if speaker is not None and speaker.unit_speaker:
            # "the unit said": the formation named in a neighbouring sentence.
            nearby = [
                u for u in self.units if u.rank >= 2 and abs(self._sentence_of(u.start) - sentence.index) <= 3
            ]
            if nearby:
                return min(nearby, key=lambda u: abs(self._sentence_of(u.start) - sentence.index))
        return None

    def _carried(self, sentence: Sentence) -> tuple[PlaceHit | None, UnitHit | None]:
        """The place and the unit (its first) of the nearest of the two sentences before that name them,
        within the sentence's paragraph."""
        place: PlaceHit | None = None
        unit: UnitHit | None = None
        for index in range(sentence.index - 1, max(sentence.index - 3, -1), -1):
            previous, following = self.sentences[index], self.sentences[index + 1]
            if "\n" in self.text[previous.end : following.start]:
                break
            if place is None:
                place = _nearest_place(self.places, previous, None)
            if unit is None:
                unit = next((u for u in self.units if previous.start <= u.start < previous.end), None)
        return place, unit

    def _sentence_of(self, offset: int) -> int:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.index
        return -100

    # --- engagements -------------------------------------------------------------------------------

    def _engagements(self, drafts: list[_Draft]) -> list[_Draft]:
        # A unit that a claim of its own sentence counts for has no engagement besides; one whose count was
        # carried to a later sentence ("The enemy lost up to 80 servicemen there") still may.
        counted = {d.claim.unit for d in drafts if d.claim.unit and not d.unit_carried}
        seen: set[str] = set()
        found: list[_Draft] = []
        for unit in self.units:
            if unit.name in counted or unit.name in seen or unit.rank < 2:
                continue
            index = self._sentence_of(unit.start)
            if index < 0:
                continue
            sentence = self.sentences[index]
            local = (
                sentence.text[: unit.start - sentence.start]
                + " "
                + sentence.text[unit.end - sentence.start :]
            )
            combat_sentence: Sentence | None = None
            if _COMBAT.search(local):
                combat_sentence = sentence
            elif _flag[sentence.text, "footage"] and self._footage_combat is not None:
                combat_sentence = self._footage_combat
            elif index > 0 and _GROUP_OPENER.match(sentence.text):
                previous = self.sentences[index - 1]
                if _flag[previous.text, "combat"]:
                    combat_sentence = previous
            if combat_sentence is None:
                continue
            seen.add(unit.name)
            found.append(self._engagement(unit, sentence, combat_sentence))
        return found

    @cached_property
    def _footage_combat(self) -> Sentence | None:
        """The article's first sentence that shows combat on footage (found only when a unit needs it)."""
        return next((s for s in self.sentences if _flag[s.text, "footage"] and _flag[s.text, "combat"]), None)

    def _engagement(self, unit: UnitHit, sentence: Sentence, combat: Sentence) -> _Draft:
        speaker = self._claim_speaker(sentence)
        unit_side = unit.side or (speaker.side if speaker else None) or UA
        attacked: str | None = None
        verb = _COMBAT.search(combat.text)
        if verb:
            for mention in self.sides(combat):
                if (
                    mention.start >= verb.start()
                    and not mention.locative
                    and mention.side in (UA, RU, KP)
                    and mention.side != unit_side
                ):
                    attacked = mention.side
                    break
        if verb and combat is sentence and unit.start - sentence.start > verb.start():
            # "Russian forces struck positions of the Ukrainian 41st brigade", "units of Battlegroup Sever
            # inflicted defeat on the 41st brigade": the unit is the one hit.
            actors = [
                (m.start, m.side)
                for m in self.sides(combat)
                if m.start < verb.start() and not m.locative and m.side in (UA, RU, KP)
            ]
            actors += [
                (u.start - sentence.start, u.side)
                for u in self.units
                if sentence.start <= u.start < sentence.start + verb.start() and u.side
            ]
            if actors and max(actors)[1] != unit_side:
                attacked = unit_side
        if attacked is None:
            attacked = opposite(unit_side) or RU
        place = _nearest_place(self.places, sentence, None) or (
            _nearest_place(self.places, combat, None) if combat is not sentence else None
        )
        region = place.region if place else self.region
        times = _times[sentence.text, self.published]
        day = next((t.date for t in times if t.kind == DAY and t.date), self.published)
        claimant_side = speaker.side if speaker and speaker.side else unit_side
        claim = Claim(
            category="engagement",
            equipment=None,
            value=None,
            value_max=None,
            qualifier="exact",
            subject_side=attacked,
            claimant=speaker.name if speaker else None,
            claimant_side=claimant_side,
            period="window",
            date=day,
            date_start=None,
            region=region,
            place=place.place if place else None,
            unit=unit.name,
            evidence=sentence.text,
            start=sentence.start,
            end=sentence.end,
            claimant_raw=speaker.raw if speaker else None,
            region_raw=place.raw if place and place.region else None,
            place_raw=place.raw if place and place.place else None,
            unit_raw=unit.raw,
        )
        return _Draft(
            claim, sentence, 2, bool(speaker and speaker.explicit), False, unit.start - sentence.start
        )


# --- helpers ---------------------------------------------------------------------------------------


def _inside_unit(sentence: Sentence, figure: Figure, units: list[UnitHit]) -> bool:
    start = sentence.start + figure.start
    return any(u.start <= start < u.end for u in units)


def _item_start(s: str, position: int) -> int:
    """Start of a tally item: after the last semicolon or bracket before ``position``."""
    cut = max(s.rfind(";", 0, position), s.rfind(")", 0, position))
    return cut + 1


def _mid_break(s: str, position: int, starts: tuple[int, ...], ends: tuple[int, ...]) -> bool:
    """Whether a break crosses ``position`` or ``position`` splits a word: then the text cut there reads
    differently from the whole sentence and the breaks must be searched again."""
    index = bisect_left(ends, position + 1)
    if index < len(starts) and starts[index] < position:
        return True
    return 0 < position < len(s) and s[position].isalnum() and s[position - 1].isalnum()


def _clause_start(s: str, position: int) -> int:
    starts, ends = _clause_breaks[s]
    if _mid_break(s, position, starts, ends):
        start = 0
        for match in _CLAUSE_BREAK.finditer(s, 0, position):
            start = match.end()
        return start
    index = bisect_right(ends, position)
    return ends[index - 1] if index else 0


def _clause_end(s: str, position: int) -> int:
    starts, ends = _clause_breaks[s]
    if _mid_break(s, position, starts, ends):
        match = _CLAUSE_BREAK.search(s, position)
        return match.start() if match else len(s)
    index = bisect_left(starts, position)
    return starts[index] if index < len(starts) else len(s)


# Auxiliaries and adverbs between a subject and its verb.
_LIGHT_WORDS = frozenset({
    "were", "was", "have", "has", "had", "been", "being", "be", "are", "is", "also", "reportedly",
    "allegedly", "all", "successfully", "either", "already", "now", "confirmed", "who", "that", "which",
    "in", "total",
})  # fmt: skip
_PERSONNEL_ONLY = (cat.V_KILL, cat.V_WOUND, cat.V_CASUALTY, cat.V_DEPLOY)
_EQUIPMENT_ONLY = (cat.V_INTERCEPT, cat.V_LAUNCH)
_POSTPOSED = Caseless(
    re.compile(
        r"(?i)\s*(?:(?P<cas>killed\s+(?:or|and)\s+(?:wounded|injured)|dead\s+(?:or|and)\s+wounded)|(?P<kill>killed|dead)|"
        r"(?P<wound>wounded|injured)|(?P<capture>captive|prisoner|prisoners|captured))\b"
    )
)


def _governing_verb(
    s: str, figure: Figure, noun: Noun, verbs: list[Verb], attributions: list[Attribution]
) -> Verb | None:
    """The nearest verb of interest in the figure's clause, outside its noun phrase, that fits the noun."""
    np_start = min(figure.qstart, noun.start)
    np_end = max(figure.end, noun.end)
    if noun.kind == cat.PERSONNEL and noun.start >= figure.end:
        # "87 soldiers killed and 140 wounded", "27 Russian soldiers captive": the word after says it.
        post = _POSTPOSED.match(s, np_end)
        if post:
            kind = {
                "cas": cat.V_CASUALTY,
                "kill": cat.V_KILL,
                "wound": cat.V_WOUND,
                "capture": cat.V_CAPTURE,
            }[post.lastgroup or "kill"]
            return Verb(post.start(), post.end(), kind, True)
    if noun.end <= figure.qstart:
        # "aircraft destroyed stands at 324": the verb between the noun and its figure.
        for verb in verbs:
            if noun.end <= verb.start and verb.end <= figure.qstart:
                return verb
    clause_start = _clause_start(s, np_start)
    clause_end = _clause_end(s, np_end)
    best: tuple[float, Verb] | None = None
    for verb in verbs:
        if noun.kind == "equipment" and verb.kind in _PERSONNEL_ONLY:
            continue
        if noun.kind == cat.PERSONNEL and verb.kind in _EQUIPMENT_ONLY:
            continue
        if (
            verb.kind in (cat.V_AID, cat.V_LAUNCH)
            and verb.start >= np_end
            and _DESCRIPTION_AFTER.match(s[verb.end : verb.end + 8])
        ):
            # "a Bradley supplied by the United States": a description, not what happened to it.
            continue
        if verb.end <= np_start:
            if verb.start < clause_start:
                continue
            between = s[verb.end : np_start]
            distance = len(between.split())
            if _AND_OR_COMMA.search(between) and any(
                clause_start <= b <= verb.start for _a, b in _figure_spans[s]
            ):
                # "N soldiers had died and M more were injured": the verb closes the previous
                # figure's conjunct.
                distance += 1
        elif verb.start >= np_end:
            if verb.start > clause_end:
                continue
            gap = s[np_end : verb.start]
            # Auxiliaries and adverbs between a subject and its verb do not add distance.
            words = [w for w in gap.split() if w.lower() not in _LIGHT_WORDS]
            distance = len(words) + 0.5
        else:
            continue
        if any(a.start <= verb.start < a.end for a in attributions) and verb.kind not in (
            cat.V_KILL,
            cat.V_WOUND,
            cat.V_CASUALTY,
            cat.V_DESTROY,
            cat.V_INTERCEPT,
            cat.V_LAUNCH,
        ):
            continue
        if best is None or distance < best[0]:
            best = (distance, verb)
    return best[1] if best else None


def _tally_header_verb(s: str, figure: Figure, verbs: list[Verb]) -> Verb | None:
    """A tally item after a colon ("the losses of the enemy are: personnel - N; tanks - M") is
    governed by the loss word of the header."""
    colon = s.rfind(":", 0, figure.qstart)
    if colon < 0:
        return None
    header = [v for v in verbs if v.end <= colon and v.kind in (cat.V_DESTROY, cat.V_CASUALTY, cat.V_KILL)]
    return header[-1] if header else None


_AGENT_VERB = Caseless(
    re.compile(
        r"(?i)\b(?:kill(?:s|ed|ing)?|destroy(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|neutrali[sz](?:e|es|ed|ing)|"
        r"inflict(?:s|ed|ing)?|caus(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|took|tak(?:e|es|ing)|shot|shoot(?:s|ing)?|"
        r"down(?:ed|ing)|hit(?:s|ting)?|struck|strik(?:e|es|ing)|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|"
        r"knock(?:s|ed|ing)?|liquidat(?:e|es|ed|ing)|intercept(?:s|ed|ing)?|wip(?:e|es|ed|ing)|repel(?:s|led|ling)?|"
        r"seiz(?:e|es|ed|ing)|burn(?:s|ed|t|ing)?|disabl(?:e|es|ed|ing)|hunt(?:s|ed|ing)?|target(?:s|ed|ing)?)\b"
    )
)


_BY_VERB = Caseless(
    re.compile(
        r"(?i)\b(?:(?P<donor>supplied|provided|donated|sent|delivered|given|made|built|produced|manufactured|"
        r"designed|developed|transferred|pledged|promised|funded|financed|bought|purchased)|"
        r"(?P<owner>used|operated|manned|crewed|owned|flown|piloted|deployed|fielded))\s+(?:\w+\s+){0,2}by\s+"
        r"(?:the\s+)?$"
    )
)


_PASSIVE_LOSS = Caseless(
    re.compile(r"(?i)\b(?:was|were|been|being|is|are)\s+(?:\w+\s+)?(?:killed|destroyed|hit|captured)\b")
)


def _agent_verb(between: str) -> bool:
    if _PASSIVE_LOSS.search(between):
        return False
    return bool(_AGENT_VERB.search(between))


_PARTITIVE_BEFORE = Caseless(
    re.compile(
        r"(?i)(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
        r"sixty|seventy|eighty|ninety|hundred|thousand|dozen))\s+(?:of|out\s+of)\s+(?:the\s+|a\s+total\s+of\s+)?$"
    )
)


def _partitive_total(s: str, figure: Figure) -> bool:
    """ "shot down 50 of 73 drones": 73 is the whole, the number launched."""
    window = s[max(0, figure.qstart - 30) : figure.qstart]
    # The pattern ends with "of" and what may follow it: most windows hold no "of" at all.
    return "of" in window.lower() and bool(_PARTITIVE_BEFORE.search(window))


def _hypothetical(s: str, position: int) -> bool:
    window = s[max(0, position - 60) : position]
    return bool(_IF_BEFORE.search(window))


def _local(category: str, value: int | None, period: str | None, largest: int = 0) -> bool:
    """Figures an article's dominant region may be given when their sentence names none. ``largest``: the
    sentence's largest figure (war-long tallies run to tens of thousands; one operation's do not)."""
    if category in ("launched", "intercepted"):
        return False
    if period == "cumulative":
        return largest < 10_000 and category == "equipment"
    return value is None or value < 1000 or category == "deployed"


def _nearest_place(places: list[PlaceHit], sentence: Sentence, figure: Figure | None) -> PlaceHit | None:
    here = [p for p in places if sentence.start <= p.start < sentence.end]
    if not here:
        return None
    if figure is None:
        specific = [p for p in here if p.place]
        return (specific or here)[0]
    at = sentence.start + figure.start
    # A town beats its region when both are named near the figure ("near Kurakhove in Donetsk Oblast").
    best = min(here, key=lambda p: abs(p.start - at))
    if best.place is None:
        for other in here:
            if other.place and other.region == best.region:
                return other
    return best


def _period(
    s: str,
    figure: Figure,
    times: list[TimeExpr],
    category: str,
    noun: Noun,
    previous_period: str | None,
    figure_count: int,
    others: tuple[tuple[int, int], ...] = (),
    attributions: list[Attribution] = (),  # type: ignore[assignment]
) -> tuple[str, bool]:
    """(period, whether the text said so). ``others``: the spans of the sentence's figures."""
    if figure.delta:
        return "window", True
    if _TOTAL_BRACKET_BEFORE.search(s[max(0, figure.qstart - 14) : figure.qstart]):
        # "13 tanks (5 711 in total)": the bracketed figure is the running total.
        return "cumulative", True
    if _DELTA_AFTER.match(s[figure.end : figure.end + 4]):
        # "9,429 (+5)": the running total of a General Staff tally.
        return "cumulative", True
    markers = [
        t
        for t in times
        if t.kind in (SINCE, TOTAL, DAY, MONTH, WEEK, SPAN, VAGUE, AS_OF)
        and not _in_other_brackets(s, t.start, figure)
    ]
    if len(markers) > 1 and any(t.kind == SINCE for t in markers):
        # "said on Sunday that 45,100 ... since the invasion began": the day a statement was made dates
        # the statement; the running total's own words give its period.
        said = [
            t
            for t in markers
            if t.kind == DAY
            and (
                any(a.start <= t.start < a.end for a in attributions)
                or _REPORTED_ON.search(s[max(0, t.start - 40) : t.start])
            )
        ]
        markers = [t for t in markers if t not in said] or markers
    if markers and ";" in s:
        # Semicolons part a tally's items: a marker in another item is that item's; a header before the
        # colon speaks for them all.
        item_start = s.rfind(";", 0, figure.qstart) + 1
        item_end = s.find(";", figure.end)
        item_end = len(s) if item_end < 0 else item_end
        colon = s.rfind(":", 0, figure.qstart)
        markers = [t for t in markers if item_start <= t.start < item_end or t.end <= colon] or markers
    if markers and others:
        # "about N people, including M over the past day": a marker with another figure between it
        # and this one is that figure's.
        own = [
            t
            for t in markers
            if not any(
                (t.end <= a and b <= figure.qstart) or (figure.end <= a and b <= t.start) for a, b in others
            )
        ]
        markers = own or markers
    if markers:
        at = figure.start

        def distance(t: TimeExpr) -> float:
            if t.end <= at:
                return at - t.end + 0.5
            return t.start - figure.end

        best = min(markers, key=distance)
        if best.kind in CUMULATIVE_KINDS or best.kind == AS_OF:
            return "cumulative", True
        # A window marker right next to the figure beats a running-total word further off.
        return "window", True
    big = sum(1 for f in _figure_values[s] if f >= 1000)
    if category == "equipment" and (figure.value >= 1000 or (figure_count >= 4 and big >= 2)):
        # Thousands of tanks are a running total, and so is the rest of a list made mostly of such
        # figures ("N tanks, M armored combat vehicles, ... K airplanes").
        return "cumulative", False
    if previous_period and _CONTINUES.match(s):
        return previous_period, False
    if category in ("killed", "wounded", "casualties"):
        if figure.value >= 100_000 or (category != "wounded" and figure.value >= 5000):
            return "cumulative", False
        if figure.value >= 100 and _toll_so_far[s]:
            # "About N soldiers have been killed and M wounded": a toll so far, not one event's.
            return "cumulative", False
    if category == "equipment" and figure_count >= 4 and previous_period == "cumulative":
        return "cumulative", False
    return "window", False


_PERFECT_LOSS = Caseless(
    re.compile(r"(?i)\b(?:have|has|had)\s+(?:\w+\s+)?(?:been\s+(?:killed|wounded|injured)|lost|suffered)\b")
)
_EVENT = Caseless(
    re.compile(
        r"(?i)\b(?:attack|strike|shelling|explosion|blast|bombing|assault|raid|ambush|crash|battle\s+for|"
        r"offensive|counteroffensive|operation)\b"
    )
)


@memoized(_CACHE)
def _toll_so_far(s: str) -> bool:
    return _PERFECT_LOSS.found(s) and not _EVENT.found(s)


@memoized(_CACHE)
def _figure_values(s: str) -> tuple[int, ...]:
    return tuple(f.value for f in _figures[s])


@memoized(_CACHE)
def _figure_spans(s: str) -> tuple[tuple[int, int], ...]:
    return tuple((f.qstart, f.end) for f in _figures[s])


def _in_other_brackets(s: str, position: int, figure: Figure) -> bool:
    """A time word inside brackets that do not hold the figure ("13 tanks (5 711 in total)") is not its
    own."""
    opened = s.rfind("(", 0, position)
    if opened < 0 or s.rfind(")", 0, position) > opened:
        return False
    closed = s.find(")", position)
    closed = len(s) if closed < 0 else closed
    return not (opened < figure.start < closed)


_REPORTED_ON = Caseless(
    re.compile(
        r"(?i)\b(?:said|says|told|reported|announced|stated|claimed|added|wrote|posted|published|confirmed|"
        r"estimated|noted)\b[^.;,]{0,30}$"
    )
)


_RELATIVE_DAY = re.compile(
    r"(?i)(?:yesterday|overnight|last\s+night|today|this\s+morning|tonight|earlier\s+today|"
    r"on\s+the\s+previous\s+day|the\s+day\s+before)"
)


def _date(
    s: str,
    figure: Figure,
    times: list[TimeExpr],
    period: str,
    published: date | None,
    attributions: list[Attribution] = (),  # type: ignore[assignment]
) -> tuple[date | None, date | None]:
    dated = [t for t in times if t.kind in (DAY, MONTH, WEEK, AS_OF) and t.date is not None]
    # The day of the events beats the day they were reported ("said on Wednesday that ... yesterday").
    events = [
        t
        for t in dated
        if not any(a.start <= t.start < a.end for a in attributions)
        and not _REPORTED_ON.search(s[max(0, t.start - 40) : t.start])
    ]
    if events and period != "cumulative":
        dated = events
    if period == "cumulative":
        as_of = [t for t in dated if t.kind in (AS_OF, DAY)]
        if as_of:
            best = min(as_of, key=lambda t: abs(t.start - figure.start))
            return best.date, None
        return published, None
    if dated:
        best = min(dated, key=lambda t: (abs(t.start - figure.start), t.kind != DAY))
        reported = [t for t in times if t.kind == DAY and t.date is not None and t not in events]
        if (
            best.date is not None
            and published is not None
            and reported
            and _RELATIVE_DAY.fullmatch(s[best.start : best.end])
        ):
            # "said on Sunday that ... overnight": the night before the statement, not before publication.
            return best.date + (reported[0].date - published), None  # type: ignore[operator]
        return best.date, best.date_start
    if any(t.kind == VAGUE for t in times):
        return None, None
    return published, None


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One claim per distinct fact: repeats of a figure merge into the claim with the clearest sentence."""
    groups: dict[tuple[object, ...], list[_Draft]] = {}
    order: list[tuple[object, ...]] = []
    for draft in drafts:
        c = draft.claim
        if c.category == "engagement":
            key: tuple[object, ...] = ("engagement", c.unit)
        else:
            key = (c.category, c.equipment, c.value, c.value_max, c.period)
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(draft)
    merged: list[_Draft] = []
    for key in order:
        group = groups[key]
        # Different sides named explicitly are different facts; fallback sides join the strongest.
        by_side: dict[str | None, list[_Draft]] = {}
        for draft in sorted(group, key=lambda d: -d.side_strength):
            side = draft.claim.subject_side
            if draft.side_strength >= 2 or not by_side:
                by_side.setdefault(side, []).append(draft)
            else:
                target = side if side in by_side else next(iter(by_side))
                by_side[target].append(draft)
        for members in by_side.values():
            # The same figure from two named sources of different sides ("the warlord said about N", "the
            # U.S. said over N") is two claims.
            sources: dict[str, list[_Draft]] = {}
            for draft in members:
                side = draft.claim.claimant_side
                if draft.speaker_explicit and side is not None:
                    sources.setdefault(side, []).append(draft)
            if len(sources) < 2:
                merged.extend(_merge(cluster) for cluster in _split_same_sentence(members))
                continue
            main = max(sources, key=lambda side: len(sources[side]))
            for side, drafts_of_side in sources.items():
                rest = [d for d in members if d.claim.claimant_side not in sources] if side == main else []
                merged.extend(_merge(cluster) for cluster in _split_same_sentence(drafts_of_side + rest))
    merged.sort(key=lambda d: (d.claim.start, d.figure_start))
    return merged


def _split_same_sentence(members: list[_Draft]) -> list[list[_Draft]]:
    """Equal figures at different places of one sentence ("all N cruise missiles ... N of the ballistic ones")
    are different facts; repeats in other sentences join the first of them."""
    if len(members) == 1:
        # Most figures are stated once: nothing to split (what the general case gives).
        return [members]
    by_sentence: dict[int, dict[int, _Draft]] = {}
    for draft in members:
        by_sentence.setdefault(draft.sentence.index, {}).setdefault(draft.figure_start, draft)
    widest = max(by_sentence.values(), key=len)
    if len(widest) < 2:
        return [members]
    seeds = [widest[start] for start in sorted(widest)]
    clusters = [[seed] for seed in seeds]
    for draft in members:
        if not any(draft is seed for seed in seeds):
            clusters[0].append(draft)
    return clusters


def _evidence_score(draft: _Draft) -> float:
    c = draft.claim
    score = 0.0
    if draft.speaker_explicit:
        score += 3
    if not draft.sentence.headline:
        score += 2
    if draft.sentence.index == 0:
        score -= 1
    score += sum(1 for v in (c.date, c.region, c.unit, c.claimant_side) if v is not None) * 0.5
    score += 0.5 if draft.period_explicit else 0
    return score


def _merge(members: list[_Draft]) -> _Draft:
    if len(members) == 1:
        # A claim stated once has nothing to take from others (what the general case gives).
        return members[0]
    best = max(members, key=_evidence_score)
    claim = best.claim
    updates: dict[str, object] = {}
    for name in CONTEXT_FIELDS:
        if getattr(claim, name) is None:
            for other in members:
                value = getattr(other.claim, name)
                if value is not None:
                    updates[name] = value
                    break
    if claim.qualifier == "exact":
        for other in members:
            if other.claim.qualifier != "exact":
                updates["qualifier"] = other.claim.qualifier
                break
    if updates:
        best = replace(best, claim=replace(claim, **updates))  # type: ignore[arg-type]
    return best


def clear_caches(registries: Registries | None = None) -> None:
    """Forget every reading kept per text, so that the next article is read as if none of its sentences
    had been seen before (the bench's cold rate; also a way to free the memory). ``registries``: the
    registries whose per-text readings go too (the default ones always do)."""
    for cached in (
        _triggered,
        _figures,
        _nouns,
        _verbs,
        _times,
        _attributions,
        _side_mentions,
        _single_noun,
        _flag,
        _clause_breaks,
        _toll_so_far,
        _figure_values,
        _figure_spans,
    ):
        cached.cache_clear()
    for module in (_dates, _sides, _fastre, _places, _registries):
        module.clear_caches()
    if _default_registries.cache_info().currsize:
        _default_registries().clear_text_caches()
    if registries is not None:
        registries.clear_text_caches()
