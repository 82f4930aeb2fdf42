"""The research dashboard: timeline, claim table, CSV export, article, region and unit pages.

Each page is one URL serving the whole page or, for HTMX, only its results partial; filters are
validated by ClaimFilter and the forms beside it, and a bad value is a 400 with the form's errors.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import permission_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from claims import comparison, exports, selectors, timelines
from claims.filters import ArticleFilter, ClaimFilter
from claims.forms import SERIES_CHOICES, AlarmFilterForm, CompareForm, ExportForm, TableForm, TimelineForm
from claims.models import Alarm, Article, Claim, ReferenceSeries, Region, Unit

PREVIEW_ROWS = 20
# The largest figures a chart tooltip names for its point.
POINT_FIGURES = 3
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
    return urlencode(selectors.filter_params(filterset), doseq=True)


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
    if not all(valid):
        context["errors"] = [
            e for form in (filterset.form, timeline_form, table_form) for e in _form_errors(form)
        ]
        name = f"{template}#results" if _wants_partial(request) else template
        return render(request, name, context, status=400)
    key = _results_cache_key(request, template, data)
    html = cache.get(key) if key else None
    if html is None:
        context.update(
            _results(request, filterset, timeline_form, table_form, rows=rows, with_chart=with_chart)
        )
        html = render_to_string(f"{template}#results", context, request)
        if key:
            cache.set(key, html)
    if _wants_partial(request):
        return HttpResponse(html)
    return render(request, template, {**context, "results_html": mark_safe(html)})  # noqa: S308 - rendered above


def _results_cache_key(request: HttpRequest, template: str, data: QueryDict) -> str | None:
    """Where a rendering of these results is kept: by page, query and data version (claims.DataVersion).

    None for a Reviewer, whose results hold review forms with their session's CSRF token. The
    export permission changes the results (the export links), so it is part of the key.
    """
    if request.user.has_perm(REVIEW_PERMISSION):
        return None
    exports_allowed = int(request.user.has_perm("claims.export_claims"))
    return f"results:{template}:{exports_allowed}:{_query_version_key(request, data)}"


def _query_version_key(request: HttpRequest, data: QueryDict) -> str:
    """The data version and a digest of the path and query, in any parameter order."""
    query = urlencode(sorted((k, v) for k in data for v in data.getlist(k)))
    digest = hashlib.blake2b(f"{request.path}?{query}".encode(), digest_size=16).hexdigest()
    return f"{selectors.data_version()}:{digest}"


def _results(
    request: HttpRequest,
    filterset: ClaimFilter,
    timeline_form: TimelineForm,
    table_form: TableForm,
    *,
    rows: int,
    with_chart: bool,
) -> dict[str, Any]:
    """The timeline and the table page for valid filters and options, with the table's links."""
    results: dict[str, Any] = {}
    options = timeline_form.options()
    results["options"] = options
    if with_chart:
        results["chart"] = timelines.timeline(filterset, **options)
    table = table_form.cleaned_data
    page = selectors.claim_table(
        filterset, sort=table["sort"], after=table.get("after"), before=table.get("before"), size=rows
    )
    if request.user.has_perm(REVIEW_PERMISSION):
        _attach_review_rows(page)
    params = request.GET
    results.update(
        page=page,
        filter_query=_filter_query(filterset),
        next_query=_query(params, after=page.next_cursor.encode(), before=None) if page.next_cursor else None,
        prev_query=_query(params, before=page.prev_cursor.encode(), after=None) if page.prev_cursor else None,
        first_query=_query(params, after=None, before=None),
        all_figures_query=_query(params, fact=None, after=None, before=None),
        sort_queries={
            column: _query(params, sort=_toggle(table["sort"], column), after=None, before=None)
            for column in ("date", "value")
        },
    )
    return results


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
@permission_required("claims.view_claim", raise_exception=True)
def point_detail(request: HttpRequest) -> JsonResponse:
    """What a chart tooltip adds for one point: its claims, and its largest figures with who claims them.

    Takes the link of the point (its series' filters and its days); kept by data version.
    """
    filterset = ClaimFilter(request.GET, queryset=Claim.objects.all())
    if not filterset.is_valid():
        return JsonResponse({"errors": _form_errors(filterset.form)}, status=400)
    key = f"point:{_query_version_key(request, request.GET)}"
    detail = cache.get(key)
    if detail is None:
        page = selectors.claim_table(filterset, sort="-value", size=POINT_FIGURES)
        detail = {
            "claims": page.claims,
            "figures": page.figures,
            "top": [selectors.figure_summary(row) for row in page.rows],
        }
        cache.set(key, detail)
    return JsonResponse(detail)


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
    stream = exports.export_stream(
        filterset.qs, sort=table_form.cleaned_data["sort"], bom=export_form.cleaned_data["bom"]
    )
    response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
    filename = exports.export_filename(timezone.localdate(), selectors.filter_params(filterset))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@permission_required("claims.view_article", raise_exception=True)
def article_list(request: HttpRequest) -> HttpResponse:
    """Articles, newest first (undated last), filtered and sorted by ArticleFilter, paged by number."""
    filterset = ArticleFilter(request.GET, queryset=Article.objects.select_related("outlet").defer("text"))
    if not filterset.is_valid():
        context = {"filter": filterset, "errors": _form_errors(filterset.form), "articles": []}
        return render(request, "claims/article_list.html", context, status=400)
    page = Paginator(filterset.qs, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    sort = request.GET.get("sort") or "-published"
    context = {
        "filter": filterset,
        "articles": page.object_list,
        "page": page,
        "page_query": _query(request.GET, page=None),
        "sort": sort,
        "sort_queries": {
            column: _query(request.GET, sort=_toggle(sort, column), page=None)
            for column in ("published", "outlet", "claims")
        },
        "filtered": any(value for key, value in request.GET.items() if key not in ("page", "sort")),
    }
    return render(request, "claims/article_list.html", context)


def _form_errors(form) -> list[str]:
    return [
        f"{form.fields[name].label or name}: {' '.join(errors)}" if name in form.fields else " ".join(errors)
        for name, errors in form.errors.items()
    ]


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
        "can_edit_details": request.user.has_perm("claims.upload_article") or can_review,
        "changes": article.changes.select_related("user"),
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


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def reference_list(request: HttpRequest) -> HttpResponse:
    """The reference series, each with how many claims agree with it."""
    return render(request, "claims/reference_list.html", {"series_list": selectors.reference_series_list()})


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def reference_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One reference series: its curve with the claims checked against it, differing ones first."""
    series = get_object_or_404(ReferenceSeries.objects.select_related("claimant"), slug=slug)
    return render(
        request, "claims/reference_detail.html", {"series": series, **selectors.reference_series_page(series)}
    )


@require_GET
@permission_required("claims.view_claim", raise_exception=True)
def alarm_list(request: HttpRequest) -> HttpResponse:
    """Pairs of claims of one series that cannot both be right, newest first, for reviewers to settle."""
    form = AlarmFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        alarms, status = Alarm.objects.none(), 400
    else:
        data = form.cleaned_data if form.is_bound else {}
        alarms = selectors.alarm_list(
            kind=data.get("kind") or "", state=data.get("state") or "open", claim=data.get("claim")
        )
        status = 200
    counts = selectors.alarm_counts()
    page = Paginator(alarms, selectors.ALARMS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": selectors.alarm_rows(page.object_list),
        "kind_counts": [(value, label, counts.get(value, 0)) for value, label in Alarm.Kind.choices],
        "query": query.urlencode(),
        "can_review": request.user.has_perm(REVIEW_PERMISSION),
    }
    return render(request, "claims/alarm_list.html", context, status=status)


def _compare_forms(request: HttpRequest) -> tuple[ClaimFilter, CompareForm, list[str]]:
    data = request.GET.copy()
    for name, value in CompareForm.DEFAULTS.items():
        if not data.get(name):
            data[name] = value
    filterset = ClaimFilter(data, queryset=Claim.objects.all())
    form = CompareForm(data)
    valid = [filterset.is_valid(), form.is_valid()]
    errors = [] if all(valid) else [e for f in (filterset.form, form) for e in _form_errors(f)]
    return filterset, form, errors


@require_GET
@vary_on_headers("HX-Request")
@permission_required("claims.view_claim", raise_exception=True)
def compare(request: HttpRequest) -> HttpResponse:
    """Claim against counter-claim: each side's figures about the other, their admissions and third
    parties' estimates, per bucket, beside the reference series; and confirmed against claimed equipment."""
    filterset, form, errors = _compare_forms(request)
    context: dict[str, Any] = {"filter_form": filterset.form, "compare_form": form, "errors": errors}
    template = "claims/compare.html#results" if _wants_partial(request) else "claims/compare.html"
    if errors:
        return render(request, template, context, status=400)
    key = _results_cache_key(request, "claims/compare.html", request.GET)
    html = cache.get(key) if key else None
    if html is None:
        context["result"] = comparison.comparison(filterset, **form.options())
        context.update(comparison.equipment_view(filterset))
        context["csv_query"] = request.GET.urlencode()
        html = render_to_string("claims/compare.html#results", context, request)
        if key:
            cache.set(key, html)
    if _wants_partial(request):
        return HttpResponse(html)
    return render(request, "claims/compare.html", {**context, "results_html": mark_safe(html)})  # noqa: S308


@require_GET
@permission_required("claims.export_claims", raise_exception=True)
def compare_export(request: HttpRequest) -> HttpResponse:
    """The comparison's rows as CSV: a row per bucket, a column per side's claims and their sources."""
    filterset, form, errors = _compare_forms(request)
    if errors:
        return HttpResponse("\n".join(errors) + "\n", status=400, content_type="text/plain; charset=utf-8")
    result = comparison.comparison(filterset, **form.options())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="claimtrack-comparison-{timezone.now():%Y%m%d}.csv"'
    )
    exports.comparison_csv(result, response)
    return response
