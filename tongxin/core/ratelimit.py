"""A fixed-window rate limit on the cache, for the no-login endpoints."""

import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from tongxin.core.exceptions import ApplicationError

WINDOW_SECONDS = 60


class RateLimited(ApplicationError):
    """Too many requests from one address: answered 429, with Retry-After (seconds until the
    window ends) for clients that honour it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="rate_limited")
        self.retry_after = retry_after_seconds()


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


def retry_after_seconds() -> int:
    """Seconds until the current window ends (1–60)."""
    return WINDOW_SECONDS - int(time.time() % WINDOW_SECONDS)


def rate_limit_exceeded(request: HttpRequest, *, scope: str) -> bool:
    """Count this request; True once the client passed PUBLIC_RATE_LIMIT_PER_MINUTE."""
    limit = settings.PUBLIC_RATE_LIMIT_PER_MINUTE
    if limit <= 0:
        return False
    window = int(time.time() // WINDOW_SECONDS)
    key = f"rl:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=70):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=70)
        return False
    return count > limit
