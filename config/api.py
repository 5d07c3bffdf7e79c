"""The one NinjaAPI, mounted at /api/v1/. Errors become JSON that names the field."""

from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser
from ninja.renderers import JSONRenderer
from ninja.responses import NinjaJSONEncoder
from ninja.security import HttpBearer

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.core.ratelimit import RateLimited
from tongxin.orgs.services import api_token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token=token)
        if user is not None:
            request.user = user
        return user


class UtcJSONEncoder(NinjaJSONEncoder):
    """Every timestamp in UTC ("…Z"). Values read from the database already are; values computed
    in the request (a new order's deadline, in Beijing time) would otherwise keep +08:00."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime) and o.tzinfo is not None:
            o = o.astimezone(UTC)
        return super().default(o)


class ApiRenderer(JSONRenderer):
    encoder_class = UtcJSONEncoder


class ApiParser(Parser):
    """JSON bodies whose every key and string can be stored: NUL or a lone surrogate (JSON
    escapes "\\u0000", "\\ud800") is refused, naming the field, before any schema sees it.
    Paths, query strings and headers are checked earlier, by UnstorableInputMiddleware."""

    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        data = super().parse_body(request)
        validation.check_storable(data)
        return data


api = NinjaAPI(
    renderer=ApiRenderer(),
    parser=ApiParser(),
    title="同心 Tongxin API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(ApplicationError)
def application_error(request: HttpRequest, exc: ApplicationError) -> HttpResponse:
    return api.create_response(request, exc.as_dict(), status=400)


@api.exception_handler(RateLimited)
def rate_limited(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    response = api.create_response(request, exc.as_dict(), status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


@api.exception_handler(ValidationError)
def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    loc = [str(p) for p in first.get("loc", []) if p not in ("body", "payload", "query", "path")]
    field = ".".join(loc) or None
    if not field:
        message = "请求内容无效（应为 JSON 对象）。"
    elif first.get("type") == "missing":
        message = f"缺少字段 {field}。"
    else:
        message = f"字段 {field} 无效：{first.get('msg', '')}"
    return api.create_response(
        request,
        {"code": "invalid", "message": message, "field": field, "extra": {"errors": exc.errors}},
        status=422,
    )


@api.exception_handler(AuthenticationError)
def auth_error(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "unauthorized", "message": "需要有效的接口令牌。", "field": None, "extra": {}},
        status=401,
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc.__cause__, ApplicationError):  # ApiParser's refusal, wrapped by Ninja
        return application_error(request, exc.__cause__)
    unreadable = str(exc.message).startswith("Cannot parse request body")
    message = "请求内容不是有效的 JSON。" if unreadable else str(exc.message)
    return api.create_response(
        request,
        {"code": "bad_request", "message": message, "field": None, "extra": {}},
        status=exc.status_code,
    )


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "forbidden", "message": "无权执行此操作。", "field": None, "extra": {}},
        status=403,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(
        request,
        {"code": "not_found", "message": "未找到。", "field": None, "extra": {}},
        status=404,
    )


@api.get("/health", auth=None, tags=["meta"])
def health(request: HttpRequest) -> dict[str, str]:
    return {"status": "ok", "time": timezone.now().isoformat()}


def _mount() -> None:
    from tongxin.appeals.api import public_router, staff_router
    from tongxin.calculators.api import router as laborlaw_router
    from tongxin.claims.api import router as claims_router
    from tongxin.disputes.api import router as disputes_router
    from tongxin.insights.api import router as insights_router

    api.add_router("/public/", public_router)
    api.add_router("/workorders", staff_router, auth=BearerToken())
    api.add_router("/insights", insights_router, auth=BearerToken())
    api.add_router("/disputes", disputes_router, auth=BearerToken())
    api.add_router("/claims", claims_router, auth=BearerToken())
    api.add_router("/laborlaw", laborlaw_router, auth=BearerToken())


_mount()
