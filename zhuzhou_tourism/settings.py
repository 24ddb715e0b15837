"""Settings for the Zhuzhou industrial-tourism portal, read from the environment.

Every variable is listed with its default in README.md ("Configuration").
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from zhuzhou_tourism.env import env_bool, env_int, env_list, env_site_url, env_str

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
    "core",
    "sites",
    "events",
    "itineraries",
    "bookings",
    "office",
    "demo",
    "axes",
    "simple_history",
    "import_export",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
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
    DATABASES["default"]["OPTIONS"] = {
        "options": "-c random_page_cost=1.1",
        **DATABASES["default"].get("OPTIONS", {}),
    }
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

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 31536000

# Uploads: refuse decompression bombs early; Pillow raises above this many pixels. Both limits are checked before
# a photo is decoded.
MAX_UPLOAD_PIXELS = env_int("MAX_UPLOAD_PIXELS", 40_000_000)
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Photos up to this size get their renditions when saved; bigger ones on the first request of each (core.media).
RENDITIONS_ON_SAVE_MAX_PIXELS = env_int("RENDITIONS_ON_SAVE_MAX_PIXELS", 4_000_000)
# Files in one post: a photo inline takes 12 (core.admin.PhotoInline); a flood is refused before it is read.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
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

# Cache: Redis when REDIS_URL is set (shared by all workers and machines), local memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}

# Whole public pages for visitors without a session (core/pagecache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_BROWSER_SECONDS = env_int("PAGE_CACHE_BROWSER_SECONDS", 0)
# Data behind the pages (list counts, rendered card grids, home sections, the map's GeoJSON), kept until content
# changes: independent of the page cache, so pages stay fast for visitors it does not serve. 0 turns it off.
DATA_CACHE_SECONDS = env_int("DATA_CACHE_SECONDS", 3600)
# With the local-memory cache, workers on one machine see content changes through this file's mtime.
PAGE_CACHE_VERSION_FILE = Path(env_str("PAGE_CACHE_VERSION_FILE") or BASE_DIR / "var" / "content-version")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Production hardening; `manage.py check --deploy` is clean with DEBUG off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
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
# Behind a proxy, REMOTE_ADDR is the proxy's: trust the last X-Forwarded-For address (the one it appended).
BOOKING_TRUST_X_FORWARDED_FOR = env_bool("BOOKING_TRUST_X_FORWARDED_FOR", False)

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
# Rate-limit counters (bookings, password reset) live in the database, shared by all workers (core.ratelimit).
