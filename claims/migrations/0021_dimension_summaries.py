"""DimensionSummary: the day groups' rollup split by region, place, unit and claimant, kept by the summaries' refresh.

The refresh (0019's, on SQLite 0011's triggers) recomputes the rows of the day groups it touched from
FactSummary, after DaySummary, under the same group locks: each figure counted once in each member's row. The
SQL is this migration's own copy; 0019 and 0011 stay what they were.
"""

import importlib

from django.db import migrations, models

CIVILIAN = importlib.import_module("claims.migrations.0011_civilian_figures")
LOCKS = importlib.import_module("claims.migrations.0019_summary_locks_per_group")

NAMES = CIVILIAN.NAMES
ATTRIBUTES = CIVILIAN.DAY_ATTRIBUTES
DIMENSION_COLUMNS = f"{ATTRIBUTES}, dimension, member, " + ", ".join(f"{k}_{n}" for k in "nfv" for n in NAMES)
# Each FactSummary row once for each dimension it names (a claim names at most one member of each).
DIMENSIONS = "(SELECT 'region' AS dimension UNION ALL SELECT 'place' UNION ALL SELECT 'unit' UNION ALL SELECT 'claimant')"
MEMBER = (
    "CASE d.dimension WHEN 'region' THEN f.region_id WHEN 'place' THEN f.place_id "
    "WHEN 'unit' THEN f.unit_id ELSE f.claimant_id END"
)


def dimension_select(where: str) -> str:
    """The rows of the day groups ``where`` picks (a condition on group_key), from FactSummary, each figure
    once per member (the same counting as 0011's day_select, a level down)."""
    counts = ", ".join(f"SUM(n_{n}) AS n_{n}" for n in NAMES)
    totals = ", ".join(f"SUM(n_{n})" for n in NAMES)
    figures = ", ".join(f"SUM(CASE WHEN n_{n} > 0 THEN 1 ELSE 0 END)" for n in NAMES)
    values = ", ".join(f"SUM(CASE WHEN n_{n} > 0 THEN v ELSE 0 END)" for n in NAMES)
    rows = (
        f"SELECT f.*, d.dimension, {MEMBER} AS member FROM claims_factsummary f CROSS JOIN {DIMENSIONS} d "
        f"WHERE f.date IS NOT NULL AND {where}"
    )
    per_figure = (
        f"SELECT {ATTRIBUTES}, dimension, member, fact_key, MAX(COALESCE(value, 0)) AS v, {counts} "
        f"FROM ({rows}) named WHERE member IS NOT NULL GROUP BY {ATTRIBUTES}, dimension, member, fact_key"
    )
    return (
        f"SELECT {ATTRIBUTES}, dimension, member, {totals}, {figures}, {values} FROM ({per_figure}) per_figure "
        f"GROUP BY {ATTRIBUTES}, dimension, member"
    )


LAST = "    RETURN NULL;\nEND\n$$;"
if LAST not in LOCKS.POSTGRES_FUNCTION:
    raise RuntimeError("0019's refresh no longer ends the way this migration extends it")
POSTGRES_FUNCTION = LOCKS.POSTGRES_FUNCTION.replace(
    LAST,
    "    DELETE FROM claims_dimensionsummary WHERE group_key = ANY(groups);\n"
    f"    INSERT INTO claims_dimensionsummary ({DIMENSION_COLUMNS}) {dimension_select('group_key = ANY(groups)')};\n"
    + LAST,
)


def _sqlite_refresh(row: str) -> str:
    group = CIVILIAN.group_key(f"{row}.")
    return (
        f"{CIVILIAN._sqlite_refresh(row)} "
        f"DELETE FROM claims_dimensionsummary WHERE group_key = {group}; "
        f"INSERT INTO claims_dimensionsummary ({DIMENSION_COLUMNS}) {dimension_select(f'group_key = {group}')};"
    )


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER claims_summaries_insert AFTER INSERT ON claims_claim BEGIN {_sqlite_refresh('NEW')} END",
    f"CREATE TRIGGER claims_summaries_delete AFTER DELETE ON claims_claim BEGIN {_sqlite_refresh('OLD')} END",
    f"CREATE TRIGGER claims_summaries_update AFTER UPDATE ON claims_claim BEGIN "
    f"{_sqlite_refresh('OLD')} {_sqlite_refresh('NEW')} END",
]
TRIGGER_NAMES = ["claims_summaries_insert", "claims_summaries_delete", "claims_summaries_update"]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, None)
    elif vendor == "sqlite":
        for name in TRIGGER_NAMES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in SQLITE_TRIGGERS:
            schema_editor.execute(sql, None)
    else:
        raise NotImplementedError(f"the claim summaries have no triggers for {vendor}")
    schema_editor.execute(
        f"INSERT INTO claims_dimensionsummary ({DIMENSION_COLUMNS}) {dimension_select('1 = 1')}"
    )


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(LOCKS.POSTGRES_FUNCTION, None)
    else:
        for name in TRIGGER_NAMES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in CIVILIAN.SQLITE_TRIGGERS:
            schema_editor.execute(sql, None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0020_series_index_for_every_period"),
    ]

    operations = [
        migrations.CreateModel(
            name="DimensionSummary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("group_key", models.CharField(max_length=100)),
                (
                    "dimension",
                    models.CharField(
                        choices=[
                            ("region", "Region"),
                            ("place", "Place"),
                            ("unit", "Unit"),
                            ("claimant", "Claimant"),
                        ],
                        max_length=8,
                    ),
                ),
                ("member", models.BigIntegerField()),
                ("date", models.DateField()),
                ("week", models.DateField()),
                ("month", models.DateField()),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("killed", "Killed"),
                            ("wounded", "Wounded"),
                            ("casualties", "Casualties"),
                            ("captured", "Captured"),
                            ("equipment", "Equipment"),
                            ("launched", "Launched"),
                            ("intercepted", "Intercepted"),
                            ("deployed", "Deployed"),
                            ("engagement", "Engagement"),
                        ],
                        max_length=16,
                    ),
                ),
                (
                    "equipment",
                    models.CharField(
                        choices=[
                            ("tank", "Tank"),
                            ("armored_vehicle", "Armoured vehicle"),
                            ("artillery", "Artillery"),
                            ("mlrs", "MLRS"),
                            ("air_defense", "Air defence"),
                            ("aircraft", "Aircraft"),
                            ("helicopter", "Helicopter"),
                            ("uav", "UAV"),
                            ("missile", "Missile"),
                            ("ship", "Ship"),
                            ("submarine", "Submarine"),
                            ("vehicle", "Vehicle"),
                            ("special_equipment", "Special equipment"),
                            ("other", "Other"),
                        ],
                        max_length=24,
                        null=True,
                    ),
                ),
                (
                    "subject_side",
                    models.CharField(
                        choices=[
                            ("UA", "Ukraine"),
                            ("RU", "Russia"),
                            ("KP", "North Korea"),
                            ("other", "Other"),
                        ],
                        max_length=8,
                    ),
                ),
                (
                    "claimant_side",
                    models.CharField(
                        choices=[
                            ("UA", "Ukraine"),
                            ("RU", "Russia"),
                            ("KP", "North Korea"),
                            ("other", "Other"),
                        ],
                        max_length=8,
                        null=True,
                    ),
                ),
                (
                    "period",
                    models.CharField(
                        choices=[("cumulative", "Running total"), ("window", "Window")], max_length=16
                    ),
                ),
                ("civilian", models.BooleanField(default=False)),
                ("n_live", models.PositiveIntegerField(default=0)),
                ("n_unreviewed", models.PositiveIntegerField(default=0)),
                ("n_confirmed", models.PositiveIntegerField(default=0)),
                ("n_disputed", models.PositiveIntegerField(default=0)),
                ("n_rejected", models.PositiveIntegerField(default=0)),
                ("n_live_u", models.PositiveIntegerField(default=0)),
                ("n_live_k", models.PositiveIntegerField(default=0)),
                ("f_live", models.PositiveIntegerField(default=0)),
                ("f_unreviewed", models.PositiveIntegerField(default=0)),
                ("f_confirmed", models.PositiveIntegerField(default=0)),
                ("f_disputed", models.PositiveIntegerField(default=0)),
                ("f_rejected", models.PositiveIntegerField(default=0)),
                ("f_live_u", models.PositiveIntegerField(default=0)),
                ("f_live_k", models.PositiveIntegerField(default=0)),
                ("v_live", models.BigIntegerField(default=0)),
                ("v_unreviewed", models.BigIntegerField(default=0)),
                ("v_confirmed", models.BigIntegerField(default=0)),
                ("v_disputed", models.BigIntegerField(default=0)),
                ("v_rejected", models.BigIntegerField(default=0)),
                ("v_live_u", models.BigIntegerField(default=0)),
                ("v_live_k", models.BigIntegerField(default=0)),
            ],
            options={
                "indexes": [
                    models.Index(fields=["dimension", "member", "date"], name="dimensionsummary_member_idx"),
                    models.Index(fields=["dimension", "date"], name="dimensionsummary_date_idx"),
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("group_key", "dimension", "member"), name="dimensionsummary_group_member_uniq"
                    )
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
