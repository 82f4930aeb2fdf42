"""Forms of the review app: edit, reject and add a claim, and the queue's filters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from claims.filters import ClaimFilter
from claims.models import Article, Claim, Claimant, Place, Region, Unit
from review.models import FIELD_LABELS
from review.selectors import QUEUE_ORDERS
from review.services import REASON_MAX_CHARS, REVIEW_FIELDS, claim_values_check, evidence_span


def _date_input() -> forms.DateInput:
    # An <input type="date"> takes only ISO dates; the locale's format (25/11/2024) would blank it.
    return forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


def form_errors_from(form: forms.Form, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or on the form when no field fits)."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class ClaimEditForm(forms.ModelForm):
    """Every reviewable field, registries offered as choices, SCHEMA's rules as field errors."""

    reason = forms.CharField(
        required=False,
        max_length=REASON_MAX_CHARS,
        label="Reason",
        help_text="Optional: what was wrong.",
    )

    # When the claim was last saved as this form showed it: a save by someone else in between
    # is refused instead of silently overwritten (claim_update's seen_updated_at).
    seen = forms.DateTimeField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Claim
        fields = list(REVIEW_FIELDS)
        widgets = {
            "date": _date_input(),
            "date_start": _date_input(),
            "value": forms.NumberInput(attrs={"min": 0}),
            "value_max": forms.NumberInput(attrs={"min": 0}),
        }
        labels = {field: FIELD_LABELS[field] for field in REVIEW_FIELDS}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["seen"] = self.instance.updated_at
        self.fields["claimant"].queryset = Claimant.objects.order_by("name")
        self.fields["region"].queryset = Region.objects.order_by("name")
        self.fields["unit"].queryset = Unit.objects.order_by("name")
        place = self.fields["place"]
        place.queryset = Place.objects.select_related("region").order_by("name")
        place.label_from_instance = lambda p: f"{p.name} ({p.region.name})"
        self.fields["claimant_side"].help_text = "Filled from the claimant when left empty."
        self.fields["region"].help_text = "Filled from the place when left empty."

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        # The cross-field rules need every field; a field's own error is reported first.
        if self.errors:
            return cleaned
        try:
            cleaned.update(claim_values_check(cleaned))
        except ValidationError as exc:
            form_errors_from(self, exc)
        return cleaned

    def review_data(self) -> dict[str, Any]:
        """The cleaned values a service takes as `data`."""
        return {field: self.cleaned_data[field] for field in REVIEW_FIELDS}


class ClaimAddForm(ClaimEditForm):
    """A claim the engine missed: the reviewable fields and the evidence's offsets in the text."""

    start = forms.IntegerField(min_value=0, label="Evidence starts at")
    end = forms.IntegerField(min_value=0, label="Evidence ends at")

    class Meta(ClaimEditForm.Meta):
        pass

    def __init__(self, *args: Any, article: Article, **kwargs: Any) -> None:
        self.article = article
        super().__init__(*args, **kwargs)
        del self.fields["reason"]
        self.fields["start"].widget.attrs["max"] = len(article.text)
        self.fields["end"].widget.attrs["max"] = len(article.text)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if "start" in cleaned and "end" in cleaned:
            try:
                cleaned["start"], cleaned["end"] = evidence_span(
                    self.article.text, cleaned["start"], cleaned["end"]
                )
            except ValidationError as exc:
                form_errors_from(self, exc)
        return cleaned


class ClaimRejectForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX_CHARS,
        label="Why is it wrong?",
        error_messages={"required": "Say why the claim is wrong."},
    )


class ClaimReopenForm(forms.Form):
    reason = forms.CharField(required=False, max_length=REASON_MAX_CHARS)


class QueueFilter(ClaimFilter):
    """The dashboard's filters, over the review queue: the same fields and the same URLs.

    The queue is the unreviewed claims, so the review-status filters are left out.
    """

    def __init__(self, data: Any = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(data, *args, **kwargs)
        self.filters.pop("review_status", None)
        self.filters.pop("reviewed", None)


class QueueOrderForm(forms.Form):
    order = forms.ChoiceField(required=False, choices=list(QUEUE_ORDERS.items()), label="Order")
