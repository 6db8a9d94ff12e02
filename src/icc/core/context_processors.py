"""Template context shared by every page."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info

from icc.notifications.selectors import notification_unread_count


def platform(request: HttpRequest) -> dict[str, Any]:
    """The site's name, and this very page in every interface language for the switcher.

    ``translate_url`` must run while the page's own language is active (it resolves the
    prefixed path), which is the case here and not in Django's ``set_language`` view.
    """
    query = request.META.get("QUERY_STRING", "")
    alternates = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        alternates.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{url}?{query}" if query else url,
            }
        )
    return {
        "site_name": settings.ICC_SITE_NAME,
        "language_alternates": alternates,
        # counted only when a page shows it (the header, for people who are logged in)
        "notifications_unread": lambda: notification_unread_count(user=request.user),
    }
