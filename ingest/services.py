"""Writes for the ingest path: store uploads, extract an article's claims, re-queue what got stuck.

The article row is the unit of work (NetBox's Job): it is saved with status queued before any
task exists, the task only carries its id, and every state change is a conditional UPDATE so
that a task delivered twice, late or after a crash does no harm.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import IO, Any, Protocol, TypeVar
from urllib.parse import urlsplit

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import Case, F, PositiveIntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from claims.models import Article, ArticleChange, Claim, Outlet, content_hash
from claims.selectors import registries_from_db
from claims.services import claims_replace_for_article, claims_replace_for_articles
from extraction import extract
from ingest.models import UploadBatch, UploadItem
from ingest.parsers import (
    ParsedDocument,
    ParseError,
    clean_line,
    headline,
    human_size,
    parse,
    parse_pasted,
    publication_date,
    safe_file_name,
    title_from_file_name,
)
from ingest.parsers.archive import ArchiveRecord, RecordError

log = logging.getLogger(__name__)

# Publishing to the broker happens inside the upload request: when Redis is down it must fail
# within a second or two, leaving the article queued for the sweep, not hang the page.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
UNREADABLE = "This file could not be read."
# A dropped or refused database connection: worth one more try on a fresh connection.
TRANSIENT_DB_ERRORS = (OperationalError, InterfaceError)
T = TypeVar("T")


class UploadedFileLike(Protocol):
    name: str
    size: int

    def read(self, size: int = -1) -> bytes: ...


@dataclass(frozen=True)
class IngestResult:
    article: Article
    created: bool
    message: str
    # A text already stored that brought what its article lacked (a date, an outlet, an address).
    filled: bool = False


# --- storing -----------------------------------------------------------------------------------


def _duplicate_message(article: Article) -> str:
    return f"Already stored as article #{article.pk} “{article}”; nothing new was stored."


def _already_stored(
    article: Article, document: ParsedDocument, *, outlet: str, url: str, published: date | None, user
) -> IngestResult:
    """The same text again: it may bring what the stored article lacks (a date, an outlet, an address)."""
    url = url or document.url
    found = (
        (published, Article.DateSource.FORM)
        if published
        else _publication(document, None, url, timezone.localdate())
    )
    missing: dict[str, Any] = {}
    if article.published is None and found[0]:
        missing["published"] = found[0]
    if article.outlet_id is None and (outlet or document.outlet):
        missing["outlet"] = clean_line(outlet or document.outlet, 200)
    if not article.url and url:
        missing["url"] = url
    if not article.title and document.title:
        missing["title"] = document.title
    change = _details_change(article, missing, user=user, source=found[1]) if missing else None
    if change is None:
        return IngestResult(article, False, _duplicate_message(article))
    added = ", ".join(f"{label.lower()} {new}" for label, _old, new in change.diff())
    message = f"Already stored as article #{article.pk}; added what it lacked: {added}. {change.note}"
    return IngestResult(article, False, message.strip(), filled=True)


def _domain(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def _outlet_for(name: str, url: str) -> Outlet | None:
    name, domain = clean_line(name, 200), _domain(url)
    if name:
        outlet, _ = Outlet.objects.get_or_create(name=name, defaults={"domain": domain})
        if domain and not outlet.domain:
            Outlet.objects.filter(pk=outlet.pk).update(domain=domain)
        return outlet
    if domain:
        known = Outlet.objects.filter(domain=domain).first()
        return known or Outlet.objects.get_or_create(name=domain, defaults={"domain": domain})[0]
    return None


def _publication(
    document: ParsedDocument, given: date | None, url: str, today: date
) -> tuple[date | None, str]:
    """The uploader's date wins; then wherever the copy carries one (ingest.parsers.dates); else undated."""
    if given:
        return given, Article.DateSource.FORM
    found = publication_date(document.text, today=today, url=url, metadata=document.published)
    return (found.day, found.source) if found else (None, Article.DateSource.NONE)


def article_ingest(
    *,
    document: ParsedDocument,
    source_name: str = "",
    outlet: str = "",
    url: str = "",
    published: date | None = None,
    user=None,
    publish: Callable[[int], object] | None = None,
) -> IngestResult:
    """Store one parsed article as queued and enqueue its extraction once the transaction commits
    (``publish`` is given the article's id then: article_enqueue, or an upload's list of its batch's).

    `outlet`, `url` and `published` are what the uploader typed and win over the file's own
    metadata. Text already stored (same normalised content) returns the stored article with
    `created` False and stores nothing.
    """
    digest = content_hash(document.text)
    with transaction.atomic():
        existing = (
            Article.objects.select_for_update(of=("self",))
            .select_related("outlet")
            .filter(content_hash=digest)
            .first()
        )
        if existing is not None:
            return _already_stored(existing, document, outlet=outlet, url=url, published=published, user=user)
        url = url or document.url
        published_on, published_source = _publication(document, published, url, timezone.localdate())
        article = Article(
            title=(document.title or title_from_file_name(source_name))[:500],
            outlet=_outlet_for(outlet or document.outlet, url),
            url=url[:2000],
            published=published_on,
            published_source=published_source,
            text=document.text,
            content_hash=digest,
            source_name=source_name[:255],
            source_kind=document.kind,
            uploaded_by=user,
            status=Article.Status.QUEUED,
        )
        try:
            # A savepoint: the same text uploaded at the same moment by someone else loses
            # the race on the unique hash and is linked like any other duplicate.
            with transaction.atomic():
                article.save()
        except IntegrityError:
            existing = Article.objects.filter(content_hash=digest).first()
            if existing is None:
                raise
            return IngestResult(existing, False, _duplicate_message(existing))
        transaction.on_commit(partial(publish or article_enqueue, article.pk))
    return IngestResult(article, True, "")


# The details of an article a Contributor or Reviewer may correct, in the order the page shows them.
ARTICLE_DETAILS = ("title", "outlet", "url", "published")


def _details(article: Article) -> dict[str, str | None]:
    return {
        "title": article.title,
        "outlet": article.outlet.name if article.outlet_id else "",
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
    }


def _details_change(
    article: Article, values: Mapping[str, Any], *, user, source: str = Article.DateSource.FORM
) -> ArticleChange | None:
    """Apply new details to a locked article; record the change and re-read it for a new date.

    Runs inside the caller's transaction. Returns None when nothing changed.
    """
    before = _details(article)
    now = {**before}
    for field in set(ARTICLE_DETAILS) & set(values):
        value = values[field]
        now[field] = value.isoformat() if isinstance(value, date) else (value or "")
    now["published"] = now["published"] or None
    changed = [field for field in ARTICLE_DETAILS if now[field] != before[field]]
    if not changed:
        return None
    updates: dict[str, Any] = {}
    if "title" in changed:
        updates["title"] = clean_line(now["title"] or "", 500)
    if "url" in changed:
        updates["url"] = (now["url"] or "")[:2000]
    if "outlet" in changed:
        updates["outlet"] = (
            _outlet_for(now["outlet"] or "", updates.get("url", article.url)) if now["outlet"] else None
        )
    if "published" in changed:
        updates["published"] = date.fromisoformat(now["published"]) if now["published"] else None
        updates["published_source"] = source if now["published"] else Article.DateSource.NONE
    Article.objects.filter(pk=article.pk).update(**updates)
    note = ""
    if "published" in changed:
        # Its relative dates ("yesterday", "on Sunday") resolve against the new day; reviewed claims stay.
        articles_reprocess(articles=Article.objects.filter(pk=article.pk))
        note = "Its claims are being read again for the new date."
    return ArticleChange.objects.create(
        article=article,
        user=user,
        before={f: before[f] for f in changed},
        after={f: now[f] for f in changed},
        note=note,
    )


def article_details_edit(*, article_id: int, user, values: Mapping[str, Any]) -> ArticleChange | None:
    """Correct an article's title, outlet, address or publication date (only the keys given), with history.

    A new or cleared publication date queues the article to be read again, so its relative dates
    move; reviewed claims are kept as re-extraction always keeps them. None when nothing changed.
    """
    with transaction.atomic():
        article = Article.objects.select_for_update(of=("self",)).select_related("outlet").get(pk=article_id)
        return _details_change(article, values, user=user)


def article_enqueue(article_id: int) -> bool:
    """Publish the extraction task; False if the broker is down (the article stays queued for the sweep)."""
    from ingest.tasks import extract_article_task

    try:
        # The limits travel in the message: the worker applies what this deployment's settings say.
        extract_article_task.apply_async(
            (article_id,),
            retry=True,
            retry_policy=PUBLISH_RETRY_POLICY,
            time_limit=settings.CELERY_TASK_TIME_LIMIT,
            soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT,
        )
    except Exception:  # noqa: BLE001 - any broker failure: the sweep publishes it later
        log.warning("could not publish extraction of article %s; it stays queued", article_id, exc_info=True)
        return False
    return True


# Articles an extraction task of the archive path (and of the sweep): a chunk's fixed costs (its queries, its
# alarms' refresh) shared by a hundred articles, while a chunk delivered again redoes about a second's work.
CHUNK = 100


def chunks_enqueue(article_ids: Sequence[int], *, size: int) -> int:
    """Publish the extraction of ``article_ids`` as tasks of ``size`` articles each (the archive path); the
    number of tasks published. One the broker refuses leaves its articles queued, for the sweep."""
    from ingest.tasks import extract_chunk_task

    published = 0
    for at in range(0, len(article_ids), size):
        chunk = list(article_ids[at : at + size])
        try:
            extract_chunk_task.apply_async(
                (chunk,),
                retry=True,
                retry_policy=PUBLISH_RETRY_POLICY,
                # A chunk's limits are its articles' added up.
                time_limit=settings.CELERY_TASK_TIME_LIMIT * len(chunk),
                soft_time_limit=settings.CELERY_TASK_SOFT_TIME_LIMIT * len(chunk),
            )
        except Exception:  # noqa: BLE001 - any broker failure: the sweep publishes them later
            log.warning(
                "could not publish a chunk of %d articles; they stay queued", len(chunk), exc_info=True
            )
            continue
        published += 1
    return published


@dataclass
class ArchiveSummary:
    """What an archive's import did: records stored, already stored (a queued one published again, so an
    interrupted import finishes when run again; one that brought what its article lacked, filled in),
    refused (line and reason), and extraction tasks published."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    requeued: int = 0
    filled: int = 0
    refused: list[tuple[int, str]] = dataclass_field(default_factory=list)
    tasks: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "requeued": self.requeued,
            "filled": self.filled,
            "refused": [{"line": line, "reason": reason} for line, reason in self.refused],
            "tasks": self.tasks,
        }


def archive_import(
    records: Iterable[ArchiveRecord | RecordError],
    *,
    source_name: str,
    user=None,
    batch_size: int = 500,
    chunk: int = CHUNK,
    on_batch: Callable[[ArchiveSummary], object] | None = None,
    upload: UploadBatch | None = None,
) -> ArchiveSummary:
    """Store an archive's records a batch at a time (one transaction a batch: a batch is stored whole or
    not at all) and publish their extraction in chunks. A text already stored is a duplicate, whichever run
    or uploader stored it: one still queued (an interrupted import) is published again, and one that brings
    what its article lacks fills it in, as an upload does. With ``upload`` (files import_articles reads),
    every record is also an item of that upload batch, as the upload form records its files."""
    summary = ArchiveSummary()
    outlets: dict[tuple[str, str], Outlet | None] = {}
    today = timezone.localdate()
    batch: list[ArchiveRecord | RecordError] = []

    def flush() -> None:
        ids = _archive_batch_store(
            batch, summary, outlets, today, source_name=source_name, user=user, upload=upload
        )
        if ids:
            summary.tasks += chunks_enqueue(ids, size=chunk)
        batch.clear()
        if on_batch is not None:
            on_batch(summary)

    for record in records:
        summary.read += 1
        if isinstance(record, RecordError):
            summary.refused.append(
                (record.line, f"{record.name}: {record.message}" if record.name else record.message)
            )
        batch.append(record)
        if summary.read % batch_size == 0:
            flush()
    flush()
    return summary


def _archive_batch_store(
    batch: list[ArchiveRecord | RecordError],
    summary: ArchiveSummary,
    outlets: dict[tuple[str, str], Outlet | None],
    today: date,
    *,
    source_name: str,
    user,
    upload: UploadBatch | None,
) -> list[int]:
    """Store one batch (ON CONFLICT DO NOTHING on the text's hash); the ids to publish."""
    records = [r for r in batch if isinstance(r, ArchiveRecord)]
    firsts: dict[str, ArchiveRecord] = {}
    digests: list[str] = []
    for record in records:
        digests.append(content_hash(record.text))
        firsts.setdefault(digests[-1], record)
    summary.duplicates += len(records) - len(firsts)
    documents = {
        digest: ParsedDocument(
            text=record.text,
            kind=record.kind,
            title=record.title,
            url=record.url,
            published=record.found_published,
        )
        for digest, record in firsts.items()
    }
    with transaction.atomic():
        before = {
            a.content_hash: a
            for a in Article.objects.select_for_update(of=("self",))
            .select_related("outlet")
            .filter(content_hash__in=firsts)
        }
        rows = []
        for digest, record in firsts.items():
            if digest in before:
                continue
            published, published_source = _publication(documents[digest], record.published, record.url, today)
            key = (record.outlet, _domain(record.url))
            if key not in outlets:
                outlets[key] = _outlet_for(record.outlet, record.url)
            rows.append(
                Article(
                    title=(record.title or headline(record.text) or title_from_file_name(record.name))[:500],
                    outlet=outlets[key],
                    url=record.url,
                    published=published,
                    published_source=published_source,
                    text=record.text,
                    content_hash=digest,
                    source_name=(record.name or f"{source_name}:{record.line}")[:255],
                    source_kind=record.kind,
                    uploaded_by=user,
                    status=Article.Status.QUEUED,
                )
            )
        Article.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
        stored = {
            digest: Article(pk=pk, title=title)
            for digest, pk, title in Article.objects.filter(content_hash__in=firsts).values_list(
                "content_hash", "pk", "title"
            )
        }
        # What a text already stored brings that its article lacks is filled in, as an upload's is.
        notes: dict[str, str] = {}
        for digest, article in before.items():
            record = firsts[digest]
            result = _already_stored(
                article, documents[digest], outlet=record.outlet, url=record.url, published=record.published,
                user=user,
            )  # fmt: skip
            notes[digest] = result.message
            summary.filled += result.filled
        if upload is not None:
            _upload_items(upload, batch, digests, rows, stored, notes)
    # (A text another importer stored a moment before this batch's insert counts as stored here.)
    new = [stored[r.content_hash].pk for r in rows if r.content_hash in stored]
    summary.stored += len(new)
    summary.duplicates += len(firsts) - len(rows)
    queued = [stored[d].pk for d, a in before.items() if a.status == Article.Status.QUEUED and d in stored]
    summary.requeued += len(queued)
    return new + queued


def _upload_items(
    upload: UploadBatch,
    batch: list[ArchiveRecord | RecordError],
    digests: list[str],
    rows: list[Article],
    stored: dict[str, Article],
    notes: dict[str, str],
) -> None:
    """A batch's records as items of the upload batch: stored (with a note on its date), already stored
    (with what it filled in) or refused with why, at their place among the files."""
    created = {row.content_hash: row for row in rows if row.content_hash in stored}
    items, found = [], iter(digests)
    for record in batch:
        if isinstance(record, RecordError):
            items.append(UploadItem(batch=upload, position=record.line - 1, name=record.name,
                                    state=UploadItem.State.REJECTED, message=record.message))  # fmt: skip
            continue
        digest = next(found)
        article = stored.get(digest)
        if digest in created:
            state, message = UploadItem.State.STORED, _date_note(created.pop(digest), True)
        else:
            state = UploadItem.State.DUPLICATE
            message = notes.get(digest) or (_duplicate_message(article) if article else "")
        items.append(UploadItem(batch=upload, position=record.line - 1, name=record.name, state=state,
                                message=message, article=article))  # fmt: skip
    UploadItem.objects.bulk_create(items)


def _read_within_limit(content: IO[bytes] | UploadedFileLike, size: int | None) -> bytes:
    limit = settings.UPLOAD_MAX_FILE_BYTES
    if size is not None and size > limit:
        raise ParseError(f"This file is {human_size(size)}, over the limit of {human_size(limit)} a file.")
    data = content.read(limit + 1)
    if len(data) > limit:
        raise ParseError(f"This file is over the limit of {human_size(limit)} a file.")
    return data


def _date_note(article: Article, created: bool) -> str:
    if created and article.published is None:
        return "No publication date was given or found: give it on the article's page to date its claims."
    if created and article.published_source == Article.DateSource.TEXT:
        return f"Dated {article.published:%Y-%m-%d}, the latest date in its text: check it on its page."
    return ""


def batch_create(
    *,
    user=None,
    outlet: str = "",
    url: str = "",
    published: date | None = None,
    origin: str = UploadBatch.Origin.WEB,
) -> UploadBatch:
    return UploadBatch.objects.create(
        created_by=user, outlet_name=outlet[:200], url=url[:2000], published=published, origin=origin
    )


def _item_record(batch: UploadBatch, name: str, **fields) -> UploadItem:
    return UploadItem.objects.create(batch=batch, position=batch.items.count(), name=name, **fields)


def _document_store(
    batch: UploadBatch,
    name: str,
    document: ParsedDocument,
    outlet: str,
    url: str,
    published: date | None,
    publish: Callable[[int], object],
) -> UploadItem:
    with transaction.atomic():
        result = article_ingest(
            document=document,
            source_name=name,
            outlet=outlet or batch.outlet_name,
            url=url or batch.url,
            published=published or batch.published,
            user=batch.created_by,
            publish=publish,
        )
        state = UploadItem.State.STORED if result.created else UploadItem.State.DUPLICATE
        message = result.message or _date_note(result.article, result.created)
        return _item_record(batch, name, state=state, message=message, article=result.article)


def _reconnecting(step: Callable[[], T]) -> T:
    """Run a database step; when the connection dropped under it, reconnect and run it once more.

    Only outside a transaction: inside one, what ran before the drop went with it, and only the
    caller of the whole transaction can start it again. The step must be safe to repeat (each
    is one transaction, and the content hash makes a repeated store a duplicate, not a copy).
    """
    try:
        return step()
    except TRANSIENT_DB_ERRORS:
        if connection.in_atomic_block:
            raise
        log.warning("the database connection was lost; connecting again for one more try", exc_info=True)
        connection.close()
        return step()


def read_upload(name: str, content: IO[bytes] | UploadedFileLike, size: int | None) -> ParsedDocument | str:
    """The file's document, or the message saying why it cannot be read (no database work here)."""
    try:
        return parse(name, _read_within_limit(content, size))
    except ParseError as exc:
        return exc.message
    except Exception:  # noqa: BLE001 - a parser bug on one odd file must not lose the whole batch
        log.exception("parsing %r failed unexpectedly", name)
        return UNREADABLE


def batch_file_add(
    *,
    batch: UploadBatch,
    name: str,
    content: IO[bytes] | UploadedFileLike,
    size: int | None = None,
    outlet: str = "",
    url: str = "",
    published: date | None = None,
    publish: Callable[[int], object] = article_enqueue,
) -> UploadItem:
    """Read, parse and store one file of a batch; a file we cannot read is recorded as refused with why.

    Parsing happens before the transaction, so a slow PDF holds no lock; nothing of a refused
    file is stored but its row on the batch page. A connection lost while storing is retried
    once; a second loss raises (OperationalError or InterfaceError) with nothing of the file stored.
    """
    safe_name = safe_file_name(name)
    document = read_upload(safe_name, content, size)
    if isinstance(document, str):
        return _reconnecting(
            lambda: _item_record(batch, safe_name, state=UploadItem.State.REJECTED, message=document)
        )
    return _reconnecting(lambda: _document_store(batch, safe_name, document, outlet, url, published, publish))


def batch_text_add(
    *, batch: UploadBatch, text: str, title: str = "", publish: Callable[[int], object] = article_enqueue
) -> UploadItem:
    name = clean_line(title, 255) or "Pasted text"
    try:
        document = parse_pasted(text, title=title)
    except ParseError as exc:
        message = exc.message
        return _reconnecting(
            lambda: _item_record(batch, name, state=UploadItem.State.REJECTED, message=message)
        )
    return _reconnecting(lambda: _document_store(batch, name, document, "", "", None, publish))


@dataclass(frozen=True)
class UploadOutcome:
    """A submission of the upload form: its batch, and what could not be stored and must be sent again.

    `unsent` is empty unless the database connection was lost twice in a row; then it names, in
    order, every item from the one that failed on (the batch is None when not even it was stored).
    """

    batch: UploadBatch | None
    unsent: list[str]


def upload_ingest(
    *,
    user,
    files: Sequence[UploadedFileLike] = (),
    text: str = "",
    title: str = "",
    outlet: str = "",
    url: str = "",
    published: date | None = None,
) -> UploadOutcome:
    """One submission of the upload form: every file (and the pasted text) becomes a row of one batch.

    Each file is stored in its own transaction, so one bad file never keeps the good ones out. A
    dropped database connection is retried once for each step; when it drops again, the upload
    stops there and says which items were not stored, rather than losing them silently. One item is
    extracted by a task of its own, at once; several are published together once stored, in chunks.
    """
    stored: list[int] = []
    steps: list[tuple[str, Callable[[UploadBatch], UploadItem]]] = []
    publish = article_enqueue if len(files) + bool(text.strip()) == 1 else stored.append
    if text.strip():
        name = clean_line(title, 255) or "Pasted text"
        steps.append(
            (name, lambda batch: batch_text_add(batch=batch, text=text, title=title, publish=publish))
        )
    for upload in files:
        add = partial(batch_file_add, name=upload.name, content=upload, size=upload.size, publish=publish)
        steps.append((safe_file_name(upload.name), lambda batch, add=add: add(batch=batch)))
    try:
        return _upload_steps(steps, user=user, outlet=outlet, url=url, published=published)
    finally:
        # Registered after every item's own callback (which adds its article to ``stored``), so it runs after
        # them, whether they ran at each item's commit or all wait for an outer transaction's.
        try:
            transaction.on_commit(lambda: stored and chunks_enqueue(stored, size=UPLOAD_CHUNK))
        except TRANSIENT_DB_ERRORS:
            # The database went away mid-upload (the outcome says which items to send again).
            log.warning("upload: %d stored article(s) stay queued for the sweep to publish", len(stored))


# Articles an extraction task of an upload of several files: small, so the batch's page shows them done a
# few at a time and two workers share a batch of twenty.
UPLOAD_CHUNK = 10


def _upload_steps(
    steps: list[tuple[str, Callable[[UploadBatch], UploadItem]]],
    *,
    user,
    outlet: str,
    url: str,
    published: date | None,
) -> UploadOutcome:
    try:
        batch = _reconnecting(lambda: batch_create(user=user, outlet=outlet, url=url, published=published))
    except TRANSIENT_DB_ERRORS:
        log.exception("an upload of %d item(s) could not be stored: the database is unreachable", len(steps))
        return UploadOutcome(None, [name for name, _ in steps])
    for position, (_name, add) in enumerate(steps):
        try:
            add(batch)
        except TRANSIENT_DB_ERRORS:
            log.exception("upload batch %s stopped at item %d: database unreachable", batch.pk, position)
            return UploadOutcome(batch, [name for name, _ in steps[position:]])
    return UploadOutcome(batch, [])


# --- extracting --------------------------------------------------------------------------------


def _hold_for_tests(attempt: int) -> None:
    # The worker-kill test needs a task that is provably in flight; this delay exists only in
    # its worker's settings (tests/fullstack/worker_settings.py) and only on a first attempt.
    delay = getattr(settings, "EXTRACT_TEST_DELAY_SECONDS", 0)
    if delay and attempt == 1:
        time.sleep(delay)


def _finish(article: Article, attempt: int, extraction=None, **fields) -> bool:
    """Write a run's outcome unless the article was deleted or claimed again by a later run.

    The fenced UPDATE comes first: it takes the article's row lock, so a concurrent run for the
    same article waits for this commit before touching its claims.
    """
    now = timezone.now()
    with transaction.atomic():
        updated = Article.objects.filter(pk=article.pk, attempts=attempt).update(
            status_changed_at=now, processed_at=now, **fields
        )
        if not updated:
            return False
        if extraction is not None:
            claims_replace_for_article(article=article, extraction=extraction)
    return True


def _gave_up(article: Article) -> str:
    return (
        f"Gave up after {article.attempts} attempts that each ended without a result (stopped by the "
        f"time limit of {settings.CELERY_TASK_TIME_LIMIT} s, or their worker died) on a text of "
        f"{len(article.text):,} characters."
    )


def article_extract(*, article_id: int) -> str:
    """Extract one article's claims; safe to run any number of times, concurrently or after a crash.

    Claims the row with a conditional UPDATE (queued or processing -> processing, attempts + 1)
    and returns quietly when there is nothing to do (done, failed, deleted). The engine runs
    outside any transaction; the outcome is stored in one short atomic block that holds the
    article's row lock and is skipped when a later run has claimed the article meanwhile, so
    two deliveries never store claims twice. Database errors propagate for the task to retry;
    any other error, the soft time limit included, marks the article failed with its reason. An
    article claimed EXTRACT_MAX_ATTEMPTS times by runs that never finished is failed, not run again.
    """
    with transaction.atomic():
        # Read and bump `attempts` under the row lock, so each run knows its own number for sure
        # and a concurrent delivery of the same article waits, then gets the next one.
        article = (
            Article.objects.select_for_update()
            .filter(pk=article_id, status__in=[Article.Status.QUEUED, Article.Status.PROCESSING])
            .only("text", "published", "title", "attempts", "status")
            .first()
        )
        if article is None:
            return "skipped"
        if article.status == Article.Status.PROCESSING and article.attempts >= settings.EXTRACT_MAX_ATTEMPTS:
            # Every earlier run claimed the article and never finished: killed by the hard time
            # limit, or with its worker. Another would most likely end the same way.
            Article.objects.filter(pk=article_id).update(
                status=Article.Status.FAILED, status_changed_at=timezone.now(), error=_gave_up(article)
            )
            return "failed"
        article.attempts += 1
        Article.objects.filter(pk=article_id).update(
            status=Article.Status.PROCESSING, status_changed_at=timezone.now(), attempts=article.attempts
        )
    registries = registries_from_db()
    try:
        _hold_for_tests(article.attempts)
        extraction = extract(
            article.text, published=article.published, registries=registries, title=article.title or None
        )
    except SoftTimeLimitExceeded:
        log.warning("extraction of article %s stopped at the time limit", article_id)
        error = (
            f"Extraction stopped at the time limit ({settings.CELERY_TASK_SOFT_TIME_LIMIT} s, set by "
            f"EXTRACT_TIME_LIMIT) on a text of {len(article.text):,} characters."
        )
        stored = _finish(article, article.attempts, status=Article.Status.FAILED, error=error)
        return "failed" if stored else "superseded"
    except Exception as exc:  # noqa: BLE001 - an engine bug on one article fails that article, visibly
        log.exception("extraction of article %s failed", article_id)
        stored = _finish(
            article, article.attempts, status=Article.Status.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
        return "failed" if stored else "superseded"
    try:
        stored = _finish(
            article,
            article.attempts,
            extraction=extraction,
            status=Article.Status.DONE,
            error="",
            extractor_version=extraction.engine_version,
            unverified=bool(extraction.unverified),
        )
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:  # noqa: BLE001 - claims the database refuses fail the article, visibly
        log.exception("storing the claims of article %s failed", article_id)
        stored = _finish(
            article,
            article.attempts,
            status=Article.Status.FAILED,
            error=f"Storing the claims failed: {type(exc).__name__}: {exc}",
        )
        return "failed" if stored else "superseded"
    return "done" if stored else "superseded"


def articles_extract_chunk(*, article_ids: Sequence[int]) -> dict[str, int]:
    """article_extract for a chunk of articles (an archive's import): the same outcomes and the same claims,
    with the registries read once, one claim for the lot, and the claims of every article that succeeded
    written in one transaction. Articles another run holds are skipped (it will finish them); the fence on
    each article's attempt is the single path's, so a chunk delivered twice stores nothing twice. Returns
    how many articles ended done, failed, skipped or superseded."""
    outcome = {"done": 0, "failed": 0, "skipped": 0, "superseded": 0}
    now = timezone.now()
    with transaction.atomic():
        locked = list(
            Article.objects.select_for_update(skip_locked=True)
            .filter(pk__in=article_ids, status__in=[Article.Status.QUEUED, Article.Status.PROCESSING])
            .only("text", "published", "title", "attempts", "status")
            .order_by("pk")
        )
        worn = [
            a
            for a in locked
            if a.status == Article.Status.PROCESSING and a.attempts >= settings.EXTRACT_MAX_ATTEMPTS
        ]
        for article in worn:
            Article.objects.filter(pk=article.pk).update(
                status=Article.Status.FAILED, status_changed_at=now, error=_gave_up(article)
            )
        claimed = [a for a in locked if a not in worn]
        Article.objects.filter(pk__in=[a.pk for a in claimed]).update(
            status=Article.Status.PROCESSING, status_changed_at=now, attempts=F("attempts") + 1
        )
    outcome["failed"] += len(worn)
    outcome["skipped"] += len(article_ids) - len(locked)
    registries = registries_from_db()
    if claimed:
        _hold_for_tests(claimed[0].attempts + 1)
    read: list[tuple[Article, Any]] = []
    for article in claimed:
        article.attempts += 1
        try:
            extraction = extract(
                article.text, published=article.published, registries=registries, title=article.title or None
            )
        except SoftTimeLimitExceeded:
            raise  # the chunk's time is up: its articles stay processing until the sweep queues them again
        except Exception as exc:  # noqa: BLE001 - an engine bug on one article fails that article, visibly
            log.exception("extraction of article %s failed", article.pk)
            stored = _finish(
                article, article.attempts, status=Article.Status.FAILED, error=f"{type(exc).__name__}: {exc}"
            )
            outcome["failed" if stored else "superseded"] += 1
            continue
        read.append((article, extraction))
    try:
        stored = _finish_chunk(read)
    except TRANSIENT_DB_ERRORS:
        raise
    except Exception:  # noqa: BLE001 - one article the database refuses must not fail the chunk: one by one
        log.exception("storing a chunk of %d articles failed; storing them one by one", len(read))
        for article, extraction in read:
            outcome[_store_one(article, extraction)] += 1
    else:
        outcome["done"] += len(stored)
        outcome["superseded"] += len(read) - len(stored)
    if read:
        _statistics_ensure()
    return outcome


# Whether this process has seen the claims table with statistics (see _statistics_ensure).
_statistics_seen = False


def _statistics_ensure() -> None:
    """Have PostgreSQL gather the claims table's statistics if it never has: an archive's first import into a
    new database. Autovacuum looks a minute apart at best, and until it does the alarms' queries are planned
    for an empty table (327 ms a chunk at 3,000 articles, 7 ms once analysed)."""
    global _statistics_seen
    if _statistics_seen or connection.vendor != "postgresql":
        return
    table = Claim._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_stats WHERE tablename = %s)", [table])
        if not cursor.fetchone()[0]:
            cursor.execute(f"ANALYZE {table}")
            cursor.execute("SELECT EXISTS (SELECT 1 FROM pg_stats WHERE tablename = %s)", [table])
        _statistics_seen = cursor.fetchone()[0]


def _store_one(article: Article, extraction) -> str:
    """Store one article's claims as the single path does: done, failed (the database refused them, said
    why) or superseded (a later run claimed the article)."""
    try:
        stored = _finish(article, article.attempts, extraction=extraction, **_done_fields(extraction))
        return "done" if stored else "superseded"
    except TRANSIENT_DB_ERRORS:
        raise
    except Exception as exc:  # noqa: BLE001 - claims the database refuses fail the article, visibly
        log.exception("storing the claims of article %s failed", article.pk)
        error = f"Storing the claims failed: {type(exc).__name__}: {exc}"
        return (
            "failed"
            if _finish(article, article.attempts, status=Article.Status.FAILED, error=error)
            else "superseded"
        )


def _done_fields(extraction) -> dict[str, Any]:
    return {
        "status": Article.Status.DONE,
        "error": "",
        "extractor_version": extraction.engine_version,
        "unverified": bool(extraction.unverified),
    }


def _finish_chunk(read: list[tuple[Article, Any]]) -> list[int]:
    """Store the claims of every article still claimed by this run, in one transaction; their ids."""
    if not read:
        return []
    now = timezone.now()
    with transaction.atomic():
        current = dict(
            Article.objects.select_for_update()
            .filter(pk__in=[a.pk for a, _ in read])
            .order_by("pk")
            .values_list("pk", "attempts")
        )
        mine = [(a, x) for a, x in read if current.get(a.pk) == a.attempts]
        for unverified in (False, True):
            ids = [a.pk for a, x in mine if bool(x.unverified) == unverified]
            if ids:
                Article.objects.filter(pk__in=ids).update(
                    status=Article.Status.DONE, error="", status_changed_at=now, processed_at=now,
                    extractor_version=mine[0][1].engine_version, unverified=unverified,
                )  # fmt: skip
        claims_replace_for_articles(mine)
    return [a.pk for a, _ in mine]


def article_retry(*, article: Article) -> bool:
    """Queue again an article that failed or has waited longer than EXTRACT_STALE_AFTER.

    False when there is nothing to retry (done, or someone retried it a moment ago). The stuck
    case matters where no periodic sweep runs, as in the embedded default.
    """
    stale_before = timezone.now() - settings.EXTRACT_STALE_AFTER
    retryable = Q(status=Article.Status.FAILED) | Q(
        status__in=[Article.Status.QUEUED, Article.Status.PROCESSING], status_changed_at__lt=stale_before
    )
    with transaction.atomic():
        # A fresh count: no earlier run can still be going (a failed one ended; a stale one is past
        # its time limit), so the attempts fence cannot mistake an old run for the new one.
        changed = Article.objects.filter(retryable, pk=article.pk).update(
            status=Article.Status.QUEUED, status_changed_at=timezone.now(), error="", attempts=0
        )
        if changed:
            transaction.on_commit(partial(article_enqueue, article.pk))
    return bool(changed)


# Attempts count the runs since the article was last queued from a finished state: a done or failed
# article starts again from 0; one still queued or processing keeps its count, so the fence between
# a run that may still be going and the next one holds.
_FRESH_COUNT = Case(
    When(status__in=[Article.Status.DONE, Article.Status.FAILED], then=Value(0)),
    default=F("attempts"),
    output_field=PositiveIntegerField(),
)


def articles_reprocess(*, articles: QuerySet[Article], enqueue: bool = True) -> list[int]:
    """Queue the given articles for extraction again (after an engine change); reviewed claims stay.

    With `enqueue` False the caller runs article_extract itself (reprocess --inline).
    """
    with transaction.atomic():
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), 1000):
            Article.objects.filter(pk__in=ids[start : start + 1000]).update(
                status=Article.Status.QUEUED,
                status_changed_at=timezone.now(),
                error="",
                attempts=_FRESH_COUNT,
            )
        for pk in ids if enqueue else ():
            transaction.on_commit(partial(article_enqueue, pk))
    return ids


def articles_requeue_stale(*, older_than: timedelta, limit: int = 5000) -> list[int]:
    """Publish again the articles queued or processing for longer than `older_than`.

    This is how nothing is lost: a publish that failed (Redis down at upload), a worker killed
    before it acknowledged, a message dropped. Moving status_changed_at makes each article
    wait another `older_than` before the next sweep publishes it again. An article whose runs
    kept dying (EXTRACT_MAX_ATTEMPTS of them) is failed with the reason instead.
    """
    cutoff: datetime = timezone.now() - older_than
    with transaction.atomic():
        stale = Article.objects.filter(
            status__in=[Article.Status.QUEUED, Article.Status.PROCESSING], status_changed_at__lt=cutoff
        ).order_by("status_changed_at")
        if connection.features.has_select_for_update_skip_locked:
            # Two sweeps at once (beat and a starting worker) split the rows instead of doubling them.
            stale = stale.select_for_update(skip_locked=True)
        ids = list(stale.values_list("pk", flat=True)[:limit])
        # A run that claimed the article and never finished is lost; after EXTRACT_MAX_ATTEMPTS of
        # them the article is failed with the reason instead of being queued once more.
        spent = Article.objects.filter(
            pk__in=ids, status=Article.Status.PROCESSING, attempts__gte=settings.EXTRACT_MAX_ATTEMPTS
        )
        for article in spent.only("attempts", "text"):
            Article.objects.filter(pk=article.pk).update(
                status=Article.Status.FAILED, status_changed_at=timezone.now(), error=_gave_up(article)
            )
            ids.remove(article.pk)
        if ids:
            Article.objects.filter(pk__in=ids).update(
                status=Article.Status.QUEUED, status_changed_at=timezone.now()
            )
        if ids:
            # In chunks: after an archive's import lost its broker, thousands are waiting.
            transaction.on_commit(partial(chunks_enqueue, ids, size=CHUNK))
    return ids


# --- demo --------------------------------------------------------------------------------------

DEMO_DIR = Path(__file__).resolve().parent / "demo_articles"


def demo_articles_load(*, directory: Path = DEMO_DIR, user=None) -> tuple[int, int]:
    """Store the demo articles listed in the folder's manifest.json as uploads are stored.

    Returns (stored, already there): a second run stores nothing, since each text is
    recognised by its content hash. A file that cannot be read is logged and skipped.
    """
    manifest = directory / "manifest.json"
    if not manifest.exists():
        return 0, 0
    stored = existing = 0
    for entry in json.loads(manifest.read_text(encoding="utf-8")):
        path = directory / entry["file"]
        try:
            document = parse(path.name, path.read_bytes())
        except (OSError, ParseError) as exc:
            log.warning("demo article %s skipped: %s", path.name, getattr(exc, "message", exc))
            continue
        result = article_ingest(
            document=document,
            source_name=path.name,
            outlet=entry.get("outlet") or "",
            url=entry.get("url") or "",
            published=date.fromisoformat(entry["published"]) if entry.get("published") else None,
            user=user,
        )
        stored, existing = stored + result.created, existing + (not result.created)
    return stored, existing
