"""The dashboard's rendered results are kept by data version: served again until anything shown changes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.models import Article, Claimant, Outlet, Region, Unit
from claims.selectors import data_version
from tests.claims.helpers import D, claim
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def _results_queries(client, url: str) -> int:
    """Queries a request makes beyond the session, the user, their permissions and the data version."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return sum(
        1
        for q in queries.captured_queries
        if not any(t in q["sql"] for t in ("django_session", "auth_", "claims_dataversion"))
    )


def test_the_same_results_twice_are_read_once(client_for, alice):
    claim(value=1200, date=D(2024, 10, 7), subject_side="RU")
    client = client_for(alice)
    assert _results_queries(client, "/?subject_side=RU") > 0
    assert _results_queries(client, "/?subject_side=RU") == 0
    # Another query is another entry.
    assert _results_queries(client, "/?subject_side=UA") > 0


def test_a_new_claim_shows_at_once(client_for, alice):
    client = client_for(alice)
    claim(value=1200, date=D(2024, 10, 7), subject_side="RU")
    assert "1 claim," in client.get("/claims/").content.decode()
    claim(value=1300, date=D(2024, 10, 8), subject_side="RU")
    assert "2 claims," in client.get("/claims/").content.decode()


def test_a_reviewers_results_are_never_kept(client_for, carol):
    claim(value=1200, date=D(2024, 10, 7))
    client = client_for(carol)
    _results_queries(client, "/claims/")
    assert _results_queries(client, "/claims/") > 0


def test_every_write_to_what_the_pages_show_moves_the_version_and_nothing_else_does():
    article = ArticleFactory()
    c = claim(article=article, value=10, date=D(2024, 1, 1))

    def moves(write) -> bool:
        before = data_version()
        write()
        return data_version() > before

    assert moves(lambda: claim(value=11, date=D(2024, 1, 2)))
    assert moves(lambda: type(c).objects.filter(pk=c.pk).update(value=12))
    assert moves(lambda: Article.objects.filter(pk=article.pk).update(title="Renamed"))
    assert moves(lambda: Article.objects.filter(pk=article.pk).update(published=D(2024, 2, 2)))
    assert moves(lambda: Article.objects.filter(pk=article.pk).update(unverified=True))
    assert moves(lambda: Region.objects.filter(name="Kursk Oblast").update(name="Kursk region"))
    assert moves(lambda: Claimant.objects.filter(pk=Claimant.objects.first().pk).update(name="X"))
    assert moves(lambda: Outlet.objects.create(name="Wire"))
    assert moves(lambda: type(c).objects.filter(pk=c.pk).delete())
    # An extraction's progress is not something the dashboard shows.
    assert not moves(lambda: Article.objects.filter(pk=article.pk).update(status="processing", attempts=3))


def test_results_alone_never_list_the_registries_and_the_page_does(client_for, alice):
    # Every registry entry goes into the filter form's selects, which only the full page renders: the
    # results an HTMX request asks for read no whole registry (a filter's own entries are read by slug).
    unit = Unit.objects.order_by("name").first()
    claim(value=1200, date=D(2024, 10, 7), unit=unit)
    client = client_for(alice)
    with CaptureQueriesContext(connection) as queries:
        results = client.get(f"/?unit={unit.slug}", HTTP_HX_REQUEST="true")
    listed = [
        q["sql"]
        for q in queries.captured_queries
        if any(f'FROM "claims_{t}"' in q["sql"] for t in ("claimant", "region", "place", "unit", "outlet"))
        and " WHERE " not in q["sql"]
    ]
    assert results.status_code == 200 and listed == []
    page = client.get(f"/?unit={unit.slug}")
    assert f'<option value="{unit.slug}" selected>' in page.content.decode()


def test_a_page_lists_every_registry_after_reading_their_version_once(client_for, alice):
    # The five registry selects share one read of the registries' version and lists.
    client = client_for(alice)
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/")
    assert page.status_code == 200
    versions = [q["sql"] for q in queries.captured_queries if 'FROM "claims_dataversion" WHERE' in q["sql"]]
    assert len(versions) == 1
    assert all(f'value="{r.slug}"' in page.content.decode() for r in Region.objects.all()[:5])
