"""Test profile: fast password hashing, in-memory e-mail, a database from ``DATABASE_URL``."""

import os
from pathlib import Path

from icc.settings.base import *  # noqa: F403
from icc.settings.base import DATABASES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_AUTOREFRESH = True  # static files come from the apps; no collectstatic in tests

# The live server of browser tests answers requests in threads; an in-memory SQLite database
# would be one connection shared by all of them. A file gives each thread its own connection.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    import tempfile

    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"icc-test-{os.getpid()}.sqlite3")
    }
ICC_REPORTS_FOLLOW_RESULTS = False  # tests that want the reports made turn it on
