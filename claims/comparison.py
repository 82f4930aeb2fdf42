"""Claim against counter-claim: each side's figures about the other, its admissions and third parties'
estimates, bucket by bucket for the same filters, beside the reference series where one counts the same.

Each column sums the window figures of one claimant side about one subject side, each reported figure once
(timelines.window_sums, the timeline's own sums), and counts the claims behind them (the sources). The ratio
is Ukraine's claims about Russian losses over Russia's about Ukrainian ones. A reference series of running
totals stands beside them as its rise over each bucket (the last value in the bucket less the last before
it), and only for national figures: the General Staff's tally is no count of one region's losses.
And the equipment view: per type, the General Staff's running total beside the visually confirmed count
(Oryx) and the highest running total claimed in the articles.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape
from typing import Any
from urllib.parse import urlencode

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import Count, Max, OuterRef, Subquery
from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString, mark_safe

from claims.filters import ClaimFilter
from claims.models import Claim, ReferencePoint, ReferenceSeries
from claims.references import GENERAL_STAFF, ORYX
from claims.selectors import (
    as_date,
    claims_url,
    day_source_for,
    filter_params,
    source_for,
)
from claims.timelines import (
    Dataset,
    Timeline,
    bucket_end,
    bucket_range,
    figure_categories,
    window_sums,
)


@dataclass(frozen=True)
class Stance:
    """Who claims about whom: one column."""

    claimant_side: str
    subject_side: str
    label: str
    slug: str


STANCES = (
    Stance("RU", "UA", "Russia on Ukraine's losses", "ru_on_ua"),
    Stance("UA", "RU", "Ukraine on Russia's losses", "ua_on_ru"),
    Stance("UA", "UA", "Ukraine on its own losses", "ua_on_ua"),
    Stance("RU", "RU", "Russia on its own losses", "ru_on_ru"),
    Stance("other", "RU", "Third parties on Russia's losses", "other_on_ru"),
    Stance("other", "UA", "Third parties on Ukraine's losses", "other_on_ua"),
)
STANCE_COLOURS = ("#D55E00", "#0072B2", "#56B4E9", "#E69F00", "#CC79A7", "#009E73")
REFERENCE_COLOUR = "#000000"
# The scope filters that make a figure a front's, not the war's.
SCOPE_FILTERS = ("region", "place", "unit")
# What a cell without a value shows.
NO_VALUE = '<span class="muted">–</span>'


@dataclass
class Cell:
    value: int | None
    claims: int
    url: str

    @property
    def html(self) -> SafeString:
        """The cell's figure linked to its claims, with their count under it: written here rather than by the
        template (a three-year page of weeks holds some 650 cells)."""
        if self.value is None:
            return mark_safe(NO_VALUE)
        figure, claims = escape(intcomma(self.value)), escape(intcomma(self.claims))
        plural = "" if self.claims == 1 else "s"
        return mark_safe(  # noqa: S308 - every value escaped
            f'<a href="{escape(self.url)}">{figure}</a><br><span class="muted">{claims} claim{plural}</span>'
        )


@dataclass
class Row:
    bucket: datetime.date
    cells: list[Cell]
    ratio: float | None
    reference: int | None

    @property
    def html(self) -> SafeString:
        """The table's row: its bucket, a cell per stance, the ratio and the reference's rise."""
        day = self.bucket.isoformat()
        ratio = escape(floatformat(self.ratio, 2)) if self.ratio else NO_VALUE
        reference = escape(intcomma(self.reference)) if self.reference is not None else NO_VALUE
        cells = "".join(f'<td class="num">{cell.html}</td>' for cell in self.cells)
        return mark_safe(  # noqa: S308 - every value escaped
            f'<tr data-bucket="{day}"><th scope="row">{day}</th>\n        {cells}\n'
            f'        <td class="num">{ratio}</td>\n        <td class="num">{reference}</td></tr>'
        )


@dataclass
class Comparison:
    bucket: str
    measure: str
    labels: list[datetime.date]
    stances: tuple[Stance, ...]
    rows: list[Row]
    totals: list[Cell]
    ratio: float | None
    reference: ReferenceSeries | None
    reference_total: int | None
    notes: list[str] = field(default_factory=list)
    chart: Timeline | None = None


def _ratio(ours: int | None, theirs: int | None) -> float | None:
    return ours / theirs if ours and theirs else None


def reference_for(active: Mapping[str, Any], categories: tuple[str, ...]) -> ReferenceSeries | None:
    """The running-total series counting what the columns sum about Russia: a claimant's series (the General
    Staff's), of one of the categories and the chosen equipment; the one with the most points."""
    if not categories or any(active.get(name) for name in SCOPE_FILTERS):
        return None
    found = (
        ReferenceSeries.objects.filter(
            kind=ReferenceSeries.Kind.RUNNING_TOTAL,
            claimant__isnull=False,
            subject_side="RU",
            category__in=categories,
            equipment=active.get("equipment") or None,
        )
        .annotate(n=Count("points"))
        .order_by("-n", "name")
    )
    return found.first()


def _rises(series: ReferenceSeries, labels: list[datetime.date], bucket: str) -> dict[datetime.date, int]:
    """Per bucket, how much the series rose over it: its last value in the bucket less its last before."""
    if not labels:
        return {}
    first, last = labels[0], bucket_end(labels[-1], bucket)
    before = series.points.filter(date__lt=first).order_by("-date").values_list("value", flat=True).first()
    points = list(
        series.points.filter(date__gte=first, date__lte=last).order_by("date").values_list("date", "value")
    )
    rises: dict[datetime.date, int] = {}
    i = 0
    for label in labels:
        end = bucket_end(label, bucket)
        latest = None
        while i < len(points) and points[i][0] <= end:
            latest = points[i][1]
            i += 1
        if latest is not None and before is not None:
            rises[label] = latest - before
        if latest is not None:
            before = latest
    return rises


def comparison(filterset: ClaimFilter, *, bucket: str, measure: str, use_summary: bool = True) -> Comparison:
    """The comparison for a bound, valid filterset: ``measure`` is "personnel" (killed, wounded and
    casualties) or "figures" (the category filtered, casualties by default)."""
    active = filterset.active()
    source = source_for(filterset, use_summary=use_summary)
    main = day_source_for(filterset, "pair", use_summary=use_summary) or source
    categories = figure_categories(active, "pair", measure)
    notes: list[str] = []
    if not categories:
        notes.append("Personnel losses are killed, wounded and casualties: clear the category filter.")
    in_category = {"category__in": categories}
    rows = main.queryset.filter(date__isnull=False).annotate(bucket=main.bucket(bucket))
    fields = ("claimant_side", "subject_side")
    claims: dict[tuple, dict[datetime.date, int]] = {}
    sums = window_sums(main, rows, active, fields, in_category, notes, claims) if categories else {}
    days = {day for stance in STANCES for day in sums.get((stance.claimant_side, stance.subject_side), {})}
    labels = bucket_range(min(days), max(days), bucket) if days else []
    reference = reference_for(active, categories)
    rises = _rises(reference, labels, bucket) if reference else {}
    if any(active.get(name) for name in SCOPE_FILTERS):
        notes.append(
            "No reference series beside a front's figures: the General Staff's tallies count the whole war."
        )
    base = {**filter_params(filterset), "period": Claim.Period.WINDOW}
    if len(categories) == 1:
        base["category"] = categories[0]

    # A cell's link is its column's, plus the bucket's days: the column's query is encoded once, not per cell.
    links = {
        stance: claims_url(
            {**base, "claimant_side": stance.claimant_side, "subject_side": stance.subject_side}
        )
        for stance in STANCES
    }

    def cell(stance: Stance, label: datetime.date | None) -> Cell:
        key = (stance.claimant_side, stance.subject_side)
        if label is None:
            values, counts = sums.get(key, {}).values(), claims.get(key, {}).values()
            return Cell(sum(values) if values else None, sum(counts), links[stance])
        value = sums.get(key, {}).get(label)
        if value is None:
            return Cell(None, 0, "")
        end = bucket_end(label, bucket)
        start = max(label, active["date_from"]) if active.get("date_from") else label
        end = min(end, active["date_to"]) if active.get("date_to") else end
        days = urlencode({"date_from": start.isoformat(), "date_to": end.isoformat()})
        return Cell(value, claims.get(key, {}).get(label, 0), f"{links[stance]}&{days}")

    table = []
    for label in labels:
        cells = [cell(stance, label) for stance in STANCES]
        table.append(Row(label, cells, _ratio(cells[1].value, cells[0].value), rises.get(label)))
    totals = [cell(stance, None) for stance in STANCES]
    comparison = Comparison(
        bucket=bucket,
        measure=measure,
        labels=labels,
        stances=STANCES,
        rows=table,
        totals=totals,
        ratio=_ratio(totals[1].value, totals[0].value),
        reference=reference,
        reference_total=sum(rises.values()) if rises else None,
        notes=notes,
    )
    comparison.chart = _chart(comparison, base, active)
    return comparison


def _chart(result: Comparison, base: Mapping[str, Any], active: Mapping[str, Any]) -> Timeline:
    """The comparison as the timeline's chart draws it (static/js/timeline.js): a line per column, the
    reference dashed."""
    datasets = []
    for i, stance in enumerate(result.stances):
        values = {row.bucket: row.cells[i].value for row in result.rows if row.cells[i].value is not None}
        if not values:
            continue
        links = {**base, "claimant_side": stance.claimant_side, "subject_side": stance.subject_side}
        datasets.append(Dataset(stance.label, STANCE_COLOURS[i], "line", "y", values, links))
    if result.reference is not None:
        values = {row.bucket: row.reference for row in result.rows if row.reference is not None}
        if values:
            links = {**base, "claimant_side": "UA", "subject_side": "RU"}
            datasets.append(
                Dataset(
                    f"Reference: {result.reference.name}",
                    REFERENCE_COLOUR,
                    "line",
                    "y",
                    values,
                    links,
                    dashed=True,
                )
            )
    for d in datasets:
        d.data = [d.values.get(label) for label in result.labels]
    return Timeline(
        group="pair",
        bucket=result.bucket,
        measure=result.measure,
        labels=result.labels,
        datasets=datasets,
        y_title=f"Claimed figure, summed per {result.bucket}",
        date_from=active.get("date_from"),
        date_to=active.get("date_to"),
    )


# --- confirmed against claimed, for equipment ----------------------------------------------------------


@dataclass
class EquipmentRow:
    equipment: str
    label: str
    staff: int | None
    staff_date: datetime.date | None
    confirmed: int | None
    confirmed_date: datetime.date | None
    claimed: int | None
    claimed_date: datetime.date | None
    claimed_url: str

    @property
    def confirmed_share(self) -> float | None:
        """The visually confirmed count as a share of the General Staff's claim."""
        return self.confirmed / self.staff if self.confirmed is not None and self.staff else None


def _latest_points(claimant: str, day: datetime.date | None) -> dict[str, tuple[int, datetime.date]]:
    """Per equipment type, the latest point (on or before ``day``) of the claimant's main series of it (the
    one with the most points), in one query."""
    points = ReferencePoint.objects.filter(series=OuterRef("pk"))
    if day:
        points = points.filter(date__lte=day)
    latest = points.order_by("-date")
    series = (
        ReferenceSeries.objects.filter(
            claimant__name=claimant, subject_side="RU", category="equipment", equipment__isnull=False
        )
        .annotate(
            n=Count("points"),
            value=Subquery(latest.values("value")[:1]),
            day=Subquery(latest.values("date")[:1]),
        )
        .order_by("equipment", "-n")
        .values_list("equipment", "value", "day")
    )
    out: dict[str, tuple[int, datetime.date]] = {}
    for equipment, value, on in series:
        if equipment not in out and value is not None:
            out[equipment] = (value, on)
    return out


def equipment_view(filterset: ClaimFilter) -> dict[str, Any]:
    """Per equipment type: the General Staff's running total as of the range's end (or its latest), Oryx's
    visually confirmed count (its snapshot), and the highest running total of Russian equipment claimed by
    Ukraine's side in the articles up to that day."""
    active = filterset.active()
    day = active.get("date_to")
    staff = _latest_points(GENERAL_STAFF, day)
    confirmed = _latest_points(ORYX, None)
    source = source_for(filterset)
    claimed_rows = (
        source.queryset.filter(
            category=Claim.Category.EQUIPMENT,
            period=Claim.Period.CUMULATIVE,
            subject_side="RU",
            claimant_side="UA",
            equipment__isnull=False,
            date__isnull=False,
            region__isnull=True,
            place__isnull=True,
            unit__isnull=True,
        )
        .values("equipment")
        .annotate(v=Max("value"), d=Max("date"))
        .order_by()
    )
    claimed = {r["equipment"]: (r["v"], as_date(r["d"])) for r in claimed_rows}
    base = {**filter_params(filterset), "category": "equipment", "period": "cumulative", "subject_side": "RU",
            "claimant_side": "UA"}  # fmt: skip
    rows = []
    for value, label in Claim.Equipment.choices:
        s, c, k = staff.get(value), confirmed.get(value), claimed.get(value)
        if not (s or c or k):
            continue
        rows.append(
            EquipmentRow(
                equipment=value,
                label=label,
                staff=s[0] if s else None,
                staff_date=s[1] if s else None,
                confirmed=c[0] if c else None,
                confirmed_date=c[1] if c else None,
                claimed=k[0] if k else None,
                claimed_date=k[1] if k else None,
                claimed_url=claims_url({**base, "equipment": value}),
            )
        )
    return {"equipment_rows": rows, "equipment_day": day}
