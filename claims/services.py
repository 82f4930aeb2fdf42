"""Writes to the claims app: registries, roles and the claims stored for an article."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from claims.models import Claimant, Place, Region, Unit

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
