"""API tokens: knox's hashed tokens with what a researcher needs to manage them (a name, when last used, an
optional expiry, read-only or read-write)."""

from __future__ import annotations

from django.db import models
from knox.models import AbstractAuthToken


class ApiToken(AbstractAuthToken):
    """One token of one user. knox keeps only its digest; the token itself is shown once, when created."""

    name = models.CharField(max_length=100)
    read_only = models.BooleanField(default=True, help_text="A read-only token can read but never change.")
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.name} ({self.token_key}…)"
