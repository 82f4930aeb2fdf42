from __future__ import annotations

from django.contrib import admin

from claims.models import Article, Claim, Claimant, Outlet, Person, PersonRole, Place, Region, Unit


class RegistryAdmin(admin.ModelAdmin):
    search_fields = ["name", "aliases"]
    prepopulated_fields = {"slug": ["name"]}
    readonly_fields = ["updated_at"]


@admin.register(Region)
class RegionAdmin(RegistryAdmin):
    list_display = ["name", "country", "slug"]
    list_filter = ["country"]


@admin.register(Place)
class PlaceAdmin(RegistryAdmin):
    list_display = ["name", "region", "kind"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    autocomplete_fields = ["region"]


@admin.register(Unit)
class UnitAdmin(RegistryAdmin):
    list_display = ["name", "side", "kind"]
    list_filter = ["side", "kind"]


@admin.register(Claimant)
class ClaimantAdmin(RegistryAdmin):
    list_display = ["name", "side"]
    list_filter = ["side"]


class PersonRoleInline(admin.TabularInline):
    model = PersonRole
    fields = ["organisation", "title", "started", "ended"]
    autocomplete_fields = ["organisation"]
    extra = 1


@admin.register(Person)
class PersonAdmin(RegistryAdmin):
    """People and the roles they held: the engine files a person's words under the role of the day."""

    list_display = ["name", "side", "organisations"]
    list_filter = ["side", ("roles__organisation", admin.RelatedOnlyFieldListFilter)]
    inlines = [PersonRoleInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("roles__organisation")

    @admin.display(description="Spoke for")
    def organisations(self, person: Person) -> str:
        return "; ".join(dict.fromkeys(role.organisation.name for role in person.roles.all()))


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "published", "status", "source_kind", "unverified", "uploaded_at"]
    list_filter = ["status", "source_kind", "unverified", "published_source", "outlet"]
    search_fields = ["title", "url", "source_name"]
    date_hierarchy = "published"
    list_select_related = ["outlet"]
    readonly_fields = [
        "content_hash",
        "uploaded_at",
        "status_changed_at",
        "processed_at",
        "extractor_version",
    ]
    raw_id_fields = ["uploaded_by"]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "claimant_side",
        "period",
        "date",
        "region",
        "unit",
        "review_status",
        "article",
    ]
    list_filter = [
        "category",
        "subject_side",
        "claimant_side",
        "period",
        "review_status",
        "origin",
        "equipment",
    ]
    search_fields = ["evidence"]
    date_hierarchy = "date"
    list_select_related = ["region", "unit", "article"]
    raw_id_fields = ["article", "reviewed_by"]
    autocomplete_fields = ["claimant", "region", "place", "unit"]
    readonly_fields = ["fact_key", "created_at", "updated_at"]
