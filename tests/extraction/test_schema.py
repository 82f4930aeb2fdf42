"""``schema``: the one source of the claim's field and value names."""

from __future__ import annotations

from dataclasses import fields

from extraction import Claim, schema


def test_the_engines_claim_has_the_schemas_fields_in_its_order() -> None:
    names = [item.name for item in fields(Claim)]
    assert names == [*schema.CLAIM_FIELDS, *schema.RAW_FIELDS, "engine_version"]


def test_every_value_of_the_schema_has_a_label() -> None:
    for enum in (schema.Category, schema.Equipment, schema.Qualifier, schema.Period, schema.Side):
        assert all(schema.LABELS[member] for member in enum)


def test_the_equipment_categories_and_the_fields_derived_from_the_list_are_its_own() -> None:
    assert set(schema.Category) >= schema.EQUIPMENT_CATEGORIES
    assert set(schema.REVIEW_FIELDS) | set(schema.EVIDENCE_FIELDS) == set(schema.CLAIM_FIELDS)
    assert set(schema.SCORED_ATTRIBUTES) <= set(schema.CLAIM_FIELDS)
    assert set(schema.MATCH_FIELDS) <= set(schema.CLAIM_FIELDS)
