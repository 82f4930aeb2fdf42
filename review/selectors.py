"""Reads of the review app: the queue, a claim with its history, what the engine first said."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from claims.models import Article, Claim
from claims.selectors import claims_for_rows, in_open_alarm
from review.models import ClaimChange
from review.services import claim_snapshot

QUEUE_ORDERS: dict[str, str] = {
    "oldest": "Oldest first",
    "least_complete": "Least complete first",
    "differs_first": "Differing from the reference first",
    "alarms_first": "In a consistency alarm first",
}

# The engine gives no confidence score, so "lowest confidence" is measured by what it could not
# fill: a claim without claimant, claimant side, date or region is the one most likely to need work.
_MISSING_FIELDS = ("claimant", "claimant_side", "date", "region")


def _missing_count() -> Case:
    total = None
    for field in _MISSING_FIELDS:
        term = Case(
            When(**{f"{field}__isnull": True}, then=Value(1)), default=Value(0), output_field=IntegerField()
        )
        total = term if total is None else total + term
    return total


def claim_for_row(*, pk: int) -> Claim:
    """One claim as a review row shows it; Claim.DoesNotExist when it is gone."""
    return claims_for_rows(Claim.objects.all()).get(pk=pk)


def review_queue(*, queryset: QuerySet[Claim] | None = None, order: str = "oldest") -> QuerySet[Claim]:
    """The unreviewed claims of `queryset` (a filtered set of claims; all by default), in the chosen order."""
    queryset = Claim.objects.all() if queryset is None else queryset
    queryset = queryset.filter(review_status=Claim.ReviewStatus.UNREVIEWED).annotate(missing=_missing_count())
    if order == "least_complete":
        queryset = queryset.order_by(F("missing").desc(), "created_at", "id")
    elif order == "differs_first":
        # A claim that differs from its reference series is a misreading (the engine's) or a misquote (the
        # outlet's): either is worth a reviewer's eyes first.
        differs = Case(
            When(reference_check__status="differs", then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        queryset = queryset.order_by(differs, "created_at", "article_id", "start", "id")
    elif order == "alarms_first":
        # A claim in an open alarm contradicts another of its series: one of the two needs a reviewer.
        queryset = queryset.alias(alarmed=in_open_alarm()).order_by(
            F("alarmed").desc(), "created_at", "article_id", "start", "id"
        )
    else:
        # Claims of one article are created together, so oldest first also keeps an article's
        # claims next to each other, in text order.
        queryset = queryset.order_by("created_at", "article_id", "start", "id")
    return claims_for_rows(queryset)


def article_reviewed_originals(*, article: Article) -> list[dict[str, Any]]:
    """For each reviewed machine claim of the article, its values as the engine first gave them.

    Re-extraction keeps reviewed claims; to add no duplicates it must also recognise the engine's
    output that a reviewer already handled, including claims a reviewer has since edited. Each
    item is claim_snapshot() of the claim with every edit undone, plus claim_id, start and end.
    """
    reviewed = (
        Claim.objects.filter(article=article, origin=Claim.Origin.MACHINE)
        .filter(~Q(review_status=Claim.ReviewStatus.UNREVIEWED))
        .select_related("claimant", "region", "place", "unit")
    )
    edits: dict[int, list[ClaimChange]] = {}
    for change in ClaimChange.objects.filter(claim__in=reviewed, action=ClaimChange.Action.EDITED).order_by(
        "-at", "-id"
    ):
        edits.setdefault(change.claim_ref, []).append(change)
    originals = []
    for claim in reviewed:
        values = claim_snapshot(claim)
        # Undo the newest edit first, so the last applied is the first edit's "before".
        for change in edits.get(claim.pk, []):
            values.update(change.before)
        values.pop("review_status", None)
        originals.append({"claim_id": claim.pk, "start": claim.start, "end": claim.end, **values})
    return originals
