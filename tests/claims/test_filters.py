"""ClaimFilter: every filter narrows to exactly its claims, rejected claims stay out, bad input is invalid."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from claims.filters import ClaimFilter
from claims.models import Claim, Claimant, Place, Region, Unit
from tests.claims.helpers import D, claim, filterset
from tests.factories import ArticleFactory, OutletFactory

pytestmark = pytest.mark.django_db


def _ids(fs: ClaimFilter) -> set[int]:
    return set(fs.qs.values_list("pk", flat=True))


@pytest.fixture
def world():
    kursk = Region.objects.get(name="Kursk Oblast")
    place = Place.objects.filter(region=kursk).order_by("name").first()
    unit = Unit.objects.order_by("name").first()
    claimant = Claimant.objects.filter(side="UA").order_by("name").first()
    reuters = OutletFactory(name="Reuters")
    return {
        "plain": claim(value=1000, date=D(2024, 11, 25)),
        "kursk": claim(
            value=485,
            subject_side="UA",
            claimant_side="RU",
            region=kursk,
            place=place,
            unit=unit,
            qualifier="up_to",
            date=D(2024, 11, 2),
        ),
        "tank": claim(
            value=3, category="equipment", equipment="tank", claimant=claimant, date=D(2024, 10, 1)
        ),
        "total": claim(value=150000, period="cumulative", date=D(2024, 11, 24)),
        "korea": claim(
            value=50, subject_side="KP", claimant_side="other", category="killed", date=D(2024, 12, 17)
        ),
        "reuters": claim(
            value=7, article=ArticleFactory(outlet=reuters, unverified=True), date=D(2024, 12, 1)
        ),
        "confirmed": claim(value=8, review_status="confirmed", date=D(2024, 12, 2)),
        "rejected": claim(value=9, review_status="rejected", date=D(2024, 12, 3)),
        "place": place,
        "unit": unit,
        "claimant": claimant,
        "outlet": reuters,
    }


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"subject_side": "UA"}, {"kursk"}),
        ({"claimant_side": "other"}, {"korea"}),
        ({"category": "equipment"}, {"tank"}),
        ({"equipment": "tank"}, {"tank"}),
        ({"region": "kursk-oblast"}, {"kursk"}),
        ({"period": "cumulative"}, {"total"}),
        ({"review_status": "confirmed"}, {"confirmed"}),
        ({"review_status": "rejected"}, {"rejected"}),
        ({"unverified": "yes"}, {"reuters"}),
        ({"date_from": "2024-12-01", "date_to": "2024-12-17"}, {"reuters", "confirmed", "korea"}),
        ({"subject_side": "RU", "period": "window", "date_to": "2024-10-31"}, {"tank"}),
    ],
)
def test_each_filter_keeps_exactly_its_claims(world, params, expected):
    assert _ids(filterset(**params)) == {world[name].pk for name in expected}


def test_registry_and_outlet_filters(world):
    assert _ids(filterset(place=world["place"].slug)) == {world["kursk"].pk}
    assert _ids(filterset(unit=world["unit"].slug)) == {world["kursk"].pk}
    assert _ids(filterset(claimant=world["claimant"].slug)) == {world["tank"].pk}
    assert _ids(filterset(outlet=str(world["outlet"].pk))) == {world["reuters"].pk}


def test_verified_only_leaves_out_unverified_articles(world):
    assert world["reuters"].pk not in _ids(filterset(unverified="no"))
    assert world["plain"].pk in _ids(filterset(unverified="no"))


def test_rejected_claims_are_left_out_unless_asked_for(world):
    everything = _ids(filterset())
    assert world["rejected"].pk not in everything
    assert len(everything) == Claim.objects.count() - 1


def test_text_search_reads_evidence_and_article_text():
    in_evidence = claim(text="Russia lost 1,200 men near Pokrovsk, the General Staff said.", value=1200)
    article = ArticleFactory(text="Fighting near Pokrovsk went on. Separately, 40 tanks were lost.")
    in_article = claim(
        article=article, value=40, evidence="Separately, 40 tanks were lost.", start=32, end=63
    )
    claim(text="Nothing about that town here; 12 men.", value=12)

    assert _ids(filterset(q="Pokrovsk")) == {in_evidence.pk, in_article.pk}


@pytest.mark.parametrize(
    "query",
    [
        "date_from=yesterday",
        "date_to=2024-13-45",
        "subject_side=XX",
        "category=pillage",
        "region=atlantis",
        "unit=no-such-unit",
        "outlet=abc",
        "outlet=999999",
        "review_status=maybe",
        "unverified=perhaps",
        "q=" + "x" * 500,
    ],
)
def test_a_bad_value_makes_the_filter_invalid(query):
    assert not ClaimFilter(QueryDict(query), queryset=Claim.objects.all()).is_valid()


def test_only_claims_filters_send_the_dashboard_to_the_claims(world):
    assert not filterset(region="kursk-oblast", subject_side="UA").needs_claims()
    assert filterset(q="tank").needs_claims()
    assert filterset(outlet=str(world["outlet"].pk)).needs_claims()
    # The summaries split the live claims by the unverified flag, not each review state.
    assert not filterset(unverified="yes").needs_claims()
    assert not filterset(unverified="no", region="kursk-oblast").needs_claims()
    assert filterset(unverified="no", review_status="confirmed").needs_claims()
    assert filterset(unverified="yes", reviewed="on").needs_claims()
    assert not filterset(reviewed="").needs_claims() and filterset(reviewed="").active() == {}


def test_a_date_filter_renders_as_an_iso_date_the_browser_keeps():
    # en-gb would print 25/11/2024, which <input type="date"> discards: the filter would blank itself.
    html = str(filterset(date_from="2024-11-25", date_to="2024-12-01").form["date_from"])
    assert 'value="2024-11-25"' in html and 'type="date"' in html


def test_reviewed_only_keeps_the_confirmed_claims():
    confirmed = claim(value=8, review_status="confirmed")
    added = claim(value=9, review_status="confirmed", origin="reviewer")
    claim(value=10)
    claim(value=11, review_status="rejected")
    claim(value=12, review_status="disputed")
    assert _ids(filterset(reviewed="on")) == {confirmed.pk, added.pk}
    assert _ids(filterset(reviewed="on", review_status="confirmed")) == {confirmed.pk, added.pk}
    assert len(_ids(filterset())) == 4  # unticked: no filter, rejected left out as always
    assert "reviewed" not in filterset().active()


def test_reviewed_only_with_another_review_status_is_a_contradiction():
    fs = ClaimFilter(QueryDict("reviewed=on&review_status=rejected"), queryset=Claim.objects.all())
    assert not fs.is_valid() and "reviewed" in fs.errors


def test_several_regions_at_once_give_the_claims_of_any_of_them(client_for, alice):
    kursk, sumy, kharkiv = (
        Region.objects.get(name=n) for n in ("Kursk Oblast", "Sumy Oblast", "Kharkiv Oblast")
    )
    in_kursk = claim(value=1, region=kursk, date=D(2024, 9, 1))
    in_sumy = claim(value=2, region=sumy, date=D(2024, 9, 2))
    claim(value=3, region=kharkiv, date=D(2024, 9, 3))
    query = f"region={kursk.slug}&region={sumy.slug}"
    assert set(filterset(query).qs) == {in_kursk, in_sumy}
    response = client_for(alice).get(f"/claims/?{query}")
    page = response.context["page"]
    assert {row.claim.pk for row in page.rows} == {in_kursk.pk, in_sumy.pk}
    # The export link and the chart's links keep both.
    assert f"region={kursk.slug}&amp;region={sumy.slug}" in response.content.decode()
    export = client_for(alice).get(f"/claims/export.csv?{query}")
    assert b"".join(export.streaming_content).count(b"\n") == 3  # header and two claims
    assert f"region-{kursk.slug}-{sumy.slug}" in export["Content-Disposition"]


def test_the_summaries_and_the_claims_agree_on_several_units_and_claimants():
    from claims import selectors

    units, claimants = list(Unit.objects.all()[:2]), list(Claimant.objects.all()[:2])
    for i in range(4):
        claim(value=10 + i, unit=units[i % 2], date=D(2024, 9, 1 + i), claimant=claimants[i // 2])
    claim(value=99, unit=Unit.objects.all()[5], date=D(2024, 9, 9))
    query = "&".join([*(f"unit={u.slug}" for u in units), *(f"claimant={c.slug}" for c in claimants)])
    from_summaries = selectors.claim_totals(filterset(query))
    assert from_summaries[0] == selectors.claim_totals(filterset(query), use_summary=False)[0] == 4


def test_an_unknown_region_is_a_form_error_not_an_empty_result(client_for, alice):
    response = client_for(alice).get("/claims/?region=atlantis")
    assert response.status_code == 400 and "Region" in response.content.decode()


def test_several_regions_count_their_claims_exactly_and_their_figures_while_few_enough(monkeypatch):
    from claims import selectors

    kursk, donetsk = Region.objects.get(name="Kursk Oblast"), Region.objects.get(name="Donetsk Oblast")
    # The same figure given for both regions is one figure; an undated claim counts among the claims.
    for region in (kursk, donetsk):
        claim(value=700, region=region, date=D(2024, 9, 1))
    claim(value=12, region=kursk, date=D(2024, 9, 2))
    claim(value=5, region=donetsk, date=None)
    claim(value=99, region=Region.objects.get(name="Sumy Oblast"), date=D(2024, 9, 2))
    query = f"region={kursk.slug}&region={donetsk.slug}"
    assert selectors.claim_totals(filterset(query)) == (4, 3, False)
    assert selectors.claim_totals(filterset(query), use_summary=False)[0] == 4
    # More figures than are counted exactly: the claims still are, the figures not.
    monkeypatch.setattr(selectors, "SUMMARY_CAP", 2)
    assert selectors.claim_totals(filterset(query)) == (4, None, False)
