"""The claim summaries' refresh locks each day group it recomputes, not one of 256 buckets of them.

A chunk of fifty articles touches some three hundred day groups, which covered most of the 256 buckets, so
two workers storing chunks of different days waited on each other to commit nearly every time (an archive
imported slower with two worker processes than with one). A lock a group makes them wait only when they
recompute the same group. A statement that changes more than MANY groups (a mass deletion, say) takes one
lock that excludes every other refresh instead, so no transaction holds thousands of locks; the others take
it shared first. PostgreSQL only: SQLite has one writer at a time.
"""

import importlib

from django.db import migrations

CIVILIAN = importlib.import_module("claims.migrations.0011_civilian_figures")

MANY = 1000
BUCKETS = """    FOR bucket IN SELECT DISTINCT abs(hashtext(g) % 256) AS b FROM unnest(groups) AS g ORDER BY b LOOP
        PERFORM pg_advisory_xact_lock(hashtext('claims_summaries'), bucket);
    END LOOP;
"""
PER_GROUP = f"""    IF cardinality(groups) > {MANY} THEN
        PERFORM pg_advisory_xact_lock(hashtext('claims_summaries_all'), 0);
    ELSE
        PERFORM pg_advisory_xact_lock_shared(hashtext('claims_summaries_all'), 0);
        FOR bucket IN SELECT DISTINCT hashtext(g) AS b FROM unnest(groups) AS g ORDER BY b LOOP
            PERFORM pg_advisory_xact_lock(hashtext('claims_summaries_group'), bucket);
        END LOOP;
    END IF;
"""
if BUCKETS not in CIVILIAN.POSTGRES_FUNCTION:
    raise RuntimeError("0011's refresh no longer holds the bucket locks this migration replaces")
POSTGRES_FUNCTION = CIVILIAN.POSTGRES_FUNCTION.replace(BUCKETS, PER_GROUP)


def install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTGRES_FUNCTION, None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CIVILIAN.POSTGRES_FUNCTION, None)


class Migration(migrations.Migration):
    dependencies = [("claims", "0018_reference_check_dates")]

    operations = [migrations.RunPython(install, uninstall)]
