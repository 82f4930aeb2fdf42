"""The people register in the admin: an editor finds a person and adds the roles they held, with dates."""

from __future__ import annotations

import datetime
import json

import pytest
from django.urls import reverse

from claims.models import Claimant, Person
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client_for):
    return client_for(UserFactory(username="root", is_staff=True, is_superuser=True))


def test_a_persons_change_form_shows_their_roles(admin_client):
    shoigu = Person.objects.get(name="Sergei Shoigu")
    page = admin_client.get(reverse("admin:claims_person_change", args=[shoigu.pk]))
    assert page.status_code == 200
    assert "Security Council of Russia" in page.content.decode()
    [roles] = page.context["inline_admin_formsets"]
    shown = [(f.instance.organisation.name, f.instance.ended) for f in roles.formset.initial_forms]
    assert shown == [
        ("Russian Defence Ministry", datetime.date(2024, 5, 12)),
        ("Security Council of Russia", None),
    ]


def test_people_are_found_by_alias_and_filtered_by_side_and_organisation(admin_client):
    url = reverse("admin:claims_person_changelist")
    assert "Sergei Shoigu" in admin_client.get(url, {"q": "Sergey Shoigu"}).content.decode()
    russian = admin_client.get(url, {"side__exact": "RU"}).content.decode()
    assert "Sergei Shoigu" in russian and "Yurii Ihnat" not in russian
    kremlin = Claimant.objects.get(name="Kremlin")
    spoke_for_kremlin = admin_client.get(url, {"roles__organisation__id__exact": kremlin.pk})
    assert spoke_for_kremlin.status_code == 200
    html = spoke_for_kremlin.content.decode()
    assert "Dmitry Peskov" in html and "Sergei Shoigu" not in html


def test_an_editor_adds_a_role_with_dates(admin_client):
    person = Person.objects.get(name="Oleh Kiper")
    [seeded] = person.roles.all()
    navy = Claimant.objects.get(name="Ukrainian Navy")
    management = {"TOTAL_FORMS": "2", "INITIAL_FORMS": "1", "MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "1000"}
    data = {
        "name": person.name,
        "slug": person.slug,
        "aliases": json.dumps(person.aliases),
        "side": person.side,
        **{f"roles-{key}": value for key, value in management.items()},
        "roles-0-id": seeded.pk,
        "roles-0-person": person.pk,
        "roles-0-organisation": seeded.organisation_id,
        "roles-0-title": seeded.title,
        "roles-0-started": seeded.started.isoformat(),
        "roles-0-ended": "",
        "roles-1-person": person.pk,
        "roles-1-organisation": navy.pk,
        "roles-1-title": "press officer",
        "roles-1-started": "2021-04-01",
        "roles-1-ended": "2022-12-31",
    }
    response = admin_client.post(reverse("admin:claims_person_change", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    added = person.roles.get(organisation=navy)
    assert (added.title, added.started, added.ended) == (
        "press officer",
        datetime.date(2021, 4, 1),
        datetime.date(2022, 12, 31),
    )
