"""An upload whose database connection is cut under it, on the real PostgreSQL (pg_terminate_backend).

A second connection, opened by the test to the maintenance database, watches the upload's items
arrive and terminates the web request's backend part-way through, as an administrator, a failover or
a proxy's idle cut would. The upload must store every file (one reconnect) or say exactly which
files it did not store; never a 500 and never a silent loss. An archive import whose connection is cut
stops, and run again stores the rest and nothing twice.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.urls import reverse

from claims.models import Article
from ingest.models import UploadBatch, UploadItem

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FILES = 200


def _admin() -> psycopg.Connection:
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def _files() -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(
            f"report-{i:03}.txt", f"Russia lost {1000 + i} soldiers on day {i}, Kyiv said.".encode()
        )
        for i in range(FILES)
    ]


class Cutter(threading.Thread):
    """Once `after` items are stored, terminate the upload's backend, then do `then` (if anything)."""

    def __init__(
        self, backend_pid: int, after: int, then: Callable[[psycopg.Connection], None] | None = None
    ):
        super().__init__(daemon=True)
        self.backend_pid, self.after, self.then = backend_pid, after, then
        self.cut = threading.Event()

    def run(self) -> None:
        database = connection.settings_dict["NAME"]
        with _admin() as admin:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                with psycopg.connect(**{**admin.info.get_parameters(), "dbname": database}) as watcher:
                    stored = watcher.execute("SELECT count(*) FROM ingest_uploaditem").fetchone()[0]
                if stored >= self.after:
                    break
                time.sleep(0.02)
            if self.then is not None:
                self.then(admin)
            admin.execute("SELECT pg_terminate_backend(%s)", [self.backend_pid])
            self.cut.set()


def _upload_with_cut(client, cutter_then=None):
    connection.ensure_connection()
    cutter = Cutter(connection.connection.info.backend_pid, after=40, then=cutter_then)
    cutter.start()
    response = client.post(reverse("ingest:upload"), {"files": _files()})
    cutter.join(timeout=60)
    assert cutter.cut.is_set(), "the connection was never cut"
    return response


def test_a_connection_cut_once_during_an_upload_is_reconnected_and_every_file_stored(client_for, bob):
    response = _upload_with_cut(client_for(bob))
    assert response.status_code == 302
    batch = UploadBatch.objects.get()
    assert response["Location"] == batch.get_absolute_url()
    assert batch.items.count() == FILES
    assert sorted(batch.items.values_list("name", flat=True)) == sorted(
        f"report-{i:03}.txt" for i in range(FILES)
    )
    assert set(batch.items.values_list("state", flat=True)) == {UploadItem.State.STORED}
    assert Article.objects.count() == FILES


def test_a_database_gone_for_good_during_an_upload_gets_the_list_of_files_to_send_again(client_for, bob):
    database = connection.settings_dict["NAME"]

    def refuse_new_connections(admin: psycopg.Connection) -> None:
        admin.execute(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS false')

    try:
        response = _upload_with_cut(client_for(bob), refuse_new_connections)
    finally:
        with _admin() as admin:
            admin.execute(f'ALTER DATABASE "{database}" WITH ALLOW_CONNECTIONS true')
    connection.close()

    assert response.status_code == 503
    body = response.content.decode()
    assert "The database could not be reached" in body
    stored = set(UploadItem.objects.values_list("name", flat=True))
    unsent = {name for name in (f"report-{i:03}.txt" for i in range(FILES)) if f"<li>{name}</li>" in body}
    # Every file is either stored or listed to send again, never both, never neither.
    assert stored | unsent == {f"report-{i:03}.txt" for i in range(FILES)}
    assert stored & unsent == set()
    assert len(stored) >= 40 and unsent
    assert Article.objects.count() == len(stored)


def test_an_archive_import_whose_connection_is_cut_finishes_when_run_again(tmp_path):
    from ingest.parsers.archive import archive_records
    from ingest.services import archive_import

    texts = [
        f"Russia lost {1_000 + n:,} soldiers over the past day, the General Staff said." for n in range(6)
    ]
    path = tmp_path / "archive.jsonl"
    path.write_text("".join(json.dumps({"text": t, "published": "2024-11-26"}) + "\n" for t in texts))

    def cut_after_the_first_batch(summary) -> None:
        if summary.read == 2:
            with _admin() as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [connection.connection.info.backend_pid])

    def run(**kwargs):
        records = archive_records(path, max_bytes=100_000)
        return archive_import(records, source_name="archive.jsonl", batch_size=2, chunk=2, **kwargs)

    connection.ensure_connection()
    with pytest.raises(OperationalError):
        run(on_batch=cut_after_the_first_batch)
    connection.close()
    assert Article.objects.count() == 2  # the first batch, stored and extracted whole; nothing of the rest
    again = run()
    assert (again.stored, again.duplicates) == (4, 2)
    assert Article.objects.count() == 6 and set(Article.objects.values_list("status", flat=True)) == {"done"}
    for article in Article.objects.all():
        assert article.claims.count() == 1
