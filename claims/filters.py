"""The one FilterSet over claims: the dashboard page, its HTMX fragments and the CSV export all use it,
so a download is always exactly what the researcher sees."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from functools import cache as cache_once
from functools import partial
from typing import Any

import django_filters
from django import forms
from django.core.cache import cache
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import RawSQL

from claims.models import (
    Article,
    ArticleSearch,
    Claim,
    Claimant,
    DataVersion,
    Outlet,
    Place,
    ReferenceCheck,
    Region,
    Side,
    Unit,
)
from claims.widgets import RegistrySelect, RegistrySelectMultiple

# Filters the claim summaries cannot answer (the article's outlet, free text): with any of them
# set, timelines and the table are computed from the claims themselves.
RAW_ONLY_FILTERS = ("outlet", "q", "reference_check")

# <input type="date"> takes only ISO dates: in the locale's format (25/11/2024 with en-gb) the browser
# would show an empty field, and the next request would drop the filter.
DATE_INPUT = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


# Filters that take several registry entries at once (?region=a&region=b: any of them).
class FactFilter(django_filters.BaseInFilter, django_filters.CharFilter):
    """One or more reported figures' keys, comma-separated."""


REGISTRY_FILTERS = {"claimant": Claimant, "region": Region, "place": Place, "unit": Unit}


def registry_choices() -> dict[str, list[tuple[str, str]]]:
    """(slug, name) of every registry entry the filters list, kept until the registries change.

    Keyed by the registries' version, which every registry write moves (claims.DataVersion):
    validating a filter still reads the registry itself, so a stale list could only offer, not accept.
    """
    version = DataVersion.objects.filter(shard=DataVersion.REGISTRY_SHARD).values_list("n", flat=True).first()

    def read() -> dict[str, list[tuple[str, str]]]:
        choices = {
            name: list(model.objects.order_by("name").values_list("slug", "name"))
            for name, model in REGISTRY_FILTERS.items()
        }
        choices["outlet"] = [
            (str(pk), name) for pk, name in Outlet.objects.order_by("name").values_list("pk", "name")
        ]
        return choices

    return cache.get_or_set(f"registry-choices:{version}", read)


def _listed(first: list[tuple[str, str]], name: str, read: Callable[[], dict]) -> list[tuple[str, str]]:
    return [*first, *read()[name]]


class ClaimFilterForm(forms.Form):
    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        status = cleaned.get("review_status")
        if cleaned.get("reviewed") and status and status != Claim.ReviewStatus.CONFIRMED:
            # Reviewed only means confirmed (added claims are created confirmed): nothing could match.
            self.add_error("reviewed", "Reviewed only shows confirmed claims; clear the review status.")
        return cleaned


class ClaimFilter(django_filters.FilterSet):
    """Every field a researcher asks about. Rejected claims are left out unless asked for by status."""

    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="From", widget=DATE_INPUT
    )
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label="To", widget=DATE_INPUT)
    subject_side = django_filters.ChoiceFilter(choices=Side.choices, label="Whose losses", empty_label="Any")
    claimant_side = django_filters.ChoiceFilter(choices=Side.choices, label="Claimed by", empty_label="Any")
    civilian = django_filters.TypedChoiceFilter(
        choices=[("", "Any"), ("no", "Military and equipment"), ("yes", "Civilians")],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        label="Whose figures",
        empty_value=None,
    )
    claimant = django_filters.ModelMultipleChoiceFilter(
        queryset=Claimant.objects.only("slug", "name").order_by("name"),
        to_field_name="slug",
        label="Claimant",
        widget=RegistrySelectMultiple(attrs={"class": "registry-select", "data-placeholder": "Any"}),
        method="any_of",
    )
    category = django_filters.ChoiceFilter(
        choices=Claim.Category.choices, label="Category", empty_label="Any"
    )
    equipment = django_filters.ChoiceFilter(
        choices=Claim.Equipment.choices, label="Equipment", empty_label="Any"
    )
    region = django_filters.ModelMultipleChoiceFilter(
        queryset=Region.objects.only("slug", "name").order_by("name"),
        to_field_name="slug",
        label="Region",
        widget=RegistrySelectMultiple(attrs={"class": "registry-select", "data-placeholder": "Any"}),
        method="any_of",
    )
    place = django_filters.ModelMultipleChoiceFilter(
        queryset=Place.objects.only("slug", "name").order_by("name"),
        to_field_name="slug",
        label="Place",
        widget=RegistrySelectMultiple(attrs={"class": "registry-select", "data-placeholder": "Any"}),
        method="any_of",
    )
    unit = django_filters.ModelMultipleChoiceFilter(
        queryset=Unit.objects.only("slug", "name").order_by("name"),
        to_field_name="slug",
        label="Unit",
        widget=RegistrySelectMultiple(attrs={"class": "registry-select", "data-placeholder": "Any"}),
        method="any_of",
    )
    outlet = django_filters.ModelChoiceFilter(
        field_name="article__outlet",
        queryset=Outlet.objects.only("name").order_by("name"),
        label="Outlet",
        empty_label="Any",
        widget=RegistrySelect,
    )
    period = django_filters.ChoiceFilter(choices=Claim.Period.choices, label="Period", empty_label="Any")
    reference_check = django_filters.ChoiceFilter(
        field_name="reference_check__status",
        choices=ReferenceCheck.Status.choices,
        label="Against the reference",
        empty_label="Any",
    )
    review_status = django_filters.ChoiceFilter(
        choices=Claim.ReviewStatus.choices, label="Review", empty_label="Any but rejected"
    )
    reviewed = django_filters.BooleanFilter(
        method="reviewed_only", widget=forms.CheckboxInput, label="Reviewed only"
    )
    unverified = django_filters.TypedChoiceFilter(
        field_name="article__unverified",
        choices=[("", "Any"), ("yes", "Unverified only"), ("no", "Verified only")],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        label="Unverified flag",
        empty_value=None,
    )
    # Reported figures by key, comma-separated (the table's "all N sources" link; an alarm's two
    # claims); not shown in the form.
    fact = FactFilter(field_name="fact_key", lookup_expr="in", widget=forms.HiddenInput)
    q = django_filters.CharFilter(method="search", label="Text (evidence and article)", max_length=200)

    class Meta:
        model = Claim
        form = ClaimFilterForm
        fields: list[str] = []

    # The claim dates within which the text filter checks each article's document rather than listing every
    # matching article first (selectors.text_plan sets it for a word in very many articles).
    search_within: tuple[datetime.date, datetime.date] | None = None

    @property
    def form(self) -> forms.Form:
        form = super().form
        if not getattr(form, "registry_choices_set", False):
            # The registry selects list hundreds of entries on every page: read once per data version, and
            # handed to the widgets as callables, so only a response that renders the form reads them (once).
            read = cache_once(registry_choices)
            for name in (*REGISTRY_FILTERS, "outlet"):
                if name in form.fields:
                    widget = form.fields[name].widget
                    first = [] if widget.allow_multiple_selected else [("", "Any")]
                    widget.choices = partial(_listed, first, name, read)
            form.registry_choices_set = True
        return form

    @property
    def qs(self) -> QuerySet[Claim]:
        queryset = super().qs
        if not self.active().get("review_status"):
            queryset = queryset.exclude(review_status=Claim.ReviewStatus.REJECTED)
        return queryset

    def any_of(self, queryset: QuerySet[Claim], name: str, value) -> QuerySet[Claim]:
        return queryset.filter(**{f"{name}__in": value}) if value else queryset

    def reviewed_only(self, queryset: QuerySet[Claim], name: str, value: bool | None) -> QuerySet[Claim]:
        return queryset.filter(review_status=Claim.ReviewStatus.CONFIRMED) if value else queryset

    def search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        estimate = self.search_estimate() if self.search_within is None else None
        return claims_matching(queryset, value, within=self.search_within, estimate=estimate)

    def search_estimate(self) -> int | None:
        """PostgreSQL's estimate of the articles the text filter matches (None: no text, or not PostgreSQL);
        asked once per filterset, for the timeline's plan and the claims' filter alike."""
        if not hasattr(self, "_search_estimate"):
            text = (self.active().get("q") or "").strip()
            postgres = connection.vendor == "postgresql"
            self._search_estimate = matching_articles(text) if text and postgres else None
        return self._search_estimate

    def active(self) -> dict[str, Any]:
        """The filters in use, by name, with their cleaned values (read once: registry entries are rows)."""
        if not self.is_bound or not self.form.is_valid():
            return {}
        if hasattr(self, "_active"):
            return self._active
        # An unticked "reviewed only" box cleans to False: that is no filter at all. "Verified only"
        # (unverified=no) cleans to False too, and is one.
        cleaned = {
            # A registry filter cleans to a queryset of the chosen entries (none() when none are).
            k: list(v) if isinstance(v, QuerySet) else v
            for k, v in self.form.cleaned_data.items()
        }
        self._active = {
            k: v
            for k, v in cleaned.items()
            if v not in (None, "", []) and not (k == "reviewed" and v is False)
        }
        return self._active

    def needs_claims(self) -> bool:
        """True when a filter in use is one the summaries cannot answer."""
        active = self.active()
        if any(name in active for name in RAW_ONLY_FILTERS):
            return True
        # The summaries split by the unverified flag only the claims of every state but rejected.
        return "unverified" in active and ("review_status" in active or "reviewed" in active)


# Matching articles listed by id up to this many (claims_matching).
FEW_ARTICLES = 5_000
# The articles of the claims dated within a stretch whose documents match: each article's stored document
# checked on its own (a lateral subquery the planner cannot turn into a scan of every matching document).
WITHIN = (
    "SELECT w.article_id FROM (SELECT DISTINCT article_id FROM claims_claim WHERE date BETWEEN %s AND %s) w, "
    "LATERAL (SELECT 1 FROM claims_articlesearch s WHERE s.article_id = w.article_id "
    "AND s.document @@ websearch_to_tsquery('english', %s) OFFSET 0) matched"
)


def claims_matching(
    queryset: QuerySet[Claim],
    text: str,
    *,
    within: tuple[datetime.date, datetime.date] | None = None,
    estimate: int | None = None,
) -> QuerySet[Claim]:
    """Claims whose evidence or whose article's text matches `text`.

    A claim's evidence is a sentence of its article's text, so the article's text is what is
    searched: a match in the evidence is a match in the article. On PostgreSQL that is full-text
    search (web-search syntax: "quoted phrases", -not, or) on the articles' stored documents
    (ArticleSearch, with its GIN index); elsewhere a case-insensitive contains, on the evidence
    as well. With `within` (first and last claim date), only claims of those dates, found by
    checking their articles one by one: cheaper than the index for a word in most articles.

    A word in few articles (by the planner's estimate: ``estimate``, or asked here) is looked up first
    and its articles given by id: told only "the articles that match", the planner may walk every claim
    in date order for a page of a rare word's claims (eleven seconds at ten million).
    """
    text = text.strip()
    if not text:
        return queryset
    if connection.vendor != "postgresql":
        return queryset.filter(Q(evidence__icontains=text) | Q(article__text__icontains=text))
    if within is not None:
        first, last = within
        return queryset.filter(date__range=within, article_id__in=RawSQL(WITHIN, [first, last, text]))
    documents = ArticleSearch.objects.filter(document=search_query(text))
    if (matching_articles(text) if estimate is None else estimate) <= FEW_ARTICLES:
        found = list(documents.values_list("article_id", flat=True)[: FEW_ARTICLES + 1])
        if len(found) <= FEW_ARTICLES:
            return queryset.filter(article_id__in=found)
    return queryset.filter(article_id__in=documents.values("article_id"))


def matching_articles(text: str) -> int:
    """PostgreSQL's estimate of the articles whose documents match ``text``, from the documents' statistics:
    nothing is read."""
    plan = json.loads(ArticleSearch.objects.filter(document=search_query(text)).explain(format="json"))
    return int(plan[0]["Plan"]["Plan Rows"])


def search_query(text: str):
    """The full-text query the text filter runs (PostgreSQL)."""
    from django.contrib.postgres.search import SearchQuery

    return SearchQuery(text.strip(), config="english", search_type="websearch")


class ArticleFilter(django_filters.FilterSet):
    """The article list: by outlet, publication date, state, the unverified flag and title; sortable."""

    q = django_filters.CharFilter(
        field_name="title", lookup_expr="icontains", label="Title contains", max_length=200
    )
    outlet = django_filters.ModelChoiceFilter(
        queryset=Outlet.objects.only("name").order_by("name"),
        label="Outlet",
        empty_label="Any",
        widget=RegistrySelect,
    )
    published_from = django_filters.DateFilter(
        field_name="published", lookup_expr="gte", label="Published from", widget=DATE_INPUT
    )
    published_to = django_filters.DateFilter(
        field_name="published", lookup_expr="lte", label="Published to", widget=DATE_INPUT
    )
    undated = django_filters.BooleanFilter(
        method="undated_only", label="Undated only", widget=forms.CheckboxInput
    )
    status = django_filters.ChoiceFilter(choices=Article.Status.choices, label="State", empty_label="Any")
    unverified = django_filters.TypedChoiceFilter(
        choices=[("", "Any"), ("yes", "Unverified only"), ("no", "Verified only")],
        coerce=lambda v: {"yes": True, "no": False}.get(v),
        label="Unverified flag",
        empty_value=None,
    )
    sort = django_filters.OrderingFilter(
        fields=(("published", "published"), ("outlet__name", "outlet"), ("claim_count", "claims")),
        field_labels={"published": "Date", "outlet__name": "Outlet", "claim_count": "Claims"},
        label="Sort by",
        empty_label=None,
        null_label=None,
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def undated_only(self, queryset: QuerySet[Article], name: str, value: bool | None) -> QuerySet[Article]:
        # An unticked box means "any", not "dated only".
        return queryset.filter(published__isnull=True) if value else queryset

    def filter_queryset(self, queryset: QuerySet[Article]) -> QuerySet[Article]:
        # Undated articles last whichever way the date runs, and a stable order within equal keys.
        queryset = super().filter_queryset(queryset)
        keys = [str(key) for key in queryset.query.order_by] or ["-published"]
        ordering = [
            F(key.lstrip("-")).desc(nulls_last=True) if key.startswith("-") else F(key).asc(nulls_last=True)
            for key in keys
        ]
        return queryset.order_by(*ordering, "-id")
