"""Test profile: fast password hashing, in-memory e-mail, a database from ``DATABASE_URL``."""

from icc.settings.base import *  # noqa: F403
from icc.settings.base import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True  # static files come from the apps; no collectstatic in tests
