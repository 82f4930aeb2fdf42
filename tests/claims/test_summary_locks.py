"""The summaries' refresh on PostgreSQL (migration 0019): two transactions wait on each other only when they
recompute the same day group, and one that changes very many groups excludes every other refresh."""

from __future__ import annotations

import datetime

import psycopg
import pytest
from django.db import connection, transaction

from claims.models import Claim
from tests.factories import ClaimFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the lock scheme is PostgreSQL's"),
]

COLUMNS = [f'"{f.column}"' for f in Claim._meta.concrete_fields if not f.primary_key]


def _other_session() -> psycopg.Connection:
    """A second session on the test database, waiting at most a second for a lock."""
    params = connection.get_connection_params()
    keys = ("dbname", "user", "password", "host", "port")
    other = psycopg.connect(**{k: params[k] for k in keys if params.get(k)})
    other.execute("SET lock_timeout = '1s'")
    return other


def _copy_on(session: psycopg.Connection, template: Claim, days: list[datetime.date]) -> None:
    """Insert copies of ``template`` on each of ``days`` in one statement."""
    picked = ", ".join("d.day" if c == '"date"' else f"c.{c}" for c in COLUMNS)
    session.execute(
        f"INSERT INTO claims_claim ({', '.join(COLUMNS)}) SELECT {picked} FROM claims_claim c, "
        "unnest(%s::date[]) AS d(day) WHERE c.id = %s",
        [days, template.pk],
    )


def _apart_from_this_transaction(other: psycopg.Connection) -> None:
    """Start a transaction in ``other`` that counts the data version on another row than this session's
    (claims_dataversion has sixteen, picked by transaction id), so only the summaries' locks can meet."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT mod(txid_current(), 16)")
        mine = cursor.fetchone()[0]
    while other.execute("SELECT mod(txid_current(), 16)").fetchone()[0] == mine:
        other.rollback()


def _group(claim: Claim, day: datetime.date) -> str:
    parts = (claim.category, claim.equipment or "", claim.subject_side, claim.claimant_side, claim.period)
    return "|".join(str(p) for p in (day, *parts))


def _old_bucket_collision(template: Claim) -> tuple[datetime.date, datetime.date]:
    """Two days whose groups fell in the same one of 0011's 256 lock buckets."""
    seen: dict[int, datetime.date] = {}
    with connection.cursor() as cursor:
        for n in range(1, 400):
            day = datetime.date(2024, 1, 1) + datetime.timedelta(days=n)
            cursor.execute("SELECT abs(hashtext(%s) %% 256)", [_group(template, day)])
            bucket = cursor.fetchone()[0]
            if bucket in seen:
                return seen[bucket], day
            seen[bucket] = day
    raise AssertionError("no two days share a bucket")  # pragma: no cover - 400 days in 256 buckets


def test_refreshes_of_different_day_groups_do_not_wait_on_each_other():
    template = ClaimFactory(date=datetime.date(2023, 6, 1))
    first, second = _old_bucket_collision(template)
    other = _other_session()
    try:
        with transaction.atomic():
            ClaimFactory(date=first)  # holds its group's lock until the end
            _apart_from_this_transaction(other)
            _copy_on(other, template, [second])  # once waited here: the same bucket
            other.commit()
            with pytest.raises(psycopg.errors.LockNotAvailable):
                _apart_from_this_transaction(other)
                _copy_on(other, template, [first])  # the same group still waits
            other.rollback()
    finally:
        other.close()
    assert Claim.objects.filter(date__in=[first, second]).count() == 2


def test_a_statement_changing_very_many_groups_waits_for_every_other_refresh():
    template = ClaimFactory(date=datetime.date(2023, 6, 1))
    days = [datetime.date(2020, 1, 1) + datetime.timedelta(days=n) for n in range(1001)]
    other = _other_session()
    try:
        with transaction.atomic():
            ClaimFactory(date=datetime.date(2024, 5, 5))
            _apart_from_this_transaction(other)
            with pytest.raises(psycopg.errors.LockNotAvailable):
                _copy_on(other, template, days)
            other.rollback()
        _copy_on(other, template, days)  # alone, it goes through
        other.commit()
    finally:
        other.close()
    assert Claim.objects.filter(date__in=days).count() == 1001


def test_a_transaction_of_many_statements_takes_the_exclusive_lock_once_it_passes_the_limit():
    # A bulk load (seed_synthetic's COPY batches) in one transaction: its group locks would fill the table.
    template = ClaimFactory(date=datetime.date(2023, 6, 1))
    first = [datetime.date(2015, 1, 1) + datetime.timedelta(days=n) for n in range(600)]
    second = [datetime.date(2017, 1, 1) + datetime.timedelta(days=n) for n in range(600)]
    other = _other_session()
    try:
        with transaction.atomic():
            ClaimFactory(date=datetime.date(2024, 5, 5))  # holds the shared lock every refresh takes
            _apart_from_this_transaction(other)
            _copy_on(other, template, first)  # 600 group locks: still within the limit
            with pytest.raises(psycopg.errors.LockNotAvailable):
                _copy_on(other, template, second)  # 1,200 in all: the exclusive lock, which waits
            other.rollback()
        _copy_on(other, template, first)
        _copy_on(other, template, second)  # alone, it goes through holding one lock, not 1,200
        assert other.execute("SELECT current_setting('claims.summary_locks')").fetchone()[0] == "-1"
        other.commit()
    finally:
        other.close()
    assert Claim.objects.filter(date__in=first + second).count() == 1200
