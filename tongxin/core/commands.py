"""Helpers for management commands."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.core.management.base import CommandError

from tongxin.core.exceptions import ApplicationError


@contextmanager
def service_errors() -> Iterator[None]:
    """A service's refusal (ApplicationError) as a CommandError: its Chinese message, no
    traceback. A context manager, or a decorator on `handle`: `@service_errors()`."""
    try:
        yield
    except ApplicationError as exc:
        raise CommandError(str(exc.message)) from exc
