"""The dashboard's data version: triggers count every write to what its pages show (claims.DataVersion).

Statement-level on PostgreSQL (one bump per INSERT, UPDATE or DELETE, however many rows), row-level
on SQLite, which has no other kind. The articles count only for the fields the pages print.
"""

from django.db import migrations, models

SHARDS = 16
# The registries count on a shard of their own as well, so their select lists can be kept until a
# registry changes, whatever happens to the claims (claims.filters.registry_choices).
REGISTRY_SHARD = SHARDS
DATA_TABLES = ["claims_claim"]
REGISTRY_TABLES = ["claims_region", "claims_place", "claims_unit", "claims_claimant", "claims_outlet"]
ARTICLE_FIELDS = "title, source_name, outlet_id, url, published, unverified"
POSTGRES = [
    f"""
CREATE OR REPLACE FUNCTION claims_dataversion_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims_dataversion SET n = n + 1 WHERE shard = txid_current() % {SHARDS};
    RETURN NULL;
END
$$;
""",
    f"""
CREATE OR REPLACE FUNCTION claims_dataversion_bump_registry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE claims_dataversion SET n = n + 1 WHERE shard = {REGISTRY_SHARD};
    RETURN NULL;
END
$$;
""",
    *[
        f"CREATE TRIGGER {table}_dataversion AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION claims_dataversion_bump{'_registry' if table in REGISTRY_TABLES else ''}()"
        for table in [*DATA_TABLES, *REGISTRY_TABLES]
    ],
    "CREATE TRIGGER claims_article_dataversion AFTER INSERT OR DELETE OR TRUNCATE "
    f"OR UPDATE OF {ARTICLE_FIELDS} ON claims_article FOR EACH STATEMENT EXECUTE FUNCTION claims_dataversion_bump()",
]


def _bump(table: str) -> str:
    return f"UPDATE claims_dataversion SET n = n + 1 WHERE shard = {REGISTRY_SHARD if table in REGISTRY_TABLES else 0};"


SQLITE = [
    *[
        f"CREATE TRIGGER {table}_dataversion_{event.lower()} AFTER {event} ON {table} BEGIN {_bump(table)} END"
        for table in [*DATA_TABLES, *REGISTRY_TABLES]
        for event in ("INSERT", "UPDATE", "DELETE")
    ],
    *[
        f"CREATE TRIGGER claims_article_dataversion_{name} AFTER {event} ON claims_article "
        f"BEGIN {_bump('claims_article')} END"
        for name, event in (("insert", "INSERT"), ("delete", "DELETE"), ("update", f"UPDATE OF {ARTICLE_FIELDS}"))
    ],
]


def install(apps, schema_editor):
    schema_editor.execute(
        "INSERT INTO claims_dataversion (shard, n) VALUES " + ", ".join(f"({i}, 0)" for i in range(SHARDS + 1)),
        None,
    )
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES, "sqlite": SQLITE}.get(vendor)
    if statements is None:
        raise NotImplementedError(f"the data version has no triggers for {vendor}")
    for sql in statements:
        schema_editor.execute(sql, None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in [*DATA_TABLES, *REGISTRY_TABLES, "claims_article"]:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_dataversion ON {table}")
        schema_editor.execute("DROP FUNCTION IF EXISTS claims_dataversion_bump()")
        schema_editor.execute("DROP FUNCTION IF EXISTS claims_dataversion_bump_registry()")
    else:
        for sql in SQLITE:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {sql.split()[2]}")


class Migration(migrations.Migration):
    dependencies = [("claims", "0009_article_claim_count")]

    operations = [
        migrations.CreateModel(
            name="DataVersion",
            fields=[
                ("shard", models.PositiveSmallIntegerField(primary_key=True, serialize=False)),
                ("n", models.BigIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(install, uninstall),
    ]
