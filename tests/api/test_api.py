"""The API: every endpoint with every role, tokens (hashed, read-only, expired, revoked, last use), the
table's filters and their errors as problem details, cursor pages and ?fields=, uploads answered 202, review
actions through the review app's services (history kept), the timeline, the export, ClaimReview, the rate."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from api.auth import TokenRateThrottle
from api.models import ApiToken
from claims.models import Claim, Claimant
from claims.references import SeriesMeta, checks_refresh, reference_import
from review.models import ClaimChange
from tests.claims.helpers import D, claim

pytestmark = pytest.mark.django_db


def _token(user, *, read_only: bool = False, **fields) -> str:
    _, raw = ApiToken.objects.create(user=user, expiry=fields.pop("expiry", None), name="test",
                                     read_only=read_only, **fields)  # fmt: skip
    return raw


def _auth(raw: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Token {raw}"}


@pytest.fixture
def figures():
    return [
        claim(value=1_200, date=D(2024, 11, 19), claimant_side="UA", subject_side="RU"),
        claim(value=400, date=D(2024, 11, 20), claimant_side="RU", subject_side="UA", category="killed"),
    ]


# --- who may do what ---------------------------------------------------------------------------------------

READS = [
    "api:root", "api:claim-list", "api:article-list", "api:region-list", "api:place-list", "api:unit-list",
    "api:claimant-list", "api:person-list", "api:timeline", "api:export", "api:schema",
]  # fmt: skip


@pytest.mark.parametrize("name", READS)
def test_every_read_needs_a_login_and_a_role(client, name, alice, dave):
    url = reverse(name) + ("?format=json" if name == "api:schema" else "")
    answer = client.get(url)
    assert answer.status_code == 401 and answer["Content-Type"] == "application/problem+json"
    assert answer.json()["title"] == "Not authenticated"
    assert client.get(url, **_auth(_token(dave))).status_code == 403
    assert client.get(url, **_auth(_token(alice))).status_code == 200


def _writes(figures) -> list[tuple[str, str, dict]]:
    """(method, url, body) of every write the API offers."""
    first, article = figures[0], figures[0].article
    added = {"category": "wounded", "value": 30, "subject_side": "RU", "start": 0, "end": len(article.text)}
    return [
        (
            "post",
            reverse("api:article-list"),
            {"text": "Russia lost 1,310 soldiers, Kyiv said.", "published": "2024-11-21"},
        ),
        ("post", reverse("api:claim-confirm", args=[first.pk]), {}),
        ("post", reverse("api:claim-reject", args=[first.pk]), {"reason": "not a loss"}),
        ("post", reverse("api:claim-reopen", args=[first.pk]), {}),
        ("patch", reverse("api:claim-detail", args=[first.pk]), {"value": 1250}),
        ("post", reverse("api:article-add-claim", args=[article.pk]), added),
    ]


# What each role gets from each write above: Viewers none, Contributors the upload, Reviewers all.
WRITES_BY_ROLE = {
    "dave": [403] * 6,
    "alice": [403] * 6,
    "bob": [202, 403, 403, 403, 403, 403],
    "carol": [202, 200, 200, 200, 200, 201],
}


@pytest.mark.parametrize("user", list(WRITES_BY_ROLE))
def test_every_write_follows_the_roles_of_the_pages(client, request, figures, user):
    raw = _token(request.getfixturevalue(user))
    got = [
        getattr(client, method)(url, body, content_type="application/json", **_auth(raw)).status_code
        for method, url, body in _writes(figures)
    ]
    assert got == WRITES_BY_ROLE[user]


@pytest.mark.parametrize("user", list(WRITES_BY_ROLE))
def test_every_claim_read_follows_the_roles_of_the_pages(client, request, figures, user):
    raw = _token(request.getfixturevalue(user))
    first = figures[0]
    urls = [
        reverse("api:claim-detail", args=[first.pk]),
        reverse("api:claim-claimreview", args=[first.pk]),
        reverse("api:article-detail", args=[first.article_id]),
        reverse("api:region-detail", args=["kursk-oblast"]),
    ]
    expected = 403 if user == "dave" else 200
    assert [client.get(url, **_auth(raw)).status_code for url in urls] == [expected] * len(urls)


def test_a_read_only_token_reads_but_never_writes(client, carol, figures):
    raw = _token(carol, read_only=True)
    assert client.get(reverse("api:claim-list"), **_auth(raw)).status_code == 200
    answer = client.post(reverse("api:claim-confirm", args=[figures[0].pk]), **_auth(raw))
    assert answer.status_code == 403 and "read-only" in answer.json()["detail"]
    assert Claim.objects.get(pk=figures[0].pk).review_status == "unreviewed"


def test_tokens_are_kept_hashed_and_stop_working_when_expired_or_revoked(client, alice, figures):
    raw = _token(alice)
    token = ApiToken.objects.get()
    assert raw.startswith("ct_") and raw not in (token.digest, token.token_key) and token.last_used is None
    assert client.get(reverse("api:claim-list"), **_auth(raw)).status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    expired = _token(alice, expiry=datetime.timedelta(seconds=-1))
    assert client.get(reverse("api:claim-list"), **_auth(expired)).status_code == 401
    client.force_login(alice)
    page = client.post(reverse("api:token_revoke", args=[token.token_key]))
    assert page.status_code == 302
    client.logout()
    assert client.get(reverse("api:claim-list"), **_auth(raw)).status_code == 401
    assert client.get(reverse("api:claim-list"), HTTP_AUTHORIZATION="Token nonsense").status_code == 401


def test_the_tokens_page_creates_a_token_shown_once_and_lists_it(client, bob):
    client.force_login(bob)
    page = client.post(
        reverse("api:tokens"), {"name": "notebook", "expires_in_days": "30", "read_write": "on"}
    )
    html = page.content.decode()
    assert page.status_code == 200 and "data-new-token" in html
    token = ApiToken.objects.get(user=bob)
    assert (token.name, token.read_only) == ("notebook", False)
    assert token.expiry.date() == (timezone.now() + datetime.timedelta(days=30)).date()
    again = client.get(reverse("api:tokens")).content.decode()
    assert "notebook" in again and "data-new-token" not in again and "read-write" in again
    bad = client.post(reverse("api:tokens"), {"name": "", "expires_in_days": "0"})
    assert bad.status_code == 400 and "This field is required" in bad.content.decode()


def test_the_rate_is_per_token(client, alice, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "rate", "2/minute", raising=False)
    first, second = _token(alice), _token(alice)
    for _ in range(2):
        assert client.get(reverse("api:root"), **_auth(first)).status_code == 200
    answer = client.get(reverse("api:root"), **_auth(first))
    assert answer.status_code == 429 and answer.json()["title"] == "Too many requests"
    assert client.get(reverse("api:root"), **_auth(second)).status_code == 200


# --- claims ----------------------------------------------------------------------------------------------


def test_claims_take_the_tables_filters_and_refuse_a_bad_one_with_problem_details(client, alice, figures):
    raw = _token(alice)
    answer = client.get(reverse("api:claim-list"), {"subject_side": "RU"}, **_auth(raw))
    assert [c["id"] for c in answer.json()["results"]] == [figures[0].pk]
    answer = client.get(reverse("api:claim-list"), {"date_from": "not a date"}, **_auth(raw))
    body = answer.json()
    assert answer.status_code == 400 and answer["Content-Type"] == "application/problem+json"
    assert body["status"] == 400 and "date_from" in body["errors"]


def test_a_cursor_walks_every_claim_once_and_fields_narrow_each(client, alice):
    stored = {claim(value=n, date=D(2024, 11, 1) + datetime.timedelta(days=n)).pk for n in range(1, 8)}
    raw = _token(alice)
    seen, url = [], reverse("api:claim-list") + "?page_size=3&fields=id,value"
    while url:
        page = client.get(url, **_auth(raw)).json()
        assert all(set(row) == {"id", "value"} for row in page["results"])
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert sorted(seen) == sorted(stored) and len(seen) == len(set(seen))
    answer = client.get(reverse("api:claim-list"), {"fields": "id,nope"}, **_auth(raw))
    assert answer.status_code == 400 and "nope" in str(answer.json()["errors"])


def test_a_page_of_claims_names_their_registries_in_the_same_queries_for_many(client, alice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from claims.models import Region, Unit

    entries = list(
        zip(
            Unit.objects.order_by("name")[:12],
            Region.objects.order_by("name")[:12],
            Claimant.objects.order_by("name")[:12],
            strict=True,
        )
    )
    raw = _token(alice)
    client.get(reverse("api:claim-list"), **_auth(raw))  # the token's first use is written down once
    expected = set()

    def read(first: int, last: int) -> tuple[int, list[dict]]:
        for n in range(first, last):
            unit, region, claimant = entries[n]
            claim(value=100 + n, unit=unit, region=region, claimant=claimant)
            expected.add((100 + n, unit.name, region.name, claimant.name))
        with CaptureQueriesContext(connection) as queries:
            rows = client.get(reverse("api:claim-list"), **_auth(raw)).json()["results"]
        return len(queries.captured_queries), rows

    few, _ = read(0, 2)
    many, rows = read(2, 12)
    assert many == few
    assert {(r["value"], r["unit"], r["region"], r["claimant"]) for r in rows} == expected


def test_a_stretch_of_dates_lists_its_claims_newest_stored_first_however_they_were_stored(client, alice):
    # Stored out of date order, as an archive's old articles are after live ones: each stretch still lists
    # exactly its claims (the id band it is bounded by is only wider), page after page.
    dates = [D(2024, 3, 1), D(2023, 1, 1), D(2024, 6, 1), D(2025, 1, 1), D(2024, 1, 1), None, D(2024, 12, 31)]
    stored = [claim(value=n + 1, date=day) for n, day in enumerate(dates)]
    raw = _token(alice)

    def listed(query: str) -> list[int]:
        seen, url = [], reverse("api:claim-list") + f"?page_size=2&{query}"
        while url:
            page = client.get(url, **_auth(raw))
            assert page.status_code == 200, page.content
            seen += [row["id"] for row in page.json()["results"]]
            url = page.json()["next"]
        return seen

    def newest_first(test) -> list[int]:
        return sorted((c.pk for c in stored if c.date and test(c.date)), reverse=True)

    assert listed("date_from=2024-01-01&date_to=2024-12-31") == newest_first(lambda d: d.year == 2024)
    assert listed("date_from=2024-06-01") == newest_first(lambda d: d >= D(2024, 6, 1))
    assert listed("date_to=2024-01-01") == newest_first(lambda d: d <= D(2024, 1, 1))
    assert listed("date_from=01/03/2024&date_to=01/06/2024") == newest_first(
        lambda d: D(2024, 3, 1) <= d <= D(2024, 6, 1)
    )
    assert listed("date_from=2030-01-01") == listed("date_to=2020-01-01") == []
    assert listed("date_from=2024-07-01&date_to=2024-07-31") == []
    assert listed("date_from=2025-01-01&date_to=2024-01-01") == []


@pytest.mark.postgres
def test_the_id_band_of_a_stretch_holds_exactly_its_first_and_last_claim():
    from claims.selectors import claim_id_bounds

    march, june, old, july = (
        claim(date=day).pk for day in (D(2024, 3, 1), D(2024, 6, 1), D(2023, 1, 1), D(2024, 7, 9))
    )
    assert claim_id_bounds(D(2024, 1, 1), D(2024, 6, 30)) == (march, june)
    assert claim_id_bounds(None, D(2024, 6, 30)) == (march, old)
    assert claim_id_bounds(D(2024, 6, 1), None) == (june, july)
    assert claim_id_bounds(D(2024, 4, 1), D(2024, 5, 1)) == (1, 0)
    # A date misread a century back leaves the open stretches unbounded, not read a day at a time.
    claim(date=D(1924, 3, 1))
    assert claim_id_bounds(None, D(2024, 6, 30)) is None
    assert claim_id_bounds(D(2024, 1, 1), D(2024, 6, 30)) == (march, june)


def test_a_claims_detail_has_its_sources_history_and_reference_check(client, carol):
    staff = Claimant.objects.get(name="Security Service of Ukraine")
    meta = SeriesMeta(source="a test", claimant=staff.name, subject_side="RU")
    tally = "2024-05-01,7000\n2024-05-02,7012\n"
    reference_import(tally, "csv", meta, name="Staff tanks", category="equipment", equipment="tank")
    fields = {"category": "equipment", "equipment": "tank", "period": "cumulative", "claimant": staff,
              "claimant_side": "UA", "subject_side": "RU", "value": 7010, "date": D(2024, 5, 2)}  # fmt: skip
    first, second = claim(**fields), claim(**fields)
    checks_refresh([first, second])
    raw = _token(carol)
    client.post(reverse("api:claim-reject", args=[first.pk]), {"reason": "digits swapped"},
                content_type="application/json", **_auth(raw))  # fmt: skip
    body = client.get(reverse("api:claim-detail", args=[first.pk]), **_auth(raw)).json()
    assert body["review_status"] == "rejected"
    assert [h["action"] for h in body["history"]] == ["rejected"] and body["history"][0][
        "reason"
    ] == "digits swapped"
    assert [s["claim"] for s in body["sources"]] == [second.pk]  # the rejected claim is no source
    assert body["reference_check"] == {"series": "Staff tanks", "status": "differs", "reference_value": 7012,
                                       "difference": -2}  # fmt: skip


def test_a_reviewers_edit_goes_through_the_review_service_and_its_checks(client, carol, figures):
    raw = _token(carol)
    url = reverse("api:claim-detail", args=[figures[0].pk])
    answer = client.patch(url, {"value": 1250, "region": "kursk-oblast", "reason": "the article says 1,250"},
                          content_type="application/json", **_auth(raw))  # fmt: skip
    assert answer.status_code == 200
    assert (answer.json()["value"], answer.json()["region"], answer.json()["review_status"]) == (
        1250,
        "Kursk Oblast",
        "confirmed",
    )
    change = ClaimChange.objects.get(claim=figures[0])
    assert change.action == "edited" and change.reason == "the article says 1,250" and change.user == carol
    bad = client.patch(url, {"value_max": 10}, content_type="application/json", **_auth(raw))
    assert bad.status_code == 400 and bad.json()["errors"]
    assert client.put(url, {"value": 3}, content_type="application/json", **_auth(raw)).status_code == 405


def test_a_reviewer_adds_a_claim_the_engine_missed(client, carol, figures):
    article = figures[0].article
    raw = _token(carol)
    data = {"category": "wounded", "value": 30, "subject_side": "RU", "claimant_side": "UA",
            "date": "2024-11-19", "start": 0, "end": len(article.text)}  # fmt: skip
    answer = client.post(reverse("api:article-add-claim", args=[article.pk]), data,
                         content_type="application/json", **_auth(raw))  # fmt: skip
    assert answer.status_code == 201 and answer.json()["origin"] == "reviewer"
    again = client.post(reverse("api:article-add-claim", args=[article.pk]), data,
                        content_type="application/json", **_auth(raw))  # fmt: skip
    assert again.status_code == 400 and "already has this claim" in str(again.json()["errors"])


# --- articles ----------------------------------------------------------------------------------------------


def test_an_upload_is_answered_202_with_the_article_to_poll_and_a_repeat_200(
    client, bob, django_capture_on_commit_callbacks
):
    raw = _token(bob)
    text = "Russia lost 1,310 soldiers over the past day, Ukraine's General Staff said on Thursday."
    with django_capture_on_commit_callbacks(execute=True):
        data = {"text": text, "outlet": "Kyiv Wire", "published": "2024-11-21"}
        answer = client.post(reverse("api:article-list"), data, content_type="application/json", **_auth(raw))
    assert answer.status_code == 202 and answer.json()["status"] == "queued"
    polled = client.get(answer["Location"], **_auth(raw)).json()
    assert (
        polled["status"] == "done" and polled["outlet"] == "Kyiv Wire" and polled["published"] == "2024-11-21"
    )
    assert [c["value"] for c in polled["claims"]] == [1310]
    repeat = client.post(
        reverse("api:article-list"), {"text": text}, content_type="application/json", **_auth(raw)
    )
    assert repeat.status_code == 200 and repeat.json()["id"] == polled["id"]


def test_a_file_upload_and_the_bad_ones(client, bob):
    raw = _token(bob)
    upload = io.BytesIO(b"Russia lost 90 soldiers near Kupiansk, the General Staff said.")
    upload.name = "report.txt"
    answer = client.post(
        reverse("api:article-list"), {"file": upload, "published": "2024-11-21"}, **_auth(raw)
    )
    assert answer.status_code == 202
    both = client.post(reverse("api:article-list"), {"text": "x", "file": io.BytesIO(b"y")}, **_auth(raw))
    assert both.status_code == 400
    neither = client.post(reverse("api:article-list"), {}, content_type="application/json", **_auth(raw))
    assert neither.status_code == 400 and "one of them" in str(neither.json()["errors"])
    empty = io.BytesIO(b"   ")
    empty.name = "blank.txt"
    answer = client.post(reverse("api:article-list"), {"file": empty}, **_auth(raw))
    assert answer.status_code == 400 and answer.json()["errors"]["file"]
    date = client.post(reverse("api:article-list"), {"text": "some text", "published": "May"},
                       content_type="application/json", **_auth(raw))  # fmt: skip
    assert date.status_code == 400 and "published" in date.json()["errors"]


# --- timeline, export, registries, ClaimReview ----------------------------------------------------------


def test_every_claim_field_is_documented_in_the_schema(client, alice):
    schema = client.get(reverse("api:schema"), {"format": "json"}, **_auth(_token(alice))).json()
    for name in ("Claim", "ClaimDetail", "Article", "PatchedClaimEditRequest"):
        properties = schema["components"]["schemas"][name]["properties"]
        undocumented = [
            p for p, spec in properties.items() if p not in ("id", "url") and not spec.get("description")
        ]
        assert not undocumented, f"{name}: {undocumented}"


def test_the_timeline_gives_the_charts_numbers(client, alice, figures):
    body = client.get(
        reverse("api:timeline"), {"measure": "figures", "group": "pair"}, **_auth(_token(alice))
    ).json()
    series = {d["label"]: d["data"] for d in body["datasets"]}
    assert body["labels"] == ["2024-11-18"] and series["Ukraine on Russia"] == [1200]
    bad = client.get(reverse("api:timeline"), {"bucket": "decade"}, **_auth(_token(alice)))
    assert bad.status_code == 400 and "bucket" in bad.json()["errors"]


def test_the_export_streams_the_filtered_claims_as_csv(client, alice, figures):
    answer = client.get(reverse("api:export"), {"subject_side": "UA"}, **_auth(_token(alice)))
    rows = list(csv.DictReader(io.StringIO(b"".join(answer.streaming_content).decode())))
    assert answer["Content-Type"].startswith("text/csv") and [r["value"] for r in rows] == ["400"]


def test_registries_are_listed_searched_and_read_by_slug(client, alice):
    raw = _token(alice)
    found = client.get(reverse("api:region-list"), {"search": "kursk"}, **_auth(raw)).json()
    assert [r["slug"] for r in found] == ["kursk-oblast"]
    one = client.get(reverse("api:region-detail", args=["kursk-oblast"]), **_auth(raw)).json()
    assert one["name"] == "Kursk Oblast" and "Kursk region" in " ".join(one["aliases"]) or one["aliases"]
    assert client.get(reverse("api:region-detail", args=["nowhere"]), **_auth(raw)).status_code == 404


def test_claimreview_rates_only_reviewed_claims_and_by_the_reference(client, carol, figures):
    raw = _token(carol)
    url = reverse("api:claim-claimreview", args=[figures[0].pk])
    unreviewed = client.get(url, **_auth(raw)).json()
    assert unreviewed["@type"] == "ClaimReview" and "reviewRating" not in unreviewed
    assert unreviewed["claimReviewed"] == figures[0].evidence
    assert unreviewed["itemReviewed"]["appearance"]["headline"] == figures[0].article.title
    client.post(reverse("api:claim-confirm", args=[figures[0].pk]), **_auth(raw))
    rated = client.get(url, **_auth(raw)).json()
    assert rated["reviewRating"]["ratingValue"] == 3 and rated["datePublished"]
    listed = client.get(reverse("api:claim-list"), {"format": "jsonld", "subject_side": "RU"}, **_auth(raw))
    assert listed["Content-Type"].startswith("application/ld+json")
    assert [r["@type"] for r in listed.json()["results"]] == ["ClaimReview"]


def test_the_json_ld_list_is_documented_as_its_own_shape_not_as_claims(client, alice):
    schema = client.get(reverse("api:schema"), {"format": "json"}, **_auth(_token(alice))).json()
    content = schema["paths"]["/api/v1/claims/"]["get"]["responses"]["200"]["content"]
    assert content["application/json"]["schema"]["$ref"].endswith("/PaginatedClaimList")
    assert content["application/ld+json"]["schema"]["type"] == "object"
    assert "$ref" not in content["application/ld+json"]["schema"]
