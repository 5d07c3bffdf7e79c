from typing import Any

from ninja import Router

from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.insights import indicators, mediation
from tongxin.insights.periods import parse_period
from tongxin.insights.schemas import MediationIndicatorsOut, WorkOrderIndicatorsOut
from tongxin.orgs.selectors import org_get_for_user

router = Router(tags=["insights"])


@router.get("/workorders", response=WorkOrderIndicatorsOut)
def work_order_indicators(
    request: AuthenticatedHttpRequest, org: str, start: str | None = None, end: str | None = None
) -> dict[str, Any]:
    unit = org_get_for_user(user=request.user, code=org)
    start_day, end_day = parse_period(start, end)
    rows = indicators.indicators_for_org(org=unit, start=start_day, end=end_day)
    return {
        "org": unit.code,
        "org_name": unit.name,
        "start": start_day,
        "end": end_day,
        "indicators": [{**i.__dict__, "rate": i.rate} for i in rows],
    }


@router.get("/disputes", response=MediationIndicatorsOut)
def dispute_indicators(
    request: AuthenticatedHttpRequest, org: str, start: str | None = None, end: str | None = None
) -> dict[str, Any]:
    """The mediation indicators of `org`'s subtree (404 outside the user's) for the cases
    received from `start` to `end` (ISO dates; by default the last 365 days)."""
    unit = org_get_for_user(user=request.user, code=org)
    start_day, end_day = parse_period(start, end)
    report = mediation.mediation_report(user=request.user, org=unit, start=start_day, end=end_day)
    return {
        "org": unit.code,
        "org_name": unit.name,
        "start": start_day,
        "end": end_day,
        "definition": report.definition,
        **report.total.__dict__,  # indicators, average_days, amounts
        "handovers": report.handovers,
    }
