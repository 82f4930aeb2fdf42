"""Migration 0013 on a database seeded before the people register: claimants that were people become the
organisations they speak for, without losing a claim."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from claims.models import Claim, Claimant, FactSummary, Person
from claims.services import registries_seed

# Migrations run outside a test transaction (SQLite alters tables only with its foreign keys off).
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("claims", "0011_civilian_figures")]
AFTER = [("claims", "0013_claimants_that_were_people")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def _claim(apps, claimant, n: int):
    Article = apps.get_model("claims", "Article")
    Claim = apps.get_model("claims", "Claim")
    text = f"Russia lost {n} soldiers, he said."
    article = Article.objects.create(text=text, content_hash=f"hash-{n}", source_kind="txt")
    return Claim.objects.create(
        article=article,
        category="killed",
        value=n,
        subject_side="RU",
        claimant=claimant,
        claimant_raw=claimant.name,
        claimant_side=claimant.side,
        evidence=text,
        start=0,
        end=len(text),
        fact_key=f"fact-{n}",
    )


def test_people_claimants_are_renamed_or_merged_into_their_organisations():
    old = _migrate(BEFORE)
    try:
        OldClaimant = old.get_model("claims", "Claimant")
        OldClaimant.objects.all().delete()
        syrskyi = OldClaimant.objects.create(
            name="Oleksandr Syrskyi",
            slug="oleksandr-syrskyi",
            side="UA",
            aliases=["Syrskyi", "Ukraine's top commander"],
        )
        zaluzhnyi = OldClaimant.objects.create(
            name="Valerii Zaluzhnyi", slug="valerii-zaluzhnyi", side="UA", aliases=["Zaluzhnyi"]
        )
        kremlin = OldClaimant.objects.create(name="Kremlin", slug="kremlin", side="RU", aliases=["Peskov"])
        putin = OldClaimant.objects.create(
            name="Vladimir Putin", slug="vladimir-putin", side="RU", aliases=["Putin"]
        )
        kept = OldClaimant.objects.create(name="TASS", slug="tass", side="RU", aliases=[])
        claims = {
            name: _claim(old, row, n)
            for n, (name, row) in enumerate(
                [("syrskyi", syrskyi), ("zaluzhnyi", zaluzhnyi), ("putin", putin), ("tass", kept)], start=100
            )
        }

        _migrate(AFTER)

        commander = Claimant.objects.get(pk=syrskyi.pk)
        assert (commander.name, commander.slug) == (
            "Commander-in-Chief of the Armed Forces of Ukraine",
            syrskyi.slug,
        )
        assert commander.aliases[:3] == ["Oleksandr Syrskyi", "Syrskyi", "Ukraine's top commander"]
        assert {"Valerii Zaluzhnyi", "Zaluzhnyi"} <= set(commander.aliases)
        assert not Claimant.objects.filter(pk__in=[zaluzhnyi.pk, putin.pk]).exists()
        assert {"Vladimir Putin", "Putin", "Peskov"} <= set(Claimant.objects.get(pk=kremlin.pk).aliases)
        moved = {name: Claim.objects.get(pk=claim.pk).claimant_id for name, claim in claims.items()}
        assert moved == {"syrskyi": syrskyi.pk, "zaluzhnyi": syrskyi.pk, "putin": kremlin.pk, "tass": kept.pk}
        # The database recomputed the summaries of the claims that moved.
        assert set(FactSummary.objects.values_list("claimant_id", flat=True)) == {
            syrskyi.pk,
            kremlin.pk,
            kept.pk,
        }

        # The seed that follows every migrate finds the organisations by name and adds no second row.
        registries_seed()
        assert Claimant.objects.filter(name="Commander-in-Chief of the Armed Forces of Ukraine").count() == 1
        roles = Person.objects.get(name="Valerii Zaluzhnyi").roles.all()
        assert [role.organisation_id for role in roles] == [syrskyi.pk]
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def test_a_database_without_people_claimants_is_left_as_it_was():
    _migrate(BEFORE)
    try:
        names = set(Claimant.objects.values_list("name", flat=True))
        _migrate(AFTER)
        assert set(Claimant.objects.values_list("name", flat=True)) == names
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
