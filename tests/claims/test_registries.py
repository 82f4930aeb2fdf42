from __future__ import annotations

import importlib
import json

import pytest
from django.apps import apps

from claims.models import Claimant, Place, Region, Unit
from claims.services import SEED_DIR, registries_seed

pytestmark = pytest.mark.django_db


def seed_count(name: str) -> int:
    return len(json.loads((SEED_DIR / f"{name}.json").read_text(encoding="utf-8")))


def test_migrate_loads_every_seed_row():
    assert Region.objects.count() == seed_count("regions")
    assert Place.objects.count() == seed_count("places")
    assert Unit.objects.count() == seed_count("units")
    assert Claimant.objects.count() == seed_count("claimants")


def test_loading_twice_adds_no_duplicates():
    before = [m.objects.count() for m in (Region, Place, Unit, Claimant)]
    counts = registries_seed()
    registries_seed()
    assert [m.objects.count() for m in (Region, Place, Unit, Claimant)] == before
    assert all(c.created == 0 for c in counts.values())


def test_a_reseed_keeps_an_alias_added_in_the_admin():
    region = Region.objects.get(name="Kursk Oblast")
    region.aliases = [*region.aliases, "Kurskaya oblast (editor's note)"]
    region.save()
    registries_seed()
    region.refresh_from_db()
    assert "Kurskaya oblast (editor's note)" in region.aliases


def test_the_registries_cover_what_researchers_name():
    assert Region.objects.filter(country="UA").count() >= 26  # 24 oblasts, Crimea, Kyiv
    assert Place.objects.count() >= 150
    assert Unit.objects.count() >= 150
    assert Claimant.objects.count() >= 40
    sudzha = Place.objects.get(name="Sudzha")
    assert sudzha.region.name == "Kursk Oblast"
    assert {"Sudja", "Soedzja"} <= set(sudzha.aliases)
    assert Claimant.objects.get(name="General Staff of the Armed Forces of Ukraine").side == "UA"
    assert Claimant.objects.get(name="Russian Defence Ministry").side == "RU"


def test_every_registry_row_has_a_unique_slug():
    for model in (Region, Place, Unit, Claimant):
        slugs = list(model.objects.values_list("slug", flat=True))
        assert len(slugs) == len(set(slugs))
        assert all(slugs)


def test_a_database_seeded_before_the_rename_keeps_its_battlegroups_under_their_new_names():
    """Migration 0007: the row keeps its id and slug (claims and links), and its old name is an alias."""
    rename = importlib.import_module("claims.migrations.0007_battlegroup_names")
    unit = Unit.objects.get(name="Battlegroup Tsentr")
    unit.name, unit.aliases = "Group of Forces Tsentr", ["Tsentr group"]
    unit.save()
    rename.forwards(apps, None)
    unit.refresh_from_db()
    assert unit.name == "Battlegroup Tsentr"
    assert unit.aliases == ["Group of Forces Tsentr", "Tsentr group"]
    registries_seed()  # the seed that follows every migrate finds the row and adds no second one
    assert Unit.objects.filter(name__in=["Battlegroup Tsentr", "Group of Forces Tsentr"]).count() == 1
    rename.backwards(apps, None)
    assert Unit.objects.get(pk=unit.pk).name == "Group of Forces Tsentr"
