"""Whose losses? The side whose people or equipment a figure counts (for launches: the side that fired).

Reads the side words of the figure's sentence (``readers.sides``), its speaker and its verb. Decides, in
order: a side named in the counted phrase ("50 North Korean soldiers"); the speaker's own ("its own
troops"); the agent of a "by" phrase ("destroyed by Ukraine's 92nd Brigade"); the actor of the clause, read
with its verb ("Ukrainian forces destroyed 12 tanks" counts Russia's); and failing all, the side opposite
the claimant's. The strength says how sure: 3 named in the phrase, 2 from the clause, 1 a fallback.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..document import Document, Speaker, Upto
from ..patterns import Caseless
from ..readers.cues import OWN_FORCES
from ..readers.numbers import Figure
from ..readers.sentences import Sentence
from ..readers.sides import KP, OTHER, RU, UA, SideMention, opposite
from ..readers.words import Noun, Verb
from .speaker import first_actor


class SubjectSide(NamedTuple):
    side: str | None
    strength: int


# With no speaker to be opposite to, "the enemy" and a figure with no side are Russia's: the engine reads
# reporting from the Ukrainian side of the war.
_DEFAULT_ENEMY = RU


_POSSESSIVE_BEFORE = Caseless(re.compile(r"(?i)\b(?:his|her|its|their|our)\s+(?:own\s+)?$"))

_POSSESSIVE_AFTER = Caseless(re.compile(r"(?i)^\s*(?:of\s+)?(?:his|her|its|their|our)\b"))

_FROM_FORMATION = Caseless(
    re.compile(
        r"(?i)^\s+(?:from|of|belonging\s+to|serving\s+(?:in|with)|who\s+(?:fought|served|were\s+fighting|had\s+"
        r"fought|had\s+served)\s+(?:in|with|for))\s+(?:a|an|the)?\s*"
    )
)

_BY_AGENT = Caseless(re.compile(r"(?i)^[^,;.]{0,60}?\bby\s+(?:the\s+)?"))

_INDEFINITE_BEFORE = re.compile(r"(?i)\b(?:a|an)\s+(?:[\w-]+\s+){0,2}$")

_OBJECT_BEFORE = Caseless(
    re.compile(
        r"(?i)\b(?:told|to|against|on|at|with|sank|sunk|hit|struck|destroyed|downed|killed|captured|"
        r"attacked|targeted|shot\s+down|intercepted|toward|towards|than|hitting|striking|destroying|downing|"
        r"killing|capturing|sinking|shooting\s+down|intercepting|attacking|targeting)\s+(?:the\s+|a\s+|an\s+)?"
        r"(?:(?:president|defence|defense|minister|leader|\w+-\w+)\s+){0,2}$"
    )
)

_SUFFERED = Caseless(re.compile(r"(?i)\b(?:lost|suffered|losing|loses|sustained)\b"))
# "The Russians took 70,000 casualties": taking losses is suffering them (taking prisoners is not).
_TOOK = Caseless(re.compile(r"(?i)\b(?:took|taken|takes|taking)\b"))

_AGENT_VERB = Caseless(
    re.compile(
        r"(?i)\b(?:kill(?:s|ed|ing)?|destroy(?:s|ed|ing)?|eliminat(?:e|es|ed|ing)|neutrali[sz](?:e|es|ed|ing)|"
        r"inflict(?:s|ed|ing)?|caus(?:e|es|ed|ing)|captur(?:e|es|ed|ing)|took|tak(?:e|es|ing)|shot|shoot(?:s|ing)?|"
        r"down(?:ed|ing)|hit(?:s|ting)?|struck|strik(?:e|es|ing)|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|"
        r"knock(?:s|ed|ing)?|liquidat(?:e|es|ed|ing)|intercept(?:s|ed|ing)?|wip(?:e|es|ed|ing)|repel(?:s|led|ling)?|"
        r"seiz(?:e|es|ed|ing)|burn(?:s|ed|t|ing)?|disabl(?:e|es|ed|ing)|hunt(?:s|ed|ing)?|target(?:s|ed|ing)?|"
        r"out\s+of\s+action)\b"
    )
)

_BY_VERB = Caseless(
    re.compile(
        r"(?i)\b(?:(?P<donor>supplied|provided|donated|sent|delivered|given|made|built|produced|manufactured|"
        r"designed|developed|transferred|pledged|promised|funded|financed|bought|purchased)|"
        r"(?P<owner>used|operated|manned|crewed|owned|flown|piloted|deployed|fielded|launched|fired|suffered|"
        r"sustained|incurred))\s+(?:\w+\s+){0,2}by\s+"
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


_THEY = re.compile(r"(?i)\bthey|their\b")


def subject_side(
    doc: Document,
    sentence: Sentence,
    figure: Figure,
    noun: Noun,
    verb: Verb | None,
    category: str,
    speaker: Speaker | None,
    np_spans: list[tuple[int, int]],
) -> SubjectSide:
    text = doc.upto[sentence.index]
    claimant_side = speaker.side if speaker else None
    mentions = _actor_mentions(doc, sentence)

    def resolve(mention: SideMention) -> str | None:
        if mention.side == "enemy":
            return opposite(claimant_side) or _DEFAULT_ENEMY
        if mention.side == "pronoun":
            return _pronoun_side(doc, sentence)
        return mention.side

    # 1. In the counted phrase: "50 North Korean soldiers", "Russian military deaths by 1,030".
    lo, hi = sorted((figure.end, noun.start))
    if noun.start < figure.start:
        lo = max(doc.clause_start(sentence, noun.start), noun.start - 40)
        hi = figure.qstart
    for mention in mentions:
        if lo <= mention.start < max(hi, noun.end) and mention.side != "pronoun":
            if mention.side == OTHER and noun.kind == "equipment":
                # "British cruise missiles", "U.S.-made rockets": the maker, not the user.
                continue
            side = resolve(mention)
            if side:
                return SubjectSide(side, 3)
    head = (
        _APPOSED_LOSS.search(text[sentence.start : noun.start])
        if noun.start < figure.start and "," in text[sentence.start : noun.start]
        else None
    )
    if head is not None:
        # "North Korean casualties in Kursk, dead and wounded together, have passed 3,000": the loss
        # noun set off by commas restates the one before it, whose side is named.
        at = sentence.start + head.start()
        owner = next((m for m in reversed(mentions) if m.end <= at and at - m.end <= 3), None)
        side = resolve(owner) if owner is not None else None
        if side:
            return SubjectSide(side, 3)
    # "put the number of Ukrainian troops captured at about 430", "put Russian losses at 330 men and 19
    # vehicles": the side named between "put" and "at" owns every figure after it.
    put_at = _put_at(text, sentence.start, figure.end) if "put" in sentence.text else None
    if put_at is not None and (
        _NEW_CLAUSE.search(text[put_at[1] : figure.start])
        or any(put_at[1] <= m.start < figure.start for m in mentions)
    ):
        # "put the Russian figure at 600,000, and estimated that 80,000 Ukrainian troops ...": another clause.
        put_at = None
    if put_at is not None:
        for mention in mentions:
            if put_at[0] <= mention.start < put_at[1] and mention.side != "pronoun":
                side = resolve(mention)
                if side:
                    return SubjectSide(side, 3)
    # "Moscow's last official toll was 1,351 killed", "it acknowledged 1,351 dead": a side's count of its
    # own losses.
    own_toll = None
    if doc.flags[sentence.text, "toll"]:
        own_toll = _OWN_TOLL.search(text[sentence.start : figure.qstart])
    if own_toll is not None:
        at, end = sentence.start + own_toll.start(), sentence.start + own_toll.end()
        if any(
            end <= m.start < figure.start and _ACTS.match(text[m.end : min(figure.start, m.end + 30)])
            for m in mentions
        ):
            # "Official Ukrainian figures show Russia lost 500": another side is the figure's actor (not
            # "the only official toll Moscow has ever published": the toll's publisher).
            own_toll = None
    if own_toll is not None:
        owner = next((m for m in reversed(mentions) if m.start < end and at - m.end <= 40), None)
        side = resolve(owner) if owner is not None else claimant_side
        if side in (UA, RU, KP):
            return SubjectSide(side, 2)
    # A tally's item after its header ("the enemy's combat losses are: personnel - N, tanks - M"): the side
    # whose losses the header names.
    colon = _header_end(text, sentence.start, figure.qstart) if doc.flags[sentence.text, "loss_list"] else -1
    if colon >= 0:
        owner = _loss_owner(text, mentions, sentence.start, colon)
        side = resolve(owner) if owner is not None else None
        if side:
            return SubjectSide(side, 3)
    # "20,000 of his fighters", "its own troops": the speaker's side.
    possessed = _POSSESSIVE_BEFORE.search(
        text[max(sentence.start, lo - 20) : lo]
    ) or _POSSESSIVE_AFTER.search(text[figure.end : figure.end + 12])
    if possessed:
        # "The Russian army has had 7,905 of its soldiers killed": "its" is the side named before it in
        # the clause; with none, the speaker's own ("20,000 of his fighters").
        start = doc.clause_start(sentence, figure.qstart)
        antecedent = [
            m
            for m in mentions
            if start <= m.end <= figure.qstart and m.side in (UA, RU, KP) and not _is_object(doc, sentence, m)
        ]
        if antecedent:
            return SubjectSide(antecedent[-1].side, 2)
        if claimant_side in (UA, RU, KP, OTHER):
            return SubjectSide(claimant_side, 2)
    # "eight soldiers from a Chechen Akhmat unit": the side of the formation they come from.
    after_np = _FROM_FORMATION.match(text[noun.end :])
    if after_np and noun.start >= figure.end:
        # ("men who fought in Russia's armed forces": a formation, even after "in".)
        for mention in doc.sides[sentence.index]:
            if noun.end + after_np.end() <= mention.start <= noun.end + after_np.end() + 12:
                side = resolve(mention)
                if side:
                    return SubjectSide(side, 3)
    # 2. "destroyed by Ukraine's 92nd Brigade", "launched by Russia".
    end_of_np = max(noun.end, figure.end)
    by_agent = _BY_AGENT.search(text[end_of_np:])
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
                    return SubjectSide(agent, 3)
                return SubjectSide(agent if category in ("launched", "deployed") else opposite(agent), 2)
    # 3. The actor of the clause: its first side before the verb (or the figure), read with the verb.
    # A single item that underwent a passive verb has no actor before it.
    single = not figure.words and not figure.raw[:1].isdigit()
    if single and verb is not None and verb.passive and verb.start >= noun.end:
        mentions = []
    clause_start = doc.clause_start(sentence, figure.qstart)
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
    before = [m for m in before if not _is_object(doc, sentence, m)]
    in_clause = [m for m in before if m.start >= clause_start]
    actor_mention = in_clause[-1] if in_clause else (before[-1] if before else None)
    own = None
    if claimant_side in (UA, RU, KP) and doc.flags[sentence.text, "own"]:
        start = actor_mention.end if actor_mention else sentence.start
        owned = list(OWN_FORCES.finditer(text.text, start, min(limit, text.end)))
        own = owned[-1] if owned else None
    if own is not None:
        # The speaker's own forces are the clause's actor, nearer the verb than any side word.
        between = text[own.end() : figure.qstart]
        if category in ("launched", "deployed") or not _agent_verb(between) or _SUFFERED.search(between):
            return SubjectSide(claimant_side, 2)
        return SubjectSide(opposite(claimant_side) or claimant_side, 2)
    if actor_mention is not None:
        actor = resolve(actor_mention)
        if actor:
            if category in ("launched", "deployed"):
                return SubjectSide(actor, 2)
            between = text[actor_mention.end : figure.qstart]
            suffered = _SUFFERED.search(between) or (category != "captured" and _TOOK.search(between))
            if _agent_verb(between) and not suffered:
                flipped = opposite(actor)
                if flipped:
                    return SubjectSide(flipped, 2)
            else:
                return SubjectSide(actor, 2)
    # 4. No actor: the side opposite the claimant's (each side mostly reports the other's losses).
    if category == "intercepted" or category == "launched":
        fired = opposite(claimant_side) if claimant_side in (UA, RU) else None
        if fired:
            return SubjectSide(fired, 1)
    if claimant_side in (UA, RU, KP):
        return SubjectSide(opposite(claimant_side), 1)
    pronoun = _pronoun_side(doc, sentence) if _THEY.search(text[sentence.start : figure.start]) else None
    if pronoun:
        return SubjectSide(pronoun, 1)
    # "The NIS breaks the toll down into about 300 dead": with no side and no claimant's, the figure goes
    # on about the losses of the claim just before.
    carried = _carried_side(doc, sentence)
    if carried:
        return SubjectSide(carried, 1)
    return SubjectSide(_DEFAULT_ENEMY, 0)


def _carried_side(doc: Document, sentence: Sentence) -> str | None:
    """The side of the last claim read in the two sentences before, when its side was read, not guessed."""
    for draft in reversed(doc.drafts):
        if draft.sentence.index >= sentence.index:
            continue
        if draft.sentence.index < sentence.index - 2:
            return None
        if draft.side_strength >= 2 and draft.claim.subject_side in (UA, RU, KP):
            return draft.claim.subject_side
    return None


_LOSS_WORD = re.compile(r"(?i)\b(?:losses|lost|casualties|hardware|equipment|weapons|weaponry)\b")
# "Total Russian losses in the direction amounted to 426 men, 1 tank, ...": the link after which a list's
# items are all the losses its header names.
_LOSS_LINK = re.compile(
    r"(?i)\b(?:losses|casualties|hardware|equipment)\b[^.;:]{0,80}?(?:\b(?:amounted\s+to|amount\s+to|totall?ed|"
    r"stood\s+at|stands?\s+at|reached|includes?|included|comprised|numbered|were|are)\b|\s[\u2013\u2014]\s)"
)


_PUT_AT = re.compile(
    r"(?i)\bputs?\s+(?P<np>[^.;:]{3,90}?)\s+at\s+(?=(?:about|around|roughly|over|more\s+than|nearly|almost|"
    r"some|close\s+to|at\s+least|up\s+to)?\s*\d)"
)


_OWN_TOLL = Caseless(
    re.compile(
        r"(?i)(?:\b(?:own|official|acknowledged|admitted)\s+(?:[\w-]+\s+)?(?:death\s+)?(?:toll|tally|count|figures?|"
        r"losses)\b|"
        r"\b(?:acknowledged|admitted|conceded)\s+(?:(?:the\s+)?(?:loss|deaths?)\s+of\s+)?(?=[\w\s,]{0,20}\d))"
    )
)

_ACTS = re.compile(
    r"(?i)^[^,;.]{0,15}?\b(?:lost|loses|losing|suffered|killed|destroyed|shot\s+down|downed|captured)\b"
)

_APPOSED_LOSS = re.compile(r"(?i)\b(?:casualties|losses|dead|deaths|toll)\b[^,;.]{0,60},\s*$")

_NEW_CLAUSE = re.compile(r"(?i)\b(?:that|which|while|whereas|but|estimated|said)\b")


def _put_at(text: Upto, lo: int, hi: int) -> tuple[int, int] | None:
    """The span of what a "put ... at N" estimate counts, when one stands before ``hi``."""
    found = None
    for match in _PUT_AT.finditer(text[lo:hi]):
        found = (lo + match.start("np"), lo + match.end("np"))
    return found


def _header_end(text: Upto, lo: int, hi: int) -> int:
    """Where the header of a list of losses ends before ``hi``: its colon or its linking verb; -1 if none."""
    colon = text.rfind(":", lo, hi)
    if colon >= 0:
        return colon
    links = list(_LOSS_LINK.finditer(text[lo:hi]))
    return lo + links[-1].start() + len(links[-1].group(0)) if links else -1


def _loss_owner(text: Upto, mentions: list[SideMention], lo: int, hi: int) -> SideMention | None:
    """The side named with the last loss word between ``lo`` and ``hi``: "the enemy's combat losses",
    "losses of the Russian army", "Russia lost"."""
    words = list(_LOSS_WORD.finditer(text[lo:hi]))
    if not words:
        return None
    start, end = lo + words[-1].start(), lo + words[-1].end()
    for mention in reversed(mentions):
        if mention.end <= start and start - mention.end <= 30:
            return mention
    for mention in mentions:
        if mention.start >= end and mention.start - end <= 25 and mention.end <= hi:
            return mention
    return None


def _is_object(doc: Document, sentence: Sentence, mention: SideMention) -> bool:
    """Whether a side word is an object or an addressee: read once a mention, not once a figure."""
    found = doc.objects.get(mention.start)
    if found is None:
        text = doc.text
        lo = sentence.start
        found = doc.objects[mention.start] = bool(
            _INDEFINITE_BEFORE.search(text[max(lo, mention.start - 30) : mention.start])
            or _OBJECT_BEFORE.search(text[max(lo, mention.start - 40) : mention.start])
        )
    return found


def _actor_mentions(doc: Document, sentence: Sentence) -> list[SideMention]:
    """The sentence's side mentions that can name an actor: not places, not inside a speaker phrase."""
    found = doc.actor_mentions.get(sentence.index)
    if found is None:
        attributions = doc.attributions[sentence.index]
        lo, hi = doc.dateline
        found = doc.actor_mentions[sentence.index] = [
            m
            for m in doc.sides[sentence.index]
            if not m.locative
            and not any(a.start <= m.start < a.end for a in attributions)
            # "KYIV, April 18 (Reuters) -": the city and agency of a dateline are no actors.
            and not lo <= m.start < hi
        ]
    return found


def _pronoun_side(doc: Document, sentence: Sentence) -> str | None:
    """Whom "they" stands for: the first actor of the two sentences before."""
    for index in range(sentence.index - 1, max(-1, sentence.index - 3), -1):
        actor = first_actor(doc, doc.sentences[index])
        if actor:
            return actor
    return None
