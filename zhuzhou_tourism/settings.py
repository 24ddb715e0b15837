"""Settings for the Zhuzhou industrial-tourism portal, read from the environment.

Every variable is listed with its default in README.md ("Configuration").
"""

import sys
from ipaddress import ip_network
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from zhuzhou_tourism.env import env_bool, env_int, env_list, env_site_url, env_str, s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)
# Commands that only write files in the repository (migrations, translations) never serve or sign anything.
OFFLINE_COMMAND = sys.argv[1:2] in (["makemigrations"], ["makemessages"], ["compilemessages"])

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not (DEBUG or OFFLINE_COMMAND):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set a long random SECRET_KEY in production, or DEBUG=1 for development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"
elif not DEBUG and (len(SECRET_KEY) < 40 or SECRET_KEY.startswith("django-insecure")):
    raise ImproperlyConfigured("SECRET_KEY is too weak for production: use at least 40 random characters.")

# The public address of the portal: every absolute link (canonical, og:url, hreflang, JSON-LD, sitemap, feeds,
# calendar files, mails) starts with it, never with the host a request came in on. BOOKING_BASE_URL is its old name.
SITE_URL = env_site_url("SITE_URL", env_str("BOOKING_BASE_URL"))
if not SITE_URL:
    if not (DEBUG or OFFLINE_COMMAND):
        raise ImproperlyConfigured(
            "SITE_URL is not set. Set the public address of the portal, e.g. SITE_URL=https://gy.zhuzhou.example, "
            "or DEBUG=1 for development."
        )
    SITE_URL = "http://127.0.0.1:8000"

# Only to try production settings on this machine (core.E001 refuses a SITE_URL on localhost otherwise).
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "core",
    "sites",
    "events",
    "itineraries",
    "stats",
    "bookings",
    "accreditation",
    "invest",
    "gifts",
    "office",
    "demo",
    "api",
    "core.third_party.AxesConfig",
    "simple_history",
    "import_export",
    "core.third_party.TasksConfig",
]

MIDDLEWARE = [
    # A request id and one log line per request; then the health probes, answered before anything else runs.
    "core.requestlog.RequestLogMiddleware",
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before CommonMiddleware: a cross-origin preflight gets its answer, not a redirect.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "zhuzhou_tourism.urls"
WSGI_APPLICATION = "zhuzhou_tourism.wsgi.application"

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
                "core.links.site_url",
            ],
        },
    },
]
# Django's form renderer, with selects written out in Python (same markup; core/formrender.py).
FORM_RENDERER = "core.formrender.FormRenderer"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Parallel bookings on the embedded default: every transaction takes the write lock when it begins (a
    # deferred one that reads, then writes, fails at once with "database is locked" when another holds it), waits
    # up to 20 s for it instead of failing, and readers never wait for the writer (WAL).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's default cost of a random page read (4) is for spinning disks: with it the planner read all
    # 10,000 sites to join the 484 study tours to theirs (35 ms) instead of looking up each one (1.8 ms).
    # No JIT: it compiles any query whose estimate passes a cost of 100,000, and for a page's queries compiling
    # takes longer (6 ms seen on the past events' count) than the query it speeds up.
    DATABASES["default"]["OPTIONS"] = {
        "options": "-c random_page_cost=1.1 -c jit=off",
        **DATABASES["default"].get("OPTIONS", {}),
    }
# Read replicas (core.replicas): public pages of visitors without a session read from one of them; writes, reads in
# a transaction, the back office, the apps below and a client for a few seconds after it wrote use the primary.
for _number, _url in enumerate(env_list("DATABASE_REPLICA_URLS"), 1):
    DATABASES[f"replica{_number}"] = dj_database_url.parse(
        _url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
    ) | {"TEST": {"MIRROR": "default"}, "OPTIONS": DATABASES["default"].get("OPTIONS", {})}
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["core.replicas.ReplicaRouter"]
    MIDDLEWARE.insert(1, "core.replicas.ReplicaMiddleware")  # before anything that reads the database
DATABASE_PRIMARY_ONLY_APPS = {"bookings", "auth", "sessions", "admin", "axes", "office"}
DATABASE_REPLICA_PIN_SECONDS = env_int("DATABASE_REPLICA_PIN_SECONDS", 10)
# How far behind a replica may be: for this long after a content change, pages read from a replica are not cached.
DATABASE_REPLICA_MAX_LAG_SECONDS = env_int("DATABASE_REPLICA_MAX_LAG_SECONDS", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff accounts: lockout after repeated failures (django-axes), sessions that expire, the admin at a
# configurable path, password reset by email.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
ADMIN_URL = env_str("ADMIN_URL", "admin/").strip("/") + "/"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_RESET_TIMEOUT = 3 * 3600
# Password reset requests allowed per client address and, separately, per email: (requests, per seconds).
PASSWORD_RESET_RATE_LIMIT = (
    env_int("PASSWORD_RESET_RATE_LIMIT_REQUESTS", 5),
    env_int("PASSWORD_RESET_RATE_LIMIT_SECONDS", 3600),
)
# After signing in without a safe `next`, staff land on the back office's home, not on /accounts/profile/.
LOGIN_REDIRECT_URL = "admin:index"

# History pages show old versions; nothing is saved back from them (core.admin.ScopedHistoryAdmin).
SIMPLE_HISTORY_REVERT_DISABLED = True

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Django serves MEDIA_URL itself unless a front server (nginx) does it; see README.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# Uploads on the local disk, or on S3-compatible object storage (Aliyun OSS, Tencent COS, MinIO, Amazon S3) shared
# by every app server. "private" is for files only staff may fetch: never under MEDIA_ROOT, never public-read.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or BASE_DIR / "var" / "private")
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "private": {"BACKEND": "core.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"},
}
if MEDIA_STORAGE == "s3":
    STORAGES |= s3_storages()
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', got {MEDIA_STORAGE!r}")
WHITENOISE_MAX_AGE = 31536000

# Uploads: refuse decompression bombs early; Pillow raises above this many pixels. Both limits are checked before
# a photo is decoded.
MAX_UPLOAD_PIXELS = env_int("MAX_UPLOAD_PIXELS", 40_000_000)
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Files in one post: a photo inline takes 12 (core.admin.PhotoInline); a flood is refused before it is read.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
# Evidence uploaded with accreditation applications (permits, safety records): private, never under MEDIA_ROOT,
# served only to those who may see the application.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)
# Import files between the dry run and the confirm step (office.imports): private, never under MEDIA_ROOT.
IMPORT_TMP_DIR = Path(env_str("IMPORT_TMP_DIR") or BASE_DIR / "var" / "imports")
# What one import request can check before the worker timeout (a row takes 20-40 ms, most of it the constraint
# checks of full_clean): refused before any row is read.
MAX_IMPORT_BYTES = env_int("MAX_IMPORT_BYTES", 2 * 1024 * 1024)
MAX_IMPORT_UNPACKED_BYTES = env_int("MAX_IMPORT_UNPACKED_BYTES", 20 * 1024 * 1024)
MAX_IMPORT_ROWS = env_int("MAX_IMPORT_ROWS", 300)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Map: tiles must line up with WGS-84 coordinates unless MAP_TILE_CRS is "gcj02" (AMap, Tencent),
# in which case markers are shifted for display only. See DOMAIN.md.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "&copy; OpenStreetMap contributors")
MAP_TILE_CRS = env_str("MAP_TILE_CRS", "wgs84")
if MAP_TILE_CRS not in {"wgs84", "gcj02"}:
    raise ImproperlyConfigured("MAP_TILE_CRS must be 'wgs84' or 'gcj02'")


def _tile_source(url):
    """The CSP source for the tile template: its scheme and host, with Leaflet's {s} subdomain as a wildcard."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


# Content Security Policy (Django's middleware): scripts and styles only from our own files, no inline code, so
# text that slips into HTML cannot run. Images also from the tile server, and data: URLs that Leaflet uses.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *filter(None, [_tile_source(MAP_TILE_URL)])],
    "connect-src": [CSP.SELF],
    "font-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Shared state: with REDIS_URL, the cache, sessions, rate limits and sign-in lockouts live in Redis, shared by every
# worker and app server; without it, the cache is each worker's memory and the rest stays in the database.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
    # Read from Redis, written through to the database: a Redis restart signs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}
# Booking and password-reset limits counted with Redis's atomic INCR, else in the database (core.ratelimit says why).
RATE_LIMITS_IN_CACHE = bool(REDIS_URL)

# Background work (Django's tasks framework): a table in the portal's own database (django-tasks-db), so a task
# is committed with the booking or photo it is about, survives restarts and needs no other service. Workers:
# `manage.py db_worker --queue-name mail`, `--queue-name photos` and `--queue-name maps` (README, "Background work").
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["mail", "photos", "maps"],
    }
}
# Seconds between a failed attempt and the next (mail, renditions): five retries over about eight hours, then a
# mail counts as failed for good and shows on the back office's dashboard.
TASK_RETRY_DELAYS = [60, 300, 1800, 7200, 21600]

# Whole public pages for visitors without a session (core/pagecache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 0)
# Data behind the pages (list counts, rendered card grids, home sections, the map's GeoJSON), kept until content
# changes: independent of the page cache, so pages stay fast for visitors it does not serve. 0 turns it off.
DATA_CACHE_SECONDS = env_int("DATA_CACHE_SECONDS", 3600)
# With the local-memory cache, workers on one machine see content changes through this file's mtime.
PAGE_CACHE_VERSION_FILE = Path(env_str("PAGE_CACHE_VERSION_FILE") or BASE_DIR / "var" / "content-version")

# Logs on standard error: one JSON object per line in production (python-json-logger), with the request id of the
# request that wrote it; plain text in development. `portal.requests` writes one line per request (core.requestlog).
LOG_FORMAT = env_str("LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("LOG_FORMAT must be 'json' or 'text'")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.requestlog.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": ["levelname", "name", "message", "request_id"],
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        "portal.requests": {
            "handlers": ["console"],
            "level": env_str("REQUEST_LOG_LEVEL", "INFO"),
            "propagate": False,
        },
    },
}

# Production hardening; `manage.py check --deploy` is clean with DEBUG off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Probes come over plain HTTP from the load balancer (core.health answers them before this redirect anyway).
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Study-tour bookings (bookings app) -------------------------------------------------------------------
# An unanswered request holds its places this many days, then `expire_booking_requests` (cron) frees them.
BOOKING_REQUEST_EXPIRY_DAYS = env_int("BOOKING_REQUEST_EXPIRY_DAYS", 3)
# Organisers' names, phones and emails are erased this many days after the visit (`erase_booking_contacts`).
BOOKING_CONTACT_RETENTION_DAYS = env_int("BOOKING_CONTACT_RETENTION_DAYS", 180)
# Organisers may cancel through their link until this many hours before the visit.
BOOKING_CANCEL_CUTOFF_HOURS = env_int("BOOKING_CANCEL_CUTOFF_HOURS", 48)
# Booking form posts allowed per client address: (posts, per seconds).
BOOKING_RATE_LIMIT = (env_int("BOOKING_RATE_LIMIT_POSTS", 10), env_int("BOOKING_RATE_LIMIT_SECONDS", 600))
# Behind a proxy, REMOTE_ADDR is the proxy's: requests from these addresses or networks (nginx, e.g. 127.0.0.1)
# count as coming from the last X-Forwarded-For address, the one the proxy appended; rate limits and the sign-in
# lockout use it (core.ratelimit.client_address). BOOKING_TRUST_X_FORWARDED_FOR, the older switch, trusts loopback.
BOOKING_TRUST_X_FORWARDED_FOR = env_bool("BOOKING_TRUST_X_FORWARDED_FOR", False)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address or network") from None
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"

# --- Investment projects (invest app) ----------------------------------------------------------------------
# Where the bureau's investment office is told of a new enquiry (none: the enquiries wait in the admin only).
INVEST_ENQUIRY_EMAIL = env_str("INVEST_ENQUIRY_EMAIL", "")
# Enquirers' names, phones, emails and messages are erased this many days after they came in.
INVEST_ENQUIRY_RETENTION_DAYS = env_int("INVEST_ENQUIRY_RETENTION_DAYS", 365)
# Enquiry posts allowed per client address: (posts, per seconds).
INVEST_ENQUIRY_RATE_LIMIT = (
    env_int("INVEST_ENQUIRY_RATE_LIMIT_POSTS", 5),
    env_int("INVEST_ENQUIRY_RATE_LIMIT_SECONDS", 3600),
)
# Project documents (PDF), outside MEDIA_ROOT: served only through the project's download view.
MAX_DOCUMENT_BYTES = env_int("MAX_DOCUMENT_BYTES", 10 * 1024 * 1024)

# Mail (Django's MAILERS): the console in development, SMTP configured from EMAIL_* variables otherwise.
_SMTP = "django.core.mail.backends.smtp.EmailBackend"
_MAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend" if DEBUG else _SMTP)
MAILERS = {
    "default": {
        "BACKEND": _MAIL_BACKEND,
        "OPTIONS": {
            "host": env_str("EMAIL_HOST", "localhost"),
            "port": env_int("EMAIL_PORT", 25),
            "username": env_str("EMAIL_HOST_USER"),
            "password": env_str("EMAIL_HOST_PASSWORD"),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
            "use_ssl": env_bool("EMAIL_USE_SSL", False),
            "timeout": env_int("EMAIL_TIMEOUT", 10),
        }
        if _MAIL_BACKEND == _SMTP
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "株洲工业旅游 <noreply@localhost>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Open data API (api app, /api/v1/) ------------------------------------------------------------------------
# Read-only and anonymous: no session or other authentication, so a signed-in editor sees what any partner sees.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.PerClientThrottle"],
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    "UNAUTHENTICATED_USER": None,
    "COERCE_DECIMAL_TO_STRING": False,
    "URL_FORMAT_OVERRIDE": None,
}
# Requests per client address (see BOOKING_TRUST_X_FORWARDED_FOR), counted in the cache: with Redis for all
# workers together, with the local-memory cache per worker.
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "120/minute")
# How long browsers and proxies may reuse an answer without asking again (ETag and Last-Modified make asking cheap).
API_CACHE_SECONDS = env_int("API_CACHE_SECONDS", 60)
SPECTACULAR_SETTINGS = {
    "TITLE": "Zhuzhou Industrial Tourism open data API · 株洲工业旅游开放数据接口",
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {
        "SiteLevel": "sites.models.DemonstrationLevel",
        "HeritageLevel": "sites.models.HeritageLevel",
        "HeritageState": "sites.models.HeritageState",
        "Weekday": "sites.models.Weekday",
        "Industry": "core.choices.Industry",
        "District": "core.choices.District",
        "Audience": "core.choices.Audience",
        "EventKind": "events.models.EventKind",
        "EventStatus": "events.models.EventStatus",
        "RouteTheme": "itineraries.models.Theme",
        "TravelMode": "itineraries.models.TravelMode",
        "Grade": "bookings.models.GradeBand",
        "StopKind": ["site", "heritage", "event"],
    },
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_common_responses"],
}
# Cross-origin reads (mini-programs' web views, partners' pages): only from these origins, only the API.
CORS_ALLOWED_ORIGINS = env_list("API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/api/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Content-Language"]
CORS_PREFLIGHT_MAX_AGE = 86400
