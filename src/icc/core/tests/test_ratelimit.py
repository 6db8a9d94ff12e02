import datetime as dt

import pytest
from django.utils import timezone

from icc.core.ratelimit import rate_limit_allow


@pytest.mark.django_db
def test_the_hits_after_the_limit_are_refused_until_the_next_window(monkeypatch):
    start = dt.datetime(2026, 3, 1, 10, 0, 5, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: start)
    allowed = [
        rate_limit_allow(scope="reset", key="1.2.3.4", limit=3, window_s=60) for _ in range(5)
    ]
    assert allowed == [True, True, True, False, False]
    # another person is counted apart
    assert rate_limit_allow(scope="reset", key="5.6.7.8", limit=3, window_s=60)
    # so is another action
    assert rate_limit_allow(scope="test-start", key="1.2.3.4", limit=3, window_s=60)
    monkeypatch.setattr(timezone, "now", lambda: start + dt.timedelta(seconds=60))
    assert rate_limit_allow(scope="reset", key="1.2.3.4", limit=3, window_s=60)


@pytest.mark.django_db
def test_a_limit_below_one_is_a_programming_error():
    with pytest.raises(ValueError, match="at least 1"):
        rate_limit_allow(scope="x", key="y", limit=0, window_s=60)
