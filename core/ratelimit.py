"""Rate limits that hold across gunicorn workers and machines: in Redis when REDIS_URL is set (one atomic INCR per
post, expiring with its window), otherwise in the database (core.models.PostCount), never in the local-memory cache,
where each worker would count on its own.

Why Redis when there is one: the limit matters most under a flood of posts, and in the database each post is a
write transaction on the primary, the very thing a flood should not reach; INCR is one round trip that every app
server shares. What it costs: a Redis restart forgets the counts of the current window (at most 10 minutes of
booking posts, an hour of reset requests), which the limits can afford."""

import datetime
import hashlib
import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from core.models import PostCount


def client_address(request):
    """The visitor's address: REMOTE_ADDR, or for a request that comes from one of our own proxies
    (TRUSTED_PROXIES), the last X-Forwarded-For address, the one that proxy added. Earlier ones are whatever the
    client sent, and a client that reaches the app directly cannot choose its address at all."""
    remote = request.META.get("REMOTE_ADDR", "")
    if _from_trusted_proxy(remote):
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1][:64]
    return remote[:64]


def _from_trusted_proxy(address):
    proxies = settings.TRUSTED_PROXIES or (LOOPBACK if settings.BOOKING_TRUST_X_FORWARDED_FOR else ())
    try:
        remote = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(remote in ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


# What BOOKING_TRUST_X_FORWARDED_FOR, the older switch, trusts: a proxy on this machine.
LOOPBACK = ("127.0.0.1", "::1")


def over_limit(scope, who, limit):
    """Count one more for `who` (an address, an email) in `scope`; True once it is over `limit`, a pair
    (times, per seconds), in the current window."""
    times, seconds = limit
    window = int(time.time() // seconds)
    # Hashed: the key may hold an email address, which the table should not keep.
    key = f"{scope}:{window}:" + hashlib.sha256(str(who).encode()).hexdigest()
    if settings.RATE_LIMITS_IN_CACHE:
        return _count_in_cache(key, seconds) > times
    with transaction.atomic():
        # The UPDATE locks the row until the commit, so the count read after it is this request's own.
        if not PostCount.objects.filter(key=key).update(count=F("count") + 1):
            _create(key, seconds)
        count = PostCount.objects.filter(key=key).values_list("count", flat=True).get()
    return count > times


def _create(key, seconds):
    now = timezone.now()
    PostCount.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            PostCount.objects.create(key=key, count=1, expires_at=now + datetime.timedelta(seconds=seconds + 5))
    except IntegrityError:  # another worker created it first
        PostCount.objects.filter(key=key).update(count=F("count") + 1)


def _count_in_cache(key, seconds):
    key = "ratelimit:" + key
    cache.add(key, 0, seconds + 5)  # SET NX: only the first post of a window creates the counter
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls: this post opens the next window
        cache.add(key, 0, seconds + 5)
        return cache.incr(key)
