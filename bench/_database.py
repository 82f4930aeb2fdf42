"""What the database benchmarks share: finding PostgreSQL, their own databases, the seeded claims."""

from __future__ import annotations

import os
import socket
import time
from urllib.parse import urlsplit, urlunsplit

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/claimtrack"
# The dashboard and load benchmarks share one seeded database: seeding a million claims takes minutes.
DASHBOARD_DB = "claimtrack_bench_dash"


def dashboard_database(claims: int = 1_000_000) -> str:
    """The dashboard bench's database for a size: the shared one up to a few million claims, past it one of
    its own per size (ten million claims take half an hour to seed; a run at one size keeps the other)."""
    return DASHBOARD_DB if claims <= 2_000_000 else f"{DASHBOARD_DB}_{round(claims / 1_000_000)}m"


def reachable(url: str, default_port: int = 5432) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://")) and reachable(url)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def admin(url: str, statement: str, params: list | None = None):
    """Run one statement on the server's maintenance database (CREATE/DROP DATABASE); its first row."""
    import psycopg

    dsn = with_database(url, "postgres").replace("postgres://", "postgresql://", 1)
    with psycopg.connect(dsn, autocommit=True) as conn:
        cursor = conn.execute(statement, params)
        return cursor.fetchone() if cursor.description else None


def ensure_database(url: str, name: str) -> None:
    if not admin(url, "SELECT 1 FROM pg_database WHERE datname = %s", [name]):
        admin(url, f'CREATE DATABASE "{name}"')


# What seeding writes, vacuumed and analysed after it (the search documents too: without their statistics a
# word is planned as found in a few hundred articles, whatever its share).
SEEDED_TABLES = (
    "claims_claim",
    "claims_factsummary",
    "claims_daysummary",
    "claims_dimensionsummary",
    "claims_outletsummary",
    "claims_article",
    "claims_articlesearch",
)


def seed_claims(claims: int, reseed: bool, label: str = DASHBOARD_DB) -> None:
    """Fill the (migrated, current) database with `seed_synthetic` unless it already holds enough claims."""
    from django.core.management import call_command
    from django.db import connection

    from claims.models import Claim

    have = Claim.objects.count()
    if have >= claims * 0.95 and not reseed:
        print(f"database {label}: {have:,} claims already there (use --reseed to rebuild)")
        return
    print(f"database {label}: {have:,} claims; seeding {claims:,} ...")
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(SEEDED_TABLES)} CASCADE")
    started = time.monotonic()
    call_command("seed_synthetic", claims=claims)
    print(f"seeded in {time.monotonic() - started:.0f} s")
    with connection.cursor() as cursor:
        # The visibility map lets the summaries' index-only scans skip the heap, as autovacuum
        # would arrange on a live database.
        for table in SEEDED_TABLES:
            cursor.execute(f"VACUUM ANALYZE {table}")


def on_dashboard_database(bench: str, name: str = DASHBOARD_DB) -> bool:
    """Point Django at a dashboard bench's database (created when missing), set it up and migrate it; False,
    after saying so, where no PostgreSQL is reachable."""
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if not is_postgres(url):
        print(f"{bench}: needs PostgreSQL (set DATABASE_URL); skipped")
        return False
    ensure_database(url, name)
    os.environ["DATABASE_URL"] = with_database(url, name)
    os.environ.setdefault("SECRET_KEY", "bench-only-secret-key")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["LOG_LEVEL"] = "WARNING"

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    return True
