"""The address a request comes from, for login lockouts and rate limits.

Behind ``ICC_PROXY_COUNT`` reverse proxies, each appending the address it received the request
from to ``X-Forwarded-For``, the client is the entry that many places from the right: what comes
before it was written by the client and cannot be trusted. With no proxy (the default) the
header is ignored, so a client cannot choose its own address by sending one.
"""

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's address: from ``X-Forwarded-For`` when proxies are configured, else the
    connection's (``REMOTE_ADDR``)."""
    count = settings.ICC_PROXY_COUNT
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return str(forwarded[-count])
    return str(request.META.get("REMOTE_ADDR", ""))
