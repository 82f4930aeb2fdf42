from __future__ import annotations

from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from claims.models import Article


@permission_required("claims.view_claim", raise_exception=True)
def timeline(request):
    recent = Article.objects.select_related("outlet")[:20]
    return render(request, "claims/timeline.html", {"articles": recent})


@permission_required("claims.view_article", raise_exception=True)
def article_list(request):
    page = Paginator(Article.objects.select_related("outlet"), 50).get_page(request.GET.get("page"))
    return render(request, "claims/article_list.html", {"page": page})


@permission_required("claims.view_article", raise_exception=True)
def article_detail(request, pk: int):
    article = get_object_or_404(Article.objects.select_related("outlet"), pk=pk)
    claims = article.claims.select_related("region", "place", "unit", "claimant").order_by("start")
    return render(request, "claims/article_detail.html", {"article": article, "claims": claims})
