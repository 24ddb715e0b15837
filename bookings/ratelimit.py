"""A small per-client-address limit on form posts, counted in the cache (Redis in production)."""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def client_address(request):
    if settings.BOOKING_TRUST_X_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            # The last address is the one our own proxy appended; earlier ones are whatever the client sent.
            return forwarded[-1][:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def over_limit(request, scope):
    """Count this post; True when the client has used up its posts for the current window."""
    posts, seconds = settings.BOOKING_RATE_LIMIT
    window = int(time.time() // seconds)
    key = f"ratelimit:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds + 5)
        count = 1
    return count > posts


def limit_posts(scope):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and over_limit(request, scope):
                response = render(request, "bookings/rate_limited.html", status=429)
                response["Retry-After"] = str(settings.BOOKING_RATE_LIMIT[1])
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
