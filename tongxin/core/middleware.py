"""Requests carrying characters no column can store (NUL, lone surrogates) are answered 400
here, before any view passes them to the database (PostgreSQL fails on NUL with a 500)."""

from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from tongxin.core.validation import UNSTORABLE_RE, unstorable_message

API_PREFIX = "/api/"


class UnstorableInputMiddleware:
    """Checks the path, the query string, the headers and, on pages, the form fields (Django
    already drops unprintable characters from upload names). The API takes only JSON bodies,
    checked by its parser (config/api.py) as it parses them: reading a multipart body here
    would leave a JSON endpoint unable to read it (a 500, not its 400)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        field = _unstorable_field(request)
        if field is None:
            return self.get_response(request)
        if request.path_info.startswith(API_PREFIX):
            return JsonResponse(
                {
                    "code": "invalid_characters",
                    "message": unstorable_message(field),
                    "field": field,
                    "extra": {},
                },
                status=400,
            )
        return HttpResponseBadRequest(
            _("请求中含有不允许的字符（空字符或无效的 Unicode 字符），请检查后重试。"),
            content_type="text/plain; charset=utf-8",
        )


def _unstorable_field(request: HttpRequest) -> str | None:
    """The name of the first part of the request with an unstorable character, or None."""
    if UNSTORABLE_RE.search(request.path_info):
        return "path"
    sources: list[Iterable[tuple[str, list[str]]]] = [
        request.GET.lists(),
        ((name, [value]) for name, value in request.headers.items()),
    ]
    if not request.path_info.startswith(API_PREFIX):
        sources.append(request.POST.lists())
    for source in sources:
        for name, values in source:
            if UNSTORABLE_RE.search(name) or any(UNSTORABLE_RE.search(v) for v in values):
                return name
    return None
