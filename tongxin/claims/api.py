"""Claim types and similar cases over the API (bearer-token staff, mounted at /claims)."""

from typing import Any

from ninja import Query, Router

from tongxin.appeals.selectors import work_order_get_for_user
from tongxin.claims import presenters, selectors, services
from tongxin.claims.schemas import (
    ClaimLabelsIn,
    ClaimSuggestIn,
    ClaimSuggestOut,
    SimilarCasesOut,
    SimilarFilter,
    WorkOrderClaimsOut,
)
from tongxin.core.types import AuthenticatedHttpRequest

router = Router(tags=["claims"])


@router.post("/suggest", response=ClaimSuggestOut)
def claim_suggest(request: AuthenticatedHttpRequest, payload: ClaimSuggestIn) -> dict[str, Any]:
    return presenters.suggestions_view(selectors.claim_suggestions(text=payload.text))


@router.get("/workorders/{tracking_code}", response=WorkOrderClaimsOut)
def work_order_claims(request: AuthenticatedHttpRequest, tracking_code: str) -> dict[str, Any]:
    order = work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    suggestions = selectors.claim_suggestions(text=order.description)
    annotation = selectors.claim_annotation_get(order=order)
    return presenters.order_claims_view(order, suggestions, annotation)


@router.post("/workorders/{tracking_code}/labels", response=WorkOrderClaimsOut)
def work_order_claims_confirm(
    request: AuthenticatedHttpRequest, tracking_code: str, payload: ClaimLabelsIn
) -> dict[str, Any]:
    order = work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    annotation = services.claim_annotation_confirm(
        actor=request.user, order=order, labels=payload.labels
    )
    suggestions = selectors.claim_suggestions(text=order.description)
    return presenters.order_claims_view(order, suggestions, annotation)


@router.get("/workorders/{tracking_code}/similar", response=SimilarCasesOut)
def work_order_similar(
    request: AuthenticatedHttpRequest, tracking_code: str, filters: Query[SimilarFilter]
) -> dict[str, Any]:
    order = work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    cases = selectors.similar_case_list_for_user(user=request.user, order=order, k=filters.k)
    return presenters.similar_view(order, cases)
