"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest


def platform(request: HttpRequest) -> dict[str, Any]:
    """The site's name, for the header and page titles."""
    return {"site_name": settings.ICC_SITE_NAME}
