"""Writes of the review app: a reviewer confirms, rejects, edits, adds or reopens a claim.

Every service locks the claim, applies the change, and records one ClaimChange with the changed
fields' values before and after. A call that changes nothing records nothing.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone

from claims.alarms import alarms_refresh, merge, touched
from claims.models import Alarm, Article, Claim, Claimant, Place, Region, Side, Unit
from claims.references import checks_refresh
from extraction import schema
from review.models import ClaimChange

REVIEW_FIELDS = schema.REVIEW_FIELDS
REGISTRY_FIELDS: dict[str, type] = {"claimant": Claimant, "region": Region, "place": Place, "unit": Unit}
EQUIPMENT_CATEGORIES = schema.EQUIPMENT_CATEGORIES
CHOICE_FIELDS: dict[str, frozenset[str]] = {
    "category": frozenset(Claim.Category.values),
    "equipment": frozenset(Claim.Equipment.values),
    "qualifier": frozenset(Claim.Qualifier.values),
    "subject_side": frozenset(Side.values),
    "claimant_side": frozenset(Side.values),
    "period": frozenset(Claim.Period.values),
}
REQUIRED_FIELDS = ("category", "qualifier", "subject_side", "period")
EVIDENCE_MAX_CHARS = 2000
REASON_MAX_CHARS = 1000


def claim_snapshot(claim: Claim, *, with_evidence: bool = False) -> dict[str, Any]:
    """The claim's reviewable values as JSON: registry rows by name, dates as ISO strings."""
    snapshot: dict[str, Any] = {}
    for field in REVIEW_FIELDS:
        value = getattr(claim, field)
        if field in REGISTRY_FIELDS:
            value = value.name if value is not None else None
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        snapshot[field] = value
    snapshot["review_status"] = claim.review_status
    if with_evidence:
        snapshot.update(evidence=claim.evidence, start=claim.start, end=claim.end)
    return snapshot


def claim_values_check(values: Mapping[str, Any]) -> dict[str, Any]:
    """Check a full set of reviewable values against SCHEMA's rules; return them completed.

    Fills what follows from another field (a place's region, a claimant's side) and raises
    ValidationError with a message per field otherwise. Registry fields hold model rows or None.
    """
    v = {field: values.get(field) for field in REVIEW_FIELDS}
    for field in ("equipment", "claimant_side"):
        v[field] = v[field] or None
    v["civilian"] = bool(v["civilian"])
    errors: dict[str, list[str]] = {}

    def fail(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    for field in REQUIRED_FIELDS:
        if not v[field]:
            fail(field, "This field is required.")
    for field, allowed in CHOICE_FIELDS.items():
        if v[field] and v[field] not in allowed:
            fail(field, f"{v[field]!r} is not one of the allowed values.")
    for field, model in REGISTRY_FIELDS.items():
        if v[field] is not None and not isinstance(v[field], model):
            raise TypeError(f"{field} must be a {model.__name__} or None, not {type(v[field]).__name__}")

    category = v["category"]
    if v["civilian"] and category in EQUIPMENT_CATEGORIES:
        fail("civilian", "Equipment, drones and missiles are not civilians: clear it.")
    if category in EQUIPMENT_CATEGORIES and not v["equipment"]:
        fail("equipment", "Say what kind of equipment, drone or missile this counts.")
    if category and category not in EQUIPMENT_CATEGORIES and v["equipment"]:
        fail("equipment", "Only equipment, launched and intercepted claims name equipment; clear it.")

    value, value_max = v["value"], v["value_max"]
    if value is None and category and category != Claim.Category.ENGAGEMENT:
        fail("value", "Only an engagement may have no figure.")
    if value is not None and value < 0:
        fail("value", "A figure cannot be negative.")
    if value_max is not None:
        if value is None:
            fail("value_max", "A range needs its lower bound in the figure.")
        elif value_max < value:
            fail("value_max", "The upper bound cannot be below the figure.")
    if category == Claim.Category.ENGAGEMENT and v["unit"] is None:
        fail("unit", "An engagement is a named unit's action: choose the unit.")

    date, date_start = v["date"], v["date_start"]
    if date_start is not None:
        if v["period"] == Claim.Period.CUMULATIVE:
            fail("date_start", "A running total has no first day: clear it or make the period a window.")
        elif date is None:
            fail("date", "A window with a first day needs its last day too.")
        elif date_start > date:
            fail("date_start", "The window cannot start after it ends.")

    place, region = v["place"], v["region"]
    if place is not None:
        if region is None:
            v["region"] = place.region
        elif place.region_id != region.pk:
            fail("place", f"{place.name} is in {place.region.name}, not {region.name}.")

    claimant = v["claimant"]
    if claimant is not None:
        if v["claimant_side"] is None:
            v["claimant_side"] = claimant.side
        elif v["claimant_side"] != claimant.side:
            fail(
                "claimant_side", f"{claimant.name} speaks for side {claimant.side}, not {v['claimant_side']}."
            )

    if errors:
        raise ValidationError(errors)
    return v


def _lock(claim: Claim) -> Claim:
    # of=("self",): Postgres refuses FOR UPDATE on the nullable side of the registry joins.
    return (
        Claim.objects.select_for_update(of=("self",))
        .select_related("claimant", "region", "place", "unit")
        .get(pk=claim.pk)
    )


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _record(
    claim: Claim,
    *,
    user: AbstractBaseUser,
    action: str,
    at: datetime.datetime,
    before: dict[str, Any],
    after: dict[str, Any],
    reason: str = "",
) -> ClaimChange:
    return ClaimChange.objects.create(
        claim=claim,
        claim_ref=claim.pk,
        article_id=claim.article_id,
        user=user,
        at=at,
        action=action,
        reason=reason,
        before=before,
        after=after,
    )


def _set_review(
    claim: Claim, status: str, user: AbstractBaseUser | None, at: datetime.datetime | None
) -> None:
    claim.review_status = status
    claim.reviewed_by = user
    claim.reviewed_at = at


def _move_status(
    claim: Claim, *, user: AbstractBaseUser, status: str, action: str, reason: str = "", reviewed: bool = True
) -> Claim:
    """Set the claim's review status, save it and record the change (reviewed=False clears the reviewer)."""
    before = claim.review_status
    series = touched([claim])
    now = timezone.now()
    _set_review(claim, status, user if reviewed else None, now if reviewed else None)
    claim.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "updated_at"])
    # A rejected claim leaves its series' readings, a reopened one comes back.
    alarms_refresh(merge(series, touched([claim])))
    _record(
        claim,
        user=user,
        action=action,
        at=now,
        before={"review_status": before},
        after={"review_status": claim.review_status},
        reason=reason,
    )
    return claim


@transaction.atomic
def claim_confirm(*, claim: Claim, user: AbstractBaseUser) -> Claim:
    """Mark the claim correct as it stands. Confirming a confirmed claim changes nothing."""
    claim = _lock(claim)
    if claim.review_status == Claim.ReviewStatus.CONFIRMED:
        return claim
    return _move_status(
        claim, user=user, status=Claim.ReviewStatus.CONFIRMED, action=ClaimChange.Action.CONFIRMED
    )


def _clean_reason(reason: str, *, required: bool) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError({"reason": ["Say why the claim is wrong."]})
    if len(reason) > REASON_MAX_CHARS:
        raise ValidationError({"reason": [f"Keep the reason under {REASON_MAX_CHARS} characters."]})
    return reason


@transaction.atomic
def claim_reject(*, claim: Claim, user: AbstractBaseUser, reason: str) -> Claim:
    """Mark the claim wrong, with the reviewer's reason (required).

    A rejected claim stays stored, excluded from figures, and tells the quality report the
    engine produced a false positive.
    """
    reason = _clean_reason(reason, required=True)
    claim = _lock(claim)
    last = claim.changes.filter(action=ClaimChange.Action.REJECTED).first()
    if claim.review_status == Claim.ReviewStatus.REJECTED and last is not None and last.reason == reason:
        return claim
    return _move_status(
        claim,
        user=user,
        status=Claim.ReviewStatus.REJECTED,
        action=ClaimChange.Action.REJECTED,
        reason=reason,
    )


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user: AbstractBaseUser,
    data: Mapping[str, Any],
    reason: str = "",
    seen_updated_at: datetime.datetime | None = None,
) -> Claim:
    """Correct any reviewable fields; the claim is then confirmed as corrected.

    `data` holds any of REVIEW_FIELDS (registry fields as model rows). The result must satisfy
    claim_values_check, else ValidationError and nothing is written. The fact key is
    recomputed so corrected figures join (or leave) the right reported fact. When no field
    changes, this is a confirmation and is recorded as one. With seen_updated_at (when the
    editor loaded the claim), a claim saved by someone else since is refused: ValidationError.
    """
    unknown = set(data) - set(REVIEW_FIELDS)
    if unknown:
        raise ValueError(f"not reviewable: {', '.join(sorted(unknown))}")
    reason = _clean_reason(reason, required=False)
    claim = _lock(claim)
    if seen_updated_at is not None and claim.updated_at != seen_updated_at:
        raise ValidationError(
            "Someone else changed this claim after you opened it; "
            "cancel and open it again to see their change."
        )
    before = claim_snapshot(claim)
    series = touched([claim])
    current = {field: getattr(claim, field) for field in REVIEW_FIELDS}
    values = claim_values_check({**current, **data})
    for field, value in values.items():
        setattr(claim, field, value)
    claim.review_status = Claim.ReviewStatus.CONFIRMED
    old, new = _changed(before, claim_snapshot(claim))
    if not old:
        return claim
    now = timezone.now()
    _set_review(claim, Claim.ReviewStatus.CONFIRMED, user, now)
    claim.fact_key = claim.compute_fact_key()
    claim.save()
    checks_refresh([claim])
    alarms_refresh(merge(series, touched([claim])))
    edited = set(old) - {"review_status"}
    action = ClaimChange.Action.EDITED if edited else ClaimChange.Action.CONFIRMED
    _record(claim, user=user, action=action, at=now, before=old, after=new, reason=reason)
    return claim


def evidence_span(text: str, start: Any, end: Any) -> tuple[int, int]:
    """Check a selection's offsets into `text` and trim the whitespace around it.

    Raises ValidationError (keyed "start"/"end") when the offsets are not a non-blank span of the text.
    """
    try:
        start, end = int(start), int(end)
    except (TypeError, ValueError):
        raise ValidationError({"start": ["Select the sentence in the article text."]}) from None
    if not 0 <= start < end <= len(text):
        raise ValidationError(
            {"end": [f"The selection must lie inside the text (0 to {len(text)}) and end after it starts."]}
        )
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        raise ValidationError({"start": ["The selection is blank; select the sentence."]})
    if end - start > EVIDENCE_MAX_CHARS:
        raise ValidationError(
            {"end": [f"Select one or two sentences: at most {EVIDENCE_MAX_CHARS} characters."]}
        )
    return start, end


@transaction.atomic
def claim_add(
    *, article: Article, user: AbstractBaseUser, data: Mapping[str, Any], start: int, end: int
) -> Claim:
    """Store a claim the engine missed, read by a reviewer from article.text[start:end].

    The claim is the reviewer's (origin reviewer), confirmed, and kept by every re-extraction.
    Refused when the article already holds the same reported figure (one claim per fact per article).
    """
    unknown = set(data) - set(REVIEW_FIELDS)
    if unknown:
        raise ValueError(f"not reviewable: {', '.join(sorted(unknown))}")
    start, end = evidence_span(article.text, start, end)
    values = claim_values_check(
        {"qualifier": Claim.Qualifier.EXACT, "period": Claim.Period.WINDOW, **data},
    )
    now = timezone.now()
    claim = Claim(
        article=article,
        **values,
        evidence=article.text[start:end],
        start=start,
        end=end,
        origin=Claim.Origin.REVIEWER,
        review_status=Claim.ReviewStatus.CONFIRMED,
        reviewed_by=user,
        reviewed_at=now,
    )
    claim.fact_key = claim.compute_fact_key()
    twin = (
        Claim.objects.filter(article=article, fact_key=claim.fact_key)
        .exclude(review_status=Claim.ReviewStatus.REJECTED)
        .first()
    )
    if twin is not None:
        raise ValidationError(
            {
                NON_FIELD_ERRORS: [
                    f"This article already has this claim (#{twin.pk}); confirm or edit that one."
                ]
            }
        )
    claim.save()
    checks_refresh([claim])
    alarms_refresh(touched([claim]))
    _record(
        claim,
        user=user,
        action=ClaimChange.Action.ADDED,
        at=now,
        before={},
        after=claim_snapshot(claim, with_evidence=True),
    )
    return claim


@transaction.atomic
def claim_reopen(*, claim: Claim, user: AbstractBaseUser, reason: str = "") -> Claim:
    """Put a reviewed claim back in the queue, unreviewed.

    A reopened machine claim is the engine's again: the next re-extraction may replace it (its
    history stays). Reopening an unreviewed claim changes nothing.
    """
    reason = _clean_reason(reason, required=False)
    claim = _lock(claim)
    if claim.review_status == Claim.ReviewStatus.UNREVIEWED:
        return claim
    return _move_status(
        claim,
        user=user,
        status=Claim.ReviewStatus.UNREVIEWED,
        action=ClaimChange.Action.REOPENED,
        reason=reason,
        reviewed=False,
    )


def alarm_explain(*, alarm: Alarm, user: AbstractBaseUser, explanation: str) -> Alarm:
    """Mark an alarm explained (a correction by the claimant, two counts of different things), with why:
    it leaves the open alarms and keeps its explanation while the same two claims stay in it."""
    explanation = (explanation or "").strip()
    if not explanation:
        raise ValidationError({"explanation": ["Say what explains the two figures."]})
    if len(explanation) > 300:
        raise ValidationError({"explanation": ["Keep the explanation under 300 characters."]})
    alarm.explained_by, alarm.explained_at, alarm.explanation = user, timezone.now(), explanation
    alarm.save(update_fields=["explained_by", "explained_at", "explanation"])
    return alarm


def alarm_reopen(*, alarm: Alarm) -> Alarm:
    """Put an explained alarm back among the open ones."""
    alarm.explained_by, alarm.explained_at, alarm.explanation = None, None, ""
    alarm.save(update_fields=["explained_by", "explained_at", "explanation"])
    return alarm
