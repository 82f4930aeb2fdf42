"""Review services: every change is checked against SCHEMA's rules and leaves one history row."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from claims.models import Claim, FactSummary
from review.models import ClaimChange
from review.selectors import article_reviewed_originals
from review.services import claim_add, claim_confirm, claim_reject, claim_reopen, claim_update
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "Kyiv said on Monday that Russia lost 1,610 men in one day.\n"
    "Separately, the 99th Test Brigade said it shot down 12 drones near Testograd."
)


def errors_of(excinfo: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return excinfo.value.message_dict


def test_confirming_records_who_when_and_the_status_change(carol):
    claim = ClaimFactory()
    confirmed = claim_confirm(claim=claim, user=carol)
    assert confirmed.review_status == Claim.ReviewStatus.CONFIRMED
    assert confirmed.reviewed_by == carol and confirmed.reviewed_at is not None
    change = ClaimChange.objects.get()
    assert (change.action, change.user, change.claim, change.claim_ref) == (
        "confirmed",
        carol,
        confirmed,
        claim.pk,
    )
    assert change.article_id == claim.article_id
    assert change.before == {"review_status": "unreviewed"}
    assert change.after == {"review_status": "confirmed"}
    assert change.at == confirmed.reviewed_at


def test_confirming_twice_records_once(carol):
    claim = ClaimFactory()
    claim_confirm(claim=claim, user=carol)
    claim_confirm(claim=claim, user=carol)
    assert ClaimChange.objects.count() == 1


def test_rejecting_needs_a_reason_and_records_it(carol):
    claim = ClaimFactory()
    with pytest.raises(ValidationError) as excinfo:
        claim_reject(claim=claim, user=carol, reason="   ")
    assert errors_of(excinfo) == {"reason": ["Say why the claim is wrong."]}
    assert not ClaimChange.objects.exists()

    rejected = claim_reject(claim=claim, user=carol, reason="  An aid delivery, not a loss. ")
    assert rejected.review_status == Claim.ReviewStatus.REJECTED
    change = ClaimChange.objects.get()
    assert change.action == "rejected" and change.reason == "An aid delivery, not a loss."
    assert (change.before, change.after) == ({"review_status": "unreviewed"}, {"review_status": "rejected"})


def test_reopening_puts_the_claim_back_in_the_queue(carol):
    claim = claim_confirm(claim=ClaimFactory(), user=carol)
    reopened = claim_reopen(claim=claim, user=carol, reason="Wrong date after all?")
    assert reopened.review_status == Claim.ReviewStatus.UNREVIEWED
    assert reopened.reviewed_by is None and reopened.reviewed_at is None
    change = ClaimChange.objects.first()
    assert change.action == "reopened" and change.reason == "Wrong date after all?"
    assert (change.before, change.after) == ({"review_status": "confirmed"}, {"review_status": "unreviewed"})
    claim_reopen(claim=reopened, user=carol)
    assert ClaimChange.objects.count() == 2


def test_an_edit_records_every_changed_field_before_and_after(carol, reg):
    claim = ClaimFactory(value=1000, region=None)
    old_key = claim.fact_key
    edited = claim_update(
        claim=claim,
        user=carol,
        data={"value": 1610, "place": reg.town, "claimant": reg.general_staff},
        reason="The text says 1,610.",
    )
    edited.refresh_from_db()
    assert edited.value == 1610
    # A place brings its region; a claimant brings its side.
    assert edited.region == reg.north and edited.claimant_side == "UA"
    assert edited.review_status == Claim.ReviewStatus.CONFIRMED and edited.reviewed_by == carol
    assert edited.fact_key == edited.compute_fact_key() != old_key
    change = ClaimChange.objects.get()
    assert change.action == "edited" and change.reason == "The text says 1,610."
    assert change.before == {
        "value": 1000,
        "claimant": None,
        "region": None,
        "place": None,
        "review_status": "unreviewed",
    }
    assert change.after == {
        "value": 1610,
        "claimant": "Test General Staff",
        "region": "Northshire Oblast",
        "place": "Testograd",
        "review_status": "confirmed",
    }


def test_an_edit_that_changes_nothing_is_a_confirmation(carol):
    claim = ClaimFactory(value=1000)
    claim_update(claim=claim, user=carol, data={"value": 1000})
    change = ClaimChange.objects.get()
    assert change.action == "confirmed"
    claim_update(claim=claim, user=carol, data={"value": 1000})
    assert ClaimChange.objects.count() == 1


def test_dates_are_recorded_as_iso_strings(carol):
    claim = ClaimFactory(date=datetime.date(2024, 11, 25))
    claim_update(
        claim=claim,
        user=carol,
        data={"date": datetime.date(2024, 11, 24), "date_start": datetime.date(2024, 11, 22)},
    )
    change = ClaimChange.objects.get()
    assert change.before["date"] == "2024-11-25" and change.after["date"] == "2024-11-24"
    assert change.after["date_start"] == "2024-11-22"


@pytest.mark.parametrize(
    ("data", "errors"),
    [
        (
            {"equipment": "tank"},
            {"equipment": ["Only equipment, launched and intercepted claims name equipment; clear it."]},
        ),
        (
            {"category": "equipment"},
            {"equipment": ["Say what kind of equipment, drone or missile this counts."]},
        ),
        ({"value": None}, {"value": ["Only an engagement may have no figure."]}),
        ({"value": -3}, {"value": ["A figure cannot be negative."]}),
        ({"value": 2000, "value_max": 1000}, {"value_max": ["The upper bound cannot be below the figure."]}),
        (
            {"date": datetime.date(2024, 11, 20), "date_start": datetime.date(2024, 11, 21)},
            {"date_start": ["The window cannot start after it ends."]},
        ),
        (
            {"date": None, "date_start": datetime.date(2024, 11, 21)},
            {"date": ["A window with a first day needs its last day too."]},
        ),
        (
            {"period": "cumulative", "date_start": datetime.date(2024, 11, 21)},
            {"date_start": ["A running total has no first day: clear it or make the period a window."]},
        ),
        (
            {"category": "engagement", "value": None},
            {"unit": ["An engagement is a named unit's action: choose the unit."]},
        ),
        ({"category": "bombed"}, {"category": ["'bombed' is not one of the allowed values."]}),
        ({"subject_side": ""}, {"subject_side": ["This field is required."]}),
    ],
)
def test_an_edit_against_the_schema_is_refused_with_a_message(carol, data, errors):
    claim = ClaimFactory(value=1000)
    with pytest.raises(ValidationError) as excinfo:
        claim_update(claim=claim, user=carol, data=data)
    assert errors_of(excinfo) == errors
    claim.refresh_from_db()
    assert claim.value == 1000 and claim.review_status == "unreviewed"
    assert not ClaimChange.objects.exists()


def test_an_edit_refuses_a_place_outside_the_region_and_a_claimant_of_another_side(carol, reg):
    claim = ClaimFactory()
    with pytest.raises(ValidationError) as excinfo:
        claim_update(
            claim=claim,
            user=carol,
            data={"region": reg.south, "place": reg.town, "claimant": reg.ministry, "claimant_side": "UA"},
        )
    assert errors_of(excinfo) == {
        "place": ["Testograd is in Northshire Oblast, not Southshire Oblast."],
        "claimant_side": ["Test Defence Ministry speaks for side RU, not UA."],
    }


def test_an_engagement_may_have_no_figure(carol, reg):
    claim = ClaimFactory()
    edited = claim_update(
        claim=claim, user=carol, data={"category": "engagement", "value": None, "unit": reg.unit}
    )
    assert edited.value is None and edited.unit == reg.unit


def test_an_edit_rejects_fields_that_are_not_reviewable(carol):
    with pytest.raises(ValueError, match="evidence"):
        claim_update(claim=ClaimFactory(), user=carol, data={"evidence": "made up"})


def test_adding_a_claim_takes_its_evidence_from_the_offsets(carol, reg):
    article = ArticleFactory(text=TEXT)
    start = TEXT.index("Separately")
    # A selection with the line break before it: the whitespace is trimmed off the evidence.
    claim = claim_add(
        article=article,
        user=carol,
        data={
            "category": "intercepted",
            "equipment": "uav",
            "value": 12,
            "subject_side": "RU",
            "unit": reg.unit,
        },
        start=start - 1,
        end=len(TEXT),
    )
    assert (claim.start, claim.end) == (start, len(TEXT))
    assert claim.evidence == TEXT[start:] == article.text[claim.start : claim.end]
    assert claim.origin == Claim.Origin.REVIEWER and claim.review_status == Claim.ReviewStatus.CONFIRMED
    assert claim.qualifier == "exact" and claim.period == "window"
    assert claim.fact_key == claim.compute_fact_key()
    change = ClaimChange.objects.get()
    assert change.action == "added" and change.before == {}
    assert change.after["evidence"] == claim.evidence
    assert (
        change.after["start"] == start
        and change.after["value"] == 12
        and change.after["unit"] == "99th Test Brigade"
    )


@pytest.mark.parametrize(
    ("start", "end", "errors"),
    [
        (5, 5, {"end": ["The selection must lie inside the text (0 to 136) and end after it starts."]}),
        (-1, 10, {"end": ["The selection must lie inside the text (0 to 136) and end after it starts."]}),
        (0, 137, {"end": ["The selection must lie inside the text (0 to 136) and end after it starts."]}),
        (58, 59, {"start": ["The selection is blank; select the sentence."]}),
        ("x", 10, {"start": ["Select the sentence in the article text."]}),
    ],
)
def test_adding_a_claim_refuses_offsets_that_are_not_a_span_of_the_text(carol, start, end, errors):
    article = ArticleFactory(text=TEXT)
    assert len(TEXT) == 136 and TEXT[58] == "\n"
    with pytest.raises(ValidationError) as excinfo:
        claim_add(
            article=article,
            user=carol,
            data={"category": "killed", "value": 1, "subject_side": "RU"},
            start=start,
            end=end,
        )
    assert errors_of(excinfo) == errors
    assert not Claim.objects.exists() and not ClaimChange.objects.exists()


def test_adding_a_claim_the_article_already_has_is_refused(carol):
    article = ArticleFactory(text=TEXT)
    existing = ClaimFactory(
        article=article, category="casualties", value=1610, subject_side="RU", claimant_side="UA"
    )
    data = {
        "category": "casualties",
        "value": 1610,
        "subject_side": "RU",
        "claimant_side": "UA",
        "date": existing.date,
    }
    with pytest.raises(ValidationError) as excinfo:
        claim_add(article=article, user=carol, data=data, start=0, end=58)
    assert errors_of(excinfo) == {
        NON_FIELD_ERRORS: [f"This article already has this claim (#{existing.pk}); confirm or edit that one."]
    }


def test_history_outlives_a_deleted_claim(carol):
    claim = claim_confirm(claim=ClaimFactory(), user=carol)
    pk, article = claim.pk, claim.article
    claim.delete()
    change = ClaimChange.objects.get()
    assert change.claim is None and change.claim_ref == pk and change.article == article


def test_the_engines_original_values_of_an_edited_claim_are_known(carol, reg):
    article = ArticleFactory(text=TEXT)
    claim = ClaimFactory(article=article, value=1000, start=0, end=58)
    claim_update(claim=claim, user=carol, data={"value": 1100})
    claim_update(claim=claim, user=carol, data={"value": 1610, "region": reg.north})
    rejected = claim_reject(claim=ClaimFactory(article=article, value=7), user=carol, reason="Not a loss.")
    ClaimFactory(article=article, value=9)  # unreviewed: re-extraction replaces it anyway
    originals = {o["claim_id"]: o for o in article_reviewed_originals(article=article)}
    assert set(originals) == {claim.pk, rejected.pk}
    assert originals[claim.pk]["value"] == 1000 and originals[claim.pk]["region"] is None
    assert (originals[claim.pk]["start"], originals[claim.pk]["end"]) == (0, 58)
    assert originals[rejected.pk]["value"] == 7


def test_the_dashboards_summary_follows_every_review_change(carol):
    claim = ClaimFactory(value=1000)
    old_key = claim.fact_key
    claim_reject(claim=claim, user=carol, reason="no")
    row = FactSummary.objects.get(fact_key=old_key)
    assert (row.n_unreviewed, row.n_rejected) == (0, 1)
    edited = claim_update(claim=claim, user=carol, data={"value": 1100})
    assert not FactSummary.objects.filter(fact_key=old_key).exists()
    row = FactSummary.objects.get(fact_key=edited.fact_key)
    assert (row.value, row.n_confirmed, row.n_rejected) == (1100, 1, 0)


def test_an_edit_from_a_form_opened_before_another_reviewers_save_is_refused(carol):
    claim = ClaimFactory(value=100)
    opened_at = claim.updated_at
    claim_update(claim=claim, user=carol, data={"value": 120})

    with pytest.raises(ValidationError, match="Someone else changed this claim after you opened it"):
        claim_update(claim=claim, user=carol, data={"value": 100}, seen_updated_at=opened_at)

    claim.refresh_from_db()
    assert claim.value == 120
    assert ClaimChange.objects.filter(claim=claim).count() == 1


def test_the_edit_form_carries_when_the_claim_was_last_saved():
    from review.forms import ClaimEditForm

    claim = ClaimFactory(value=100)
    rendered = ClaimEditForm(instance=claim)["seen"].value()
    bound = ClaimEditForm({"seen": str(rendered)}, instance=claim)
    bound.is_valid()
    assert bound.cleaned_data["seen"] == claim.updated_at
