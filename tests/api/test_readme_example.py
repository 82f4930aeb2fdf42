"""The README's API example, run as written against the test server (only its address and token replaced)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from api.models import ApiToken
from tests.claims.helpers import D, claim

README = Path(__file__).resolve().parents[2] / "README.md"
pytestmark = pytest.mark.django_db(transaction=True)


def _example() -> str:
    text = README.read_text(encoding="utf-8")
    found = re.search(r"<!-- api-example -->\n```python\n(.*?)```", text, re.S)
    assert found, "the README has no API example"
    return found.group(1)


def test_the_readme_example_reads_one_filters_claims_into_pandas(live_server, alice):
    for n, value in enumerate((120, 80, 95)):
        claim(
            category="killed",
            value=value,
            date=D(2024, 11, 18 + n % 2),
            claimant_side="UA",
            subject_side="RU",
        )
    claim(category="killed", value=7, date=D(2024, 11, 18), claimant_side="RU", subject_side="UA")
    _, token = ApiToken.objects.create(user=alice, expiry=None, name="readme", read_only=True)
    code = _example()
    code = re.sub(r'^BASE = ".*?"', f'BASE = "{live_server.url}"', code, count=1, flags=re.M)
    code = re.sub(r'^TOKEN = ".*?"', f'TOKEN = "{token}"', code, count=1, flags=re.M)
    scope: dict = {}
    exec(compile(code, str(README), "exec"), scope)  # noqa: S102 - the README's own example, run as written
    assert scope["per_day"].to_dict() == {"2024-11-18": 215, "2024-11-19": 80}
    assert sorted(scope["export"]["value"]) == [80, 95, 120]
