"""The upload form: files and/or pasted text, with outlet, URL and date for the whole batch."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone

from ingest.parsers import human_size

DATE_HELP = "YYYY-MM-DD, for example 2024-11-26"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Any number of files; each is checked later, one by one, so a bad file never refuses the rest."""

    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> list:
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [f for f in files if f is not None]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Files",
        help_text="Any number of .txt, .html/.htm (saved from a browser) or .pdf files.",
        widget=MultipleFileInput(
            attrs={"accept": ".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf"}
        ),
    )
    text = forms.CharField(
        label="Or paste an article's text", required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    title = forms.CharField(label="Title of the pasted text", max_length=500, required=False)
    outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    published = forms.DateField(
        label="Publication date",
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text=DATE_HELP,
        error_messages={"invalid": f"Enter the publication date as {DATE_HELP}."},
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        size, limit = len(text.encode("utf-8")), settings.UPLOAD_MAX_FILE_BYTES
        if size > limit:
            raise forms.ValidationError(
                f"The pasted text is {human_size(size)}, over the limit of {human_size(limit)}; "
                "split it, or upload it as files."
            )
        return text

    def clean_published(self):
        published = self.cleaned_data["published"]
        if published and published > timezone.localdate():
            raise forms.ValidationError("The publication date is in the future.")
        return published

    def clean(self) -> dict:
        cleaned = super().clean()
        files = cleaned.get("files") or []
        if not files and not (cleaned.get("text") or "").strip() and not self.has_error("text"):
            raise forms.ValidationError("Choose at least one file or paste an article's text.")
        if len(files) > settings.UPLOAD_MAX_FILES:
            raise forms.ValidationError(
                f"At most {settings.UPLOAD_MAX_FILES} files can be uploaded at once; you chose {len(files)}."
            )
        return cleaned


class ArticleDetailsForm(forms.Form):
    """An article's details as a Contributor or Reviewer corrects them; a field left out of the post stays."""

    title = forms.CharField(label="Title", max_length=500, required=False)
    outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    url = forms.URLField(label="Address (URL)", max_length=2000, required=False, assume_scheme="https")
    published = forms.DateField(
        label="Publication date",
        required=False,
        input_formats=["%Y-%m-%d"],
        help_text=DATE_HELP + "; its claims are read again for the new date",
        error_messages={"invalid": f"Enter the publication date as {DATE_HELP}."},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_published(self):
        published = self.cleaned_data["published"]
        if published and published > timezone.localdate():
            raise forms.ValidationError("The publication date is in the future.")
        return published

    def changed_values(self) -> dict:
        """The valid values of the fields the post carried (the one-field date form sends only its own)."""
        return {name: self.cleaned_data[name] for name in self.fields if name in self.data}
