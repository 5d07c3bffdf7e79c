from typing import Any
from uuid import UUID

from django.http import HttpResponse
from ninja import Query, Router, Status

from tongxin.appeals.selectors import work_order_get_for_user
from tongxin.core.exceptions import ApplicationError
from tongxin.core.http import download_response
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.disputes import presenters, selectors, services
from tongxin.disputes.documents import document_render
from tongxin.disputes.schemas import (
    DisputeDetailOut,
    DisputeIn,
    DisputeListFilter,
    DisputePageOut,
    DisputeTransitionIn,
)
from tongxin.orgs.selectors import org_get_for_user

router = Router(tags=["disputes"])


@router.post("", response={201: DisputeDetailOut})
def dispute_open(request: AuthenticatedHttpRequest, payload: DisputeIn) -> Status[Any]:
    data = payload.dict(exclude_none=True)
    if code := data.pop("work_order", None):
        order = work_order_get_for_user(user=request.user, tracking_code=code)
        case = services.dispute_open_from_work_order(actor=request.user, order=order, data=data)
    else:
        if not data.get("org"):
            raise ApplicationError("请填写调解组织代码。", code="required", field="org")
        org = org_get_for_user(user=request.user, code=data.pop("org"))
        case = services.dispute_open(actor=request.user, org=org, data=data)
    return Status(201, presenters.detail_view(case, user=request.user))


@router.get("", response=DisputePageOut)
def dispute_list(
    request: AuthenticatedHttpRequest, filters: Query[DisputeListFilter]
) -> dict[str, Any]:
    f = filters.dict()
    limit, offset = f.pop("limit"), f.pop("offset")
    qs = selectors.dispute_list_for_user(user=request.user, filters=selectors.DisputeFilter(**f))
    rows = [presenters.row_view(c) for c in qs[offset : offset + limit]]
    return {"count": qs.count(), "limit": limit, "offset": offset, "results": rows}


@router.get("/{case_id}", response=DisputeDetailOut)
def dispute_detail(request: AuthenticatedHttpRequest, case_id: UUID) -> dict[str, Any]:
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    return presenters.detail_view(case, user=request.user)


@router.post("/{case_id}/transitions", response=DisputeDetailOut)
def dispute_transition(
    request: AuthenticatedHttpRequest, case_id: UUID, payload: DisputeTransitionIn
) -> dict[str, Any]:
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    data = payload.dict(exclude_none=True)
    case = services.dispute_transition(
        actor=request.user, case=case, action=data.pop("action"), payload=data
    )
    return presenters.detail_view(case, user=request.user)


@router.get("/{case_id}/documents/{filename}")
def dispute_document(
    request: AuthenticatedHttpRequest, case_id: UUID, filename: str, number: int | None = None
) -> HttpResponse:
    """`filename` is `<kind>.<docx|pdf>`, kind one of application, record, agreement,
    termination; `number` picks a session or agreement (default: the latest)."""
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    kind, _dot, fmt = filename.partition(".")
    doc = document_render(case=case, kind=kind, fmt=fmt, number=number)
    return download_response(
        content=doc.content, filename=doc.filename, content_type=doc.content_type
    )
