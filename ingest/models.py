"""Uploads: one batch a submission of the form (or a run of import_articles), one item a file."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from claims.models import Article


class UploadBatch(models.Model):
    class Origin(models.TextChoices):
        WEB = "web", "Upload form"
        COMMAND = "command", "import_articles"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="upload_batches",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    origin = models.CharField(max_length=16, choices=Origin.choices, default=Origin.WEB)
    # What the uploader gave for every file of the batch; each wins over the file's own metadata.
    outlet_name = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    published = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "upload batches"

    def __str__(self) -> str:
        return f"Upload {self.pk} ({self.created_at:%Y-%m-%d %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("ingest:batch", args=[self.pk])


class UploadItem(models.Model):
    """One file of a batch and what became of it: stored, already there, or refused and why."""

    class State(models.TextChoices):
        STORED = "stored", "Stored"
        DUPLICATE = "duplicate", "Already stored"
        REJECTED = "rejected", "Refused"

    batch = models.ForeignKey(UploadBatch, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=255)
    state = models.CharField(max_length=16, choices=State.choices)
    message = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="upload_items"
    )

    class Meta:
        ordering = ["batch", "position"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "position"], name="upload_item_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_state_display()})"

    @property
    def progress(self) -> str:
        """Where this file stands for the batch page: the article's status, or failed when refused."""
        if self.state == self.State.REJECTED or self.article_id is None:
            return Article.Status.FAILED
        return self.article.status

    @property
    def finished(self) -> bool:
        return self.progress in (Article.Status.DONE, Article.Status.FAILED)

    @property
    def retryable(self) -> bool:
        """The article failed, or has waited longer than a sweep would let it (see article_retry)."""
        article = self.article
        if article is None or self.state == self.State.REJECTED:
            return False
        if article.status == Article.Status.FAILED:
            return True
        waited = timezone.now() - article.status_changed_at
        return article.status != Article.Status.DONE and waited > settings.EXTRACT_STALE_AFTER
