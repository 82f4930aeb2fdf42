"""Articles, the claims read from them, and the registries the extractor reads names from."""

from __future__ import annotations

import datetime
import hashlib
from enum import StrEnum

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from extraction import schema


def _choices(enum: type[StrEnum]) -> type[models.TextChoices]:
    """Django choices of one of the claim schema's enums, labelled as the schema labels them."""
    return models.TextChoices(enum.__name__, [(m.name, (m.value, schema.LABELS[m])) for m in enum])


Side = _choices(schema.Side)


class Country(models.TextChoices):
    UA = "UA", "Ukraine"
    RU = "RU", "Russia"
    OTHER = "other", "Other"


class Registry(models.Model):
    """A named thing that articles spell many ways: the canonical name plus every alias."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    aliases = models.JSONField(default=list, blank=True, help_text="Other spellings, one list item each.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def make_slug(*parts: str) -> str:
        return slugify("-".join(p for p in parts if p))[:220]


class Region(Registry):
    country = models.CharField(max_length=8, choices=Country.choices)

    class Meta(Registry.Meta):
        constraints = [models.UniqueConstraint(fields=["name"], name="region_name_unique")]

    def get_absolute_url(self) -> str:
        return reverse("claims:region", args=[self.slug])


class Place(Registry):
    class Kind(models.TextChoices):
        SETTLEMENT = "settlement", "Settlement"
        DIRECTION = "direction", "Front direction"
        OTHER = "other", "Other"

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="places")
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.SETTLEMENT)

    class Meta(Registry.Meta):
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="place_name_region_unique")]


class Unit(Registry):
    class Kind(models.TextChoices):
        BRIGADE = "brigade", "Brigade"
        REGIMENT = "regiment", "Regiment"
        BATTALION = "battalion", "Battalion"
        DIVISION = "division", "Division"
        ARMY = "army", "Army"
        CORPS = "corps", "Corps"
        GROUP = "group", "Group of forces"
        SPECIAL = "special", "Special unit"
        OTHER = "other", "Other"

    side = models.CharField(max_length=8, choices=Side.choices)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.OTHER)

    class Meta(Registry.Meta):
        constraints = [models.UniqueConstraint(fields=["name"], name="unit_name_unique")]

    def get_absolute_url(self) -> str:
        return reverse("claims:unit", args=[self.slug])


class Claimant(Registry):
    side = models.CharField(max_length=8, choices=Side.choices)

    class Meta(Registry.Meta):
        constraints = [models.UniqueConstraint(fields=["name"], name="claimant_name_unique")]


class Person(Registry):
    """A named official or spokesperson whose words are claims, filed under the claimant of their role at
    the time (extraction.Registries.speaker_for)."""

    side = models.CharField(max_length=8, choices=Side.choices)

    class Meta(Registry.Meta):
        verbose_name_plural = "people"
        constraints = [models.UniqueConstraint(fields=["name"], name="person_name_unique")]


class PersonRole(models.Model):
    """A role a person held: the claimant they spoke for, from ``started`` to ``ended`` (blank: not known, or
    still held)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(Claimant, on_delete=models.PROTECT, related_name="person_roles")
    title = models.CharField(max_length=200, blank=True)
    started = models.DateField(null=True, blank=True)
    ended = models.DateField(null=True, blank=True)
    # The engine's compiled registries are stamped with every registry table's latest change.
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("started").asc(nulls_first=True), "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(started__isnull=True)
                | models.Q(ended__isnull=True)
                | models.Q(ended__gte=models.F("started")),
                name="person_role_span_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title or 'role'} at {self.organisation}"


class Outlet(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def normalise_text(text: str) -> str:
    """The form of an article's text that decides whether two uploads are the same article."""
    return " ".join(text.split()).casefold()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


class Article(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class SourceKind(models.TextChoices):
        TXT = "txt", "Text file"
        HTML = "html", "HTML page"
        PDF = "pdf", "PDF"
        PASTE = "paste", "Pasted text"

    class DateSource(models.TextChoices):
        """Where the publication date came from, most trustworthy first (ingest.parsers.dates)."""

        FORM = "form", "Given by a person"
        FILE = "file", "Read from the file's metadata"
        DATELINE = "dateline", "Read from the dateline"
        BYLINE = "byline", "Read from a Published or Updated line"
        URL = "url", "Read from the address"
        TEXT = "text", "The latest date in the text (a guess)"
        NONE = "", "No publication date"

    title = models.CharField(max_length=500, blank=True)
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(max_length=2000, blank=True)
    # Null when no date was given or found: the article is undated, and so are its relative dates.
    published = models.DateField(null=True, blank=True, db_index=True)
    published_source = models.CharField(
        max_length=16, choices=DateSource.choices, default=DateSource.NONE, blank=True
    )
    text = models.TextField()
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    source_name = models.CharField(max_length=255, blank=True)
    source_kind = models.CharField(max_length=8, choices=SourceKind.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED, db_index=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    processed_at = models.DateTimeField(null=True, blank=True)
    extractor_version = models.CharField(max_length=40, blank=True)
    unverified = models.BooleanField(
        default=False, help_text="The article says its figures could not be independently verified."
    )
    # Its claims but the rejected ones, kept by a trigger on claims_claim (migration 0009), so the
    # article list sorts by it without counting a million claims.
    claim_count = models.PositiveIntegerField(default=0, editable=False, db_index=True)

    class Meta:
        ordering = [models.F("published").desc(nulls_last=True), "-id"]
        indexes = [models.Index(fields=["status", "status_changed_at"], name="article_status_age_idx")]
        permissions = [("upload_article", "Can upload articles")]

    def __str__(self) -> str:
        return self.title or self.source_name or f"Article {self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("claims:article", args=[self.pk])

    @property
    def undated(self) -> bool:
        return self.published is None


class ArticleChange(models.Model):
    """One edit of an article's details (title, outlet, address, publication date): who, when, before, after.

    Rows are only ever added; like a claim's review history, it outlives the editor's account
    (PROTECT) and shows on the article page.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="changes")
    # Null for an import run from the command line; otherwise the person, kept (PROTECT) like a reviewer.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="article_changes",
    )
    at = models.DateTimeField(default=timezone.now)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)
    note = models.CharField(max_length=300, blank=True, help_text="What followed from the edit.")

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"Edit of article {self.article_id} at {self.at:%Y-%m-%d %H:%M}"

    def diff(self) -> list[tuple[str, object, object]]:
        """(field label, before, after) for every field the edit touched."""
        labels = {"title": "Title", "outlet": "Outlet", "url": "Address", "published": "Publication date"}
        fields = list(dict.fromkeys([*self.before, *self.after]))
        return [(labels.get(f, f), self.before.get(f), self.after.get(f)) for f in fields]


class ArticleSearch(models.Model):
    """Each article's text as a full-text document, for the dashboard's text filter (PostgreSQL).

    A narrow table of its own rather than an index on the article text: checking one article
    against a search reads its stored document instead of parsing 4 KB of text (0.1 ms), which is
    what a page of claims does for each of its articles. On PostgreSQL a trigger on claims_article
    fills it (migration 0005); SQLite, which searches with a plain contains, leaves it empty.
    """

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="+")
    document = SearchVectorField()

    def __str__(self) -> str:
        return f"search document of article {self.article_id}"


# The claim table's sort keys when it reads claims rather than FactSummary (outlet, unverified and
# text filters): selectors and the export annotate these, and Claim's indexes are built on them, so
# a page of the table is a range of an index rather than a sort of every matching claim.
CLAIM_DAY = Coalesce("date", models.Value(datetime.date.min))
CLAIM_SORT_VALUE = Coalesce("value", models.Value(-1))


class Claim(models.Model):
    Category = _choices(schema.Category)
    Equipment = _choices(schema.Equipment)
    Qualifier = _choices(schema.Qualifier)
    Period = _choices(schema.Period)

    class ReviewStatus(models.TextChoices):
        UNREVIEWED = "unreviewed", "Unreviewed"
        CONFIRMED = "confirmed", "Confirmed"
        DISPUTED = "disputed", "Disputed"
        REJECTED = "rejected", "Rejected"

    class Origin(models.TextChoices):
        MACHINE = "machine", "Extracted"
        REVIEWER = "reviewer", "Added by a reviewer"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    category = models.CharField(max_length=16, choices=Category.choices)
    # SCHEMA distinguishes null (not applicable / unknown) from a value, so these choice fields are nullable.
    equipment = models.CharField(max_length=24, choices=Equipment.choices, null=True, blank=True)  # noqa: DJ001
    value = models.BigIntegerField(null=True, blank=True)
    value_max = models.BigIntegerField(null=True, blank=True)
    qualifier = models.CharField(max_length=16, choices=Qualifier.choices, default=Qualifier.EXACT)
    subject_side = models.CharField(max_length=8, choices=Side.choices)
    # The figure counts civilians (residents killed by a strike, civilians held captive): a different
    # fact from soldiers, never summed with them.
    civilian = models.BooleanField(default=False)
    claimant = models.ForeignKey(
        Claimant, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    claimant_raw = models.CharField(max_length=300, blank=True)
    claimant_side = models.CharField(max_length=8, choices=Side.choices, null=True, blank=True)  # noqa: DJ001
    period = models.CharField(max_length=16, choices=Period.choices, default=Period.WINDOW)
    date = models.DateField(null=True, blank=True)
    date_start = models.DateField(null=True, blank=True)
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims"
    )
    region_raw = models.CharField(max_length=300, blank=True)
    place = models.ForeignKey(Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    place_raw = models.CharField(max_length=300, blank=True)
    unit = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    unit_raw = models.CharField(max_length=300, blank=True)
    evidence = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    # The same reported figure repeated by several articles shares one key, so timelines count it once.
    fact_key = models.CharField(max_length=32, db_index=True, editable=False)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.MACHINE)
    # What the engine first said this claim was (claims.services.engine_key), kept whatever a
    # reviewer edits: re-extraction recognises its own output by it and does not store it again.
    # NULL for reviewers' own claims and claims stored before the column. Nullable with no default
    # on purpose: SQLite then adds it with a plain ALTER TABLE, keeping the summary triggers that
    # rebuilding the table would drop, and bulk loads (COPY) may leave it out.
    engine_key = models.CharField(max_length=80, null=True, blank=True, editable=False)  # noqa: DJ001
    extractor_version = models.CharField(max_length=40, blank=True)
    review_status = models.CharField(
        max_length=16, choices=ReviewStatus.choices, default=ReviewStatus.UNREVIEWED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-date", "-id"]
        permissions = [("review_claim", "Can review claims"), ("export_claims", "Can export claims")]
        indexes = [
            # With the article: a frequent word's chart lists its latest days' articles from the index alone.
            models.Index(fields=["date", "id"], include=["article"], name="claim_date_article_idx"),
            models.Index(fields=["category", "date"], name="claim_category_date_idx"),
            models.Index(fields=["subject_side", "date"], name="claim_subject_date_idx"),
            models.Index(fields=["claimant_side", "date"], name="claim_claimant_side_date_idx"),
            models.Index(fields=["region", "date"], name="claim_region_date_idx"),
            models.Index(fields=["unit", "date"], name="claim_unit_date_idx"),
            models.Index(fields=["period", "date"], name="claim_period_date_idx"),
            # The claims of one series, running totals and daily figures apart, in date order (claims.alarms):
            # the running totals either side of a change, and every reading between them, found at once
            # rather than by walking the claimant's other series or the series' other figures.
            models.Index(
                fields=[
                    "claimant",
                    "category",
                    "equipment",
                    "subject_side",
                    "region",
                    "place",
                    "unit",
                    "period",
                    "date",
                ],
                name="claim_series_idx",
            ),
            models.Index(CLAIM_DAY, "fact_key", name="claim_day_fact_idx"),
            models.Index(CLAIM_SORT_VALUE, "fact_key", name="claim_value_fact_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")), name="claim_offsets_ordered"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=False) | models.Q(category="engagement"),
                name="claim_value_unless_engagement",
            ),
        ]

    def __str__(self) -> str:
        figure = "" if self.value is None else f" {self.value:,}"
        return f"{self.get_category_display()}{figure} ({self.subject_side})"

    @property
    def is_reviewed(self) -> bool:
        return self.review_status != self.ReviewStatus.UNREVIEWED or self.origin == self.Origin.REVIEWER

    def compute_fact_key(self) -> str:
        """What makes two claims the same reported figure, whichever article printed it."""
        parts = [
            self.category,
            self.equipment or "",
            self.subject_side,
            self.claimant_side or "",
            "" if self.value is None else str(self.value),
            "" if self.value_max is None else str(self.value_max),
            self.period,
            self.date.isoformat() if self.date else "",
        ]
        if self.category == self.Category.ENGAGEMENT:
            parts.append(str(self.unit_id or self.unit_raw))
            parts.append(str(self.article_id))
        if self.civilian:
            # Civilians and soldiers with the same figure are two facts (soldiers' keys stay as they were).
            parts.append("civilian")
        return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


class FactSummary(models.Model):
    """Claims counted per reported figure and per the region, place, unit and claimant given for it.

    What the timelines and the claim table read, so they stay fast at a million claims: rows are
    as many as distinct figures (times the places given for them), not as many as claims. The
    database keeps it in step with claims_claim through triggers (migration 0002), so every writer
    (extraction, review, the admin, bulk loads) keeps it right without knowing it exists. The
    dashboard never writes it.
    """

    fact_key = models.CharField(max_length=32, db_index=True)
    # The DaySummary row this figure adds to: its date, category, equipment, sides and period.
    group_key = models.CharField(max_length=100, db_index=True)
    date = models.DateField(null=True)
    # date, or date.min when the claim has none: the table's keyset ordering then has no NULLs.
    day = models.DateField()
    # The date's week (its Monday) and month, so timelines group on a column, not a computation.
    week = models.DateField(null=True)
    month = models.DateField(null=True)
    category = models.CharField(max_length=16, choices=Claim.Category.choices)
    equipment = models.CharField(max_length=24, choices=Claim.Equipment.choices, null=True)  # noqa: DJ001
    subject_side = models.CharField(max_length=8, choices=Side.choices)
    claimant_side = models.CharField(max_length=8, choices=Side.choices, null=True)  # noqa: DJ001
    period = models.CharField(max_length=16, choices=Claim.Period.choices)
    civilian = models.BooleanField(default=False)
    value = models.BigIntegerField(null=True)
    value_max = models.BigIntegerField(null=True)
    # value, or -1 for engagements, for the same reason as day.
    sort_value = models.BigIntegerField()
    region = models.ForeignKey(
        Region, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    place = models.ForeignKey(
        Place, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    unit = models.ForeignKey(
        Unit, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    claimant = models.ForeignKey(
        Claimant, null=True, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    # Claims of this figure and place in each review state; n_live is every state but rejected.
    n_live = models.PositiveIntegerField(default=0)
    n_unreviewed = models.PositiveIntegerField(default=0)
    n_confirmed = models.PositiveIntegerField(default=0)
    n_disputed = models.PositiveIntegerField(default=0)
    n_rejected = models.PositiveIntegerField(default=0)
    # n_live split by the article's unverified flag (u: unverified articles, k: the others), so
    # "verified only" and "unverified only" are answered here too (with a review filter as well,
    # the claims answer: ClaimFilter.needs_claims).
    n_live_u = models.PositiveIntegerField(default=0)
    n_live_k = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["day", "fact_key"], name="factsummary_day_idx"),
            models.Index(fields=["sort_value", "fact_key"], name="factsummary_value_idx"),
            models.Index(fields=["category", "period", "day"], name="factsummary_category_idx"),
            # One side's figures can be a few among millions (North Korea's losses): the table's page of
            # them walks their own entries in date order, not every figure's.
            models.Index(fields=["subject_side", "day", "fact_key"], name="factsummary_subject_day_idx"),
            models.Index(fields=["claimant_side", "day", "fact_key"], name="factsummary_claimant_day_idx"),
            # A unit's figures are few, and a unit fights in a region or two: filtered by both, their figures
            # come from here, where ANDing the unit's entries with the region's (most figures of a front) cost
            # more than the rest of the page.
            models.Index(
                fields=["unit", "region"],
                condition=models.Q(unit__isnull=False),
                name="factsummary_unit_region_idx",
            ),
            # The comparison's equipment table (national running totals of equipment), read from the index.
            models.Index(
                fields=["claimant_side", "subject_side", "equipment"],
                include=["value", "date", "n_live", "region", "place", "unit"],
                condition=models.Q(category="equipment", period="cumulative"),
                name="factsummary_equipment_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.fact_key} ({self.day})"


class DayGroup(models.Model):
    """A day group's attributes (what DaySummary.group_key spells out), with its week and month."""

    date = models.DateField()
    week = models.DateField()
    month = models.DateField()
    category = models.CharField(max_length=16, choices=Claim.Category.choices)
    equipment = models.CharField(max_length=24, choices=Claim.Equipment.choices, null=True)  # noqa: DJ001
    subject_side = models.CharField(max_length=8, choices=Side.choices)
    claimant_side = models.CharField(max_length=8, choices=Side.choices, null=True)  # noqa: DJ001
    period = models.CharField(max_length=16, choices=Claim.Period.choices)
    civilian = models.BooleanField(default=False)

    class Meta:
        abstract = True


class DayCounts(DayGroup):
    """A day group's attributes with its claims (n_*), figures (f_*) and their values (v_*, each figure once)
    in each review state, and the live ones split by the article's unverified flag (u, and k the others):
    what DaySummary holds per day group and DimensionSummary per day group and registry entry."""

    n_live = models.PositiveIntegerField(default=0)
    n_unreviewed = models.PositiveIntegerField(default=0)
    n_confirmed = models.PositiveIntegerField(default=0)
    n_disputed = models.PositiveIntegerField(default=0)
    n_rejected = models.PositiveIntegerField(default=0)
    f_live = models.PositiveIntegerField(default=0)
    f_unreviewed = models.PositiveIntegerField(default=0)
    f_confirmed = models.PositiveIntegerField(default=0)
    f_disputed = models.PositiveIntegerField(default=0)
    f_rejected = models.PositiveIntegerField(default=0)
    v_live = models.BigIntegerField(default=0)
    v_unreviewed = models.BigIntegerField(default=0)
    v_confirmed = models.BigIntegerField(default=0)
    v_disputed = models.BigIntegerField(default=0)
    v_rejected = models.BigIntegerField(default=0)
    # The live claims, figures and values of unverified (u) and other (k) articles' claims.
    n_live_u = models.PositiveIntegerField(default=0)
    n_live_k = models.PositiveIntegerField(default=0)
    f_live_u = models.PositiveIntegerField(default=0)
    f_live_k = models.PositiveIntegerField(default=0)
    v_live_u = models.BigIntegerField(default=0)
    v_live_k = models.BigIntegerField(default=0)

    class Meta(DayGroup.Meta):
        abstract = True


class DaySummary(DayCounts):
    """Per day, category, equipment, claimant side, subject side and period: claims and figures.

    The daily rollup of FactSummary (same triggers), small enough (tens of thousands of rows at a
    million claims) that the default timelines and counts read it in a few milliseconds. n_* count
    claims in each review state; f_* count the figures with a claim in that state and v_* sum
    their values, each figure once.
    Timelines by a registry (region, place, unit, claimant) read DimensionSummary instead.
    """

    group_key = models.CharField(max_length=100, unique=True)

    class Meta(DayCounts.Meta):
        indexes = [models.Index(fields=["date"], name="daysummary_date_idx")]

    def __str__(self) -> str:
        return self.group_key


class DimensionSummary(DayCounts):
    """DaySummary split by one registry dimension: per day group and region, place, unit or claimant.

    What timelines by region, unit or claimant, and timelines filtered to one of them, read instead of
    FactSummary: its rows grow with days times the registry entries reported, not with figures (a few
    hundred thousand rows at ten million claims). A figure given for a member is counted once in that
    member's row (f_*, v_*), as DaySummary counts it once in its day group; a claim naming no entry of a
    dimension has no row in it. The same triggers keep it in step (migration 0021).
    """

    class Dimension(models.TextChoices):
        REGION = "region", "Region"
        PLACE = "place", "Place"
        UNIT = "unit", "Unit"
        CLAIMANT = "claimant", "Claimant"

    group_key = models.CharField(max_length=100)
    dimension = models.CharField(max_length=8, choices=Dimension.choices)
    # The registry entry's id (of the dimension's table; entries deleted since keep their rows until their
    # claims are next written, as FactSummary keeps their ids).
    member = models.BigIntegerField()

    class Meta(DayCounts.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["group_key", "dimension", "member"], name="dimensionsummary_group_member_uniq"
            )
        ]
        indexes = [
            # Claim counts by member and bucket (the default measure) read from the index alone.
            models.Index(
                fields=["dimension", "member", "date"],
                include=["week", "month", "n_live"],
                name="dimensionsummary_member_idx",
            ),
            # Series by a registry of one category (figures): its rows, not every row of the dimension.
            models.Index(
                fields=["dimension", "category", "period", "date"], name="dimensionsummary_category_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.group_key} {self.dimension} {self.member}"


class OutletSummary(DayGroup):
    """Claims counted per day group and outlet: what timelines of one outlet's claims read.

    The outlet is the article's, so FactSummary cannot answer it; the triggers add each statement's claims to
    these counts and take them away (migration 0022), and an article's new outlet or unverified flag moves its
    claims from one row to the other, so the counts stay exact without reading an outlet's claims again. Claim
    counts only: figures counted once across an outlet's articles are read from the claims.
    """

    group_key = models.CharField(max_length=100)
    outlet = models.ForeignKey(Outlet, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+")
    n_live = models.IntegerField(default=0)
    n_unreviewed = models.IntegerField(default=0)
    n_confirmed = models.IntegerField(default=0)
    n_disputed = models.IntegerField(default=0)
    n_rejected = models.IntegerField(default=0)
    n_live_u = models.IntegerField(default=0)
    n_live_k = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group_key", "outlet"], name="outletsummary_group_outlet_uniq")
        ]
        indexes = [models.Index(fields=["outlet", "date"], name="outletsummary_outlet_idx")]

    def __str__(self) -> str:
        return f"{self.group_key} outlet {self.outlet_id}"


class DataVersion(models.Model):
    """A counter of every change to what the dashboard shows, for caching its pages exactly.

    Triggers (migration 0010) add one to a shard in the same transaction as any write to claims,
    the articles' shown fields or the registries, so a reader that sees the new sum also sees the
    change. The writers spread over 16 shards rather than queue for one row; the version is the sum.
    The registries also count on shard REGISTRY_SHARD alone, the version of the filters' select lists.
    """

    REGISTRY_SHARD = 16

    shard = models.PositiveSmallIntegerField(primary_key=True)
    n = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"data version shard {self.shard}: {self.n}"


class ReferenceSeries(models.Model):
    """A named, dated set of counts from outside the articles (the General Staff's daily tallies, Oryx's
    visually confirmed losses, a user's CSV) that claims can be checked against."""

    class Kind(models.TextChoices):
        RUNNING_TOTAL = "running_total", "Running total"
        DAILY = "daily", "Daily figures"

    Category = Claim.Category
    Equipment = Claim.Equipment

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=220, unique=True)
    source = models.TextField(help_text="Where the data come from: a publisher, a dataset, an address.")
    licence = models.CharField(max_length=200, blank=True)
    # Blank: an independent count (no side's claim).
    claimant = models.ForeignKey(
        Claimant, null=True, blank=True, on_delete=models.PROTECT, related_name="reference_series"
    )
    subject_side = models.CharField(max_length=8, choices=Side.choices)
    category = models.CharField(max_length=16, choices=Category.choices)
    equipment = models.CharField(max_length=24, choices=Equipment.choices, null=True, blank=True)  # noqa: DJ001
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.RUNNING_TOTAL)
    # The series' own label for what it counts ("APC", "field artillery"), before mapping onto SCHEMA's.
    label = models.CharField(max_length=100, blank=True)
    # The digest of the file last imported: a shipped file re-imported unchanged is left alone.
    digest = models.CharField(max_length=64, blank=True)
    imported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "reference series"

    def __str__(self) -> str:
        return self.name


class ReferencePoint(models.Model):
    series = models.ForeignKey(ReferenceSeries, on_delete=models.CASCADE, related_name="points")
    date = models.DateField()
    value = models.BigIntegerField()

    class Meta:
        ordering = ["series", "date"]
        constraints = [models.UniqueConstraint(fields=["series", "date"], name="reference_point_one_a_day")]

    def __str__(self) -> str:
        return f"{self.series}: {self.value} on {self.date}"


class ReferenceCheck(models.Model):
    """A claim checked against the reference series it should agree with, for its date: kept as a row,
    recomputed when the claim or the series changes, never per page view."""

    class Status(models.TextChoices):
        AGREES = "agrees", "Agrees with the reference"
        DIFFERS = "differs", "Differs from the reference"
        NO_POINT = "no_point", "No reference value for its day"

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, related_name="reference_check")
    series = models.ForeignKey(ReferenceSeries, on_delete=models.CASCADE, related_name="checks")
    status = models.CharField(max_length=12, choices=Status.choices)
    reference_value = models.BigIntegerField(null=True, blank=True)
    # The claim's figure less the reference's (blank where there is no reference value).
    difference = models.BigIntegerField(null=True, blank=True)
    # The claim's day, kept beside its status so a series' page lists its newest differing claims from an
    # index rather than by sorting every check of the series.
    date = models.DateField(null=True, blank=True)
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["status"], name="reference_check_status"),
            models.Index(fields=["series", "status", "date"], name="reference_check_series_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.claim_id}: {self.status} ({self.series})"


class Alarm(models.Model):
    """Two claims of one series that cannot both be right: a running total lower than the one before it,
    a running total that rose by more than the day's figures claimed in between, or two figures of one
    claimant for the same day that differ. Kept as rows by the write paths (claims.alarms), never worked
    out per page view; a reviewer may mark one explained (a correction the claimant made, say)."""

    class Kind(models.TextChoices):
        FALLS = "falls", "Running total lower than the one before"
        JUMPS = "jumps", "Running total rose more than the daily figures in between"
        SAME_DAY = "same_day", "Two figures for the same day differ"

    kind = models.CharField(max_length=12, choices=Kind.choices)
    # A digest of the series (claims.alarms.series_key): what a refresh replaces.
    series = models.CharField(max_length=32, db_index=True)
    # The later claim's day: the day the alarm is raised for.
    date = models.DateField()
    earlier = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    later = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="+")
    earlier_value = models.BigIntegerField()
    later_value = models.BigIntegerField()
    # A jump: the earlier total plus the daily figures claimed in between, what the later total should be.
    expected = models.BigIntegerField(null=True, blank=True)
    found_at = models.DateTimeField(default=timezone.now)
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    explained_at = models.DateTimeField(null=True, blank=True)
    explanation = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "earlier", "later"], name="alarm_one_per_pair"),
        ]
        indexes = [
            models.Index(
                fields=["date"], condition=models.Q(explained_at__isnull=True), name="alarm_open_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.date}: {self.earlier_value:,} / {self.later_value:,}"
