"""Fixtures of the platform-wide tests: the data of every module, as the demo has it."""

from typing import Any

import pytest

from icc.events.tests.conftest import bilbao  # noqa: F401  (fixture shared with this folder)
from icc.network.models import Network
from icc.network.services import network_member_add
from icc.reports.tests.conftest import editions  # noqa: F401  (fixture shared with this folder)


@pytest.fixture
def api_data(
    directory: dict[str, Any],
    editions: Any,  # noqa: F811
    bilbao: Any,  # noqa: F811
    users: Any,
) -> dict[str, Any]:
    """Places, two networks, two scored editions, the demo events and one user per role."""
    italian = Network.objects.create(
        slug="citta-del-dialogo", name="Città del dialogo", kind="national", country_id="IT"
    )
    network_member_add(network=italian, place=directory["reggio"])
    return {"editions": editions, "event": bilbao, "users": users}
