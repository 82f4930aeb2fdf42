"""Building claims for dashboard tests: an article per source, claims through the factory."""

from __future__ import annotations

import datetime

from django.http import QueryDict

from claims.filters import ClaimFilter
from claims.models import Claim
from tests.factories import ArticleFactory, ClaimFactory

D = datetime.date


def claim(*, article=None, text: str | None = None, **fields) -> Claim:
    """One claim; its own article unless `article` is given, evidence the whole article text."""
    if article is None:
        article = ArticleFactory(**({"text": text} if text else {}))
    return ClaimFactory(article=article, **fields)


def repeated(n: int, **fields) -> list[Claim]:
    """The same reported figure printed by n articles."""
    return [claim(**fields) for _ in range(n)]


def filterset(query: str = "", **params) -> ClaimFilter:
    data = QueryDict(query, mutable=True)
    for key, value in params.items():
        data[key] = value
    fs = ClaimFilter(data, queryset=Claim.objects.all())
    assert fs.is_valid(), fs.errors
    return fs
