"""Consistency alarms: the claims of one series that cannot all be right, kept as rows by the write paths.

A series is one claimant's figures about one subject, category, equipment type and scope (the whole war, or
the region, place or unit given), soldiers and civilians apart, as the timelines draw them. Its running
totals are read one a day (the highest of the day, as the chart draws it), and its daily figures (windows of
one day) one a day too. Three things raise an alarm:
- a running total lower than the reading before it (`falls`);
- a running total that rose from the reading before it by more than the daily figures claimed for every day
  in between (`jumps`), checked only where a daily figure exists for each of those days;
- two articles' figures of the series for the same day, both running totals or both daily, that differ
  (`same_day`).
Figures with a qualifier ("about", "more than", a range) differ only past the same tolerance the reference
checks allow. Each alarm depends on a reading and its neighbours only, so a change to a few claims refreshes
the stretch of their series between the readings on either side, not the whole series.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils import timezone

from claims.models import Alarm, Claim
from claims.references import TOLERANCE

# What makes two claims figures of one series (the claimant is its registry entry, else its side).
KEY_FIELDS = (
    "category",
    "equipment",
    "subject_side",
    "civilian",
    "claimant_id",
    "claimant_side",
    "region_id",
    "place_id",
    "unit_id",
)
READ_FIELDS = (
    "id",
    "article_id",
    "period",
    "date",
    "date_start",
    "value",
    "value_max",
    "qualifier",
    *KEY_FIELDS,
)
APPROXIMATE = {Claim.Qualifier.ABOUT, Claim.Qualifier.AT_LEAST, Claim.Qualifier.UP_TO}


def series_key(row: Mapping[str, Any]) -> tuple | None:
    """The series of a claim (a model or a dict of KEY_FIELDS), or None for one that belongs to none: no
    figure, no day, no claimant at all, an engagement, a window longer than a day, a rejected claim."""
    get = row.get if isinstance(row, Mapping) else lambda name: getattr(row, name)
    if get("value") is None or get("date") is None or get("category") == Claim.Category.ENGAGEMENT:
        return None
    if get("period") == Claim.Period.WINDOW and get("date_start") not in (None, get("date")):
        return None
    if get("review_status") == Claim.ReviewStatus.REJECTED:
        return None
    claimant = ("claimant", get("claimant_id")) if get("claimant_id") else ("side", get("claimant_side"))
    if claimant[1] is None:
        return None
    return (
        get("category"),
        get("equipment"),
        get("subject_side"),
        bool(get("civilian")),
        claimant,
        get("region_id"),
        get("place_id"),
        get("unit_id"),
    )


def series_digest(key: tuple) -> str:
    return hashlib.blake2b(repr(key).encode(), digest_size=16).hexdigest()


def _series_q(key: tuple) -> Q:
    category, equipment, subject, civilian, (kind, who), region, place, unit = key
    q = Q(category=category, equipment=equipment, subject_side=subject, civilian=civilian)
    q &= Q(claimant_id=who) if kind == "claimant" else Q(claimant_id=None, claimant_side=who)
    return q & Q(region_id=region, place_id=place, unit_id=unit)


def _readable() -> QuerySet[Claim]:
    """The claims that can be readings of a series (series_key's conditions, as a query)."""
    return (
        Claim.objects.exclude(review_status=Claim.ReviewStatus.REJECTED)
        .exclude(category=Claim.Category.ENGAGEMENT)
        .filter(value__isnull=False, date__isnull=False)
        .filter(Q(period=Claim.Period.CUMULATIVE) | Q(date_start__isnull=True) | Q(date_start=F("date")))
    )


@dataclass(frozen=True)
class _Figure:
    claim_id: int
    article_id: int
    value: int
    value_max: int | None
    qualifier: str

    @property
    def approximate(self) -> bool:
        return self.qualifier in APPROXIMATE or self.value_max is not None


def _differ(low: _Figure, high: _Figure) -> bool:
    """Whether two figures of one day disagree: ranges that overlap, and approximate figures within the
    tolerance, agree."""
    if low.value_max is not None and low.value <= high.value <= low.value_max:
        return False
    if high.value_max is not None and high.value <= low.value <= high.value_max:
        return False
    if low.approximate or high.approximate:
        return abs(high.value - low.value) > TOLERANCE * max(abs(high.value), 1)
    return high.value != low.value


def _same_day(day: date, figures: list[_Figure], series: str) -> Alarm | None:
    """Two articles' figures for one day that differ. Within one article two figures of a series are a
    whole and its part ("five tanks, including two Leopards"), not a contradiction: each article gives
    its largest."""
    per_article: dict[int, _Figure] = {}
    for figure in figures:
        if figure.article_id not in per_article or figure.value > per_article[figure.article_id].value:
            per_article[figure.article_id] = figure
    if len(per_article) < 2:
        return None
    low = min(per_article.values(), key=lambda f: (f.value, f.claim_id))
    high = max(per_article.values(), key=lambda f: (f.value, -f.claim_id))
    if not _differ(low, high):
        return None
    return Alarm(kind=Alarm.Kind.SAME_DAY, series=series, date=day, earlier_id=low.claim_id,
                 later_id=high.claim_id, earlier_value=low.value, later_value=high.value)  # fmt: skip


def _highest(figures: list[_Figure]) -> _Figure:
    return max(figures, key=lambda f: (f.value, -f.claim_id))


def _series_alarms(series: str, rows: list[dict], first: date) -> list[Alarm]:
    """The alarms of one series among ``rows`` (every readable claim of it between two days): same-day
    alarms for every day, falls and jumps for the readings after ``first``."""
    totals: dict[date, list[_Figure]] = defaultdict(list)
    dailies: dict[date, list[_Figure]] = defaultdict(list)
    for row in rows:
        figure = _Figure(row["id"], row["article_id"], row["value"], row["value_max"], row["qualifier"])
        (totals if row["period"] == Claim.Period.CUMULATIVE else dailies)[row["date"]].append(figure)
    found: list[Alarm] = []
    for by_day in (totals, dailies):
        for day, figures in by_day.items():
            if len(figures) > 1 and (alarm := _same_day(day, figures, series)):
                found.append(alarm)
    days = sorted(totals)
    for before, after in zip(days, days[1:], strict=False):
        if after <= first:
            continue
        a, b = _highest(totals[before]), _highest(totals[after])
        loose = a.approximate or b.approximate
        margin = TOLERANCE * max(abs(a.value), 1) if loose else 0
        if b.value < a.value - margin:
            found.append(Alarm(kind=Alarm.Kind.FALLS, series=series, date=after, earlier_id=a.claim_id,
                               later_id=b.claim_id, earlier_value=a.value, later_value=b.value))  # fmt: skip
            continue
        between = [before + timedelta(days=n) for n in range(1, (after - before).days + 1)]
        if not all(d in dailies for d in between):
            continue
        claimed = [_highest(dailies[d]) for d in between]
        if any(f.approximate for f in claimed):
            margin = max(margin, TOLERANCE * max(abs(a.value), 1))
        expected = a.value + sum(f.value for f in claimed)
        if b.value > expected + margin:
            found.append(Alarm(kind=Alarm.Kind.JUMPS, series=series, date=after, earlier_id=a.claim_id,
                               later_id=b.claim_id, earlier_value=a.value, later_value=b.value,
                               expected=expected))  # fmt: skip
    return found


def touched(claims: Iterable[Claim | Mapping[str, Any]]) -> dict[tuple, set[date]]:
    """The series and days a set of claims (before or after a change) reads into."""
    out: dict[tuple, set[date]] = defaultdict(set)
    for claim in claims:
        key = series_key(claim)
        if key is not None:
            get = claim.get if isinstance(claim, Mapping) else lambda name, c=claim: getattr(c, name)
            out[key].add(get("date"))
    return out


def touched_by_query(claims: QuerySet[Claim]) -> dict[tuple, set[date]]:
    """touched() of claims still in the database, read as rows (before they are deleted or changed)."""
    return touched(claims.values(*READ_FIELDS, "review_status"))


def merge(*parts: Mapping[tuple, set[date]]) -> dict[tuple, set[date]]:
    out: dict[tuple, set[date]] = defaultdict(set)
    for part in parts:
        for key, days in part.items():
            out[key] |= days
    return out


def alarms_refresh(changed: Mapping[tuple, set[date]]) -> int:
    """Work out again the alarms of each changed series between the readings either side of its changed
    days (series and days from touched()); alarms still raised keep their row (and a reviewer's
    explanation), the rest go. The number of alarms of those stretches now."""
    if not changed:
        return 0
    readable = _readable()
    keys = list(changed)
    edges = _edges([(key, min(changed[key]), max(changed[key])) for key in keys])
    stretches: list[tuple[tuple, str, date, date]] = [
        (key, series_digest(key), before or min(changed[key]), after or max(changed[key]))
        for key, (before, after) in zip(keys, edges, strict=True)
    ]
    stretch_q = Q()
    for key, _digest, first, last in stretches:
        stretch_q |= _series_q(key) & Q(date__gte=first, date__lte=last)
    found: dict[tuple, list[dict]] = defaultdict(list)
    for row in readable.filter(stretch_q).values(*READ_FIELDS):
        found[series_key(row)].append(row)
    wanted: list[Alarm] = []
    for key, digest, first, last in stretches:
        rows = [row for row in found.get(key, ()) if first <= row["date"] <= last]
        wanted += _series_alarms(digest, rows, first)
    return _replace(stale_q(stretches), wanted)


def _series_sql(key: tuple) -> tuple[str, list[Any]]:
    """_series_q as SQL (for _edges, which asks for hundreds of series at a time: building that many ORM
    queries cost more than running them)."""
    category, equipment, subject, civilian, (kind, who), region, place, unit = key
    clauses = ["category = %s", "subject_side = %s", "civilian = %s"]
    params: list[Any] = [category, subject, civilian]
    columns = [("equipment", equipment), ("region_id", region), ("place_id", place), ("unit_id", unit)]
    columns += (
        [("claimant_id", who)] if kind == "claimant" else [("claimant_id", None), ("claimant_side", who)]
    )
    for column, value in columns:
        if value is None:
            clauses.append(f"{column} IS NULL")
        else:
            clauses.append(f"{column} = %s")
            params.append(value)
    return " AND ".join(clauses), params


def _edges(wanted: list[tuple[tuple, date, date]]) -> list[tuple[date | None, date | None]]:
    """For each (series, first day, last day): the series' running-total readings either side, the last day
    before and the first after (the pairs a changed reading, or a daily figure between two readings, belongs
    to end there). A scalar subquery each (an index probe: claim_running_series_idx), a hundred series a
    round trip."""
    table = Claim._meta.db_table
    readable = (
        f"SELECT {{}}(date) FROM {table} WHERE period = %s AND review_status <> %s AND value IS NOT NULL "
        "AND date IS NOT NULL AND date {} %s AND "
    )
    fixed = [Claim.Period.CUMULATIVE.value, Claim.ReviewStatus.REJECTED.value]
    subqueries: list[tuple[str, list[Any]]] = []
    for key, first, last in wanted:
        series, params = _series_sql(key)
        subqueries.append((readable.format("MAX", "<") + series, [*fixed, first, *params]))
        subqueries.append((readable.format("MIN", ">") + series, [*fixed, last, *params]))
    found: list[Any] = []
    with connection.cursor() as cursor:
        for at in range(0, len(subqueries), 200):
            part = subqueries[at : at + 200]
            cursor.execute(
                "SELECT " + ", ".join(f"({sql})" for sql, _ in part), [p for _, ps in part for p in ps]
            )
            found.extend(cursor.fetchone())
    days = [v if v is None or isinstance(v, date) else date.fromisoformat(str(v)[:10]) for v in found]
    return list(zip(days[::2], days[1::2], strict=True))


def stale_q(stretches: list[tuple[tuple, str, date, date]]) -> Q:
    """The kept alarms a refresh of these stretches works out again."""
    stale = Q()
    for _key, digest, first, last in stretches:
        stale |= Q(series=digest, kind=Alarm.Kind.SAME_DAY, date__gte=first, date__lte=last)
        pairs = (Alarm.Kind.FALLS, Alarm.Kind.JUMPS)
        stale |= Q(series=digest, kind__in=pairs, date__gt=first, date__lte=last)
    return stale


def _replace(stale: Q, wanted: list[Alarm]) -> int:
    """Replace the kept alarms ``stale`` selects with ``wanted``: an alarm raised again keeps its row."""
    with transaction.atomic():
        existing = {(a.kind, a.earlier_id, a.later_id): a for a in Alarm.objects.filter(stale)}
        keep = {(a.kind, a.earlier_id, a.later_id) for a in wanted}
        gone = [a.pk for pair, a in existing.items() if pair not in keep]
        if gone:
            Alarm.objects.filter(pk__in=gone).delete()
        now = timezone.now()
        new = [a for a in wanted if (a.kind, a.earlier_id, a.later_id) not in existing]
        for alarm in new:
            alarm.found_at = now
        Alarm.objects.bulk_create(new, batch_size=1000)
    return len(wanted)


def alarms_rebuild(*, chunk: int = 5000) -> int:
    """Every alarm worked out from scratch, reading every readable claim once in series order (after a bulk
    load that bypassed the write paths); explanations of alarms raised again are kept."""
    # In series_key's order: a claimant's side counts only where no claimant is named.
    side = Case(When(claimant_id=None, then=F("claimant_side")), default=Value(""))
    order = (
        "category",
        "equipment",
        "subject_side",
        "civilian",
        "claimant_id",
        side,
        "region_id",
        "place_id",
    )
    rows = _readable().values(*READ_FIELDS).order_by(*order, "unit_id", "date", "id")
    wanted: list[Alarm] = []
    current: tuple | None = None
    group: list[dict] = []
    for row in rows.iterator(chunk_size=chunk):
        key = series_key(row)
        if key != current:
            if group and current is not None:
                wanted += _series_alarms(series_digest(current), group, date.min)
            current, group = key, []
        group.append(row)
    if group and current is not None:
        wanted += _series_alarms(series_digest(current), group, date.min)
    return _replace(Q(), wanted)
