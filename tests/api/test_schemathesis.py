"""Schemathesis against the live OpenAPI schema on the test server: for every operation, requests generated
from the schema never get a 5xx, and every answer conforms to the schema, as a Viewer and as a Reviewer (a
read-write token each). Driven through schemathesis's Python API, an operation at a time."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from api.models import ApiToken
from tests.claims.helpers import D, claim

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES = 8


@pytest.mark.parametrize("role", ["alice", "carol"])
def test_every_operation_answers_within_its_schema_and_never_with_a_server_error(request, live_server, role):
    user = request.getfixturevalue(role)
    _, raw = ApiToken.objects.create(user=user, expiry=None, name="schemathesis", read_only=False)
    auth = {"Authorization": f"Token {raw}"}
    # Something to read, review and page through.
    for n in range(3):
        claim(value=1_000 + n, date=D(2024, 11, 18 + n), claimant_side="UA", subject_side="RU")
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/schema/?format=json", headers=auth)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    failures: list[str] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def conforms(case) -> None:
            case.call_and_validate(headers=auth, checks=[not_a_server_error, response_schema_conformance])

        try:
            conforms()
        except Exception as exc:  # noqa: BLE001 - every operation's failure is collected, then reported
            failures.append(f"{operation.method.upper()} {operation.path}: {exc}")
    assert not failures, "\n\n".join(failures)
