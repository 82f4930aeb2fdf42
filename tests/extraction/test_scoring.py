"""The scorer: SCHEMA.md's matching rules."""

from __future__ import annotations

from extraction.scoring import norm_name, score


def test_names_compare_without_case_order_ordinals_or_filler() -> None:
    assert norm_name("241th Territorial Defence Brigade") == norm_name("241st territorial defense brigade")
    assert norm_name("Kursk Oblast") == norm_name("the Kursk region")
    assert norm_name("92nd Separate Mechanised Brigade") == norm_name("92nd Mechanized Brigade")


def test_a_prediction_matches_on_category_side_value_and_equipment() -> None:
    gold = {
        "a": [
            {
                "category": "equipment",
                "equipment": "tank",
                "value": 2,
                "subject_side": "RU",
                "period": "window",
            }
        ]
    }
    good = {
        "a": [
            {
                "category": "equipment",
                "equipment": "tank",
                "value": 2,
                "subject_side": "RU",
                "period": "cumulative",
            }
        ]
    }
    bad = {"a": [{"category": "equipment", "equipment": "tank", "value": 3, "subject_side": "RU"}]}
    assert (score(gold, good).tp, score(gold, good).attribute_accuracy) == (1, 0.0)
    result = score(gold, bad)
    assert (result.tp, result.fp, result.fn) == (0, 1, 1)


def test_optional_gold_is_neither_rewarded_nor_punished() -> None:
    gold = {"a": [{"category": "killed", "value": 1000, "subject_side": "RU", "optional": True}]}
    assert score(gold, {"a": []}).fn == 0
    found = score(gold, {"a": [{"category": "killed", "value": 1000, "subject_side": "RU"}]})
    assert (found.tp, found.fp) == (0, 0)


def test_engagements_match_on_unit() -> None:
    gold = {
        "a": [{"category": "engagement", "unit": "241st Territorial Defense Brigade", "subject_side": "RU"}]
    }
    pred = {
        "a": [{"category": "engagement", "unit": "241th Territorial Defence Brigade", "subject_side": "UA"}]
    }
    assert score(gold, pred).f1 == 1.0


def test_a_gold_list_accepts_any_of_its_values() -> None:
    gold = {
        "a": [{"category": "casualties", "value": 485, "subject_side": ["UA", "RU"], "date": ["2025-01-06"]}]
    }
    pred = {"a": [{"category": "casualties", "value": 485, "subject_side": "UA", "date": "2025-01-06"}]}
    assert score(gold, pred).attribute_accuracy == 1.0
