"""The whole-article case table (``cases.py``): each case must give exactly the claims it lists.

A case passes when the engine returns as many claims as the case expects and every expected dict is
matched by its own claim on every field it names (a list in an expectation accepts any of its items).
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from extraction import extract, load_seed_registries
from tests.extraction import cases, cases_reporting
from tests.extraction.cases import Case

CASES = [*cases.CASES, *cases_reporting.CASES]

# Loaded once: the registries are read-only for the engine and costly enough to share.
REGISTRIES = load_seed_registries()


def _run(case: Case) -> list[dict[str, object]]:
    published = datetime.date.fromisoformat(case.published)
    result = extract(case.text, published=published, registries=REGISTRIES)
    return [claim.to_dict() for claim in result.claims]


def _agrees(wanted: dict[str, object], got: dict[str, object]) -> bool:
    for field, value in wanted.items():
        if isinstance(value, list):
            if got.get(field) not in value:
                return False
        elif got.get(field) != value:
            return False
    return True


def _match(expect: list[dict[str, object]], got: list[dict[str, object]]) -> int:
    """Size of the largest pairing of expectations with distinct agreeing claims (augmenting paths).

    A greedy first fit could pair a loose expectation with the one claim a stricter one needs.
    """
    fits = [[j for j, claim in enumerate(got) if _agrees(wanted, claim)] for wanted in expect]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    return sum(assign(i, set()) for i in range(len(expect)))


def _report(case: Case, got: list[dict[str, object]]) -> str:
    lines = [f"case {case.id} (published {case.published}): {case.text!r}"]
    if case.note:
        lines.append(f"note: {case.note}")
    lines.append(f"expected {len(case.expect)}:")
    lines += [f"  {wanted}" for wanted in case.expect]
    lines.append(f"got {len(got)}:")
    for claim in got:
        shown = {k: v for k, v in claim.items() if k not in ("evidence", "start", "end", "engine_version")}
        lines.append(f"  {shown}")
    return "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_the_sentence_gives_exactly_the_expected_claims(case: Case) -> None:
    got = _run(case)
    if len(got) != len(case.expect) or _match(case.expect, got) != len(case.expect):
        pytest.fail(_report(case, got), pytrace=False)


@pytest.mark.parametrize("case", [c for c in CASES if c.expect], ids=[c.id for c in CASES if c.expect])
def test_every_evidence_is_the_text_at_its_offsets(case: Case) -> None:
    for claim in _run(case):
        assert case.text[claim["start"] : claim["end"]] == claim["evidence"]


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


SEED_DATA = Path(__file__).resolve().parents[2] / "claims" / "seed_data"
ENUMS = {
    "category": {
        "killed",
        "wounded",
        "casualties",
        "captured",
        "equipment",
        "launched",
        "intercepted",
        "deployed",
        "engagement",
    },
    "equipment": {
        "tank",
        "armored_vehicle",
        "artillery",
        "mlrs",
        "air_defense",
        "aircraft",
        "helicopter",
        "uav",
        "missile",
        "ship",
        "submarine",
        "vehicle",
        "special_equipment",
        "other",
        None,
    },
    "qualifier": {"exact", "at_least", "up_to", "about"},
    "subject_side": {"UA", "RU", "KP", "other"},
    "claimant_side": {"UA", "RU", "KP", "other", None},
    "period": {"cumulative", "window"},
    "civilian": {True, False},
}
REGISTRY_FIELDS = {"claimant": "claimants", "region": "regions", "place": "places", "unit": "units"}
OTHER_FIELDS = {"value", "value_max", "date", "date_start", "evidence"}


def test_every_expectation_names_schema_values_and_registry_entries() -> None:
    """Keeps the cases honest: a misspelt canonical name would fail for the wrong reason."""
    names = {
        registry: {entry["name"] for entry in json.loads((SEED_DATA / f"{registry}.json").read_text())}
        for registry in REGISTRY_FIELDS.values()
    }
    problems = []
    for case in CASES:
        datetime.date.fromisoformat(case.published)
        for wanted in case.expect:
            for field, value in wanted.items():
                for one in value if isinstance(value, list) else [value]:
                    if field in ENUMS:
                        ok = one in ENUMS[field]
                    elif field in REGISTRY_FIELDS:
                        ok = one is None or one in names[REGISTRY_FIELDS[field]]
                    elif field in ("date", "date_start"):
                        ok = one is None or bool(datetime.date.fromisoformat(one))
                    else:
                        ok = field in OTHER_FIELDS
                    if not ok:
                        problems.append(f"{case.id}: {field}={one!r}")
    assert not problems, problems


UNVERIFIED = [
    ("Newsweek could not independently verify the clip. Russia lost 1,200 soldiers, Kyiv said.", True),
    ("The Kyiv Independent could not verify all the claims.", True),
    ("It is not possible to verify the figures reported by Ukraine or Russia.", True),
    ("The claims could not be independently confirmed by Reuters.", True),
    ("Al Jazeera was unable to independently verify the figures.", True),
    ("The Ukrainian General Staff said 1,350 Russian soldiers were killed over the past day.", False),
    ("Russia's Defence Ministry said its forces had destroyed four Bradley fighting vehicles.", False),
]


@pytest.mark.parametrize(("text", "unverified"), UNVERIFIED, ids=[f"u{i}" for i in range(len(UNVERIFIED))])
def test_it_flags_an_article_that_says_it_could_not_verify(text: str, unverified: bool) -> None:
    result = extract(text, published=datetime.date(2024, 11, 26), registries=REGISTRIES)
    assert result.unverified is unverified
