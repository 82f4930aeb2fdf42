"""The API's endpoints under /api/v1/: claims (with every filter of the table, review actions and
ClaimReview), articles (upload and poll), the registries, the timeline's series and the CSV export. Each
reads and writes through the same filters, selectors and services as the pages, so the history is the same."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, inline_serializer
from rest_framework import filters, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from api import claimreview
from api.serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ArticleUploadSerializer,
    ClaimAddSerializer,
    ClaimantSerializer,
    ClaimDetailSerializer,
    ClaimEditSerializer,
    ClaimSerializer,
    PersonSerializer,
    PlaceSerializer,
    RegionSerializer,
    UnitSerializer,
)
from claims import exports, selectors, timelines
from claims.filters import ArticleFilter, ClaimFilter
from claims.forms import TableForm, TimelineForm
from claims.models import Article, Claim, Claimant, Person, Place, Region, Unit
from ingest import services as ingest
from ingest.parsers import ParseError, parse_pasted
from review import services as review

VIEW, EXPORT, UPLOAD, REVIEW = (
    "claims.view_claim",
    "claims.export_claims",
    "claims.upload_article",
    "claims.review_claim",
)


class NewestFirst(CursorPagination):
    """Pages by an opaque cursor, newest stored first: every page of a long walk costs the same."""

    ordering = "-id"
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 1000


class JSONLDRenderer(JSONRenderer):
    """``?format=jsonld``: the claims as schema.org ClaimReview."""

    media_type = "application/ld+json"
    format = "jsonld"


FIELDS_PARAM = OpenApiParameter(
    "fields", str, description="Keep only these fields, comma-separated (e.g. id,value,date)."
)


@extend_schema(parameters=[FIELDS_PARAM])
class ClaimViewSet(mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Claims with every filter of the claim table (ClaimFilter); rejected claims only when asked for by
    review status. Reviewers confirm, reject, reopen and edit through the review app's services."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = ClaimFilter
    pagination_class = NewestFirst
    renderer_classes = [JSONRenderer, JSONLDRenderer]
    required_perms = {"GET": VIEW, "HEAD": VIEW, "OPTIONS": VIEW, "*": REVIEW}
    http_method_names = ["get", "head", "options", "patch", "post"]

    def get_queryset(self) -> QuerySet[Claim]:
        # A list's page gets its registry entries afterwards (paginate_queryset): joined into the query, the
        # four registries took longer to plan than the page to read.
        related = ("reference_check__series",)
        if self.action != "list":
            related += ("claimant", "region", "place", "unit")
        queryset = Claim.objects.select_related(*related)
        renderer = getattr(self.request, "accepted_renderer", None)  # none while the schema is built
        if renderer is not None and renderer.format == "jsonld":
            queryset = queryset.select_related("article__outlet", "reviewed_by").defer("article__text")
        return queryset

    def paginate_queryset(self, queryset: QuerySet[Claim]) -> list[Claim] | None:
        page = super().paginate_queryset(queryset)
        if page is not None:
            selectors.with_registry_names(page)
        return page

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        # The table's filters choose a list; one claim is found by its id, rejected or not.
        if self.action != "list":
            return queryset
        queryset = super().filter_queryset(queryset)
        # Already valid (the filter answers anything else with a 400): cleaned as the filter cleans them.
        dates = [
            ClaimFilter.base_filters[name].field.clean(self.request.query_params.get(name))
            for name in ("date_from", "date_to")
        ]
        if any(dates):
            bounds = selectors.claim_id_bounds(*dates)
            if bounds is not None:
                queryset = queryset.filter(id__range=bounds)
        return queryset

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ClaimDetailSerializer
        if self.action == "partial_update":
            return ClaimEditSerializer
        return ClaimSerializer

    # ?format=jsonld pages schema.org ClaimReview objects, not Claims: documented as such, so a client (and
    # schemathesis) does not hold them to the Claim schema.
    @extend_schema(
        responses={
            (200, "application/json"): ClaimSerializer(many=True),
            (200, "application/ld+json"): OpenApiTypes.OBJECT,
        }
    )
    def list(self, request, *args, **kwargs):
        if request.accepted_renderer.format != "jsonld":
            return super().list(request, *args, **kwargs)
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response([claimreview.claim_review(c, request) for c in page])

    @extend_schema(request=ClaimEditSerializer, responses=ClaimDetailSerializer)
    def partial_update(self, request, *args, **kwargs):
        claim = self.get_object()
        edit = ClaimEditSerializer(data=request.data, partial=True, context={"request": request})
        edit.is_valid(raise_exception=True)
        data = dict(edit.validated_data)
        reason = data.pop("reason", "")
        claim = _review_call(review.claim_update, claim=claim, user=request.user, data=data, reason=reason)
        return Response(ClaimDetailSerializer(claim, context={"request": request}).data)

    def update(self, request, *args, **kwargs):
        if not kwargs.get("partial"):
            return self.http_method_not_allowed(request, *args, **kwargs)
        return super().update(request, *args, **kwargs)

    @extend_schema(request=None, responses=ClaimDetailSerializer)
    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """Confirm the claim as it stands."""
        claim = _review_call(review.claim_confirm, claim=self.get_object(), user=request.user)
        return Response(ClaimDetailSerializer(claim, context={"request": request}).data)

    @extend_schema(
        request=inline_serializer(
            "RejectRequest", {"reason": serializers.CharField(help_text="Why it is wrong.")}
        ),
        responses=ClaimDetailSerializer,
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        """Reject the claim (it then counts nowhere), with the reason."""
        reason = str(request.data.get("reason", ""))
        claim = _review_call(review.claim_reject, claim=self.get_object(), user=request.user, reason=reason)
        return Response(ClaimDetailSerializer(claim, context={"request": request}).data)

    @extend_schema(request=None, responses=ClaimDetailSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """Put a reviewed claim back among the unreviewed."""
        claim = _review_call(review.claim_reopen, claim=self.get_object(), user=request.user)
        return Response(ClaimDetailSerializer(claim, context={"request": request}).data)

    @extend_schema(responses={(200, "application/ld+json"): OpenApiTypes.OBJECT})
    @action(detail=True, methods=["get"], renderer_classes=[JSONLDRenderer, JSONRenderer])
    def claimreview(self, request, pk=None):
        """The claim as schema.org ClaimReview (JSON-LD); rated only once a reviewer has reviewed it."""
        claim = get_object_or_404(
            Claim.objects.select_related(
                "article__outlet", "claimant", "reference_check__series", "reviewed_by"
            ),
            pk=pk,
        )
        return Response(claimreview.claim_review(claim, request))


def _review_call(service, **kwargs) -> Claim:
    """A review service's answer, its ValidationError as the API's 400."""
    try:
        return service(**kwargs)
    except DjangoValidationError as exc:
        raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from None
    except Claim.DoesNotExist:
        raise ValidationError("The claim was replaced while you reviewed it: read it again.") from None


@extend_schema(parameters=[FIELDS_PARAM])
class ArticleViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Articles with the article list's filters; an upload (a file or text) is stored and queued for
    extraction, answered 202 with the article's address to poll until its status is done or failed."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = ArticleFilter
    pagination_class = NewestFirst
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    required_perms = {"GET": "claims.view_article", "HEAD": "claims.view_article",
                      "OPTIONS": "claims.view_article", "POST": UPLOAD}  # fmt: skip

    def get_queryset(self) -> QuerySet[Article]:
        return Article.objects.select_related("outlet").defer("text")

    def get_serializer_class(self):
        if self.action == "create":
            return ArticleUploadSerializer
        if self.action == "retrieve":
            return ArticleDetailSerializer
        if self.action == "add_claim":
            return ClaimAddSerializer
        return ArticleSerializer

    @extend_schema(
        request=ArticleUploadSerializer, responses={202: ArticleSerializer, 200: ArticleSerializer}
    )
    def create(self, request, *args, **kwargs):
        upload = ArticleUploadSerializer(data=request.data)
        upload.is_valid(raise_exception=True)
        data = upload.validated_data
        if data.get("file"):
            file = data["file"]
            document = ingest.read_upload(file.name, file, file.size)
            if isinstance(document, str):
                raise ValidationError({"file": [document]})
        else:
            try:
                document = parse_pasted(data["text"], title=data.get("title", ""))
            except ParseError as exc:
                raise ValidationError({"text": [exc.message]}) from None
        result = ingest.article_ingest(
            document=document,
            outlet=data.get("outlet", ""),
            url=data.get("url", ""),
            published=data.get("published"),
            user=request.user,
        )
        body = ArticleSerializer(result.article, context={"request": request}).data
        body = {**body, "message": result.message}
        location = reverse("api:article-detail", args=[result.article.pk], request=request)
        code = status.HTTP_202_ACCEPTED if result.created else status.HTTP_200_OK
        return Response(body, status=code, headers={"Location": location})

    @extend_schema(request=ClaimAddSerializer, responses={201: ClaimDetailSerializer})
    @action(detail=True, methods=["post"], url_path="claims", required_perms={"POST": REVIEW})
    def add_claim(self, request, pk=None):
        """Add a claim the engine missed, read by a reviewer from the article's text[start:end]."""
        article = self.get_object()
        add = ClaimAddSerializer(data=request.data, context={"request": request})
        add.is_valid(raise_exception=True)
        data = dict(add.validated_data)
        start, end = data.pop("start"), data.pop("end")
        try:
            claim = review.claim_add(article=article, user=request.user, data=data, start=start, end=end)
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from None
        body = ClaimDetailSerializer(claim, context={"request": request}).data
        return Response(body, status=status.HTTP_201_CREATED)


def _registry(model, serializer, perm: str):
    class RegistryViewSet(viewsets.ReadOnlyModelViewSet):
        queryset = model.objects.all().order_by("name")
        serializer_class = serializer
        lookup_field = "slug"
        filter_backends = [filters.SearchFilter]
        search_fields = ["name", "slug"]
        required_perms = {"*": perm}

    RegistryViewSet.__name__ = f"{model.__name__}ViewSet"
    RegistryViewSet.__doc__ = (
        f"The {model._meta.verbose_name_plural} registry, searchable by name (?search=)."
    )
    return RegistryViewSet


RegionViewSet = _registry(Region, RegionSerializer, "claims.view_region")
PlaceViewSet = _registry(Place, PlaceSerializer, "claims.view_place")
UnitViewSet = _registry(Unit, UnitSerializer, "claims.view_unit")
ClaimantViewSet = _registry(Claimant, ClaimantSerializer, "claims.view_claimant")
PersonViewSet = _registry(Person, PersonSerializer, "claims.view_person")


def _claim_filter(request) -> ClaimFilter:
    filterset = ClaimFilter(request.query_params, queryset=Claim.objects.all(), request=request)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors)
    return filterset


TIMELINE_RESPONSE = inline_serializer(
    "Timeline",
    {
        "labels": serializers.ListField(child=serializers.DateField(), help_text="Each bucket's first day."),
        "bucket": serializers.CharField(),
        "measure": serializers.CharField(),
        "y_title": serializers.CharField(),
        "notes": serializers.ListField(child=serializers.CharField()),
        "datasets": serializers.ListField(
            child=inline_serializer(
                "TimelineSeries",
                {
                    "label": serializers.CharField(),
                    "axis": serializers.CharField(
                        help_text="y: window figures or counts; y2: running totals."
                    ),
                    "data": serializers.ListField(
                        child=serializers.IntegerField(allow_null=True),
                        help_text="One value a bucket; null: none.",
                    ),
                    "claims": serializers.URLField(help_text="The claims behind the series."),
                },
            )
        ),
    },
)


class TimelineView(APIView):
    """The timeline's series for the same filters and options as the chart: what it draws, as numbers."""

    required_perms = {"*": VIEW}

    @extend_schema(
        parameters=[
            OpenApiParameter("group", str, enum=[c for c, _ in TimelineForm.base_fields["group"].choices]),
            OpenApiParameter("bucket", str, enum=["day", "week", "month"]),
            OpenApiParameter("measure", str, enum=["claims", "figures", "personnel"]),
        ],
        responses=TIMELINE_RESPONSE,
        filters=True,
    )
    def get(self, request):
        filterset = _claim_filter(request)
        form = TimelineForm(request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        chart = timelines.timeline(filterset, **form.options())
        return Response(
            {
                "labels": chart.labels,
                "bucket": chart.bucket,
                "measure": chart.measure,
                "y_title": chart.y_title,
                "notes": chart.notes,
                "datasets": [
                    {
                        "label": d.label,
                        "axis": d.axis,
                        "data": d.data,
                        "claims": request.build_absolute_uri(d.link),
                    }
                    for d in chart.datasets
                ],  # fmt: skip
            }
        )


class ExportView(APIView):
    """Every claim the filters keep as CSV (the page's export, streamed), in the table's sort."""

    required_perms = {"*": EXPORT}

    @extend_schema(
        parameters=[
            OpenApiParameter("sort", str, enum=[c for c, _ in TableForm.base_fields["sort"].choices])
        ],
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The claims as CSV.")},
        filters=True,
    )
    def get(self, request) -> StreamingHttpResponse:
        filterset = _claim_filter(request)
        form = TableForm(request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        stream = exports.export_stream(filterset.qs, sort=form.cleaned_data["sort"])
        response = StreamingHttpResponse(stream, content_type="text/csv; charset=utf-8")
        filename = exports.export_filename(timezone.localdate(), selectors.filter_params(filterset))
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


def api_root_links(request) -> dict[str, Any]:
    names = ("claim-list", "article-list", "region-list", "place-list", "unit-list", "claimant-list",
             "person-list", "timeline", "export", "schema", "docs")  # fmt: skip
    return {name.removesuffix("-list"): reverse(f"api:{name}", request=request) for name in names}


class RootView(APIView):
    """What the API holds, with links."""

    required_perms = {"*": VIEW}

    @extend_schema(responses=OpenApiTypes.OBJECT)
    def get(self, request):
        return Response(api_root_links(request))
