"""OutletSummary: claims counted per day group and outlet, kept by adding and taking away (not recomputing).

An outlet's claims of a day group are not found through FactSummary, and reading them all again at every
write would cost what the timeline saves; so the claims' triggers add each statement's new rows to the counts
and take its old rows away (an upsert on the group and outlet, exact whatever the writer), and drop rows that
reach zero. A claim's article gives its outlet and unverified flag: an article whose outlet or flag changes
moves its claims' counts from the old row to the new one (its own trigger; 0006's flag trigger touches the
claims too, which adds and takes away the same counts). The summaries' refresh is 0021's with this added.
"""

import importlib

import django.db.models.deletion
from django.db import migrations, models

CIVILIAN = importlib.import_module("claims.migrations.0011_civilian_figures")
DIMENSIONS = importlib.import_module("claims.migrations.0021_dimension_summaries")

# (column suffix, which claims it counts) with the claim's review status and the article's flag left open.
STATES = (
    ("live", "{s} <> 'rejected'"),
    ("unreviewed", "{s} = 'unreviewed'"),
    ("confirmed", "{s} = 'confirmed'"),
    ("disputed", "{s} = 'disputed'"),
    ("rejected", "{s} = 'rejected'"),
    ("live_u", "{s} <> 'rejected' AND {u}"),
    ("live_k", "{s} <> 'rejected' AND NOT {u}"),
)
COUNTS = [f"n_{name}" for name, _ in STATES]
ATTRIBUTES = "date, week, month, category, equipment, subject_side, civilian, claimant_side, period"
COLUMNS = f"group_key, outlet_id, {ATTRIBUTES}, " + ", ".join(COUNTS)
ADD = ", ".join(f"{c} = claims_outletsummary.{c} + EXCLUDED.{c}" for c in COUNTS)
UPSERT = f"ON CONFLICT (group_key, outlet_id) DO UPDATE SET {ADD}"
EMPTY = "n_live = 0 AND n_rejected = 0"


def _buckets(vendor: str, day: str) -> tuple[str, str]:
    if vendor == "postgresql":
        return f"CAST(DATE_TRUNC('week', {day}) AS date)", f"CAST(DATE_TRUNC('month', {day}) AS date)"
    weekday = f"((CAST(strftime('%w', {day}) AS integer) + 6) % 7)"
    return f"date({day}, '-' || {weekday} || ' days')", f"strftime('%Y-%m-01', {day})"


def outlet_counts(vendor: str, claims: str, outlet: str, unverified: str, where: str, sign: int = 1) -> str:
    """The counts of the claims ``claims`` (a FROM list naming them c) by day group and outlet, each claim
    counted ``sign`` times; ``outlet`` and ``unverified`` are the expressions giving its article's."""
    week, month = _buckets(vendor, "c.date")
    counts = ", ".join(
        f"SUM(CASE WHEN {condition.format(s='c.review_status', u=unverified)} THEN {sign} ELSE 0 END)"
        for _, condition in STATES
    )
    attributes = "c.date, c.category, c.equipment, c.subject_side, c.civilian, c.claimant_side, c.period"
    return (
        f"SELECT {CIVILIAN.group_key('c.')}, {outlet}, c.date, {week}, {month}, c.category, c.equipment, "
        f"c.subject_side, c.civilian, c.claimant_side, c.period, {counts} FROM {claims} "
        f"WHERE c.date IS NOT NULL AND {outlet} IS NOT NULL AND {where} GROUP BY {outlet}, {attributes}"
    )


def outlet_select(vendor: str) -> str:
    """Every row, from the claims: the first fill, and what manage.py rebuild_summaries compares."""
    claims = "claims_claim c JOIN claims_article a ON a.id = c.article_id"
    return outlet_counts(vendor, claims, "a.outlet_id", "a.unverified", "1 = 1")


def _statement_deltas() -> str:
    joined = "{rows} c JOIN claims_article a ON a.id = c.article_id"
    add = outlet_counts("postgresql", joined.format(rows="new_rows"), "a.outlet_id", "a.unverified", "TRUE")
    take = outlet_counts(
        "postgresql", joined.format(rows="old_rows"), "a.outlet_id", "a.unverified", "TRUE", -1
    )
    return (
        "    IF TG_OP <> 'DELETE' THEN\n"
        f"        INSERT INTO claims_outletsummary ({COLUMNS}) {add} {UPSERT};\n"
        "    END IF;\n"
        "    IF TG_OP <> 'INSERT' THEN\n"
        f"        INSERT INTO claims_outletsummary ({COLUMNS}) {take} {UPSERT};\n"
        "    END IF;\n"
        f"    DELETE FROM claims_outletsummary WHERE group_key = ANY(groups) AND {EMPTY};\n"
    )


LAST = "    RETURN NULL;\nEND\n$$;"
if LAST not in DIMENSIONS.POSTGRES_FUNCTION:
    raise RuntimeError("0021's refresh no longer ends the way this migration extends it")
POSTGRES_FUNCTION = DIMENSIONS.POSTGRES_FUNCTION.replace(LAST, _statement_deltas() + LAST)


def _article_move(vendor: str, article: str) -> list[str]:
    """Take an article's claims away from its old outlet and flag, add them to its new ones."""
    statements = []
    for sign, row in ((-1, "OLD"), (1, "NEW")):
        counts = outlet_counts(
            vendor,
            "claims_claim c",
            f"{row}.outlet_id",
            f"{row}.unverified",
            f"c.article_id = {article}",
            sign,
        )
        statements.append(f"INSERT INTO claims_outletsummary ({COLUMNS}) {counts} {UPSERT};")
    statements.append(
        f"DELETE FROM claims_outletsummary WHERE outlet_id IN (OLD.outlet_id, NEW.outlet_id) AND {EMPTY};"
    )
    return statements


MOVED = "OLD.outlet_id IS DISTINCT FROM NEW.outlet_id OR OLD.unverified IS DISTINCT FROM NEW.unverified"
POSTGRES_ARTICLE = [
    "CREATE OR REPLACE FUNCTION claims_outlet_summary_move() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    + " ".join(_article_move("postgresql", "NEW.id"))
    + " RETURN NULL; END $$",
    "CREATE TRIGGER claims_outlet_summary_move AFTER UPDATE OF outlet_id, unverified ON claims_article "
    f"FOR EACH ROW WHEN ({MOVED}) EXECUTE FUNCTION claims_outlet_summary_move()",
]
SQLITE_ARTICLE = [
    "CREATE TRIGGER claims_outlet_summary_move AFTER UPDATE OF outlet_id, unverified ON claims_article "
    "WHEN OLD.outlet_id IS NOT NEW.outlet_id OR OLD.unverified IS NOT NEW.unverified BEGIN "
    + " ".join(_article_move("sqlite", "NEW.id"))
    + " END"
]


def _sqlite_delta(row: str, sign: int) -> str:
    # A row trigger sees one claim: its values, with its article's outlet and flag read beside them.
    week, month = _buckets("sqlite", f"{row}.date")
    counts = ", ".join(
        f"CASE WHEN {condition.format(s=f'{row}.review_status', u='a.unverified')} THEN {sign} ELSE 0 END"
        for _, condition in STATES
    )
    return (
        f"INSERT INTO claims_outletsummary ({COLUMNS}) SELECT {CIVILIAN.group_key(f'{row}.')}, a.outlet_id, "
        f"{row}.date, {week}, {month}, {row}.category, {row}.equipment, {row}.subject_side, {row}.civilian, "
        f"{row}.claimant_side, {row}.period, {counts} FROM claims_article a WHERE a.id = {row}.article_id "
        f"AND {row}.date IS NOT NULL AND a.outlet_id IS NOT NULL {UPSERT}; "
        f"DELETE FROM claims_outletsummary WHERE group_key = {CIVILIAN.group_key(f'{row}.')} AND {EMPTY};"
    )


SQLITE_TRIGGERS = [
    "CREATE TRIGGER claims_summaries_insert AFTER INSERT ON claims_claim BEGIN "
    f"{DIMENSIONS._sqlite_refresh('NEW')} {_sqlite_delta('NEW', 1)} END",
    "CREATE TRIGGER claims_summaries_delete AFTER DELETE ON claims_claim BEGIN "
    f"{DIMENSIONS._sqlite_refresh('OLD')} {_sqlite_delta('OLD', -1)} END",
    "CREATE TRIGGER claims_summaries_update AFTER UPDATE ON claims_claim BEGIN "
    f"{DIMENSIONS._sqlite_refresh('OLD')} {DIMENSIONS._sqlite_refresh('NEW')} "
    f"{_sqlite_delta('OLD', -1)} {_sqlite_delta('NEW', 1)} END",
]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, None)
        for sql in POSTGRES_ARTICLE:
            schema_editor.execute(sql, None)
    elif vendor == "sqlite":
        for name in DIMENSIONS.TRIGGER_NAMES:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in [*SQLITE_TRIGGERS, *SQLITE_ARTICLE]:
            schema_editor.execute(sql, None)
    else:
        raise NotImplementedError(f"the claim summaries have no triggers for {vendor}")
    schema_editor.execute(f"INSERT INTO claims_outletsummary ({COLUMNS}) {outlet_select(vendor)}")


def uninstall(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(DIMENSIONS.POSTGRES_FUNCTION, None)
        schema_editor.execute("DROP TRIGGER IF EXISTS claims_outlet_summary_move ON claims_article")
        schema_editor.execute("DROP FUNCTION IF EXISTS claims_outlet_summary_move()")
    else:
        for name in [*DIMENSIONS.TRIGGER_NAMES, "claims_outlet_summary_move"]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
        for sql in DIMENSIONS.SQLITE_TRIGGERS:
            schema_editor.execute(sql, None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0021_dimension_summaries"),
    ]

    operations = [
        migrations.CreateModel(
            name="OutletSummary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("group_key", models.CharField(max_length=100)),
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
                ("n_live", models.IntegerField(default=0)),
                ("n_unreviewed", models.IntegerField(default=0)),
                ("n_confirmed", models.IntegerField(default=0)),
                ("n_disputed", models.IntegerField(default=0)),
                ("n_rejected", models.IntegerField(default=0)),
                ("n_live_u", models.IntegerField(default=0)),
                ("n_live_k", models.IntegerField(default=0)),
                (
                    "outlet",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="claims.outlet",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["outlet", "date"], name="outletsummary_outlet_idx")],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("group_key", "outlet"), name="outletsummary_group_outlet_uniq"
                    )
                ],
            },
        ),
        migrations.RunPython(install, uninstall),
    ]
