"""Each article's count of claims (rejected ones left out), kept by triggers on claims_claim.

Like the summaries (0002, 0006), every writer keeps it right without knowing of it: uploads,
re-extraction, review, the admin, bulk imports. The article list sorts by it.
"""

import importlib

from django.db import migrations, models

UNDATED = importlib.import_module("claims.migrations.0008_undated_articles_and_their_history")

COUNT = (
    "(SELECT COUNT(*) FROM claims_claim c WHERE c.article_id = claims_article.id AND c.review_status <> 'rejected')"
)
POSTGRES = [
    f"""
CREATE OR REPLACE FUNCTION claims_article_count_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT article_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT article_id) INTO ids FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT article_id) INTO ids
        FROM (SELECT article_id FROM new_rows UNION SELECT article_id FROM old_rows) AS changed;
    END IF;
    IF ids IS NOT NULL THEN
        UPDATE claims_article SET claim_count = {COUNT} WHERE id = ANY(ids);
    END IF;
    RETURN NULL;
END
$$;
""",
    "CREATE TRIGGER claims_article_count_insert AFTER INSERT ON claims_claim "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION claims_article_count_refresh()",
    # (A statement trigger with transition tables takes no column list: every update of claims counts.)
    "CREATE TRIGGER claims_article_count_update AFTER UPDATE ON claims_claim "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION claims_article_count_refresh()",
    "CREATE TRIGGER claims_article_count_delete AFTER DELETE ON claims_claim "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION claims_article_count_refresh()",
]
SQLITE = [
    "CREATE TRIGGER claims_article_count_insert AFTER INSERT ON claims_claim BEGIN "
    f"UPDATE claims_article SET claim_count = {COUNT} WHERE id = NEW.article_id; END",
    "CREATE TRIGGER claims_article_count_update AFTER UPDATE OF article_id, review_status ON claims_claim BEGIN "
    f"UPDATE claims_article SET claim_count = {COUNT} WHERE id IN (OLD.article_id, NEW.article_id); END",
    "CREATE TRIGGER claims_article_count_delete AFTER DELETE ON claims_claim BEGIN "
    f"UPDATE claims_article SET claim_count = {COUNT} WHERE id = OLD.article_id; END",
]
NAMES = ["claims_article_count_insert", "claims_article_count_update", "claims_article_count_delete"]


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES, "sqlite": SQLITE}.get(vendor)
    if statements is None:
        raise NotImplementedError(f"the article claim counts have no triggers for {vendor}")
    for sql in statements:
        schema_editor.execute(sql, None)
    schema_editor.execute(f"UPDATE claims_article SET claim_count = {COUNT}", None)


def uninstall(apps, schema_editor):
    on = " ON claims_claim" if schema_editor.connection.vendor == "postgresql" else ""
    for name in NAMES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}{on}")
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS claims_article_count_refresh()")


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_undated_articles_and_their_history")]

    operations = [
        migrations.RunPython(UNDATED.drop_sqlite_triggers, UNDATED.restore_sqlite_triggers),
        migrations.AddField(
            model_name="article",
            name="claim_count",
            field=models.PositiveIntegerField(db_index=True, default=0, editable=False),
        ),
        migrations.RunPython(UNDATED.restore_sqlite_triggers, UNDATED.drop_sqlite_triggers),
        migrations.RunPython(install, uninstall),
    ]
