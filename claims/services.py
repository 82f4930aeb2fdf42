"""Writes to the claims app: registries, roles and the claims stored for an article."""

from __future__ import annotations

import importlib
import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db import connection, transaction

from claims.alarms import alarms_refresh_committed, merge, touched, touched_by_query
from claims.models import Article, Claim, Claimant, Person, PersonRole, Place, Region, Side, Unit
from claims.references import checks_refresh
from extraction.names.registries import seed_roles

SEED_DIR = Path(__file__).resolve().parent / "seed_data"


@dataclass(frozen=True)
class SeedCounts:
    created: int
    updated: int


def _load(directory: Path, name: str) -> list[dict]:
    with open(directory / f"{name}.json", encoding="utf-8") as handle:
        return json.load(handle)


def _upsert(model, lookup: dict, fields: dict, slug_parts: tuple[str, ...]) -> bool:
    """Create or refresh one registry row; True when it was created.

    Aliases already in the database are kept and the seed's added, so an alias an editor
    added in the admin survives a reseed.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        model.objects.create(**lookup, **fields, slug=_unique_slug(model, model.make_slug(*slug_parts)))
        return True
    merged = list(obj.aliases)
    merged += [a for a in fields.pop("aliases", []) if a not in merged]
    obj.aliases = merged
    for key, value in fields.items():
        setattr(obj, key, value)
    obj.save()
    return False


def _upsert_roles(person: Person, roles: list[dict], claimants: dict[str, Claimant]) -> list[bool]:
    """Create or refresh a seeded person's roles, each at a claimant; True for each one created.

    A role is the person's role at its organisation: the seed's title and dates replace those in the
    database, as _upsert replaces a row's fields. Where an editor has split it into several roles at
    that organisation, or added roles elsewhere, those are kept as they are.
    """
    results = []
    for role in roles:
        organisation = claimants[role["organisation"]]
        fields = {"title": role["title"], "started": role["started"], "ended": role["ended"]}
        held = list(person.roles.filter(organisation=organisation)[:2])
        if not held:
            PersonRole.objects.create(person=person, organisation=organisation, **fields)
            results.append(True)
            continue
        if len(held) == 1 and any(getattr(held[0], key) != value for key, value in fields.items()):
            for key, value in fields.items():
                setattr(held[0], key, value)
            held[0].save()
        results.append(False)
    return results


def _unique_slug(model, base: str) -> str:
    slug, n = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def registries_seed(*, directory: Path = SEED_DIR) -> dict[str, SeedCounts]:
    """Load the registry seed files; safe to run any number of times (rows are matched by name)."""
    counts: dict[str, SeedCounts] = {}

    def tally(name: str, results: list[bool]) -> None:
        created = sum(results)
        counts[name] = SeedCounts(created=created, updated=len(results) - created)

    tally(
        "regions",
        [
            _upsert(
                Region,
                {"name": r["name"]},
                {"aliases": r.get("aliases", []), "country": r["country"]},
                (r["name"],),
            )
            for r in _load(directory, "regions")
        ],
    )
    regions = {r.name: r for r in Region.objects.all()}
    tally(
        "places",
        [
            _upsert(
                Place,
                {"name": p["name"], "region": regions[p["region"]]},
                {"aliases": p.get("aliases", []), "kind": p.get("kind", Place.Kind.SETTLEMENT)},
                (p["name"], p["region"]),
            )
            for p in _load(directory, "places")
        ],
    )
    tally(
        "units",
        [
            _upsert(
                Unit,
                {"name": u["name"]},
                {"aliases": u.get("aliases", []), "side": u["side"], "kind": u.get("kind", Unit.Kind.OTHER)},
                (u["name"],),
            )
            for u in _load(directory, "units")
        ],
    )
    tally(
        "claimants",
        [
            _upsert(
                Claimant,
                {"name": c["name"]},
                {"aliases": c.get("aliases", []), "side": c["side"]},
                (c["name"],),
            )
            for c in _load(directory, "claimants")
        ],
    )
    claimants = {c.name: c for c in Claimant.objects.all()}
    people, roles = [], []
    for p in _load(directory, "people"):
        people.append(
            _upsert(
                Person,
                {"name": p["name"]},
                {"aliases": p.get("aliases", []), "side": p["side"]},
                (p["name"],),
            )
        )
        roles += _upsert_roles(Person.objects.get(name=p["name"]), seed_roles(p), claimants)
    tally("people", people)
    tally("person roles", roles)
    return counts


# Each role includes the ones before it.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    "Viewer": [
        "claims.view_article",
        "claims.view_claim",
        "claims.export_claims",
        "claims.view_region",
        "claims.view_place",
        "claims.view_unit",
        "claims.view_claimant",
        "claims.view_person",
        "claims.view_personrole",
        "claims.view_outlet",
    ],
    "Contributor": ["claims.upload_article", "claims.add_article"],
    "Reviewer": ["claims.review_claim", "claims.change_claim", "claims.add_claim"],
}


@transaction.atomic
def roles_ensure() -> dict[str, Group]:
    """Create the Viewer, Contributor and Reviewer groups with their permissions."""
    groups: dict[str, Group] = {}
    granted: list[str] = []
    for role, perms in ROLE_PERMISSIONS.items():
        granted += perms
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for dotted in granted:
            app_label, codename = dotted.split(".")
            wanted.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)
        groups[role] = group
    return groups


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def engine_key(category: str, equipment: str | None, subject_side: str, start: int) -> str:
    """The same kind of figure about the same side read from the same sentence.

    A reviewer's version of it (confirmed, edited, rejected or added) stands in for the
    machine's. Stored on each machine claim as it is created (Claim.engine_key) so that a claim
    a reviewer has since edited in one of these fields is still recognised on re-extraction.
    """
    return f"{category}|{equipment or ''}|{subject_side}|{start}"


_BIGINT_MAX = 2**63 - 1


def _storable_figure(value: int | None) -> bool:
    return value is None or 0 <= value <= _BIGINT_MAX


def claims_replace_for_article(*, article: Article, extraction) -> int:
    """Replace the article's unreviewed machine claims with those of `extraction`; returns the count stored.

    Claims a reviewer confirmed, disputed, rejected or added are never touched, and a machine
    claim they already cover is not stored again. Canonical names become registry foreign
    keys; the text as written stays in the *_raw fields. Run it while holding the article's
    row lock (ingest.services does), so two runs for one article cannot interleave.
    """
    return claims_replace_for_articles([(article, extraction)])


def claims_replace_for_articles(pairs: list[tuple[Article, Any]]) -> int:
    """claims_replace_for_article for many articles at once (a chunk of an archive): the same rows, with
    the registries, the reviewed claims, the inserts, the reference checks and the alarms read or written
    once for the lot rather than once an article. Run it while holding the articles' row locks."""
    if not pairs:
        return 0
    ids = [article.pk for article, _ in pairs]
    with transaction.atomic():
        replaced = Claim.objects.filter(
            article_id__in=ids, origin=Claim.Origin.MACHINE, review_status=Claim.ReviewStatus.UNREVIEWED
        )
        series = touched_by_query(replaced)
        replaced.delete()
        # The kept claims as they are now (a reviewer's added claim covers the engine's) and as
        # the engine first gave them (an edited claim must not come back as a new one).
        reviewed: dict[int, set[str]] = defaultdict(set)
        kept = Claim.objects.filter(article_id__in=ids).only(
            "article_id", "category", "equipment", "subject_side", "start", "engine_key"
        )
        for c in kept:
            reviewed[c.article_id].add(engine_key(c.category, c.equipment, c.subject_side, c.start))
            if c.engine_key:
                reviewed[c.article_id].add(c.engine_key)
        found = [c for _, extraction in pairs for c in extraction.claims]
        regions = {r.name: r for r in Region.objects.filter(name__in={c.region for c in found if c.region})}
        places: dict[tuple[str, str], Place] = {}
        for p in Place.objects.filter(name__in={c.place for c in found if c.place}).select_related("region"):
            places[(p.name, p.region.name)] = p
            places.setdefault((p.name, ""), p)
        units = {u.name: u for u in Unit.objects.filter(name__in={c.unit for c in found if c.unit})}
        claimants = {
            c.name: c for c in Claimant.objects.filter(name__in={c.claimant for c in found if c.claimant})
        }
        rows: list[Claim] = []
        for article, extraction in pairs:
            for c in extraction.claims:
                if c.value is None and c.category != Claim.Category.ENGAGEMENT:
                    continue
                if not _storable_figure(c.value) or not _storable_figure(c.value_max):
                    # No count of losses reaches 2**63; such a figure is a misread string of digits.
                    continue
                key = engine_key(c.category, c.equipment or None, c.subject_side or Side.OTHER, c.start)
                if c.end < c.start or key in reviewed[article.pk]:
                    continue
                place = (
                    (places.get((c.place, c.region or "")) or places.get((c.place, ""))) if c.place else None
                )
                claim = Claim(
                    article=article,
                    category=c.category,
                    equipment=c.equipment or None,
                    value=c.value,
                    value_max=c.value_max,
                    qualifier=c.qualifier or Claim.Qualifier.EXACT,
                    # The column needs a side; one the engine could not tell is filed as "other".
                    subject_side=c.subject_side or Side.OTHER,
                    civilian=c.civilian,
                    claimant=claimants.get(c.claimant) if c.claimant else None,
                    claimant_raw=(c.claimant_raw or c.claimant or "")[:300],
                    claimant_side=c.claimant_side or None,
                    period=c.period or Claim.Period.WINDOW,
                    date=_as_date(c.date),
                    date_start=_as_date(c.date_start),
                    region=regions.get(c.region) if c.region else None,
                    region_raw=(c.region_raw or c.region or "")[:300],
                    place=place,
                    place_raw=(c.place_raw or c.place or "")[:300],
                    unit=units.get(c.unit) if c.unit else None,
                    unit_raw=(c.unit_raw or c.unit or "")[:300],
                    evidence=c.evidence,
                    start=c.start,
                    end=c.end,
                    origin=Claim.Origin.MACHINE,
                    engine_key=key,
                    extractor_version=str(extraction.engine_version)[:40],
                )
                claim.fact_key = claim.compute_fact_key()
                rows.append(claim)
        _insert(rows)
        # Each claim that fits a reference series is checked against it as it is stored.
        checks_refresh(rows)
        # And the series its claims left or joined are checked for figures that cannot all be right, once
        # they are committed: not while the insert above holds the summaries' locks (another worker storing
        # figures of the same days waited for it), and seeing every claim committed before.
        changed = merge(series, touched(rows))
        transaction.on_commit(partial(alarms_refresh_committed, changed), robust=True)
    return len(rows)


def _insert(rows: list[Claim]) -> None:
    """Claim.objects.bulk_create(rows), the ids set on the rows as it sets them. On PostgreSQL the ids are
    drawn from the table's sequence and the rows sent by COPY, one statement (so the summaries' triggers run
    once): bulk_create's INSERT had psycopg quote every field of every row into the statement's text, a
    seventh of a worker's time in an archive's import."""
    if connection.vendor != "postgresql" or not rows:
        Claim.objects.bulk_create(rows)
        return
    table = Claim._meta.db_table
    fields = [f for f in Claim._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)", [table, len(rows)]
        )
        for row, (pk,) in zip(rows, cursor.fetchall(), strict=True):
            row.pk = pk
        with cursor.copy(f"COPY {table} (id, {columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(
                    [row.pk, *(f.get_db_prep_save(f.pre_save(row, add=True), connection) for f in fields)]
                )
    for row in rows:
        row._state.adding = False
        row._state.db = connection.alias


# --- the summaries, rebuilt or checked from scratch ---------------------------------------------------

# The summaries' SQL as the latest migrations define it (each migration keeps its own copy of what it
# installed): FactSummary and DaySummary from 0011, DimensionSummary from 0021, OutletSummary from 0022.
_SUMMARIES = importlib.import_module("claims.migrations.0011_civilian_figures")
_DIMENSIONS = importlib.import_module("claims.migrations.0021_dimension_summaries")
_OUTLETS = importlib.import_module("claims.migrations.0022_outlet_summaries")


@dataclass(frozen=True)
class SummaryDifference:
    """Rows of one summary table that a rebuild would remove (stale) and add (missing)."""

    table: str
    stale: int
    missing: int


def _summary_tables() -> list[tuple[str, str, str]]:
    """(table, its columns, the SELECT computing them) for each summary, in the order they build on each
    other (the rollups read FactSummary)."""
    vendor = connection.vendor
    return [
        ("claims_factsummary", _SUMMARIES.SUMMARY_COLUMNS, _SUMMARIES.summary_select(vendor, "1 = 1")),
        ("claims_daysummary", _SUMMARIES.DAY_COLUMNS, _SUMMARIES.day_select("1 = 1")),
        ("claims_dimensionsummary", _DIMENSIONS.DIMENSION_COLUMNS, _DIMENSIONS.dimension_select("1 = 1")),
        ("claims_outletsummary", _OUTLETS.COLUMNS, _OUTLETS.outlet_select(vendor)),
    ]


def _lock_summaries(cursor) -> None:
    # The lock every trigger refresh takes shared (migration 0019): no claim is written while this runs.
    if connection.vendor == "postgresql":
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('claims_summaries_all'), 0)")


def summaries_compare() -> list[SummaryDifference]:
    """Every summary computed again from the claims, beside the kept rows: what differs (nothing, when the
    write paths kept them right). Changes nothing."""
    differences = []
    with transaction.atomic(), connection.cursor() as cursor:
        _lock_summaries(cursor)
        for table, columns, select in _summary_tables():
            fresh = f"fresh_{table}"
            # The rollups read the fresh figures, so a fault in FactSummary is not copied into them.
            select = select.replace("claims_factsummary", "fresh_claims_factsummary")
            cursor.execute(f"CREATE TEMP TABLE {fresh} AS SELECT {columns} FROM {table} WHERE 1 = 0")
            cursor.execute(f"INSERT INTO {fresh} ({columns}) {select}")
            counts = []
            for first, second in ((table, fresh), (fresh, table)):
                only = f"SELECT {columns} FROM {first} EXCEPT SELECT {columns} FROM {second}"
                cursor.execute(f"SELECT COUNT(*) FROM ({only}) d")
                counts.append(cursor.fetchone()[0])
            differences.append(SummaryDifference(table, *counts))
        for table, _, _ in _summary_tables():
            cursor.execute(f"DROP TABLE fresh_{table}")
    return [d for d in differences if d.stale or d.missing]


def summaries_rebuild() -> dict[str, int]:
    """Every summary computed again from the claims, replacing the kept rows; rows per table."""
    rows = {}
    with transaction.atomic(), connection.cursor() as cursor:
        _lock_summaries(cursor)
        for table, columns, select in _summary_tables():
            cursor.execute(f"DELETE FROM {table}")
            cursor.execute(f"INSERT INTO {table} ({columns}) {select}")
            rows[table] = cursor.rowcount
    return rows
