from __future__ import annotations

from django.urls import path

from review import views

app_name = "review"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("quality/", views.quality_page, name="quality"),
    path("claims/<int:pk>/", views.claim_row, name="claim_row"),
    path("claims/<int:pk>/confirm/", views.claim_confirm, name="claim_confirm"),
    path("claims/<int:pk>/reject/", views.claim_reject, name="claim_reject"),
    path("claims/<int:pk>/reopen/", views.claim_reopen, name="claim_reopen"),
    path("claims/<int:pk>/edit/", views.claim_edit, name="claim_edit"),
    path("articles/<int:pk>/", views.article_review, name="article"),
    path("articles/<int:pk>/add/", views.claim_add, name="claim_add"),
    path("alarms/<int:pk>/explain/", views.alarm_explain, name="alarm_explain"),
    path("alarms/<int:pk>/reopen/", views.alarm_reopen, name="alarm_reopen"),
]
