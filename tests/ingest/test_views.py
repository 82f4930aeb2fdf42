"""The upload form, the batch status page and retry, as each role sees them, with every bad input."""

from __future__ import annotations

import codecs
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from claims.models import Article
from ingest.models import UploadBatch, UploadItem
from tests.factories import ArticleFactory, ClaimFactory, UserFactory
from tests.ingest.documents import ARTICLE, html_page, pdf_bytes

pytestmark = pytest.mark.django_db

UPLOAD = reverse("ingest:upload")
EMPTY = "This file is empty or holds only whitespace."
BINARY = "This file holds binary data, not text; upload the article as .txt, .html or .pdf."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
CUT = "Генштаб: Россия потеряла 1610 военных.".encode()


def post(client, files=(), **fields):
    return client.post(UPLOAD, {"files": [SimpleUploadedFile(name, data) for name, data in files], **fields})


def upload_one(client, name: str, data: bytes, **fields) -> UploadItem:
    response = post(client, [(name, data)], **fields)
    assert response.status_code == 302
    item = UploadItem.objects.latest("pk")
    assert response["Location"] == item.batch.get_absolute_url()
    return item


# --- who may upload ----------------------------------------------------------------------------


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/login/" in response["Location"]


@pytest.mark.parametrize("who", ["alice", "dave"])
def test_only_contributors_may_upload(request, client_for, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(UPLOAD).status_code == 403
    assert post(client, [("a.txt", ARTICLE.encode())]).status_code == 403
    assert Article.objects.count() == 0


def test_a_contributor_sees_the_form_and_the_upload_link(client_for, bob):
    response = client_for(bob).get(UPLOAD)
    assert response.status_code == 200
    assert b'enctype="multipart/form-data"' in response.content and b"csrfmiddlewaretoken" in response.content
    assert f'href="{UPLOAD}"'.encode() in response.content


def test_a_viewer_gets_no_upload_link(client_for, alice):
    assert f'href="{UPLOAD}"'.encode() not in client_for(alice).get(reverse("claims:articles")).content


# --- good uploads ------------------------------------------------------------------------------


def test_several_files_become_one_batch_with_a_row_each(client_for, bob):
    files = [
        ("a.txt", ARTICLE.encode()),
        ("b.pdf", pdf_bytes(["Russia lost 12 tanks on Nov. 3, the MoD said."])),
    ]
    response = post(client_for(bob), files, outlet="Kyiv Daily", url="https://kyivdaily.example/x")
    batch = UploadBatch.objects.get()
    assert response.status_code == 302 and batch.created_by == bob
    assert list(batch.items.values_list("name", "state")) == [("a.txt", "stored"), ("b.pdf", "stored")]
    kinds = set(Article.objects.values_list("source_kind", "outlet__name", "status", "uploaded_by"))
    assert kinds == {("txt", "Kyiv Daily", "queued", bob.pk), ("pdf", "Kyiv Daily", "queued", bob.pk)}


def test_pasted_text_is_stored_with_its_title(client_for, bob):
    response = post(
        client_for(bob), text="Russia lost 9 tanks on Monday.", title="Nine tanks", published="2024-11-25"
    )
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title, article.source_kind, str(article.published), article.published_source) == (
        "Nine tanks",
        "paste",
        "2024-11-25",
        "form",
    )


def test_a_batch_with_one_bad_file_stores_the_good_ones_and_reports_the_bad(client_for, bob):
    client = client_for(bob)
    files = [
        ("good.txt", ARTICLE.encode()),
        ("bad.txt", PNG),
        ("also-good.htm", html_page("<p>Russia lost 9 tanks.</p>")),
    ]
    response = post(client, files)
    rows = list(UploadItem.objects.values_list("name", "state", "message"))
    assert [r[:2] for r in rows] == [
        ("good.txt", "stored"),
        ("bad.txt", "rejected"),
        ("also-good.htm", "stored"),
    ]
    assert rows[1][2] == BINARY
    assert Article.objects.count() == 2
    page = client.get(response["Location"])
    assert BINARY.encode() in page.content


# --- bad input: a clear message, nothing stored, never a 500 ------------------------------------

BAD_FILES = [
    ("empty.txt", b"", EMPTY),
    ("blank.txt", b"  \r\n\t\n  ", EMPTY),
    ("photo.txt", PNG, BINARY),
    (
        "report.docx",
        b"PK\x03\x04 not read",
        "Files ending in .docx can't be read; upload .txt, .html, .htm or .pdf files.",
    ),
    (
        "cut.txt",
        CUT + b"\xd0",
        f"This file is not valid UTF-8: the bytes at position {len(CUT)} are damaged. "
        "Save it again as UTF-8 and upload it.",
    ),
    (
        "scripts.html",
        html_page(head="<script>alert('x')</script><style>p{}</style>", body="<script>steal()</script>"),
        "This page has no readable article text, only markup, scripts or styles.",
    ),
    ("broken.pdf", b"%PDF-1.7\n1 0 obj <<\ngarbage", "This PDF is damaged and cannot be read."),
    (
        "locked.pdf",
        pdf_bytes(["Russia lost 9 tanks."], password="pw"),
        "This PDF is password-protected; remove the password and upload it again.",
    ),
    ("scan.pdf", pdf_bytes(None), "This PDF seems to be a scan with no text to read."),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES, ids=[f[0] for f in BAD_FILES])
def test_a_bad_file_is_refused_with_a_clear_message_and_nothing_stored(client_for, bob, name, data, message):
    client = client_for(bob)
    item = upload_one(client, name, data)
    assert (item.state, item.message, item.article) == (UploadItem.State.REJECTED, message, None)
    assert Article.objects.count() == 0
    page = client.get(item.batch.get_absolute_url())
    assert page.status_code == 200 and b"badge-failed" in page.content


def test_a_file_over_the_size_limit_is_refused(client_for, bob, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 100
    item = upload_one(client_for(bob), "big.txt", b"Russia lost 9 tanks. " * 10)
    assert item.message == "This file is 210 bytes, over the limit of 100 bytes a file."
    assert Article.objects.count() == 0


def test_a_duplicate_names_the_stored_article_and_adds_no_row(client_for, bob):
    client = client_for(bob)
    first = upload_one(client, "a.txt", ARTICLE.encode()).article
    again = upload_one(client, "copy.txt", ARTICLE.replace("\n", "\r\n").encode())
    assert again.state == UploadItem.State.DUPLICATE and again.article == first
    assert (
        again.message
        == f"Already stored as article #{first.pk} “Russia lost 1,610 men in a day”; nothing new was stored."
    )
    assert Article.objects.count() == 1


@pytest.mark.parametrize("value", ["26/11/2024", "2024-02-30", "yesterday", "2024-11-26; DROP TABLE"])
def test_a_date_that_does_not_parse_is_refused_and_nothing_is_stored(client_for, bob, value):
    response = post(client_for(bob), [("a.txt", ARTICLE.encode())], published=value)
    assert response.status_code == 400
    assert "Enter the publication date as YYYY-MM-DD, for example 2024-11-26." in response.content.decode()
    assert (Article.objects.count(), UploadBatch.objects.count()) == (0, 0)


def test_a_date_in_the_future_is_refused(client_for, bob):
    response = post(client_for(bob), text="Russia lost 9 tanks.", published="2999-01-01")
    assert response.status_code == 400 and b"The publication date is in the future." in response.content


def test_an_upload_with_nothing_in_it_asks_for_a_file(client_for, bob):
    response = post(client_for(bob), text="   ")
    assert response.status_code == 400 and b"Choose at least one file or paste an article" in response.content


def test_too_many_files_are_refused_before_anything_is_stored(client_for, bob, settings):
    settings.UPLOAD_MAX_FILES = 2
    files = [(f"{i}.txt", f"Russia lost {i} tanks.".encode()) for i in range(3)]
    response = post(client_for(bob), files)
    assert response.status_code == 400
    assert b"At most 2 files can be uploaded at once; you chose 3." in response.content
    assert Article.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\Windows\\win.ini.txt", "win.ini.txt"),
        ("report\x07\x1b[2J.txt", "report[2J.txt"),
        ("\u202etxt.exe.txt", "txt.exe.txt"),
    ],
)
def test_hostile_file_names_are_stored_without_folders_or_control_characters(client_for, bob, name, stored):
    client = client_for(bob)
    item = upload_one(client, name, ARTICLE.encode())
    assert item.name == stored and item.article.source_name == stored
    page = client.get(item.batch.get_absolute_url()).content.decode()
    assert stored in page and "\x1b" not in page and "\u202e" not in page


def test_html_scripts_never_reach_the_stored_text_and_pasted_markup_is_shown_escaped(client_for, bob):
    client = client_for(bob)
    page = html_page(
        head="<title>x</title><script>alert('head')</script>",
        body="<article><p>Russia lost 1,610 men, the General Staff said.</p><script>alert('body')</script>"
        "<style>p{color:red}</style></article>",
    )
    item = upload_one(client, "page.html", page)
    assert "alert" not in item.article.text and "color:red" not in item.article.text

    post(client, text="<script>alert('pasted')</script> Russia lost 9 tanks.", title="<b>Tanks</b>")
    article = Article.objects.get(title="<b>Tanks</b>")
    shown = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert('pasted')" not in shown and "&lt;script&gt;alert(" in shown
    assert "<b>Tanks</b>" not in shown and "&lt;b&gt;Tanks&lt;/b&gt;" in shown


# --- the batch page ----------------------------------------------------------------------------


def test_the_batch_page_polls_until_every_row_is_done_or_failed(client_for, bob):
    client = client_for(bob)
    item = upload_one(client, "a.txt", ARTICLE.encode())
    url = item.batch.get_absolute_url()

    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in partial and "<html" not in partial and 'id="batch-rows"' in partial
    assert "badge-queued" in partial

    Article.objects.filter(pk=item.article_id).update(status=Article.Status.DONE)
    ClaimFactory.create_batch(3, article=item.article)
    partial = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "every 1s" not in partial and "badge-done" in partial
    assert "<td>3</td>" in partial and item.article.get_absolute_url() in partial


def test_a_failed_article_shows_its_reason_and_a_retry_button(client_for, bob):
    client = client_for(bob)
    item = upload_one(client, "a.txt", ARTICLE.encode())
    Article.objects.filter(pk=item.article_id).update(status=Article.Status.FAILED, error="ValueError: <bad>")
    page = client.get(item.batch.get_absolute_url()).content.decode()
    assert "Extraction failed: ValueError: &lt;bad&gt;" in page
    assert reverse("ingest:retry", args=[item.article_id]) in page


def test_someone_elses_batch_is_not_found(client_for, bob, carol):
    item = upload_one(client_for(carol), "a.txt", ARTICLE.encode())
    assert client_for(bob).get(item.batch.get_absolute_url()).status_code == 404


def test_staff_see_every_batch(client_for, bob):
    item = upload_one(client_for(bob), "a.txt", ARTICLE.encode())
    staff = UserFactory(username="root", is_staff=True, is_superuser=True)
    assert client_for(staff).get(item.batch.get_absolute_url()).status_code == 200


def test_a_viewer_cannot_see_batches(client_for, bob, alice):
    item = upload_one(client_for(bob), "a.txt", ARTICLE.encode())
    assert client_for(alice).get(item.batch.get_absolute_url()).status_code == 403


# --- retry -------------------------------------------------------------------------------------


def test_retry_requeues_a_failed_article_and_returns_to_the_batch(client_for, bob):
    article = ArticleFactory(status=Article.Status.FAILED, error="boom")
    response = client_for(bob).post(
        reverse("ingest:retry", args=[article.pk]), {"next": "/upload/batches/7/"}
    )
    assert response.status_code == 302 and response["Location"] == "/upload/batches/7/"
    article.refresh_from_db()
    assert (article.status, article.error) == ("queued", "")


def test_retry_ignores_a_next_url_off_this_site(client_for, bob):
    article = ArticleFactory(status=Article.Status.FAILED)
    response = client_for(bob).post(
        reverse("ingest:retry", args=[article.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == article.get_absolute_url()


def test_retry_is_post_only_and_for_contributors(client_for, alice, bob):
    article = ArticleFactory(status=Article.Status.FAILED)
    url = reverse("ingest:retry", args=[article.pk])
    assert client_for(bob).get(url).status_code == 405
    assert client_for(alice).post(url).status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.FAILED


def test_the_txt_parser_reads_a_utf8_bom_through_the_form(client_for, bob):
    item = upload_one(client_for(bob), "bom.txt", codecs.BOM_UTF8 + ARTICLE.encode())
    assert item.article.text == ARTICLE.strip()


def test_a_row_stuck_in_the_queue_offers_a_retry(client_for, bob):
    client = client_for(bob)
    item = upload_one(client, "a.txt", ARTICLE.encode())
    retry = reverse("ingest:retry", args=[item.article_id])
    assert retry not in client.get(item.batch.get_absolute_url()).content.decode()
    Article.objects.filter(pk=item.article_id).update(status_changed_at=timezone.now() - timedelta(hours=1))
    page = client.get(item.batch.get_absolute_url()).content.decode()
    assert retry in page and "Waiting longer than it should" in page


def test_staff_read_batches_in_the_admin(client_for, bob):
    item = upload_one(client_for(bob), "a.txt", ARTICLE.encode())
    staff = UserFactory(username="root", is_staff=True, is_superuser=True)
    page = client_for(staff).get(reverse("admin:ingest_uploadbatch_change", args=[item.batch_id]))
    assert page.status_code == 200 and b"a.txt" in page.content


# --- limits answered with the form -------------------------------------------------------------


def test_a_batch_far_over_the_file_limit_gets_the_form_and_the_limit(client_for, bob, settings):
    settings.UPLOAD_MAX_FILES = 2
    files = [(f"{i}.txt", f"Russia lost {i} tanks.".encode()) for i in range(25)]
    response = post(client_for(bob), files, outlet="Reuters")
    assert response.status_code == 400
    assert b"At most 2 files can be uploaded at once; you chose 25." in response.content
    assert b'value="Reuters"' in response.content  # the form keeps what was typed
    assert Article.objects.count() == 0


def test_a_paste_over_the_size_limit_gets_the_form_and_the_limit(client_for, bob, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024
    response = post(client_for(bob), text="Russia lost 9 tanks. " * 100, title="Long read")
    assert response.status_code == 400
    assert b"The pasted text is 2.0 KB, over the limit of 1.0 KB; split it, or upload it as files." in (
        response.content
    )
    assert b'value="Long read"' in response.content
    assert Article.objects.count() == 0


def _raw_upload(client, name: str, data: bytes):
    boundary = "claimtrack-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            f"Content-Type: text/plain\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return client.post(UPLOAD, body, content_type=f"multipart/form-data; boundary={boundary}")


def test_a_file_name_too_long_to_read_gets_the_form_and_the_limit(client_for, bob):
    response = _raw_upload(client_for(bob), "b" * 1000 + ".txt", b"Russia lost 9 tanks on Monday.")
    assert response.status_code == 400
    assert b"A file&#x27;s name is too long" in response.content
    assert b"may be at most 1,024 bytes. Nothing was stored" in response.content
    assert b'name="files"' in response.content  # the upload form, ready for the renamed file
    assert Article.objects.count() == 0


def test_more_files_than_django_reads_at_all_get_the_form_and_the_limit(client_for, bob, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    settings.UPLOAD_MAX_FILES = 2
    files = [(f"{i}.txt", f"Russia lost {i} tanks.".encode()) for i in range(4)]
    response = post(client_for(bob), files)
    assert response.status_code == 400
    assert b"More than 3 files came in one upload; at most 2 can be sent at once." in response.content
    assert Article.objects.count() == 0


def test_a_pasted_text_holding_a_nul_is_refused_and_nothing_stored(client_for, bob):
    response = post(client_for(bob), text="Russia lost\x00 9 tanks.", title="Nul test")
    assert response.status_code == 400
    assert b"contains a NUL character" in response.content and b"Back to the form" in response.content
    assert Article.objects.count() == 0


# --- an article's details ---------------------------------------------------------------------


def details_url(article) -> str:
    return reverse("ingest:article_details", args=[article.pk])


@pytest.mark.parametrize(("who", "status"), [("alice", 403), ("dave", 403), ("bob", 200), ("carol", 200)])
def test_contributors_and_reviewers_may_edit_an_articles_details(request, client_for, who, status):
    article = ArticleFactory(title="Nine tanks")
    client = client_for(request.getfixturevalue(who))
    assert client.get(details_url(article)).status_code == status
    assert client.post(details_url(article), {"title": "Ten tanks"}).status_code == (
        302 if status == 200 else 403
    )
    article.refresh_from_db()
    assert article.title == ("Ten tanks" if status == 200 else "Nine tanks")


def test_an_undated_article_says_so_and_offers_a_contributor_the_one_field_form(client_for, alice, bob):
    article = ArticleFactory(published=None, published_source="", status=Article.Status.DONE)
    page = client_for(bob).get(article.get_absolute_url()).content.decode()
    assert "No publication date" in page and 'name="published"' in page and "Give the date" in page
    page = client_for(alice).get(article.get_absolute_url()).content.decode()
    assert "No publication date" in page and "Give the date" not in page


def test_giving_the_date_saves_it_reads_the_article_again_and_shows_the_history(
    client_for, bob, django_capture_on_commit_callbacks
):
    text = "Ukraine says Russia lost 1,610 soldiers yesterday, the General Staff said."
    article = ArticleFactory(text=text, published=None, published_source="", status=Article.Status.DONE)
    client = client_for(bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(details_url(article), {"published": "2024-11-25"})
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    article.refresh_from_db()
    assert (article.published, article.published_source, article.status) == (
        timezone.datetime(2024, 11, 25).date(),
        "form",
        "done",
    )
    # Extraction ran again (in-process here): "yesterday" is now the 24th.
    assert list(article.claims.values_list("value", "date")) == [
        (1610, timezone.datetime(2024, 11, 24).date())
    ]
    page = client.get(article.get_absolute_url()).content.decode()
    assert "Its claims are being read again for the new date." in page
    assert "Publication date" in page and "2024-11-25" in page and "History of the details (1)" in page


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("25/11/2024", "Enter the publication date as YYYY-MM-DD"),
        ("2999-01-01", "The publication date is in the future."),
    ],
)
def test_a_bad_date_gets_the_form_back_with_why(client_for, bob, value, message):
    article = ArticleFactory(published=None, published_source="")
    response = client_for(bob).post(details_url(article), {"published": value})
    assert response.status_code == 400 and message in response.content.decode()
    article.refresh_from_db()
    assert article.published is None
