from __future__ import annotations

from django.urls import path

from ingest import views

app_name = "ingest"

urlpatterns = [
    path("upload/", views.upload, name="upload"),
    path("upload/batches/<int:pk>/", views.batch_detail, name="batch"),
    path("upload/articles/<int:pk>/retry/", views.article_retry_view, name="retry"),
    path("articles/<int:pk>/details/", views.article_details, name="article_details"),
]
