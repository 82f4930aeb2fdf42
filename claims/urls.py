from __future__ import annotations

from django.urls import path

from claims import views

app_name = "claims"

urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("articles/", views.article_list, name="articles"),
    path("articles/<int:pk>/", views.article_detail, name="article"),
]
