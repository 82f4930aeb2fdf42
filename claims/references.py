"""Reference series: counts from outside the articles that claims are checked against.

Reads the General Staff's daily tallies and Oryx's confirmed losses as the public dataset ships them (JSON),
and any other series as CSV (``date,value[,category,equipment]``). A file is read whole before anything is
stored, so a bad one is refused with the line (or record) it fails on and nothing half-stored; a series
imported again keeps its id and has its points replaced.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from claims.models import Claim, Claimant, ReferenceCheck, ReferencePoint, ReferenceSeries, Side

SHIPPED_DIR = Path(__file__).resolve().parent / "reference_data" / "ua-general-staff-tallies"
GENERAL_STAFF = "General Staff of the Armed Forces of Ukraine"
ORYX = "Oryx"
SHIPPED_SOURCE = (
    "Ukraine's General Staff daily tallies and Oryx's lists, from the public dataset "
    "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset (snapshot of its data/ folder)"
)
SHIPPED_LICENCE = "MIT"

# The General Staff's equipment categories as the dataset names them, onto SCHEMA's equipment. Before
# 2022-04-29 it counted "military auto" and "fuel tank" apart; later one "vehicles and fuel tanks".
GS_EQUIPMENT = {
    "aircraft": "aircraft",
    "helicopter": "helicopter",
    "tank": "tank",
    "APC": "armored_vehicle",
    "field artillery": "artillery",
    "MRL": "mlrs",
    "anti-aircraft warfare": "air_defense",
    "drone": "uav",
    "naval ship": "ship",
    "submarines": "submarine",
    "cruise missiles": "missile",
    "vehicles and fuel tanks": "vehicle",
    "special equipment": "special_equipment",
    "ground robotic systems": "other",
    "mobile SRBM system": "other",
}
_GS_VEHICLE_PARTS = ("military auto", "fuel tank")
# Oryx's totals are filed under the General Staff category each model maps to.
ORYX_EQUIPMENT = {
    "Tanks": "tank",
    "Armoured Personnel Carriers": "armored_vehicle",
    "Artillery Systems": "artillery",
    "Multiple Rocket Launchers": "mlrs",
    "Anti-aircraft Warfare Systems": "air_defense",
    "Aircrafts": "aircraft",
    "Helicopters": "helicopter",
    "Unmanned Aerial Vehicles": "uav",
    "Warships, Boats": "ship",
    "Vehicle and Fuel Tank": "vehicle",
    "Special Equipment": "special_equipment",
}
FORMATS = ("gs-personnel", "gs-equipment", "gs-corrections", "oryx", "csv")


class ReferenceFileError(ValueError):
    """A reference file that cannot be read; the message names the line or record."""


@dataclass
class SeriesData:
    """One series read from a file, ready to store."""

    name: str
    category: str
    equipment: str | None
    kind: str
    label: str = ""
    points: dict[date, int] = field(default_factory=dict)


@dataclass(frozen=True)
class SeriesMeta:
    """What a file does not say about its series: who counts, about whom, from where."""

    source: str
    licence: str = ""
    claimant: str | None = None
    subject_side: str = "RU"


def _day(text: object, where: str) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise ReferenceFileError(f"{where}: {text!r} is not a date (YYYY-MM-DD)") from None


def _count(value: object, where: str, *, signed: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ReferenceFileError(f"{where}: {value!r} is not a whole number")
    try:
        number = int(str(value).replace(",", "").strip())
    except ValueError:
        raise ReferenceFileError(f"{where}: {value!r} is not a whole number") from None
    if number < 0 and not signed:
        raise ReferenceFileError(f"{where}: {number} is negative; a count cannot be")
    return number


def _records(text: str, what: str) -> list[dict]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ReferenceFileError(f"line {error.lineno}: not JSON ({error.msg})") from None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise ReferenceFileError(f"{what}: expected a JSON list of objects, one a day")
    return data


def _put(series: SeriesData, day: date, value: int, where: str) -> None:
    if day in series.points:
        raise ReferenceFileError(f"{where}: a second value for {day} in {series.name!r}")
    series.points[day] = value


def read_gs_personnel(text: str) -> list[SeriesData]:
    """``russia_losses_personnel.json``: Russian personnel (killed and wounded) and, early on, prisoners."""
    personnel = SeriesData(
        "General Staff: Russian personnel", "casualties", None, "running_total", "personnel"
    )
    prisoners = SeriesData(
        "General Staff: Russian prisoners of war", "captured", None, "running_total", "POW"
    )
    for number, record in enumerate(_records(text, "personnel file"), 1):
        where = f"record {number}"
        day = _day(record.get("date"), where)
        if "personnel" not in record:
            raise ReferenceFileError(f"{where}: no 'personnel' figure")
        _put(personnel, day, _count(record["personnel"], where), where)
        if record.get("POW") not in (None, ""):
            _put(prisoners, day, _count(record["POW"], where), where)
    return [s for s in (personnel, prisoners) if s.points]


def read_gs_equipment(text: str) -> list[SeriesData]:
    """``russia_losses_equipment.json``: a running total a day for each equipment category."""
    series: dict[str, SeriesData] = {}
    for number, record in enumerate(_records(text, "equipment file"), 1):
        where = f"record {number}"
        day = _day(record.get("date"), where)
        values = {k: v for k, v in record.items() if k in GS_EQUIPMENT or k in _GS_VEHICLE_PARTS}
        if all(part in values for part in _GS_VEHICLE_PARTS) and "vehicles and fuel tanks" not in values:
            values["vehicles and fuel tanks"] = sum(_count(values[p], where) for p in _GS_VEHICLE_PARTS)
        for label, value in values.items():
            if label in _GS_VEHICLE_PARTS or value in (None, ""):
                continue
            if label not in series:
                series[label] = SeriesData(
                    f"General Staff: Russian {label}",
                    "equipment",
                    GS_EQUIPMENT[label],
                    "running_total",
                    label,
                )
            _put(series[label], day, _count(value, f"{where} ({label})"), where)
    if not series:
        raise ReferenceFileError("equipment file: no equipment category the General Staff counts")
    return list(series.values())


def read_gs_corrections(text: str) -> list[SeriesData]:
    """``russia_losses_equipment_correction.json``: the amounts the General Staff added to or took off its
    running totals on the days it corrected them (a daily series a category, signed)."""
    series: dict[str, SeriesData] = {}
    labels = {**GS_EQUIPMENT, "personnel": None}
    for number, record in enumerate(_records(text, "corrections file"), 1):
        where = f"record {number}"
        day = _day(record.get("date"), where)
        for label, value in record.items():
            if label not in labels or value in (None, "", 0):
                continue
            if label not in series:
                category = "casualties" if label == "personnel" else "equipment"
                series[label] = SeriesData(
                    f"General Staff corrections: Russian {label}", category, labels[label], "daily", label
                )
            _put(series[label], day, _count(value, f"{where} ({label})", signed=True), where)
    return list(series.values())


def read_oryx(text: str, snapshot: date) -> list[SeriesData]:
    """``russia_losses_equipment_oryx.json``: visually confirmed losses by model, totalled by the General
    Staff category each model maps to, as of the snapshot's day."""
    totals: dict[str, int] = {}
    for number, record in enumerate(_records(text, "Oryx file"), 1):
        where = f"record {number}"
        category = record.get("equipment_ua")
        if category not in ORYX_EQUIPMENT:
            raise ReferenceFileError(f"{where}: unknown category {category!r}")
        totals[category] = totals.get(category, 0) + _count(record.get("losses_total"), where)
    return [
        SeriesData(f"Oryx: Russian {label} (visually confirmed)", "equipment", ORYX_EQUIPMENT[label],
                   "running_total", label, {snapshot: total})
        for label, total in totals.items()
    ]  # fmt: skip


def read_csv(
    text: str, name: str, *, category: str | None, equipment: str | None, kind: str
) -> list[SeriesData]:
    """``date,value[,category,equipment]``, a header line optional: one series per category and equipment
    the rows name (the defaults where they name none)."""
    series: dict[tuple[str, str | None], SeriesData] = {}
    rows = list(csv.reader(io.StringIO(text)))
    for number, row in enumerate(rows, 1):
        where = f"line {number}"
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if number == 1 and cells[0].lower() == "date":
            continue
        if len(cells) not in (2, 3, 4):
            raise ReferenceFileError(
                f"{where}: expected date,value[,category,equipment], found {len(cells)} fields"
            )
        day = _day(cells[0], where)
        value = _count(cells[1], where)
        row_category = (cells[2] if len(cells) > 2 and cells[2] else category) or ""
        row_equipment = (cells[3] if len(cells) > 3 and cells[3] else equipment) or None
        if row_category not in Claim.Category.values:
            raise ReferenceFileError(
                f"{where}: category {row_category!r} is not one of {', '.join(Claim.Category.values)}"
            )
        if row_equipment is not None and row_equipment not in Claim.Equipment.values:
            raise ReferenceFileError(
                f"{where}: equipment {row_equipment!r} is not one of {', '.join(Claim.Equipment.values)}"
            )
        key = (row_category, row_equipment)
        if key not in series:
            label = row_equipment or row_category
            series[key] = SeriesData(name, row_category, row_equipment, kind, label)
        _put(series[key], day, value, where)
    if not series:
        raise ReferenceFileError("the file holds no rows")
    if len(series) > 1:
        for data in series.values():
            data.name = f"{name}: {data.label}"
    return list(series.values())


def read_file(text: str, fmt: str, **options) -> list[SeriesData]:
    """The series of a file in format ``fmt`` (one of ``FORMATS``)."""
    if fmt == "gs-personnel":
        return read_gs_personnel(text)
    if fmt == "gs-equipment":
        return read_gs_equipment(text)
    if fmt == "gs-corrections":
        return read_gs_corrections(text)
    if fmt == "oryx":
        if not options.get("snapshot"):
            raise ReferenceFileError("an Oryx file needs the day its totals are as of")
        return read_oryx(text, options["snapshot"])
    if fmt == "csv":
        if not options.get("name"):
            raise ReferenceFileError("a CSV series needs a name")
        return read_csv(
            text, options["name"], category=options.get("category"), equipment=options.get("equipment"),
            kind=options.get("kind") or ReferenceSeries.Kind.RUNNING_TOTAL,
        )  # fmt: skip
    raise ReferenceFileError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def series_store(
    found: Iterable[SeriesData], meta: SeriesMeta, *, file_digest: str = ""
) -> list[ReferenceSeries]:
    """Store what a file gave: each series by name, its points replaced, its id kept."""
    claimant = None
    if meta.claimant:
        claimant = Claimant.objects.filter(name=meta.claimant).first()
        if claimant is None:
            raise ReferenceFileError(f"no claimant named {meta.claimant!r} in the registry")
    if meta.subject_side not in Side.values:
        raise ReferenceFileError(f"subject side {meta.subject_side!r} is not one of {', '.join(Side.values)}")
    stored = []
    for data in found:
        series, _ = ReferenceSeries.objects.update_or_create(
            name=data.name,
            defaults={
                "slug": slugify(data.name)[:220],
                "source": meta.source,
                "licence": meta.licence,
                "claimant": claimant,
                "subject_side": meta.subject_side,
                "category": data.category,
                "equipment": data.equipment,
                "kind": data.kind,
                "label": data.label,
                "digest": file_digest,
                "imported_at": timezone.now(),
            },
        )
        series.points.all().delete()
        ReferencePoint.objects.bulk_create(
            [
                ReferencePoint(series=series, date=day, value=value)
                for day, value in sorted(data.points.items())
            ],
            batch_size=2000,
        )
        stored.append(series)
    return stored


def reference_import(text: str, fmt: str, meta: SeriesMeta, **options) -> list[ReferenceSeries]:
    """Read a whole file, then store it (a file that fails is refused before anything is written), and check
    again the claims its series fit."""
    stored = series_store(read_file(text, fmt, **options), meta, file_digest=digest(text))
    checks_refresh_for_series(stored)
    return stored


# The shipped files, their formats and who counts in them.
SHIPPED = (
    ("russia_losses_personnel.json", "gs-personnel", GENERAL_STAFF),
    ("russia_losses_equipment.json", "gs-equipment", GENERAL_STAFF),
    ("russia_losses_equipment_correction.json", "gs-corrections", GENERAL_STAFF),
    ("russia_losses_equipment_oryx.json", "oryx", ORYX),
)


def shipped_load(directory: Path = SHIPPED_DIR) -> int:
    """Import the shipped series whose file changed since it was last imported (all of them into an empty
    database); the number of series written."""
    written = 0
    personnel = json.loads((directory / "russia_losses_personnel.json").read_text(encoding="utf-8"))
    snapshot = date.fromisoformat(personnel[-1]["date"])
    for filename, fmt, claimant in SHIPPED:
        text = (directory / filename).read_text(encoding="utf-8")
        file_digest = digest(text)
        if ReferenceSeries.objects.filter(digest=file_digest).exists():
            continue
        meta = SeriesMeta(
            source=SHIPPED_SOURCE, licence=SHIPPED_LICENCE, claimant=claimant, subject_side="RU"
        )
        stored = series_store(read_file(text, fmt, snapshot=snapshot), meta, file_digest=file_digest)
        checks_refresh_for_series(stored)
        written += len(stored)
    return written


# How far "about N" may be from the reference and still agree, and how far above N "more than N" may be.
TOLERANCE = 0.02


def verdict(claim: Claim, points: dict[date, int]) -> tuple[str, int | None]:
    """(status, the reference value) of ``claim`` against a series of running totals: its value on the
    claim's day for a running total, the difference from the day before for a day's figure."""
    if claim.date is None or claim.value is None:
        return ReferenceCheck.Status.NO_POINT, None
    reference = points.get(claim.date)
    if reference is not None and claim.period == Claim.Period.WINDOW:
        before = points.get(claim.date - timedelta(days=1))
        reference = reference - before if before is not None else None
    if reference is None:
        return ReferenceCheck.Status.NO_POINT, None
    return (
        ReferenceCheck.Status.AGREES if _agrees(claim, reference) else ReferenceCheck.Status.DIFFERS
    ), reference


def _agrees(claim: Claim, reference: int) -> bool:
    value = claim.value or 0
    if claim.value_max is not None:
        return value <= reference <= claim.value_max
    margin = TOLERANCE * max(abs(reference), 1)
    qualifier = claim.qualifier
    if qualifier == Claim.Qualifier.ABOUT:
        return abs(reference - value) <= margin
    if qualifier == Claim.Qualifier.AT_LEAST:
        return value <= reference <= value + margin
    if qualifier == Claim.Qualifier.UP_TO:
        return value - margin <= reference <= value
    return reference == value


class SeriesIndex:
    """The running-total series by what they count, their points read once per refresh."""

    def __init__(self) -> None:
        found = ReferenceSeries.objects.filter(
            kind=ReferenceSeries.Kind.RUNNING_TOTAL, claimant__isnull=False
        )
        self.by_key: dict[tuple, list[ReferenceSeries]] = {}
        for series in found:
            key = (series.claimant_id, series.subject_side, series.category, series.equipment)
            self.by_key.setdefault(key, []).append(series)
        self.points: dict[int, dict[date, int]] = {}

    def fitting(self, claim: Claim) -> ReferenceSeries | None:
        """The one series a claim should agree with: the same claimant, subject, category and equipment, a
        national figure about soldiers or machines (not a region's, a unit's or civilians'); none where
        two series count the same thing (the General Staff's "other" categories)."""
        if claim.civilian or claim.claimant_id is None or claim.region_id or claim.place_id or claim.unit_id:
            return None
        if claim.period == Claim.Period.WINDOW and claim.date_start not in (None, claim.date):
            return None  # a window of several days: no day's difference to compare with
        found = self.by_key.get((claim.claimant_id, claim.subject_side, claim.category, claim.equipment), [])
        return found[0] if len(found) == 1 else None

    def points_of(self, series: ReferenceSeries) -> dict[date, int]:
        """Every point of a series (read once)."""
        if series.pk not in self.points:
            self.points[series.pk] = dict(series.points.values_list("date", "value"))
        return self.points[series.pk]


def _points_for(fits: list[tuple[Claim, ReferenceSeries]]) -> dict[int, dict[date, int]]:
    """The points the checks of ``fits`` need (each claim's day and the day before), in one query: a
    series holds a point a day for years, an article's claims need a few."""
    days = {d for claim, _ in fits if claim.date for d in (claim.date, claim.date - timedelta(days=1))}
    found: dict[int, dict[date, int]] = {series.pk: {} for _, series in fits}
    if days:
        rows = ReferencePoint.objects.filter(series_id__in=found, date__in=days)
        for series_id, day, value in rows.values_list("series_id", "date", "value"):
            found[series_id][day] = value
    return found


def checks_refresh(claims) -> int:
    """Check ``claims`` (a queryset or a list) against their series again: each gets its row, or loses it
    where no series fits any more. The number of checks written."""
    series = SeriesIndex()
    claims = list(claims)
    fits = [(claim, fit) for claim in claims if (fit := series.fitting(claim)) is not None]
    points = _points_for(fits)
    rows: list[ReferenceCheck] = []
    now = timezone.now()
    for claim, fit in fits:
        status, reference = verdict(claim, points[fit.pk])
        difference = None if reference is None or claim.value is None else claim.value - reference
        rows.append(ReferenceCheck(claim_id=claim.pk, series=fit, status=status, reference_value=reference,
                                   difference=difference, date=claim.date, computed_at=now))  # fmt: skip
    with transaction.atomic():
        ReferenceCheck.objects.filter(claim_id__in=[claim.pk for claim in claims]).delete()
        ReferenceCheck.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def checks_refresh_for_series(stored: Iterable[ReferenceSeries]) -> int:
    """Check again every claim a newly imported series could fit."""
    written = 0
    # Series that count the same thing (a tally and its corrections) share their claims: each once.
    keys = {
        (s.claimant_id, s.subject_side, s.category, s.equipment) for s in stored if s.claimant_id is not None
    }
    for claimant, subject, category, equipment in sorted(keys, key=str):
        claims = Claim.objects.filter(
            claimant_id=claimant, subject_side=subject, category=category, equipment=equipment
        )
        last = 0
        while chunk := list(claims.filter(pk__gt=last).order_by("pk")[:5000]):
            written += checks_refresh(chunk)
            last = chunk[-1].pk
    return written
