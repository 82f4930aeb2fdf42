"""Review endpoints: only a Reviewer reaches them, HTMX gets rows back, refused input gets its message."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, Outlet
from review.models import ClaimChange
from review.services import claim_reject
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
TEXT = "Intro line.\nRussia lost 1,610 men in one day, Kyiv said.\nMore text follows here."
SENTENCE = "Russia lost 1,610 men in one day, Kyiv said."
START, END = 12, 56
assert TEXT[START:END] == SENTENCE


@pytest.fixture
def claim():
    article = ArticleFactory(text=TEXT)
    return ClaimFactory(article=article, value=1610, start=START, end=END, evidence=SENTENCE)


def endpoints(claim: Claim) -> list[tuple[str, str, dict]]:
    """Every review endpoint as (method, url, POST data a reviewer would send)."""
    article = claim.article_id
    return [
        ("get", reverse("review:queue"), {}),
        ("get", reverse("review:quality"), {}),
        ("get", reverse("review:article", args=[article]), {}),
        ("get", reverse("review:claim_row", args=[claim.pk]), {}),
        ("get", reverse("review:claim_edit", args=[claim.pk]), {}),
        ("get", reverse("review:claim_add", args=[article]), {}),
        ("post", reverse("review:claim_confirm", args=[claim.pk]), {}),
        ("post", reverse("review:claim_reject", args=[claim.pk]), {"reason": "wrong"}),
        ("post", reverse("review:claim_reopen", args=[claim.pk]), {}),
        ("post", reverse("review:claim_edit", args=[claim.pk]), {"category": "killed"}),
        ("post", reverse("review:claim_add", args=[article]), {"category": "killed", "start": 0, "end": 5}),
    ]


def test_every_endpoint_sends_an_anonymous_user_to_login(client, claim):
    for method, url, data in endpoints(claim):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, url
        assert reverse("login") in response["Location"], url


@pytest.mark.parametrize("who", ["alice", "bob", "dave"])
def test_every_endpoint_refuses_a_viewer_a_contributor_and_a_user_without_role(
    request, client_for, claim, who
):
    client = client_for(request.getfixturevalue(who))
    for method, url, data in endpoints(claim):
        assert getattr(client, method)(url, data, **HTMX).status_code == 403, url
        # A GET on a write endpoint is refused as well, not answered with "method not allowed".
        assert client.get(url).status_code == 403, url
    claim.refresh_from_db()
    assert claim.review_status == "unreviewed"
    assert not ClaimChange.objects.exists() and Claim.objects.count() == 1


def test_a_reviewer_reaches_every_endpoint(client_for, carol, claim, monkeypatch):
    monkeypatch.setattr("review.quality.engine_predictor", lambda: (lambda article: [], "test"))
    client = client_for(carol)
    for method, url, data in endpoints(claim):
        assert getattr(client, method)(url, data, **HTMX).status_code in (200, 422), url


def test_the_write_endpoints_take_only_post(client_for, carol, claim):
    client = client_for(carol)
    for name in ("claim_confirm", "claim_reject", "claim_reopen"):
        assert client.get(reverse(f"review:{name}", args=[claim.pk])).status_code == 405


def test_confirming_through_htmx_returns_the_redrawn_row_with_its_history(client_for, carol, claim):
    response = client_for(carol).post(reverse("review:claim_confirm", args=[claim.pk]), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith(f'<tr id="review-claim-{claim.pk}"')
    assert 'data-review-status="confirmed"' in body
    assert "History (1)" in body and "Confirmed</strong> by carol" in body
    claim.refresh_from_db()
    assert claim.review_status == "confirmed" and claim.reviewed_by == carol


def test_a_plain_form_post_is_sent_back_where_it_came_from(client_for, carol, claim):
    referer = reverse("review:article", args=[claim.article_id])
    response = client_for(carol).post(
        reverse("review:claim_confirm", args=[claim.pk]), HTTP_REFERER=f"http://testserver{referer}"
    )
    assert response.status_code == 302 and response["Location"] == f"http://testserver{referer}"
    evil = client_for(carol).post(
        reverse("review:claim_reopen", args=[claim.pk]), HTTP_REFERER="https://evil.example/"
    )
    assert evil["Location"] == reverse("review:queue")


def test_rejecting_without_a_reason_answers_422_with_the_message(client_for, carol, claim):
    response = client_for(carol).post(
        reverse("review:claim_reject", args=[claim.pk]), {"reason": " "}, **HTMX
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Say why the claim is wrong." in body and '<details class="review-reject" open>' in body
    claim.refresh_from_db()
    assert claim.review_status == "unreviewed"


def test_rejecting_with_a_reason_shows_it_in_the_history(client_for, carol, claim):
    response = client_for(carol).post(
        reverse("review:claim_reject", args=[claim.pk]), {"reason": "Counts <aid>, not losses"}, **HTMX
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-review-status="rejected"' in body
    assert "Counts &lt;aid&gt;, not losses" in body and "<aid>" not in body


def test_the_edit_form_offers_the_registries_and_saves_in_place(client_for, carol, claim, reg):
    client = client_for(carol)
    form = client.get(reverse("review:claim_edit", args=[claim.pk]), **HTMX)
    assert form.status_code == 200
    html = form.content.decode()
    assert "data-editing" in html and f'value="{reg.unit.pk}">99th Test Brigade</option>' in html
    assert "Testograd (Northshire Oblast)" in html
    data = {
        "category": "killed",
        "value": "1700",
        "qualifier": "about",
        "subject_side": "RU",
        "claimant": str(reg.general_staff.pk),
        "claimant_side": "",
        "period": "window",
        "date": "2024-11-24",
        "place": str(reg.town.pk),
        "reason": "Misread figure",
    }
    saved = client.post(reverse("review:claim_edit", args=[claim.pk]), data, **HTMX)
    assert saved.status_code == 200
    body = saved.content.decode()
    assert 'data-review-status="confirmed"' in body and "Edited</strong> by carol" in body
    claim.refresh_from_db()
    assert (claim.category, claim.value, claim.qualifier) == ("killed", 1700, "about")
    assert (claim.claimant, claim.claimant_side, claim.region) == (reg.general_staff, "UA", reg.north)
    assert claim.date == datetime.date(2024, 11, 24)
    change = ClaimChange.objects.get()
    assert change.reason == "Misread figure"
    assert change.before["value"] == 1610 and change.after["value"] == 1700


def test_an_invalid_edit_answers_422_with_each_message_on_its_field(client_for, carol, claim):
    data = {
        "category": "killed",
        "equipment": "tank",
        "value": "100",
        "value_max": "50",
        "qualifier": "exact",
        "subject_side": "RU",
        "period": "window",
        "date": "2024-11-20",
        "date_start": "2024-11-22",
    }
    response = client_for(carol).post(reverse("review:claim_edit", args=[claim.pk]), data, **HTMX)
    assert response.status_code == 422
    body = response.content.decode()
    for message in (
        "Only equipment, launched and intercepted claims name equipment; clear it.",
        "The upper bound cannot be below the figure.",
        "The window cannot start after it ends.",
    ):
        assert message in body
    assert 'id="id_value_max_error"' in body and "data-editing" in body
    claim.refresh_from_db()
    assert claim.value == 1610 and not ClaimChange.objects.exists()


def test_an_unknown_choice_is_a_field_error_not_a_crash(client_for, carol, claim):
    data = {
        "category": "bombed",
        "subject_side": "XX",
        "qualifier": "exact",
        "period": "window",
        "value": "1",
    }
    response = client_for(carol).post(reverse("review:claim_edit", args=[claim.pk]), data, **HTMX)
    assert response.status_code == 422
    assert b"Select a valid choice. bombed is not one of the available choices." in response.content


def test_the_add_form_opens_with_the_selected_evidence_and_its_offsets(client_for, carol, claim):
    # The selection takes in the line break before the sentence: it is trimmed.
    response = client_for(carol).get(
        reverse("review:claim_add", args=[claim.article_id]), {"start": 11, "end": 56}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="start" value="{START}"' in html and f'name="end" value="{END}"' in html
    assert "Russia lost 1,610 men in one day, Kyiv said.</blockquote>" in html
    assert '<mark id="sentence">Russia lost 1,610 men in one day, Kyiv said.</mark>' in html
    # The raw text goes to the page's script as JSON, for counting offsets.
    assert 'id="article-text-raw"' in html


def test_the_add_form_says_what_is_wrong_with_bad_offsets(client_for, carol, claim):
    client = client_for(carol)
    response = client.get(reverse("review:claim_add", args=[claim.article_id]), {"start": 40, "end": 9999})
    assert response.status_code == 200 and 'name="end" value="9999"' in response.content.decode()
    posted = client.post(
        reverse("review:claim_add", args=[claim.article_id]),
        {"category": "killed", "value": "3", "qualifier": "exact", "subject_side": "RU", "period": "window"}
        | {"start": "40", "end": "9999"},
    )
    assert posted.status_code == 422
    assert b"The selection must lie inside the text (0 to 80) and end after it starts." in posted.content
    assert Claim.objects.count() == 1


def test_adding_a_claim_stores_it_and_goes_to_the_article_review_page(client_for, carol, claim):
    start = TEXT.index("More text")
    data = {
        "category": "captured",
        "value": "3",
        "qualifier": "exact",
        "subject_side": "KP",
        "period": "window",
        "start": str(start),
        "end": str(len(TEXT)),
    }
    response = client_for(carol).post(reverse("review:claim_add", args=[claim.article_id]), data)
    added = Claim.objects.get(origin="reviewer")
    assert response.status_code == 302
    assert (
        response["Location"]
        == reverse("claims:article", args=[claim.article_id]) + f"#review-claim-{added.pk}"
    )
    assert added.evidence == "More text follows here." and added.reviewed_by == carol
    assert ClaimChange.objects.get().action == "added"


def test_the_article_review_page_escapes_the_text_and_marks_the_sentence(client_for, carol):
    text = "Intro.\n<script>alert(1)</script> Russia lost 5 tanks."
    article = ArticleFactory(text=text)
    ClaimFactory(article=article, evidence="Russia lost 5 tanks.", start=33, end=len(text))
    response = client_for(carol).get(
        reverse("review:article", args=[article.pk]), {"start": 33, "end": len(text)}
    )
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<mark id="sentence">Russia lost 5 tanks.</mark>' in html


def test_the_article_page_keeps_the_history_of_a_deleted_claim(client_for, carol, claim):
    claim_reject(claim=claim, user=carol, reason="duplicate of the headline")
    article = claim.article
    claim.delete()
    html = client_for(carol).get(reverse("review:article", args=[article.pk])).content.decode()
    assert "Changes to claims since removed" in html and "duplicate of the headline" in html


def test_a_claim_gone_mid_review_is_a_404(client_for, carol):
    assert client_for(carol).post(reverse("review:claim_confirm", args=[987654]), **HTMX).status_code == 404


def test_the_queue_lists_unreviewed_claims_oldest_first(client_for, carol):
    first, second = ClaimFactory(), ClaimFactory()
    done = ClaimFactory()
    claim_reject(claim=done, user=carol, reason="no")
    response = client_for(carol).get(reverse("review:queue"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index(f'id="review-claim-{first.pk}"') < html.index(f'id="review-claim-{second.pk}"')
    assert f'id="review-claim-{done.pk}"' not in html
    assert "<strong>2</strong> unreviewed claims" in html


def test_the_queue_puts_the_least_complete_claims_first_when_asked(client_for, carol, reg):
    complete = ClaimFactory(claimant=reg.general_staff, region=reg.north)
    bare = ClaimFactory(claimant_side=None, date=None)
    html = client_for(carol).get(reverse("review:queue"), {"order": "least_complete"}).content.decode()
    assert html.index(f'id="review-claim-{bare.pk}"') < html.index(f'id="review-claim-{complete.pk}"')


def test_the_queue_filters_and_answers_htmx_with_the_rows_only(client_for, carol, reg):
    kept = ClaimFactory(category="killed", region=reg.north)
    ClaimFactory(category="wounded")
    response = client_for(carol).get(reverse("review:queue"), {"category": "killed"}, **HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="queue-results">') and "<h1>" not in html
    assert f'id="review-claim-{kept.pk}"' in html and "<strong>1</strong> unreviewed claim," in html


def test_a_bad_queue_filter_is_a_400_that_lists_nothing(client_for, carol):
    ClaimFactory()
    response = client_for(carol).get(
        reverse("review:queue"), {"category": "bombed", "date_from": "yesterday"}
    )
    assert response.status_code == 400
    assert b"<strong>0</strong> unreviewed claims" in response.content
    assert b"Enter a valid date." in response.content


def test_the_quality_page_says_when_the_engine_is_missing(client_for, carol, monkeypatch):
    from review import quality

    def unavailable():
        raise quality.EngineUnavailable("no engine here")

    monkeypatch.setattr("review.quality.engine_predictor", unavailable)
    response = client_for(carol).get(reverse("review:quality"))
    assert response.status_code == 503 and b"Cannot score: no engine here" in response.content


def test_the_edit_form_gives_dates_in_the_format_a_date_input_takes(client_for, carol, claim):
    html = client_for(carol).get(reverse("review:claim_edit", args=[claim.pk]), **HTMX).content.decode()
    assert 'type="date" name="date" value="2024-11-25"' in html


def test_the_queue_costs_the_same_queries_for_many_rows(client_for, carol, django_assert_num_queries, reg):
    client = client_for(carol)
    for n in range(2):
        claim_reject(
            claim=ClaimFactory(region=reg.north, claimant=reg.general_staff), user=carol, reason=f"r{n}"
        )
        ClaimFactory(region=reg.north, claimant=reg.general_staff)
    client.get(reverse("review:queue"))  # warm the session and permission caches
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("review:queue"))
    # Eight more rows, from articles of an outlet already listed (a new outlet is a new filter option).
    outlet = Outlet.objects.first()
    for _ in range(8):
        ClaimFactory(unit=reg.unit, place=reg.town, region=reg.north, article=ArticleFactory(outlet=outlet))
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("review:queue"))


def test_the_queue_takes_the_dashboards_filters_and_ignores_a_review_filter(client_for, carol, reg):
    north = ClaimFactory(region=reg.north)
    ClaimFactory(region=reg.south)
    query = {"region": reg.north.slug, "review_status": "confirmed"}
    html = client_for(carol).get(reverse("review:queue"), query, **HTMX).content.decode()
    assert f'id="review-claim-{north.pk}"' in html and "<strong>1</strong> unreviewed claim," in html


def test_without_javascript_the_forms_are_full_pages(client_for, carol, claim):
    client = client_for(carol)
    edit = client.get(reverse("review:claim_edit", args=[claim.pk]))
    assert edit.status_code == 200 and b"<h1>Edit claim" in edit.content
    refused = client.post(reverse("review:claim_reject", args=[claim.pk]), {"reason": ""})
    assert refused.status_code == 422
    assert b"<h1>Reject claim" in refused.content and b"Say why the claim is wrong." in refused.content


def test_each_action_tells_the_queue_to_count_again_and_the_count_listens(client_for, carol, claim):
    client = client_for(carol)
    response = client.post(reverse("review:claim_confirm", args=[claim.pk]), **HTMX)
    assert response["HX-Trigger"] == "claimReviewed"
    queue = client.get(reverse("review:queue") + "?subject_side=RU").content.decode()
    assert 'id="queue-count"' in queue and 'hx-trigger="claimReviewed from:body"' in queue
    assert 'hx-get="/review/?subject_side=RU"' in queue


def test_the_history_names_each_field_and_shows_its_old_and_new_value(client_for, carol, claim):
    client = client_for(carol)
    data = {
        field: ""
        for field in ("equipment", "claimant", "claimant_side", "region", "place", "unit", "date_start")
    }
    data.update(
        category=claim.category,
        value=str(claim.value + 10),
        qualifier=claim.qualifier,
        subject_side="UA",
        period=claim.period,
        date=claim.date.isoformat() if claim.date else "",
        seen=claim.updated_at.isoformat(),
    )
    response = client.post(reverse("review:claim_edit", args=[claim.pk]), data, **HTMX)
    assert response.status_code == 200, response.content.decode()[:500]
    body = response.content.decode()
    assert (
        f'<span class="field">Figure</span> <del>{claim.value:,}</del> → <ins>{claim.value + 10:,}</ins>'
        in body
    )
    assert '<span class="field">Whose losses</span> <del>RU</del> → <ins>UA</ins>' in body
