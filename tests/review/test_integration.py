"""Review on the dashboard: rows in the claim table and on the article page, the nav, the queue's filters."""

from __future__ import annotations

import itertools
import re

import pytest
from django.urls import reverse

from claims.models import Claim
from review.services import claim_reject, claim_update
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

TEXT = "Intro line.\r\nRussia lost 1,610 men in one day, Kyiv said.\r\nMore text follows here."
SENTENCE = "Russia lost 1,610 men in one day, Kyiv said."
START = TEXT.index(SENTENCE)
END = START + len(SENTENCE)
_serial = itertools.count()


def _figure(n_sources: int, value: int = 1610, **fields) -> list[Claim]:
    """The same reported figure printed by n articles."""
    return [
        ClaimFactory(
            article=ArticleFactory(text=f"{TEXT} ({next(_serial)})"),
            value=value,
            start=START,
            end=END,
            evidence=SENTENCE,
            **fields,
        )
        for _ in range(n_sources)
    ]


def _rows(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'<tr id="review-claim-(\d+)"', html)}


@pytest.mark.parametrize("url", ["/claims/", "/"])
def test_a_reviewer_gets_every_listed_source_of_a_figure_as_a_review_row(client_for, carol, url):
    sources = _figure(3)
    single = ClaimFactory(value=7)
    html = client_for(carol).get(url).content.decode()
    assert _rows(html) == {c.pk for c in [*sources, single]}
    assert "Review its 3 sources" in html and "Review this claim" in html
    assert 'data-action="confirm"' in html and "js/review.js" in html and "css/review.css" in html


def test_the_table_swapped_by_htmx_carries_the_review_rows_too(client_for, carol):
    (claim,) = _figure(1)
    html = client_for(carol).get("/claims/", {"subject_side": "RU"}, HTTP_HX_REQUEST="true").content.decode()
    assert _rows(html) == {claim.pk} and "<html" not in html


def test_the_table_with_review_rows_reads_a_fixed_number_of_queries(
    client_for, carol, django_assert_max_num_queries
):
    client = client_for(carol)
    _figure(2)
    client.get("/claims/")
    for value in range(10):
        _figure(2, value=value)
    # Review rows and their history are loaded in bulk, not per row (the rows' registry names too: a query for
    # each of the four registries).
    with django_assert_max_num_queries(24):
        html = client.get("/claims/").content.decode()
    assert len(_rows(html)) == 22


@pytest.mark.parametrize("user", ["alice", "bob"])
def test_viewers_and_contributors_see_review_state_but_no_actions(client_for, user, request, carol):
    (claim,) = _figure(1)
    claim_reject(claim=ClaimFactory(value=9), user=carol, reason="no")
    client = client_for(request.getfixturevalue(user))
    for url in ["/claims/", "/", reverse("claims:article", args=[claim.article_id])]:
        html = client.get(url).content.decode()
        assert _rows(html) == set(), url
        assert "data-action" not in html and "js/review.js" not in html, url
        assert "badge-unreviewed" in html, url
    assert client.get(reverse("review:queue")).status_code == 403
    assert client.post(reverse("review:claim_confirm", args=[claim.pk])).status_code == 403


def test_the_article_page_shows_review_rows_history_and_a_text_to_select_from(client_for, carol):
    claim = ClaimFactory(
        article=ArticleFactory(text=TEXT), value=1610, start=START, end=END, evidence=SENTENCE
    )
    claim_update(claim=claim, user=carol, data={"value": 1611}, reason="a typo")
    response = client_for(carol).get(reverse("claims:article", args=[claim.article_id]))
    html = response.content.decode()
    assert _rows(html) == {claim.pk}
    assert "History (1)" in html and "a typo" in html
    # The selectable text: the text itself right inside the element, marks only, and its raw copy.
    match = re.search(r"<div class=\"article-text\" data-article-text[^>]*>(.*?)</div>", html, re.S)
    assert match is not None
    assert re.sub(r"</?mark[^>]*>|<span id=\"[^\"]+\"></span>", "", match.group(1)) == TEXT
    assert 'id="article-text-raw"' in html and "\\r\\n" in html
    assert reverse("review:claim_add", args=[claim.article_id]) in html


def test_the_article_page_marks_a_sentence_given_by_offsets(client_for, carol):
    article = ArticleFactory(text=TEXT)
    html = (
        client_for(carol)
        .get(reverse("claims:article", args=[article.pk]), {"start": START, "end": END})
        .content.decode()
    )
    assert f'<mark id="sentence" class="evidence">{SENTENCE}</mark>' in html
    # Offsets that are not a span of the text mark nothing, and are no error.
    response = client_for(carol).get(
        reverse("claims:article", args=[article.pk]), {"start": "x", "end": 10**6}
    )
    assert response.status_code == 200 and 'id="sentence"' not in response.content.decode()


def test_review_rows_link_to_the_dashboard_article_page_at_their_row(client_for, carol):
    (claim,) = _figure(1)
    html = client_for(carol).get(reverse("review:queue")).content.decode()
    page = reverse("claims:article", args=[claim.article_id])
    link = f"{page}?start={START}&amp;end={END}#review-claim-{claim.pk}"
    assert link in html


def test_the_nav_shows_review_and_quality_to_reviewers_only(client_for, carol, alice, bob):
    assert 'href="/review/"' in client_for(carol).get("/articles/").content.decode()
    assert 'href="/review/quality/"' in client_for(carol).get("/articles/").content.decode()
    for user in (alice, bob):
        html = client_for(user).get("/articles/").content.decode()
        assert 'href="/review/"' not in html and 'href="/review/quality/"' not in html


def test_the_queue_is_filtered_by_the_dashboards_filterset_and_ignores_reviewed_only(client_for, carol):
    from claims.filters import ClaimFilter
    from review.forms import QueueFilter

    assert issubclass(QueueFilter, ClaimFilter)
    ru, ua = ClaimFactory(subject_side="RU"), ClaimFactory(subject_side="UA")
    html = (
        client_for(carol)
        .get(reverse("review:queue"), {"subject_side": "UA", "reviewed": "on"})
        .content.decode()
    )
    assert _rows(html) == {ua.pk} and ru.pk not in _rows(html)
