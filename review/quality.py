"""How good is the current engine on the users' own data? Reviewer work is the gold standard.

For every article a reviewer has finished (no claim left unreviewed or disputed; with
include_partial, every article a reviewer has touched), the gold claims are its confirmed,
edited and added claims; rejected claims are gold *negatives* (the engine said them and a
reviewer said no). The predictions are the engine's output re-run now on the article text with
the registries from the database, so the figures describe the engine as deployed today, not the
version that first read the article.

Matching is SCHEMA's (the same as ../shared/claims-spec/score.py): a prediction matches a gold
claim of its article when category, subject_side, value and equipment agree (engagement:
category and unit); each gold claim matches once, the prediction whose attributes agree most
wins; attributes are scored among matches where the gold value is not null.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch
from django.urls import reverse

from claims.models import Article, Claim
from extraction.schema import CLAIM_FIELDS, NAME_FIELDS
from extraction.scoring import (
    ATTRIBUTES,
    ArticleMatch,
    Tally,
    field_matches,
    key_matches,
    match_article,
)

_UNSETTLED = (Claim.ReviewStatus.UNREVIEWED, Claim.ReviewStatus.DISPUTED)

Predict = Callable[[Article], list[dict[str, Any]]]


class EngineUnavailable(RuntimeError):
    """The extraction engine cannot be imported, so there is nothing to score."""


# --- The report ---


@dataclass
class AttributeScore:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(frozen=True)
class Mistake:
    kind: str  # "missed", "extra" or "attribute"
    category: str
    attribute: str | None
    gold: Any
    got: Any
    article_id: int
    article_title: str
    evidence: str
    start: int | None
    end: int | None
    claim_id: int | None
    note: str = ""

    @property
    def url(self) -> str:
        """The article's page, the sentence highlighted, scrolled to the gold claim's row if any."""
        url = reverse("claims:article", args=[self.article_id])
        if self.start is not None and self.end is not None:
            url += f"?start={self.start}&end={self.end}"
        return url + (f"#review-claim-{self.claim_id}" if self.claim_id else "#sentence")

    @property
    def summary(self) -> str:
        if self.kind == "attribute":
            return f"{self.attribute}: expected {self.gold!r}, got {self.got!r}"
        return self.note


@dataclass
class MistakeGroup:
    kind: str
    label: str
    count: int
    examples: list[Mistake]


@dataclass
class QualityReport:
    engine_version: str
    articles: int
    articles_left_out: int
    gold_claims: int
    rejected_claims: int
    predictions: int
    overall: Tally
    by_category: dict[str, Tally]
    attributes: dict[str, AttributeScore]
    mistakes: list[MistakeGroup]

    @property
    def attribute_accuracy(self) -> float:
        right = sum(a.right for a in self.attributes.values())
        total = sum(a.total for a in self.attributes.values())
        return right / total if total else 0.0


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


def _name(row: Any, raw: str) -> str | None:
    # The registry's canonical name; the article's own spelling when no registry row was resolved.
    return row.name if row is not None else (raw or None)


def gold_claim(claim: Claim) -> dict[str, Any]:
    """A stored claim in the engine's output shape, plus where it came from (keys starting with _)."""
    found: dict[str, Any] = {}
    for name in CLAIM_FIELDS:
        value = getattr(claim, name)
        found[name] = _name(value, getattr(claim, f"{name}_raw")) if name in NAME_FIELDS else _plain(value)
    return {
        **found,
        # Not yet settled by a reviewer (only in a partly reviewed article): neither found nor missed.
        "optional": claim.review_status in _UNSETTLED,
        "_claim_id": claim.pk,
    }


def reviewed_articles(*, include_partial: bool = False):
    """Articles whose claims a reviewer has settled: every claim (or, with include_partial, any claim)."""
    settled = Claim.objects.filter(article=OuterRef("pk")).exclude(review_status__in=_UNSETTLED)
    unsettled = Claim.objects.filter(article=OuterRef("pk"), review_status__in=_UNSETTLED)
    articles = Article.objects.filter(Exists(settled))
    if not include_partial:
        articles = articles.exclude(Exists(unsettled))
    return articles.order_by("pk")


def _engine() -> tuple[Any, Any, str]:
    try:
        from claims.selectors import registries_from_db
        from extraction import ENGINE_VERSION, extract
    except ImportError as exc:
        raise EngineUnavailable(f"the extraction package cannot be imported: {exc}") from exc
    return extract, registries_from_db(), ENGINE_VERSION


def engine_predictor() -> tuple[Predict, str]:
    """The current engine, with the database's registries, as a function of an article."""
    extract, registries, version = _engine()

    def predict(article: Article) -> list[dict[str, Any]]:
        result = extract(
            article.text, published=article.published, registries=registries, title=article.title or None
        )
        return [{k: _plain(v) for k, v in claim.to_dict().items()} for claim in result.claims]

    return predict, version


def _describe(claim: dict[str, Any]) -> str:
    if claim.get("category") == Claim.Category.ENGAGEMENT:
        return f"engagement by {claim.get('unit') or 'an unnamed unit'}"
    what = claim.get("equipment") or claim.get("category")
    value = claim.get("value")
    figure = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{figure} {what} ({claim.get('subject_side')})"


def _group(mistakes: Iterable[Mistake], *, limit: int, examples: int) -> list[MistakeGroup]:
    groups: dict[tuple[str, str], list[Mistake]] = defaultdict(list)
    for m in mistakes:
        label = f"wrong {m.attribute}" if m.kind == "attribute" else f"{m.kind} {m.category}"
        groups[(m.kind, label)].append(m)
    ordered = sorted(groups.items(), key=lambda item: (-len(item[1]), item[0][1]))
    return [MistakeGroup(kind, label, len(ms), ms[:examples]) for (kind, label), ms in ordered[:limit]]


def quality_report(
    *,
    include_partial: bool = False,
    predict: Predict | None = None,
    engine_version: str = "",
    mistake_groups: int = 20,
    examples: int = 5,
) -> QualityReport:
    """Score the engine (or `predict`, for tests) against the reviewed articles.

    Raises EngineUnavailable when no `predict` is given and the engine cannot be imported.
    """
    if predict is None:
        predict, engine_version = engine_predictor()
    overall = Tally()
    by_category: dict[str, Tally] = defaultdict(Tally)
    attributes = {a: AttributeScore() for a in ATTRIBUTES}
    mistakes: list[Mistake] = []
    counts: Counter[str] = Counter()
    articles = reviewed_articles(include_partial=include_partial)
    claims = Claim.objects.select_related("claimant", "region", "place", "unit").order_by("start", "id")
    for article in articles.prefetch_related(Prefetch("claims", queryset=claims)):
        gold, rejected = [], []
        for claim in article.claims.all():
            (rejected if claim.review_status == Claim.ReviewStatus.REJECTED else gold).append(
                gold_claim(claim)
            )
        preds = predict(article)
        counts.update(
            articles=1, gold=sum(not g["optional"] for g in gold), rejected=len(rejected), preds=len(preds)
        )
        match = match_article(gold, preds)
        mistakes += _article_mistakes(article, match, rejected, attributes)
        overall.tp += len(match.pairs)
        overall.fn += len(match.missed)
        overall.fp += len(match.extra)
        for g, _ in match.pairs:
            by_category[g["category"]].tp += 1
        for g in match.missed:
            by_category[g["category"]].fn += 1
        for p in match.extra:
            by_category[str(p.get("category"))].fp += 1
    total = reviewed_articles(include_partial=True).count()
    return QualityReport(
        engine_version=engine_version,
        articles=counts["articles"],
        articles_left_out=total - counts["articles"],
        gold_claims=counts["gold"],
        rejected_claims=counts["rejected"],
        predictions=counts["preds"],
        overall=overall,
        by_category=dict(sorted(by_category.items())),
        attributes=attributes,
        mistakes=_group(mistakes, limit=mistake_groups, examples=examples),
    )


def _article_mistakes(
    article: Article,
    match: ArticleMatch,
    rejected: list[dict[str, Any]],
    attributes: dict[str, AttributeScore],
) -> list[Mistake]:
    """Score the matched pairs' attributes (into `attributes`) and list the article's mistakes."""

    def mistake(kind: str, claim: dict[str, Any], **extra: Any) -> Mistake:
        values = {"attribute": None, "gold": None, "got": None, "note": "", **extra}
        return Mistake(
            kind=kind,
            category=str(claim.get("category")),
            article_id=article.pk,
            article_title=str(article),
            evidence=claim.get("evidence") or "",
            start=claim.get("start"),
            end=claim.get("end"),
            claim_id=claim.get("_claim_id"),
            **values,
        )

    found: list[Mistake] = []
    for g, p in match.pairs:
        for a in ATTRIBUTES:
            if g.get(a) is None:
                continue
            attributes[a].total += 1
            if field_matches(a, g[a], p.get(a)):
                attributes[a].right += 1
            else:
                found.append(mistake("attribute", g, attribute=a, gold=g[a], got=p.get(a)))
    for g in match.missed:
        found.append(mistake("missed", g, note=f"missed {_describe(g)}"))
    for p in match.extra:
        known = any(key_matches(r, p) for r in rejected)
        note = f"extra {_describe(p)}" + (" (a reviewer had rejected it)" if known else "")
        found.append(mistake("extra", p, note=note))
    return found
