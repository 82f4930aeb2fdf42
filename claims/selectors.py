"""Reads behind the dashboard: timelines, the claim table and its totals, article highlighting.

Three places hold the numbers, and each read takes the smallest that can answer it, which keeps
the dashboard fast at a million claims:
- DaySummary, one row per day, category, equipment, claimant side, subject side and period
  (tens of thousands of rows): timelines by side, pair, category or equipment, and the counts;
- FactSummary, one row per reported figure and the region, place, unit and claimant given for
  it: timelines by region or unit, running totals, the table's pages;
- the claims themselves, for the outlet and free-text filters (and the unverified flag together
  with a review filter: the summaries split only the live claims by that flag).
Last, the registries as the engine reads them, compiled once a process per change.
The database keeps both summaries in step with the claims (migrations 0002 and 0006). Every path gives
the same answers; tests/claims/test_selectors.py checks them against the claims.
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
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Count, F, Max, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Trunc
from django.urls import get_script_prefix, reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from claims.filters import ClaimFilter
from claims.forms import Cursor
from claims.models import (
    CLAIM_DAY,
    CLAIM_SORT_VALUE,
    Article,
    Claim,
    Claimant,
    DaySummary,
    FactSummary,
    Place,
    Region,
    Side,
    Unit,
)
from extraction import Registries
from extraction.schema import EQUIPMENT_CATEGORIES

# Okabe-Ito: told apart with every common colour-vision deficiency. Sides keep fixed colours.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
SIDE_COLOURS = {"UA": "#0072B2", "RU": "#D55E00", "KP": "#009E73", "other": "#CC79A7"}
SUBJECT_NAMES = {"UA": "Ukraine", "RU": "Russia", "KP": "North Korea", "other": "other parties"}
CLAIMANT_NAMES = {
    "UA": "Ukraine",
    "RU": "Russia",
    "KP": "North Korea",
    "other": "Third parties",
    None: "Unattributed",
}
MAX_SERIES = 8
TABLE_ROWS = 50
# Past this many claims the raw path says "more than" rather than counting a million rows.
COUNT_CAP = 10_000
# Sources listed under a table row; the rest are one link away.
SOURCES_SHOWN = 8
# The summary rows read to count the table's claims; past it the count is "more than".
SUMMARY_CAP = 20_000
# Per-bucket data tables under the chart only up to this many buckets (beyond, series totals only).
MAX_TABLE_BUCKETS = 60
SERIES_FIELDS = {
    "side": ("subject_side",),
    "pair": ("claimant_side", "subject_side"),
    "region": ("region_id",),
    "unit": ("unit_id",),
    "category": ("category",),
    "equipment": ("equipment",),
}


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
    "date_from": "date__gte",
    "date_to": "date__lte",
    "subject_side": "subject_side",
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
    name: lookup
    for name, lookup in FACT_LOOKUPS.items()
    if name not in ("claimant", "region", "place", "unit", "fact")
}
DAY_GROUPS = ("side", "pair", "category", "equipment")


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
    return {lookup: active[name] for name, lookup in lookups.items() if name in active}


def source_for(filterset: ClaimFilter, *, use_summary: bool = True) -> Source:
    """FactSummary rows (or claims) matching the filterset's filters; a bound, valid filterset."""
    active = filterset.active()
    if not use_summary or filterset.needs_claims():
        return Source(filterset.qs, Value(1), from_summary=False)
    live = F(f"n_{_state(active)}")
    rows = FactSummary.objects.alias(live=live).filter(live__gt=0, **_lookups(active, FACT_LOOKUPS))
    return Source(rows, live, from_summary=True)


def day_source_for(filterset: ClaimFilter, group: str, *, use_summary: bool = True) -> Source | None:
    """DaySummary rows for a timeline whose series and filters it can answer, else None."""
    active = filterset.active()
    if (
        not use_summary
        or filterset.needs_claims()
        or group not in DAY_GROUPS
        or any(n not in DAY_LOOKUPS for n in active if n not in STATE_FILTERS)
    ):
        return None
    state = _state(active)
    rows = DaySummary.objects.filter(**{f"n_{state}__gt": 0}, **_lookups(active, DAY_LOOKUPS))
    return Source(rows, F(f"n_{state}"), from_summary=True, by_day=True, state=state)


# --- timeline -------------------------------------------------------------------------------------


@dataclass
class Dataset:
    label: str
    colour: str
    kind: str  # "bar" or "line"
    axis: str  # "y" (window figures, counts) or "y2" (running totals)
    values: dict[datetime.date, int]
    link_filters: dict[str, str]
    dashed: bool = False
    data: list[int | None] = field(default_factory=list)

    @property
    def link(self) -> str:
        """The claims behind this series; a bucket's link adds its date range (see bucket_link)."""
        return _claims_url(self.link_filters)


@dataclass
class Timeline:
    group: str
    bucket: str
    measure: str
    labels: list[datetime.date]
    datasets: list[Dataset]
    y_title: str
    y2_title: str = ""
    notes: list[str] = field(default_factory=list)
    figure_category: str | None = None
    hidden_series: int = 0
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def chart_data(self) -> dict[str, Any]:
        """What static/js/timeline.js draws (handed over with json_script).

        Each series carries one link; the script adds a clicked bucket's dates to it the way
        bucket_link does, which keeps the JSON small at a thousand daily buckets.
        """
        return {
            "labels": [d.isoformat() for d in self.labels],
            "bucket": self.bucket,
            "dateFrom": self.date_from.isoformat() if self.date_from else None,
            "dateTo": self.date_to.isoformat() if self.date_to else None,
            "stacked": self.measure == "claims",
            "yTitle": self.y_title,
            "y2Title": self.y2_title,
            "datasets": [
                {
                    "label": d.label,
                    "colour": d.colour,
                    "kind": d.kind,
                    "axis": d.axis,
                    "dashed": d.dashed,
                    "data": d.data,
                    "link": d.link,
                }
                for d in self.datasets
            ],
        }

    def bucket_link(self, dataset: Dataset, label: datetime.date) -> str:
        """The claims behind one point: the series' filters and the bucket's days (within the range)."""
        start = max(label, self.date_from) if self.date_from else label
        end = _bucket_end(label, self.bucket)
        end = min(end, self.date_to) if self.date_to else end
        return _claims_url({**dataset.link_filters, "date_from": start, "date_to": end})

    def table(self) -> list[tuple[datetime.date, list[tuple[int | None, str]]]]:
        """Each bucket's values and links: the chart as a table, for keyboards and screen readers."""
        if len(self.labels) > MAX_TABLE_BUCKETS:
            return []
        return [
            (label, [(d.data[i], self.bucket_link(d, label)) for d in self.datasets])
            for i, label in enumerate(self.labels)
        ]

    def totals(self) -> list[tuple[Dataset, int, str]]:
        """Each dataset's total over the range (latest value for running totals) and its claims' link."""
        out = []
        for d in self.datasets:
            values = [v for v in d.data if v is not None]
            total = (values[-1] if values else 0) if d.axis == "y2" else sum(values)
            out.append((d, total, _claims_url(d.link_filters)))
        return out


def _bucket_end(start: datetime.date, bucket: str) -> datetime.date:
    if bucket == "day":
        return start
    if bucket == "week":
        return start + datetime.timedelta(days=6)
    nxt = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return nxt - datetime.timedelta(days=1)


def _bucket_after(start: datetime.date, bucket: str) -> datetime.date:
    return _bucket_end(start, bucket) + datetime.timedelta(days=1)


def _as_date(value: datetime.date | datetime.datetime | str) -> datetime.date:
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
def _article_path_format(script_prefix: str) -> str:
    marker = "2147483647"
    return reverse("claims:article", args=[int(marker)]).replace(marker, "{}")


def _article_path(article_id: int) -> str:
    """reverse("claims:article", args=[article_id]), without resolving the route every time."""
    return _article_path_format(get_script_prefix()).format(int(article_id))


def _claims_url(filters: Mapping[str, Any]) -> str:
    query = urlencode({k: v for k, v in filters.items() if v not in (None, "")})
    return _path("claims:claims", get_script_prefix()) + (f"?{query}" if query else "")


def filter_params(filterset: ClaimFilter) -> dict[str, str]:
    """The filters in use as URL parameters (slugs for registries), for links that keep them."""
    params = {}
    for name in filterset.filters:
        raw = filterset.data.get(name)
        if raw not in (None, "") and name in filterset.active():
            params[name] = str(raw)
    return params


class _SeriesNames:
    """Labels, colours and link filters for series keys, with registry names looked up once."""

    def __init__(self, group: str, keys: Iterable[tuple]) -> None:
        self.group = group
        keys = list(keys)
        self.names: dict[int, tuple[str, str]] = {}
        model = {"region": Region, "unit": Unit}.get(group)
        if model is not None:
            ids = {k[0] for k in keys if k[0] is not None}
            self.names = {o.pk: (o.name, o.slug) for o in model.objects.filter(pk__in=ids)}
        self.used: set[str] = set()

    def label(self, key: tuple) -> str:
        g = self.group
        if g == "side":
            return Side(key[0]).label
        if g == "pair":
            return f"{CLAIMANT_NAMES.get(key[0], key[0])} on {SUBJECT_NAMES.get(key[1], key[1])}"
        if g in ("region", "unit"):
            return self.names.get(key[0], ("(unknown)", ""))[0]
        if g == "category":
            return Claim.Category(key[0]).label
        return Claim.Equipment(key[0]).label

    def filters(self, key: tuple) -> dict[str, str]:
        g = self.group
        if g == "pair":
            return {"claimant_side": key[0] or "", "subject_side": key[1]}
        if g in ("region", "unit"):
            return {g: self.names.get(key[0], ("", ""))[1]}
        name = {"side": "subject_side"}.get(g, g)
        return {name: key[0]}

    def colour(self, key: tuple, index: int) -> str:
        wanted = None
        if self.group == "side":
            wanted = SIDE_COLOURS.get(key[0])
        elif self.group == "pair":
            wanted = SIDE_COLOURS.get(key[1])
        if wanted and wanted not in self.used:
            self.used.add(wanted)
            return wanted
        free = [c for c in PALETTE if c not in self.used] or PALETTE
        colour = free[index % len(free)] if wanted is None else free[0]
        self.used.add(colour)
        return colour


def _figure_category(active: Mapping[str, Any], group: str) -> str | None:
    """Figures are summed within one category (never killed plus tanks); None when the series split it."""
    if active.get("category"):
        return active["category"]
    if group == "category":
        return None
    return Claim.Category.EQUIPMENT if group == "equipment" else Claim.Category.CASUALTIES


def timeline(
    filterset: ClaimFilter, *, group: str, bucket: str, measure: str, use_summary: bool = True
) -> Timeline:
    """Per bucket and series: the number of claims, or the claimed figures counted once each.

    Figures are window claims only; running totals (cumulative claims) are their own dashed lines
    on a second axis, one per claimant side -> subject side, the latest value in each bucket.
    """
    active = filterset.active()
    source = source_for(filterset, use_summary=use_summary)
    # The daily rollup answers the common views; series by region or unit need the figures' rows.
    main = day_source_for(filterset, group, use_summary=use_summary) or source
    fields = SERIES_FIELDS[group]

    def dated(src: Source) -> QuerySet:
        rows = src.queryset.filter(date__isnull=False).annotate(bucket=src.bucket(bucket))
        if group not in ("side", "pair", "category"):
            rows = rows.filter(**{f"{f}__isnull": False for f in fields})
        return rows

    notes: list[str] = []
    cumulative: dict[tuple, dict[datetime.date, int]] = {}
    figure_category = None
    values: dict[tuple, dict[datetime.date, int]] = defaultdict(dict)
    if measure == "claims":
        for row in dated(main).values("bucket", *fields).annotate(n=main.count).order_by():
            values[tuple(row[f] for f in fields)][_as_date(row["bucket"])] = row["n"]
        y_title = "Claims"
    else:
        figure_category = _figure_category(active, group)
        in_category = {"category": figure_category} if figure_category else {}
        # Engagements carry no figure.
        window = dated(main).filter(period=Claim.Period.WINDOW, **in_category).exclude(category="engagement")
        if main.by_day:
            rows = window.values("bucket", *fields).annotate(v=Sum(main.figure_values)).order_by()
            sums = [(r["bucket"], *(r[f] for f in fields), r["v"]) for r in rows]
        else:
            sums = _sum_per_figure(window, fields)
        for bucket_start, *key, total in sums:
            values[tuple(key)][_as_date(bucket_start)] = total
        y_title = "Claimed figure, summed per " + bucket
        if figure_category:
            y_title += f" ({Claim.Category(figure_category).label.lower()})"
            notes.append(
                f"Figures are {Claim.Category(figure_category).label.lower()} claims"
                + ("" if active.get("category") else " (choose a category to see another)")
                + "; ranges count their lower bound."
            )
        equipment_mixed = figure_category in EQUIPMENT_CATEGORIES and not active.get("equipment")
        if figure_category and not equipment_mixed and active.get("period") != Claim.Period.WINDOW:
            # Running totals are per claimant side whatever the series: a national total names no
            # region or unit, so the series' "has a region/unit" condition must not drop it.
            totals = (
                source.queryset.filter(date__isnull=False)
                .annotate(bucket=source.bucket(bucket))
                .filter(period=Claim.Period.CUMULATIVE, value__isnull=False, **in_category)
            )
            cumulative = _running_totals(totals)
        elif figure_category and equipment_mixed:
            notes.append("Choose an equipment type to see running totals.")
    return _assemble(
        filterset, active, group, bucket, measure, values, cumulative, y_title, notes, figure_category
    )


def _sum_per_figure(rows: QuerySet, fields: tuple[str, ...]) -> list[tuple]:
    """(bucket, *series, sum) with each reported figure counted once per series.

    The inner query has one row per figure (fact_key) and series, however many articles or
    places repeat it; the outer one sums those. Both run in the database, so Python sees one
    row per point, not one per figure.
    """
    inner = rows.values("fact_key", "bucket", *fields).annotate(v=Max("value")).order_by()
    sql, params = inner.query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(c) for c in ("bucket", *fields))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}, SUM(v) FROM ({sql}) per_figure GROUP BY {columns}", params)
        return cursor.fetchall()


def _running_totals(rows: QuerySet) -> dict[tuple, dict[datetime.date, int]]:
    """The latest running total per claimant side -> subject side in each bucket."""
    latest: dict[tuple, dict[datetime.date, tuple[datetime.date, int]]] = defaultdict(dict)
    for row in (
        rows.values("bucket", "claimant_side", "subject_side", "date").annotate(v=Max("value")).order_by()
    ):
        key, b = (row["claimant_side"], row["subject_side"]), _as_date(row["bucket"])
        seen = latest[key].get(b)
        if seen is None or (row["date"], row["v"]) > seen:
            latest[key][b] = (row["date"], row["v"])
    return {key: {b: v for b, (_, v) in by_bucket.items()} for key, by_bucket in latest.items()}


def _assemble(
    filterset: ClaimFilter,
    active: Mapping[str, Any],
    group: str,
    bucket: str,
    measure: str,
    values: Mapping[tuple, Mapping[datetime.date, int]],
    cumulative: Mapping[tuple, Mapping[datetime.date, int]],
    y_title: str,
    notes: list[str],
    figure_category: str | None,
) -> Timeline:
    ranked = sorted(values, key=lambda k: -sum(values[k].values()))
    hidden = max(0, len(ranked) - MAX_SERIES)
    shown = ranked[:MAX_SERIES]
    if group in ("side", "pair", "category", "equipment"):
        shown.sort(key=lambda k: tuple("" if x is None else str(x) for x in k))
    if hidden:
        notes.append(f"The {MAX_SERIES} largest of {len(ranked)} series are drawn.")
    names = _SeriesNames(group, shown)
    buckets = {b for k in shown for b in values[k]} | {b for series in cumulative.values() for b in series}
    labels = _bucket_range(min(buckets), max(buckets), bucket) if buckets else []
    base = filter_params(filterset)
    measure_filters: dict[str, str] = {}
    if measure == "figures":
        measure_filters = {"period": Claim.Period.WINDOW}
        if figure_category:
            measure_filters["category"] = figure_category
    datasets = [
        Dataset(
            label=names.label(k),
            colour=names.colour(k, i),
            kind="bar" if measure == "claims" else "line",
            axis="y",
            values=dict(values[k]),
            link_filters={**base, **measure_filters, **names.filters(k)},
        )
        for i, k in enumerate(shown)
    ]
    pair_names = _SeriesNames("pair", cumulative)
    for k in sorted(cumulative, key=lambda k: tuple(str(x) for x in k)):
        datasets.append(
            Dataset(
                label=f"Running total: {pair_names.label(k)}",
                colour=SIDE_COLOURS.get(k[1], PALETTE[len(datasets) % len(PALETTE)]),
                kind="line",
                axis="y2",
                values=dict(cumulative[k]),
                dashed=True,
                link_filters={
                    **base,
                    "category": figure_category or "",
                    "period": Claim.Period.CUMULATIVE,
                    **pair_names.filters(k),
                },
            )
        )
    for d in datasets:
        # Buckets without claims are 0 for counts and window figures; a running total has no
        # value there (the line bridges the gap rather than dropping to zero).
        d.data = [d.values.get(label, None if d.axis == "y2" else 0) for label in labels]
    return Timeline(
        group=group,
        bucket=bucket,
        measure=measure,
        labels=labels,
        datasets=datasets,
        y_title=y_title,
        y2_title="Running total (latest in each " + bucket + ")" if cumulative else "",
        notes=notes,
        figure_category=figure_category,
        hidden_series=hidden,
        date_from=active.get("date_from"),
        date_to=active.get("date_to"),
    )


def _bucket_range(first: datetime.date, last: datetime.date, bucket: str) -> list[datetime.date]:
    out, day = [], first
    while day <= last:
        out.append(day)
        day = _bucket_after(day, bucket)
    return out


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
        return f"{_article_path(self.article_id)}#evidence-{self.claim_id}"


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
    cursors = [Cursor(_as_date(r[column]) if column == "day" else r[column], r["fact_key"]) for r in found]
    has_next = more if before is None else True
    has_prev = (after is not None) if before is None else more
    sources = _sources_of(filterset, [c.fact_key for c in cursors])
    first = (
        Claim.objects.filter(pk__in=[refs[0].claim_id for refs in sources.values()])
        .select_related("article__outlet", "region", "place", "unit", "claimant")
        .defer("article__text")
        .in_bulk()
    )
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
    day = day_source_for(filterset, DAY_GROUPS[0], use_summary=use_summary)
    source = source_for(filterset, use_summary=use_summary)
    if day is not None:
        dated = day.queryset.aggregate(claims=Sum(day.per_row), figures=Sum(day.figure_count))
        undated = source.queryset.filter(day=datetime.date.min).aggregate(
            claims=Sum(source.per_row), figures=Count("fact_key", distinct=True)
        )
        claims = (dated["claims"] or 0) + (undated["claims"] or 0)
        return claims, (dated["figures"] or 0) + undated["figures"], False
    if source.from_summary:
        # Slicing before aggregate() makes Django count inside a LIMITed subquery.
        capped_rows = source.queryset.annotate(n=source.per_row)[: SUMMARY_CAP + 1]
        totals = capped_rows.aggregate(
            claims=Sum("n"), figures=Count("fact_key", distinct=True), rows=Count("fact_key")
        )
        capped = totals["rows"] > SUMMARY_CAP
        return totals["claims"] or 0, None if capped else totals["figures"], capped
    # Unordered, so the database may stop at the cap in whatever order it finds the rows.
    n = source.queryset.order_by().values("id")[: COUNT_CAP + 1].count()
    return min(n, COUNT_CAP), None, n > COUNT_CAP


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

_REGISTRY_MODELS = (Region, Place, Unit, Claimant)
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
            "article", "article__outlet", "claimant", "region", "place", "unit", "reviewed_by"
        )
        .defer("article__text")
        .prefetch_related(Prefetch("changes", queryset=history))
    )


def article_history(*, article: Article) -> QuerySet:
    """Every review change to the article's claims, newest first, including claims since deleted."""
    return article.claim_changes.select_related("user").order_by("-at", "-id")
