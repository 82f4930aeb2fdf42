"""People who speak for claimants: a named person's words are claimed by the body they served on the day."""

from __future__ import annotations

import datetime
import json

import pytest

from extraction import Registries, extract
from extraction.document import Document
from extraction.names.registries import PersonEntry, RoleEntry, default_seed_dir, seed_period
from extraction.names.tokens import norm_key
from extraction.stages.names import find_names
from extraction.stages.speaker import speaker_of
from tests.extraction.reading import REGISTRIES, document

D = datetime.date

CLAIMANTS = [
    {"name": "Northern Command", "side": "UA", "aliases": ["Ukraine's Northern Command"]},
    {"name": "Army Headquarters", "side": "UA"},
    {"name": "War Ministry", "side": "RU", "aliases": ["Russia's War Ministry"]},
    {"name": "State Council", "side": "RU"},
]
PEOPLE = [
    {
        "name": "Taras Hnatenko",
        "aliases": ["Hnatenko"],
        "side": "UA",
        "roles": [
            {"organisation": "Northern Command", "title": "spokesman", "started": "2021-03-01", "ended": None}
        ],
    },
    {
        "name": "Pavel Orlov",
        "aliases": ["Orlov"],
        "side": "RU",
        "roles": [
            # Out of order on purpose: roles are read earliest first.
            {"organisation": "State Council", "title": "secretary", "started": D(2024, 5, 12), "ended": None},
            {"organisation": "War Ministry", "title": "minister", "started": None, "ended": D(2024, 5, 12)},
        ],
    },
    {"name": "Ivan Nobody", "side": "RU", "roles": []},
    {
        "name": "Olena Elsewhere",
        "side": "UA",
        "roles": [{"organisation": "Not A Claimant", "started": None, "ended": None}],
    },
]


@pytest.fixture(scope="module")
def registries() -> Registries:
    return Registries.from_dicts(claimants=CLAIMANTS, people=PEOPLE)


def _speaker(registries: Registries, text: str, published: datetime.date | None, index: int = 0):
    doc = Document(text, published, registries, None)
    find_names(doc)
    speaker = speaker_of(doc, doc.sentences[index])
    doc.close()
    assert speaker is not None
    return speaker.name, speaker.side


def test_a_person_named_in_full_and_then_by_surname_speaks_for_their_organisation(registries) -> None:
    text = (
        "Taras Hnatenko said on Monday that 40 Russian soldiers had been killed near the border. "
        "Hnatenko said another 25 were wounded."
    )
    published = D(2024, 3, 5)
    assert _speaker(registries, text, published, 0) == ("Northern Command", "UA")
    assert _speaker(registries, text, published, 1) == ("Northern Command", "UA")


def test_a_person_with_two_roles_speaks_for_the_one_held_on_the_publication_day(registries) -> None:
    text = "Pavel Orlov said 300 Ukrainian soldiers had been killed in a week."
    assert _speaker(registries, text, D(2023, 6, 10)) == ("War Ministry", "RU")
    assert _speaker(registries, text, D(2025, 2, 1)) == ("State Council", "RU")
    # Undated: the latest role.
    assert _speaker(registries, text, None) == ("State Council", "RU")


def test_the_claim_of_a_person_carries_their_organisation_and_its_side(registries) -> None:
    text = "Russian forces lost 120 soldiers near the river over the past day, Hnatenko said."
    claims = extract(text, published=D(2024, 3, 5), registries=registries).claims
    assert [(c.claimant, c.claimant_side, c.value) for c in claims] == [("Northern Command", "UA", 120)]


def test_speaker_for_hands_a_claimant_back_as_it_is(registries) -> None:
    command = registries.claimant_by_name["Northern Command"]
    assert registries.speaker_for(command, D(2024, 1, 1)) is command


def test_people_without_a_known_organisation_are_not_matched(registries) -> None:
    doc = Document("Ivan Nobody and Olena Elsewhere spoke.", D(2024, 1, 1), registries, None)
    find_names(doc)
    doc.close()
    assert doc.claimant_hits == []
    elsewhere = next(p for p in registries.people if p.name == "Olena Elsewhere")
    assert elsewhere.roles == ()


def test_a_person_listed_also_as_a_claimant_alias_is_the_person() -> None:
    """A database seeded before the register may still list a person under a claimant."""
    registries = Registries.from_dicts(
        claimants=[*CLAIMANTS[:2], {**CLAIMANTS[2], "aliases": ["Pavel Orlov"]}, CLAIMANTS[3]], people=PEOPLE
    )
    doc = Document("Pavel Orlov spoke.", D(2025, 1, 1), registries, None)
    find_names(doc)
    doc.close()
    [hit] = doc.claimant_hits
    assert registries.speaker_for(hit.payload, doc.published).name == "State Council"


def _role(organisation: str, started: datetime.date | None, ended: datetime.date | None) -> RoleEntry:
    return RoleEntry(organisation, "", started, ended)


def test_role_at_picks_the_span_then_the_latest_begun_before_then_the_first() -> None:
    person = PersonEntry(
        "A B",
        "UA",
        (
            _role("first", D(2019, 1, 1), D(2021, 12, 31)),
            _role("second", D(2023, 1, 1), D(2024, 12, 31)),
            _role("overlapping", D(2024, 6, 1), None),
        ),
    )
    assert person.role_at(D(2020, 5, 1)).organisation == "first"
    # Between two roles: the last one begun before the day.
    assert person.role_at(D(2022, 5, 1)).organisation == "first"
    # Two spans hold the day: the latest begun.
    assert person.role_at(D(2024, 7, 1)).organisation == "overlapping"
    assert person.role_at(D(2024, 5, 31)).organisation == "second"
    # Before any role: the first one held.
    assert person.role_at(D(2015, 1, 1)).organisation == "first"
    assert person.role_at(None).organisation == "overlapping"
    assert PersonEntry("C D", "RU").role_at(D(2024, 1, 1)) is None


def test_a_seed_period_runs_from_its_first_day_to_its_last() -> None:
    assert seed_period("2024", end=False) == D(2024, 1, 1)
    assert seed_period("2024", end=True) == D(2024, 12, 31)
    assert seed_period("2024-02", end=True) == D(2024, 2, 29)
    assert seed_period("2024-05-12", end=False) == seed_period("2024-05-12", end=True) == D(2024, 5, 12)
    assert seed_period(None, end=True) is None


# --- the repository's register (claims/seed_data/people.json) ---


def test_syrskyi_in_full_and_by_surname_speaks_for_the_commander_in_chief() -> None:
    text = (
        "Oleksandr Syrskyi said Russian forces had lost 400 soldiers near Pokrovsk over the past day. "
        "Syrskyi said 12 of their tanks were also destroyed."
    )
    doc = document(text, D(2024, 9, 3))
    for sentence in doc.sentences:
        speaker = speaker_of(doc, sentence)
        assert speaker is not None
        assert (speaker.name, speaker.side) == ("Commander-in-Chief of the Armed Forces of Ukraine", "UA")
    doc.close()


@pytest.mark.parametrize(
    ("published", "claimant"),
    [
        (D(2023, 6, 10), "Russian Defence Ministry"),
        (D(2024, 2, 18), "Russian Defence Ministry"),
        (D(2025, 3, 1), "Security Council of Russia"),
    ],
)
def test_shoigu_speaks_for_the_office_he_held_on_the_publication_day(
    published: datetime.date, claimant: str
) -> None:
    text = "Ukraine lost more than 2,000 soldiers in the past week, Sergei Shoigu said."
    claims = extract(text, published=published, registries=REGISTRIES).claims
    assert [(c.claimant, c.claimant_side) for c in claims] == [(claimant, "RU")]


def test_syrskyi_before_he_became_commander_in_chief_speaks_for_the_ground_forces() -> None:
    doc = document("Russia lost 200 soldiers near Bakhmut on Sunday, Syrskyi said.", D(2023, 3, 6))
    speaker = speaker_of(doc, doc.sentences[0])
    doc.close()
    assert speaker is not None and (speaker.name, speaker.side) == ("Ukrainian Ground Forces", "UA")


def _seed(name: str) -> list[dict]:
    return json.loads((default_seed_dir() / f"{name}.json").read_text(encoding="utf-8"))


def test_every_role_of_the_register_is_at_a_claimant_of_the_persons_side() -> None:
    claimants = {c["name"]: c for c in _seed("claimants")}
    for person in _seed("people"):
        assert person["roles"], person["name"]
        for role in person["roles"]:
            assert claimants[role["organisation"]]["side"] == person["side"], person["name"]
            started = seed_period(role["from"], end=False)
            ended = seed_period(role["until"], end=True)
            assert started is None or ended is None or started <= ended, person["name"]
        starts = [seed_period(r["from"], end=False) or D.min for r in person["roles"]]
        assert starts == sorted(starts), person["name"]


def test_no_spelling_is_both_a_person_and_a_claimant() -> None:
    """The matcher keeps one payload a spelling: a second would silently never be found."""
    owners: dict[str, str] = {}
    clashes = []
    for registry in ("people", "claimants"):
        for record in _seed(registry):
            for spelling in (record["name"], *record["aliases"]):
                key = norm_key(spelling)
                if owners.setdefault(key, record["name"]) != record["name"]:
                    clashes.append((spelling, owners[key], record["name"]))
    assert clashes == []


def test_the_register_is_sorted_by_side_then_name() -> None:
    sides = ["UA", "RU", "KP", "other"]
    people = _seed("people")
    keys = [(sides.index(p["side"]), p["name"].casefold()) for p in people]
    assert keys == sorted(keys)
    assert len({p["name"] for p in people}) == len(people)
