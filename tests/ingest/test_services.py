"""Services of the ingest path: storing, deduplicating, extracting idempotently, sweeping."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
import time_machine
from django.db import OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from claims.models import Article, Claim, Claimant, Outlet, Place, Region, Unit
from ingest import services
from ingest.models import UploadItem
from ingest.parsers import ParsedDocument
from ingest.services import (
    article_extract,
    article_ingest,
    article_retry,
    articles_reprocess,
    articles_requeue_stale,
    batch_create,
    batch_file_add,
)
from tests.factories import ArticleFactory, ClaimFactory, UserFactory
from tests.ingest.fakes import FakeClaim, FakeExtraction

pytestmark = pytest.mark.django_db

TEXT = "Russia lost 1,610 men.\nThe General Staff said so on Monday."


def doc(text: str = TEXT, **fields) -> ParsedDocument:
    return ParsedDocument(text=text, kind=fields.pop("kind", "txt"), **fields)


def queued(text: str = TEXT, **fields) -> Article:
    return ArticleFactory(text=text, status=Article.Status.QUEUED, **fields)


# --- storing -----------------------------------------------------------------------------------


def test_an_article_is_stored_queued_and_enqueued_only_after_commit(
    django_capture_on_commit_callbacks, monkeypatch
):
    published: list[int] = []
    monkeypatch.setattr(services, "article_enqueue", published.append)
    with django_capture_on_commit_callbacks() as callbacks:
        result = article_ingest(document=doc(), source_name="a.txt")
        assert published == []
    assert result.created and result.article.status == Article.Status.QUEUED
    assert len(callbacks) == 1
    callbacks[0]()
    assert published == [result.article.pk]


def test_the_same_text_again_links_the_stored_article_and_stores_nothing(django_capture_on_commit_callbacks):
    first = article_ingest(document=doc(), source_name="a.txt").article
    with django_capture_on_commit_callbacks() as callbacks:
        again = article_ingest(
            document=doc("  russia LOST 1,610 men.   The General Staff\nsaid so on Monday. ")
        )
    assert not again.created and again.article == first
    assert again.message == f"Already stored as article #{first.pk} “{first}”; nothing new was stored."
    assert Article.objects.count() == 1 and callbacks == []


def test_the_uploaders_fields_win_over_the_files_metadata():
    document = doc(
        title="File title", published=date(2024, 1, 1), outlet="File Outlet", url="https://file.example/a"
    )
    article = article_ingest(
        document=document, outlet="Form Outlet", url="https://www.form.example/b", published=date(2024, 2, 2)
    ).article
    assert (article.outlet.name, article.outlet.domain) == ("Form Outlet", "form.example")
    assert article.url == "https://www.form.example/b"
    assert (article.published, article.published_source) == (date(2024, 2, 2), "form")
    assert article.title == "File title"


def test_the_files_metadata_is_used_when_the_form_leaves_it_out():
    document = doc(published=date(2024, 1, 1), outlet="File Outlet", url="https://file.example/a")
    article = article_ingest(document=document).article
    assert (article.published, article.published_source) == (date(2024, 1, 1), "file")
    assert article.outlet.name == "File Outlet" and article.url == "https://file.example/a"


def test_without_a_date_the_dateline_gives_it():
    article = article_ingest(document=doc("Kyiv, November 24, 2024 - Russia lost 1,610 men.")).article
    assert (article.published, article.published_source) == (date(2024, 11, 24), "dateline")


def test_without_a_dateline_the_latest_date_in_the_text_is_the_guess_and_said():
    batch = batch_create()
    text = b"Russia has lost 1,610 men since November 20, 2024, and 1,500 more by November 24, 2024."
    item = batch_file_add(batch=batch, name="a.txt", content=io.BytesIO(text))
    assert (item.article.published, item.article.published_source) == (date(2024, 11, 24), "text")
    assert item.message == "Dated 2024-11-24, the latest date in its text: check it on its page."


@time_machine.travel("2025-03-04 12:00:00+00:00", tick=False)
def test_without_any_date_the_article_is_undated_and_said_never_dated_by_the_upload_day():
    batch = batch_create()
    item = batch_file_add(batch=batch, name="a.txt", content=io.BytesIO(b"Russia lost 9 tanks on Monday."))
    assert (item.article.published, item.article.published_source) == (None, "")
    assert item.message == (
        "No publication date was given or found: give it on the article's page to date its claims."
    )


def test_an_article_without_a_headline_is_titled_by_its_file_name():
    batch = batch_create()
    item = batch_file_add(
        batch=batch,
        name="kursk_losses-2024.txt",
        content=io.BytesIO(b"Russia lost 9 tanks on Monday, Kyiv said."),
    )
    assert item.article.title == "kursk losses 2024"


def test_an_outlet_is_found_by_the_urls_domain_when_no_name_is_given():
    known = Outlet.objects.create(name="Kyiv Daily", domain="kyivdaily.example")
    article = article_ingest(document=doc(), url="https://www.kyivdaily.example/x").article
    assert article.outlet == known


def test_a_broker_that_refuses_the_publish_leaves_the_article_queued(monkeypatch):
    def refuse(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:1. Connection refused.")

    monkeypatch.setattr("ingest.tasks.extract_article_task.apply_async", refuse)
    article = queued()
    assert services.article_enqueue(article.pk) is False
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED


def test_a_batch_with_a_bad_file_stores_the_good_ones_and_reports_the_bad_one():
    batch = batch_create(user=UserFactory())
    files = [
        ("good-1.txt", b"Russia lost 1,610 men."),
        ("bad.txt", b" \n "),
        ("good-2.txt", b"Russia lost 9 tanks."),
    ]
    for name, data in files:
        batch_file_add(batch=batch, name=name, content=io.BytesIO(data), size=len(data))
    states = list(batch.items.values_list("name", "state", "message"))
    assert states == [
        ("good-1.txt", "stored", states[0][2]),
        ("bad.txt", "rejected", "This file is empty or holds only whitespace."),
        ("good-2.txt", "stored", states[2][2]),
    ]
    assert Article.objects.count() == 2


def test_an_unexpected_parser_failure_refuses_that_file_only(monkeypatch):
    def explode(name, data):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(services, "parse", explode)
    item = batch_file_add(batch=batch_create(), name="odd.html", content=io.BytesIO(b"<p>x</p>"))
    assert (item.state, item.message) == (UploadItem.State.REJECTED, "This file could not be read.")
    assert Article.objects.count() == 0


# --- extracting --------------------------------------------------------------------------------


def test_extraction_stores_claims_with_registry_links_and_marks_the_article_done(fake_engine):
    region = Region.objects.create(name="Testland Oblast", slug="testland", country="UA")
    place = Place.objects.create(name="Testville", slug="testville", region=region)
    unit = Unit.objects.create(name="99th Test Brigade", slug="99th", side="UA")
    claimant = Claimant.objects.create(name="Test General Staff", slug="tgs", side="UA")
    fake_engine.result = FakeExtraction(
        [
            FakeClaim(
                region="Testland Oblast",
                place="Testville",
                unit="99th Test Brigade",
                unit_raw="99th Test Bde",
                claimant="Test General Staff",
                date="2024-11-24",
            ),
            FakeClaim(
                category="engagement", value=None, unit="Unknown Unit", unit_raw="the 7th", start=23, end=40
            ),
        ],
        unverified=True,
        engine_version="fake-7",
    )
    article = queued()
    assert article_extract(article_id=article.pk) == "done"

    article.refresh_from_db()
    assert (article.status, article.attempts, article.extractor_version, article.unverified) == (
        "done",
        1,
        "fake-7",
        True,
    )
    assert article.processed_at is not None and article.error == ""
    first, second = article.claims.order_by("start")
    assert (first.region, first.place, first.unit, first.claimant) == (region, place, unit, claimant)
    assert (first.unit_raw, first.region_raw, first.date) == (
        "99th Test Bde",
        "Testland Oblast",
        date(2024, 11, 24),
    )
    assert first.fact_key == first.compute_fact_key() and first.extractor_version == "fake-7"
    assert (second.unit, second.unit_raw, second.value) == (None, "the 7th", None)


def test_a_claim_without_a_figure_is_dropped_unless_it_is_an_engagement(fake_engine):
    fake_engine.result = FakeExtraction([FakeClaim(value=None), FakeClaim(value=5, start=3, end=9)])
    article = queued()
    article_extract(article_id=article.pk)
    assert list(article.claims.values_list("value", flat=True)) == [5]


def test_running_again_replaces_machine_claims_and_keeps_reviewed_ones(fake_engine):
    article = queued()
    article_extract(article_id=article.pk)
    kept = ClaimFactory(
        article=article, review_status=Claim.ReviewStatus.CONFIRMED, value=1610, start=0, end=22
    )
    added = ClaimFactory(article=article, origin=Claim.Origin.REVIEWER, value=7, start=30, end=40)
    rejected = ClaimFactory(
        article=article,
        category="killed",
        review_status=Claim.ReviewStatus.REJECTED,
        value=3,
        start=50,
        end=60,
    )
    fake_engine.result = FakeExtraction(
        [
            FakeClaim(value=1610, start=0, end=22),  # the confirmed one: not stored twice
            FakeClaim(category="killed", value=3, start=50, end=60),  # the rejected one: stays rejected
            FakeClaim(category="captured", value=12, start=23, end=29),  # new
        ]
    )
    articles_reprocess(articles=Article.objects.filter(pk=article.pk), enqueue=False)
    assert article_extract(article_id=article.pk) == "done"

    claims = article.claims.order_by("start")
    assert {c.pk for c in claims} >= {kept.pk, added.pk, rejected.pk}
    assert [(c.category, c.value, c.review_status, c.origin) for c in claims] == [
        ("casualties", 1610, "confirmed", "machine"),
        ("captured", 12, "unreviewed", "machine"),
        ("casualties", 7, "unreviewed", "reviewer"),
        ("killed", 3, "rejected", "machine"),
    ]


def test_running_twice_in_a_row_gives_the_same_claims_once(fake_engine):
    article = queued()
    article_extract(article_id=article.pk)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.QUEUED)
    article_extract(article_id=article.pk)
    assert article.claims.count() == 1


def test_a_finished_or_missing_article_is_skipped_quietly(fake_engine):
    done = ArticleFactory(status=Article.Status.DONE)
    assert article_extract(article_id=done.pk) == "skipped"
    assert article_extract(article_id=999_999) == "skipped"
    assert fake_engine.calls == 0


def test_an_engine_error_marks_the_article_failed_with_its_text(fake_engine):
    fake_engine.error = ValueError("no sentence boundary found")
    article = queued()
    assert article_extract(article_id=article.pk) == "failed"
    article.refresh_from_db()
    assert (article.status, article.error) == ("failed", "ValueError: no sentence boundary found")
    assert article.claims.count() == 0


def test_a_database_error_propagates_for_the_task_to_retry(fake_engine, monkeypatch):
    def lost_connection():
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("ingest.services.registries_from_db", lost_connection)
    article = queued()
    with pytest.raises(OperationalError):
        article_extract(article_id=article.pk)
    article.refresh_from_db()
    assert article.status == Article.Status.PROCESSING


def test_a_run_overtaken_by_a_later_claim_stores_nothing(fake_engine):
    article = queued()
    # Another delivery claims the article while this run's engine is still reading it.
    fake_engine.before_return = lambda: Article.objects.filter(pk=article.pk).update(attempts=5)
    assert article_extract(article_id=article.pk) == "superseded"
    assert article.claims.count() == 0


def test_the_task_retries_database_errors_with_backoff():
    from ingest.tasks import extract_article_task

    assert OperationalError in extract_article_task.autoretry_for
    assert extract_article_task.retry_backoff and extract_article_task.retry_jitter
    assert extract_article_task.max_retries == 5
    assert extract_article_task.acks_late and extract_article_task.reject_on_worker_lost


def test_a_failed_article_is_retried_and_extracted(fake_engine, django_capture_on_commit_callbacks):
    article = ArticleFactory(status=Article.Status.FAILED, error="boom")
    with django_capture_on_commit_callbacks(execute=True):
        assert article_retry(article=article) is True
    article.refresh_from_db()
    assert (article.status, article.error, article.claims.count()) == ("done", "", 1)
    assert article_retry(article=article) is False


# --- sweeping ----------------------------------------------------------------------------------


def test_the_sweep_requeues_only_articles_stuck_longer_than_the_limit(
    monkeypatch, django_capture_on_commit_callbacks
):
    published: list[int] = []
    monkeypatch.setattr(services, "chunks_enqueue", lambda ids, size: published.extend(ids))
    old = timezone.now() - timedelta(minutes=10)
    stuck_queued, stuck_processing, fresh, done = (
        queued(text="a"),
        queued(text="b"),
        queued(text="c"),
        ArticleFactory(text="d"),
    )
    Article.objects.filter(pk__in=[stuck_queued.pk, stuck_processing.pk, done.pk]).update(
        status_changed_at=old
    )
    Article.objects.filter(pk=stuck_processing.pk).update(status=Article.Status.PROCESSING)

    with django_capture_on_commit_callbacks(execute=True):
        ids = articles_requeue_stale(older_than=timedelta(minutes=5))
    assert sorted(ids) == sorted(published) == sorted([stuck_queued.pk, stuck_processing.pk])
    stuck_processing.refresh_from_db()
    assert stuck_processing.status == Article.Status.QUEUED and stuck_processing.status_changed_at > old
    # Just swept: the next sweep leaves them alone for another period.
    assert articles_requeue_stale(older_than=timedelta(minutes=5)) == []
    fresh.refresh_from_db()
    assert fresh.status == Article.Status.QUEUED


def test_an_article_stuck_in_the_queue_may_be_retried_but_not_a_fresh_one():
    article = queued()
    assert article_retry(article=article) is False
    Article.objects.filter(pk=article.pk).update(status_changed_at=timezone.now() - timedelta(hours=1))
    assert article_retry(article=article) is True
    article.refresh_from_db()
    assert article.status == Article.Status.QUEUED and article.status_changed_at > timezone.now() - timedelta(
        1
    )
    assert article_retry(article=ArticleFactory(status=Article.Status.DONE)) is False


def test_a_file_name_that_is_only_folders_is_stored_as_unnamed_and_refused_for_its_ending():
    item = batch_file_add(batch=batch_create(), name="../../", content=io.BytesIO(b"Russia lost 9 tanks."))
    assert (item.name, item.state) == ("unnamed", UploadItem.State.REJECTED)
    assert (
        item.message
        == "Files without an ending such as .txt can't be read; upload .txt, .html, .htm or .pdf files."
    )
    assert Article.objects.count() == 0


# --- time limits -------------------------------------------------------------------------------


def test_a_run_stopped_by_the_soft_time_limit_is_failed_with_the_reason(fake_engine, settings):
    from celery.exceptions import SoftTimeLimitExceeded

    fake_engine.error = SoftTimeLimitExceeded()
    article = queued()
    assert article_extract(article_id=article.pk) == "failed"
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error == (
        f"Extraction stopped at the time limit ({settings.CELERY_TASK_SOFT_TIME_LIMIT} s, set by "
        f"EXTRACT_TIME_LIMIT) on a text of {len(TEXT):,} characters."
    )


def test_an_article_whose_runs_never_finished_fails_at_the_attempts_limit(fake_engine, settings):
    settings.EXTRACT_MAX_ATTEMPTS = 3
    article = queued()
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, attempts=2)
    # Two runs claimed it and never finished: a third may still try.
    assert article_extract(article_id=article.pk) == "done"
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, attempts=3)
    calls = fake_engine.calls
    assert article_extract(article_id=article.pk) == "failed"
    assert fake_engine.calls == calls
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error.startswith("Gave up after 3 attempts that each ended without a result")


def test_a_retried_article_counts_its_attempts_afresh(fake_engine, django_capture_on_commit_callbacks):
    article = ArticleFactory(status=Article.Status.FAILED, error="Gave up after 3 attempts", attempts=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert article_retry(article=article) is True
    article.refresh_from_db()
    assert (article.status, article.attempts) == (Article.Status.DONE, 1)


def test_the_sweep_never_enqueues_a_run_still_inside_its_time_limit(monkeypatch, settings):
    published: list[int] = []
    monkeypatch.setattr(services, "article_enqueue", published.append)
    article = queued()
    started = timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT - 1)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PROCESSING, status_changed_at=started)
    assert articles_requeue_stale(older_than=settings.EXTRACT_STALE_AFTER) == []
    # Past the stale window, which is longer than the time limit, the run is certainly over.
    over = timezone.now() - settings.EXTRACT_STALE_AFTER - timedelta(seconds=1)
    Article.objects.filter(pk=article.pk).update(status_changed_at=over)
    assert articles_requeue_stale(older_than=settings.EXTRACT_STALE_AFTER) == [article.pk]


def test_the_sweep_fails_an_article_whose_runs_kept_dying_instead_of_queueing_it_again(monkeypatch, settings):
    published: list[int] = []
    monkeypatch.setattr(services, "article_enqueue", published.append)
    settings.EXTRACT_MAX_ATTEMPTS = 3
    article = queued()
    long_ago = timezone.now() - settings.EXTRACT_STALE_AFTER - timedelta(minutes=1)
    Article.objects.filter(pk=article.pk).update(
        status=Article.Status.PROCESSING, attempts=3, status_changed_at=long_ago
    )
    assert articles_requeue_stale(older_than=settings.EXTRACT_STALE_AFTER) == []
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED
    assert article.error.startswith("Gave up after 3 attempts")


# --- details -------------------------------------------------------------------------------------


def test_the_same_text_again_with_a_date_fills_in_what_the_stored_article_lacked(
    fake_engine, django_capture_on_commit_callbacks
):
    first = article_ingest(document=doc("Russia lost 9 tanks on Monday, Kyiv said.")).article
    assert first.published is None
    Article.objects.filter(pk=first.pk).update(status=Article.Status.DONE)
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        again = article_ingest(
            document=doc("Russia lost 9 tanks on Monday, Kyiv said.", outlet="Kyiv Daily"),
            published=date(2024, 11, 26),
            user=user,
        )
    assert not again.created
    assert again.message == (
        f"Already stored as article #{first.pk}; added what it lacked: outlet Kyiv Daily, "
        "publication date 2024-11-26. Its claims are being read again for the new date."
    )
    first.refresh_from_db()
    assert (first.published, first.published_source, first.outlet.name) == (
        date(2024, 11, 26),
        "form",
        "Kyiv Daily",
    )
    assert first.status == Article.Status.DONE and fake_engine.calls == 1  # read again for the new date
    change = first.changes.get()
    assert (change.user, change.before, change.after) == (
        user,
        {"outlet": "", "published": None},
        {"outlet": "Kyiv Daily", "published": "2024-11-26"},
    )


def test_the_same_text_again_with_nothing_new_stores_nothing_and_says_so():
    first = article_ingest(document=doc(), published=date(2024, 11, 26), outlet="Kyiv Daily").article
    again = article_ingest(document=doc(), published=date(2024, 12, 1), outlet="Other")
    assert again.message == f"Already stored as article #{first.pk} “{first}”; nothing new was stored."
    assert not first.changes.exists()


def test_editing_the_details_records_before_and_after_and_rereads_for_a_new_date(
    fake_engine, django_capture_on_commit_callbacks
):
    article = ArticleFactory(status=Article.Status.DONE, published=date(2026, 11, 24), title="Old")
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        change = services.article_details_edit(
            article_id=article.pk, user=user, values={"published": date(2024, 11, 24), "title": "New"}
        )
    article.refresh_from_db()
    assert (article.title, article.published, article.published_source) == ("New", date(2024, 11, 24), "form")
    assert change.before == {"title": "Old", "published": "2026-11-24"}
    assert change.after == {"title": "New", "published": "2024-11-24"}
    assert change.note == "Its claims are being read again for the new date."
    assert fake_engine.calls == 1
    # The same values again change nothing and record nothing.
    assert services.article_details_edit(article_id=article.pk, user=user, values={"title": "New"}) is None
    assert article.changes.count() == 1


def test_an_upload_of_several_files_is_extracted_in_chunks_and_one_file_by_a_task_of_its_own(
    monkeypatch, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    chunks, singles = [], []
    monkeypatch.setattr(services, "chunks_enqueue", lambda ids, size: chunks.append((list(ids), size)))
    monkeypatch.setattr(services, "article_enqueue", singles.append)
    user = UserFactory()
    files = [
        SimpleUploadedFile(f"{n}.txt", f"Russia lost {n} tanks on Monday, Kyiv said.".encode())
        for n in (7, 8)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.upload_ingest(user=user, files=files, text="Russia lost 9 tanks, Kyiv said.")
    ids = list(outcome.batch.items.order_by("position").values_list("article_id", flat=True))
    assert (chunks, singles) == ([(ids, services.UPLOAD_CHUNK)], [])
    with django_capture_on_commit_callbacks(execute=True):
        one = services.upload_ingest(
            user=user, files=[SimpleUploadedFile("10.txt", b"Russia lost 10 tanks.")]
        )
    assert singles == [one.batch.items.get().article_id] and len(chunks) == 1
