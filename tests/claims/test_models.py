from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction

from claims.models import Article, Claim, content_hash
from tests.factories import ArticleFactory, ClaimFactory

pytestmark = pytest.mark.django_db


def test_the_database_refuses_the_same_text_twice():
    ArticleFactory(text="Russia lost 1,610 men on November 24.")
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(text="Russia lost 1,610 men on November 24.")
    assert Article.objects.count() == 1


def test_whitespace_and_case_do_not_make_a_new_article():
    assert content_hash("Russia  lost\n1,610 men.") == content_hash("russia lost 1,610 men.")
    assert content_hash("Russia lost 1,610 men.") != content_hash("Russia lost 1,611 men.")


def test_the_same_figure_in_two_articles_shares_a_fact_key():
    first = ClaimFactory(value=1610, date=datetime.date(2024, 11, 24))
    second = ClaimFactory(value=1610, date=datetime.date(2024, 11, 24))
    other_day = ClaimFactory(value=1610, date=datetime.date(2024, 11, 25))
    assert first.article_id != second.article_id
    assert first.fact_key == second.fact_key
    assert first.fact_key != other_day.fact_key


def test_a_claim_needs_a_figure_unless_it_is_an_engagement():
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimFactory(value=None)
    engagement = ClaimFactory(value=None, category=Claim.Category.ENGAGEMENT)
    assert engagement.pk
