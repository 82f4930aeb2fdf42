"""The research dashboard: timeline, claim table, CSV export, article, region and unit pages.

Each page is one URL serving the whole page or, for HTMX, only its results partial; filters are
validated by ClaimFilter and the forms beside it, and a bad value is a 400 with the form's errors.
"""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from claims import exports, selectors
from claims.filters import ClaimFilter
from claims.forms import SERIES_CHOICES, ExportForm, TableForm, TimelineForm
from claims.models import Article, Claim, Region, Unit

PREVIEW_ROWS = 20
ARTICLES_PER_PAGE = 50
REVIEW_PERMISSION = "claims.review_claim"


def _wants_partial(request: HttpRequest) -> bool:
    # A history restore (back/forward with nothing cached) needs the whole page.
    return bool(request.htmx) and not request.htmx.history_restore_request


def _query(params: QueryDict | dict, **changes: Any) -> str:
    """The query string of `params` with `changes` applied (None removes a key)."""
    data = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    if not isinstance(params, QueryDict):
        data.update(params)
    for key, value in changes.items():
        data.pop(key, None)
        if value not in (None, ""):
            data[key] = value
    encoded = data.urlencode()
    return f"?{encoded}" if encoded else "?"


def _filter_query(filterset: ClaimFilter) -> str:
    """The filters in use as a query string: what the export link and 'see all' links carry."""
    return urlencode(selectors.filter_params(filterset))


def _dashboard(
    request: HttpRequest,
    template: str,
    *,
    data: QueryDict | None = None,
    rows: int = selectors.TABLE_ROWS,
    with_chart: bool = True,
    **extra: Any,
) -> HttpResponse:
    """Validate the filters and options, read the timeline and/or table, render page or partial."""
    data = (data if data is not None else request.GET).copy()
    # The timeline's options show their defaults when the URL leaves them out.
    for name, value in TimelineForm.DEFAULTS.items():
        if not data.get(name):
            data[name] = value
    filterset = ClaimFilter(data, queryset=Claim.objects.all())
    timeline_form = TimelineForm(data)
    table_form = TableForm(data)
    context: dict[str, Any] = {
        "filter_form": filterset.form,
        "timeline_form": timeline_form,
        "table_form": table_form,
        "base_path": request.path,
        "chart_groups": SERIES_CHOICES,
        **extra,
    }
    valid = [filterset.is_valid(), timeline_form.is_valid(), table_form.is_valid()]
    status = 200
    if all(valid):
        options = timeline_form.options()
        context["options"] = options
        if with_chart:
            context["chart"] = selectors.timeline(filterset, **options)
        table = table_form.cleaned_data
        page = selectors.claim_table(
            filterset,
            sort=table["sort"],
            after=table.get("after"),
            before=table.get("before"),
            size=rows,
        )
        if request.user.has_perm(REVIEW_PERMISSION):
            _attach_review_rows(page)
        params = request.GET
        context.update(
            page=page,
            filter_query=_filter_query(filterset),
            next_query=_query(params, after=page.next_cursor.encode(), before=None)
            if page.next_cursor
            else None,
            prev_query=_query(params, before=page.prev_cursor.encode(), after=None)
            if page.prev_cursor
            else None,
            first_query=_query(params, after=None, before=None),
            all_figures_query=_query(params, fact=None, after=None, before=None),
            sort_queries={
                column: _query(params, sort=_toggle(table["sort"], column), after=None, before=None)
                for column in ("date", "value")
            },
        )
    else:
        status = 400
        context["errors"] = [
            f"{form.fields[name].label or name}: {' '.join(errors)}"
            if name in form.fields
            else " ".join(errors)
            for form in (filterset.form, timeline_form, table_form)
            for name, errors in form.errors.items()
        ]
    name = f"{template}#results" if _wants_partial(request) else template
    return render(request, name, context, status=status)


def _attach_review_rows(page: selectors.TablePage) -> None:
    """Give each figure of the page its listed sources as claims a review row can show, in one read."""
    ids = [ref.claim_id for row in page.rows for ref in row.shown_sources]
    claims = selectors.claims_for_rows(Claim.objects.filter(pk__in=ids)).in_bulk()
    for row in page.rows:
        row.review_claims = [claims[ref.claim_id] for ref in row.shown_sources if ref.claim_id in claims]


def _toggle(current: str, column: str) -> str:
    """Clicking a column sorts by it, newest/largest first; clicking again reverses it."""
    if current == f"-{column}":
        return column
    return f"-{column}"


@require_GET
@vary_on_headers("HX-Request")
@permission_required("claims.view_claim", raise_exception=True)
def timeline(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, "claims/timeline.html", rows=PREVIEW_ROWS)


@require_GET
@vary_on_headers("HX-Request")
@permission_required("claims.view_claim", raise_exception=True)
def claim_list(request: HttpRequest) -> HttpResponse:
    return _dashboard(request, "claims/claim_list.html", with_chart=False)


@require_GET
@permission_required("claims.export_claims", raise_exception=True)
def claim_export(request: HttpRequest) -> HttpResponse:
    filterset = ClaimFilter(request.GET, queryset=Claim.objects.all())
    table_form = TableForm(request.GET)
    export_form = ExportForm(request.GET)
    if not (filterset.is_valid() and table_form.is_valid() and export_form.is_valid()):
        errors = [*filterset.errors.values(), *table_form.errors.values(), *export_form.errors.values()]
        message = "Cannot export: " + "; ".join(" ".join(e) for e in errors)
        return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")
    lines = exports.export_lines(filterset.qs, sort=table_form.cleaned_data["sort"])
    response = StreamingHttpResponse(
        exports.csv_rows(lines, bom=export_form.cleaned_data["bom"]), content_type="text/csv; charset=utf-8"
    )
    filename = exports.export_filename(timezone.localdate(), selectors.filter_params(filterset))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@permission_required("claims.view_article", raise_exception=True)
def article_list(request: HttpRequest) -> HttpResponse:
    """Articles newest first, keyset-paged by (published, id); filter by state or title."""
    articles = Article.objects.select_related("outlet").defer("text").order_by("-published", "-id")
    status = request.GET.get("status", "")
    if status in Article.Status.values:
        articles = articles.filter(status=status)
    title = request.GET.get("q", "").strip()[:200]
    if title:
        articles = articles.filter(title__icontains=title)
    after = _article_cursor(request.GET.get("after", ""))
    if after is not None:
        published, pk = after
        articles = articles.filter(Q(published__lt=published) | Q(published=published, id__lt=pk))
    page = list(articles[: ARTICLES_PER_PAGE + 1])
    more = len(page) > ARTICLES_PER_PAGE
    page = page[:ARTICLES_PER_PAGE]
    counts = dict(
        Claim.objects.filter(article__in=[a.pk for a in page])
        .exclude(review_status="rejected")
        .values_list("article")
        .annotate(n=Count("id"))
    )
    for article in page:
        article.claim_count = counts.get(article.pk, 0)
    next_query = (
        _query(request.GET, after=f"{page[-1].published.isoformat()}~{page[-1].pk}") if more else None
    )
    context = {
        "articles": page,
        "next_query": next_query,
        "status": status,
        "q": title,
        "statuses": Article.Status.choices,
        "paged": after is not None,
    }
    return render(request, "claims/article_list.html", context)


def _article_cursor(raw: str) -> tuple[datetime.date, int] | None:
    published, sep, pk = raw.partition("~")
    if not sep:
        return None
    try:
        return datetime.date.fromisoformat(published), int(pk)
    except ValueError:
        return None


@require_GET
@permission_required("claims.view_article", raise_exception=True)
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The text with each claim's evidence marked; ?start=&end= marks a sentence (id "sentence").

    A Reviewer gets the claims as review rows (#review-claim-N) and a text to select a new claim from.
    """
    article = get_object_or_404(Article.objects.select_related("outlet", "uploaded_by"), pk=pk)
    can_review = request.user.has_perm(REVIEW_PERMISSION)
    claims = article.claims.select_related("region", "place", "unit", "claimant").order_by("start", "id")
    if can_review:
        claims = selectors.claims_for_rows(claims)
    claims = list(claims)
    spans = []
    for claim in claims:
        span = selectors.evidence_span(article, claim)
        claim.anchor = f"evidence-{claim.pk}"
        claim.found = span is not None
        if span:
            spans.append((*span, claim.anchor))
    sentence = _sentence(article, request.GET)
    if sentence:
        spans.append((*sentence, "sentence"))
    context = {
        "article": article,
        "claims": claims,
        "text": selectors.highlight_spans(article.text, spans),
        "can_review": can_review,
    }
    if can_review:
        # Changes to claims since deleted (their rows are gone, their history is not).
        history = selectors.article_history(article=article)
        context["orphan_history"] = history.filter(claim__isnull=True)
    return render(request, "claims/article_detail.html", context)


def _sentence(article: Article, params: QueryDict) -> tuple[int, int] | None:
    """?start=&end= as a span of the text (a link from a review row or the quality page), else None."""
    try:
        start, end = int(params.get("start", "")), int(params.get("end", ""))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end <= len(article.text) else None


def _registry_page(request: HttpRequest, template: str, name: str, obj: Region | Unit, **extra: Any):
    # The page's own registry entry is a fixed filter; the timeline options come from the URL.
    data = QueryDict(mutable=True)
    for key in ("group", "bucket", "measure", "date_from", "date_to"):
        if key in request.GET:
            data[key] = request.GET[key]
    data[name] = obj.slug
    return _dashboard(request, template, data=data, rows=PREVIEW_ROWS, obj=obj, **extra)


@require_GET
@vary_on_headers("HX-Request")
@permission_required(["claims.view_region", "claims.view_claim"], raise_exception=True)
def region_detail(request: HttpRequest, slug: str) -> HttpResponse:
    region = get_object_or_404(Region, slug=slug)
    return _registry_page(
        request, "claims/region_detail.html", "region", region, places=selectors.region_places(region)
    )


@require_GET
@vary_on_headers("HX-Request")
@permission_required(["claims.view_unit", "claims.view_claim"], raise_exception=True)
def unit_detail(request: HttpRequest, slug: str) -> HttpResponse:
    unit = get_object_or_404(Unit, slug=slug)
    return _registry_page(
        request, "claims/unit_detail.html", "unit", unit, regions=selectors.unit_regions(unit)
    )
