"""Claimtrack settings. Every deployment-specific value comes from the environment (see README)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import csp.constants
import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", False)

# Without DEBUG the key must come from the environment. The web application refuses to start
# without one (config/wsgi.py); commands that sign nothing, such as extract_claims or migrate, run.
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "axes",
    "csp",
    "django_htmx",
    "django_filters",
    "template_partials",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "claims",
    "ingest",
    "review",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the web process, compressed and cached for good (hashed names).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before any view reads a parameter: a NUL byte gets the product's 400 page, not a database error.
    "config.middleware.RefuseNulBytes",
    # Every page needs a login unless its view says @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
            ],
        },
    },
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {exc}") from None
else:
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "claimtrack.sqlite3",
            # The embedded default runs extraction in the web process; WAL and a wait keep
            # concurrent requests from failing on "database is locked".
            "OPTIONS": {"timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
# Covering indexes (INCLUDE) are PostgreSQL's; SQLite builds the same index on its key columns alone.
SILENCED_SYSTEM_CHECKS = [] if IS_POSTGRES else ["models.W040"]
if IS_POSTGRES:
    # Aggregates over many claims are costed high enough to trigger JIT compilation, which spent
    # 49 ms compiling a text-search table query at a million claims: off for this application.
    # The one server-side cursor (the CSV export) is always read to its end: planned for that
    # (hash joins and one sort, as COPY plans it) rather than for its first rows.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"-c jit=off -c cursor_tuple_fraction=1 {_options.get('options', '')}".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# django-axes first: a locked-out login is refused before the password is even checked.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# Login throttling: after AXES_FAILURE_LIMIT wrong passwords for one username from one address, that
# pair is locked out for AXES_COOLOFF_MINUTES (README: "Accounts"; `manage.py axes_reset` lifts it).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "config.middleware.client_ip"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Without DEBUG, pages link to the hashed, compressed copies `collectstatic` writes to STATIC_ROOT
# and WhiteNoise serves them with a far-future expiry; with DEBUG, the files under static/ as they are.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "media/"

# Uploads: limits a deployment may raise.
UPLOAD_MAX_FILE_BYTES = env_int("UPLOAD_MAX_FILE_BYTES", 10 * 1024 * 1024, minimum=1)
UPLOAD_MAX_FILES = env_int("UPLOAD_MAX_FILES", 200, minimum=1)
# The upload form answers a batch or a paste over the limits above with its own message and
# the form kept; these hard caps, well beyond them, only stop a request from exhausting the
# server (they get the 400 page, naming the limit).
DATA_UPLOAD_MAX_NUMBER_FILES = UPLOAD_MAX_FILES * 5
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = UPLOAD_MAX_FILE_BYTES * 3

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
if not DEBUG:
    # The defaults are the ones `manage.py check --deploy` asks for; SECURE_COOKIES=0 turns them
    # all off for a trial over plain HTTP.
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", SESSION_COOKIE_SECURE)
    # A container's health check asks over plain HTTP from inside; it must not be sent to HTTPS.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env_int(
        "SECURE_HSTS_SECONDS", 365 * 24 * 3600 if SECURE_SSL_REDIRECT else 0, minimum=0
    )
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", bool(SECURE_HSTS_SECONDS))
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", bool(SECURE_HSTS_SECONDS))
    if BEHIND_TLS_PROXY:
        # The proxy terminates TLS: trust its X-Forwarded-Proto, or is_secure() stays false and
        # every POST fails CSRF's origin check.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Only the product's own files: everything the pages use is vendored under static/, so no
# inline script, inline style or other origin is needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.constants.SELF],
        "script-src": [csp.constants.SELF],
        "style-src": [csp.constants.SELF],
        "img-src": [csp.constants.SELF, "data:"],
        "font-src": [csp.constants.SELF],
        "connect-src": [csp.constants.SELF],
        "object-src": [csp.constants.NONE],
        "base-uri": [csp.constants.SELF],
        "form-action": [csp.constants.SELF],
        "frame-ancestors": [csp.constants.NONE],
    }
}

# The API (api/): knox's hashed tokens (api.ApiToken adds a name, last use and read-only) or the session;
# the pages' roles; a rate per token; errors as RFC 9457 problem details; JSON only (the documentation page
# is Swagger UI on the OpenAPI schema).
KNOX_TOKEN_MODEL = "api.ApiToken"
# knox's migrations create its own token table whatever the setting; with the model swapped it is never used
# (and would hold a key to the users that stops a test database being flushed).
MIGRATION_MODULES = {"knox": None}
REST_KNOX = {"TOKEN_TTL": None, "AUTO_REFRESH": False, "TOKEN_PREFIX": "ct_"}
API_RATE = env_str("API_RATE") or "1200/minute"
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.auth.RolePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["api.auth.TokenRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": API_RATE},
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.problem_details",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claimtrack API",
    "DESCRIPTION": (
        "Claims of losses read from news articles, with the filters of the dashboard. Authenticate with "
        "`Authorization: Token <token>` (tokens: /api/tokens/) or the browser session."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["api.auth.RolePermission"],
    "SWAGGER_UI_DIST": "/static/vendor/swagger-ui",
    "SWAGGER_UI_FAVICON_HREF": "/static/img/favicon.svg",
    "COMPONENT_SPLIT_REQUEST": True,
    # One name for the side enum, whichever field uses it.
    "ENUM_NAME_OVERRIDES": {"Side": "claims.models.Side"},
}

# Mail, for password resets: EMAIL_URL such as smtp://user:password@host:587/?tls=True. Without it
# nothing is sent and the login page offers no reset link (README: "Accounts").
EMAIL_URL = env_str("EMAIL_URL")
MAIL_CONFIGURED = bool(EMAIL_URL)
if MAIL_CONFIGURED:
    try:
        _email = dj_email_url.parse(EMAIL_URL)
    except (ValueError, KeyError) as exc:
        raise ImproperlyConfigured(f"EMAIL_URL cannot be read: {exc}") from None
    if "EMAIL_BACKEND" not in _email:
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, submission:// or smtps://; got {EMAIL_URL!r}"
        )
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST, EMAIL_PORT = _email["EMAIL_HOST"], _email["EMAIL_PORT"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_USER"], _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
    EMAIL_FILE_PATH = _email.get("EMAIL_FILE_PATH") or None
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "claimtrack@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The dashboard's rendered results, keyed by the data version (claims.DataVersion): shared through
# Redis where there is one, else each process keeps its own. An entry lives ten minutes at most, so
# even a database restored from a backup (its version counted from an earlier point) corrects itself.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "claimtrack",
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 500},
        }
    }

# Celery. Without REDIS_URL (the embedded default) tasks run in-process, eagerly, at the
# moment they are enqueued: extraction happens right after the article's transaction commits.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A worker killed mid-task must leave its task to be delivered again.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("EXTRACT_TIME_LIMIT", 300, minimum=2)
# The soft limit raises inside the task, which records the article as failed with the reason;
# the hard limit, a little later, kills a task that did not stop.
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - max(1, min(30, CELERY_TASK_TIME_LIMIT // 5))
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Articles queued or processing longer than this are enqueued again by the sweep. A run still
# inside its time limit must never be enqueued a second time, so the window is longer than it.
EXTRACT_STALE_AFTER = timedelta(
    seconds=env_int("EXTRACT_STALE_AFTER_SECONDS", 2 * CELERY_TASK_TIME_LIMIT, minimum=10)
)
if EXTRACT_STALE_AFTER.total_seconds() <= CELERY_TASK_TIME_LIMIT:
    raise ImproperlyConfigured(
        f"EXTRACT_STALE_AFTER_SECONDS ({EXTRACT_STALE_AFTER.total_seconds():.0f}) must be longer than "
        f"EXTRACT_TIME_LIMIT ({CELERY_TASK_TIME_LIMIT}): the sweep would enqueue an article again while "
        "its first run may still be working on it"
    )
# An article whose extraction was claimed this many times without an outcome (each run killed by
# the time limit or with its worker) is recorded as failed instead of being tried for ever.
EXTRACT_MAX_ATTEMPTS = env_int("EXTRACT_MAX_ATTEMPTS", 3, minimum=1)
# Redis hands an unacknowledged message to another worker after the visibility timeout: longer
# than a task may run (plus the longest retry back-off), and no longer, so a killed worker's task
# comes back within minutes. Publishing must fail fast when Redis is down: the article then
# stays queued for the sweep instead of holding the upload.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT + 120,
    "max_retries": 1,
    "socket_connect_timeout": 2,
}
CELERY_BEAT_SCHEDULE = {
    "sweep-stale-articles": {"task": "ingest.tasks.sweep_stale_articles", "schedule": 60.0},
}

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "claimtrack-demo"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
