"""Claim against counter-claim: a column per claimant side on subject side, each figure counted once, the
ratio, the reference's rise beside national figures only, the CSV of the same rows, and the equipment view."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from claims import comparison
from claims.models import Claim, Claimant, ReferenceSeries, Region
from claims.references import GENERAL_STAFF, ORYX, SeriesMeta, reference_import
from tests.claims.helpers import D, claim, filterset, repeated

pytestmark = pytest.mark.django_db


def _column(result: comparison.Comparison, slug: str) -> dict:
    i = [s.slug for s in result.stances].index(slug)
    return {
        row.bucket: (row.cells[i].value, row.cells[i].claims) for row in result.rows if row.cells[i].value
    }


def _staff_personnel(*points: tuple[str, int]) -> None:
    ReferenceSeries.objects.all().delete()  # the shipped series: these tests set their own points
    meta = SeriesMeta(source="test", licence="", claimant=GENERAL_STAFF, subject_side="RU")
    text = "".join(f"{day},{value}\n" for day, value in points)
    reference_import(text, "csv", meta, name="Staff personnel", category="casualties")


@pytest.fixture
def week():
    """One week of claims: Ukraine on Russia twice (one figure in two articles), Russia on Ukraine, each
    side on itself, a third party, civilians and a running total."""
    repeated(2, value=1_200, date=D(2024, 11, 19), claimant_side="UA", subject_side="RU")
    claim(value=1_000, date=D(2024, 11, 20), claimant_side="UA", subject_side="RU")
    claim(value=400, date=D(2024, 11, 20), claimant_side="RU", subject_side="UA", category="killed")
    claim(value=50, date=D(2024, 11, 21), claimant_side="UA", subject_side="UA", category="wounded")
    claim(value=30, date=D(2024, 11, 21), claimant_side="RU", subject_side="RU", category="killed")
    claim(value=9_000, date=D(2024, 11, 21), claimant_side="other", subject_side="RU")
    claim(value=31, date=D(2024, 11, 21), claimant_side="RU", subject_side="UA", civilian=True)
    claim(value=700_000, date=D(2024, 11, 21), claimant_side="UA", subject_side="RU", period="cumulative")


def test_each_column_sums_its_window_figures_each_once_with_the_claims_behind(week):
    result = comparison.comparison(filterset(), bucket="week", measure="personnel")
    monday = D(2024, 11, 18)
    assert result.labels == [monday]
    # 1,200 printed twice counts once (its two claims are both sources); the running total is no window.
    assert _column(result, "ua_on_ru") == {monday: (2_200, 3)}
    # Civilians are counted apart.
    assert _column(result, "ru_on_ua") == {monday: (400, 1)}
    assert _column(result, "ua_on_ua") == {monday: (50, 1)}
    assert _column(result, "ru_on_ru") == {monday: (30, 1)}
    assert _column(result, "other_on_ru") == {monday: (9_000, 1)}
    assert _column(result, "other_on_ua") == {}
    assert result.rows[0].ratio == pytest.approx(2_200 / 400) == result.ratio
    assert "Civilian victims are counted apart" in " ".join(result.notes)


def test_the_summaries_and_the_claims_give_the_same_comparison(week):
    kursk = Region.objects.get(name="Kursk Oblast")
    claim(value=77, date=D(2024, 11, 25), claimant_side="UA", subject_side="RU", region=kursk)
    for query in ("", "region=kursk-oblast", "text=lost"):
        fs = filterset(query)
        fast = comparison.comparison(fs, bucket="day", measure="personnel")
        slow = comparison.comparison(filterset(query), bucket="day", measure="personnel", use_summary=False)
        assert [(r.bucket, [(c.value, c.claims) for c in r.cells]) for r in fast.rows] == [
            (r.bucket, [(c.value, c.claims) for c in r.cells]) for r in slow.rows
        ]


def test_the_category_measure_sums_the_category_filtered(week):
    result = comparison.comparison(filterset("category=killed"), bucket="week", measure="figures")
    assert _column(result, "ru_on_ua") == {D(2024, 11, 18): (400, 1)}
    assert _column(result, "ua_on_ru") == {}


def test_the_reference_stands_beside_as_its_rise_over_each_bucket_for_national_figures_only(week):
    _staff_personnel(("2024-11-17", 720_000), ("2024-11-20", 721_500), ("2024-11-24", 723_400))
    result = comparison.comparison(filterset(), bucket="week", measure="personnel")
    assert result.reference.name == "Staff personnel"
    assert result.rows[0].reference == 3_400 and result.reference_total == 3_400
    by_front = comparison.comparison(filterset("region=kursk-oblast"), bucket="week", measure="personnel")
    assert by_front.reference is None
    assert "No reference series beside a front's figures" in " ".join(by_front.notes)


def test_buckets_without_figures_are_gaps_not_zeros():
    claim(value=100, date=D(2024, 11, 4), claimant_side="UA", subject_side="RU")
    claim(value=300, date=D(2024, 11, 20), claimant_side="UA", subject_side="RU")
    result = comparison.comparison(filterset(), bucket="week", measure="personnel")
    assert [row.cells[1].value for row in result.rows] == [100, None, 300]
    assert result.chart.datasets[0].data == [100, None, 300]


def test_the_page_and_its_csv_carry_the_same_rows(week, client_for, alice):
    client = client_for(alice)
    page = client.get(reverse("claims:compare"), {"bucket": "week"})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-bucket="2024-11-18"' in html and "2,200" in html and "data-ratio>5.50<" in html
    answer = client.get(reverse("claims:compare_export"), {"bucket": "week"})
    assert answer.status_code == 200 and answer["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert (row["bucket_start"], row["bucket_end"], row["ua_on_ru"], row["ua_on_ru_claims"]) == (
        "2024-11-18",
        "2024-11-24",
        "2200",
        "3",
    )
    assert (row["ru_on_ua"], row["other_on_ua"], row["ratio_ua_on_ru_to_ru_on_ua"]) == ("400", "", "5.500")


def test_bad_options_are_a_400_naming_the_field(client_for, alice):
    client = client_for(alice)
    page = client.get(reverse("claims:compare"), {"bucket": "fortnight"})
    assert page.status_code == 400 and "Select a valid choice" in page.content.decode()
    answer = client.get(reverse("claims:compare_export"), {"date_from": "yesterday"})
    assert answer.status_code == 400 and "date" in answer.content.decode().lower()


def test_a_user_without_the_export_permission_gets_no_csv(client_for, dave):
    assert client_for(dave).get(reverse("claims:compare_export")).status_code == 403


def test_equipment_view_sets_the_staff_tally_beside_the_confirmed_count_and_the_claims():
    ReferenceSeries.objects.all().delete()
    meta = SeriesMeta(source="test", licence="", claimant=GENERAL_STAFF, subject_side="RU")
    tally = "2024-05-01,7000\n2024-05-09,7100\n"
    reference_import(tally, "csv", meta, name="Staff tanks", category="equipment", equipment="tank")
    oryx = SeriesMeta(source="test", licence="", claimant=ORYX, subject_side="RU")
    reference_import(
        "2024-05-09,2900\n", "csv", oryx, name="Confirmed tanks", category="equipment", equipment="tank"
    )
    staff = Claimant.objects.get(name=GENERAL_STAFF)
    for value, day in ((7_012, D(2024, 5, 2)), (7_080, D(2024, 5, 8))):
        claim(category="equipment", equipment="tank", value=value, date=day, period=Claim.Period.CUMULATIVE,
              claimant=staff, claimant_side="UA", subject_side="RU")  # fmt: skip
    [tanks] = comparison.equipment_view(filterset())["equipment_rows"]
    assert (tanks.staff, tanks.confirmed, tanks.claimed, tanks.claimed_date) == (
        7_100,
        2_900,
        7_080,
        D(2024, 5, 8),
    )
    assert tanks.confirmed_share == pytest.approx(2_900 / 7_100)
    # As of a day: the tally that day, the claims up to it.
    [tanks] = comparison.equipment_view(filterset("date_to=2024-05-05"))["equipment_rows"]
    assert (tanks.staff, tanks.claimed) == (7_000, 7_012)


def test_a_table_row_writes_its_cells_escaped_with_separators_and_dashes_for_gaps():
    cells = [
        comparison.Cell(12_345, 1, "/claims/?claimant_side=UA&subject_side=RU"),
        comparison.Cell(None, 0, ""),
        comparison.Cell(2_000, 3, '/claims/?q="x"<y>'),
    ]
    row = comparison.Row(D(2024, 11, 18), cells, 6.1725, 1_500_000)
    assert row.html == (
        '<tr data-bucket="2024-11-18"><th scope="row">2024-11-18</th>\n        '
        '<td class="num"><a href="/claims/?claimant_side=UA&amp;subject_side=RU">12,345</a><br>'
        '<span class="muted">1 claim</span></td>'
        '<td class="num"><span class="muted">–</span></td>'
        '<td class="num"><a href="/claims/?q=&quot;x&quot;&lt;y&gt;">2,000</a><br>'
        '<span class="muted">3 claims</span></td>\n'
        '        <td class="num">6.17</td>\n        <td class="num">1,500,000</td></tr>'
    )
    gap = '<td class="num"><span class="muted">–</span></td>'
    assert f"{gap}\n        {gap}</tr>" in comparison.Row(D(2024, 11, 25), [], None, None).html
