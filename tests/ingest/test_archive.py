"""Archives (JSON lines or CSV, an article a record) through import_articles: stored in batches, extracted in
chunks, every bad record reported with its line, duplicates counted, an interrupted import finished by
running it again, and the summary as JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, ArticleChange, Claim
from ingest import services
from ingest.parsers.archive import ArchiveRecord, RecordError, archive_records, archive_size
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

RECORDS = [
    {"text": "Russia lost 1,310 soldiers over the past day, Ukraine's General Staff said on Tuesday.",
     "title": "Staff tally", "url": "https://example.org/a", "outlet": "Kyiv Wire",
     "published": "2024-11-26"},
    {"text": "Air defences shot down 48 of 55 drones launched overnight, Ukraine's air force said.",
     "published": "2024-11-27"},
    {"text": "Russia's Defence Ministry said Ukraine had lost 215 servicemen near Kupiansk on Monday."},
]  # fmt: skip


def _jsonl(tmp_path: Path, lines: list[str], name: str = "archive.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(path: Path, *extra: str) -> dict:
    out = io.StringIO()
    call_command("import_articles", str(path), "--json", *extra, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())[str(path)]


def test_a_jsonl_archive_is_stored_and_extracted_with_its_details(tmp_path):
    path = _jsonl(tmp_path, [json.dumps(r) for r in RECORDS])
    summary = _import(path, "--batch-size", "2", "--chunk", "2")
    assert (summary["read"], summary["stored"], summary["duplicates"], summary["refused"]) == (3, 3, 0, [])
    assert summary["tasks"] == 2  # a batch of two, then a batch of one
    article = Article.objects.get(title="Staff tally")
    assert (article.outlet.name, article.url, article.published.isoformat()) == (
        "Kyiv Wire",
        "https://example.org/a",
        "2024-11-26",
    )
    assert article.source_name == "archive.jsonl:1" and article.status == "done"
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    assert Claim.objects.filter(article=article, value=1310).exists()
    # Undated records are dated from their text where it says, else stay undated.
    assert Article.objects.get(source_name="archive.jsonl:3").published is None


def test_every_bad_record_is_reported_with_its_line_and_the_rest_stored(tmp_path):
    lines = [
        json.dumps(RECORDS[0]),
        "{not json",
        json.dumps({"title": "no text here"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": "Russia lost 12 tanks.", "published": "last week"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Russia lost 30 artillery systems.", "url": 5}),
        json.dumps(RECORDS[1]),
    ]
    summary = _import(_jsonl(tmp_path, lines))
    assert summary["stored"] == 2
    assert [(r["line"], r["reason"]) for r in summary["refused"]] == [
        (2, "not JSON: Expecting property name enclosed in double quotes"),
        (3, "no text"),
        (4, "no text"),
        (5, "published must be YYYY-MM-DD, not 'last week'"),
        (6, "not an object with a 'text'"),
        (7, "url must be text"),
    ]


def test_a_csv_archive_reads_the_same_records(tmp_path):
    path = tmp_path / "archive.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["text", "title", "url", "outlet", "published"])
        writer.writeheader()
        writer.writerows(RECORDS)
    assert archive_size(path) == 3
    records = list(archive_records(path, max_bytes=10_000))
    assert [r.text for r in records] == [r["text"] for r in RECORDS]
    assert records[0].outlet == "Kyiv Wire" and records[2].published is None
    bad = tmp_path / "bad.csv"
    bad.write_text("body,title\nsome text,a title\n", encoding="utf-8")
    assert list(archive_records(bad, max_bytes=10_000)) == [
        RecordError(1, "the header must name a 'text' column (and may name title, url, outlet, published)")
    ]


def test_duplicates_are_counted_within_an_archive_and_against_what_is_stored(tmp_path):
    path = _jsonl(tmp_path, [json.dumps(RECORDS[0]), json.dumps(RECORDS[0]), json.dumps(RECORDS[1])])
    first = _import(path)
    assert (first["stored"], first["duplicates"]) == (2, 1)
    again = _import(path)
    assert (again["stored"], again["duplicates"], again["requeued"]) == (0, 3, 0)
    assert Article.objects.count() == 2


def test_a_record_already_stored_fills_in_what_its_article_lacks(tmp_path):
    undated = ArticleFactory(text=RECORDS[2]["text"], published=None, outlet=None)
    record = {**RECORDS[2], "published": "2024-11-25", "outlet": "Kyiv Wire"}
    summary = _import(_jsonl(tmp_path, [json.dumps(record)]))
    assert (summary["stored"], summary["duplicates"], summary["filled"]) == (0, 1, 1)
    undated.refresh_from_db()
    assert (undated.published.isoformat(), undated.published_source, undated.outlet.name) == (
        "2024-11-25",
        "form",
        "Kyiv Wire",
    )
    change = ArticleChange.objects.get(article=undated)
    assert change.after == {"outlet": "Kyiv Wire", "published": "2024-11-25"}
    # Given again, it has nothing left to fill in.
    assert _import(_jsonl(tmp_path, [json.dumps(record)], name="again.jsonl"))["filled"] == 0


def test_an_interrupted_import_finishes_when_run_again(tmp_path, monkeypatch):
    path = _jsonl(tmp_path, [json.dumps(r) for r in RECORDS])
    real = services.chunks_enqueue
    calls = []

    def broker_gone_after_the_first_batch(ids, *, size):
        calls.append(ids)
        if len(calls) > 1:
            raise KeyboardInterrupt  # the import is stopped here, its second batch stored but not published
        return real(ids, size=size)

    monkeypatch.setattr(services, "chunks_enqueue", broker_gone_after_the_first_batch)
    with pytest.raises(KeyboardInterrupt):
        _import(path, "--batch-size", "2")
    assert sorted(Article.objects.values_list("status", flat=True)) == ["done", "done", "queued"]
    monkeypatch.setattr(services, "chunks_enqueue", real)
    summary = _import(path, "--batch-size", "2")
    assert (summary["stored"], summary["duplicates"], summary["requeued"]) == (0, 3, 1)
    assert set(Article.objects.values_list("status", flat=True)) == {"done"} and Article.objects.count() == 3


def test_the_text_summary_and_the_refusals(tmp_path):
    path = _jsonl(tmp_path, [json.dumps(RECORDS[0]), "oops"])
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", str(path), stdout=out, stderr=err)
    assert (
        "1 stored, 0 already stored (0 of them queued again), 1 refused; 1 extraction tasks" in out.getvalue()
    )
    assert f"{path}:2: not JSON" in err.getvalue() and "records/s" in err.getvalue()
    with pytest.raises(CommandError, match="on their own"):
        call_command("import_articles", str(path), str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())


def test_a_record_over_the_size_limit_is_refused(tmp_path):
    records = list(archive_records(_jsonl(tmp_path, [json.dumps({"text": "x" * 50})]), max_bytes=10))
    assert records == [RecordError(1, "the text is over the limit of 10 bytes an article")]
    assert isinstance(
        next(archive_records(_jsonl(tmp_path, [json.dumps({"text": "ok"})], "b.jsonl"), max_bytes=10)),
        ArchiveRecord,
    )
