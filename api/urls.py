from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from api import pages, views

app_name = "api"

router = SimpleRouter()
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("regions", views.RegionViewSet, basename="region")
router.register("places", views.PlaceViewSet, basename="place")
router.register("units", views.UnitViewSet, basename="unit")
router.register("claimants", views.ClaimantViewSet, basename="claimant")
router.register("people", views.PersonViewSet, basename="person")

# The API authenticates its own requests (a token or the session): the site's login redirect must not
# answer them first.
api_patterns = [
    path("v1/", views.RootView.as_view(), name="root"),
    path("v1/timeline/", views.TimelineView.as_view(), name="timeline"),
    path("v1/export.csv", views.ExportView.as_view(), name="export"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html"),
        name="docs",
    ),
]
for pattern in [*api_patterns, *router.urls]:
    login_not_required(pattern.callback)

urlpatterns = [
    *api_patterns,
    path("v1/", include(router.urls)),
    path("tokens/", pages.token_list, name="tokens"),
    path("tokens/<str:key>/revoke/", pages.token_revoke, name="token_revoke"),
]
