"""Reference series: reading their files, refusing bad ones whole, importing again in place, and the shipped
General Staff and Oryx series."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from claims.models import Claimant, ReferenceCheck, ReferencePoint, ReferenceSeries, Region
from claims.references import (
    GENERAL_STAFF,
    ReferenceFileError,
    SeriesMeta,
    checks_refresh,
    read_csv,
    read_gs_equipment,
    read_gs_personnel,
    reference_import,
    shipped_load,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

D = datetime.date
META = SeriesMeta(source="a test", claimant=GENERAL_STAFF, subject_side="RU")


def _personnel(*rows: tuple[str, object]) -> str:
    return json.dumps([{"date": day, "day": n, "personnel": value} for n, (day, value) in enumerate(rows, 2)])


def test_the_personnel_file_gives_a_running_total_and_the_early_prisoners():
    text = json.dumps([
        {"date": "2022-02-25", "personnel": 2800, "POW": 0},
        {"date": "2022-02-26", "personnel": 3500, "POW": 2},
        {"date": "2022-04-29", "personnel": 23000},
    ])  # fmt: skip
    personnel, prisoners = read_gs_personnel(text)
    assert (personnel.category, personnel.equipment, personnel.kind) == ("casualties", None, "running_total")
    assert personnel.points == {D(2022, 2, 25): 2800, D(2022, 2, 26): 3500, D(2022, 4, 29): 23000}
    assert (prisoners.category, prisoners.points) == ("captured", {D(2022, 2, 25): 0, D(2022, 2, 26): 2})


def test_the_equipment_file_maps_each_category_and_joins_the_early_vehicle_counts():
    text = json.dumps([
        {"date": "2022-02-25", "tank": 80, "APC": 516, "military auto": 100, "fuel tank": 60},
        {"date": "2022-05-01", "tank": 1000, "APC": 2500, "vehicles and fuel tanks": 1800,
         "greatest losses direction": "Izium"},
    ])  # fmt: skip
    found = {s.label: s for s in read_gs_equipment(text)}
    assert set(found) == {"tank", "APC", "vehicles and fuel tanks"}
    assert found["APC"].equipment == "armored_vehicle"
    assert found["vehicles and fuel tanks"].points == {D(2022, 2, 25): 160, D(2022, 5, 1): 1800}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[{", "line 1: not JSON"),
        ('{"date": "2022-02-25"}', "expected a JSON list of objects"),
        (_personnel(("2022-02-25", 10), ("25/02/2022", 20)), "record 2: '25/02/2022' is not a date"),
        (_personnel(("2022-02-25", 10), ("2022-02-26", "lots")), "record 2: 'lots' is not a whole number"),
        (_personnel(("2022-02-25", -4)), "record 1: -4 is negative"),
        (_personnel(("2022-02-25", 10), ("2022-02-25", 12)), "record 2: a second value for 2022-02-25"),
        (json.dumps([{"date": "2022-02-25"}]), "record 1: no 'personnel' figure"),
    ],
)
def test_a_bad_personnel_file_is_refused_naming_its_record(text, message):
    with pytest.raises(ReferenceFileError, match=message):
        read_gs_personnel(text)


def test_a_csv_gives_one_series_per_category_and_equipment_its_rows_name():
    text = "date,value,category,equipment\n2024-01-01,10,equipment,tank\n2024-01-02,12,equipment,tank\n"
    text += "2024-01-01,300,casualties,\n"
    found = {
        s.label: s for s in read_csv(text, "Ministry tally", category=None, equipment=None, kind="daily")
    }
    assert found["tank"].name == "Ministry tally: tank" and found["tank"].points == {
        D(2024, 1, 1): 10,
        D(2024, 1, 2): 12,
    }
    assert found["casualties"].kind == "daily"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file holds no rows"),
        ("2024-01-01,10\n2024-01-02\n", "line 2: expected date,value"),
        ("2024-01-01,10,sunk\n", "line 1: category 'sunk' is not one of"),
        ("2024-01-01,10,equipment,boat\n", "line 1: equipment 'boat' is not one of"),
        ("2024-01-01,1 000 000\n", "line 1: '1 000 000' is not a whole number"),
    ],
)
def test_a_bad_csv_is_refused_naming_its_line(text, message):
    with pytest.raises(ReferenceFileError, match=message):
        read_csv(text, "Ministry tally", category="casualties", equipment=None, kind="running_total")


def test_importing_again_keeps_the_series_and_replaces_its_points():
    [first] = reference_import(
        "2024-01-01,10\n2024-01-02,12\n", "csv", META, name="Tally", category="casualties"
    )
    [again] = reference_import(
        "2024-01-02,13\n2024-01-03,15\n", "csv", META, name="Tally", category="casualties"
    )
    assert again.pk == first.pk
    points = list(again.points.values_list("date", "value"))
    assert points == [(D(2024, 1, 2), 13), (D(2024, 1, 3), 15)]


def test_a_bad_file_leaves_what_was_stored_untouched():
    reference_import("2024-01-01,10\n", "csv", META, name="Tally", category="casualties")
    with pytest.raises(ReferenceFileError, match="line 2"):
        reference_import("2024-01-05,20\nnot-a-day,30\n", "csv", META, name="Tally", category="casualties")
    series = ReferenceSeries.objects.get(name="Tally")
    assert list(series.points.values_list("value", flat=True)) == [10]


def test_an_unknown_claimant_is_refused_before_anything_is_stored():
    meta = SeriesMeta(source="x", claimant="Nobody's Ministry")
    with pytest.raises(ReferenceFileError, match="no claimant named"):
        reference_import("2024-01-01,10\n", "csv", meta, name="Tally", category="casualties")
    assert not ReferenceSeries.objects.filter(name="Tally").exists()


def test_the_shipped_series_load_once_and_then_are_left_alone():
    ReferenceSeries.objects.all().delete()
    assert shipped_load() == 41
    tanks = ReferenceSeries.objects.get(name="General Staff: Russian tank")
    assert (tanks.claimant.name, tanks.subject_side, tanks.equipment) == (GENERAL_STAFF, "RU", "tank")
    assert tanks.points.get(date=D(2022, 2, 25)).value == 80
    assert (
        ReferenceSeries.objects.get(name="Oryx: Russian Tanks (visually confirmed)").claimant.name == "Oryx"
    )
    total = ReferencePoint.objects.count()
    assert shipped_load() == 0
    assert ReferencePoint.objects.count() == total


def test_the_command_imports_a_csv_and_refuses_a_bad_one_with_its_line(tmp_path, capsys):
    good = tmp_path / "tally.csv"
    good.write_text("date,value\n2024-03-01,500\n2024-03-02,650\n", encoding="utf-8")
    call_command("import_reference", str(good), "--name", "Named dead", "--category", "killed")
    assert "Named dead: 2 points" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_text("2024-03-01,500\n2024-03-02,-1\n", encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"bad\.csv: line 2: -1 is negative; a count cannot be; nothing was"
    ):
        call_command("import_reference", str(bad), "--name", "Named dead", "--category", "killed")
    with pytest.raises(CommandError, match="needs --name"):
        call_command("import_reference", str(good))


def test_an_admin_imports_a_file_and_is_told_what_is_wrong_with_a_bad_one(client_for):
    client = client_for(UserFactory(username="root", is_staff=True, is_superuser=True))
    url = reverse("admin:claims_referenceseries_import")
    assert client.get(url).status_code == 200
    form = {"format": "csv", "name": "Mediazona named dead", "subject_side": "RU", "category": "killed"}
    form |= {"kind": "running_total"}
    page = client.post(url, {**form, "file": SimpleUploadedFile("named.csv", b"2025-01-01,90000\n")})
    assert page.status_code == 302
    assert ReferenceSeries.objects.get(name="Mediazona named dead").points.get().value == 90000
    page = client.post(url, {**form, "file": SimpleUploadedFile("named.csv", b"2025-01-02,x\n")})
    assert page.status_code == 200
    assert "line 1: &#x27;x&#x27; is not a whole number; nothing was stored." in page.content.decode()
    changelist = client.get(reverse("admin:claims_referenceseries_changelist")).content.decode()
    assert "Import a reference file" in changelist and "Mediazona named dead" in changelist
    tanks = ReferenceSeries.objects.get(name="General Staff: Russian tank")
    change = client.get(reverse("admin:claims_referenceseries_change", args=[tanks.pk]))
    assert change.status_code == 200
    [points] = change.context["inline_admin_formsets"]
    shown = [form.instance.date for form in points.formset.initial_forms]
    assert len(shown) == 100 and shown[0] == tanks.points.latest("date").date


# Checks against the series: hand-made claims with known answers. Their series is a claimant's with no
# shipped series (two series counting the same thing leave a claim unchecked).
SBU = "Security Service of Ukraine"
CHECK_META = SeriesMeta(source="a test", claimant=SBU, subject_side="RU")


@pytest.fixture
def tanks_series():
    [series] = reference_import(
        "2024-05-01,7000\n2024-05-02,7012\n2024-05-03,7030\n",
        "csv",
        CHECK_META,
        name="Staff tanks",
        category="equipment",
        equipment="tank",
    )
    return series


def _claim(**fields):
    from tests.factories import ClaimFactory

    defaults = dict(
        category="equipment", equipment="tank", subject_side="RU", qualifier="exact", period="cumulative",
        claimant=Claimant.objects.get(name=SBU), region=None, place=None, unit=None, civilian=False,
    )  # fmt: skip
    claim = ClaimFactory(**{**defaults, **fields})
    checks_refresh([claim])
    claim.refresh_from_db()
    return claim


@pytest.mark.parametrize(
    ("fields", "status", "reference"),
    [
        ({"value": 7012, "date": D(2024, 5, 2)}, "agrees", 7012),
        ({"value": 7010, "date": D(2024, 5, 2)}, "differs", 7012),
        ({"value": 7000, "qualifier": "about", "date": D(2024, 5, 2)}, "agrees", 7012),
        ({"value": 6800, "qualifier": "about", "date": D(2024, 5, 2)}, "differs", 7012),
        ({"value": 7000, "qualifier": "at_least", "date": D(2024, 5, 2)}, "agrees", 7012),
        ({"value": 7020, "qualifier": "at_least", "date": D(2024, 5, 2)}, "differs", 7012),
        ({"value": 7010, "value_max": 7015, "date": D(2024, 5, 2)}, "agrees", 7012),
        ({"value": 12, "period": "window", "date": D(2024, 5, 2)}, "agrees", 12),
        ({"value": 20, "period": "window", "date": D(2024, 5, 3)}, "differs", 18),
        ({"value": 7000, "period": "window", "date": D(2024, 5, 1)}, "no_point", None),
        ({"value": 7000, "date": D(2024, 6, 1)}, "no_point", None),
        ({"value": 7000, "date": None}, "no_point", None),
    ],
)
def test_a_claim_is_checked_against_the_series_it_fits(tanks_series, fields, status, reference):
    check = _claim(**fields).reference_check
    assert (check.series, check.status, check.reference_value) == (tanks_series, status, reference)
    if reference is not None:
        assert check.difference == fields["value"] - reference


@pytest.mark.parametrize(
    "fields",
    [
        {"subject_side": "UA"},
        {"equipment": "artillery"},
        {"claimant": None},
        {"civilian": True, "category": "killed", "equipment": None},
        {"period": "window", "date_start": D(2024, 4, 1)},
    ],
)
def test_a_claim_that_fits_no_series_gets_no_check(tanks_series, fields):
    claim = _claim(**{"value": 7012, "date": D(2024, 5, 2), **fields})
    assert not ReferenceCheck.objects.filter(claim=claim).exists()


def test_a_regional_figure_is_not_checked_against_a_national_series(tanks_series):
    claim = _claim(value=40, date=D(2024, 5, 2), region=Region.objects.get(name="Kursk Oblast"))
    assert not ReferenceCheck.objects.filter(claim=claim).exists()


def test_importing_the_series_again_checks_its_claims_again(tanks_series):
    claim = _claim(value=7012, date=D(2024, 5, 2))
    assert claim.reference_check.status == "agrees"
    reference_import(
        "2024-05-02,7015\n", "csv", CHECK_META, name="Staff tanks", category="equipment", equipment="tank"
    )
    assert ReferenceCheck.objects.get(claim=claim).status == "differs"


def test_a_reviewers_correction_checks_the_claim_again(tanks_series, carol):
    from review.services import claim_update

    claim = _claim(value=7010, date=D(2024, 5, 2))
    assert claim.reference_check.status == "differs"
    claim_update(claim=claim, user=carol, data={"value": 7012})
    assert ReferenceCheck.objects.get(claim=claim).status == "agrees"


def test_the_check_is_in_the_export_the_table_and_the_filter(tanks_series, client_for, alice):
    agrees = _claim(value=7012, date=D(2024, 5, 2))
    differs = _claim(value=7010, date=D(2024, 5, 2))
    client = client_for(alice)
    rows = list(
        csv.DictReader(io.StringIO(b"".join(client.get(reverse("claims:export")).streaming_content).decode()))
    )
    by_id = {int(r["claim_id"]): r for r in rows}
    assert (by_id[agrees.pk]["reference_check"], by_id[agrees.pk]["reference_value"]) == ("agrees", "7012")
    assert (by_id[differs.pk]["reference_check"], by_id[differs.pk]["reference_value"]) == ("differs", "7012")
    page = client.get(reverse("claims:claims"), {"reference_check": "differs"}).content.decode()
    assert "reference 7,012" in page and "agrees with the reference" not in page


def test_the_product_measures_itself_against_the_reference(tanks_series, capsys):
    from claims.reference_quality import generated_month_agreement, stored_agreement

    shipped_load()
    _claim(value=7012, date=D(2024, 5, 2))
    _claim(value=7010, date=D(2024, 5, 2))
    stored = stored_agreement()
    assert (stored.counts["agrees"], stored.counts["differs"], stored.rate) == (1, 1, 0.5)
    generated, reports = generated_month_agreement(D(2024, 5, 1))
    assert reports == 30 and generated.stated == 30 * 14
    # Every figure the engine reads from a General Staff report agrees with the General Staff's own series.
    assert (generated.counts["agrees"], generated.counts["differs"], generated.unchecked) == (420, 0, 0)
    call_command("extraction_quality", "--reference", "--month", "2024-05-01")
    out = capsys.readouterr().out
    assert "30 generated reports from 2024-05-01" in out and "agreement 1.000" in out


def test_a_differing_claim_comes_first_in_the_review_queue_with_its_reason(tanks_series, client_for, carol):
    agrees = _claim(value=7012, date=D(2024, 5, 2))
    differs = _claim(value=7010, date=D(2024, 5, 2))
    client = client_for(carol)
    page = client.get(reverse("review:queue"), {"order": "differs_first"})
    assert page.status_code == 200
    shown = [claim.pk for claim in page.context["page"].object_list]
    assert shown.index(differs.pk) < shown.index(agrees.pk)
    html = page.content.decode()
    assert "differs from Staff tanks: 7,012 that day" in html
    assert "a misreading (the engine's) or a misquote (the outlet's)" in html
    assert "agrees with Staff tanks" in html


def test_a_series_page_shows_its_curve_its_agreement_and_the_differing_claims_first(
    tanks_series, client_for, alice
):
    agrees = _claim(value=7012, date=D(2024, 5, 2))
    differs = _claim(value=7010, date=D(2024, 5, 2))
    client = client_for(alice)
    listing = client.get(reverse("claims:references"))
    assert listing.status_code == 200
    row = next(s for s in listing.context["series_list"] if s.pk == tanks_series.pk)
    assert (row.n_points, row.n_agrees, row.n_differs, row.n_no_point) == (3, 1, 1, 0)
    page = client.get(reverse("claims:reference", args=[tanks_series.slug]))
    assert page.status_code == 200
    assert [check.claim_id for check in page.context["checks"]] == [differs.pk, agrees.pk]
    assert page.context["rate"] == 0.5
    html = page.content.decode()
    assert "agreement 50%" in html and 'id="reference-data"' in html
    chart = page.context["chart"]
    assert chart["points"][1] == {"x": "2024-05-02", "y": 7012}
    assert {c["status"] for c in chart["claims"]} == {"agrees", "differs"}
    assert client.get(reverse("claims:reference", args=["no-such-series"])).status_code == 404


@pytest.mark.parametrize(
    ("fmt", "message"),
    [("csv", "a CSV series needs a name"), ("oryx", "an Oryx file needs the day its totals are as of")],
)
def test_a_file_without_what_its_format_needs_is_refused(fmt, message):
    from claims.references import read_file

    with pytest.raises(ReferenceFileError, match=message):
        read_file("2024-01-01,10\n", fmt)


def test_checking_an_articles_claims_reads_only_the_points_they_need(
    tanks_series, django_assert_max_num_queries
):
    claims = [_claim(value=7012, date=D(2024, 5, 2)), _claim(value=18, period="window", date=D(2024, 5, 3))]
    # The series index, the needed points in one query, and the old checks' delete and the new ones' insert
    # in a savepoint: however many points the series holds.
    with django_assert_max_num_queries(6):
        assert checks_refresh(claims) == 2
