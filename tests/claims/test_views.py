"""Dashboard views as every role: pages and HTMX fragments, 400 on bad input, hostile text escaped."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from claims.models import Claimant, Outlet, Region, Unit
from tests.claims.helpers import D, claim, repeated
from tests.factories import ArticleFactory, ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> Russia lost 1,610 men <img src=x onerror=alert(1)>.'


def _pages() -> list[str]:
    region = Region.objects.get(name="Kursk Oblast")
    unit = Unit.objects.order_by("name").first()
    article = claim(value=1610).article
    return [
        reverse("claims:timeline"),
        reverse("claims:claims"),
        reverse("claims:export"),
        reverse("claims:articles"),
        reverse("claims:article", args=[article.pk]),
        reverse("claims:region", args=[region.slug]),
        reverse("claims:unit", args=[unit.slug]),
    ]


def test_a_viewer_reaches_every_page(client_for, alice):
    client = client_for(alice)
    for url in _pages():
        assert client.get(url).status_code == 200, url


def test_a_user_without_a_role_is_refused_everywhere(client_for, dave):
    client = client_for(dave)
    for url in _pages():
        assert client.get(url).status_code == 403, url


def test_an_anonymous_visitor_is_sent_to_log_in(client, db):
    for url in _pages():
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url


def test_export_needs_the_export_permission(client_for, db):
    browser_only = UserFactory(username="erin")
    browser_only.user_permissions.add(Permission.objects.get(codename="view_claim"))
    client = client_for(browser_only)

    assert client.get(reverse("claims:claims")).status_code == 200
    assert client.get(reverse("claims:export")).status_code == 403


@pytest.mark.parametrize("name", ["claims:timeline", "claims:claims"])
def test_htmx_gets_only_the_results_and_a_plain_get_the_page(client_for, alice, name):
    repeated(2, value=1610, date=D(2024, 11, 24))
    client = client_for(alice)
    url = reverse(name) + "?subject_side=RU"

    page = client.get(url)
    fragment = client.get(url, HTTP_HX_REQUEST="true")
    restore = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")

    assert b"<html" in page.content and b'id="filters"' in page.content
    assert b"<html" not in fragment.content and fragment.content.lstrip().startswith(b'<section id="results"')
    assert b"<html" in restore.content
    assert "HX-Request" in page["Vary"]
    assert b"2 sources" in fragment.content


def test_the_form_shows_the_filters_of_the_url(client_for, alice):
    claim(value=1)
    response = client_for(alice).get(reverse("claims:timeline") + "?subject_side=UA&group=pair&bucket=month")
    html = response.content.decode()

    assert '<option value="UA" selected>' in html
    assert '<option value="pair" selected>' in html
    assert '<option value="month" selected>' in html


def test_the_timeline_hands_its_data_to_the_script(client_for, alice):
    claim(value=1610, date=D(2024, 11, 24))
    response = client_for(alice).get(reverse("claims:timeline") + "?measure=figures")

    assert b'<script id="timeline-data" type="application/json">' in response.content
    assert b"chart.umd.min.js" in response.content and b"timeline.js" in response.content
    assert response.context["chart"].datasets[0].data == [1610]


@pytest.mark.parametrize(
    "url",
    [
        "/?date_from=not-a-date",
        "/?group=astrology",
        "/?bucket=fortnight",
        "/?region=atlantis",
        "/claims/?sort=price",
        "/claims/?after=garbage",
        "/claims/?after=2024-01-01~not!hex",
        "/claims/?sort=-value&after=2024-01-01~abc",
        "/claims/export.csv?subject_side=XX",
        "/regions/kursk-oblast/?bucket=hourly",
    ],
)
def test_a_bad_value_is_a_400_with_a_message_not_a_500(client_for, alice, url):
    response = client_for(alice).get(url)
    assert response.status_code == 400
    if "export" not in url:
        assert b"cannot be applied" in response.content


def test_a_bad_value_in_an_htmx_request_is_a_400_fragment(client_for, alice):
    response = client_for(alice).get("/?date_from=soon", HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    assert b"<html" not in response.content and b"cannot be applied" in response.content


def test_hostile_article_text_is_shown_escaped_everywhere(client_for, alice):
    article = ArticleFactory(text=HOSTILE, title='<b onmouseover="x()">Title</b>')
    # Names as read from the text, and a second source of the same figure: every cell of the row.
    odd = {
        f"{name}_raw": f'<i onclick="{name}()">{name}</i>' for name in ("claimant", "region", "place", "unit")
    }
    claim(article=article, value=1610, evidence=HOSTILE, **odd)
    claim(
        article=ArticleFactory(text=HOSTILE + " Again.", title='<b onmouseover="x()">Again</b>'),
        value=1610,
        evidence=HOSTILE,
    )
    client = client_for(alice)
    table = client.get("/claims/").content.decode()
    assert "<i onclick" not in table and "2 sources" in table
    assert all(
        f"&lt;i onclick=&quot;{name}()&quot;&gt;" in table for name in ("claimant", "region", "place", "unit")
    )

    for url in ["/", "/claims/", reverse("claims:articles"), reverse("claims:article", args=[article.pk])]:
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html and "<b onmouseover" not in html, url
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html or url == reverse(
            "claims:articles"
        ), url
        assert "&lt;b onmouseover=" in html, url


def test_the_table_marks_the_figure_in_the_evidence(client_for, alice):
    claim(value=1610, text="Russia lost 1,610 men on November 24, Ukraine's General Staff said.")
    html = client_for(alice).get("/claims/").content.decode()
    assert "Russia lost <mark>1,610</mark> men" in html


def test_the_article_page_marks_each_claims_evidence(client_for, alice):
    text = "Intro line.\nRussia lost 1,610 men. Ukraine lost 3 tanks.\nEnd <b>bold</b>."
    article = ArticleFactory(text=text)
    first = claim(article=article, value=1610, evidence="Russia lost 1,610 men.", start=12, end=34)
    claim(
        article=article,
        value=3,
        category="equipment",
        equipment="tank",
        subject_side="UA",
        evidence="Ukraine lost 3 tanks.",
        start=35,
        end=56,
    )
    html = client_for(alice).get(reverse("claims:article", args=[article.pk])).content.decode()

    assert f'<mark id="evidence-{first.pk}" class="evidence">Russia lost 1,610 men.</mark>' in html
    assert html.count('class="evidence"') == 2
    assert "End &lt;b&gt;bold&lt;/b&gt;." in html
    assert "2 claims" in html and "Done" in html


def test_the_table_pages_with_links_that_carry_href_and_hx_get(client_for, alice):
    for day in range(1, 4):
        claim(value=day, date=D(2024, 11, day))
    client = client_for(alice)

    first = client.get("/claims/?subject_side=RU")
    nxt = first.context["next_query"]

    assert nxt is None  # all three fit
    html = first.content.decode()
    assert 'href="/claims/?subject_side=RU&amp;sort=date"' in html
    assert 'hx-get="/claims/?subject_side=RU&amp;sort=date"' in html
    assert 'hx-push-url="true"' in html


def test_region_and_unit_pages_show_the_registry_and_its_claims(client_for, alice):
    region = Region.objects.get(name="Kursk Oblast")
    unit = Unit.objects.order_by("name").first()
    claim(value=485, region=region, unit=unit, subject_side="UA", claimant_side="RU")
    claim(value=9)
    client = client_for(alice)

    region_page = client.get(reverse("claims:region", args=[region.slug]))
    unit_page = client.get(reverse("claims:unit", args=[unit.slug]))

    for response in (region_page, unit_page):
        assert response.context["page"].claims == 1
        assert [r.claim.value for r in response.context["page"].rows] == [485]
    assert any(alias in region_page.content.decode() for alias in region.aliases)
    assert unit.get_side_display() in unit_page.content.decode()
    assert region.name in unit_page.content.decode()
    assert client.get(reverse("claims:region", args=["atlantis"])).status_code == 404


def test_the_article_list_pages_newest_first(client_for, alice):
    for day in range(1, 60):
        ArticleFactory(published=D(2024, 1, 1).replace(day=1 + day % 28), title=f"A{day}")
    client = client_for(alice)

    first = client.get(reverse("claims:articles"))
    assert len(first.context["articles"]) == 50 and first.context["page"].has_next()
    second = client.get(reverse("claims:articles") + first.context["page_query"] + "&page=2")

    titles = [a.title for a in first.context["articles"]] + [a.title for a in second.context["articles"]]
    assert len(titles) == 59 and len(set(titles)) == 59
    dates = [a.published for a in first.context["articles"]]
    assert dates == sorted(dates, reverse=True)


def _titles(client, query: str) -> list[str]:
    response = client.get(reverse("claims:articles") + query)
    assert response.status_code == 200
    return [a.title for a in response.context["articles"]]


def test_the_article_list_filters_by_outlet_date_state_and_flag_and_sorts(client_for, alice):
    reuters, tass = Outlet.objects.create(name="Reuters"), Outlet.objects.create(name="TASS")
    a = ArticleFactory(title="a", outlet=reuters, published=D(2024, 3, 1), status="done", unverified=True)
    b = ArticleFactory(title="b", outlet=tass, published=D(2024, 5, 1), status="failed")
    ArticleFactory(title="c", outlet=reuters, published=None, published_source="", status="done")
    for _ in range(3):
        ClaimFactory(article=b)
    ClaimFactory(article=a)
    client = client_for(alice)
    assert _titles(client, "") == ["b", "a", "c"]  # newest first, undated last
    assert _titles(client, f"?outlet={reuters.pk}") == ["a", "c"]
    assert _titles(client, "?published_from=2024-04-01") == ["b"]
    assert _titles(client, "?published_to=2024-04-01") == ["a"]
    assert _titles(client, "?undated=true") == ["c"]
    assert _titles(client, "?status=failed") == ["b"]
    assert _titles(client, "?unverified=yes") == ["a"]
    assert _titles(client, "?sort=-claims") == ["b", "a", "c"]
    assert _titles(client, "?sort=outlet") == ["c", "a", "b"]  # Reuters before TASS; within one, newest first
    assert _titles(client, "?sort=published") == ["a", "b", "c"]  # oldest first, undated still last
    page = client.get(reverse("claims:articles")).content.decode()
    assert "no date" in page


def test_a_bad_article_filter_is_a_400_with_its_message(client_for, alice):
    response = client_for(alice).get(reverse("claims:articles") + "?published_from=yesterday")
    assert response.status_code == 400 and "Published from" in response.content.decode()


def test_a_point_tells_its_claims_and_largest_figures_for_the_tooltip(client_for, alice):
    staff = Claimant.objects.get(name__startswith="General Staff of the Armed")
    repeated(2, value=1610, date=D(2024, 11, 24), claimant=staff, claimant_side="UA")
    claim(
        value=1030,
        date=D(2024, 11, 22),
        text="Russia lost 1,030 soldiers yesterday, Kyiv said in its daily update.",
    )
    response = client_for(alice).get(
        reverse("claims:point") + "?subject_side=RU&date_from=2024-11-18&date_to=2024-11-24"
    )
    assert response.status_code == 200
    data = response.json()
    assert (data["claims"], data["figures"]) == (3, 2)
    assert data["top"][0]["value"] == 1610 and data["top"][0]["sources"] == 2
    assert data["top"][0]["claimant"] == "General Staff of the Armed Forces of Ukraine"
    assert (
        data["top"][1]["evidence"] == "Russia lost 1,030 soldiers yesterday, Kyiv said in its daily update."
    )


def test_a_point_with_a_bad_filter_is_a_400_with_why_and_needs_a_viewer(client_for, alice, dave):
    response = client_for(alice).get(reverse("claims:point") + "?date_from=soon")
    assert response.status_code == 400 and "errors" in response.json()
    assert client_for(dave).get(reverse("claims:point")).status_code == 403


def test_a_table_row_shows_its_figure_sources_registries_and_links(client_for, alice):
    region = Region.objects.get(name="Kursk Oblast")
    unit = Unit.objects.order_by("name").first()
    sources = repeated(
        9, value=1610, value_max=1700, qualifier="about", date=D(2024, 11, 24), region=region, unit=unit
    )
    claim(
        value=3, date=D(2024, 11, 23), civilian=True, claimant_raw="Local <b>governor</b>", place_raw="Sudzha"
    )

    html = client_for(alice).get(reverse("claims:claims"), {"subject_side": "RU"}).content.decode()

    fact = sources[0].fact_key
    assert f'<tr data-fact="{fact}">' in html
    assert '<span class="muted">about</span> <span class="nowrap">1,610–1,700</span>' in html
    assert f'<a href="{region.get_absolute_url()}">{region.name}</a>' in html
    assert f'<a href="{unit.get_absolute_url()}">{unit.name}</a>' in html
    assert "<summary>9 sources</summary>" in html
    assert f'href="{reverse("claims:claims")}?subject_side=RU&amp;fact={fact}">all 9 sources →</a>' in html
    assert f'href="{sources[0].article.get_absolute_url()}#evidence-{sources[0].pk}"' in html
    # The civilians' figure: its badge, the claimant as written (escaped), the place as written.
    assert '<span class="badge badge-civilian">civilians</span>' in html
    assert "Local &lt;b&gt;governor&lt;/b&gt;" in html and '<span class="muted">Sudzha</span>' in html


def test_the_table_costs_the_same_queries_for_many_rows_and_names_every_registry(client_for, alice):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    units, regions = list(Unit.objects.order_by("name")[:12]), list(Region.objects.order_by("name")[:12])
    claimants = list(Claimant.objects.order_by("name")[:12])
    client = client_for(alice)

    def queries_for(n: int) -> tuple[int, str]:
        for i in range(n):
            claim(
                value=100 + i,
                unit=units[i],
                region=regions[i],
                claimant=claimants[i],
                date=D(2024, 10, 1 + i),
            )
        cache.clear()  # both read the registries' list
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/claims/?sort=-value", HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        return len(queries.captured_queries), response.content.decode()

    few, _ = queries_for(2)
    many, html = queries_for(12)
    assert many == few
    for unit, region, claimant in zip(units, regions, claimants, strict=True):
        assert f'href="/units/{unit.slug}/">{unit.name}</a>' in html
        assert f'href="/regions/{region.slug}/">{region.name}</a>' in html
        assert claimant.name in html


def test_a_figure_printed_by_an_undated_article_lists_it_among_its_sources(client_for, alice):
    dated = ArticleFactory(title="Dated report")
    undated = ArticleFactory(title="Undated report", published=None)
    for article in (dated, undated):
        claim(article=article, value=1610, date=D(2024, 11, 24))
    html = client_for(alice).get("/claims/", HTTP_HX_REQUEST="true").content.decode()
    assert "2 sources" in html and ">Undated report</a>" in html and ">Dated report</a>" in html
