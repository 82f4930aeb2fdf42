from __future__ import annotations

from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("claims/", views.claim_list, name="claims"),
    path("claims/export.csv", views.claim_export, name="export"),
    path("claims/point/", views.point_detail, name="point"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
    path("regions/<slug:slug>/", views.region_detail, name="region"),
    path("units/<slug:slug>/", views.unit_detail, name="unit"),
    path("reference/", views.reference_list, name="references"),
    path("reference/<slug:slug>/", views.reference_detail, name="reference"),
    path("alarms/", views.alarm_list, name="alarms"),
    path("compare/", views.compare, name="compare"),
    path("compare/export.csv", views.compare_export, name="compare_export"),
]
