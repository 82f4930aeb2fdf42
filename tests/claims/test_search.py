"""Full-text search on PostgreSQL: the stored article documents the database keeps (migration 0005)."""

from __future__ import annotations

import pytest

from claims.models import Article, ArticleSearch
from tests.claims.helpers import claim, filterset
from tests.factories import ArticleFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _ids(fs) -> set[int]:
    return set(fs.qs.values_list("pk", flat=True))


def test_a_new_article_is_searchable_at_once_with_english_stemming():
    drones = claim(text="Ukraine said it shot down 40 drones overnight over the Kyiv region.", value=40)
    claim(text="Russia lost 1,200 soldiers near Pokrovsk, the General Staff said.", value=1200)

    assert ArticleSearch.objects.filter(article_id=drones.article_id).exists()
    assert _ids(filterset(q="drone")) == {drones.pk}
    assert _ids(filterset(q="Regions")) == {drones.pk}


def test_web_search_syntax_phrases_and_exclusions():
    kyiv = claim(text="Forty drones were shot down over the Kyiv region overnight.", value=40)
    odesa = claim(text="Twelve drones were shot down over Odesa; none reached the region of Kyiv.", value=12)

    assert _ids(filterset(q="drones -Odesa")) == {kyiv.pk}
    assert _ids(filterset(q='"Kyiv region"')) == {kyiv.pk}
    assert _ids(filterset(q="Odesa or Kyiv")) == {kyiv.pk, odesa.pk}


def test_an_edited_text_replaces_its_document():
    found = claim(text="Ukraine said 12 tanks were destroyed near Bakhmut.", value=12)
    article = found.article
    article.text = "Ukraine said 12 tanks were destroyed near Avdiivka."
    article.save(update_fields=["text"])

    assert _ids(filterset(q="Bakhmut")) == set()
    assert _ids(filterset(q="Avdiivka")) == {found.pk}


def test_a_deleted_article_takes_its_document_with_it():
    article = ArticleFactory(text="A text about drones.")
    assert ArticleSearch.objects.filter(article_id=article.pk).exists()

    Article.objects.filter(pk=article.pk).delete()

    assert not ArticleSearch.objects.filter(article_id=article.pk).exists()


def test_a_search_that_matches_nothing_and_one_of_only_stop_words_give_no_claims():
    claim(text="Russia lost 1,200 soldiers near Pokrovsk, the General Staff said.", value=1200)

    assert _ids(filterset(q="zeppelin")) == set()
    assert _ids(filterset(q="the")) == set()
