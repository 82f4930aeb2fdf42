"""Real services for the full-stack tests: Postgres, Redis, and `celery -A config worker` subprocesses.

Workers are pointed at pytest's test database through DATABASE_URL and listen on a queue of
their own; the test process switches its Celery app from eager mode to that queue. Tests here
use transactional_db, so what they write is committed and a worker can read it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.db import connection

from tests.fullstack.stack import Worker, celery_broker, database_url, new_queue, purge_queue


def _worker(queue: str, **kwargs) -> Worker:
    return Worker(
        queue=queue,
        database_url=database_url(connection.settings_dict),
        redis_url=settings.REDIS_URL,
        **kwargs,
    )


@pytest.fixture(scope="session")
def session_worker(django_db_setup, django_db_blocker) -> Iterator[Worker]:
    """One worker shared by the tests that only need extraction to happen."""
    if not (settings.IS_POSTGRES and settings.REDIS_URL):
        pytest.skip("needs PostgreSQL and Redis")
    worker = _worker(new_queue())
    yield worker
    worker.stop()
    purge_queue(worker.queue, settings.REDIS_URL)


@pytest.fixture
def live_worker(session_worker: Worker, transactional_db) -> Iterator[Worker]:
    """The shared worker, with this process publishing to its queue."""
    with celery_broker(settings.REDIS_URL, session_worker.queue):
        yield session_worker


@pytest.fixture
def start_worker(django_db_setup) -> Iterator[Callable[..., Worker]]:
    """Start workers of the test's own; they are stopped and their queues purged at its end."""
    started: list[Worker] = []

    def start(queue: str, **kwargs) -> Worker:
        worker = _worker(queue, **kwargs)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()
    for queue in {w.queue for w in started}:
        purge_queue(queue, settings.REDIS_URL)
