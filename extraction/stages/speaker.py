"""Who speaks? The speaker of a sentence, and the one a figure's claim is attributed to.

Reads the sentence's speaker phrases (``readers.attribution``), the claimants and units the article names,
and the sentences before. Decides who the speaker is (a registry claimant where one is named, a unit, or
the side of a phrase) and resolves "it", "the ministry", "the unit" and "he" from earlier sentences; a
sentence without a speaker of its own goes on in the voice of the sentences just before.
"""

from __future__ import annotations

import re

from ..cache import kept_value
from ..document import Document, Speaker
from ..names.matcher import Hit
from ..names.registries import ClaimantEntry
from ..names.tokens import tokenize_phrase
from ..names.units import UnitHit, find_units
from ..patterns import Caseless
from ..readers.attribution import Attribution, strip_article
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from ..readers.sides import KP, RU, UA, opposite
from .time import statement_day

_UPPER = re.compile(r"[A-Z]")
_ITS_THEIR = re.compile(r"(?i)^(?:its|their)\s")
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
_LOCAL_AUTHORITY = Caseless(
    re.compile(
        r"(?i)\b(?:(?:regional|city|district|military|local)\s+(?:military\s+)?(?:administration|authorities|"
        r"governor|officials)|governor|mayor|prosecutors?|police|rescuers|emergency\s+services?)\b"
    )
)
# An actor's verb right after a side's forces: "Ukrainian paratroopers captured ...".
_DID_IT = re.compile(
    r"\s*(?:[A-Za-z'’-]+\s+){0,3}?(?:have\s+|has\s+|had\s+)?(?:captured|destroyed|killed|shot\s+down|downed|hit|"
    r"struck|took|taken|eliminated|repelled|wiped\s+out|knocked\s+out)\b"
)
# The word an anaphoric speaker is named by: "the ministry" is the ministry quoted before, not whoever spoke
# last.
_HEAD = re.compile(r"(?i)\b(?:ministry|general\s+staff|air\s+force|intelligence|navy|governor|mayor)\b")
_SIDE_ADJECTIVES = {UA: ("Ukrainian",), RU: ("Russian",), KP: ("North Korean",)}


def speaker_of(doc: Document, sentence: Sentence, depth: int = 0) -> Speaker | None:
    """Who the sentence says is speaking, resolving "it" and "the ministry" from earlier sentences. Kept
    once read: a speaker read first from a later sentence's search can differ, so the claims stage reads
    every sentence's in order."""
    if sentence.index in doc.speakers:
        return doc.speakers[sentence.index]
    speaker = None
    for attribution in doc.attributions[sentence.index]:
        found = _resolve(doc, attribution, sentence, depth)
        if found is not None and speaker is None:
            speaker = found
        if speaker is not None and speaker.side is not None:
            break
        if found is not None and found.side is not None:
            # "Oleksandr Khorunzhyi, spokesperson for the State Emergency Service, said": a name no register
            # knows gives way to the institution the sentence says he speaks for.
            speaker = found
            break
    doc.speakers[sentence.index] = speaker
    return speaker


def claim_speaker(doc: Document, sentence: Sentence) -> Speaker | None:
    """The sentence's own speaker, or one carried over from the sentences just before."""
    own = speaker_of(doc, sentence)
    if own is not None:
        return own
    if doc.flags[sentence.text, "reportedly"]:
        return None
    for index in range(sentence.index - 1, max(-1, sentence.index - 4), -1):
        earlier = doc.sentences[index]
        if earlier.headline and not sentence.headline:
            continue
        found = speaker_of(doc, earlier)
        if found is None:
            continue
        if sentence.index - index == 3 and (
            found.unit_speaker or found.name not in doc.registries.claimant_names
        ):
            # A relay's unattributed sentences go on in the voice of an institution three sentences up; a
            # person or a unit speaks for two.
            return None
        return Speaker(
            found.name, found.side, found.raw, False, found.unit_speaker, statement_day(doc, earlier)
        )
    return article_voice(doc, sentence)


# How far the article's voice is looked for, each way: bounded, so that a long text stays linear.
_VOICE_REACH = 40


def article_voice(doc: Document, sentence: Sentence) -> Speaker | None:
    """The voice of the article around a sentence that names no speaker and continues none: the nearest
    speaker before it, else the first after it (a lead gives the figure before the paragraph that says
    whose it is). News copy relays one source at a time; an unattributed figure is the relayed one's."""
    if sentence.index not in doc.voices:
        doc.voices[sentence.index] = _find_voice(doc, sentence)
    return doc.voices[sentence.index]


def _find_voice(doc: Document, sentence: Sentence) -> Speaker | None:
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - _VOICE_REACH), -1):
        found = _voice_of(doc, doc.sentences[index])
        if found is not None:
            return found
    for index in range(sentence.index + 1, min(len(doc.sentences), sentence.index + 1 + _VOICE_REACH)):
        found = _voice_of(doc, doc.sentences[index])
        if found is not None:
            return found
    return None


def _voice_of(doc: Document, sentence: Sentence) -> Speaker | None:
    """A sentence's speaker as the article's voice: one with a side, named by a registry claimant or a
    unit, or a speaker phrase that names a side ("Ukraine's military")."""
    found = speaker_of(doc, sentence)
    if found is None or found.side is None:
        return None
    if not (found.unit_speaker or found.name in doc.registries.claimant_names or doc.phrase_side[found.raw]):
        return None
    return Speaker(found.name, found.side, found.raw, False, found.unit_speaker, statement_day(doc, sentence))


def figure_speaker(
    doc: Document, sentence: Sentence, figure: Figure, default: Speaker | None
) -> Speaker | None:
    """With two speakers in one sentence ("Kyiv said ..., while Moscow said ..."), the one of the figure's
    clause."""
    attributions = doc.attributions[sentence.index]
    if len(attributions) < 2:
        return default
    clause = (doc.clause_start(sentence, figure.qstart), doc.clause_end(sentence, figure.end))
    same = [a for a in attributions if clause[0] <= a.start < clause[1]]
    chosen = same[0] if same else min(attributions, key=lambda a: abs(a.start - figure.start))
    return _resolve(doc, chosen, sentence, 0) or default


def first_actor(doc: Document, sentence: Sentence, skip: Attribution | None = None) -> str | None:
    """The first side the sentence names as an actor (not a place), outside the speaker phrase ``skip``."""
    for mention in doc.sides[sentence.index]:
        if skip is not None and skip.start <= mention.start < skip.end:
            continue
        if not mention.locative and mention.side in (UA, RU, KP):
            return mention.side
    return None


def _resolve(doc: Document, attribution: Attribution, sentence: Sentence, depth: int) -> Speaker | None:
    raw = attribution.raw
    full = attribution.full or raw
    hits = _claimants_in(doc, full)
    if hits:
        entry = doc.registries.speaker_for(max(hits, key=lambda h: h.end - h.start).payload, doc.published)
        return Speaker(entry.name, entry.side, raw, True)
    named_side = doc.phrase_side[full]
    unit_here = _unit_in_phrase(doc, full)
    if unit_here is None:
        # "The brigade's press officer said": the formation "the brigade" stands for.
        span = range(attribution.start, attribution.end)
        in_phrase = doc.units_near(doc.sentence_at(attribution.start), 0)
        unit_here = next((u for u in in_phrase if u.start in span and u.side), None)
    if unit_here is not None:
        return Speaker(unit_here.name, unit_here.side, raw, True, True)
    if _UPPER.search(raw) and _INSTITUTION.search(raw):
        # "the Defence Ministry in Moscow" is the Russian Defence Ministry; a bare "the Air Force" is the
        # one the registry knows for one side only.
        entry = _qualified_claimant(doc, raw, (named_side,) if named_side else (UA, RU))
        if entry is not None:
            return Speaker(entry.name, entry.side, raw, True)
    if attribution.anaphoric and named_side is None:
        unit_speaker = bool(_UNIT_SPEAKER.match(raw)) or bool(_ITS_THEIR.match(raw))
        # "the unit said": the formation named as the sentence's actor is the speaker.
        for hit in doc.claimant_hits:
            # Only a formation named before the speech verb ("The 47th Brigade destroyed ..., the unit
            # said"); one named in what is said ("the ministry noted that the Air Force ...") is not it.
            if sentence.start <= hit.start < attribution.start:
                entry = doc.registries.speaker_for(hit.payload, doc.published)
                return Speaker(entry.name, entry.side, raw, True, unit_speaker)
        if unit_speaker:
            for unit in doc.units:
                if sentence.start <= unit.start < sentence.end and unit.side:
                    return Speaker(unit.name, unit.side, raw, True, True)
        named_head = _HEAD.search(raw)
        earlier = _earlier_speaker(
            doc,
            sentence,
            depth,
            person=raw.lower() in ("he", "she"),
            head=named_head.group(0).lower() if named_head else None,
        )
        if earlier is not None:
            return Speaker(earlier.name, earlier.side, raw, True, unit_speaker or earlier.unit_speaker)
        if unit_speaker:
            # A unit reporting what it did to the other side: the side opposite the one it hit, or the
            # side of the actor that hit it ("Ukrainian paratroopers captured three Russian soldiers").
            mention = next(
                (
                    m
                    for m in doc.sides[sentence.index]
                    if not m.locative
                    and m.side in (UA, RU, KP)
                    and not attribution.start <= m.start < attribution.end
                ),
                None,
            )
            if mention is not None and _DID_IT.match(
                doc.text, mention.end, min(sentence.end, mention.end + 60)
            ):
                return Speaker(None, mention.side, raw, True, True)
            target = mention.side if mention is not None else None
            return Speaker(None, opposite(target) or UA, raw, True, True)
        actor = speaking_side(doc, sentence, skip=attribution)
        return Speaker(None, actor, raw, True, unit_speaker) if actor else None
    if named_side is None and _INSTITUTION.search(raw):
        # "the air force said": the one of the side the sentence or the article speaks for.
        context = _context_side(doc, sentence, attribution, depth)
        entry = _qualified_claimant(doc, raw, (context,)) if context else None
        if entry is not None:
            return Speaker(entry.name, entry.side, raw, True)
    side = named_side
    if side is None and not _UPPER.search(raw):
        if _LOCAL_AUTHORITY.search(raw):
            # "according to the regional administration", "the regional governor said": a local authority
            # speaks for itself, not in the voice of the article's earlier speakers.
            return Speaker(None, _local_side(doc, sentence), raw, True)
        return None
    if side is None and _INSTITUTION.search(raw):
        # "the Air Force said", "the Defence Ministry said": the side of the sentence's actor or of
        # the article's earlier speakers.
        earlier = _earlier_speaker(doc, sentence, depth)
        side = earlier.side if earlier is not None else speaking_side(doc, sentence, skip=attribution)
    name = strip_article(raw) if _UPPER.search(raw) else None
    return Speaker(name, side, raw, True)


def _local_side(doc: Document, sentence: Sentence) -> str | None:
    """The side a local authority speaks for: that of the country its towns are in (the sentence's places,
    else the article's)."""
    places = doc.places_in(sentence) or ([doc.place] if doc.place is not None else [])
    for place in places:
        region = doc.registries.region_by_name.get(place.region) if place.region else None
        if region is not None and region.country in (UA, RU):
            return region.country
    return None


def _context_side(doc: Document, sentence: Sentence, attribution: Attribution, depth: int) -> str | None:
    """The side an unqualified institution speaks for: that of the earlier speakers, else of the
    sentence's first actor ("Ukraine's air defences shot down ..., the air force said")."""
    earlier = _earlier_speaker(doc, sentence, depth)
    if earlier is not None and earlier.side in (UA, RU):
        return earlier.side
    return speaking_side(doc, sentence, skip=attribution)


_LOSS_NEAR = Caseless(
    re.compile(
        r"(?i)\b(?:loss(?:es)?|lost|los(?:e|es|ing)|casualties|killed|wounded|dead|deaths|captured|suffered)\b"
    )
)


def speaking_side(doc: Document, sentence: Sentence, skip: Attribution | None = None) -> str | None:
    """The side an unnamed institution in the sentence speaks for: its first actor's, unless that side is
    named as the one whose losses are counted ("the losses of the Ukrainian armed forces amounted to ...,
    the ministry said" is the other side speaking)."""
    for mention in doc.sides[sentence.index]:
        if skip is not None and skip.start <= mention.start < skip.end:
            continue
        if mention.locative or mention.side not in (UA, RU, KP):
            continue
        around = doc.text[max(sentence.start, mention.start - 25) : min(sentence.end, mention.end + 30)]
        return opposite(mention.side) if _LOSS_NEAR.search(around) else mention.side
    return None


def _qualified_claimant(doc: Document, raw: str, sides: tuple[str, ...]) -> ClaimantEntry | None:
    """The registry claimant named by the institution with a side's adjective before it, when exactly
    one of ``sides`` gives one."""
    base = strip_article(raw)
    if doc.phrase_side[base] is not None:
        return None
    found: list[ClaimantEntry] = []
    for side in sides:
        for adjective in _SIDE_ADJECTIVES.get(side, ()):
            phrase = f"{adjective} {base}"
            for hit in _claimants_in(doc, phrase):
                entry = doc.registries.speaker_for(hit.payload, doc.published)
                if hit.start == 0 and hit.end == len(phrase) and entry.side == side:
                    found.append(entry)
                    break
    return found[0] if len({entry.name for entry in found}) == 1 else None


def _claimants_in(doc: Document, phrase: str) -> list[Hit]:
    # Speaker phrases recur across articles: their registry hits are kept with the registries.
    kept = doc.registries.kept
    return kept_value(
        kept.claimants, phrase, lambda p: doc.registries.claimant_matcher.find(tokenize_phrase(p, kept))
    )


def _unit_in_phrase(doc: Document, phrase: str) -> UnitHit | None:
    return kept_value(doc.registries.kept.phrase_units, phrase, lambda p: _find_unit_in_phrase(doc, p))


def _find_unit_in_phrase(doc: Document, phrase: str) -> UnitHit | None:
    registries = doc.registries
    tokens = tokenize_phrase(phrase, registries.kept)
    for hit in registries.unit_matcher.find(tokens):
        unit = hit.payload
        return UnitHit(0, 0, unit.name, unit.side, phrase, 3)
    for hit in find_units(phrase, tokens, registries):
        if hit.side:
            return hit
    return None


def _earlier_speaker(
    doc: Document,
    sentence: Sentence,
    depth: int,
    reach: int = 6,
    person: bool = False,
    head: str | None = None,
) -> Speaker | None:
    """The nearest speaker of the sentences before; with ``head`` ("ministry"), the nearest one so named,
    if any is (the governor quoted in between is not "the ministry")."""
    if depth > 2:
        return None
    first = None
    for index in range(sentence.index - 1, max(-1, sentence.index - 1 - reach), -1):
        earlier = doc.sentences[index]
        found = speaker_of(doc, earlier, depth + 1)
        if found is not None and (head is None or head in (found.name or found.raw).lower()):
            return found
        if found is not None and first is None:
            first = found
            continue
        if person and sentence.index - index <= 2:
            # "Gen. X, commander of Ukraine's <group>, gave his own figures. '...,' he wrote": the
            # person just introduced, by the body they speak for.
            named = [h for h in doc.claimant_hits if earlier.start <= h.start < earlier.end]
            if named:
                entry = doc.registries.speaker_for(named[-1].payload, doc.published)
                return Speaker(entry.name, entry.side, named[-1].key.strip(), True)
    return first
