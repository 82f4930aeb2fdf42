"""The CSV export: exactly the filtered claims, row by row, streamed, and safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine
from django.http import StreamingHttpResponse
from django.utils import timezone

from claims.exports import COLUMNS, export_filename
from claims.models import Claim, Region
from tests.claims.helpers import D, claim, filterset, repeated
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def _export(client, query: str = "") -> tuple[StreamingHttpResponse, list[dict[str, str]]]:
    response = client.get("/claims/export.csv" + (f"?{query}" if query else ""))
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


@pytest.fixture
def data():
    kursk = Region.objects.get(name="Kursk Oblast")
    outlet = OutletFactory(name="Kyiv Independent")
    repeated(3, value=1610, date=D(2024, 11, 24), region=kursk)
    claim(
        value=485,
        qualifier="up_to",
        subject_side="UA",
        claimant_side="RU",
        region=kursk,
        article=ArticleFactory(outlet=outlet, title="Moscow's figures", url="https://example.org/a"),
    )
    claim(value=12, value_max=20, category="equipment", equipment="tank", date=D(2024, 10, 3))
    claim(value=150000, period="cumulative", date=D(2024, 11, 24), review_status="confirmed")
    claim(value=99, review_status="rejected")
    claim(category="engagement", value=None, date=None, unit_raw="Rubizh Brigade")


@pytest.mark.parametrize(
    "query",
    [
        "",
        "region=kursk-oblast",
        "subject_side=UA",
        "category=equipment",
        "review_status=rejected",
        "period=cumulative",
        "date_from=2024-11-01&date_to=2024-11-30",
        "q=lost",
    ],
)
def test_the_export_holds_exactly_the_filtered_claims_row_by_row(client_for, alice, data, query):
    _, rows = _export(client_for(alice), query)
    expected = {c.pk: c for c in filterset(query).qs.select_related("article__outlet", "region", "unit")}

    assert sorted(int(r["claim_id"]) for r in rows) == sorted(expected)
    for row in rows:
        c = expected[int(row["claim_id"])]
        assert row["category"] == c.category
        assert row["equipment"] == (c.equipment or "")
        assert row["value"] == ("" if c.value is None else str(c.value))
        assert row["value_max"] == ("" if c.value_max is None else str(c.value_max))
        assert row["qualifier"] == c.qualifier
        assert row["subject_side"] == c.subject_side
        assert row["claimant_side"] == (c.claimant_side or "")
        assert row["period"] == c.period
        assert row["date"] == (c.date.isoformat() if c.date else "")
        assert row["region"] == (c.region.name if c.region else c.region_raw)
        assert row["unit"] == (c.unit.name if c.unit else c.unit_raw)
        assert row["evidence"] == c.evidence
        assert (int(row["start"]), int(row["end"])) == (c.start, c.end)
        assert row["review_status"] == c.review_status
        assert row["article_id"] == str(c.article_id)
        assert row["article_title"] == c.article.title
        assert row["outlet"] == (c.article.outlet.name if c.article.outlet else "")
        assert row["article_url"] == c.article.url
        assert row["published"] == c.article.published.isoformat()


def test_the_columns_are_the_schema_and_the_article(client_for, alice, data):
    response = client_for(alice).get("/claims/export.csv")
    header = next(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert header == COLUMNS
    schema = [
        "category",
        "equipment",
        "value",
        "value_max",
        "qualifier",
        "subject_side",
        "claimant",
        "claimant_side",
        "period",
        "date",
        "date_start",
        "region",
        "place",
        "unit",
        "evidence",
        "start",
        "end",
    ]
    assert set(schema) <= set(header)


def test_the_source_count_is_the_articles_printing_the_figure(client_for, alice, data):
    _, rows = _export(client_for(alice))
    counts = {r["value"]: r["source_count"] for r in rows}
    assert counts["1610"] == "3" and counts["485"] == "1"
    assert [r["value"] for r in rows].count("1610") == 3


def test_rejected_claims_stay_out_unless_asked_for(client_for, alice, data):
    _, rows = _export(client_for(alice))
    assert "99" not in {r["value"] for r in rows}
    assert len(rows) == Claim.objects.exclude(review_status="rejected").count()


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_would_run_as_formulas_are_neutralised(client_for, alice, start):
    text = f'{start}HYPERLINK("http://evil.example","click") Russia lost 5 men.'
    article = ArticleFactory(text=text, title=f"{start}cmd|' /C calc'!A0", url="")
    claim(article=article, value=5, evidence=text)

    _, rows = _export(client_for(alice))

    assert rows[0]["evidence"] == "'" + text
    assert rows[0]["article_title"] == "'" + article.title


def test_ordinary_text_is_left_alone(client_for, alice):
    claim(value=5, text="Russia lost 5 men - and 3 tanks = 8 losses.")
    _, rows = _export(client_for(alice))
    assert rows[0]["evidence"] == "Russia lost 5 men - and 3 tanks = 8 losses."


def test_commas_quotes_and_line_breaks_stay_inside_their_cell(client_for, alice):
    text = 'Kyiv said "at least 1,200" Russian soldiers were killed,\r\nnear Pokrovsk; "a lot", it said.'
    article = ArticleFactory(
        text=text, title='Report: "Heavy" losses, again', url="https://example.org/a?b=1,2"
    )
    claim(
        article=article,
        value=1200,
        evidence=text,
        claimant_raw='Oleksandr "Sasha" Syrskyi, commander',
        region_raw="",
        place_raw="Pokrovsk, Donetsk",
    )

    response, rows = _export(client_for(alice))

    assert len(rows) == 1
    row = rows[0]
    assert row["evidence"] == text
    assert row["article_title"] == article.title
    assert row["article_url"] == article.url
    assert row["claimant"] == 'Oleksandr "Sasha" Syrskyi, commander'
    assert row["place"] == "Pokrovsk, Donetsk"
    assert row["region"] == ""  # no region: an empty cell, not a missing one
    assert row["source_count"] == "1" and row["published"] == article.published.isoformat()
    assert list(row) == COLUMNS


def test_a_byte_order_mark_on_request(client_for, alice, data):
    client = client_for(alice)
    plain = b"".join(client.get("/claims/export.csv").streaming_content)
    excel = b"".join(client.get("/claims/export.csv?bom=1").streaming_content)
    assert not plain.startswith(b"\xef\xbb\xbf")
    assert excel.startswith(b"\xef\xbb\xbf") and excel[3:] == plain


def test_non_ascii_text_is_utf8(client_for, alice):
    claim(value=5, text="Soedzja (Суджа): Russia lost 5 men — «verified».")
    response, rows = _export(client_for(alice))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows[0]["evidence"] == "Soedzja (Суджа): Russia lost 5 men — «verified»."


@time_machine.travel("2025-01-31 12:00:00Z", tick=False)
def test_the_file_name_has_the_date_and_the_filters(client_for, alice, data):
    response = client_for(alice).get("/claims/export.csv?subject_side=RU&region=kursk-oblast&group=side")
    disposition = response["Content-Disposition"]
    assert disposition == 'attachment; filename="claims-2025-01-31-region-kursk-oblast_subject_side-RU.csv"'


def test_file_names_keep_to_safe_characters():
    name = export_filename(D(2025, 1, 31), {"q": 'drones "Shahed" / <script>'})
    assert name == "claims-2025-01-31-q-drones-Shahed-script.csv"


def test_a_bad_filter_is_a_400_not_a_file(client_for, alice):
    response = client_for(alice).get("/claims/export.csv?date_from=tomorrow")
    assert response.status_code == 400
    assert "Cannot export" in response.content.decode()


def test_the_export_streams_in_chunks(client_for, alice, monkeypatch):
    from claims import exports

    monkeypatch.setattr(exports, "CHUNK_ROWS", 2)
    monkeypatch.setattr(exports, "CHUNK_BYTES", 100)
    for value in range(1, 8):
        claim(value=value)
    response = client_for(alice).get("/claims/export.csv")
    chunks = list(response.streaming_content)
    assert len(chunks) >= 3
    assert sum(c.count(b"\n") for c in chunks) == 8


def test_the_export_says_who_reviewed_each_claim_when_and_where_it_came_from(client_for, alice, carol):
    at = timezone.now()
    reviewed = claim(value=5, review_status="confirmed", reviewed_by=carol, reviewed_at=at)
    added = claim(value=6, review_status="confirmed", origin="reviewer", reviewed_by=carol, reviewed_at=at)
    machine = claim(value=7)
    _, rows = _export(client_for(alice), "")
    by_id = {int(r["claim_id"]): r for r in rows}
    assert by_id[reviewed.pk]["reviewed_by"] == carol.username
    assert by_id[reviewed.pk]["reviewed_at"].startswith(at.strftime("%Y-%m-%d %H:%M:%S"))
    assert (by_id[reviewed.pk]["origin"], by_id[added.pk]["origin"]) == ("machine", "reviewer")
    assert (by_id[machine.pk]["reviewed_by"], by_id[machine.pk]["reviewed_at"]) == ("", "")


def test_the_civilian_flag_is_a_column_of_the_export_and_a_filter(client_for, alice):
    from tests.claims.helpers import D, claim

    soldiers = claim(value=31, date=D(2024, 5, 1), category="killed", subject_side="UA")
    civilians = claim(value=31, date=D(2024, 5, 1), category="killed", subject_side="UA", civilian=True)
    _, rows = _export(client_for(alice), "")
    flags = {int(r["claim_id"]): r["civilian"] for r in rows}
    assert flags == {soldiers.pk: "false", civilians.pk: "true"}
    _, only = _export(client_for(alice), "civilian=yes")
    assert [int(r["claim_id"]) for r in only] == [civilians.pk]
    # Same figure, day and side: still two facts.
    assert soldiers.fact_key != civilians.fact_key


@pytest.mark.parametrize("sort", ["-date", "date", "-value", "value"])
def test_the_database_writes_the_same_file_as_python_does(data, sort):
    """On PostgreSQL the export is COPY's CSV; elsewhere each line is joined in Python: the same bytes."""
    from claims import exports

    text = 'He said "=1+1", then:\nnothing more; @all, -3 tanks.'
    claim(value=7, evidence=text, text=text, claimant_raw="=cmd", place_raw="")
    repeated(2, value=40, date=D(2024, 11, 25), category="killed")
    claims = filterset("").qs

    written = b"".join(exports.export_stream(claims, sort=sort, bom=True))
    joined = "".join(exports.csv_rows(exports.export_lines(claims, sort=sort), bom=True)).encode()

    assert written == joined
    rows = list(csv.DictReader(io.StringIO(written.decode().removeprefix("\ufeff"))))
    assert len(rows) == claims.count() == 10
    assert {r["source_count"] for r in rows if r["value"] in ("40", "1610")} == {"2", "3"}
