from __future__ import annotations

import datetime
import importlib
import json

import pytest
from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from claims.models import Claimant, Person, PersonRole, Place, Region, Unit
from claims.selectors import registries_from_db
from claims.services import SEED_DIR, registries_seed
from extraction import extract
from extraction.names.tokens import tokenize

pytestmark = pytest.mark.django_db

REGISTRY_MODELS = (Region, Place, Unit, Claimant, Person, PersonRole)


def seed_count(name: str) -> int:
    return len(json.loads((SEED_DIR / f"{name}.json").read_text(encoding="utf-8")))


def test_migrate_loads_every_seed_row():
    assert Region.objects.count() == seed_count("regions")
    assert Place.objects.count() == seed_count("places")
    assert Unit.objects.count() == seed_count("units")
    assert Claimant.objects.count() == seed_count("claimants")
    people = json.loads((SEED_DIR / "people.json").read_text(encoding="utf-8"))
    assert Person.objects.count() == len(people) == 161
    assert PersonRole.objects.count() == sum(len(p["roles"]) for p in people) == 167


def test_loading_twice_adds_no_duplicates():
    before = [m.objects.count() for m in REGISTRY_MODELS]
    counts = registries_seed()
    registries_seed()
    assert [m.objects.count() for m in REGISTRY_MODELS] == before
    assert all(c.created == 0 for c in counts.values())
    assert set(counts) == {"regions", "places", "units", "claimants", "people", "person roles"}


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
    for model in (Region, Place, Unit, Claimant, Person):
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


# --- people ---


def test_a_seeded_person_holds_each_role_from_the_first_day_of_its_start_to_the_last_of_its_end():
    shoigu = Person.objects.get(name="Sergei Shoigu")
    roles = [(r.organisation.name, r.started, r.ended) for r in shoigu.roles.all()]
    assert roles == [
        ("Russian Defence Ministry", datetime.date(2012, 1, 1), datetime.date(2024, 5, 12)),
        ("Security Council of Russia", datetime.date(2024, 5, 12), None),
    ]
    assert shoigu.side == "RU" and "Shoigu" in shoigu.aliases
    # A year as "until" is the year's last day.
    reznichenko = PersonRole.objects.get(person__name="Valentyn Reznichenko")
    assert (reznichenko.started, reznichenko.ended) == (
        datetime.date(2019, 1, 1),
        datetime.date(2023, 12, 31),
    )


def test_a_reseed_keeps_an_editors_roles_and_aliases_and_restores_a_seeded_roles_dates():
    kiper = Person.objects.get(name="Oleh Kiper")
    kiper.aliases = [*kiper.aliases, "Oleg Kiper (editor)"]
    kiper.save()
    PersonRole.objects.create(
        person=kiper, organisation=Claimant.objects.get(name="Kremlin"), title="imagined", started=None
    )
    seeded = kiper.roles.get(organisation__name="Odesa Regional Military Administration")
    seeded.started = datetime.date(2000, 1, 1)
    seeded.save()
    registries_seed()
    kiper.refresh_from_db()
    seeded.refresh_from_db()
    assert "Oleg Kiper (editor)" in kiper.aliases
    assert kiper.roles.filter(title="imagined").exists()
    assert seeded.started == datetime.date(2023, 1, 1)


def test_a_claimant_that_people_spoke_for_cannot_be_deleted_from_under_them():
    with pytest.raises(ProtectedError):
        Claimant.objects.get(name="Kremlin").delete()


def test_a_role_cannot_end_before_it_starts():
    person = Person.objects.get(name="Oleh Kiper")
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonRole.objects.create(
            person=person,
            organisation=Claimant.objects.get(name="Kremlin"),
            started=datetime.date(2024, 1, 1),
            ended=datetime.date(2023, 1, 1),
        )


def test_a_person_added_in_the_database_speaks_through_the_engine():
    """Not in the seed: an editor's person, read by registries_from_db like every registry."""
    before = registries_from_db()
    person = Person.objects.create(
        name="Arkadiy Vymyslov", slug="arkadiy-vymyslov", aliases=["Vymyslov"], side="RU"
    )
    PersonRole.objects.create(
        person=person,
        organisation=Claimant.objects.get(name="Russian General Staff"),
        title="deputy chief",
        started=datetime.date(2022, 3, 1),
    )
    registries = registries_from_db()
    assert registries is not before
    text = "Ukrainian forces lost 350 soldiers on Tuesday, Vymyslov told reporters."
    [claim] = extract(text, published=datetime.date(2024, 11, 27), registries=registries).claims
    assert (claim.claimant, claim.claimant_side, claim.value) == ("Russian General Staff", "RU", 350)


def test_an_edited_role_is_read_by_the_engine_at_once():
    registries_from_db()
    role = PersonRole.objects.get(person__name="Yurii Ihnat")
    role.organisation = Claimant.objects.get(name="Ukrainian Navy")
    role.save()
    registries = registries_from_db()
    [hit] = registries.claimant_matcher.find(tokenize("Ihnat"))
    assert registries.speaker_for(hit.payload, datetime.date(2025, 1, 1)).name == "Ukrainian Navy"
