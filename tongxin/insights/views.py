from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from tongxin.core.exceptions import ApplicationError
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.insights import charts, indicators
from tongxin.insights.periods import parse_period
from tongxin.orgs.selectors import org_get_for_user, org_list_for_user, scope_paths


@login_required
def work_order_indicators(request: AuthenticatedHttpRequest) -> HttpResponse:
    orgs = org_list_for_user(user=request.user)
    paths = scope_paths(user=request.user)
    code = request.GET.get("org") or (
        orgs.filter(path=paths[0]).values_list("code", flat=True).first() if paths else None
    )
    if not code:
        return render(request, "insights/no_scope.html", status=404)
    org = org_get_for_user(user=request.user, code=code)
    error = None
    try:
        start, end = parse_period(request.GET.get("start"), request.GET.get("end"))
    except ApplicationError as exc:
        error = exc.message
        start, end = parse_period(None, None)
    headline = indicators.indicators_for_org(org=org, start=start, end=end)
    by_child = indicators.indicators_by_child(org=org, start=start, end=end)
    monthly = indicators.received_by_month(org=org, start=start, end=end)
    ctx = {
        "org": org,
        "orgs": orgs.filter(depth__lte=org.depth + 2),
        "start": start,
        "end": end,
        "error": error,
        "headline": headline,
        "by_child": by_child,
        "month_chart": charts.bar_chart([(m, n) for m, n in monthly], unit="件"),
        "child_charts": charts.rate_charts(by_child),
    }
    return render(request, "insights/workorder_indicators.html", ctx)
