"""One claim per distinct fact: repeats of a figure (headline, lead, body, captions) merge into one claim.

Reads the drafts of the article's claims. Drafts of the same category, equipment, value and period are one
fact unless sides or speakers named explicitly tell them apart; the merged claim is the one of the clearest
sentence (an attributed body sentence with the most fields), and takes what it lacks (who, when, where,
which unit) from the others.
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Document, Draft
from ..schema import CONTEXT_FIELDS


def merge_repeats(doc: Document) -> None:
    doc.claims = [d.claim for d in _dedupe(doc.drafts)]


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    groups: dict[tuple[object, ...], list[Draft]] = {}
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
    _join_headline_repeats(groups, order)
    merged: list[Draft] = []
    for key in order:
        group = groups[key]
        # Different sides named explicitly are different facts; fallback sides join the strongest.
        by_side: dict[str | None, list[Draft]] = {}
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
            sources: dict[str, list[Draft]] = {}
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


def _join_headline_repeats(
    groups: dict[tuple[object, ...], list[Draft]], order: list[tuple[object, ...]]
) -> None:
    """A headline's figure whose period it does not say ("Zelensky says over 3,000 North Korean soldiers
    killed") is the body's figure of another period, when the body gives the same figure once."""
    for key in list(order):
        if key[0] == "engagement" or key not in groups:
            continue
        group = groups[key]
        if not all(d.sentence.headline and not d.period_explicit for d in group):
            continue
        others = [k for k in order if k != key and k[:4] == key[:4] and k in groups]
        if len(others) == 1:
            groups[others[0]].extend(group)
            del groups[key]
            order.remove(key)


def _split_same_sentence(members: list[Draft]) -> list[list[Draft]]:
    """Equal figures at different places of one sentence ("all N cruise missiles ... N of the ballistic ones")
    are different facts; repeats in other sentences join the first of them."""
    if len(members) == 1:
        # Most figures are stated once: nothing to split (what the general case gives).
        return [members]
    by_sentence: dict[int, dict[int, Draft]] = {}
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


def _evidence_score(draft: Draft) -> float:
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


def _merge(members: list[Draft]) -> Draft:
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
