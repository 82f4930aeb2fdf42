"""Reads behind the dashboard: where its numbers come from, the claim table and its totals, highlighting.

Three places hold the numbers, and each read takes the smallest that can answer it, which keeps
the dashboard fast at a million claims:
- DaySummary, one row per day, category, equipment, claimant side, subject side and period
  (tens of thousands of rows): timelines (claims.timelines) by side, pair, category or equipment,
  and the counts;
- DimensionSummary, the same split by one registry (region, place, unit or claimant; a few hundred
  thousand rows at ten million claims): timelines by region, unit or claimant, or filtered to one;
- FactSummary, one row per reported figure and the region, place, unit and claimant given for
  it: timelines filtered by two registries, running totals, the table's pages;
- OutletSummary, claims counted per day group and outlet: counts of one outlet's claims;
- the claims themselves, for the free-text filter, an outlet's figures and table (and the unverified
  flag together with a review filter: the summaries split only the live claims by that flag).
Last, the registries as the engine reads them, compiled once a process per change.
The database keeps the summaries in step with the claims (migrations 0002, 0006, 0021 and 0022). Every
path gives the same answers; tests/claims/test_selectors.py checks them against the claims.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, Trunc
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from claims.filters import REGISTRY_FILTERS, ClaimFilter
from claims.forms import Cursor
from claims.models import (
    CLAIM_DAY,
    CLAIM_SORT_VALUE,
    Alarm,
    Article,
    Claim,
    Claimant,
    DataVersion,
    DaySummary,
    DimensionSummary,
    FactSummary,
    OutletSummary,
    Person,
    PersonRole,
    Place,
    ReferenceCheck,
    ReferencePoint,
    ReferenceSeries,
    Region,
    Unit,
)
from extraction import Registries

TABLE_ROWS = 50
# Past this many claims the raw path says "more than" rather than counting a million rows.
COUNT_CAP = 10_000
# Sources listed under a table row; the rest are one link away.
SOURCES_SHOWN = 8
# The summary rows read to count the table's claims; past it the count is "more than".
SUMMARY_CAP = 20_000


# --- where the numbers come from -----------------------------------------------------------------


def _state(active: Mapping[str, Any]) -> str:
    """The summaries' column suffix for the review and unverified filters: one status, or every
    status but rejected, and that split by the unverified flag (ClaimFilter.needs_claims sends the
    other combinations to the claims)."""
    if active.get("review_status"):
        return active["review_status"]
    # "Reviewed only" is the confirmed claims (ClaimFilterForm refuses it with another status).
    if active.get("reviewed"):
        return Claim.ReviewStatus.CONFIRMED.value
    if "unverified" in active:
        return "live_u" if active["unverified"] else "live_k"
    return "live"


# Filters the summaries answer through the state column rather than a lookup.
STATE_FILTERS = ("review_status", "reviewed", "unverified")


# Filters each summary can answer, and the column each maps to. The outlet and text filters are
# answered by the claims alone.
FACT_LOOKUPS = {
    # By `day` (the date, or date.min for an undated figure), the column the table's index leads
    # with: a range on it starts where the dates do rather than filtering the index from its end.
    "date_from": "day__gte",
    "date_to": "day__lte",
    "subject_side": "subject_side",
    "civilian": "civilian",
    "claimant_side": "claimant_side",
    "claimant": "claimant",
    "category": "category",
    "equipment": "equipment",
    "region": "region",
    "place": "place",
    "unit": "unit",
    "period": "period",
    "fact": "fact_key",
}
DAY_LOOKUPS = {
    "date_from": "date__gte",
    "date_to": "date__lte",
    **{
        name: lookup
        for name, lookup in FACT_LOOKUPS.items()
        if name not in ("date_from", "date_to", "claimant", "region", "place", "unit", "fact")
    },
}
DAY_GROUPS = ("side", "pair", "category", "equipment")
# Series by a registry that DimensionSummary answers (its dimension of the same name).
DIMENSION_GROUPS = ("region", "unit", "claimant")


@dataclass
class Source:
    """Where a selector reads (DaySummary, FactSummary or the claims) and how it counts there."""

    queryset: QuerySet
    per_row: Any  # claims a row stands for
    from_summary: bool
    by_day: bool = False
    state: str = "live"  # the summaries' review-state column suffix

    @property
    def figure_values(self) -> F:
        """DaySummary: the sum of the figures a row holds, each once."""
        return F(f"v_{self.state}")

    @property
    def figure_count(self) -> F:
        """DaySummary: how many figures a row holds."""
        return F(f"f_{self.state}")

    @property
    def count(self) -> Sum | Count:
        return Sum(self.per_row) if self.from_summary else Count("id")

    def bucket(self, kind: str):
        """The first day of each row's day, week or month: a stored column in the summaries."""
        if self.from_summary:
            return F({"day": "date", "week": "week", "month": "month"}[kind])
        return Trunc("date", kind)


def _lookups(active: dict[str, Any], lookups: dict[str, str]) -> dict[str, Any]:
    # A registry filter holds several entries: any of them.
    return {
        f"{lookup}__in" if name in REGISTRY_FILTERS or name == "fact" else lookup: active[name]
        for name, lookup in lookups.items()
        if name in active
    }


def source_for(filterset: ClaimFilter, *, use_summary: bool = True) -> Source:
    """FactSummary rows (or claims) matching the filterset's filters; a bound, valid filterset."""
    active = filterset.active()
    if not use_summary or filterset.needs_claims():
        return Source(filterset.qs, Value(1), from_summary=False)
    live = F(f"n_{_state(active)}")
    rows = FactSummary.objects.alias(live=live).filter(live__gt=0, **_lookups(active, FACT_LOOKUPS))
    if "date_to" in active:
        rows = rows.filter(day__gt=datetime.date.min)  # an end date leaves the undated figures out
    return Source(rows, live, from_summary=True)


def day_source_for(
    filterset: ClaimFilter, group: str, *, measure: str = "figures", use_summary: bool = True
) -> Source | None:
    """Daily rollup rows for a timeline whose series and filters they can answer, else None.

    DaySummary when no registry is involved; DimensionSummary when one registry is, as the series (by
    region, unit or claimant) or as a filter, or both. Its rows count a figure once per member, so several
    members of a filter sum a figure given for two of them twice: such a filter is answered here only for
    claim counts (``measure`` "claims") or series by that registry, where each member is its own line.
    """
    active = filterset.active()
    if use_summary and "outlet" in active:
        return _outlet_source(filterset, group, measure)
    if not use_summary or filterset.needs_claims():
        return None
    registries = {name for name in REGISTRY_FILTERS if name in active}
    others = (n for n in active if n not in STATE_FILTERS and n not in REGISTRY_FILTERS)
    if any(n not in DAY_LOOKUPS for n in others):
        return None
    dimensions = registries | ({group} if group in DIMENSION_GROUPS else set())
    if len(dimensions) > 1 or group not in (*DAY_GROUPS, *DIMENSION_GROUPS):
        return None
    state = _state(active)
    if not dimensions:
        rows = DaySummary.objects.filter(**{f"n_{state}__gt": 0}, **_lookups(active, DAY_LOOKUPS))
        return Source(rows, F(f"n_{state}"), from_summary=True, by_day=True, state=state)
    (dimension,) = dimensions
    members = [m.pk for m in active.get(dimension, [])]
    if len(members) > 1 and group != dimension and measure != "claims":
        return None
    rows = DimensionSummary.objects.filter(
        dimension=dimension, **{f"n_{state}__gt": 0}, **_lookups(active, DAY_LOOKUPS)
    )
    if members:
        rows = rows.filter(member__in=members)
    if group == dimension:
        rows = rows.annotate(**{f"{group}_id": F("member")})
    return Source(rows, F(f"n_{state}"), from_summary=True, by_day=True, state=state)


def _outlet_source(filterset: ClaimFilter, group: str, measure: str) -> Source | None:
    """OutletSummary rows for claim counts of one outlet by side, pair, category or equipment, else None: it
    counts claims, not figures, and splits by no registry."""
    active = filterset.active()
    others = [n for n in active if n not in STATE_FILTERS and n != "outlet"]
    if (
        measure != "claims"
        or group not in DAY_GROUPS
        or any(n not in DAY_LOOKUPS for n in others)
        # The counts split by the unverified flag are of live claims only (as the other summaries').
        or ("unverified" in active and ("review_status" in active or "reviewed" in active))
    ):
        return None
    state = _state(active)
    rows = OutletSummary.objects.filter(
        outlet=active["outlet"], **{f"n_{state}__gt": 0}, **_lookups(active, DAY_LOOKUPS)
    )
    return Source(rows, F(f"n_{state}"), from_summary=True, by_day=True, state=state)


# --- text search -----------------------------------------------------------------------------------

# The claims a timeline with a text filter reads at most: past it, the chart covers the latest stretch of
# days whose claims fit, and says so.
TEXT_CLAIMS = 25_000
SIZED = ["claims_articlesearch", "claims_claim"]


@dataclass(frozen=True)
class TextPlan:
    """How a timeline answers its text filter: ``within`` the claim dates whose articles are checked one by
    one (None: every matching article listed first, through the index); ``capped`` when that stretch is
    shorter than the range asked for."""

    articles: int  # the planner's estimate of the matching articles
    share: float  # of all articles
    within: tuple[datetime.date, datetime.date] | None = None
    capped: bool = False


def text_plan(filterset: ClaimFilter) -> TextPlan | None:
    """For a text filter on PostgreSQL, how much of it a timeline can read: the whole range when the matching
    articles' claims fit in TEXT_CLAIMS (search first, through the index), else the latest days whose claims
    fit, found by checking each of their articles (a word in most articles: listing them would read more)."""
    active = filterset.active()
    text = (active.get("q") or "").strip()
    if not text or connection.vendor != "postgresql":
        return None
    articles = filterset.search_estimate() or 0
    with connection.cursor() as cursor:
        # The tables' sizes as the statistics have them: counting would read them.
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = ANY(%s) ORDER BY relname", [SIZED])
        documents, claims = (max(int(n), 1) for (n,) in cursor.fetchall())
    share = min(1.0, articles / documents)
    if articles * claims / documents <= TEXT_CLAIMS:
        return TextPlan(articles, share)
    days = (
        DaySummary.objects.filter(date__lte=active["date_to"])
        if "date_to" in active
        else DaySummary.objects.all()
    )
    per_day = days.values("date").annotate(n=Sum(F("n_live") + F("n_rejected"))).order_by("-date")
    first = last = None
    read = 0
    # The latest days first, a few at a time: a LIMIT lets the database sum them from the date index, where
    # summing every day's rows to use a handful cost more than the chart.
    start, size = 0, 32
    while True:
        page = list(per_day.values_list("date", "n")[start : start + size])
        for day, n in page:
            if first is not None and read + n > TEXT_CLAIMS:
                return TextPlan(articles, share, (first, last), capped=True)
            first, last, read = day, last or day, read + n
            if "date_from" in active and first <= active["date_from"]:
                return TextPlan(articles, share, (active["date_from"], last))
        if len(page) < size:
            return TextPlan(articles, share, (first, last) if first else None)
        start, size = start + size, size * 4


# One claim's id at each end of every day in a stretch, read from the (date, id) index a day at a time.
ID_BOUND_DAYS = 3_660
_ID_BOUNDS_SQL = """
    SELECT min(first.id), max(last.id)
    FROM generate_series(%s::date, %s::date, interval '1 day') AS day
    CROSS JOIN LATERAL (
        SELECT id FROM claims_claim WHERE date = day::date ORDER BY id LIMIT 1
    ) AS first
    CROSS JOIN LATERAL (
        SELECT id FROM claims_claim WHERE date = day::date ORDER BY id DESC LIMIT 1
    ) AS last
"""


def claim_id_bounds(date_from: datetime.date | None, date_to: datetime.date | None) -> tuple[int, int] | None:
    """The smallest and largest id of the claims dated within the stretch (either end open), or None where
    not on PostgreSQL.

    Claims are stored about as their days are reported, so a stretch's claims lie in a narrow band of ids:
    a list newest stored first (the API's) bounded by it walks only that band, where the planner, blind to
    the link between ids and dates, would walk every later claim first. The bound is exact however the
    claims were stored; stored out of order it is only wide. An empty stretch is the empty range (1, 0).
    A stretch of more than ID_BOUND_DAYS days with claims (a date misread centuries back, say) is not
    bounded: a day at a time would cost more than the walk.
    """
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(date), max(date) FROM claims_claim")
        first, last = cursor.fetchone()
        if first is None:
            return 1, 0
        first, last = max(first, date_from or first), min(last, date_to or last)
        if first > last:
            return 1, 0
        if (last - first).days > ID_BOUND_DAYS:
            return None
        cursor.execute(_ID_BOUNDS_SQL, [first, last])
        low, high = cursor.fetchone()
    return (1, 0) if low is None else (low, high)


def data_version() -> int:
    """A number that grows with every write to what the dashboard shows (claims.DataVersion)."""
    return DataVersion.objects.aggregate(version=Sum("n"))["version"] or 0


# --- timeline -------------------------------------------------------------------------------------


def as_date(value: datetime.date | datetime.datetime | str) -> datetime.date:
    # Truncated dates come back as datetimes from PostgreSQL, and as text from raw SQL on SQLite.
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value


@lru_cache(maxsize=64)
def _path(name: str, script_prefix: str) -> str:
    """reverse() of an argument-free route, once per script prefix: a timeline's table links every
    cell, and a table page every source, so reversing each time cost milliseconds per response."""
    return reverse(name)


@lru_cache(maxsize=64)
def _route_format(name: str, marker: str, script_prefix: str) -> str:
    """A route with one argument as a format string: reversed once with ``marker`` (a value its converter
    accepts) standing for the argument."""
    return reverse(name, args=[marker]).replace(marker, "{}")


def article_path(article_id: int) -> str:
    """reverse("claims:article", args=[article_id]), without resolving the route every time."""
    return _route_format("claims:article", "2147483647", get_script_prefix()).format(int(article_id))


def registry_path(name: str, slug: str) -> str:
    """reverse(name, args=[slug]) for a registry entry's page, without resolving the route every time."""
    return _route_format(name, "0-slug-0", get_script_prefix()).format(quote(slug))


def claims_url(filters: Mapping[str, Any]) -> str:
    query = urlencode({k: v for k, v in filters.items() if v not in (None, "", [])}, doseq=True)
    return _path("claims:claims", get_script_prefix()) + (f"?{query}" if query else "")


def filter_params(filterset: ClaimFilter) -> dict[str, str | list[str]]:
    """The filters in use as URL parameters (slugs for registries, a list for several), for links."""
    params: dict[str, str | list[str]] = {}
    active = filterset.active()
    for name in filterset.filters:
        if name not in active:
            continue
        values = [v for v in filterset.data.getlist(name) if v not in (None, "")]
        if values:
            params[name] = values if name in REGISTRY_FILTERS else str(values[-1])
    return params


# --- the claim table ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceRef:
    """One article that printed a figure: enough to list and link it."""

    claim_id: int
    article_id: int
    title: str
    outlet: str | None
    published: datetime.date

    @property
    def url(self) -> str:
        return f"{article_path(self.article_id)}#evidence-{self.claim_id}"


@dataclass
class TableRow:
    """One reported figure: its earliest matching claim stands for it; sources lists every article."""

    claim: Claim
    sources: list[SourceRef]
    cursor: Cursor
    shown: int | None = SOURCES_SHOWN
    # For a Reviewer: shown_sources' claims loaded for review rows (claims.views).
    review_claims: list[Claim] = field(default_factory=list)

    @property
    def source_count(self) -> int:
        return len(self.sources)

    @property
    def shown_sources(self) -> list[SourceRef]:
        return self.sources if self.shown is None else self.sources[: self.shown]

    @property
    def more_sources(self) -> int:
        return self.source_count - len(self.shown_sources)

    @property
    def evidence(self) -> SafeString:
        return highlight_figure(self.claim.evidence, self.claim.value)


@dataclass
class TablePage:
    rows: list[TableRow]
    sort: str
    next_cursor: Cursor | None
    prev_cursor: Cursor | None
    claims: int
    figures: int | None
    capped: bool


def _keyset(sort: str, cursor: Cursor | None, *, after: bool) -> tuple[Q, list[str], bool]:
    """The WHERE, ORDER BY and direction for one page.

    Keyset ("seek") paging: the page after a row starts where that row's key ends, found by the
    index on (day, fact_key) or (sort_value, fact_key), so page 10,000 costs what page 1 costs.
    `sort_key <= k AND (sort_key < k OR fact_key < f)` keeps the first half a plain index range.
    """
    column = "day" if sort.endswith("date") else "sort_value"
    descending = sort.startswith("-")
    forward = descending if after else not descending  # scan direction in the index
    order = [f"-{column}", "-fact_key"] if forward else [column, "fact_key"]
    if cursor is None:
        return Q(), order, forward
    k, f = cursor.key, cursor.fact_key
    if forward:
        q = Q(**{f"{column}__lte": k}) & (Q(**{f"{column}__lt": k}) | Q(fact_key__lt=f))
    else:
        q = Q(**{f"{column}__gte": k}) & (Q(**{f"{column}__gt": k}) | Q(fact_key__gt=f))
    return q, order, forward


def claim_table(
    filterset: ClaimFilter,
    *,
    sort: str = "-date",
    after: Cursor | None = None,
    before: Cursor | None = None,
    size: int = TABLE_ROWS,
    use_summary: bool = True,
) -> TablePage:
    """One page of the table: reported figures in the sort order, each with its sources."""
    source = source_for(filterset, use_summary=use_summary)
    rows = source.queryset
    if not source.from_summary:
        rows = rows.annotate(day=CLAIM_DAY, sort_value=CLAIM_SORT_VALUE)
    column = "day" if sort.endswith("date") else "sort_value"
    cursor = before if before is not None else after
    where, order, _ = _keyset(sort, cursor, after=before is None)
    found = list(
        rows.filter(where).values(column, "fact_key").annotate(n=source.count).order_by(*order)[: size + 1]
    )
    more = len(found) > size
    found = found[:size]
    if before is not None:
        found.reverse()
    cursors = [Cursor(as_date(r[column]) if column == "day" else r[column], r["fact_key"]) for r in found]
    has_next = more if before is None else True
    has_prev = (after is not None) if before is None else more
    sources = _sources_of(filterset, [c.fact_key for c in cursors])
    first = (
        Claim.objects.filter(pk__in=[refs[0].claim_id for refs in sources.values()])
        .select_related("article__outlet", "reference_check__series")
        .only(*TABLE_FIELDS)
        .in_bulk()
    )
    with_registry_names(first.values())
    # Filtered to one figure ("all N sources"), every source is listed.
    shown = None if "fact" in filterset.active() else SOURCES_SHOWN
    # A re-extraction between the two reads may have replaced a source: such a row is left out
    # of this page rather than failing it.
    table_rows = [
        TableRow(
            claim=first[sources[c.fact_key][0].claim_id], sources=sources[c.fact_key], cursor=c, shown=shown
        )
        for c in cursors
        if sources.get(c.fact_key) and sources[c.fact_key][0].claim_id in first
    ]
    total, figures, capped = claim_totals(filterset, use_summary=use_summary)
    return TablePage(
        rows=table_rows,
        sort=sort,
        next_cursor=cursors[-1] if cursors and has_next else None,
        prev_cursor=cursors[0] if cursors and has_prev else None,
        claims=total,
        figures=figures,
        capped=capped,
    )


# What a table row and a tooltip show of a claim, its article and its reference check: the rest (an article's
# text, the timestamps) stays unread.
TABLE_FIELDS = (
    *("date", "date_start", "value", "value_max", "qualifier", "category", "civilian", "equipment", "period"),
    *("subject_side", "claimant_id", "claimant_raw", "claimant_side", "region_id", "region_raw", "place_id"),
    *("place_raw", "unit_id", "unit_raw", "evidence", "review_status", "fact_key", "article_id"),
    *("article__title", "article__source_name", "article__published", "article__unverified"),
    *("article__outlet__name", "reference_check__status", "reference_check__reference_value"),
    "reference_check__series__name",
)


def with_registry_names(claims: Iterable[Claim]) -> None:
    """Give the claims their claimant, region, place and unit with only a slug and a name loaded (any other
    field is read on access): a query per registry for the entries named, instead of joining the four into
    the page's query, whose planning and whole rows cost more than the page's own query."""
    prefetch_related_objects(
        list(claims),
        *(
            Prefetch(name, queryset=model.objects.only("slug", "name"))
            for name, model in REGISTRY_FILTERS.items()
        ),
    )


def _sources_of(filterset: ClaimFilter, fact_keys: list[str]) -> dict[str, list[SourceRef]]:
    """The matching claims of each figure, earliest article first, as light references."""
    if not fact_keys:
        return {}
    rows = (
        filterset.qs.filter(fact_key__in=fact_keys)
        .order_by("article__published", "id")
        .values_list(
            "fact_key", "id", "article_id", "article__title", "article__source_name", "article__outlet__name",
            "article__published",
        )
    )  # fmt: skip
    grouped: dict[str, list[SourceRef]] = defaultdict(list)
    for fact_key, claim_id, article_id, title, source_name, outlet, published in rows:
        name = title or source_name or f"Article {article_id}"
        grouped[fact_key].append(SourceRef(claim_id, article_id, name, outlet, published))
    return grouped


def claim_totals(filterset: ClaimFilter, *, use_summary: bool = True) -> tuple[int, int | None, bool]:
    """(claims, distinct figures or None, capped).

    Never a count over a million rows: exact from the daily rollup when the filters allow (plus
    the undated figures, which have no day), else FactSummary up to SUMMARY_CAP rows (exact below
    that, a lower bound above it), else the claims up to COUNT_CAP.
    """
    day = day_source_for(filterset, DAY_GROUPS[0], measure="figures", use_summary=use_summary)
    source = source_for(filterset, use_summary=use_summary)
    if day is not None:
        dated = day.queryset.aggregate(claims=Sum(day.per_row), figures=Sum(day.figure_count))
        undated = source.queryset.filter(day=datetime.date.min).aggregate(
            claims=Sum(source.per_row), figures=Count("fact_key", distinct=True)
        )
        claims = (dated["claims"] or 0) + (undated["claims"] or 0)
        return claims, (dated["figures"] or 0) + undated["figures"], False
    counted = day_source_for(filterset, DAY_GROUPS[0], measure="claims", use_summary=use_summary)
    exact = None
    if counted is not None:
        # An outlet's, or several regions' (units', claimants'), claims counted exactly: the dated from their
        # rollup. An outlet's figures not at all; several regions' as below (a figure given for two regions
        # is one figure), while there are few enough rows to count.
        dated = counted.queryset.aggregate(claims=Sum(counted.per_row))["claims"] or 0
        exact = dated + filterset.qs.filter(date__isnull=True).count()
        if counted.queryset.model is OutletSummary:
            return exact, None, False
    if source.from_summary:
        # Slicing before aggregate() makes Django count inside a LIMITed subquery.
        capped_rows = source.queryset.annotate(n=source.per_row)[: SUMMARY_CAP + 1]
        totals = capped_rows.aggregate(
            claims=Sum("n"), figures=Count("fact_key", distinct=True), rows=Count("fact_key")
        )
        capped = totals["rows"] > SUMMARY_CAP
        if exact is not None:
            return exact, None if capped else totals["figures"], False
        return totals["claims"] or 0, None if capped else totals["figures"], capped
    # Unordered, so the database may stop at the cap in whatever order it finds the rows.
    n = source.queryset.order_by().values("id")[: COUNT_CAP + 1].count()
    return min(n, COUNT_CAP), None, n > COUNT_CAP


EVIDENCE_WORDS = 14


def figure_summary(row: TableRow) -> dict[str, Any]:
    """A table row as a chart tooltip names it: figure, who claims it, its sources, its first words."""
    claim = row.claim
    words = claim.evidence.split()
    claimant = claim.claimant.name if claim.claimant else claim.claimant_raw or ""
    return {
        "value": claim.value,
        "valueMax": claim.value_max,
        "qualifier": claim.get_qualifier_display().lower() if claim.qualifier != "exact" else "",
        "date": claim.date.isoformat() if claim.date else None,
        "claimant": claimant or "unattributed",
        "sources": row.source_count,
        "evidence": " ".join(words[:EVIDENCE_WORDS]) + (" …" if len(words) > EVIDENCE_WORDS else ""),
    }


# --- text -----------------------------------------------------------------------------------------


def _figure_pattern(value: int) -> re.Pattern[str]:
    digits = str(value)
    groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
    forms = {digits, ",".join(groups), " ".join(groups), ".".join(groups), "\u00a0".join(groups)}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\d.,])(?:{alternatives})(?![\d])")


def highlight_figure(evidence: str, value: int | None) -> SafeString:
    """The evidence, escaped, with the figure marked: the raw text is split, each piece escaped."""
    if value is None:
        return conditional_escape(evidence)
    match = _figure_pattern(value).search(evidence)
    if not match:
        return conditional_escape(evidence)
    return format_html(
        "{}<mark>{}</mark>{}", evidence[: match.start()], match.group(), evidence[match.end() :]
    )


def highlight_spans(text: str, spans: Iterable[tuple[int, int, str]]) -> SafeString:
    """The article's text, escaped, with each claim's evidence marked.

    `spans` are (start, end, anchor id); overlapping spans merge into one mark. Every piece of
    the text is escaped on its own, so nothing in the text can become markup.
    """
    merged: list[list] = []
    for start, end, anchor in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(anchor)
        else:
            merged.append([start, end, [anchor]])
    pieces, pos = [], 0
    for start, end, anchors in merged:
        pieces.append(conditional_escape(text[pos:start]))
        # Claims sharing a sentence share its mark; each still gets an anchor to link to.
        pieces += [format_html('<span id="{}"></span>', anchor) for anchor in anchors[1:]]
        pieces.append(format_html('<mark id="{}" class="evidence">{}</mark>', anchors[0], text[start:end]))
        pos = end
    pieces.append(conditional_escape(text[pos:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece above is escaped or format_html


def evidence_span(article: Article, claim: Claim) -> tuple[int, int] | None:
    """Where the claim's evidence sits in the text: its offsets when they hold, else a search."""
    if article.text[claim.start : claim.end] == claim.evidence:
        return claim.start, claim.end
    found = article.text.find(claim.evidence) if claim.evidence else -1
    return (found, found + len(claim.evidence)) if found >= 0 else None


# --- registry pages -------------------------------------------------------------------------------


def region_places(region: Region) -> QuerySet[Place]:
    return region.places.order_by("name")


def unit_regions(unit: Unit, limit: int = 8) -> list[tuple[Region, int]]:
    """The regions a unit's claims name most often."""
    counts = (
        FactSummary.objects.filter(unit=unit, region__isnull=False)
        .alias(live=F("n_live"))
        .values("region_id")
        .annotate(n=Sum("live"))
        .filter(n__gt=0)
        .order_by("-n")[:limit]
    )
    rows = list(counts)
    regions = Region.objects.in_bulk([r["region_id"] for r in rows])
    return [(regions[r["region_id"]], r["n"]) for r in rows if r["region_id"] in regions]


# --- The registries as the engine reads them ---

_REGISTRY_MODELS = (Region, Place, Unit, Claimant, Person, PersonRole)
_cache_lock = threading.Lock()
_cached: tuple[tuple, Registries] | None = None


def _registries_stamp() -> tuple:
    # Any admin edit moves a row's updated_at and any deletion moves a count, so the pairs
    # tell a worker that its compiled registries are out of date; one round trip per task.
    quote = connection.ops.quote_name
    parts = []
    for model in _REGISTRY_MODELS:
        table = quote(model._meta.db_table)
        parts += [f"(SELECT COUNT(*) FROM {table})", f"(SELECT MAX({quote('updated_at')}) FROM {table})"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")
        return tuple(cursor.fetchone())


def registries_from_db() -> Registries:
    """The registries as the database holds them now, compiled once a process per change."""
    global _cached
    stamp = _registries_stamp()
    cached = _cached
    if cached is not None and cached[0] == stamp:
        return cached[1]
    with _cache_lock:
        if _cached is not None and _cached[0] == stamp:
            return _cached[1]
        registries = Registries.from_dicts(
            regions=[
                {"name": r.name, "aliases": r.aliases, "country": r.country} for r in Region.objects.all()
            ],
            places=[
                {"name": p.name, "aliases": p.aliases, "region": p.region.name, "kind": p.kind}
                for p in Place.objects.select_related("region")
            ],
            units=[
                {"name": u.name, "aliases": u.aliases, "side": u.side, "kind": u.kind}
                for u in Unit.objects.all()
            ],
            claimants=[
                {"name": c.name, "aliases": c.aliases, "side": c.side} for c in Claimant.objects.all()
            ],
            people=[
                {
                    "name": p.name,
                    "aliases": p.aliases,
                    "side": p.side,
                    "roles": [
                        {
                            "organisation": r.organisation.name,
                            "title": r.title,
                            "started": r.started,
                            "ended": r.ended,
                        }
                        for r in p.roles.all()
                    ],
                }
                for p in Person.objects.prefetch_related(
                    Prefetch("roles", queryset=PersonRole.objects.select_related("organisation"))
                )
            ],
        )
        _cached = (stamp, registries)
        return registries


def registries_in_db() -> bool:
    """Whether the registry tables exist (migrated) and hold any rows."""
    tables = set(connection.introspection.table_names())
    if not all(m._meta.db_table in tables for m in _REGISTRY_MODELS):
        return False
    return any(m.objects.exists() for m in _REGISTRY_MODELS)


# --- Claims as a reviewer's rows show them ---


def _history_model():
    return Claim._meta.get_field("changes").related_model


def claims_for_rows(queryset: QuerySet[Claim]) -> QuerySet[Claim]:
    """Everything a review row shows, loaded in a fixed number of queries."""
    # The review app's history rows, reached through their relation: claims does not import review.
    history = _history_model().objects.select_related("user").order_by("-at", "-id")
    # A row shows the article's title, never its text: loading the text once per row would copy
    # a long article into every one of its claims' rows.
    return (
        queryset.select_related(
            "article",
            "article__outlet",
            "claimant",
            "region",
            "place",
            "unit",
            "reviewed_by",
            "reference_check__series",
        )
        .defer("article__text")
        .annotate(in_alarm=in_open_alarm())
        .prefetch_related(Prefetch("changes", queryset=history))
    )


def article_history(*, article: Article) -> QuerySet:
    """Every review change to the article's claims, newest first, including claims since deleted."""
    return article.claim_changes.select_related("user").order_by("-at", "-id")


# How many checked claims a reference series' page lists (differing ones first).
SERIES_CLAIMS_SHOWN = 200


def _count_of(model, **filters) -> Subquery:
    """How many rows of ``model`` belong to the outer series (a subquery: joining points and checks to
    their series at once would multiply them)."""
    rows = model.objects.filter(series=OuterRef("pk"), **filters).order_by().values("series")
    return Coalesce(Subquery(rows.annotate(n=Count("*")).values("n")[:1]), 0)


def reference_series_list() -> QuerySet[ReferenceSeries]:
    """Every reference series with its points and its checks counted by status."""
    status = ReferenceCheck.Status
    return (
        ReferenceSeries.objects.select_related("claimant")
        .annotate(
            n_points=_count_of(ReferencePoint),
            n_agrees=_count_of(ReferenceCheck, status=status.AGREES),
            n_differs=_count_of(ReferenceCheck, status=status.DIFFERS),
            n_no_point=_count_of(ReferenceCheck, status=status.NO_POINT),
        )
        .order_by("name")
    )


def reference_series_page(series: ReferenceSeries) -> dict[str, Any]:
    """A series' curve, the claims checked against it (differing first, newest first within each status)
    and its agreement rate."""
    counts = dict(series.checks.values_list("status").annotate(n=Count("id")).order_by())
    agrees = counts.get(ReferenceCheck.Status.AGREES, 0)
    differs = counts.get(ReferenceCheck.Status.DIFFERS, 0)
    checks: list[ReferenceCheck] = []
    for status in (
        ReferenceCheck.Status.DIFFERS,
        ReferenceCheck.Status.NO_POINT,
        ReferenceCheck.Status.AGREES,
    ):
        if len(checks) >= SERIES_CLAIMS_SHOWN or not counts.get(status):
            continue
        checks += (
            series.checks.filter(status=status)
            .select_related("claim__article__outlet")
            .defer("claim__article__text")
            .order_by("-date", "-id")[: SERIES_CLAIMS_SHOWN - len(checks)]
        )
    points = list(series.points.order_by("date").values_list("date", "value"))
    chart = {
        "label": series.name,
        "points": [{"x": day.isoformat(), "y": value} for day, value in points],
        "claims": [
            {"x": c.claim.date.isoformat(), "y": c.claim.value, "status": c.status}
            for c in checks
            if c.claim.date is not None
            and c.claim.value is not None
            and series.kind == "running_total"
            and c.claim.period == Claim.Period.CUMULATIVE
        ],
    }
    return {
        "counts": counts,
        "rate": agrees / (agrees + differs) if agrees + differs else None,
        "checks": checks,
        "total_checks": sum(counts.values()),
        "points": points,
        "chart": chart,
    }


# --- consistency alarms ---------------------------------------------------------------------------------

ALARMS_PER_PAGE = 50


def open_alarms() -> QuerySet[Alarm]:
    """The alarms no reviewer has explained yet."""
    return Alarm.objects.filter(explained_at__isnull=True)


def in_open_alarm() -> Exists:
    """Whether a claim is one of the two of an open alarm (for an annotation)."""
    return Exists(open_alarms().filter(Q(earlier=OuterRef("pk")) | Q(later=OuterRef("pk"))))


def open_alarm_count() -> int:
    return open_alarms().count()


def alarm_list(*, kind: str = "", state: str = "open", claim: int | None = None) -> QuerySet[Alarm]:
    """Alarms newest first (alarm_rows reads their claims); ``state`` is open, explained or all."""
    alarms = Alarm.objects.all()
    if state == "open":
        alarms = alarms.filter(explained_at__isnull=True)
    elif state == "explained":
        alarms = alarms.filter(explained_at__isnull=False)
    if kind:
        alarms = alarms.filter(kind=kind)
    if claim is not None:
        alarms = alarms.filter(Q(earlier_id=claim) | Q(later_id=claim))
    # The page's claims are read apart (alarm_rows): joining both claims and their articles here made the
    # planner sort every alarm before taking a page.
    return alarms.select_related("explained_by").order_by("-date", "-id")


def alarm_counts() -> dict[str, int]:
    """Open alarms by kind."""
    return dict(open_alarms().values_list("kind").annotate(n=Count("id")).order_by())


@dataclass
class AlarmRow:
    """An alarm as its page lists it: the series in words and a link to both figures with their sources."""

    alarm: Alarm
    series: str
    both_url: str


def _series_words(claim: Claim) -> str:
    who = claim.claimant.name if claim.claimant else f"{claim.get_claimant_side_display()} (unnamed)"
    what = claim.get_equipment_display() if claim.equipment else claim.get_category_display()
    whose = "civilians of " if claim.civilian else ""
    scope = claim.unit or claim.place or claim.region
    return f"{who} on {whose}{claim.get_subject_side_display()}: {what.lower()}" + (
        f", {scope.name}" if scope else ", whole war"
    )


def alarm_rows(alarms: Iterable[Alarm]) -> list[AlarmRow]:
    """A page of alarms with both claims of each, their articles and registries read in one query."""
    alarms = list(alarms)
    ids = {pk for a in alarms for pk in (a.earlier_id, a.later_id)}
    related = ("article__outlet", "claimant", "region", "place", "unit")
    claims = Claim.objects.filter(pk__in=ids).select_related(*related).defer("article__text").in_bulk()
    for a in alarms:
        a.earlier, a.later = claims[a.earlier_id], claims[a.later_id]
    return [
        AlarmRow(
            alarm=a,
            series=_series_words(a.later),
            both_url=claims_url({"fact": f"{a.earlier.fact_key},{a.later.fact_key}"}),
        )
        for a in alarms
    ]
