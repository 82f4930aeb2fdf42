"""What claims do a sentence's figures make? The drafts of the article's claims, sentence by sentence.

For every sentence that may hold one, reads its figures (and its single items, "a tank"), and for each
asks the stages named for the questions: what it counts and what happened to it (``counted``), who says
so (``speaker``), whose losses (``subject``), a running total or a window (``period``), when (``time``),
where (``location``) and which unit (``unit``). A figure that goes on from another ("and 2,700 wounded",
"76 of them") counts the same side's. Hedged figures ("if Russia would lose 500 tanks") are no claims.
"""

from __future__ import annotations

import re
from datetime import date

from ..document import Counted, Document, Draft, Speaker, Upto
from ..names.places import PlaceHit
from ..patterns import Caseless
from ..readers.cues import HISTORY_WARS
from ..readers.dates import AS_OF, DAY, MONTH, SINCE, WEEK, TimeExpr
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from ..readers.sides import KP, RU, UA
from ..readers.words import (
    CAPTURED,
    CASUALTIES,
    KILLED,
    SKIP,
    V_AID,
    V_DESTROY,
    V_EXCHANGE,
    V_INTERCEPT,
    V_KILL,
    V_LAUNCH,
    V_MOBILISE,
    V_WOUND,
    WOUNDED,
    Noun,
    Verb,
)
from ..schema import Claim
from . import location
from .air_raid import NO_ROLES, PART, finish_raid, raid_roles
from .civilian import civilian_side, is_civilian
from .counted import (
    OTHERS,
    Reading,
    category_for,
    counted_noun,
    governing_verb,
    modifier_of,
    partitive_total,
    tally_header_verb,
    tally_line,
)
from .period import period_of
from .single_items import single_items
from .speaker import claim_speaker, figure_speaker
from .subject import SubjectSide, subject_side
from .time import date_of, lead_span, statement_day
from .unit import unit_of

_GROUND = frozenset({"tank", "armored_vehicle", "artillery", "mlrs", "vehicle", "special_equipment"})

_ONE_OF = Caseless(re.compile(r"(?i)\s+of\s+(?:the|these|those|them|its|their)\b"))

_HISTORY = re.compile(HISTORY_WARS)
_ONE_SPEAKS = re.compile(
    r"(?i)^\s+of\s+(?:them|those|whom|the\s+[\w.-]+(?:\s+[\w.-]+)?)\s*,?\s+(?:\w+\s+)?(?:said|says|told|added|"
    r"noted|wrote|claimed|spoke|described|estimated|put)\b"
)
_AMONG = re.compile(r"(?i)^\s+(?:were|are|was|is)\s+(?:also\s+)?among\s+(?:the\s+)?(?:[a-z]+\s+){0,2}\d")

_ALIVE = re.compile(r"(?i)^[^,.;]{0,30}?\b(?:alive|unharmed|unhurt)\b")

_CIVIL_SCENE = re.compile(
    r"(?i)\b(?:civilians?|residents?|wom[ae]n|children|hospital|houses?|homes?|apartments?|residential|private)\b"
)

_AMONG_WHAT = re.compile(
    r"(?i)^\s+(?:(?:were|are|was|is)\s+(?:also\s+)?)?among\s+(?:the\s+)?(?P<what>victims|casualties|dead|killed|"
    r"injured|wounded)\b"
)
_AGE_BEFORE = re.compile(
    r"(?i)\b(?:boy|girl|man|woman|child|son|daughter|teenager|pensioner|resident|mother|father|grandmother|"
    r"grandfather)s?\s+(?:aged\s+|of\s+(?:about\s+|around\s+)?)$"
)
# "7,332 tanks (+20)": a running total and the day's addition, as the General Staff prints them.
_DAY_ADDED = re.compile(r"\s*\(\s*\+\s*\d")
# A tally as the subject of what it holds: "the tally also counts", "the General Staff has counted".
_TALLY_HOLDS = re.compile(
    r"(?i)\b(?:tally|toll|count|list|General\s+Staff)\b[^.;:]{0,40}?\b(?:counts|counted|lists|listed|includes|included|"
    r"comprises|shows|showed|holds|records|recorded)\b"
)
_RATIO = re.compile(r"(?i)^[^,.;]{0,25}?\bfor\s+(?:every|each)\b")
_SUBSET = re.compile(
    r"(?i)^\s+of\s+(?:the|those|them)\s+(?:injured|wounded|dead|killed|victims|casualties)\s+(?:are|were|is|was|"
    r"remain|remained)\b(?!\s+(?:also\s+)?(?:killed|wounded|injured|dead))"
)
# "Among the dead was a girl": one of the dead counted already.
_AMONG_THE = re.compile(r"(?i)^\s*among\s+(?:the|those)\s+(?:dead|killed|injured|wounded|victims)\b")

_TAKEN = re.compile(r"(?i)captur|prisoner|captive|seiz|taken")

_IF_BEFORE = re.compile(r"(?i)\b(?:if|would|could|might|may)\b[^,.;]*$")

_PAIR_GAP = re.compile(
    r"(?i)[\d,.\s]+(?:killed|dead|wounded|injured|captured|taken\s+prisoner)\s+(?:and|,)\s+(?:another\s+)?"
)
_LIST_GAP = re.compile(r"(?i)(?:,|\band\b|\bas\s+well\s+as\b)[^,;]{0,40}$")
_LOSS_NOUNS = (KILLED, WOUNDED, CASUALTIES, CAPTURED)
_NOT_LOSSES = (V_AID, V_EXCHANGE, V_MOBILISE)


def read_claims(doc: Document) -> None:
    """Adds the drafts of every sentence's claims to ``doc.drafts``, in order."""
    previous_period: str | None = None
    last: Counted | None = None
    for sentence in doc.sentences:
        if not doc.triggered[sentence.text]:
            continue
        found, last = _read_sentence(doc, sentence, previous_period, last)
        if found:
            # (A tally's "(+21)" is the window of its line, not the period the lines below keep.)
            explicit = [d.claim.period for d in found if d.period_explicit and not d.delta]
            previous_period = explicit[-1] if explicit else found[-1].claim.period
        doc.drafts.extend(found)


def _read_sentence(
    doc: Document, sentence: Sentence, previous_period: str | None, last: Counted | None
) -> tuple[list[Draft], Counted | None]:
    """The drafts of ``sentence``, and what its last one counted (``last`` when it gives none)."""
    s = sentence.text
    figures = [f for f in doc.figures[sentence.index] if not _inside_unit(doc, sentence, f)]
    has_article = doc.flags[s, "single"]
    if not figures and not has_article:
        return [], last
    text = doc.upto[sentence.index]
    nouns = doc.nouns[sentence.index]
    if not nouns and not (
        # "Air defences shot down 140 of them": the previous sentence says what they are.
        last is not None and any(OTHERS.match(text[f.end :]) for f in figures)
    ):
        return [], last
    # A verb inside a noun ("multiple launch rocket systems") is no verb. Only figures read verbs.
    verbs = [
        v
        for v in (doc.verbs[sentence.index] if figures else ())
        if not any(n.start <= v.start < n.end and n.kind == "equipment" for n in nouns)
    ]
    attributions = doc.attributions[sentence.index]
    # (The speaker is read here, in sentence order, even when no claim needs it: a speaker is kept
    # once read, and one read first from a later sentence's search can differ.)
    speaker = claim_speaker(doc, sentence)
    ground_list = len({n.equipment for n in nouns if n.equipment in _GROUND}) >= 2
    # Only the figures' categories read it. (The sentence's drone and missile words first: the raid test
    # below reads them anyway, and the whole article is searched only for a sentence that has them.)
    air = bool(figures) and (doc.flags[s, "air"] or (doc.flags[s, "air_words"] and doc.air_article))
    drafts: list[Draft] = []
    readings: list[Reading] = []
    np_spans: list[tuple[int, int]] = []
    sources: dict[int, int] = {}
    # The side each figure's claim counts, by where the figure starts (for the figures that go on from it).
    side_by_start: dict[int, SubjectSide] = {}
    # The drafts that took their side from the list item before them.
    listed: set[int] = set()
    # Where the figures that count civilians start (a figure that goes on from one counts them too).
    civilian_starts: set[int] = set()
    period_by_start: dict[int, str] = {}
    for index, figure in enumerate(figures):
        noun, _modifier, source = counted_noun(
            doc, sentence, figure, figures, index, nouns, readings, verbs, last
        )
        if source is not None:
            sources[index] = source
        readings.append(Reading(figure, noun, None))
        if noun is not None and noun.start >= figure.end:
            np_spans.append((figure.qstart, noun.end))
    raid = (
        raid_roles(doc.text, sentence, figures)
        if figures and (air or doc.flags[s, "air_words"])
        else NO_ROLES
    )
    history: bool | None = None  # read at the first figure with a noun
    among = " among " in s
    # (Cheap tests of the sentence before the readings that need them: ages, ratios, parts of a count.)
    ages = " of " in s or "aged" in s
    ratio = "for every" in s or "for each" in s
    partitive_words = " of th" in s
    tally_words = "tally" in s or "count" in s or "toll" in s
    alive = "alive" in s or "unharmed" in s or "unhurt" in s
    for index, role in raid.role.items():
        # "Of 72 drones launched, 55 were destroyed": the part counts what the whole counts.
        partner = next((i for i, r in raid.role.items() if r != role), None)
        partner_noun = readings[partner].noun if partner is not None else None
        if readings[index].noun is None and partner_noun is not None:
            synthetic = Noun(
                figures[index].end, figures[index].end, partner_noun.kind, partner_noun.equipment
            )
            readings[index] = Reading(figures[index], synthetic, None)
    for index, (figure, noun, _) in enumerate(list(readings)):
        if noun is None or noun.kind == SKIP:
            continue
        if history is None:
            history = doc.flags[s, "history"]
        if history and _of_an_earlier_war(doc, sentence, figure):
            # "the Soviet Union lost 15,000 troops in Afghanistan": a comparison, not this war's claim.
            continue
        if figure.value == 1 and figure.words and _ONE_SPEAKS.match(text[figure.end : figure.end + 60]):
            # "one of whom said", "One of them told reporters": a speaker, not a count.
            continue
        if ages and _AGE_BEFORE.search(text[max(sentence.start, figure.qstart - 40) : figure.qstart]):
            # "a boy of six", "a woman aged 64": an age, not a count.
            continue
        if ratio and _RATIO.match(text[max(noun.end, figure.end) : max(noun.end, figure.end) + 40]):
            # "losing at least five soldiers for every Ukrainian one": a ratio, not a count.
            continue
        if (
            partitive_words
            and noun.end > figure.end
            and _SUBSET.match(text[figure.end : figure.end + 60])
            and not _PART_DEAD.match(text[figure.end : figure.end + 90])
        ):
            # "Three of the injured are in hospital": a part of a count given already, not a new one.
            continue
        if among and noun.end > figure.end and _AMONG.match(text[noun.end : noun.end + 40]):
            # "Seven children were among the 52 people hurt": a part of the figure that follows.
            continue
        if (
            alive
            and noun.end > figure.end
            and _ALIVE.match(text[noun.end : noun.end + 40])
            and not _TAKEN.search(text[max(sentence.start, figure.qstart - 40) : noun.end + 40])
        ):
            # "Rescuers have brought 39 people out alive": the saved are no loss (those captured alive
            # are).
            continue
        verb = governing_verb(doc, sentence, figure, noun, verbs, attributions)
        if verb is None:
            verb = tally_header_verb(doc, sentence, figure, verbs)
        if (
            verb is None
            and noun.kind == "equipment"
            and (
                figure.delta
                or _DAY_ADDED.match(text[noun.end : noun.end + 14])
                or (tally_words and _TALLY_HOLDS.search(text[sentence.start : figure.qstart]))
            )
        ):
            # "The tally also counts 7,332 tanks (+20), 14,096 armoured vehicles (+29)": the General Staff's
            # running totals with the day's additions, retold without a verb of loss.
            verb = Verb(figure.start, figure.start, V_DESTROY, False)
        role = raid.role.get(index)
        if role is not None and noun.kind == "equipment" and noun.equipment in ("uav", "missile", "other"):
            # The raid's part was brought down and its whole was fired, whatever verb stands nearer.
            verb = Verb(figure.start, figure.start, V_INTERCEPT if role == PART else V_LAUNCH, False)
        partitive = partitive_total(doc, sentence, figure) and role is None
        if partitive:
            # "20 of the 31 Abrams tanks the US sent": the whole is read with its own verb only.
            verb = next((v for v in verbs if v.start >= max(noun.end, figure.end)), None)
            earlier = readings[index - 1].category if index else None
            if verb is None and earlier == "intercepted":
                verb = Verb(figure.start, figure.start, V_LAUNCH, False)
        if noun.kind in _LOSS_NOUNS and noun.start < figure.start:
            # A loss noun before the figure ("deaths by 1,030") names the category itself.
            verb_kind = verb.kind if verb and verb.kind in _NOT_LOSSES else None
        else:
            verb_kind = verb.kind if verb else None
        if verb_kind == V_AID and noun.kind in (KILLED, WOUNDED, CASUALTIES):
            # "One slide gives Russia 190,000 casualties": nobody delivers casualties.
            verb_kind = None
        category = category_for(noun.kind, noun.equipment, verb_kind, air)
        if category == CASUALTIES:
            category = _part_of_casualties(text, figure, noun, verb) or category
        if category is None and verb_kind not in _NOT_LOSSES:
            category = modifier_of(figure, noun, nouns)
        if category is None:
            continue
        among_what = (
            _AMONG_WHAT.match(text[noun.end : noun.end + 40]) if among and noun.end > figure.end else None
        )
        if among_what is not None and category in ("killed", "wounded", "casualties"):
            # "with five children among the victims": what they are among says what befell them.
            what = among_what.group("what").lower()
            category = (
                "killed"
                if what in ("dead", "killed")
                else "wounded"
                if what in ("injured", "wounded")
                else "casualties"
            )
        if category == "intercepted" and verb_kind != V_INTERCEPT and ground_list:
            # Drones "destroyed" in a list of tanks, artillery and vehicles are losses, not intercepts.
            category = "equipment"
        if category == "launched" and verb and verb.kind == V_INTERCEPT:
            continue
        if (
            category == "equipment"
            and noun.equipment == "vehicle"
            and verb is not None
            and text[verb.start : verb.end].lower().startswith("damag")
            and _CIVIL_SCENE.search(s)
        ):
            # "A woman was taken to hospital, and two cars were damaged": people's cars, not the army's.
            continue
        if category == "deployed" and figure.value == 1 and _ONE_OF.match(text[figure.end :]):
            # "one of the soldiers had been sent to Russia": one man picked out of a group, not a
            # figure of troops sent.
            continue
        if category == "intercepted" and partitive and verb and verb.kind != V_INTERCEPT:
            category = "launched"
        readings[index] = Reading(figure, noun, category)
        speaker_here = figure_speaker(doc, sentence, figure, speaker)
        draft = _draft(
            doc, sentence, figure, noun, verb, category, speaker_here, previous_period, len(figures), np_spans
        )
        if (
            category == "intercepted"
            and (draft.claim.period == "cumulative" or figure.delta)
            and verb
            and verb.kind != V_INTERCEPT
        ):
            # A tally of drones "destroyed" since the war began (and its daily "(+N)") counts losses,
            # not one night's intercepts.
            draft.claim.category = "equipment"
        source = sources.get(index)
        inherited = None
        if source == -1 and last is not None:
            inherited = SubjectSide(last.side, last.strength)
        elif source is not None and source >= 0:
            inherited = side_by_start.get(readings[source].figure.start)
            if readings[source].figure.start in civilian_starts and draft.claim.category in (
                "killed",
                "wounded",
                "casualties",
            ):
                # "killing ten people and wounding 20": the same strike's victims.
                draft.claim.civilian = True
            if (
                draft.side_strength >= 2
                and doc.clause_start(sentence, figure.qstart) > readings[source].figure.end
            ):
                # "Kyiv said Russia had lost N soldiers, while Moscow said Ukraine had lost up to
                # M": the noun carries over, the side is the new clause's own.
                inherited = None
        if source is not None and source >= 0 and not draft.period_explicit:
            # "15,000 troops, including five generals", "330 personnel (121 of them killed)": the span of
            # the figure it is part of.
            whole = period_by_start.get(readings[source].figure.start)
            if whole is not None:
                draft.claim.period = whole
        if inherited is not None and inherited.side is not None:
            # The figure counts the same side's people or equipment as the one it follows.
            draft.claim.subject_side = inherited.side
            draft.side_strength = max(draft.side_strength, inherited.strength)
        if draft.side_strength < 3 and drafts:
            previous = drafts[-1]
            gap = text[previous.figure_start : figure.qstart]
            if (
                (
                    previous.side_strength == 3
                    or id(previous) in listed
                    # "they have had 40 killed and 70 wounded": a pair read as one, however sure its side.
                    or (previous.side_strength >= draft.side_strength and _PAIR_GAP.fullmatch(gap))
                )
                and previous.figure_start < figure.start
                and _LIST_GAP.search(gap)
                and not any(
                    previous.figure_start < m.start < figure.qstart
                    and not m.locative
                    and m.side in (UA, RU, KP)
                    for m in doc.sides[sentence.index]
                    if not any(lo <= m.start < hi for lo, hi in np_spans)
                )
                and doc.clause_start(sentence, figure.qstart) <= previous.figure_start
            ):
                # "300 North Korean soldiers killed and 2,700 wounded": the same side's, and so on down a
                # list ("3,400 Russian tanks, 2,400 artillery systems, 480 rocket launchers and ...").
                draft.claim.subject_side = previous.claim.subject_side
                draft.side_strength = 2
                listed.add(id(draft))
        drafts.append(draft)
        side_by_start[figure.start] = SubjectSide(draft.claim.subject_side, draft.side_strength)
        period_by_start[figure.start] = draft.claim.period
        if draft.claim.civilian:
            civilian_starts.add(figure.start)
    if drafts and (air or raid.role or raid.all_but):
        drafts = finish_raid(doc, drafts, raid, figures, sentence)
    singles = single_items(doc, sentence, drafts) if has_article and not _AMONG_THE.match(s) else []
    for item in singles:
        if any(abs(d.figure_start - item.start) < 3 for d in drafts):
            continue
        figure = Figure(item.start, item.start + 1, item.start, 1, None, "exact", text[item.start : item.end])
        drafts.append(
            _draft(
                doc,
                sentence,
                figure,
                item.noun,
                item.verb,
                item.category,
                speaker,
                previous_period,
                len(figures),
                np_spans,
            )
        )
    if drafts and doc.flags[s, "hedged"]:
        drafts = [
            d
            for d in drafts
            if not _IF_BEFORE.search(text[max(sentence.start, d.figure_start - 60) : d.figure_start])
        ]
    if drafts:
        final = max(drafts, key=lambda d: d.figure_start)
        last = Counted(final.noun, final.claim.subject_side, final.side_strength) if final.noun else None
    return drafts, last


_PART_DEAD = re.compile(
    r"(?i)^\s+of\s+(?:those|these|the|them|whom)(?:\s+[\w-]+){0,2}?\s+(?:are|were|was|is|have|had|may\s+have|"
    r"might\s+have|could\s+have)\s+(?:[\w-]+\s+){0,3}?(?:(?P<killed>deaths|dead|killed|fatalities|died)|"
    r"(?P<wounded>wounded|injured))\b"
)


def _said_on(doc: Document, sentence: Sentence, speaker: Speaker) -> date | None:
    """The day the speaker was said to speak in the sentences before ("According to Shoigu, ..." after
    "Shoigu told reporters on Tuesday")."""
    if not speaker.explicit:
        return speaker.said_on
    if speaker.name is None:
        return None
    for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        earlier = doc.speakers.get(index)
        if earlier is not None and earlier.name == speaker.name:
            return statement_day(doc, doc.sentences[index])
    return None


def _article_place(doc: Document) -> PlaceHit | None:
    """The article's town, when it lies in the region the article is about (or names no other)."""
    place = doc.place
    if place is None or (doc.region is not None and place.region != doc.region):
        return None
    return place


def _dated(times: list[TimeExpr]) -> bool:
    return any(t.kind in (DAY, MONTH, WEEK, AS_OF, SINCE) for t in times)


def _of_an_earlier_war(doc: Document, sentence: Sentence, figure: Figure) -> bool:
    """Whether the figure's clause names an earlier war and neither side of this one."""
    lo, hi = doc.clause_start(sentence, figure.qstart), doc.clause_end(sentence, figure.end)
    earlier = [(lo + m.start(), lo + m.end()) for m in _HISTORY.finditer(doc.text[lo:hi])]
    if not earlier:
        return False
    # (The Soviet Union is read as Russia's side; it is the earlier war's name here.)
    return not any(
        lo <= m.start < hi and m.side in (UA, RU, KP) and not any(a <= m.start < b for a, b in earlier)
        for m in doc.sides[sentence.index]
    )


def _part_of_casualties(text: Upto, figure: Figure, noun: Noun, verb: Verb | None) -> str | None:
    """The killed or wounded among casualties: "20,000 of those casualties are believed to be deaths",
    "of whom 15,500 were killed"."""
    part = _PART_DEAD.match(text[figure.end : figure.end + 90])
    if part:
        return KILLED if part.group("killed") else WOUNDED
    if noun.start == noun.end and verb is not None and verb.kind in (V_KILL, V_WOUND):
        # An inherited "casualties" with a verb of its own ("of whom 15,500 were killed").
        return KILLED if verb.kind == V_KILL else WOUNDED
    return None


def _inside_unit(doc: Document, sentence: Sentence, figure: Figure) -> bool:
    """Whether a figure is the number of a unit's name ("the 47th Brigade")."""
    return any(u.start <= figure.start < u.end for u in doc.units_in(sentence))


def _draft(
    doc: Document,
    sentence: Sentence,
    figure: Figure,
    noun: Noun,
    verb: Verb | None,
    category: str,
    speaker: Speaker | None,
    previous_period: str | None,
    figure_count: int,
    np_spans: list[tuple[int, int]],
) -> Draft:
    """The claim of one figure, each of its fields decided by its stage."""
    attributions = doc.attributions[sentence.index]
    # Read here, for sentences that give a claim, rather than for every sentence with a noun.
    times = doc.times[sentence.index]
    civilian = is_civilian(doc, sentence, noun, category, speaker)
    if civilian:
        side, strength = civilian_side(doc, sentence, figure, noun, speaker), 3
    else:
        side, strength = subject_side(doc, sentence, figure, noun, verb, category, speaker, np_spans)
    period, period_explicit = period_of(
        doc, sentence, figure, times, category, previous_period, figure_count, attributions
    )
    day, day_start = date_of(doc, sentence, figure, times, period, attributions)
    said_on = _said_on(doc, sentence, speaker) if speaker is not None and not _dated(times) else None
    if said_on is not None:
        # Sentences that go on in the voice of "Shoigu said on Tuesday" report what he said that day.
        day, day_start = said_on, None
    if not times and period == "window" and lead_span(doc) is not None:
        # A weekly summary's figures "over the week": the days its lead names ("from November 23 to 29").
        day, day_start = lead_span(doc)  # type: ignore[misc]
    place = location.nearest_place(doc, sentence, figure)
    unit = unit_of(doc, sentence, figure, speaker)
    local: bool | None = None  # read only when a value is missing
    unit_carried = False
    if place is None or unit is None:
        # (A line of a national tally is no local figure, however small.)
        local = not tally_line(sentence) and location.local(
            category, figure.value, period, max(doc.figure_values(sentence), default=0)
        )
        if local and doc.flags[sentence.text, "continues"]:
            # "The enemy lost up to 80 servicemen there": where and by whom, from the paragraph.
            carried_place, carried_unit = location.carried(doc, sentence)
            place = place or carried_place
            unit_carried = unit is None and carried_unit is not None
            unit = unit or carried_unit
        if place is None and local:
            # A local figure happened where its paragraph, or else the article, says the fighting is.
            place = location.paragraph_place(doc, sentence) or _article_place(doc)
    region = place.region if place else None
    if region is None and doc.region:
        if local is None:
            local = not tally_line(sentence) and location.local(
                category, figure.value, period, max(doc.figure_values(sentence), default=0)
            )
        if local:
            region = doc.region
    claim = Claim(
        category=category,
        equipment=noun.equipment if category in ("equipment", "launched", "intercepted") else None,
        value=figure.value,
        value_max=figure.value_max,
        qualifier=figure.qualifier,
        subject_side=side,
        civilian=civilian,
        claimant=speaker.name if speaker else None,
        claimant_side=speaker.side if speaker else None,
        period=period,
        date=day,
        date_start=day_start,
        region=region,
        place=place.place if place else None,
        unit=unit.name if unit else None,
        evidence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        claimant_raw=speaker.raw if speaker else None,
        region_raw=place.raw if place and place.region else None,
        place_raw=place.raw if place and place.place else None,
        unit_raw=unit.raw if unit else None,
    )
    return Draft(
        claim,
        sentence,
        strength,
        bool(speaker and speaker.explicit),
        period_explicit,
        figure.start,
        noun,
        unit_carried,
        figure.delta,
    )
