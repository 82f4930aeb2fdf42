import django.contrib.postgres.search
import django.db.models.deletion
from django.db import migrations, models

# The articles' full-text documents (claims.models.ArticleSearch): on PostgreSQL the database fills
# the table from claims_article through a trigger, so every writer (uploads, the admin, bulk
# loads) keeps it right; SQLite leaves it empty. It replaces 0002's GIN index on the article text expression: matching an
# article through that index's table meant parsing its text again for every article a page of
# claims reads (0.1 ms each), where the stored document is read as it is.

FUNCTION = """
CREATE OR REPLACE FUNCTION claims_articlesearch_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO claims_articlesearch (article_id, document)
    VALUES (NEW.id, to_tsvector('english', COALESCE(NEW.text, '')))
    ON CONFLICT (article_id) DO UPDATE SET document = EXCLUDED.document;
    RETURN NULL;
END
$$
"""
INSTALL = [
    FUNCTION,
    "CREATE TRIGGER claims_articlesearch_insert AFTER INSERT ON claims_article "
    "FOR EACH ROW EXECUTE FUNCTION claims_articlesearch_refresh()",
    "CREATE TRIGGER claims_articlesearch_update AFTER UPDATE OF text ON claims_article "
    "FOR EACH ROW WHEN (OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION claims_articlesearch_refresh()",
    "INSERT INTO claims_articlesearch (article_id, document) "
    "SELECT id, to_tsvector('english', COALESCE(text, '')) FROM claims_article",
    "CREATE INDEX claims_articlesearch_document ON claims_articlesearch USING gin (document)",
    "DROP INDEX IF EXISTS article_text_fts",
    "ANALYZE claims_articlesearch",
]
UNINSTALL = [
    "DROP TRIGGER IF EXISTS claims_articlesearch_insert ON claims_article",
    "DROP TRIGGER IF EXISTS claims_articlesearch_update ON claims_article",
    "DROP FUNCTION IF EXISTS claims_articlesearch_refresh()",
    "DROP INDEX IF EXISTS claims_articlesearch_document",
    "CREATE INDEX IF NOT EXISTS article_text_fts ON claims_article "
    "USING gin (to_tsvector('english'::regconfig, COALESCE(text, '')))",
]


def _run(statements: list[str]):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql, None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0004_claim_sort_key_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleSearch",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="claims.article",
                    ),
                ),
                ("document", django.contrib.postgres.search.SearchVectorField()),
            ],
        ),
        migrations.RunPython(_run(INSTALL), _run(UNINSTALL)),
    ]
