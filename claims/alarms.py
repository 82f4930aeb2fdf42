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
    keys = list(changed)
    wanted: list[Alarm] = []
    existing: list[tuple] = []
    for at in range(0, len(keys), _SERIES_A_QUERY):
        part = keys[at : at + _SERIES_A_QUERY]
        edges = _edges([(key, min(changed[key]), max(changed[key])) for key in part])
        stretches = [
            (key, before or min(changed[key]), after or max(changed[key]))
            for key, (before, after) in zip(part, edges, strict=True)
        ]
        found = _stretch_rows(stretches)
        digests = [series_digest(key) for key, _first, _last in stretches]
        for n, (_key, first, _last) in enumerate(stretches):
            wanted += _series_alarms(digests[n], found.get(n, []), first)
        existing += _kept(
            [(digest, first, last) for digest, (_key, first, last) in zip(digests, stretches, strict=True)]
        )
    return _replace(existing, wanted)


def alarms_refresh_committed(changed: Mapping[tuple, set[date]]) -> int:
    """alarms_refresh for claims just committed, in a transaction of its own that first locks each series
    (in one order, so two refreshes of a series run one after the other): of two workers' claims in one
    series, the refresh that runs second sees both and raises any alarm between them."""
    with transaction.atomic():
        if connection.vendor == "postgresql" and changed:
            digests = sorted({series_digest(key) for key in changed})
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_advisory_xact_lock(hashtext('claims_alarms'), h)) FROM "
                    "(SELECT DISTINCT hashtext(d) AS h FROM unnest(%s::text[]) AS d ORDER BY h) AS series",
                    [digests],
                )
        return alarms_refresh(changed)


# Series a query asks about: a few parameters each, well within SQLite's limit of 32,766.
_SERIES_A_QUERY = 500
# Every period named (always true) lets claim_series_idx, which has the period before the date, bound its scan
# by the dates asked for once a period.
_READABLE_SQL = (
    "c.review_status <> %s AND c.category <> %s AND c.value IS NOT NULL AND c.date IS NOT NULL "
    f"AND c.period IN ({', '.join(['%s'] * len(Claim.Period))}) "
    "AND (c.period = %s OR c.date_start IS NULL OR c.date_start = c.date)"
)
_READABLE_PARAMS = [
    Claim.ReviewStatus.REJECTED.value,
    Claim.Category.ENGAGEMENT.value,
    *Claim.Period.values,
    Claim.Period.CUMULATIVE.value,
]


def _shapes(stretches: list[tuple[tuple, date, date]]) -> list[tuple[str, list[Any], str]]:
    """The series asked about, as SQL a claim ``c`` can be matched with: one list ``vN`` of the series
    (n, day_from, day_to and their columns) a shape of series (which columns are empty, a named claimant or
    only a side), and the condition a claim of its row meets. Listing the series joined to the claims,
    rather than a condition each, keeps the statement's planning to one plan a shape (a hundred series as
    conditions took longer to plan than to run); the empty columns stay IS NULL, which an index can use."""
    groups: dict[tuple, list[tuple[int, tuple, date, date]]] = defaultdict(list)
    for n, (key, first, last) in enumerate(stretches):
        _category, equipment, _subject, _civilian, (kind, _who), region, place, unit = key
        groups[(kind, equipment is None, region is None, place is None, unit is None)].append(
            (n, key, first, last)
        )
    out = []
    for name, ((kind, *empty), members) in enumerate(groups.items()):
        columns = ["n", "day_from", "day_to", "category", "subject_side", "civilian"]
        match = [
            "c.category = {v}.category",
            "c.subject_side = {v}.subject_side",
            "c.civilian = {v}.civilian",
        ]
        for column, is_empty in zip(("equipment", "region_id", "place_id", "unit_id"), empty, strict=True):
            if is_empty:
                match.append(f"c.{column} IS NULL")
            else:
                columns.append(column)
                match.append(f"c.{column} = {{v}}.{column}")
        if kind == "claimant":
            columns.append("claimant_id")
            match.append("c.claimant_id = {v}.claimant_id")
        else:
            columns.append("claimant_side")
            match += ["c.claimant_id IS NULL", "c.claimant_side = {v}.claimant_side"]
        params: list[Any] = []
        for n, key, first, last in members:
            category, equipment, subject, civilian, (_kind, who), region, place, unit = key
            values = {
                "n": n,
                "day_from": first,
                "day_to": last,
                "category": category,
                "subject_side": subject,
                "civilian": civilian,
                "equipment": equipment,
                "region_id": region,
                "place_id": place,
                "unit_id": unit,
                "claimant_id": who,
                "claimant_side": who,
            }
            params += [values[column] for column in columns]
        row = "(" + ", ".join(["%s"] * len(columns)) + ")"
        v = f"v{name}"
        cte = f"{v} ({', '.join(columns)}) AS (VALUES {', '.join([row] * len(members))})"
        out.append((cte, params, " AND ".join(match).format(v=v)))
    return out


def _day(value) -> date | None:
    return value if value is None or isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _edges(wanted: list[tuple[tuple, date, date]]) -> list[tuple[date | None, date | None]]:
    """For each (series, first day, last day): the series' running-total readings either side, the last day
    before and the first after (the pairs a changed reading, or a daily figure between two readings, belongs
    to end there). Two index probes a series (claim_series_idx), every series in one statement."""
    table = Claim._meta.db_table
    running = (
        f"SELECT {{}}(c.date) FROM {table} c WHERE c.period = %s AND c.review_status <> %s "
        "AND c.value IS NOT NULL AND c.date IS NOT NULL AND c.date {} {{v}}.{} AND "
    )
    fixed = [Claim.Period.CUMULATIVE.value, Claim.ReviewStatus.REJECTED.value]
    ctes, selects, params = [], [], []
    for name, (cte, values, match) in enumerate(_shapes(wanted)):
        v = f"v{name}"
        before = running.format("MAX", "<", "day_from").format(v=v) + match
        after = running.format("MIN", ">", "day_to").format(v=v) + match
        ctes.append(cte)
        selects.append(f"SELECT {v}.n, ({before}), ({after}) FROM {v}")
        params += values
    params += fixed * 2 * len(selects)
    found: dict[int, tuple[date | None, date | None]] = {}
    with connection.cursor() as cursor:
        cursor.execute("WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(selects), params)
        for n, before, after in cursor.fetchall():
            found[n] = (_day(before), _day(after))
    return [found[n] for n in range(len(wanted))]


def _stretch_rows(stretches: list[tuple[tuple, date, date]]) -> dict[int, list[dict]]:
    """Every readable claim of each (series, first day, last day), by the stretch's place in the list."""
    table = Claim._meta.db_table
    fields = ("id", "article_id", "period", "date", "value", "value_max", "qualifier")
    columns = ", ".join(f"c.{f}" for f in fields)
    ctes, selects, params = [], [], []
    for name, (cte, values, match) in enumerate(_shapes(stretches)):
        v = f"v{name}"
        ctes.append(cte)
        within = f"{match} AND c.date >= {v}.day_from AND c.date <= {v}.day_to AND {_READABLE_SQL}"
        if connection.vendor == "postgresql":
            # A series at a time (LATERAL), each an index probe of claim_series_idx: planned as a join, the
            # claims of an import's first minutes (no statistics yet) were scanned whole for every chunk.
            selects.append(f"SELECT {v}.n, c.* FROM {v} CROSS JOIN LATERAL (SELECT {columns} FROM {table} c "
                           f"WHERE {within} OFFSET 0) AS c")  # fmt: skip
        else:
            selects.append(f"SELECT {v}.n, {columns} FROM {v} JOIN {table} c ON {within}")
        params += values
    params += _READABLE_PARAMS * len(selects)
    found: dict[int, list[dict]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute("WITH " + ", ".join(ctes) + " " + " UNION ALL ".join(selects), params)
        for n, *row in cursor.fetchall():
            claim = dict(zip(fields, row, strict=True))
            claim["date"] = _day(claim["date"])
            found[n].append(claim)
    return found


def _kept(stretches: list[tuple[str, date, date]]) -> list[tuple]:
    """The kept alarms (id, kind, earlier, later) a refresh of these (series digest, first day, last day)
    works out again: same-day alarms within the stretch, falls and jumps after its first day."""
    rows = ", ".join(["(%s, %s, %s)"] * len(stretches))
    sql = (
        f"WITH s (series, day_from, day_to) AS (VALUES {rows}) "
        f"SELECT a.id, a.kind, a.earlier_id, a.later_id FROM {Alarm._meta.db_table} a "
        "JOIN s ON a.series = s.series "
        "AND ((a.kind = %s AND a.date >= s.day_from AND a.date <= s.day_to) "
        "OR (a.kind IN (%s, %s) AND a.date > s.day_from AND a.date <= s.day_to))"
    )
    params = [p for stretch in stretches for p in stretch]
    params += [Alarm.Kind.SAME_DAY.value, Alarm.Kind.FALLS.value, Alarm.Kind.JUMPS.value]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _replace(existing: Iterable[tuple], wanted: list[Alarm]) -> int:
    """Replace the kept alarms ``existing`` (id, kind, earlier, later) with ``wanted``: an alarm raised
    again keeps its row."""
    with transaction.atomic():
        kept = {(kind, earlier, later): pk for pk, kind, earlier, later in existing}
        keep = {(a.kind, a.earlier_id, a.later_id) for a in wanted}
        gone = [pk for pair, pk in kept.items() if pair not in keep]
        if gone:
            Alarm.objects.filter(pk__in=gone).delete()
        now = timezone.now()
        new = [a for a in wanted if (a.kind, a.earlier_id, a.later_id) not in kept]
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
    with transaction.atomic():
        existing = list(Alarm.objects.values_list("id", "kind", "earlier_id", "later_id"))
        return _replace(existing, wanted)
