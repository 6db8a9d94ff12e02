"""Property-based run of the whole JSON API from its OpenAPI document (schemathesis).

Every operation of ``/api/v1/openapi.json`` gets generated requests, valid ones and invalid ones,
over real HTTP against a live server holding the data of every module. Each answer must be no
server error, have a documented status and content type, and match its documented schema. The
run is derandomized (the same requests on every machine) and bounded in size.
"""

from typing import Any

import pytest
import requests
import schemathesis
from django.conf import settings as django_settings
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
OPERATIONS = 24  # + search, four knowledge lists, review queue, shared anti-rumours list
# Per operation and run: 15 runs of valid requests, 11 of invalid ones (operations with a query),
# 8 of valid ones naming existing things (operations with a path parameter), 40 each at most
# (fewer where the parameters allow fewer distinct requests): 1,130 requests.
EXAMPLES = 40
MIN_REQUESTS = 1_000
POSITIVE, NEGATIVE = GenerationMode.POSITIVE, GenerationMode.NEGATIVE


def _session_cookie(user: Any) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


def _run(
    operation: Any,
    mode: GenerationMode,
    session: requests.Session,
    base_url: str,
    path: dict[str, str] | None = None,
) -> list[int]:
    """Send ``EXAMPLES`` generated requests of ``mode`` to ``operation`` (with the ``path``
    parameters fixed when given); return the statuses it answered."""
    statuses: list[int] = []

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.explicit, Phase.generate, Phase.shrink],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
    @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path))
    def call(case: Any) -> None:
        response = case.call_and_validate(base_url=base_url, session=session, checks=CHECKS)
        statuses.append(response.status_code)

    try:
        call()
    except Exception as error:
        error.add_note(f"{mode.value} {operation.label} {path or ''}")
        raise
    return statuses


def _known_path(operation: Any, api_data: dict[str, Any]) -> dict[str, str]:
    """Path parameters of ``operation`` that name something in the data."""
    path = operation.path.removeprefix("/api/v1")
    if path.startswith("/events/"):
        return {"slug": api_data["event"].slug}
    if path.startswith("/networks/"):
        return {"slug": "reci"}
    if path.startswith("/index/editions/"):
        return {"edition": "2023"}
    return {"slug": "bilbao"}


@pytest.mark.django_db(transaction=True)
def test_every_operation_answers_as_documented(live_server: Any, api_data: Any) -> None:
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    anonymous = requests.Session()
    coordinator = requests.Session()
    cookie = _session_cookie(api_data["users"]["city_coordinator"])
    coordinator.headers["Cookie"] = f"{django_settings.SESSION_COOKIE_NAME}={cookie}"
    secretariat = requests.Session()
    cookie = _session_cookie(api_data["users"]["secretariat"])
    secretariat.headers["Cookie"] = f"{django_settings.SESSION_COOKIE_NAME}={cookie}"
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == OPERATIONS
    answered: dict[str, list[int]] = {}
    for operation in operations:
        # The private notes answer a logged-in session, the review queue the secretariat's;
        # every other operation is public.
        session = coordinator if operation.path.endswith("/private") else anonymous
        if operation.path.endswith("/responses") and "/index/" in operation.path:
            session = secretariat
        runs: list[tuple[GenerationMode, dict[str, str] | None]] = [(POSITIVE, None)]
        if len(operation.query):  # a text path parameter takes any text: nothing to negate
            runs.append((NEGATIVE, None))
        if len(operation.path_parameters):
            runs.append((POSITIVE, _known_path(operation, api_data)))
        for mode, path in runs:
            statuses = _run(operation, mode, session, live_server.url, path)
            answered.setdefault(operation.label, []).extend(statuses)
    assert sum(len(statuses) for statuses in answered.values()) >= MIN_REQUESTS
    # The data was reached: every operation answered 200 to some of its valid requests.
    # (A citizenship response is scored only with one real option for each of the 18 questions,
    # which generated bodies never hold; citizenship/tests/test_api.py submits real ones.)
    unreached = {label for label, statuses in answered.items() if 200 not in statuses}
    assert unreached - {"POST /api/v1/citizenship/responses"} == set()
