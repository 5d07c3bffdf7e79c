from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from tongxin.appeals import presenters, selectors, services
from tongxin.appeals.schemas import (
    PublicAppealCreatedOut,
    PublicAppealIn,
    PublicAppealOut,
    PublicRatingIn,
    TransitionIn,
    WorkOrderDetailOut,
    WorkOrderListFilter,
    WorkOrderPageOut,
)
from tongxin.core.exceptions import ApplicationError
from tongxin.core.ratelimit import RateLimited, rate_limit_exceeded
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.orgs.selectors import org_get_public

public_router = Router(tags=["public"], auth=None)
staff_router = Router(tags=["workorders"])


def _throttle(request: HttpRequest) -> None:
    if rate_limit_exceeded(request, scope="public-api"):
        raise RateLimited(_("请求过于频繁，请稍后再试。"))


@public_router.post("/appeals", response={201: PublicAppealCreatedOut, 200: PublicAppealCreatedOut})
def public_appeal_submit(request: HttpRequest, payload: PublicAppealIn) -> Status[Any]:
    _throttle(request)
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > 64:
        raise ApplicationError("Idempotency-Key 不能超过 64 个字符。", field="Idempotency-Key")
    try:
        org = org_get_public(code=payload.org)
    except Http404:
        raise ApplicationError("受理组织代码不存在。", code="invalid_org", field="org") from None
    order, created = services.work_order_submit(
        actor=None,
        org=org,
        channel=payload.channel,
        data=payload.dict(),
        idempotency_key=f"api:{key}" if key else None,
    )
    return Status(201 if created else 200, order)


@public_router.get("/appeals/{tracking_code}", response=PublicAppealOut)
def public_appeal_get(request: HttpRequest, tracking_code: str, phone_last4: str) -> Any:
    _throttle(request)
    order = selectors.work_order_get_public(tracking_code=tracking_code, phone_last4=phone_last4)
    return presenters.public_view(order)


@public_router.post("/appeals/{tracking_code}/rating", response=PublicAppealOut)
def public_appeal_rate(request: HttpRequest, tracking_code: str, payload: PublicRatingIn) -> Any:
    _throttle(request)
    order = selectors.work_order_get_public(
        tracking_code=tracking_code, phone_last4=payload.phone_last4
    )
    order = services.work_order_rate(
        order=order, rating=payload.rating, comment=payload.comment or ""
    )
    return presenters.public_view(order)


@staff_router.get("", response=WorkOrderPageOut)
def work_order_list(
    request: AuthenticatedHttpRequest, filters: Query[WorkOrderListFilter]
) -> dict[str, Any]:
    f = filters.dict()
    limit, offset = f.pop("limit"), f.pop("offset")
    qs = selectors.work_order_list_for_user(
        user=request.user, filters=selectors.WorkOrderFilter(**f)
    )
    page, count = selectors.work_order_page(
        orders=qs, offset=offset, limit=limit, fields=presenters.ROW_FIELDS
    )
    rows = [presenters.row_view(o) for o in page]
    return {"count": count, "limit": limit, "offset": offset, "results": rows}


@staff_router.get("/{tracking_code}", response=WorkOrderDetailOut)
def work_order_detail(request: AuthenticatedHttpRequest, tracking_code: str) -> dict[str, Any]:
    order = selectors.work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    return presenters.detail_view(order, user=request.user)


@staff_router.post("/{tracking_code}/transitions", response=WorkOrderDetailOut)
def work_order_transition(
    request: AuthenticatedHttpRequest, tracking_code: str, payload: TransitionIn
) -> dict[str, Any]:
    order = selectors.work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    order = services.work_order_transition(
        actor=request.user,
        order=order,
        action=payload.action,
        payload=payload.dict(exclude_none=True),
    )
    return presenters.detail_view(order, user=request.user)
