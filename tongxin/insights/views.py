from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError
from tongxin.core.http import download_response
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.disputes import exports
from tongxin.disputes.models import Handover
from tongxin.insights import charts, indicators, mediation
from tongxin.insights.periods import parse_period
from tongxin.orgs.models import OrgUnit
from tongxin.orgs.selectors import org_get_for_user, org_list_for_user, scope_paths

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Filters:
    """The org (in the user's subtrees) and the period a page is about."""

    org: OrgUnit
    orgs: QuerySet[OrgUnit]  # to choose from: the user's orgs down to two levels below `org`
    start: date
    end: date
    error: str | None  # a bad period, replaced by the default one

    @property
    def context(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _filters(request: AuthenticatedHttpRequest) -> Filters | None:
    """The org asked for (404 outside the user's subtrees; the user's top org by default) and
    the period; None when the user works in no org."""
    orgs = org_list_for_user(user=request.user)
    paths = scope_paths(user=request.user)
    code = request.GET.get("org") or (
        orgs.filter(path=paths[0]).values_list("code", flat=True).first() if paths else None
    )
    if not code:
        return None
    org = org_get_for_user(user=request.user, code=code)
    error = None
    try:
        start, end = parse_period(request.GET.get("start"), request.GET.get("end"))
    except ApplicationError as exc:
        error = exc.message
        start, end = parse_period(None, None)
    return Filters(org, orgs.filter(depth__lte=org.depth + 2), start, end, error)


def filtered(view: Callable[[AuthenticatedHttpRequest, Filters], HttpResponse]) -> Any:
    """A page over an org and a period; users in no org get a page saying so (404)."""

    @login_required
    @wraps(view)
    def wrapper(request: AuthenticatedHttpRequest) -> HttpResponse:
        if (f := _filters(request)) is None:
            return render(request, "insights/no_scope.html", status=404)
        return view(request, f)

    return wrapper


@filtered
def work_order_indicators(request: AuthenticatedHttpRequest, f: Filters) -> HttpResponse:
    org, start, end = f.org, f.start, f.end
    headline = indicators.indicators_for_org(org=org, start=start, end=end)
    by_child = indicators.indicators_by_child(org=org, start=start, end=end)
    monthly = indicators.received_by_month(org=org, start=start, end=end)
    ctx = {
        **f.context,
        "headline": headline,
        "by_child": by_child,
        "month_chart": charts.bar_chart([(m, n) for m, n in monthly], unit=_("件")),
        "child_charts": charts.rate_charts([(c.name[:6], rows) for c, rows in by_child]),
    }
    return render(request, "insights/workorder_indicators.html", ctx)


def _mediation_charts(report: mediation.MediationReport) -> dict[str, Any]:
    months = [(g.label, g.figures) for g in report.by_month]
    children = [(g.org.name[:6] if g.org else _("本级"), g.figures) for g in report.by_child]
    month_charts = [
        charts.bar_chart(
            [(m, float(f.indicator["applications"].numerator)) for m, f in months],
            unit=_("件"),
            title=_("每月收到的调解申请"),
        ),
        charts.amount_chart(
            [(m, f.amount["recovered"].value) for m, f in months],
            title=_("追回金额（万元）：按收到申请的月份"),
        ),
        charts.rate_chart(
            [(m, f.indicator["success_rate"]) for m, f in months],
            title=_("调解成功率：按收到申请的月份"),
        ),
    ]
    child_charts = [
        charts.amount_chart(
            [(label, f.amount["recovered"].value) for label, f in children],
            title=_("追回金额（万元）：下级组织对比"),
        ),
        *charts.rate_charts([(label, f.indicators) for label, f in children]),
    ]
    return {
        "month_charts": [c for c in month_charts if c],
        "child_charts": [c for c in child_charts if c] if children else [],
    }


@filtered
def dispute_indicators(request: AuthenticatedHttpRequest, f: Filters) -> HttpResponse:
    report = mediation.mediation_report(user=request.user, org=f.org, start=f.start, end=f.end)
    ctx = {**f.context, "report": report, "headline": report.total.indicators}
    ctx |= {"outcomes": Handover.Outcome.choices, **_mediation_charts(report)}
    return render(request, "insights/dispute_indicators.html", ctx)


@filtered
def dispute_ledger_export(request: AuthenticatedHttpRequest, f: Filters) -> HttpResponse:
    if f.error:  # a download must not quietly cover another period than the one asked for
        return HttpResponseBadRequest(f.error)
    cases = mediation.cases_in_scope(user=request.user, org=f.org, start=f.start, end=f.end)
    return download_response(
        content=exports.ledger_xlsx(exports.ledger_cases(cases).iterator(chunk_size=2000)),
        filename=f"调解台账-{f.org.code}-{f.start:%Y%m%d}-{f.end:%Y%m%d}.xlsx",
        content_type=XLSX,
    )
