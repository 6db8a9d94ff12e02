"""Settings shared by every profile, read from the environment.

``DATABASE_URL`` (default: SQLite in ``var/icc.sqlite3``), ``ICC_SECRET_KEY``, ``ICC_DEBUG``,
``ICC_ALLOWED_HOSTS`` (comma-separated), ``ICC_EMAIL_URL``-style settings for SMTP below.
"""

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import django_stubs_ext
from django.utils.translation import gettext_lazy as _
from whitenoise.compress import Compressor

django_stubs_ext.monkeypatch()  # lets admin and form classes be subscripted for mypy

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(os.environ.get("ICC_BASE_DIR", Path.cwd()))
VAR_DIR = Path(os.environ.get("ICC_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no environment variable ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def map_tiles_origins(url_template: str) -> list[str]:
    """The CSP source of a tile URL template: ``https://{s}.tile.example.org/{z}/{x}/{y}.png``
    gives ``https://*.tile.example.org``; an empty template gives none."""
    if not url_template:
        return []
    parts = urlsplit(url_template)
    return [f"{parts.scheme}://{re.sub(r'[{][^}]*[}]', '*', parts.netloc)}"]


DEBUG = env_bool("ICC_DEBUG", True)
SECRET_KEY = os.environ.get(
    "ICC_SECRET_KEY", "insecure-development-key-set-ICC_SECRET_KEY-in-production"
)
ALLOWED_HOSTS = env_list("ICC_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("ICC_CSRF_TRUSTED_ORIGINS", "")
CSRF_FAILURE_VIEW = "icc.core.errors.csrf_failure"

INSTALLED_APPS = [
    "modeltranslation",  # must come before django.contrib.admin
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "django_filters",
    "icc.core",
    "icc.accounts",
    "icc.notifications",
    "icc.network",
    "icc.index",
    "icc.reports",
    "icc.events",
    "icc.citizenship",
    "icc.surveys",
    "icc.search",
    "icc.knowledge",
    "icc.antirumours",
    "icc.barometer",
    "icc.programme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "icc.caching.response_cache.KeptAnswerMiddleware",  # kept public answers, served at once
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers a locked-out login with the lockout page
]

ROOT_URLCONF = "icc.urls"
WSGI_APPLICATION = "icc.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "icc.core.context_processors.platform",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'icc.sqlite3'}"),
        # Connections are kept between requests (a new one per request costs more than many
        # an answer), and checked before reuse.
        conn_max_age=int(os.environ.get("ICC_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Autosaves arrive in parallel: take the write lock at BEGIN and wait for it rather than
    # failing with "database is locked"; WAL lets readers go on while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses locked-out logins before the password check
    "django.contrib.auth.backends.ModelBackend",
]

# Login throttling (django-axes): ICC_LOGIN_FAILURE_LIMIT failed logins for one username from
# one address lock that pair out, the right password included, until ICC_LOGIN_COOLOFF_MINUTES
# have passed since the last attempt; other usernames and addresses are unaffected.
AXES_FAILURE_LIMIT = int(os.environ.get("ICC_LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = dt.timedelta(minutes=int(os.environ.get("ICC_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failures are kept (and logged); successful logins are not
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_CALLABLE = "icc.core.account_views.login_locked_out"
AXES_CLIENT_IP_CALLABLE = "icc.core.client_address.client_address"
# How many reverse proxies in front of the platform append the client's address to
# X-Forwarded-For. 0 (default): the header is ignored and the address is the connection's.
ICC_PROXY_COUNT = int(os.environ.get("ICC_PROXY_COUNT", "0"))
# Password-reset requests allowed per window from one address and for one e-mail address;
# beyond them the page answers as usual but sends nothing.
ICC_PASSWORD_RESET_PER_ADDRESS = int(os.environ.get("ICC_PASSWORD_RESET_PER_ADDRESS", "5"))
ICC_PASSWORD_RESET_PER_ACCOUNT = int(os.environ.get("ICC_PASSWORD_RESET_PER_ACCOUNT", "3"))
ICC_PASSWORD_RESET_WINDOW_S = 60 * int(os.environ.get("ICC_PASSWORD_RESET_WINDOW_MINUTES", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the UI is complete in the two working languages; content fields carry more.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
MODELTRANSLATION_LANGUAGES = ("en", "fr", "es", "it", "pt", "uk", "de")
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The admin's language tabs need jQuery UI, which django-modeltranslation loads from Google's CDN
# unless told otherwise: the vendored copy keeps pages within the Content-Security-Policy.
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
# English dates in the European order and on a 24-hour clock (see icc/formats/en/formats.py).
FORMAT_MODULE_PATH = ["icc.formats"]
TIME_ZONE = "Europe/Paris"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "media/"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Pages only ever link the hashed names; keeping (and compressing) the originals too doubled the
# time and disk of collectstatic. Source maps (5 MB, from django-ninja's API docs) are fetched by
# developer tools only: compressing them at Brotli's highest level took a third of what was left.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = (*Compressor.SKIP_COMPRESS_EXTENSIONS, "map")

# E-mail: console by default; SMTP when ICC_EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("ICC_DEFAULT_FROM_EMAIL", "icc-platform@localhost")
if os.environ.get("ICC_EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["ICC_EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("ICC_EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("ICC_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("ICC_EMAIL_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("ICC_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Background tasks (bulk PDF reports, imports, barometer runs): stored in the database and run by
# `icc db_worker`. ICC_TASKS_IMMEDIATE=1 runs them inline (small deployments, tests).
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_bool("ICC_TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# The index: peer-band edges of an edition whose questionnaire sets none (its method spec then
# records these). Inhabitants and foreign-born residents (%); n edges make n + 1 bands.
ICC_PEER_BAND_EDGES = {"population_edges": [200_000], "foreign_born_edges": [15]}
# A running background job that gave no sign of life for this long is shown as stopped (its
# worker died) and may be run again; every job beats at least once per step.
ICC_JOB_LEASE_S = int(os.environ.get("ICC_JOB_LEASE_S", "60"))
# After each computation of an edition's results, the city reports (PDF) of every published
# place are made again in the background, so that a report download only reads a stored file.
ICC_REPORTS_FOLLOW_RESULTS = env_bool("ICC_REPORTS_FOLLOW_RESULTS", True)
# A bulk run makes this many reports per background task, then queues the rest, so that a
# computation of results (a task of higher priority) never waits for a whole run.
ICC_REPORTS_PER_TASK = 4
# How many of those reports are typeset at once (Typst runs outside Python's lock): every core.
ICC_REPORTS_THREADS = int(os.environ.get("ICC_REPORTS_THREADS", "0")) or (os.cpu_count() or 1)

# The network directory: population bands for filters (inhabitants, lower edges).
ICC_POPULATION_BAND_EDGES = [50_000, 100_000, 200_000, 500_000, 1_000_000]
# Optional map tiles (e.g. "https://tile.openstreetmap.org/{z}/{x}/{y}.png"). Empty: the map
# draws members on a vendored world outline and works offline.
ICC_MAP_TILES_URL = os.environ.get("ICC_MAP_TILES_URL", "")
ICC_SITE_NAME = os.environ.get("ICC_SITE_NAME", "Intercultural Cities")
# The citizenship test: rate limits against automated spam, (hits, window in seconds) per client
# address. A class behind one school router shares an address, hence generous limits.
ICC_CITIZENSHIP_LIMITS = {
    "start": (60, 3600),  # tests started or submitted (web and API)
    "join": (120, 600),  # group joins
    "group": (10, 3600),  # group sessions created
}
# Surveys (XLSForm, public phone links): results hide groups and cells with fewer respondents
# than this (a citizenship group session's counts of a question too, until this many answered
# it); public submissions allowed per client address and window (hits, seconds).
ICC_SURVEYS_MIN_CELL = int(os.environ.get("ICC_SURVEYS_MIN_CELL", "5"))
ICC_SURVEYS_SUBMIT_LIMIT = (60, 3600)
# The public address of the platform, for links in e-mails (registrations, password resets).
ICC_SITE_URL = os.environ.get("ICC_SITE_URL", "http://127.0.0.1:8000")

# Imports of files (CSV/XLSX, XLSForm workbooks, programmes), uploaded or on the command line:
# refused with a message naming the limit before they are read (see src/icc/core/tabular/).
ICC_IMPORT_MAX_BYTES = int(os.environ.get("ICC_IMPORT_MAX_BYTES", "20000000"))
ICC_IMPORT_MAX_ROWS = int(os.environ.get("ICC_IMPORT_MAX_ROWS", "50000"))
# An XLSX is a zip: what its members declare once unpacked, and how much they may be compressed.
ICC_IMPORT_MAX_UNPACKED_BYTES = int(os.environ.get("ICC_IMPORT_MAX_UNPACKED_BYTES", "100000000"))
ICC_IMPORT_MAX_ZIP_RATIO = int(os.environ.get("ICC_IMPORT_MAX_ZIP_RATIO", "100"))
# Uploaded files above this size are spooled to a temporary file, not held in memory; the other
# fields of a request may not exceed the second (Django's defaults, stated on purpose).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Content-Security-Policy, the same in every profile. Every script, style sheet, font and data file
# is vendored and served by us, so nothing but 'self' is allowed: no inline script or event handler
# (behaviour comes from data attributes read by core/site.js), no eval (Vega evaluates expressions
# with the vendored vega-interpreter; htmx runs with allowEval off), and style-src 'self' too:
# templates carry no style attribute and no <style> element (vega-embed's and vega-tooltip's
# styles are loaded from vendor/vega/vega-embed.css instead of injected; htmx's indicator styles
# are off and it does not copy style attributes when it settles a swap: see htmx-config in
# base.html). Styles set from JavaScript through element.style (Leaflet, Vega) are not governed
# by CSP. img-src adds data: for the report's inline SVG charts and Swagger UI's icons,
# and the map tiles' origin when ICC_MAP_TILES_URL is set. See src/icc/core/static/vendor/README.md.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *map_tiles_origins(ICC_MAP_TILES_URL)],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy: the platform uses no device, sensor or payment feature; turn them all off.
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ICC_LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools narrate every PDF step at INFO; their warnings still show.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}

# Social trust barometer: the key of the authors' pseudonyms (HMAC; the secret key when unset),
# how many days a post's text is kept after processing (0: dropped at once), and the fewest posts
# a cell (place or neighbourhood x week or month) needs to be shown.
ICC_BAROMETER_KEY = os.environ.get("ICC_BAROMETER_KEY", "")
ICC_BAROMETER_RETENTION_DAYS = int(os.environ.get("ICC_BAROMETER_RETENTION_DAYS", "0"))
ICC_BAROMETER_MIN_POSTS = int(os.environ.get("ICC_BAROMETER_MIN_POSTS", "20"))
