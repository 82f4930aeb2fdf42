"""What a figure counts (people, losses, equipment by type) and what is done to it (the verbs).

The nouns are read from one compiled alternation whose order does the disambiguation: longer and
more specific phrases come first, so "vehicles and fuel tanks" is read before "tanks", "armored
personnel carriers" before "personnel" and "fighter jets" before "fighters".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from ..patterns import Candidates, Caseless, WordAlternation

# Kinds of noun. PERSONNEL: people a figure counts; KILLED/WOUNDED/CASUALTIES/CAPTURED: a loss noun
# that names the category itself ("300 dead", "1,950 casualties"); EQUIPMENT:<type>; SKIP: a head
# noun that makes the figure something else (civilians, villages, shells, videos).
PERSONNEL = "personnel"
KILLED = "killed"
WOUNDED = "wounded"
CASUALTIES = "casualties"
CAPTURED = "captured"
SKIP = "skip"

_NOUNS: tuple[tuple[str, str], ...] = (
    (
        r"(?:drone|UAV|missile|artillery|mortar)\s+(?:control\s+points?|launch\s+(?:sites?|pads?|positions?)|"
        r"positions?|depots?|storage\s+sites?|hangars?)|control\s+points?|firing\s+positions?",
        SKIP,
    ),
    # Phrases that would otherwise be misread by a shorter entry below.
    (r"vehicles?\s+and\s+fuel\s+(?:tanks?|tankers?|trucks?)", "eq:vehicle"),
    (r"automotive\s+(?:equipment|vehicles?)(?:\s+and\s+fuel\s+tanks?)?", "eq:vehicle"),
    (r"fuel\s+(?:tanks?|tankers?|trucks?)", "eq:vehicle"),
    (r"(?:armou?red\s+)?personnel\s+carriers?|APCs?\b", "eq:armored_vehicle"),
    (
        r"unmanned\s+aerial\s+(?:vehicles?|vehicle\s+systems?|systems?)|unmanned\s+aircraft(?:\s+systems?)?",
        "eq:uav",
    ),
    (
        r"(?:unmanned|uncrewed)\s+(?:surface|ground|naval|sea)\s+(?:vehicles?|vessels?|drones?|systems?)",
        "eq:other",
    ),
    (r"(?:naval|sea|maritime|marine|water)\s+drones?|USVs?\b|UGVs?\b", "eq:other"),
    (
        r"all[\s-]terrain\s+vehicles?|ATVs?\b|quad\s*bikes?|buggies|buggy|motorcycles?|motorbikes?|scooters?",
        "eq:vehicle",
    ),
    (r"(?:armou?red\s+)?(?:combat|fighting|infantry)\s+(?:fighting\s+)?vehicles?", "eq:armored_vehicle"),
    (
        r"(?:infantry\s+fighting|armou?red\s+(?:fighting|combat|personnel)|armou?red)\s+vehicles?",
        "eq:armored_vehicle",
    ),
    (
        r"armou?red\s+(?:cars?|carriers?|trucks?|transporters?|vehicles?)|IFVs?\b|AFVs?\b|MRAPs?\b",
        "eq:armored_vehicle",
    ),
    (
        r"(?:BMP|BTR|BMD|BRDM|BMPT)-?\d*\w*|MT-LBs?|Strykers?|Bradleys?|Marders?|CV90s?|M113s?|Kozaks?|Bushmasters?|"
        r"Humvees?|Roshels?|Tigrs?|Typhoon-K",
        "eq:armored_vehicle",
    ),
    (
        r"(?:tank|drone|artillery|helicopter|aircraft|mortar|grenade|UAV|FPV)\s+(?:crews?|crewmen|operators?|"
        r"pilots?|units?|teams?|gunners?)",
        PERSONNEL,
    ),
    (
        r"(?:fighter|combat|military|attack|strike|cargo|transport|reconnaissance|spy)\s+(?:jets?|planes?|"
        r"aircraft)|warplanes?|(?:air)?planes?|jets?|bombers?|aircraft|airframes?",
        "eq:aircraft",
    ),
    (r"(?:Su|MiG|Tu|Il|Yak|An|Be|A)-\d+\w*|F-16s?|Mirages?", "eq:aircraft"),
    (r"helicopters?|choppers?|(?:Ka|Mi)-\d+\w*|rotorcraft|Apaches?|Black\s*Hawks?", "eq:helicopter"),
    (
        r"(?:Shahed|Geran|Gerbera|Lancet|Orlan|Zala|Supercam|Mavic|Molniya|Eleron|Forpost|Merlin|Orion|"
        r"Bayraktar|Lyutyi|Liutyi)(?:-\w+)*(?:[\s-]+type)?(?:\s+(?:attack|strike|kamikaze|loitering|decoy|"
        r"reconnaissance|combat))?(?:\s+(?:drones?|UAVs?|munitions?))?",
        "eq:uav",
    ),
    (
        r"(?:(?:FPV|attack|strike|kamikaze|loitering|decoy|reconnaissance|surveillance|combat|"
        r"operational[\s-]tactical(?:[\s-]level)?|long-range|fibre-optic|fiber-optic|imitator|dummy|fixed-wing|"
        r"aircraft-type|airplane-type|plane-type)[\s-]+)*"
        r"(?:drones?|UAVs?|FPVs?)(?:\s+of\s+(?:the\s+)?operational[\s-]tactical\s+level)?|loitering\s+munitions?",
        "eq:uav",
    ),
    (
        r"(?:multiple[\s-]launch(?:ed)?\s+rocket(?:\s+launcher)?\s+systems?|multiple[\s-](?:rocket|launch)\s+"
        r"(?:launchers?|systems?)|rocket\s+launchers?|MLRSs?\b|MRLs?\b|rocket\s+artillery\s+systems?)",
        "eq:mlrs",
    ),
    (r"HIMARS\s+(?:rockets?|missiles?|munitions?)|GMLRS|(?:guided\s+)?rockets?", "eq:missile"),
    (
        r"(?:Grads?|Uragans?|Smerchs?|Tornado(?:-S|-G)?|HIMARS(?:es)?|M270s?|TOS-1A?|Solntsepyoks?|"
        r"BM-\d+\w*|Vampires?|Buratinos?)",
        "eq:mlrs",
    ),
    (
        r"(?:(?:anti-?aircraft|air[\s-]defen[cs]e|surface-to-air|SAM)\s+(?:missile\s+)?(?:systems?|complex(?:es)?|"
        r"launchers?|units?|installations?|batter(?:y|ies)|guns?)|SAMs?\b)",
        "eq:air_defense",
    ),
    (
        r"(?:S-[1-5]\d\d\w*|Buks?(?:-M\d\w*)?|Pantsirs?(?:-S\d)?|Tor(?:-M\d\w*)|Tors\b|Osas?\b|Strela-\d+|"
        r"Tunguskas?|Patriots?|IRIS-T|NASAMS|Gepards?)(?:\s+(?:systems?|launchers?|complex(?:es)?))?"
        r"(?!\s+missiles?)",
        "eq:air_defense",
    ),
    (
        r"(?:air[\s-]launched\s+|sea[\s-]launched\s+|ground[\s-]launched\s+)?(?:cruise|ballistic|guided|"
        r"anti-?ship|hypersonic|air-to-surface|surface-to-surface|tactical|aeroballistic|anti-?aircraft\s+guided)"
        r"\s+missiles?|missiles?|(?:Kh|Ch)-\d+\w*|Iskanders?(?:-[MK])?|Kalibrs?|Kinzhals?|Zircons?|Tsirkons?|"
        r"Oniks|Onyx|ATACMS|Storm\s+Shadows?|SCALPs?|Neptunes?|Tochka-U|KN-2\d|Hwasong-\d+|"
        r"S-[34]\d\d\s+missiles?",
        "eq:missile",
    ),
    (r"(?:guided\s+)?(?:aerial|glide|gliding|guided|air)\s+bombs?|KABs?\b|bombs?", "eq:other"),
    (r"missile\s+(?:systems?|launchers?)|launchers?", "eq:other"),
    (
        r"(?:self-propelled\s+)?(?:artillery\s+(?:systems?|pieces?|guns?|installations?|units?|mounts?)|"
        r"howitzers?|(?:self-propelled|field|towed|artillery)\s+guns?|cannons?|mortars?|artillery)"
        r"(?!\s+(?:shells?|rounds?|strikes?|attacks?|fire|shelling|barrages?|ammunition))",
        "eq:artillery",
    ),
    (
        r"(?:Msta(?:-[SB])?|Krabs?|Caesars?|M777s?|Giatsint(?:-[SB])?|Akatsiyas?|Gvozdikas?|Pions?|Malkas?|"
        r"Bogdanas?|Archers?|PzH\s*2000s?|D-30s?|D-20s?|2S\d+\w*|2A\d+|Hyacinths?|Tulips?)",
        "eq:artillery",
    ),
    (
        r"(?:main\s+battle\s+|battle\s+)?tanks?(?!\s+(?:crews?|crewmen|brigade|battalion|regiment|division|units?))|"
        r"T-\d{2,3}\w*|Abrams|Leopards?(?:\s+\d\w*)?|Challengers?(?:\s+2)?|Leclercs?",
        "eq:tank",
    ),
    (
        r"(?:landing|patrol|missile|rescue|tug|assault|speed|motor|river|small|military|naval|war)\s*"
        r"(?:ships?|boats?|craft|vessels?)|warships?|(?:ships?|boats?)(?:\s+and\s+boats)?|vessels?|"
        r"corvettes?|frigates?|cruisers?|minesweepers?|tugboats?|(?:rescue\s+|sea\s+|harbou?r\s+)?tugs?|"
        r"landing\s+craft",
        "eq:ship",
    ),
    (r"submarines?", "eq:submarine"),
    (
        r"(?:special|engineering)\s+(?:equipment|vehicles?|machinery)|electronic\s+warfare\s+(?:systems?|"
        r"stations?|complex(?:es)?)|EW\s+(?:systems?|stations?|complex(?:es)?)|radar\s+(?:stations?|systems?)|"
        r"radars?",
        "eq:special_equipment",
    ),
    (
        r"(?:military\s+|logistics\s+|motor\s+|transport\s+|supply\s+|cargo\s+|pickup\s+|pick-up\s+|utility\s+)?"
        r"(?:vehicles?|trucks?|lorr(?:y|ies)|cars?|pickups?|pick-ups?|vans?|jeeps?|buses?|automobiles?)",
        "eq:vehicle",
    ),
    (
        r"(?:pieces|units|items)\s+of\s+(?:military\s+)?(?:equipment|hardware|machinery)|(?:military\s+)?"
        r"(?:equipment|hardware|weapons?|weaponry)|(?:Starlink\s+)?(?:satellite\s+)?terminals?|Starlinks?|"
        r"(?:field\s+)?(?:ammunition|ammo|fuel|supply|logistics)\s+(?:depots?|dumps?|warehouses?)|"
        r"warehouses?|command\s+posts?",
        "eq:other",
    ),
    # The category named by the noun itself.
    (
        r"(?:killed|dead)\s+(?:and|or|&)\s+(?:wounded|injured)|(?:wounded|injured)\s+(?:and|or)\s+(?:killed|dead)|"
        r"casualties|casualty|(?:personnel|troop|human|combat|irrecoverable|irretrievable|military|total)\s+"
        r"losses|losses",
        CASUALTIES,
    ),
    (r"killed\s+in\s+action|KIA\b|dead|deaths?|fatalities|killed|slain", KILLED),
    (r"wounded\s+in\s+action|WIA\b|wounded|injured|injuries", WOUNDED),
    (r"prisoners\s+of\s+war|POWs?\b|prisoners|captives|taken\s+prisoner", CAPTURED),
    # Nouns that make a figure something other than a military loss.
    (
        r"civilians?|children|kids|residents|inhabitants|citizens|"
        r"villagers|journalists|medics|doctors|refugees|evacuees|hostages|women|bodies|remains",
        SKIP,
    ),
    (
        r"(?:artillery\s+)?(?:shells?|rounds?|munitions|ammunition|bullets|cartridges|grenades?|mines?)|"
        r"strikes?|attacks?|assaults?|sorties|missions|shellings?|bombardments?|barrages?|explosions?|"
        r"videos?|clips?|footage|photos?|images?|settlements?|villages?|towns?|cities|city|"
        r"km|kilomet(?:er|re)s?|square|hectares?|homes?|houses?|buildings?|apartments?|positions?|"
        r"depots?|warehouses?|bridges?|facilities|facility|targets?|objects?|locations?|areas?|"
        r"dugouts?|trenches?|shelters?|fortifications?|regions?|oblasts?|districts?|"
        r"countries|nations|sanctions|packages?|contracts?|tons?|tonnes?|rubles|roubles|dollars|euros|"
        r"hryvnias?|votes?|times|percent|miles?|meters?|metres?|years?|months?|weeks?|days?|hours?|"
        r"minutes?|episodes?|incidents?|cases?|crimes?|reports?|documents?|applications?|calls?|"
        r"kilograms?|rifles?|machine\s+guns?|small\s+arms|guns?|firearms?|sides|points?|items?",
        SKIP,
    ),
    (
        r"(?:military\s+)?(?:servicem[ae]n|servicewom[ae]n|service\s*members?|soldiers?|troops?|personnel|"
        r"fighters?|militants?|mercenar(?:y|ies)|invaders?|occupiers?|occupants?|marines?|paratroopers?|"
        r"conscripts?|officers?|commanders?|infantry(?:m[ae]n)?|stormtroopers?|combatants?|recruits?|"
        r"crew\s*m[ae]n|crew\s+members?|crews?|pilots?|sailors?|convicts?|defenders?|rashists?|orcs?|"
        r"saboteurs?|snipers?|gunners?|operators?|scouts?|militiam[ae]n|guardsm[ae]n|special\s+forces|"
        r"commandos?|volunteers?|assault\s+troopers?|men|man|members?|individuals|Russians|Ukrainians|"
        r"North\s+Koreans|Koreans|Chechens|Kadyrovites|Wagnerites|mobili[sz]ed|contract\s+soldiers|persons|"
        r"enemies|people)",
        PERSONNEL,
    ),
)

_NOUN_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<n{i}>{pattern})" for i, (pattern, _) in enumerate(_NOUNS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_NOUN_KINDS = {f"n{i}": kind for i, (_, kind) in enumerate(_NOUNS)}
_NOUN_FAST = WordAlternation([(f"n{i}", pattern.lower()) for i, (pattern, _) in enumerate(_NOUNS)])
# Model designations are case-sensitive (a "tor" is not a Tor): re-check the matched text.
_CASED_WORDS = [
    "Osa",
    "Osas",
    "Tor",
    "Tors",
    "Pion",
    "Pions",
    "Tulip",
    "Tulips",
    "Archer",
    "Archers",
    "Caesar",
    "Caesars",
    "Krab",
    "Krabs",
    "Grad",
    "Grads",
    "Tornado",
    "Vampire",
    "Vampires",
    "Patriot",
    "Patriots",
    "Mirage",
    "Mirages",
    "Orion",
    "Merlin",
    "Molniya",
    "Typhoon",
    "Bushmaster",
    "Bushmasters",
    "Tigr",
    "Tigrs",
    "Kozak",
    "Kozaks",
    "Malka",
    "Malkas",
    "Hyacinth",
    "Hyacinths",
    "Gepard",
    "Gepards",
    "Neptune",
    "Neptunes",
]
_CASED_LOWER = {w.lower() for w in _CASED_WORDS}
_CASED = re.compile(r"^(?:" + "|".join(_CASED_WORDS) + r")\b")


class Noun(NamedTuple):
    start: int
    end: int
    kind: str
    equipment: str | None


# ``Noun(...)`` and ``Verb(...)`` without the Python-level ``__new__`` of a NamedTuple (the same tuples):
# the readers make several for every sentence.
_new_tuple = tuple.__new__

# Kind and equipment type by group name.
_NOUN_READINGS = {
    name: ("equipment", kind[3:]) if kind.startswith("eq:") else (kind, None)
    for name, kind in _NOUN_KINDS.items()
}


def noun_candidates(text: str) -> Candidates | None:
    """Where in ``text`` a noun can begin (see ``WordAlternation.candidates``): worth keeping for a text
    read over several ranges. None where the text cannot be read lower-cased."""
    lowered_text = text.lower()
    return _NOUN_FAST.candidates(lowered_text) if len(lowered_text) == len(text) else None


def _noun_matches(
    text: str, start: int, end: int | None, candidates: Candidates | None
) -> list[re.Match[str]] | Iterator[re.Match[str]]:
    stop = len(text) if end is None else end
    lowered_text = text.lower()
    # Lower-cased text keeps offsets for almost all text; the slow case-blind regex covers the rest.
    if len(lowered_text) == len(text):
        return _NOUN_FAST.matches(lowered_text, start, stop, candidates)
    return _NOUN_RE.finditer(text, start, stop)


def find_nouns(
    text: str, start: int = 0, end: int | None = None, candidates: Candidates | None = None
) -> list[Noun]:
    """Every countable noun in ``text[start:end]``, leftmost-longest by the table's order. ``candidates``:
    ``noun_candidates(text)`` when the caller keeps it."""
    nouns: list[Noun] = []
    for match in _noun_matches(text, start, end, candidates):
        match_start, match_end = match.span()
        word = text[match_start:match_end]
        if word.lower() in _CASED_LOWER and not _CASED.match(word):
            continue
        kind, equipment = _NOUN_READINGS[match.lastgroup or ""]
        nouns.append(_new_tuple(Noun, (match_start, match_end, kind, equipment)))
    return nouns


def first_noun(text: str, start: int, end: int, candidates: Candidates | None = None) -> Noun | None:
    """``find_nouns(text, start, end)[0]``."""
    nouns = find_nouns(text, start, end, candidates)
    return nouns[0] if nouns else None


# Verbs and verb-like words, by what they do to the counted thing.
V_KILL = "kill"
V_WOUND = "wound"
V_CASUALTY = "casualty"  # lost, suffered, eliminated: personnel losses unsplit
V_CAPTURE = "capture"
V_DEPLOY = "deploy"
V_DESTROY = "destroy"
V_INTERCEPT = "intercept"
V_LAUNCH = "launch"
V_AID = "aid"  # deliveries, production, purchases: never a loss
V_EXCHANGE = "exchange"  # prisoner swaps, returns of bodies
V_MOBILISE = "mobilise"  # call-ups, recruitment, training

_VERBS: tuple[tuple[str, str], ...] = (
    (
        r"(?:killed|dead)\s*(?:,|or|and|&)\s*(?:wounded|injured)|(?:wounded|injured)\s+(?:or|and)\s+(?:killed|dead)|"
        r"killed,\s+wounded(?:,?\s+(?:or|and)\s+(?:captured|missing))?|put\s+out\s+of\s+action|"
        r"taken\s+out\s+of\s+action|out\s+of\s+action",
        V_CASUALTY,
    ),
    (
        r"shot\s+down|shoot(?:s|ing)?\s+down|shooting\s+down|downed|downing|intercept(?:ed|s|ing)?|"
        r"brought\s+down|bring(?:ing)?\s+down|repelled|repell?ing|neutrali[sz]ed\s+by\s+air\s+defen[cs]e|"
        r"suppressed|jammed|(?:were|was)\s+(?:lost|locally\s+lost)\s+(?:in\s+location|due\s+to)",
        V_INTERCEPT,
    ),
    (
        r"launch(?:ed|es|ing)?|fired|fir(?:es|ing)|attacked\s+(?:[A-Za-z'’]+\s+){0,3}with|struck\s+(?:[A-Za-z'’]+\s+){0,3}with|"
        r"targeted\s+(?:[A-Za-z'’]+\s+){0,3}with|unleashed|used|using|salvos?\s+of|barrage\s+of|wave\s+of|swarm\s+of|"
        r"overnight\s+(?:attack|strike)s?\s+(?:[A-Za-z'’]+\s+){0,3}(?:with|involving|of)|attack\s+(?:[A-Za-z'’]+\s+){0,3}"
        r"(?:involving|with)|strike\s+(?:[A-Za-z'’]+\s+){0,3}(?:involving|with)",
        V_LAUNCH,
    ),
    (
        r"killed|kill(?:s|ing)?|died|die|dying|perished|slain|lost\s+their\s+lives|dead|deaths?|shot\s+dead|"
        r"liquidat(?:ed|ing|es)|fatalities",
        V_KILL,
    ),
    (r"wounded|wound(?:s|ing)?|injured|injur(?:e|es|ing)|injuries", V_WOUND),
    (
        r"captured|captur(?:e|es|ing)|taken\s+(?:prisoner|captive)|took\s+(?:[A-Za-z'’]+\s+){0,3}(?:prisoner|captive)|"
        r"tak(?:e|es|ing)\s+(?:[A-Za-z'’]+\s+){0,3}prisoner|surrendered|surrender(?:s|ing)?|in\s+captivity|"
        r"seized",
        V_CAPTURE,
    ),
    (
        r"deployed|deploy(?:s|ing|ment\s+of)?|committed|commit(?:s|ting)?|stationed|dispatched|dispatch(?:es|ing)?|transferred|transferr?ing|"
        r"amassed|massed|massing|concentrated|enlist(?:ed|ing)?(?:\s+the\s+help\s+of)?|the\s+help\s+of|"
        r"(?:has|have|had)\s+sent|sent|send(?:s|ing)?|arrived|arriving|brought\s+in|fighting\s+(?:in|alongside|for)|"
        r"reinforcements?\s+of|contingent\s+of|(?:are|were)\s+(?:now\s+)?(?:in|fighting|stationed)",
        V_DEPLOY,
    ),
    (
        r"destroyed|destroy(?:s|ing)?|destruction\s+of|hit|hitting|struck|strik(?:e|es|ing)|damaged|damag(?:e|es|ing)|"
        r"knocked\s+out|knock(?:s|ing)?\s+out|took\s+out|taken\s+out|tak(?:e|es|ing)\s+out|eliminated|"
        r"eliminat(?:e|es|ing)|elimination\s+of|neutrali[sz](?:ed|e|es|ing)|burn(?:ed|t|ing)|blown\s+up|"
        r"blew\s+up|blow(?:s|ing)?\s+up|disabled|disabl(?:e|es|ing)|wiped\s+out|wip(?:e|es|ing)\s+out|"
        r"lost|los(?:e|es|ing)|losses|loss\s+of|suffer(?:ed|s|ing)?|sustain(?:ed|s|ing)?|incurr?(?:ed|ing)|"
        r"inflict(?:ed|s|ing)?|caus(?:ed|ing)|"
        r"(?:was|were|been)\s+(?:[A-Za-z'’]+\s+)?(?:hit|struck)|sank|sunk|sinking|sink",
        V_DESTROY,
    ),
    (
        r"(?:has|have|had|will|would|to)\s+(?:[A-Za-z'’]+\s+)?(?:sent|send|provided?|supplied|supply|delivered|deliver|"
        r"donated|donate|pledged?|given|give|gave|transferred|transfer|handed\s+over)(?=\s+(?:[A-Za-z'’]+\s+){0,6}?"
        r"(?:to|for)\s+(?:Ukraine|Kyiv|Kiev|the\s+Ukrainian|Ukrainian))|"
        r"provid(?:ed|es|ing)|suppl(?:ied|ies|ying)|deliver(?:ed|s|ing|y|ies)|donat(?:ed|es|ing|ion)|pledg(?:ed|es|ing)|"
        r"gave|giv(?:en|es|ing)|handed\s+over|aid|package|shipments?|purchas(?:ed|es|ing|e)|bought|buy(?:s|ing)?|"
        r"acquir(?:ed|es|ing|e)|order(?:ed|ing)|produc(?:ed|es|ing|e|tion)|manufactur(?:ed|es|ing|e)|"
        r"build(?:s|ing)?|built|receiv(?:ed|es|ing|e)|obtain(?:ed|s|ing)?|export(?:ed|s|ing)?|sold|sell(?:s|ing)?|"
        r"stockpil(?:ed|es|ing|e)|possess(?:es|ed|ing)?|in\s+service|has\s+in\s+stock",
        V_AID,
    ),
    (
        r"exchang(?:ed|es|ing|e)|swap(?:ped|s|ping)?|return(?:ed|ing|s)?|releas(?:ed|es|ing|e)|freed|free(?:s|ing)?|"
        r"repatriat(?:ed|es|ing|e|ion)|handed\s+back|brought\s+(?:home|back)",
        V_EXCHANGE,
    ),
    (
        r"call(?:ed|ing|s)?\s+up|mobili[sz](?:ed|es|ing|e|ation)|recruit(?:ed|s|ing)?|conscript(?:ed|s|ing)?|"
        r"draft(?:ed|s|ing)?|train(?:ed|s|ing)?|enrol(?:l)?(?:ed|s|ing)?|sign(?:ed|s|ing)?\s+(?:up|contracts?)|"
        r"evacuat(?:ed|es|ing|e)|rescued|treated|hospitali[sz]ed",
        V_MOBILISE,
    ),
)
_VERB_RE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(f"(?P<v{i}>{pattern})" for i, (pattern, _) in enumerate(_VERBS))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_VERB_KINDS = {f"v{i}": kind for i, (_, kind) in enumerate(_VERBS)}
_VERB_FAST = WordAlternation([(f"v{i}", pattern.lower()) for i, (pattern, _) in enumerate(_VERBS)])


class Verb(NamedTuple):
    start: int
    end: int
    kind: str
    passive: bool


_PASSIVE_BEFORE = re.compile(
    r"(?i)\b(?:was|were|been|being|be|is|are|got|get)\s+(?:\w+ly\s+|also\s+|reportedly\s+|allegedly\s+|"
    r"all\s+|successfully\s+)*$"
)
_PASSIVE_BEFORE_LOW = Caseless(_PASSIVE_BEFORE)


def find_verbs(text: str, start: int = 0, end: int | None = None) -> list[Verb]:
    """Every verb of interest in ``text[start:end]``; passive when a form of "be" precedes it."""
    verbs: list[Verb] = []
    stop = len(text) if end is None else end
    lowered_text = text.lower()
    matches = (
        _VERB_FAST.matches(lowered_text, start, stop)
        if len(lowered_text) == len(text)
        else _VERB_RE.finditer(text, start, stop)
    )
    for match in matches:
        match_start, match_end = match.span()
        passive = _PASSIVE_BEFORE_LOW.found(text[max(0, match_start - 40) : match_start])
        verbs.append(_new_tuple(Verb, (match_start, match_end, _VERB_KINDS[match.lastgroup or ""], passive)))
    return verbs
