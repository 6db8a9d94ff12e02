"""Fixtures of the platform-wide tests: the data of every module, as the demo has it."""

from typing import Any

import pytest

from icc.events.tests.conftest import bilbao  # noqa: F401  (fixture shared with this folder)
from icc.reports.tests.conftest import editions  # noqa: F401  (fixture shared with this folder)


@pytest.fixture
def api_data(editions: Any, bilbao: Any, users: Any) -> dict[str, Any]:  # noqa: F811
    """Places, networks, two scored editions, the demo events and one user per role."""
    return {"editions": editions, "event": bilbao, "users": users}
