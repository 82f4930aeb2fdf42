"""The ingest path on the real stack: Django test client -> Postgres -> Redis -> a real Celery worker.

The kill tests hold a task in flight with EXTRACT_TEST_DELAY_SECONDS, a setting only the test
workers have (tests/fullstack/worker_settings.py) and that applies only to an article's first
attempt. A deliberately huge article would also keep a worker busy, but for a time that
depends on the engine's speed and the machine; the delay makes "the task is running" a fact
the test can wait for (the article turns processing) and keeps the test seconds long.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from claims.models import Article
from claims.selectors import registries_from_db
from extraction import ENGINE_VERSION, extract
from ingest.models import UploadItem
from ingest.parsers import parse
from ingest.services import article_ingest
from ingest.tasks import sweep_stale_articles
from tests.fullstack.stack import celery_broker, new_queue, wait_for

pytestmark = [pytest.mark.postgres, pytest.mark.redis]

SHARED = Path(settings.BASE_DIR).parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "claims-spec" / "dev-gold.jsonl"
DEMO = Path(settings.BASE_DIR) / "ingest" / "demo_articles"


def expected_claim_count(article: Article) -> int:
    """What the engine finds in the article run here, in-process: the worker must store exactly that."""
    extraction = extract(
        article.text,
        published=article.published,
        registries=registries_from_db(),
        title=article.title or None,
    )
    return sum(1 for c in extraction.claims if c.value is not None or c.category == "engagement")


def all_done(ids: list[int]) -> bool:
    return Article.objects.filter(pk__in=ids, status__in=["done", "failed"]).count() == len(ids)


def assert_extracted_once(article: Article) -> None:
    article.refresh_from_db()
    assert article.status == Article.Status.DONE, article.error
    assert article.extractor_version == ENGINE_VERSION
    assert article.claims.count() == expected_claim_count(article)


def upload(client, name: str, data: bytes, **fields) -> UploadItem:
    response = client.post(reverse("ingest:upload"), {"files": [SimpleUploadedFile(name, data)], **fields})
    assert response.status_code == 302, response.content[:500]
    return UploadItem.objects.latest("pk")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seed articles are not on this machine")
def test_seed_and_demo_articles_uploaded_through_the_form_get_claims_from_a_real_worker(
    live_worker, client_for, bob
):
    client = client_for(bob)
    gold_dates = (
        {json.loads(line)["id"]: json.loads(line)["published"] for line in GOLD.open()}
        if GOLD.exists()
        else {}
    )
    seed_ids = []
    for path in sorted(SEEDS.glob("*.txt")):
        item = upload(client, path.name, path.read_bytes(), published=gold_dates.get(path.stem, ""))
        assert item.state == UploadItem.State.STORED
        seed_ids.append(item.article_id)
    # The demo articles go up as one batch of many files, with the files' own metadata.
    demo_files = [
        SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(DEMO.iterdir()) if p.suffix != ".json"
    ]
    response = client.post(reverse("ingest:upload"), {"files": demo_files})
    assert response.status_code == 302
    demo_items = UploadItem.objects.filter(batch=UploadItem.objects.latest("pk").batch)
    demo_ids = list(demo_items.values_list("article_id", flat=True))
    assert len(demo_ids) == len(demo_files) and None not in demo_ids

    wait_for(lambda: all_done(seed_ids + demo_ids), timeout=90, what="the worker to extract every article")
    seeds = Article.objects.filter(pk__in=seed_ids)
    for article in seeds:
        assert_extracted_once(article)
        assert article.claims.exists(), f"no claims stored for seed {article.source_name}"
    for article in Article.objects.filter(pk__in=demo_ids):
        assert_extracted_once(article)
    assert sum(a.claims.count() for a in Article.objects.filter(pk__in=demo_ids)) > len(demo_ids)

    # The batch page, polled as HTMX polls it, now says every row is finished and stops polling.
    page = client.get(response["Location"], headers={"HX-Request": "true"})
    assert b"every 1s" not in page.content and page.content.count(b"badge-done") == len(demo_ids)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_upload_while_redis_is_down_succeeds_and_the_sweep_gets_it_extracted(live_worker, client_for, bob):
    text = b"Russia lost 1,480 troops in one day, Ukraine's General Staff said on Nov. 2, 2024.\n"
    with celery_broker(f"redis://127.0.0.1:{_closed_port()}/0", live_worker.queue):
        started = time.monotonic()
        item = upload(client_for(bob), "down.txt", text, published="2024-11-02")
        took = time.monotonic() - started
    assert took < 5, f"the upload waited {took:.1f}s on the dead broker"
    article = item.article
    assert item.state == UploadItem.State.STORED and article.status == Article.Status.QUEUED

    time.sleep(1)
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED, "nothing was published, so nothing may have run"

    # Redis is back (the live worker's broker): the sweep publishes what the dead broker lost.
    with override_settings(EXTRACT_STALE_AFTER=timedelta(0)):
        assert sweep_stale_articles() == 1
    wait_for(lambda: all_done([article.pk]), what="the swept article to be extracted")
    assert_extracted_once(article)


def _store_for_extraction(text: str) -> Article:
    document = parse("held.txt", text.encode())
    with transaction.atomic():
        return article_ingest(document=document, source_name="held.txt", published=date(2024, 11, 26)).article


HELD_TEXT = (
    "Ukraine says Russia lost 1,530 troops in a day\n"
    "Russia lost 1,530 troops and 12 tanks over the past day, the General Staff of Ukraine's Armed Forces "
    "said on Tuesday. Russia's Defence Ministry said Ukraine lost up to 310 servicemen in the Kursk "
    "direction.\n"
)


def _wait_processing(article: Article) -> None:
    wait_for(
        lambda: Article.objects.filter(pk=article.pk, status="processing", attempts=1).exists(),
        timeout=30,
        what="the worker to start on the article",
    )


def test_a_worker_killed_whole_mid_task_leaves_the_article_to_the_sweep_and_another_worker(
    start_worker, transactional_db
):
    queue = new_queue()
    with celery_broker(settings.REDIS_URL, queue):
        first = start_worker(queue, delay=60)
        article = _store_for_extraction(HELD_TEXT)
        _wait_processing(article)
        first.kill()

        second = start_worker(queue)
        with override_settings(EXTRACT_STALE_AFTER=timedelta(0)):
            assert sweep_stale_articles() == 1
        wait_for(lambda: all_done([article.pk]), what="the second worker to extract the article")
    assert_extracted_once(article)
    assert article.attempts == 2
    assert second.process.poll() is None


def test_a_pool_process_killed_mid_task_has_its_task_delivered_again(start_worker, transactional_db):
    queue = new_queue()
    with celery_broker(settings.REDIS_URL, queue):
        worker = start_worker(queue, delay=60)
        article = _store_for_extraction(HELD_TEXT.replace("1,530", "1,540"))
        _wait_processing(article)
        (child,) = worker.pool_children()
        os.kill(child, signal.SIGKILL)
        # acks_late + reject_on_worker_lost: the message goes back to the queue and the
        # worker's new pool process runs it again (a second attempt, without the delay).
        wait_for(lambda: all_done([article.pk]), what="the requeued task to run again")
    assert_extracted_once(article)
    assert article.attempts == 2
    assert "WorkerLostError" in worker.output() or "exited with" in worker.output()


def _chunk_in_flight(start_worker, queue: str, *, first: int, n: int, delay: float):
    """``n`` articles published as one chunk to a worker of ``queue`` that holds its first attempt for
    ``delay`` seconds; returns (the worker, the article ids) once the worker has claimed them all."""
    from claims.models import content_hash
    from ingest.services import chunks_enqueue

    texts = [HELD_TEXT.replace("1,530", f"{first + k:,}") for k in range(n)]
    ids = [
        Article.objects.create(
            text=t, content_hash=content_hash(t), published=date(2024, 11, 26), source_kind="txt"
        ).pk
        for t in texts
    ]
    worker = start_worker(queue, delay=delay)
    assert chunks_enqueue(ids, size=len(ids)) == 1
    wait_for(
        lambda: Article.objects.filter(pk__in=ids, status="processing", attempts=1).count() == len(ids),
        timeout=30,
        what="the worker to start on the chunk",
    )
    return worker, ids


def test_a_pool_process_killed_mid_chunk_has_the_chunk_delivered_again_and_nothing_stored_twice(
    start_worker, transactional_db
):
    queue = new_queue()
    with celery_broker(settings.REDIS_URL, queue):
        worker, ids = _chunk_in_flight(start_worker, queue, first=1_600, n=6, delay=60)
        (child,) = worker.pool_children()
        os.kill(child, signal.SIGKILL)
        # The chunk goes back to the queue (acks_late, reject_on_worker_lost) and runs again, whole.
        wait_for(lambda: all_done(ids), what="the requeued chunk to run again")
    for article in Article.objects.filter(pk__in=ids):
        assert_extracted_once(article)
        assert article.attempts == 2


def test_a_chunk_whose_database_connection_is_terminated_is_retried_and_stores_everything_once(
    start_worker, transactional_db
):
    from django.db import connection

    from claims.models import Claim

    queue = new_queue()
    with celery_broker(settings.REDIS_URL, queue):
        # The worker holds the chunk (its first attempt waits five seconds) with its connection open.
        _worker, ids = _chunk_in_flight(start_worker, queue, first=1_700, n=4, delay=5)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            assert cursor.fetchall(), "the worker had no connection to terminate"
        # Storing fails on the dead connection; the task is retried (OperationalError) and the chunk finishes.
        wait_for(lambda: all_done(ids), timeout=60, what="the retried chunk to finish")
    for article in Article.objects.filter(pk__in=ids):
        assert_extracted_once(article)
        assert article.attempts == 2
    keys = Claim.objects.values("article_id", "start", "category", "subject_side", "equipment")
    assert keys.distinct().count() == Claim.objects.count()  # nothing stored twice


def test_an_extraction_stopped_by_its_time_limit_is_recorded_failed_with_the_reason(
    start_worker, transactional_db
):
    # A 4 s limit (soft limit 3 s), as one deployment's settings give both sides (the publisher writes
    # the limits into the message), and a first attempt held for 30 s: the soft limit ends it.
    queue = new_queue()
    limits = override_settings(CELERY_TASK_TIME_LIMIT=4, CELERY_TASK_SOFT_TIME_LIMIT=3)
    with limits, celery_broker(settings.REDIS_URL, queue):
        worker = start_worker(queue, delay=30, env={"EXTRACT_TIME_LIMIT": "4"})
        article = _store_for_extraction(HELD_TEXT.replace("1,530", "1,550"))
        try:
            wait_for(lambda: all_done([article.pk]), timeout=30, what="the time limit to end the run")
        except AssertionError:
            raise AssertionError(worker.output()[-3000:]) from None
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.attempts == 1
    assert "stopped at the time limit (3 s, set by EXTRACT_TIME_LIMIT)" in article.error


def _redis_server(port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(lambda: _listening(port), timeout=10, what="the private redis-server to listen")
    return process


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_an_archive_import_with_its_redis_restarted_midway_ends_with_every_article_extracted_once(
    tmp_path, transactional_db
):
    from claims.models import Claim
    from ingest.parsers.archive import archive_records
    from ingest.services import archive_import
    from tests.fullstack.stack import Worker, database_url, purge_queue

    port = _closed_port()
    broker = f"redis://127.0.0.1:{port}/0"
    redis = _redis_server(port)
    texts = [HELD_TEXT.replace("1,530", f"{2_000 + n:,}") for n in range(12)]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps({"text": t, "published": "2024-11-26"}) + "\n" for t in texts))
    queue = new_queue()
    worker = Worker(queue=queue, database_url=database_url(transaction.get_connection().settings_dict),
                    redis_url=broker)  # fmt: skip
    try:
        with celery_broker(broker, queue):

            def stop_redis_after_the_first_batch(summary) -> None:
                if summary.read == 4:
                    redis.terminate()
                    redis.wait(timeout=10)

            summary = archive_import(
                archive_records(path, max_bytes=100_000), source_name="archive.jsonl", batch_size=4, chunk=2,
                on_batch=stop_redis_after_the_first_batch,
            )  # fmt: skip
            # Every record stored; the chunks of the batches after the first could not be published.
            assert (summary.stored, summary.tasks) == (12, 2)
            redis = _redis_server(port)
            # Redis is back: the sweep publishes what was lost (the worker reconnects by itself).
            with override_settings(EXTRACT_STALE_AFTER=timedelta(0)):
                sweep_stale_articles()
            ids = list(Article.objects.values_list("pk", flat=True))
            wait_for(lambda: all_done(ids), timeout=90, what="every article of the archive to be extracted")
        for article in Article.objects.all():
            assert_extracted_once(article)
        keys = Claim.objects.values("article_id", "start", "category", "subject_side", "equipment")
        assert keys.distinct().count() == Claim.objects.count()  # nothing stored twice
    finally:
        worker.stop()
        with contextlib.suppress(Exception):
            purge_queue(queue, broker)
        redis.terminate()
        redis.wait(timeout=10)
