"""The claim summaries' refresh locks each day group it recomputes, not one of 256 buckets of them.

A chunk of fifty articles touches some three hundred day groups, which covered most of the 256 buckets, so
two workers storing chunks of different days waited on each other to commit nearly every time (an archive
imported slower with two worker processes than with one). A lock a group makes them wait only when they
recompute the same group. A transaction whose statements change more than MANY groups in all (a mass
deletion, a bulk load) takes one lock that excludes every other refresh instead, so no transaction holds
thousands of locks (PostgreSQL's lock table holds 64 a connection by default); the others take it shared
first. The count of group locks taken lives in a transaction-local setting. PostgreSQL only: SQLite has one
writer at a time.
"""

import importlib

from django.db import migrations

CIVILIAN = importlib.import_module("claims.migrations.0011_civilian_figures")

MANY = 1000
BUCKETS = """    FOR bucket IN SELECT DISTINCT abs(hashtext(g) % 256) AS b FROM unnest(groups) AS g ORDER BY b LOOP
        PERFORM pg_advisory_xact_lock(hashtext('claims_summaries'), bucket);
    END LOOP;
"""
PER_GROUP = f"""    taken := COALESCE(NULLIF(current_setting('claims.summary_locks', true), ''), '0')::int;
    IF taken >= 0 AND taken + cardinality(groups) <= {MANY} THEN
        PERFORM pg_advisory_xact_lock_shared(hashtext('claims_summaries_all'), 0);
        FOR bucket IN SELECT DISTINCT hashtext(g) AS b FROM unnest(groups) AS g ORDER BY b LOOP
            PERFORM pg_advisory_xact_lock(hashtext('claims_summaries_group'), bucket);
        END LOOP;
        PERFORM set_config('claims.summary_locks', (taken + cardinality(groups))::text, true);
    ELSIF taken >= 0 THEN
        PERFORM pg_advisory_xact_lock(hashtext('claims_summaries_all'), 0);
        PERFORM set_config('claims.summary_locks', '-1', true);
    END IF;
"""
DECLARED = "    bucket int;\n"
if BUCKETS not in CIVILIAN.POSTGRES_FUNCTION or DECLARED not in CIVILIAN.POSTGRES_FUNCTION:
    raise RuntimeError("0011's refresh no longer holds the bucket locks this migration replaces")
POSTGRES_FUNCTION = CIVILIAN.POSTGRES_FUNCTION.replace(BUCKETS, PER_GROUP).replace(
    DECLARED, DECLARED + "    taken int;\n"
)


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CIVILIAN.POSTGRES_FUNCTION, None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0018_reference_check_dates")]

    operations = [migrations.RunPython(install, uninstall)]
