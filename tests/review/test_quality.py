"""The quality report scores the engine against reviewer work; a hand-made case with a known answer."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from claims.models import Article
from extraction.scoring import match_article, norm_name
from review import quality
from review.quality import quality_report
from review.services import claim_add, claim_confirm, claim_reject, claim_update
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db

DATE = "2024-11-25"


def pred(category: str, value: int | None, side: str = "RU", **fields) -> dict:
    """A prediction as the engine's to_dict() gives it (unset attributes null)."""
    claim = dict.fromkeys(quality.ATTRIBUTES)
    claim.update(category=category, value=value, subject_side=side, equipment=None)
    claim.update(
        claimant_side="UA", qualifier="exact", period="window", date=DATE, evidence="...", start=0, end=3
    )
    claim["civilian"] = False
    claim.update(fields)
    return claim


@pytest.fixture
def case(carol, reg):
    """Two finished articles, one partly reviewed, one untouched, and what the engine says about each.

    Finished: A has a confirmed, an edited and an added claim and a rejected one; B a confirmed
    engagement. C has one confirmed and one unreviewed claim. D is unreviewed.
    """
    a, b, c, d = (ArticleFactory(text=f"Article {n}. Russia lost men; Kyiv said so.") for n in "ABCD")
    g1 = claim_confirm(
        claim=ClaimFactory(article=a, category="killed", value=100, region=reg.north), user=carol
    )
    g2 = claim_update(claim=ClaimFactory(article=a, value=1610), user=carol, data={"qualifier": "about"})
    g3 = claim_add(
        article=a,
        user=carol,
        data={"category": "captured", "value": 3, "subject_side": "KP"},
        start=0,
        end=10,
    )
    rejected = ClaimFactory(article=a, category="equipment", equipment="tank", value=5, subject_side="UA")
    claim_reject(claim=rejected, user=carol, reason="Aid delivery")
    claim_confirm(claim=ClaimFactory(article=b, category="engagement", value=None, unit=reg.unit), user=carol)
    claim_confirm(claim=ClaimFactory(article=c, category="killed", value=7), user=carol)
    ClaimFactory(article=c, category="wounded", value=9)
    ClaimFactory(article=d, category="killed", value=55)

    predictions = {
        a.pk: [
            pred("killed", 100, region="Northshire"),  # right, region spelled differently
            pred("casualties", 1610),  # right claim, wrong qualifier
            pred("equipment", 5, "UA", equipment="tank"),  # the claim a reviewer rejected
        ],
        b.pk: [
            pred("engagement", None, unit="99th test brigade"),
            pred("wounded", 20, "UA"),
        ],
        c.pk: [pred("killed", 7), pred("wounded", 9), pred("launched", 30, equipment="uav")],
        d.pk: [pred("killed", 55)],
    }

    def predict(article: Article) -> list[dict]:
        return predictions[article.pk]

    return {"predict": predict, "a": a, "missed": g3, "g1": g1, "g2": g2}


def test_finished_articles_score_to_the_known_answer(case):
    report = quality_report(predict=case["predict"], engine_version="test-1")
    assert (report.articles, report.articles_left_out) == (2, 1)
    assert (report.gold_claims, report.rejected_claims, report.predictions) == (4, 1, 5)
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (3, 2, 1)
    assert report.overall.precision == pytest.approx(3 / 5)
    assert report.overall.recall == pytest.approx(3 / 4)
    assert report.overall.f1 == pytest.approx(2 / 3)
    cats = {name: (t.tp, t.fp, t.fn) for name, t in report.by_category.items()}
    assert cats == {
        "captured": (0, 0, 1),
        "casualties": (1, 0, 0),
        "engagement": (1, 0, 0),
        "equipment": (0, 1, 0),
        "killed": (1, 0, 0),
        "wounded": (0, 1, 0),
    }
    assert report.by_category["captured"].f1 == 0.0 and report.by_category["killed"].f1 == 1.0
    scored = {name: (s.right, s.total) for name, s in report.attributes.items() if s.total}
    assert scored == {
        "claimant_side": (3, 3),
        "civilian": (3, 3),
        "qualifier": (2, 3),
        "period": (3, 3),
        "date": (3, 3),
        "region": (1, 1),
        "unit": (1, 1),
    }
    assert report.attribute_accuracy == pytest.approx(16 / 17)  # civilian right on all three


def test_the_mistakes_are_listed_with_links_to_their_sentences(case):
    report = quality_report(predict=case["predict"])
    groups = {g.label: g for g in report.mistakes}
    assert [(g.label, g.count) for g in report.mistakes] == [
        ("extra equipment", 1),
        ("extra wounded", 1),
        ("missed captured", 1),
        ("wrong qualifier", 1),
    ]
    missed = groups["missed captured"].examples[0]
    g3 = case["missed"]
    assert missed.url == f"/articles/{case['a'].pk}/?start={g3.start}&end={g3.end}#review-claim-{g3.pk}"
    assert missed.evidence == g3.evidence and missed.summary == "missed 3 captured (KP)"
    assert groups["extra equipment"].examples[0].summary == "extra 5 tank (UA) (a reviewer had rejected it)"
    wrong = groups["wrong qualifier"].examples[0]
    assert (wrong.gold, wrong.got, wrong.claim_id) == ("about", "exact", case["g2"].pk)
    assert wrong.summary == "qualifier: expected 'about', got 'exact'"


def test_partly_reviewed_articles_count_only_their_reviewed_claims(case):
    report = quality_report(predict=case["predict"], include_partial=True)
    assert (report.articles, report.articles_left_out) == (3, 0)
    # C adds one match (killed 7) and one extra (launched 30); its unreviewed wounded 9 counts neither way.
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (4, 3, 1)
    assert report.overall.precision == pytest.approx(4 / 7)
    assert report.overall.recall == pytest.approx(4 / 5)


def test_no_reviewed_article_scores_zero_without_dividing_by_zero(db):
    ClaimFactory()
    report = quality_report(predict=lambda article: [])
    assert report.articles == 0 and report.overall.f1 == 0.0 and report.mistakes == []


def test_the_command_prints_the_same_figures(case, monkeypatch):
    monkeypatch.setattr(quality, "engine_predictor", lambda: (case["predict"], "test-1"))
    out = StringIO()
    call_command("extraction_quality", stdout=out)
    text = out.getvalue()
    assert "engine test-1: 2 reviewed articles (1 partly reviewed left out)" in text
    assert "all             0.600  0.750  0.667      3      2      1" in text
    assert "qualifier         2/3    0.667" in text
    assert "missed captured" in text and "(a reviewer had rejected it)" in text
    assert text.rstrip().endswith("F1 0.667 P 0.600 R 0.750")


def test_the_page_shows_the_figures(case, client_for, carol, monkeypatch):
    monkeypatch.setattr(quality, "engine_predictor", lambda: (case["predict"], "test-1"))
    html = client_for(carol).get("/review/quality/").content.decode()
    assert "<td><strong>0.667</strong></td>" in html and "<td>0.600</td><td>0.750</td>" in html
    assert "missed captured" in html and f"#review-claim-{case['missed'].pk}" in html


def test_the_real_engine_runs_on_the_reviewed_articles(case):
    try:
        predict, version = quality.engine_predictor()
    except quality.EngineUnavailable as exc:
        pytest.skip(str(exc))
    report = quality_report(predict=predict, engine_version=version)
    assert report.articles == 2 and report.engine_version


@pytest.mark.parametrize(
    ("gold", "predicted"),
    [
        ("241th Territorial Defence Brigade", "241st Territorial Defense Brigade"),
        ("Kursk Oblast", "the Kursk region"),
        ("80th Separate Air Assault Brigade", "Air Assault Brigade, 80th"),
        ("Armoured Mechanised Brigades", "armored mechanized brigade"),
    ],
)
def test_names_compare_as_schema_says(gold, predicted):
    assert norm_name(gold) == norm_name(predicted)


def test_a_gold_claim_takes_the_prediction_that_agrees_most_and_matches_once():
    gold = [pred("killed", 10, region="Kursk Oblast"), pred("killed", 10, optional=True)]
    wrong_region, right_region = pred("killed", 10, region="Donetsk"), pred("killed", 10, region="Kursk")
    match = match_article(gold, [wrong_region, right_region, pred("killed", 10)])
    assert match.pairs == [(gold[0], right_region)]
    # The optional gold claim takes one of the two left and neither counts; one is extra.
    assert match.missed == [] and len(match.extra) == 1


def test_with_nothing_reviewed_the_quality_page_says_so_instead_of_scoring_zero(client_for, carol):
    body = client_for(carol).get("/review/quality/").content.decode()
    assert "No reviewed articles yet" in body and "Open the review queue" in body
    assert "0.000" not in body
