"""The dashboard's timeline: per bucket and series, the number of claims or the claimed figures.

Window figures are summed per bucket, each reported figure once (ranges by their lower bound).
Running totals are never added to anything: each is its own line on a second axis, one per
category, claimant, subject side and scope (the whole war, or the region, place or unit the total
counts), the latest value in each bucket. A running total lower than an earlier one of its own
series is not drawn as a fall: it is marked as an alarm that links both claims.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Max, QuerySet, Sum
from django.urls import reverse

from claims.filters import ClaimFilter
from claims.models import Claim, Claimant, Place, Region, Side, Unit
from claims.selectors import (
    TEXT_CLAIMS,
    Source,
    TextPlan,
    as_date,
    claims_url,
    day_source_for,
    filter_params,
    source_for,
    text_plan,
)
from extraction.schema import EQUIPMENT_CATEGORIES

# Okabe-Ito: told apart with every common colour-vision deficiency. Sides keep fixed colours.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
SIDE_COLOURS = {"UA": "#0072B2", "RU": "#D55E00", "KP": "#009E73", "other": "#CC79A7"}
ALARM_COLOUR = "#B00020"
SUBJECT_NAMES = {"UA": "Ukraine", "RU": "Russia", "KP": "North Korea", "other": "other parties"}
CLAIMANT_NAMES = {
    "UA": "Ukraine",
    "RU": "Russia",
    "KP": "North Korea",
    "other": "Third parties",
    None: "Unattributed",
}
# "Personnel losses": what researchers read as losses of people, each as the claim reports it.
PERSONNEL = (Claim.Category.KILLED, Claim.Category.WOUNDED, Claim.Category.CASUALTIES)
MAX_SERIES = 8
MAX_RUNNING_SERIES = 6
# Per-bucket data tables under the chart only up to this many buckets (beyond, series totals only).
MAX_TABLE_BUCKETS = 60
SERIES_FIELDS = {
    "side": ("subject_side",),
    "pair": ("claimant_side", "subject_side"),
    "claimant": ("claimant_id",),
    "region": ("region_id",),
    "unit": ("unit_id",),
    "category": ("category",),
    "equipment": ("equipment",),
}
SERIES_REGISTRIES = {"claimant": Claimant, "region": Region, "unit": Unit}
# What makes two running totals the same series.
RUNNING_FIELDS = (
    "category",
    "claimant_id",
    "claimant_side",
    "subject_side",
    "region_id",
    "place_id",
    "unit_id",
)


@dataclass
class Dataset:
    label: str
    colour: str
    kind: str  # "bar", "line" or "scatter" (the alarms)
    axis: str  # "y" (window figures, counts) or "y2" (running totals)
    values: dict[datetime.date, int]
    link_filters: dict[str, Any]
    dashed: bool = False
    # A running total bridges the buckets without a report; a window figure does not.
    span_gaps: bool = False
    data: list[int | None] = field(default_factory=list)
    # Points with their own link (the alarms: both claims), by bucket.
    point_links: dict[datetime.date, str] = field(default_factory=dict)
    point_notes: dict[datetime.date, str] = field(default_factory=dict)

    @property
    def link(self) -> str:
        """The claims behind this series; a bucket's link adds its date range (see bucket_link)."""
        return claims_url(self.link_filters)


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
    figure_categories: tuple[str, ...] = ()
    hidden_series: int = 0
    alarms: int = 0
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def chart_data(self) -> dict[str, Any]:
        """What static/js/timeline.js draws (handed over with json_script).

        Each series carries one link; the script adds a clicked bucket's dates to it the way
        bucket_link does, which keeps the JSON small at a thousand daily buckets. Alarm points
        carry links of their own.
        """
        return {
            "labels": [d.isoformat() for d in self.labels],
            "bucket": self.bucket,
            "measure": self.measure,
            "dateFrom": self.date_from.isoformat() if self.date_from else None,
            "dateTo": self.date_to.isoformat() if self.date_to else None,
            "stacked": self.measure == "claims",
            "yTitle": self.y_title,
            "y2Title": self.y2_title,
            "pointUrl": reverse("claims:point"),
            "datasets": [
                {
                    "label": d.label,
                    "colour": d.colour,
                    "kind": d.kind,
                    "axis": d.axis,
                    "dashed": d.dashed,
                    "spanGaps": d.span_gaps,
                    "data": d.data,
                    "link": d.link,
                    "pointLinks": [d.point_links.get(label) for label in self.labels]
                    if d.point_links
                    else None,
                    "pointNotes": [d.point_notes.get(label) for label in self.labels]
                    if d.point_notes
                    else None,
                }
                for d in self.datasets
            ],
        }

    def bucket_link(self, dataset: Dataset, label: datetime.date) -> str:
        """The claims behind one point: the series' filters and the bucket's days (within the range)."""
        if label in dataset.point_links:
            return dataset.point_links[label]
        start = max(label, self.date_from) if self.date_from else label
        end = bucket_end(label, self.bucket)
        end = min(end, self.date_to) if self.date_to else end
        return claims_url({**dataset.link_filters, "date_from": start, "date_to": end})

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
            if d.kind == "scatter":
                total = len(values)
            elif d.axis == "y2":
                total = values[-1] if values else 0
            else:
                total = sum(values)
            out.append((d, total, claims_url(d.link_filters)))
        return out


def bucket_end(start: datetime.date, bucket: str) -> datetime.date:
    if bucket == "day":
        return start
    if bucket == "week":
        return start + datetime.timedelta(days=6)
    nxt = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return nxt - datetime.timedelta(days=1)


def bucket_range(first: datetime.date, last: datetime.date, bucket: str) -> list[datetime.date]:
    out, day = [], first
    while day <= last:
        out.append(day)
        day = bucket_end(day, bucket) + datetime.timedelta(days=1)
    return out


def _names(model, ids: Iterable[int | None]) -> dict[int, tuple[str, str]]:
    wanted = {i for i in ids if i is not None}
    return {o.pk: (o.name, o.slug) for o in model.objects.filter(pk__in=wanted)} if wanted else {}


class _SeriesNames:
    """Labels, colours and link filters for series keys, with registry names looked up once."""

    def __init__(self, group: str, keys: Iterable[tuple]) -> None:
        self.group = group
        keys = list(keys)
        model = SERIES_REGISTRIES.get(group)
        self.names = _names(model, (k[0] for k in keys)) if model else {}
        self.used: set[str] = set()

    def label(self, key: tuple) -> str:
        g = self.group
        if g == "side":
            return Side(key[0]).label
        if g == "pair":
            return f"{CLAIMANT_NAMES.get(key[0], key[0])} on {SUBJECT_NAMES.get(key[1], key[1])}"
        if g in SERIES_REGISTRIES:
            return self.names.get(key[0], ("(unknown)", ""))[0]
        if g == "category":
            return Claim.Category(key[0]).label
        return Claim.Equipment(key[0]).label

    def filters(self, key: tuple) -> dict[str, str]:
        g = self.group
        if g == "pair":
            return {"claimant_side": key[0] or "", "subject_side": key[1]}
        if g in SERIES_REGISTRIES:
            return {g: self.names.get(key[0], ("", ""))[1]}
        name = {"side": "subject_side"}.get(g, g)
        return {name: key[0]}

    def colour(self, key: tuple, index: int) -> str:
        wanted = None
        if self.group == "side":
            wanted = SIDE_COLOURS.get(key[0])
        elif self.group == "pair":
            wanted = SIDE_COLOURS.get(key[1])
        return _pick_colour(self.used, wanted, index)


def _pick_colour(used: set[str], wanted: str | None, index: int) -> str:
    if wanted and wanted not in used:
        used.add(wanted)
        return wanted
    free = [c for c in PALETTE if c not in used] or PALETTE
    colour = free[index % len(free)] if wanted is None else free[0]
    used.add(colour)
    return colour


def figure_categories(active: Mapping[str, Any], group: str, measure: str) -> tuple[str, ...]:
    """The categories whose figures a line sums: one (never killed plus tanks), or the personnel three.

    Empty when the series themselves split by category.
    """
    chosen = active.get("category")
    if measure == "personnel":
        return (chosen,) if chosen in PERSONNEL else () if chosen else PERSONNEL
    if chosen:
        return (chosen,)
    if group == "category":
        return ()
    return (Claim.Category.EQUIPMENT,) if group == "equipment" else (Claim.Category.CASUALTIES,)


def timeline(
    filterset: ClaimFilter, *, group: str, bucket: str, measure: str, use_summary: bool = True
) -> Timeline:
    """Per bucket and series: the number of claims, or the claimed figures counted once each.

    `measure` is "claims" (how many claims), "figures" (the window figures of one category) or
    "personnel" (killed, wounded and casualties together). Running totals are their own lines.
    """
    notes: list[str] = []
    plan = text_plan(filterset) if use_summary else None
    if plan is not None and plan.within is not None:
        filterset = _searched_within(filterset, plan, notes)
    active = filterset.active()
    source = source_for(filterset, use_summary=use_summary)
    # The daily rollups answer most views; the figures (FactSummary) the rest (two registries at once).
    main = day_source_for(filterset, group, measure=measure, use_summary=use_summary) or source
    fields = SERIES_FIELDS[group]

    def dated(src: Source) -> QuerySet:
        rows = src.queryset.filter(date__isnull=False).annotate(bucket=src.bucket(bucket))
        if group not in ("side", "pair", "category"):
            rows = rows.filter(**{f"{f}__isnull": False for f in fields})
        return rows

    running: dict[tuple, _Running] = {}
    categories: tuple[str, ...] = ()
    values: dict[tuple, dict[datetime.date, int]] = defaultdict(dict)
    if measure == "claims":
        counted = dated(main).values("bucket", *fields).annotate(n=main.count).order_by()
        for bucket_start, *key, n in counted.values_list("bucket", *fields, "n"):
            values[tuple(key)][as_date(bucket_start)] = n
        y_title = "Claims"
    else:
        categories = figure_categories(active, group, measure)
        in_category = {"category__in": categories} if categories else {}
        if measure == "personnel" and active.get("category") and not categories:
            notes.append("Personnel losses are killed, wounded and casualties: clear the category filter.")
        values.update(window_sums(main, dated(main), active, fields, in_category, notes))
        y_title = "Claimed figure, summed per " + bucket + _categories_title(categories, measure)
        notes.append(_figures_note(categories, measure, chosen=bool(active.get("category"))))
        equipment_mixed = set(categories) & EQUIPMENT_CATEGORIES and not active.get("equipment")
        if categories and not equipment_mixed and active.get("period") != Claim.Period.WINDOW:
            # A national total names no region or unit: the series' "has a region/unit" condition
            # must not drop it, so running totals read the figures, not the series' rows.
            totals = (
                source.queryset.filter(
                    date__isnull=False, period=Claim.Period.CUMULATIVE, value__isnull=False
                )
                .filter(category__in=categories)
                .annotate(bucket=source.bucket(bucket))
            )
            if "civilian" not in active:
                totals = totals.filter(civilian=False)
            running = _running_totals(totals)
            for key in _shown_running(running):
                _alarm_facts(totals, key, running[key])
        elif categories and equipment_mixed:
            notes.append("Choose an equipment type to see running totals.")
    return _assemble(filterset, active, group, bucket, measure, values, running, y_title, notes, categories)


def _searched_within(filterset: ClaimFilter, plan: TextPlan, notes: list[str]) -> ClaimFilter:
    """The filterset with its text filter checked article by article within the plan's dates; when those
    are fewer than asked for, the dates become the filter's (so the links say what the chart shows) and a
    note says why."""
    data = filterset.data.copy()
    first, last = plan.within
    if plan.capped:
        data["date_from"] = first.isoformat()
        text = filterset.active()["q"].strip()
        notes.append(
            f"“{text}” is in about {plan.share:.0%} of the articles ({plan.articles:,} by the database's "
            f"estimate), too many to chart at once: the chart shows only the claims dated {first:%-d %b %Y} "
            f"to {last:%-d %b %Y}, the latest days with at most {TEXT_CLAIMS:,} claims in all. Choose the "
            "dates to chart another stretch."
        )
    within = ClaimFilter(data, queryset=filterset.queryset)
    within.search_within = plan.within
    within.is_valid()
    return within


def window_sums(
    main: Source,
    rows: QuerySet,
    active: Mapping[str, Any],
    fields: tuple[str, ...],
    in_category: Mapping[str, Any],
    notes: list[str],
    counts: dict[tuple, dict[datetime.date, int]] | None = None,
) -> dict[tuple, dict[datetime.date, int]]:
    """Per series (``fields``) and bucket: the window figures of ``rows`` (annotated with their bucket)
    summed, each reported figure once; ``counts``, if given, gets the claims behind each sum from the same
    query."""
    # Engagements carry no figure; civilians' figures are never summed with soldiers' (unless asked for):
    # summed apart in the same query, and only said to be there.
    window = rows.filter(period=Claim.Period.WINDOW, **in_category).exclude(category="engagement")
    apart = "civilian" not in active
    grouped = (*fields, "civilian") if apart else fields
    if main.by_day:
        found = window.values("bucket", *grouped).annotate(v=Sum(main.figure_values), n=main.count).order_by()
        sums = found.values_list("bucket", *grouped, "v", "n")
    else:
        sums = _sum_per_figure(window, grouped, main.count)
    values: dict[tuple, dict[datetime.date, int]] = defaultdict(dict)
    civilians = False
    for bucket_start, *key, total, n in sums:
        if apart:
            *key, civilian = key
            if civilian:
                civilians = True
                continue
        values[tuple(key)][as_date(bucket_start)] = total
        if counts is not None:
            counts.setdefault(tuple(key), {})[as_date(bucket_start)] = n
    if civilians:
        notes.append("Civilian victims are counted apart: choose Civilians under Whose figures.")
    return values


def _categories_title(categories: tuple[str, ...], measure: str) -> str:
    if measure == "personnel":
        return " (personnel losses)"
    return f" ({Claim.Category(categories[0]).label.lower()})" if len(categories) == 1 else ""


def _figures_note(categories: tuple[str, ...], measure: str, *, chosen: bool) -> str:
    if measure == "personnel":
        return (
            "Personnel losses add killed, wounded and casualties (killed and wounded together, or losses not "
            "split) as each claim reports them, each reported figure once: 1,000 casualties and 300 killed "
            "on one day make 1,300, even where the killed are among the casualties. Ranges count their "
            "lower bound."
        )
    if len(categories) == 1:
        label = Claim.Category(categories[0]).label.lower()
        return (
            f"Figures are {label} claims"
            + ("" if chosen else " (choose a category to see another)")
            + ("; ranges count their lower bound.")
        )
    return "Each category is its own line; ranges count their lower bound."


def _sum_per_figure(rows: QuerySet, fields: tuple[str, ...], count: Sum | Count) -> list[tuple]:
    """(bucket, *series, sum, claims) with each reported figure counted once per series.

    The inner query has one row per figure (fact_key) and series, however many articles or
    places repeat it; the outer one sums those. Both run in the database, so Python sees one
    row per point, not one per figure.
    """
    inner = rows.values("fact_key", "bucket", *fields).annotate(v=Max("value"), n=count).order_by()
    sql, params = inner.query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(c) for c in ("bucket", *fields))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}, SUM(v), SUM(n) FROM ({sql}) per_figure GROUP BY {columns}", params)
        return cursor.fetchall()


@dataclass(frozen=True)
class Reading:
    """One running total as reported: its day and figure (the highest, if a day has several)."""

    date: datetime.date
    value: int


@dataclass
class _Running:
    """One series of running totals: the latest value in each bucket, and the readings that fell."""

    latest: dict[datetime.date, int] = field(default_factory=dict)
    # bucket -> (the lower reading, the earlier higher one it contradicts)
    alarms: dict[datetime.date, tuple[Reading, Reading]] = field(default_factory=dict)
    points: int = 0
    # The reported figures behind each alarm's two readings, read only for the series drawn.
    alarm_facts: dict[datetime.date, tuple[str, str]] = field(default_factory=dict)


def _running_totals(rows: QuerySet) -> dict[tuple, _Running]:
    """Running totals per series (see RUNNING_FIELDS), read in date order, one reading a day.

    A reading lower than the highest earlier one of its series is an alarm (a misreading, a
    misquote, or a correction): it is kept off the line and reported with the reading it contradicts.
    Two readings of one day that differ are left to the review, not marked here.
    """
    readings: dict[tuple, list[tuple[Reading, datetime.date]]] = defaultdict(list)
    for row in rows.values("bucket", "date", *RUNNING_FIELDS).annotate(v=Max("value")).order_by():
        readings[_running_key(row)].append((Reading(as_date(row["date"]), row["v"]), as_date(row["bucket"])))
    series: dict[tuple, _Running] = {}
    for key, found in readings.items():
        found.sort(key=lambda item: (item[0].date, item[0].value))
        line = series[key] = _Running(points=len(found))
        highest: Reading | None = None
        for reading, bucket in found:
            if highest is not None and reading.value < highest.value:
                line.alarms.setdefault(bucket, (reading, highest))
                continue
            highest = reading
            line.latest[bucket] = reading.value
    return series


def _alarm_facts(rows: QuerySet, key: tuple, line: _Running) -> None:
    """The reported figures (fact keys) of a drawn series' alarm readings, for their links."""
    wanted = {(r.date, r.value) for pair in line.alarms.values() for r in pair}
    if not wanted:
        return
    category, (kind, who), subject, scope = key
    series = {"category": category, "subject_side": subject}
    series["claimant_id" if kind == "claimant" else "claimant_side"] = who
    if kind != "claimant":
        series["claimant_id"] = None
    for name in ("unit", "place", "region"):
        series[f"{name}_id"] = scope[1] if scope and scope[0] == name else None
        if scope and scope[0] == name:
            break
    found = {}
    match = rows.filter(**series).filter(date__in={d for d, _ in wanted}, value__in={v for _, v in wanted})
    for day, value, fact in match.values_list("date", "value", "fact_key").order_by("fact_key"):
        found.setdefault((as_date(day), value), fact)
    for bucket, (lower, higher) in line.alarms.items():
        line.alarm_facts[bucket] = (
            found.get((higher.date, higher.value), ""),
            found.get((lower.date, lower.value), ""),
        )


def _shown_running(running: Mapping[tuple, _Running]) -> list[tuple]:
    """The running-total series drawn: the ones reported most often."""
    return sorted(running, key=lambda k: -running[k].points)[:MAX_RUNNING_SERIES]


def _running_key(row: Mapping[str, Any]) -> tuple:
    """(category, claimant, subject side, scope): a claimant is its registry entry, else its side;
    the scope is the most specific of unit, place and region given, or None for the whole war."""
    claimant = ("claimant", row["claimant_id"]) if row["claimant_id"] else ("side", row["claimant_side"])
    for name in ("unit_id", "place_id", "region_id"):
        if row[name]:
            return row["category"], claimant, row["subject_side"], (name.removesuffix("_id"), row[name])
    return row["category"], claimant, row["subject_side"], None


class _RunningNames:
    """Labels and link filters of running-total series, registry names read once."""

    def __init__(self, keys: Iterable[tuple]) -> None:
        keys = list(keys)
        self.claimants = _names(Claimant, (k[1][1] for k in keys if k[1][0] == "claimant"))
        scopes: dict[str, list[int]] = defaultdict(list)
        for k in keys:
            if k[3]:
                scopes[k[3][0]].append(k[3][1])
        models = {"unit": Unit, "place": Place, "region": Region}
        self.scopes = {kind: _names(models[kind], ids) for kind, ids in scopes.items()}

    def label(self, key: tuple, *, with_category: bool) -> str:
        category, (kind, who), subject, scope = key
        claimant = (
            self.claimants.get(who, ("(unknown)", ""))[0] if kind == "claimant" else CLAIMANT_NAMES.get(who)
        )
        text = f"Running total: {claimant} on {SUBJECT_NAMES.get(subject, subject)}"
        if with_category:
            text += f", {Claim.Category(category).label.lower()}"
        if scope:
            text += f" ({self.scopes[scope[0]].get(scope[1], ('unknown', ''))[0]})"
        return text

    def filters(self, key: tuple) -> dict[str, str]:
        category, (kind, who), subject, scope = key
        out = {"category": category, "period": Claim.Period.CUMULATIVE, "subject_side": subject}
        if kind == "claimant":
            out["claimant"] = self.claimants.get(who, ("", ""))[1]
        else:
            out["claimant_side"] = who or ""
        if scope:
            out[scope[0]] = self.scopes[scope[0]].get(scope[1], ("", ""))[1]
        return out


def _assemble(
    filterset: ClaimFilter,
    active: Mapping[str, Any],
    group: str,
    bucket: str,
    measure: str,
    values: Mapping[tuple, Mapping[datetime.date, int]],
    running: Mapping[tuple, _Running],
    y_title: str,
    notes: list[str],
    categories: tuple[str, ...],
) -> Timeline:
    ranked = sorted(values, key=lambda k: -sum(values[k].values()))
    hidden = max(0, len(ranked) - MAX_SERIES)
    shown = ranked[:MAX_SERIES]
    if group in ("side", "pair", "category", "equipment"):
        shown.sort(key=lambda k: tuple("" if x is None else str(x) for x in k))
    if hidden:
        notes.append(f"The {MAX_SERIES} largest of {len(ranked)} series are drawn.")
    running_shown = _shown_running(running)
    if len(running) > len(running_shown):
        notes.append(
            f"The {len(running_shown)} running totals reported most often of {len(running)} are drawn; "
            "filter by claimant or region to see the others."
        )
    buckets = {b for k in shown for b in values[k]}
    for k in running_shown:
        buckets |= set(running[k].latest) | set(running[k].alarms)
    labels = bucket_range(min(buckets), max(buckets), bucket) if buckets else []
    base = filter_params(filterset)
    measure_filters: dict[str, Any] = {}
    if measure != "claims":
        measure_filters = {"period": Claim.Period.WINDOW}
        if categories:
            measure_filters["category"] = categories[0] if len(categories) == 1 else ""
    names = _SeriesNames(group, shown)
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
    datasets += _running_datasets(running, running_shown, base, names.used, multi=len(categories) > 1)
    for d in datasets:
        # A bucket without claims counts 0 claims, but holds no figure: a line has a gap there.
        empty = 0 if measure == "claims" and d.axis == "y" else None
        d.data = [d.values.get(label, empty) for label in labels]
    alarms = sum(len(running[k].alarms) for k in running_shown)
    if alarms:
        plural = alarms != 1
        notes.append(
            f"{alarms} running total{'s' if plural else ''} lower than an earlier one of the same "
            f"claimant and scope {'are' if plural else 'is'} marked ▲ rather than drawn as a fall: one of "
            "the two figures is likely misread or misquoted. The mark opens both claims."
        )
    return Timeline(
        group=group,
        bucket=bucket,
        measure=measure,
        labels=labels,
        datasets=datasets,
        y_title=y_title,
        y2_title="Running total (latest in each " + bucket + ")" if running_shown else "",
        notes=notes,
        figure_categories=categories,
        hidden_series=hidden,
        alarms=alarms,
        date_from=active.get("date_from"),
        date_to=active.get("date_to"),
    )


def _running_datasets(
    running: Mapping[tuple, _Running],
    shown: list[tuple],
    base: Mapping[str, Any],
    used: set[str],
    *,
    multi: bool,
) -> list[Dataset]:
    names = _RunningNames(shown)
    datasets = []
    alarm_values: dict[datetime.date, int] = {}
    alarm_links: dict[datetime.date, str] = {}
    alarm_notes: dict[datetime.date, str] = {}
    for i, key in enumerate(sorted(shown, key=lambda k: tuple(str(x) for x in k))):
        line = running[key]
        label = names.label(key, with_category=multi)
        datasets.append(
            Dataset(
                label=label,
                colour=_pick_colour(used, SIDE_COLOURS.get(key[2]), i),
                kind="line",
                axis="y2",
                values=dict(line.latest),
                dashed=True,
                span_gaps=True,
                link_filters={**base, **names.filters(key)},
            )
        )
        for bucket, (lower, higher) in line.alarms.items():
            alarm_values[bucket] = lower.value
            alarm_links[bucket] = claims_url({"fact": ",".join(line.alarm_facts.get(bucket, ()))})
            series = label.removeprefix("Running total: ")
            alarm_notes[bucket] = (
                f"{series}: {lower.value:,} on {lower.date:%Y-%m-%d}, lower than {higher.value:,} "
                f"on {higher.date:%Y-%m-%d}"
            )
    if alarm_values:
        datasets.append(
            Dataset(
                label="Running total lower than an earlier one",
                colour=ALARM_COLOUR,
                kind="scatter",
                axis="y2",
                values=alarm_values,
                link_filters={**base, "period": Claim.Period.CUMULATIVE},
                point_links=alarm_links,
                point_notes=alarm_notes,
            )
        )
    return datasets
