from __future__ import annotations

import datetime

import factory
from django.contrib.auth import get_user_model

from claims.models import Article, Claim, Outlet, content_hash


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("pw-for-tests")


class OutletFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Outlet
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    outlet = factory.SubFactory(OutletFactory)
    published = datetime.date(2024, 11, 26)
    text = factory.Sequence(lambda n: f"Russia lost {1000 + n} men in one day, Ukraine's General Staff said.")
    content_hash = factory.LazyAttribute(lambda o: content_hash(o.text))
    source_kind = Article.SourceKind.TXT
    status = Article.Status.DONE


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Claim

    article = factory.SubFactory(ArticleFactory)
    category = Claim.Category.CASUALTIES
    value = 1000
    qualifier = Claim.Qualifier.EXACT
    subject_side = "RU"
    claimant_side = "UA"
    period = Claim.Period.WINDOW
    date = datetime.date(2024, 11, 25)
    evidence = factory.LazyAttribute(lambda o: o.article.text)
    start = 0
    end = factory.LazyAttribute(lambda o: len(o.evidence))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        claim = model_class(*args, **kwargs)
        claim.fact_key = claim.compute_fact_key()
        claim.save()
        return claim
