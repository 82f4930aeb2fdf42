from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("review/", include("review.urls")),
    path("", include("ingest.urls")),
    path("", include("claims.urls")),
]
