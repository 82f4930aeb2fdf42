"""Claims of civilians (claims.Claim.civilian), and summaries that keep them apart from soldiers'.

The summaries' triggers are rebuilt with the flag in each figure's and each day group's key (the same
refresh as 0006 otherwise; the SQL is this migration's own copy, 0006 stays what it was), and both
summaries are computed again. Existing claims are soldiers' or equipment (civilian false), so their fact
keys do not change.
"""

import importlib

from django.db import migrations, models

SUMMARIES = importlib.import_module("claims.migrations.0006_summaries_by_unverified_flag")
UNDATED = importlib.import_module("claims.migrations.0008_undated_articles_and_their_history")
COUNTS = importlib.import_module("claims.migrations.0009_article_claim_count")
VERSION = importlib.import_module("claims.migrations.0010_data_version")

STATES = SUMMARIES.STATES
NAMES = SUMMARIES.NAMES
BUCKETS = SUMMARIES.BUCKETS
GROUPED = (
    "fact_key, date, category, equipment, subject_side, civilian, claimant_side, period, value, value_max, "
    "region_id, place_id, unit_id, claimant_id"
)
SUMMARY_COLUMNS = (
    "fact_key, group_key, date, day, week, month, category, equipment, subject_side, civilian, claimant_side, "
    "period, value, value_max, sort_value, region_id, place_id, unit_id, claimant_id, "
    + ", ".join(f"n_{n}" for n in NAMES)
)
DAY_ATTRIBUTES = "group_key, date, week, month, category, equipment, subject_side, civilian, claimant_side, period"
DAY_COLUMNS = f"{DAY_ATTRIBUTES}, " + ", ".join(f"{k}_{n}" for k in "nfv" for n in NAMES)


def group_key(prefix: str = "") -> str:
    p = prefix
    return (
        f"COALESCE(CAST({p}date AS text), '') || '|' || {p}category || '|' || COALESCE({p}equipment, '') "
        f"|| '|' || {p}subject_side || '|' || COALESCE({p}claimant_side, '') || '|' || {p}period "
        f"|| CASE WHEN {p}civilian THEN '|civilian' ELSE '' END"
    )


def summary_select(vendor: str, where: str) -> str:
    week, month = BUCKETS[vendor]
    counts = ", ".join(f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)" for _, condition in STATES)
    return (
        f"SELECT fact_key, {group_key()}, date, COALESCE(date, '0001-01-01'), {week}, {month}, category, "
        f"equipment, subject_side, civilian, claimant_side, period, value, value_max, COALESCE(value, -1), "
        f"region_id, place_id, unit_id, claimant_id, {counts} "
        f"FROM claims_claim JOIN claims_article a ON a.id = claims_claim.article_id "
        f"WHERE {where} GROUP BY {GROUPED}"
    )


def day_select(where: str) -> str:
    counts = ", ".join(f"SUM(n_{n}) AS n_{n}" for n in NAMES)
    totals = ", ".join(f"SUM(n_{n})" for n in NAMES)
    figures = ", ".join(f"SUM(CASE WHEN n_{n} > 0 THEN 1 ELSE 0 END)" for n in NAMES)
    values = ", ".join(f"SUM(CASE WHEN n_{n} > 0 THEN v ELSE 0 END)" for n in NAMES)
    return (
        f"SELECT {DAY_ATTRIBUTES}, {totals}, {figures}, {values} FROM ("
        f"SELECT {DAY_ATTRIBUTES}, fact_key, MAX(COALESCE(value, 0)) AS v, {counts} "
        f"FROM claims_factsummary WHERE date IS NOT NULL AND {where} GROUP BY {DAY_ATTRIBUTES}, fact_key"
        f") per_figure GROUP BY {DAY_ATTRIBUTES}"
    )


CHANGED = "fact_key, date, category, equipment, subject_side, civilian, claimant_side, period"
POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION claims_summaries_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    keys text[];
    groups text[];
    bucket int;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT fact_key), array_agg(DISTINCT {group_key()}) INTO keys, groups FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT fact_key), array_agg(DISTINCT {group_key()}) INTO keys, groups FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT fact_key), array_agg(DISTINCT {group_key()}) INTO keys, groups
        FROM (SELECT {CHANGED} FROM new_rows UNION ALL SELECT {CHANGED} FROM old_rows) AS changed;
    END IF;
    IF keys IS NULL THEN
        RETURN NULL;
    END IF;
    FOR bucket IN SELECT DISTINCT abs(hashtext(g) % 256) AS b FROM unnest(groups) AS g ORDER BY b LOOP
        PERFORM pg_advisory_xact_lock(hashtext('claims_summaries'), bucket);
    END LOOP;
    DELETE FROM claims_factsummary WHERE fact_key = ANY(keys);
    INSERT INTO claims_factsummary ({SUMMARY_COLUMNS}) {summary_select("postgresql", "fact_key = ANY(keys)")};
    DELETE FROM claims_daysummary WHERE group_key = ANY(groups);
    INSERT INTO claims_daysummary ({DAY_COLUMNS}) {day_select("group_key = ANY(groups)")};
    RETURN NULL;
END
$$;
"""


def _sqlite_refresh(row: str) -> str:
    key, group = f"{row}.fact_key", group_key(f"{row}.")
    return (
        f"DELETE FROM claims_factsummary WHERE fact_key = {key}; "
        f"INSERT INTO claims_factsummary ({SUMMARY_COLUMNS}) {summary_select('sqlite', f'fact_key = {key}')}; "
        f"DELETE FROM claims_daysummary WHERE group_key = {group}; "
        f"INSERT INTO claims_daysummary ({DAY_COLUMNS}) {day_select(f'group_key = {group}')};"
    )


SQLITE_TRIGGERS = [
    f"CREATE TRIGGER claims_summaries_insert AFTER INSERT ON claims_claim BEGIN {_sqlite_refresh('NEW')} END",
    f"CREATE TRIGGER claims_summaries_delete AFTER DELETE ON claims_claim BEGIN {_sqlite_refresh('OLD')} END",
    f"CREATE TRIGGER claims_summaries_update AFTER UPDATE ON claims_claim BEGIN "
    f"{_sqlite_refresh('OLD')} {_sqlite_refresh('NEW')} END",
]
# Every trigger SQLite must drop before it rebuilds claims_claim (a trigger naming the table fails the
# rebuild), and put back after.
SQLITE_CLAIM_TRIGGERS = [
    *SUMMARIES.CLAIM_TRIGGERS,
    *COUNTS.NAMES,
    *(f"claims_claim_dataversion_{event}" for event in ("insert", "update", "delete")),
]


def drop_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for name in [*SQLITE_CLAIM_TRIGGERS, "claims_article_flag"]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def _sqlite_statements(previous: bool) -> list[str]:
    counts = COUNTS.SQLITE
    version = [sql for sql in VERSION.SQLITE if " ON claims_claim " in sql]
    summaries = SUMMARIES.SQLITE_TRIGGERS if previous else SQLITE_TRIGGERS
    return [*summaries, *SUMMARIES.FLAG_TRIGGER["sqlite"], *counts, *version]


def restore_previous_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for sql in _sqlite_statements(previous=True):
            schema_editor.execute(sql, None)


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, None)
    elif vendor == "sqlite":
        for sql in _sqlite_statements(previous=False):
            schema_editor.execute(sql, None)
    else:
        raise NotImplementedError(f"the claim summaries have no triggers for {vendor}")
    schema_editor.execute("DELETE FROM claims_factsummary", None)
    schema_editor.execute(f"INSERT INTO claims_factsummary ({SUMMARY_COLUMNS}) {summary_select(vendor, '1 = 1')}", None)
    schema_editor.execute("DELETE FROM claims_daysummary", None)
    schema_editor.execute(f"INSERT INTO claims_daysummary ({DAY_COLUMNS}) {day_select('1 = 1')}", None)


def uninstall(apps, schema_editor):
    # Back to 0006's refresh before the columns go (on SQLite its triggers return after that).
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(SUMMARIES.POSTGRES_FUNCTION, None)
    else:
        drop_sqlite_triggers(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("claims", "0010_data_version")]

    operations = [
        migrations.RunPython(drop_sqlite_triggers, restore_previous_sqlite_triggers),
        migrations.AddField(model_name="claim", name="civilian", field=models.BooleanField(default=False)),
        migrations.AddField(model_name="factsummary", name="civilian", field=models.BooleanField(default=False)),
        migrations.AddField(model_name="daysummary", name="civilian", field=models.BooleanField(default=False)),
        migrations.RunPython(install, uninstall),
    ]
