"""A small per-client-address limit on booking form posts (core.ratelimit counts them in the database)."""

from functools import wraps

from django.conf import settings
from django.shortcuts import render

from core.ratelimit import client_address, over_limit


def limit_posts(scope):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method == "POST" and over_limit(scope, client_address(request), settings.BOOKING_RATE_LIMIT):
                response = render(request, "bookings/rate_limited.html", status=429)
                response["Retry-After"] = str(settings.BOOKING_RATE_LIMIT[1])
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
