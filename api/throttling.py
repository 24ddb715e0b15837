from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from core.ratelimit import client_address


class PerClientThrottle(SimpleRateThrottle):
    """API_THROTTLE_RATE requests per client address (the proxy's X-Forwarded-For when
    BOOKING_TRUST_X_FORWARDED_FOR is on), counted in the cache."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request._request)}
