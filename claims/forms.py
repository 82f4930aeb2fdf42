"""The dashboard's options beside the filters: how the timeline groups, how the table sorts and pages, and
which consistency alarms are listed."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django import forms

from claims.models import Alarm

SERIES_CHOICES = [
    ("side", "Whose losses (subject side)"),
    ("pair", "Claimant side on subject side"),
    ("claimant", "Claimant (organisation)"),
    ("region", "Region"),
    ("unit", "Unit"),
    ("category", "Category"),
    ("equipment", "Equipment type"),
]
BUCKET_CHOICES = [("day", "Day"), ("week", "Week"), ("month", "Month")]
MEASURE_CHOICES = [
    ("claims", "Number of claims"),
    ("figures", "Claimed figures (each reported figure once)"),
    ("personnel", "Personnel losses (killed, wounded and casualties)"),
]
SORT_CHOICES = [
    ("-date", "Newest first"),
    ("date", "Oldest first"),
    ("-value", "Largest figure first"),
    ("value", "Smallest figure first"),
]


class TimelineForm(forms.Form):
    DEFAULTS = {"group": "side", "bucket": "week", "measure": "claims"}

    group = forms.ChoiceField(choices=SERIES_CHOICES, required=False, label="Lines by")
    bucket = forms.ChoiceField(choices=BUCKET_CHOICES, required=False, label="Per")
    measure = forms.ChoiceField(choices=MEASURE_CHOICES, required=False, label="Measure")

    def options(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or default for name, default in self.DEFAULTS.items()}


@dataclass(frozen=True)
class Cursor:
    """A position in the table: the sort column's value and the fact key of the row it is after."""

    key: datetime.date | int
    fact_key: str

    def encode(self) -> str:
        key = self.key.isoformat() if isinstance(self.key, datetime.date) else str(self.key)
        return f"{key}~{self.fact_key}"


class CursorField(forms.CharField):
    """`2024-11-25~<fact key>` for date sorts, `<figure>~<fact key>` for figure sorts."""

    def clean(self, value: str | None) -> tuple[str, str] | None:
        value = super().clean(value)
        if not value:
            return None
        key, sep, fact_key = value.partition("~")
        if not sep or not fact_key or len(fact_key) > 32 or not fact_key.isalnum():
            raise forms.ValidationError("Not a table position.", code="invalid")
        return key, fact_key


class TableForm(forms.Form):
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label="Sort")
    after = CursorField(required=False, max_length=80, widget=forms.HiddenInput)
    before = CursorField(required=False, max_length=80, widget=forms.HiddenInput)

    def clean(self) -> dict:
        data = super().clean()
        sort = data.get("sort") or "-date"
        data["sort"] = sort
        for name in ("after", "before"):
            raw = data.get(name)
            if raw is None:
                continue
            key, fact_key = raw
            try:
                parsed: datetime.date | int = (
                    datetime.date.fromisoformat(key) if sort.endswith("date") else int(key)
                )
            except ValueError:
                self.add_error(name, "Not a table position.")
                continue
            data[name] = Cursor(parsed, fact_key)
        if data.get("after") and data.get("before"):
            self.add_error(None, "A page is either after a row or before one.")
        return data


class ExportForm(forms.Form):
    bom = forms.BooleanField(required=False, label="Add a byte-order mark (for Excel)")


class AlarmFilterForm(forms.Form):
    """The alarms page's choices: which kind, open or explained, the alarms of one claim."""

    STATES = [("open", "Open"), ("explained", "Explained"), ("all", "All")]

    kind = forms.ChoiceField(choices=[("", "Every kind"), *Alarm.Kind.choices], required=False, label="Kind")
    state = forms.ChoiceField(choices=STATES, required=False, label="State")
    claim = forms.IntegerField(required=False, min_value=1, label="Claim", widget=forms.HiddenInput)


class CompareForm(forms.Form):
    """The comparison's options: the bucket and what its columns sum."""

    DEFAULTS = {"bucket": "week", "measure": "personnel"}
    MEASURES = [
        ("personnel", "Personnel losses (killed, wounded and casualties)"),
        ("figures", "The category filtered (casualties if none)"),
    ]

    bucket = forms.ChoiceField(choices=BUCKET_CHOICES, required=False, label="Per")
    measure = forms.ChoiceField(choices=MEASURES, required=False, label="Columns sum")

    def options(self) -> dict[str, str]:
        return {name: self.cleaned_data.get(name) or default for name, default in self.DEFAULTS.items()}
