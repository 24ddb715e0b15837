"""Tiny typed readers for configuration from the environment.

A bad value raises ImproperlyConfigured at start-up instead of failing later in a request.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {raw!r}") from None


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_site_url(name, fallback=""):
    """An http(s) address with a host and nothing after it, without the final slash; "" when unset."""
    raw = os.environ.get(name) or fallback
    if not raw.strip():
        return ""
    url = raw.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name} must be an http(s) address such as https://gy.zhuzhou.example, got {raw!r}")
    return url


def s3_storages():
    """The media storages on S3-compatible object storage, from MEDIA_S3_* (README, "Media on object storage")."""
    bucket = env_str("MEDIA_S3_BUCKET")
    if not bucket:
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET (and usually MEDIA_S3_ENDPOINT_URL).")
    connection = {
        "endpoint_url": env_str("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": env_str("MEDIA_S3_REGION") or None,
        # Keys may also come from the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables boto3 reads itself.
        "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        # OSS wants "virtual" (bucket.host), MinIO usually "path" (host/bucket); unset lets boto3 choose.
        "addressing_style": env_str("MEDIA_S3_ADDRESSING_STYLE") or None,
        # Signature V4 for signed (private) addresses: OSS, COS, MinIO and S3 all take it.
        "signature_version": env_str("MEDIA_S3_SIGNATURE_VERSION", "s3v4"),
    }
    return {
        "default": {
            "BACKEND": "core.s3.S3MediaStorage",
            "OPTIONS": connection
            | {
                "bucket_name": bucket,
                "location": env_str("MEDIA_S3_PREFIX", "media").strip("/"),
                # A CDN or the bucket's own domain; unset, URLs point at the endpoint.
                "custom_domain": env_str("MEDIA_S3_CUSTOM_DOMAIN") or None,
                # "" when the bucket has ACLs turned off and a policy makes the media prefix public instead.
                "default_acl": env_str("MEDIA_S3_ACL", "public-read") or None,
                "object_parameters": {"CacheControl": "public, max-age=86400"},
            },
        },
        "private": {
            "BACKEND": "core.s3.S3PrivateStorage",
            "OPTIONS": connection
            | {
                "bucket_name": env_str("PRIVATE_S3_BUCKET") or bucket,
                "location": env_str("PRIVATE_S3_PREFIX", "private").strip("/"),
            },
        },
    }
