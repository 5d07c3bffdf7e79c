from typing import Any

from ninja import Router

from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.insights import indicators
from tongxin.insights.periods import parse_period
from tongxin.insights.schemas import WorkOrderIndicatorsOut
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
