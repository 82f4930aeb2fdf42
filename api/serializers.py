"""What the API says of claims, articles and the registries: the claim format's fields (SCHEMA.md), each
documented, registries by canonical name and slug, and ``?fields=`` to narrow a response."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.models import Article, Claim, Claimant, Person, Place, Region, Unit
from extraction.schema import REVIEW_FIELDS

# The claim format's fields, said for the schema's readers (SCHEMA.md is the full statement).
FIELD_DOCS = {
    "category": "What the figure counts: killed, wounded, casualties (killed and wounded together, or losses "
    "not split), captured, equipment, launched, intercepted, or engagement (a fight with no figure).",
    "equipment": "For equipment, launched and intercepted: the kind of machine (tank, armored_vehicle, "
    "artillery, mlrs, air_defense, aircraft, helicopter, uav, missile, ship, submarine, vehicle, "
    "special_equipment, other); null otherwise.",
    "value": "The number claimed (the lower bound of a range); null only for an engagement.",
    "value_max": "The upper bound of a range, else null.",
    "qualifier": "exact, at_least (more than, over), up_to (up to, as many as) or about (around, nearly).",
    "subject_side": "Whose people or machines the figure counts (UA, RU, KP for North Korea, other); for "
    "launched and intercepted the side that fired; for an engagement the side attacked.",
    "civilian": "True when the figure counts civilians (subject_side: the side whose civilians they are).",
    "claimant": "Who makes the claim, by canonical name (a registry entry); null when no one is named.",
    "claimant_raw": "The claimant as the article names it.",
    "claimant_side": "The claimant's side: UA, RU, KP, other (third parties), or null when unknown.",
    "period": "cumulative (a running total) or window (a bounded span: a day, the past 24 hours, a month).",
    "date": "The day the figure refers to: the end of its window, or the as-of day of a running total.",
    "date_start": "The first day of a window of several days when the text gives it, else null.",
    "region": "The first-level region (oblast), by canonical name.",
    "place": "The most specific place or front direction named, by canonical name.",
    "unit": "The military unit the claim is about, acting or suffering, by canonical name.",
    "evidence": "The sentence the claim was read from, exactly as in the article's text.",
    "start": "Where the evidence starts in the article's text (a character offset).",
    "end": "Where the evidence ends in the article's text (a character offset).",
    "review_status": "unreviewed, confirmed, disputed or rejected (a rejected claim counts nowhere).",
    "origin": "machine (read by the engine) or reviewer (added by a reviewer).",
    "fact_key": "What makes two claims the same reported figure, whichever article printed it.",
}


class NarrowMixin:
    """``?fields=a,b`` keeps only those fields of a response (unknown names are refused with a 400)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        wanted = request.query_params.get("fields") if request is not None else None
        if not wanted or self.context.get("nested"):
            return
        names = {name.strip() for name in wanted.split(",") if name.strip()}
        unknown = names - set(self.fields)
        if unknown:
            raise serializers.ValidationError(
                {
                    "fields": [
                        f"No such field: {', '.join(sorted(unknown))}. Fields: {', '.join(self.fields)}."
                    ]
                }
            )
        for name in set(self.fields) - names:
            self.fields.pop(name)


def _documented(fields: dict[str, serializers.Field]) -> None:
    for name, field in fields.items():
        if name in FIELD_DOCS and not field.help_text:
            field.help_text = FIELD_DOCS[name]


class ReferenceCheckSerializer(serializers.Serializer):
    series = serializers.CharField(source="series.name", help_text="The reference series the claim fits.")
    status = serializers.CharField(help_text="agrees, differs or no_point (no value that day, or undated).")
    reference_value = serializers.IntegerField(allow_null=True, help_text="The series' value for the claim.")
    difference = serializers.IntegerField(
        allow_null=True, help_text="The claim's figure less the reference's."
    )


class ClaimSerializer(NarrowMixin, serializers.ModelSerializer):
    claimant = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)
    region = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)
    place = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)
    unit = serializers.SlugRelatedField(slug_field="name", read_only=True, allow_null=True)
    article = serializers.HyperlinkedRelatedField(
        view_name="api:article-detail", read_only=True, help_text="The article the claim was read from."
    )
    url = serializers.HyperlinkedIdentityField(view_name="api:claim-detail")
    reference_check = serializers.SerializerMethodField(help_text="The check against its reference series.")

    class Meta:
        model = Claim
        fields = [
            "id", "url", "article", "category", "equipment", "value", "value_max", "qualifier",
            "subject_side", "civilian", "claimant", "claimant_raw", "claimant_side", "period", "date",
            "date_start", "region", "place", "unit", "evidence", "start", "end", "review_status", "origin",
            "fact_key", "reference_check",
        ]  # fmt: skip
        read_only_fields = fields

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _documented(self.fields)

    @extend_schema_field(ReferenceCheckSerializer(allow_null=True))
    def get_reference_check(self, claim: Claim) -> dict[str, Any] | None:
        check = getattr(claim, "reference_check", None)
        return ReferenceCheckSerializer(check).data if check is not None else None


class SourceSerializer(serializers.Serializer):
    claim = serializers.IntegerField(source="claim_id", help_text="The claim that article's figure is.")
    article = serializers.IntegerField(source="article_id")
    title = serializers.CharField()
    outlet = serializers.CharField(allow_null=True)
    published = serializers.DateField(allow_null=True)


class ChangeSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    user = serializers.CharField(source="user.get_username")
    action = serializers.CharField(help_text="confirmed, rejected, edited, added, reopened ...")
    reason = serializers.CharField()
    before = serializers.DictField(help_text="The changed fields' values before the change.")
    after = serializers.DictField(help_text="The changed fields' values after it.")


class ClaimDetailSerializer(ClaimSerializer):
    sources = serializers.SerializerMethodField(help_text="Every article that printed the same figure.")
    history = serializers.SerializerMethodField(help_text="The review changes to this claim, newest first.")

    class Meta(ClaimSerializer.Meta):
        fields = [*ClaimSerializer.Meta.fields, "sources", "history"]
        read_only_fields = fields

    @extend_schema_field(SourceSerializer(many=True))
    def get_sources(self, claim: Claim) -> list[dict[str, Any]]:
        rows = (
            Claim.objects.filter(fact_key=claim.fact_key)
            .exclude(review_status=Claim.ReviewStatus.REJECTED)
            .values("id", "article_id", "article__title", "article__outlet__name", "article__published")
            .order_by("article__published", "id")[:500]
        )
        return [
            {"claim": r["id"], "article": r["article_id"], "title": r["article__title"],
             "outlet": r["article__outlet__name"], "published": r["article__published"]}
            for r in rows
        ]  # fmt: skip

    @extend_schema_field(ChangeSerializer(many=True))
    def get_history(self, claim: Claim) -> list[dict[str, Any]]:
        return ChangeSerializer(claim.changes.select_related("user").order_by("-at", "-id"), many=True).data


class ArticleSerializer(NarrowMixin, serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")
    outlet = serializers.SlugRelatedField(
        slug_field="name", read_only=True, allow_null=True, help_text="The outlet that published it."
    )
    page = serializers.SerializerMethodField(help_text="The article's page in the dashboard.")

    class Meta:
        model = Article
        fields = [
            "id", "url", "page", "title", "outlet", "source_url", "published", "published_source", "status",
            "error", "claim_count", "unverified", "uploaded_at", "processed_at", "extractor_version",
        ]  # fmt: skip
        read_only_fields = fields
        extra_kwargs = {
            "title": {"help_text": "The headline."},
            "published": {
                "help_text": "The publication date (null: undated, its claims keep only stated dates)."
            },
            "published_source": {"help_text": "Where the publication date was read from."},
            "status": {"help_text": "queued, processing, done or failed: poll until done or failed."},
            "error": {"help_text": "Why extraction failed, when it did."},
            "claim_count": {"help_text": "How many claims were read from it."},
            "unverified": {"help_text": "True when the text says its figures cannot be verified."},
            "uploaded_at": {"help_text": "When it was stored."},
            "processed_at": {"help_text": "When its claims were last extracted."},
            "extractor_version": {"help_text": "The engine version that read it."},
        }

    source_url = serializers.CharField(source="url", read_only=True, help_text="The article's address.")

    @extend_schema_field(serializers.URLField())
    def get_page(self, article: Article) -> str:
        request = self.context.get("request")
        path = article.get_absolute_url()
        return request.build_absolute_uri(path) if request is not None else path


class ArticleDetailSerializer(ArticleSerializer):
    claims = serializers.SerializerMethodField(help_text="The article's claims (rejected ones left out).")

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "claims"]
        read_only_fields = fields

    @extend_schema_field(ClaimSerializer(many=True))
    def get_claims(self, article: Article) -> list[dict[str, Any]]:
        claims = (
            article.claims.exclude(review_status=Claim.ReviewStatus.REJECTED)
            .select_related("claimant", "region", "place", "unit", "reference_check__series")
            .order_by("start", "id")
        )
        return ClaimSerializer(claims, many=True, context={**self.context, "nested": True}).data


class ArticleUploadSerializer(serializers.Serializer):
    """An upload: a file, or text; the outlet, address and publication date win over the file's own."""

    file = serializers.FileField(required=False, help_text="A .txt, .html or .pdf file.")
    text = serializers.CharField(required=False, trim_whitespace=True, help_text="The article's text.")
    title = serializers.CharField(required=False, allow_blank=True, max_length=500)
    outlet = serializers.CharField(required=False, allow_blank=True, max_length=200)
    url = serializers.URLField(required=False, allow_blank=True, max_length=2000)
    published = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if bool(attrs.get("file")) == bool(attrs.get("text")):
            raise serializers.ValidationError("Send a file or a text, one of them.")
        return attrs


def _registry_serializer(model, extra: tuple[str, ...] = ()) -> type[serializers.ModelSerializer]:
    meta = type("Meta", (), {"model": model, "fields": ["id", "name", "slug", "aliases", *extra]})
    return type(f"{model.__name__}Serializer", (serializers.ModelSerializer,), {"Meta": meta})


RegionSerializer = _registry_serializer(Region, ("country",))
UnitSerializer = _registry_serializer(Unit, ("side", "kind"))
ClaimantSerializer = _registry_serializer(Claimant, ("side",))
PersonSerializer = _registry_serializer(Person, ("side",))


class PlaceSerializer(serializers.ModelSerializer):
    region = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Place
        fields = ["id", "name", "slug", "aliases", "region", "kind"]


def _registry_field(model) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug", queryset=model.objects.all(), required=False, allow_null=True,
        help_text=f"The {model._meta.verbose_name}'s slug (see its registry endpoint), or null.",
    )  # fmt: skip


class ClaimEditSerializer(serializers.ModelSerializer):
    """A reviewer's correction: any reviewable field (registries by slug) and why. The claim is then
    confirmed as corrected; the review app checks the values as its form does."""

    claimant = _registry_field(Claimant)
    region = _registry_field(Region)
    place = _registry_field(Place)
    unit = _registry_field(Unit)
    reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=1000,
        write_only=True,
        help_text="What was wrong (kept in the history).",
    )

    class Meta:
        model = Claim
        fields = [*REVIEW_FIELDS, "reason"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _documented(self.fields)


class ClaimAddSerializer(ClaimEditSerializer):
    """A claim the engine missed: its fields and where its sentence is in the article's text."""

    start = serializers.IntegerField(min_value=0, help_text=FIELD_DOCS["start"])
    end = serializers.IntegerField(min_value=1, help_text=FIELD_DOCS["end"])

    class Meta(ClaimEditSerializer.Meta):
        fields = [*REVIEW_FIELDS, "start", "end"]
