"""import_articles, reprocess, extract_claims and the demo articles of `make run`."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from claims.models import Article, Claim
from extraction import ENGINE_VERSION
from ingest import services
from ingest.models import UploadBatch
from ingest.services import DEMO_DIR
from tests.factories import ArticleFactory
from tests.ingest.documents import ARTICLE, html_page

pytestmark = pytest.mark.django_db


def run(*args, **options) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "page.html").write_bytes(
        html_page("<article><p>Russia lost 9 tanks on Monday.</p></article>")
    )
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "old.txt").write_text("Russia lost 3 tanks.")
    return tmp_path


def test_import_articles_reads_a_folder_as_the_form_would(folder, tmp_path_factory):
    manifest = tmp_path_factory.mktemp("m") / "manifest.json"
    manifest.write_text(
        json.dumps(
            [
                {
                    "file": "good.txt",
                    "outlet": "Kyiv Daily",
                    "url": "https://kd.example/1",
                    "published": "2024-11-25",
                }
            ]
        )
    )
    out, err = run("import_articles", str(folder), "--manifest", str(manifest))
    assert out.strip().startswith("2 stored, 0 already stored, 0 refused (upload batch ")
    assert "[##############################] 2/2" in err
    good = Article.objects.get(source_name="good.txt")
    assert (good.outlet.name, good.url, good.published, good.published_source) == (
        "Kyiv Daily",
        "https://kd.example/1",
        date(2024, 11, 25),
        "form",
    )
    assert Article.objects.get(source_name="page.html").source_kind == "html"
    assert UploadBatch.objects.get().origin == UploadBatch.Origin.COMMAND

    out, _ = run("import_articles", str(folder))
    assert out.startswith("0 stored, 2 already stored, 0 refused")
    assert Article.objects.count() == 2


def test_import_articles_stores_files_in_batches_and_extracts_them_in_chunks(folder, monkeypatch):
    chunks = []
    enqueue = services.chunks_enqueue
    monkeypatch.setattr(
        services, "chunks_enqueue", lambda ids, size: chunks.append(len(ids)) or enqueue(ids, size=size)
    )
    (folder / "copy.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    with pytest.raises(CommandError, match="1 file"):
        run("import_articles", str(folder), "--batch-size", "2", "--chunk", "2", "--json")
    assert chunks == [1, 1]  # a batch of copy.txt and good.txt (the same text), then photo.txt and page.html
    assert set(Article.objects.values_list("status", flat=True)) == {"done"}
    assert Claim.objects.filter(article__source_name="page.html", value=9).exists()
    items = list(UploadBatch.objects.get().items.order_by("position"))
    assert [(i.position, i.name, i.state) for i in items] == [
        (0, "copy.txt", "stored"),
        (1, "good.txt", "duplicate"),
        (2, "photo.txt", "rejected"),
        (3, "page.html", "stored"),
    ]
    assert items[1].article == items[0].article and "Already stored as article" in items[1].message
    assert items[2].message.startswith("This file holds binary data, not text;") and items[2].article is None


def test_import_articles_files_summary_as_json_and_a_file_filling_in_a_date(folder):
    (folder / "sub" / "page.html").unlink()
    undated = ArticleFactory(text=ARTICLE.strip(), published=None)
    out, _ = run("import_articles", str(folder), "--published", "2024-11-24", "--json")
    summary = json.loads(out)
    assert (summary["read"], summary["stored"], summary["duplicates"], summary["filled"]) == (1, 0, 1, 1)
    assert summary["upload_batch"] == UploadBatch.objects.get().pk
    undated.refresh_from_db()
    assert (undated.published, undated.published_source) == (date(2024, 11, 24), "form")
    assert "added what it lacked" in UploadBatch.objects.get().items.get().message


def test_import_articles_reports_a_bad_file_and_fails_after_storing_the_rest(folder):
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command(
            "import_articles", str(folder / "good.txt"), str(folder / "photo.txt"), stdout=out, stderr=err
        )
    assert "photo.txt: This file holds binary data, not text" in err.getvalue()
    assert out.getvalue().startswith("1 stored, 0 already stored, 1 refused")
    assert Article.objects.count() == 1


def test_import_articles_refuses_a_missing_path_and_a_bad_manifest(folder, tmp_path_factory):
    with pytest.raises(CommandError, match="no such file or folder"):
        run("import_articles", str(folder / "missing.txt"))
    manifest = tmp_path_factory.mktemp("m") / "manifest.json"
    manifest.write_text(json.dumps([{"file": "good.txt", "published": "25/11/2024"}]))
    with pytest.raises(CommandError, match="published must be YYYY-MM-DD"):
        run("import_articles", str(folder), "--manifest", str(manifest))
    assert Article.objects.count() == 0


# --- reprocess ---------------------------------------------------------------------------------


def test_reprocess_needs_a_choice():
    with pytest.raises(CommandError, match="say which articles"):
        run("reprocess")


def test_reprocess_queues_the_chosen_articles(django_capture_on_commit_callbacks):
    failed = ArticleFactory(status=Article.Status.FAILED)
    old = ArticleFactory(extractor_version="0.0.1")
    current = ArticleFactory(extractor_version=ENGINE_VERSION)
    with django_capture_on_commit_callbacks() as callbacks:
        out, _ = run("reprocess", "--status", "failed")
    assert out.strip() == "1 article(s) queued for extraction" and len(callbacks) == 1
    with django_capture_on_commit_callbacks() as callbacks:
        run("reprocess", "--before-version")
    assert len(callbacks) == 2  # the failed one (never extracted) and the old version
    states = dict(Article.objects.values_list("pk", "status"))
    assert states == {failed.pk: "queued", old.pk: "queued", current.pk: "done"}


def test_reprocess_inline_extracts_again_and_keeps_reviewed_claims(fake_engine):
    article = ArticleFactory(extractor_version="0.0.1")
    reviewed = Claim.objects.create(
        article=article,
        category="killed",
        value=4,
        subject_side="RU",
        evidence="x",
        start=40,
        end=41,
        review_status=Claim.ReviewStatus.CONFIRMED,
        fact_key="k",
    )
    out, _ = run("reprocess", "--article", str(article.pk), "--inline")
    assert out.strip() == "1 article(s) extracted again: 1 done"
    article.refresh_from_db()
    assert article.status == "done" and article.extractor_version == "fake-1"
    assert set(article.claims.values_list("pk", flat=True)) > {reviewed.pk}


# --- extract_claims ----------------------------------------------------------------------------


def test_extract_claims_prints_one_json_line_per_file_and_writes_nothing(tmp_path):
    story = tmp_path / "story-1.txt"
    story.write_text(
        "Russia lost 1,610 troops over the past day, Ukraine's General Staff said.", encoding="utf-8"
    )
    page = tmp_path / "page.html"
    page.write_bytes(
        html_page("<article><p>Russia lost 12 tanks on Monday, the General Staff said.</p></article>")
    )
    out, _ = run("extract_claims", str(story), str(page), "--published", "2024-11-26")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["story-1", "page"]
    first = lines[0]["claims"][0]
    assert (first["category"], first["value"], first["subject_side"]) == ("casualties", 1610, "RU")
    assert lines[0]["engine_version"] == ENGINE_VERSION
    assert (Article.objects.count(), Claim.objects.count()) == (0, 0)


def test_extract_claims_reads_jsonl_in_order(tmp_path):
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "b", "text": "Russia lost 9 tanks, Ukraine said.", "published": "2024-11-26"},
        {"id": "a", "text": "Nothing to see.", "published": "2024-11-26"},
    ]
    source.write_text("\n".join(json.dumps(r) for r in records))
    out, _ = run("extract_claims", "--jsonl", str(source))
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["b", "a"]


def test_extract_claims_needs_input():
    with pytest.raises(CommandError, match="give FILEs or --jsonl"):
        run("extract_claims")


# --- demo articles -----------------------------------------------------------------------------


def test_demo_setup_loads_the_demo_articles_once():
    listed = json.loads((DEMO_DIR / "manifest.json").read_text())
    out, _ = run("demo_setup")
    assert f"Demo articles: {len(listed)} stored, 0 already there" in out
    first = next(e for e in listed if e["file"].endswith(".txt"))
    article = Article.objects.get(source_name=first["file"])
    assert (article.outlet.name, article.url, article.published.isoformat()) == (
        first["outlet"],
        first["url"],
        first["published"],
    )
    assert article.uploaded_by.username == "demo"

    out, _ = run("demo_setup")
    assert f"Demo articles: 0 stored, {len(listed)} already there" in out
    assert Article.objects.count() == len(listed)
