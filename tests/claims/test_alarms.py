"""Consistency alarms: which pairs of figures raise one, that the write paths keep them right (extraction,
review, re-extraction), that a rebuild agrees with what was kept, and the page, its count and its actions."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.alarms import alarms_rebuild, alarms_refresh, merge, series_key, touched
from claims.models import Alarm, Claim, Claimant, Region
from ingest.parsers import ParsedDocument
from ingest.services import article_ingest
from review import services as review
from tests.factories import ArticleFactory, ClaimFactory

D = datetime.date
pytestmark = pytest.mark.django_db
STAFF = "General Staff of the Armed Forces of Ukraine"


def _figures(*rows: tuple) -> list[Claim]:
    """Claims of one series (the General Staff on Russian personnel, the whole war) as (period, day, value
    [, qualifier]) rows, stored past the write paths and then refreshed as those paths do."""
    staff = Claimant.objects.get(name=STAFF)
    claims = [
        ClaimFactory(
            category="killed" if len(row) < 4 or row[3] != "casualties" else "casualties",
            subject_side="RU",
            claimant=staff,
            claimant_side="UA",
            period=row[0],
            date=row[1],
            value=row[2],
            qualifier=row[3] if len(row) > 3 and row[3] != "casualties" else "exact",
        )  # fmt: skip
        for row in rows
    ]
    alarms_refresh(touched(claims))
    return claims


def _raised() -> set[tuple]:
    return set(Alarm.objects.values_list("kind", "date", "earlier_value", "later_value"))


C, W = "cumulative", "window"


def test_a_running_total_lower_than_the_reading_before_raises_one_alarm():
    _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 407_000), (C, D(2024, 5, 3), 471_500))
    assert _raised() == {("falls", D(2024, 5, 2), 470_000, 407_000)}


def test_a_running_total_that_rises_steadily_raises_none():
    _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 471_200), (C, D(2024, 5, 9), 480_000))
    assert _raised() == set()


def test_a_jump_past_the_daily_figures_claimed_for_every_day_between_is_an_alarm():
    _figures(
        (C, D(2024, 5, 1), 470_000),
        (W, D(2024, 5, 2), 1_200),
        (W, D(2024, 5, 3), 1_100),
        (C, D(2024, 5, 3), 472_300),  # 470,000 + 1,200 + 1,100: fits
        (W, D(2024, 5, 4), 1_000),
        (C, D(2024, 5, 4), 483_300),  # should be 473,300
    )
    [alarm] = Alarm.objects.all()
    assert (alarm.kind, alarm.date, alarm.expected, alarm.earlier_value, alarm.later_value) == (
        "jumps",
        D(2024, 5, 4),
        473_300,
        472_300,
        483_300,
    )


def test_no_jump_is_judged_where_a_day_between_has_no_daily_figure():
    _figures((C, D(2024, 5, 1), 470_000), (W, D(2024, 5, 3), 1_000), (C, D(2024, 5, 3), 490_000))
    assert _raised() == set()


def test_two_figures_of_one_claimant_for_one_day_that_differ_are_an_alarm_each_kind_apart():
    _figures(
        (W, D(2024, 5, 2), 1_200),
        (W, D(2024, 5, 2), 1_260),
        (C, D(2024, 5, 2), 471_000),
        (C, D(2024, 5, 2), 471_000),  # the same running total twice: no alarm
    )
    assert _raised() == {("same_day", D(2024, 5, 2), 1_200, 1_260)}


def test_a_whole_and_its_part_in_one_article_are_no_alarm():
    staff = Claimant.objects.get(name=STAFF)
    article = ArticleFactory()
    tanks = {
        "category": "equipment",
        "equipment": "tank",
        "claimant": staff,
        "period": W,
        "date": D(2024, 5, 2),
    }
    # "five tanks, including two Leopards": both tanks, one article.
    claims = [
        ClaimFactory(article=article, value=5, **tanks),
        ClaimFactory(article=article, value=2, **tanks),
    ]
    alarms_refresh(touched(claims))
    assert _raised() == set()
    # Another outlet's four tanks for that day disagree with the article's five.
    alarms_refresh(touched([ClaimFactory(value=4, **tanks)]))
    assert _raised() == {("same_day", D(2024, 5, 2), 4, 5)}


@pytest.mark.parametrize(
    ("rows", "raised"),
    [
        # "about 470,000" then 468,000: within 2% of the rounder figure.
        (((C, D(2024, 5, 1), 470_000, "about"), (C, D(2024, 5, 2), 468_000)), set()),
        (((C, D(2024, 5, 1), 470_000, "about"), (C, D(2024, 5, 2), 440_000)),
         {("falls", D(2024, 5, 2), 470_000, 440_000)}),
        (((W, D(2024, 5, 2), 1_200, "at_least"), (W, D(2024, 5, 2), 1_210)), set()),
    ],
)  # fmt: skip
def test_qualified_figures_differ_only_past_the_tolerance(rows, raised):
    _figures(*rows)
    assert _raised() == raised


def test_figures_of_other_series_never_meet():
    staff = Claimant.objects.get(name=STAFF)
    kursk = Region.objects.get(name="Kursk Oblast")
    may_2 = {"subject_side": "RU", "period": C, "date": D(2024, 5, 2)}
    claims = [
        ClaimFactory(category="killed", claimant=staff, value=470_000, **{**may_2, "date": D(2024, 5, 1)}),
        # Lower, but a region's running total, a wounded count, civilians, and another claimant's.
        ClaimFactory(category="killed", claimant=staff, value=16_000, region=kursk, **may_2),
        ClaimFactory(category="wounded", claimant=staff, value=900, **may_2),
        ClaimFactory(category="killed", claimant=staff, value=40, civilian=True, **may_2),
        ClaimFactory(category="killed", claimant=None, claimant_side="other", value=120_000, **may_2),
        # Windows of several days and claims with no claimant belong to no series.
        ClaimFactory(category="killed", subject_side="RU", claimant=staff, period=W, date=D(2024, 5, 2),
                     date_start=D(2024, 4, 26), value=9_000),
        ClaimFactory(category="killed", claimant=None, claimant_side=None, value=1, **may_2),
    ]  # fmt: skip
    alarms_refresh(touched(claims))
    assert _raised() == set()
    assert series_key(claims[5]) is None and series_key(claims[6]) is None


def test_a_change_in_the_middle_of_a_long_series_refreshes_only_its_stretch(django_assert_max_num_queries):
    rows = [(C, D(2024, 1, 1) + datetime.timedelta(days=n), 400_000 + 1_000 * n) for n in range(120)]
    claims = _figures(*rows)
    assert _raised() == set()
    claim = claims[60]
    before = touched([claim])
    claim.value = 300_000
    claim.save()
    # Two readings looked up, one stretch read, the kept alarms read, replaced and added: never the series.
    with django_assert_max_num_queries(8):
        alarms_refresh(merge(before, touched([claim])))
    assert _raised() == {("falls", claim.date, 459_000, 300_000)}


def test_rejecting_or_correcting_one_claim_of_an_alarm_settles_it(carol):
    claims = _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 407_000), (C, D(2024, 5, 3), 471_500))
    review.claim_reject(claim=claims[1], user=carol, reason="The outlet dropped a digit.")
    assert _raised() == set()
    review.claim_reopen(claim=claims[1], user=carol)
    assert _raised() == {("falls", D(2024, 5, 2), 470_000, 407_000)}
    review.claim_update(claim=claims[1], user=carol, data={"value": 470_700})
    assert _raised() == set()


def test_an_explanation_stays_while_the_same_two_claims_raise_the_alarm(carol):
    claims = _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 407_000))
    alarm = Alarm.objects.get()
    review.alarm_explain(alarm=alarm, user=carol, explanation="The staff corrected its count that day.")
    alarms_refresh(touched(claims))
    alarm.refresh_from_db()
    assert alarm.explanation == "The staff corrected its count that day." and alarm.explained_by == carol
    with pytest.raises(review.ValidationError, match="Say what explains"):
        review.alarm_explain(alarm=alarm, user=carol, explanation="   ")


def test_extraction_raises_and_re_extraction_clears_an_alarm(django_capture_on_commit_callbacks):
    texts = [
        (D(2024, 5, 1), "Ukraine's General Staff said on Wednesday that Russia has lost 470,000 troops since "
                        "the start of the full-scale invasion."),
        (D(2024, 5, 2), "Russia has lost 407,000 troops since the start of the full-scale invasion, "
                        "Ukraine's General Staff said on Thursday."),
    ]  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        articles = [
            article_ingest(document=ParsedDocument(text=text, kind="txt"), published=day).article
            for day, text in texts
        ]
    assert ("falls", D(2024, 5, 2), 470_000, 407_000) in _raised()
    [alarm] = Alarm.objects.filter(kind="falls")
    assert alarm.later.article_id == articles[1].pk and alarm.earlier.article_id == articles[0].pk
    # The second article dated a week later: its reading no longer follows the first one's directly...
    from claims.services import claims_replace_for_article
    from extraction import extract, load_seed_registries

    extraction = extract(texts[1][1], published=D(2024, 4, 20), registries=load_seed_registries())
    claims_replace_for_article(article=articles[1], extraction=extraction)
    # ...it comes before it, and 407,000 then 470,000 is a rise.
    assert not Alarm.objects.filter(kind="falls").exists()


def test_stored_claims_are_checked_for_alarms_once_committed(django_capture_on_commit_callbacks):
    # Not inside the storing transaction, where the summaries' locks are held: after it commits.
    from claims.services import claims_replace_for_articles
    from extraction import extract, load_seed_registries

    said = "troops since the invasion began, Ukraine's General Staff said."
    texts = [
        (D(2024, 6, 1), f"Russia has lost 500,000 {said}"),
        (D(2024, 6, 2), f"Russia has lost 450,000 {said}"),
    ]
    pairs = [
        (
            ArticleFactory(text=text, published=day),
            extract(text, published=day, registries=load_seed_registries()),
        )
        for day, text in texts
    ]
    with django_capture_on_commit_callbacks() as callbacks:
        claims_replace_for_articles(pairs)
        assert Claim.objects.filter(value__in=[500_000, 450_000]).count() == 2 and _raised() == set()
    assert len(callbacks) == 1
    callbacks[0]()
    assert ("falls", D(2024, 6, 2), 500_000, 450_000) in _raised()


def test_a_rebuild_agrees_with_the_kept_alarms_and_check_says_when_they_do_not():
    _figures(
        (C, D(2024, 5, 1), 470_000),
        (C, D(2024, 5, 2), 407_000),
        (W, D(2024, 5, 2), 10),
        (W, D(2024, 5, 2), 12),
    )
    kept = _raised()
    call_command("rebuild_alarms", "--check")
    Alarm.objects.filter(kind="same_day").delete()
    with pytest.raises(CommandError, match="1 raised but not kept"):
        call_command("rebuild_alarms", "--check")
    assert alarms_rebuild() == 2 and _raised() == kept


def test_the_page_lists_alarms_with_both_claims_and_the_navigation_counts_them(client_for, alice, carol):
    claims = _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 407_000))
    page = client_for(alice).get(reverse("claims:alarms"))
    html = page.content.decode()
    assert page.status_code == 200
    assert (
        'data-alarm="falls"' in html
        and f'data-claim="{claims[0].pk}"' in html
        and f'data-claim="{claims[1].pk}"' in html
    )
    assert 'data-alarm-count="1"' in html and "Mark explained" not in html
    assert "General Staff of the Armed Forces of Ukraine on Russia: killed, whole war" in html
    reviewer = client_for(carol)
    html = reviewer.get(reverse("claims:alarms")).content.decode()
    assert "Mark explained" in html
    alarm = Alarm.objects.get()
    answer = reviewer.post(reverse("review:alarm_explain", args=[alarm.pk]), {"explanation": "a correction"})
    assert answer.status_code == 302
    html = reviewer.get(reverse("claims:alarms")).content.decode()
    assert 'data-alarm-count="0"' in html and 'data-alarm="falls"' not in html
    html = reviewer.get(reverse("claims:alarms"), {"state": "explained"}).content.decode()
    assert "a correction" in html


def test_bad_choices_on_the_page_are_a_400_with_the_message(client_for, alice):
    answer = client_for(alice).get(reverse("claims:alarms"), {"kind": "nonsense"})
    assert answer.status_code == 400 and "Select a valid choice" in answer.content.decode()


def test_a_viewer_cannot_explain_an_alarm(client_for, alice):
    _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 407_000))
    alarm = Alarm.objects.get()
    answer = client_for(alice).post(reverse("review:alarm_explain", args=[alarm.pk]), {"explanation": "x"})
    assert answer.status_code == 403
    assert Alarm.objects.get().explained_at is None


def test_reviewers_are_offered_the_claims_in_an_alarm_first(client_for, carol):
    quiet = ClaimFactory(value=5, date=D(2024, 4, 1))
    claims = _figures((C, D(2024, 5, 1), 470_000), (C, D(2024, 5, 2), 407_000))
    html = client_for(carol).get(reverse("review:queue"), {"order": "alarms_first"}).content.decode()
    first = html.index(f'data-claim-id="{claims[0].pk}"')
    assert first < html.index(f'data-claim-id="{quiet.pk}"')
    assert html.count("data-in-alarm") == 2
