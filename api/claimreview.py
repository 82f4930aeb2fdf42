"""A claim as schema.org ClaimReview, the JSON-LD fact-checkers publish: the sentence reviewed, the claim's
author (its claimant) and where it appeared (the article), and a rating only once a reviewer has reviewed it.

The rating says how the claimed figure stands: against the reference series where one counts the same
thing, else as the reviewer found it. 5 agrees with the reference count; 3 read correctly, with no
independent count for that day; 2 differs from the reference count, or disputed by a reviewer; 1 not a
claim of losses as read (rejected).
"""

from __future__ import annotations

from typing import Any

from claims.models import Claim, ReferenceCheck

BEST, WORST = 5, 1


def _rating(claim: Claim) -> dict[str, Any] | None:
    if not claim.is_reviewed:
        return None
    check = getattr(claim, "reference_check", None)
    if claim.review_status == Claim.ReviewStatus.REJECTED:
        value, name = 1, "Not a claim of losses as read"
    elif claim.review_status == Claim.ReviewStatus.DISPUTED:
        value, name = 2, "Disputed by a reviewer"
    elif check is not None and check.status == ReferenceCheck.Status.AGREES:
        value, name = 5, f"Agrees with {check.series.name}"
    elif check is not None and check.status == ReferenceCheck.Status.DIFFERS:
        value, name = 2, f"Differs from {check.series.name} ({check.reference_value:,} that day)"
    else:
        value, name = 3, "Read correctly; no independent count for that day"
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": BEST,
        "worstRating": WORST,
        "alternateName": name,
    }


def claim_review(claim: Claim, request) -> dict[str, Any]:
    """The ClaimReview of one claim (its article, outlet, claimant, check and reviewer loaded)."""
    article = claim.article
    appearance: dict[str, Any] = {
        "@type": "CreativeWork",
        "headline": article.title,
        "url": article.url or request.build_absolute_uri(article.get_absolute_url()),
    }
    if article.published:
        appearance["datePublished"] = article.published.isoformat()
    if article.outlet is not None:
        appearance["publisher"] = {"@type": "Organization", "name": article.outlet.name}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    author = claim.claimant.name if claim.claimant else claim.claimant_raw
    if author:
        item["author"] = {"@type": "Organization", "name": author}
    if article.published:
        item["datePublished"] = article.published.isoformat()
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": request.build_absolute_uri(f"{article.get_absolute_url()}#evidence-{claim.pk}"),
        "claimReviewed": claim.evidence,
        "itemReviewed": item,
        "author": {"@type": "Organization", "name": "Claimtrack"},
    }
    rating = _rating(claim)
    if rating is not None:
        review["reviewRating"] = rating
        if claim.reviewed_at:
            review["datePublished"] = claim.reviewed_at.date().isoformat()
    return review
