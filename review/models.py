"""The history of every change a reviewer makes to a claim."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# How the review forms and the history name a claim's fields.
FIELD_LABELS = {
    "category": "Category",
    "equipment": "Equipment",
    "value": "Figure",
    "value_max": "Up to (range)",
    "qualifier": "Qualifier",
    "subject_side": "Whose losses",
    "civilian": "Civilians",
    "claimant": "Claimant",
    "claimant_side": "Claimed by",
    "period": "Period",
    "date": "Date (or last day)",
    "date_start": "First day",
    "region": "Region",
    "place": "Place",
    "unit": "Unit",
    "review_status": "Review",
    "evidence": "Evidence",
    "start": "Evidence starts at",
    "end": "Evidence ends at",
}


def _shown(value: object) -> object:
    """A value as the history prints it: figures with thousands separators, as everywhere else."""
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else value


class ClaimChange(models.Model):
    """One change to one claim: who, when, what it was before and after, and why.

    Rows are only ever added. The claim link is SET_NULL, not CASCADE: a claim can disappear
    (re-extraction replaces a machine claim a reviewer reopened; an admin deletes an article) and
    what reviewers did to it must outlive it. `claim_ref` keeps the claim's id for that case, and
    `article` keeps the row findable from its article.
    """

    class Action(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"
        EDITED = "edited", "Edited"
        ADDED = "added", "Added"
        REOPENED = "reopened", "Reopened"

    claim = models.ForeignKey(
        "claims.Claim", null=True, blank=True, on_delete=models.SET_NULL, related_name="changes"
    )
    claim_ref = models.BigIntegerField(help_text="The claim's id, kept when the claim itself is deleted.")
    article = models.ForeignKey(
        "claims.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="claim_changes"
    )
    # PROTECT: a reviewer's account is deactivated, never deleted, while the history names them.
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_changes")
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=16, choices=Action.choices)
    reason = models.TextField(blank=True)
    before = models.JSONField(default=dict, blank=True, help_text="Changed fields' values before the change.")
    after = models.JSONField(default=dict, blank=True, help_text="Changed fields' values after the change.")

    class Meta:
        # The foreign keys' own indexes serve the two reads: a claim's history, an article's history.
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} claim {self.claim_ref} at {self.at:%Y-%m-%d %H:%M}"

    def diff(self) -> list[tuple[str, object, object]]:
        """(field label, before, after) for every field the change touched, in a stable order."""
        fields = list(dict.fromkeys([*self.before, *self.after]))
        return [
            (FIELD_LABELS.get(f, f), _shown(self.before.get(f)), _shown(self.after.get(f))) for f in fields
        ]
