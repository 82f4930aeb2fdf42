from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path

from claims.models import (
    Article,
    Claim,
    Claimant,
    Outlet,
    Person,
    PersonRole,
    Place,
    ReferencePoint,
    ReferenceSeries,
    Region,
    Side,
    Unit,
)
from claims.references import FORMATS, ReferenceFileError, SeriesMeta, reference_import


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


class ReferenceImportForm(forms.Form):
    """A reference file to import, and what the file does not say about its series."""

    file = forms.FileField()
    format = forms.ChoiceField(choices=[(f, f) for f in FORMATS], initial="csv")
    name = forms.CharField(required=False, help_text="CSV: the series' name.")
    source = forms.CharField(required=False)
    licence = forms.CharField(required=False)
    claimant = forms.ModelChoiceField(
        Claimant.objects.all(), required=False, to_field_name="name", help_text="Blank: an independent count."
    )
    subject_side = forms.ChoiceField(choices=Side.choices, initial="RU")
    category = forms.ChoiceField(choices=[("", "---"), *Claim.Category.choices], required=False)
    equipment = forms.ChoiceField(choices=[("", "---"), *Claim.Equipment.choices], required=False)
    kind = forms.ChoiceField(choices=ReferenceSeries.Kind.choices, initial="running_total")
    snapshot = forms.DateField(required=False, help_text="Oryx: the day its totals are as of.")


class ReferencePointInline(admin.TabularInline):
    model = ReferencePoint
    fields = ["date", "value"]
    ordering = ["-date"]
    extra = 0
    show_change_link = False
    # A series holds a point a day for years: the newest hundred are shown, the rest are in its file.
    max_num = 100

    def get_queryset(self, request):
        latest = ReferencePoint.objects.filter(series=OuterRef("series")).order_by("-date").values("pk")[:100]
        return super().get_queryset(request).filter(pk__in=Subquery(latest))


@admin.register(ReferenceSeries)
class ReferenceSeriesAdmin(admin.ModelAdmin):
    """Reference series, and an import page for their files (the same reader as ``import_reference``)."""

    list_display = ["name", "claimant", "subject_side", "category", "equipment", "kind", "point_count"]
    list_filter = ["kind", "category", "equipment", "claimant"]
    search_fields = ["name", "label", "source"]
    readonly_fields = ["digest", "imported_at"]
    inlines = [ReferencePointInline]
    change_list_template = "admin/claims/referenceseries/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("claimant").annotate(n_points=Count("points"))

    @admin.display(description="Points", ordering="n_points")
    def point_count(self, series: ReferenceSeries) -> int:
        return series.n_points

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="claims_referenceseries_import"), *super().get_urls()]

    def import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ReferenceImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                text = data["file"].read().decode("utf-8")
                meta = SeriesMeta(
                    source=data["source"] or data["file"].name,
                    licence=data["licence"],
                    claimant=data["claimant"].name if data["claimant"] else None,
                    subject_side=data["subject_side"],
                )
                stored = reference_import(
                    text,
                    data["format"],
                    meta,
                    name=data["name"],
                    category=data["category"] or None,
                    equipment=data["equipment"] or None,
                    kind=data["kind"],
                    snapshot=data["snapshot"],
                )
            except UnicodeDecodeError:
                form.add_error("file", "The file is not UTF-8 text; nothing was stored.")
            except ReferenceFileError as error:
                form.add_error("file", f"{error}; nothing was stored.")
            else:
                names = ", ".join(s.name for s in stored)
                messages.success(request, f"Imported {len(stored)} series: {names}.")
                return redirect("admin:claims_referenceseries_changelist")
        context = {**self.admin_site.each_context(request), "form": form, "title": "Import a reference file"}
        return TemplateResponse(request, "admin/claims/referenceseries/import.html", context)
