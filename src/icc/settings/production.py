"""Production profile: ``DJANGO_SETTINGS_MODULE=icc.settings.production``.

Passes ``icc check --deploy`` without warnings. Requires ``ICC_SECRET_KEY`` (50+ random characters)
and ``ICC_ALLOWED_HOSTS``; serve behind an HTTPS proxy that sets ``X-Forwarded-Proto``.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from icc.settings.base import *  # noqa: F403
from icc.settings.base import STORAGES, env_bool

DEBUG = False
SECRET_KEY = os.environ.get("ICC_SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("insecure"):
    raise ImproperlyConfigured(
        "Set ICC_SECRET_KEY to a random string of at least 50 characters, for example with "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
    )
STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("ICC_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("ICC_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
# The profile is served behind the HTTPS proxy above: its X-Forwarded-For entry is the client.
ICC_PROXY_COUNT = int(os.environ.get("ICC_PROXY_COUNT", "1"))
