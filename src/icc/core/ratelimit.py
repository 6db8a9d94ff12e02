"""Fixed-window rate limits shared by every process (password resets, public forms, tests).

Counts live in the database, so two gunicorn workers see the same count. A window is
``window_s`` seconds long and starts at a multiple of ``window_s``; the first ``limit`` hits in a
window are allowed, the next ones are refused until the next window starts.
"""

import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from icc.core.models import RateLimitCount

logger = logging.getLogger("icc.ratelimit")


def _window_start(now: dt.datetime, window_s: int) -> dt.datetime:
    seconds = int(now.timestamp()) // window_s * window_s
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC)


def rate_limit_allow(*, scope: str, key: str, limit: int, window_s: int) -> bool:
    """Count one hit of ``key`` in ``scope``; ``False`` once ``limit`` hits fell in this window.

    ``scope`` names the action ("password-reset-address"), ``key`` who does it (an address, an
    e-mail, a session). A refused hit is logged with both.
    """
    if limit < 1 or window_s < 1:
        raise ValueError("A rate limit needs a limit and a window of at least 1.")
    start = _window_start(timezone.now(), window_s)
    key = key[:200]
    with transaction.atomic():
        updated = RateLimitCount.objects.filter(scope=scope, key=key, window_start=start).update(
            count=F("count") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    RateLimitCount.objects.create(scope=scope, key=key, window_start=start, count=1)
            except IntegrityError:  # another process created it first
                RateLimitCount.objects.filter(scope=scope, key=key, window_start=start).update(
                    count=F("count") + 1
                )
        count = (
            RateLimitCount.objects.filter(scope=scope, key=key, window_start=start)
            .values_list("count", flat=True)
            .first()
        )
        RateLimitCount.objects.filter(window_start__lt=start - dt.timedelta(days=1)).delete()
    allowed = (count or 0) <= limit
    if not allowed:
        logger.warning(
            "Rate limit reached: scope=%s key=%s limit=%s/%ss", scope, key, limit, window_s
        )
    return allowed
