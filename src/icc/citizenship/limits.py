"""Rate limits of the test against automated spam, per client address (settings:
``ICC_CITIZENSHIP_LIMITS``). Counted only on writes (POSTs), in the shared database counter."""

from django.conf import settings
from django.http import HttpRequest

from icc.core.client_address import client_address
from icc.core.ratelimit import rate_limit_allow


def client_allowed(*, request: HttpRequest, action: str) -> bool:
    """Count one ``action`` ("start", "join", "group") by this client; ``False`` when over."""
    limit, window_s = settings.ICC_CITIZENSHIP_LIMITS[action]
    return rate_limit_allow(
        scope=f"citizenship-{action}",
        key=client_address(request) or "unknown",
        limit=limit,
        window_s=window_s,
    )
