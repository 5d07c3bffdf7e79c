"""The mediator's calculator pages: a list, and one form per calculator (htmx, printable).

Staff only: a login with at least one union role. Anyone else gets the login page (anonymous)
or a 404 (a login without a role), as elsewhere in the workbench.
"""

import json
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

import laborlaw
from tongxin.calculators import forms, presenters, selectors, services
from tongxin.calculators.models import Place
from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.orgs.selectors import org_ancestors, staff_role_list

TEMPLATE = "calculators/calculator_detail.html"
View = Callable[..., HttpResponse]


def staff_required(view: View) -> View:
    """Login required; a user without any staff role gets a 404."""

    @wraps(view)
    def wrapped(request: AuthenticatedHttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not staff_role_list(user=request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return login_required(wrapped)


@staff_required
@require_GET
def calculator_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    calculators = [laborlaw.describe(name) for name in laborlaw.CALCULATORS]
    return render(request, "calculators/calculator_list.html", {"calculators": calculators})


@staff_required
@require_http_methods(["GET", "POST"])
def calculator_detail(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    description = _describe(name)
    posted = request.method == "POST"
    source = request.POST if posted else request.GET
    errors: dict[str, str] = {}
    place, on = _place_and_date(request, source, errors)
    case_id = _linked_case(source, errors)
    result = None
    if posted:
        result = _run(name, description, request.POST, place, on, errors)
    records = selectors.parameters_for(place=place, on=on or timezone.localdate()) if place else {}
    facts, params = forms.field_views(
        description, data=request.POST if posted else None, records=records, errors=errors
    )
    ctx = _context(description, facts, params, place, on, errors, result)
    ctx["claim_link"] = _claim_link(description, source, case_id, result)
    if request.htmx and posted:
        return render(request, f"{TEMPLATE}#calculator-body", ctx)
    return render(request, TEMPLATE, ctx)


@staff_required
@require_GET
def calculator_parameters(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    """The jurisdiction-parameter fields, refilled for the chosen place and date (htmx)."""
    description = _describe(name)
    errors: dict[str, str] = {}
    place, on = _place_and_date(request, request.GET, errors)
    records = selectors.parameters_for(place=place, on=on or timezone.localdate()) if place else {}
    _facts, params = forms.field_views(description, records=records, errors=errors)
    ctx = _context(description, [], params, place, on, errors, None)
    return render(request, f"{TEMPLATE}#jurisdiction-fields", ctx)


def _linked_case(source: QueryDict, errors: dict[str, str]) -> str | None:
    """The id of the mediation case the page was opened from (`?case=`), or None. A malformed
    one is an error at the top of the form: the link back to the case cannot be built."""
    try:
        return validation.clean_uuid(source.get("case"), field="case", label=_("调解案件"))
    except ApplicationError as exc:
        errors["__all__"] = _("%(message)s请从案件页面重新打开计算器。") % {"message": exc.message}
        return None


def _claim_link(
    description: dict[str, Any],
    source: QueryDict,
    case_id: str | None,
    result: dict[str, Any] | None,
) -> dict[str, Any] | None:
    """Opened from a mediation case (`?case=…&worker=…&type=…`): carry the link through the
    form and, once there is a result, offer to record it as that worker's claim. The case
    page's own action checks who may do that."""
    if case_id is None:
        return None
    link = {k: source.get(k, "") for k in ("worker", "type")} | {"case": case_id}
    if result is not None:
        inputs, _errors = forms.calculation_inputs(description, source)
        link["inputs"] = json.dumps(inputs, ensure_ascii=False, default=str)
        link["place"] = source.get("place", "")
    return link


def _describe(name: str) -> dict[str, Any]:
    try:
        return laborlaw.describe(name)
    except laborlaw.InputError:
        raise Http404 from None


def _run(
    name: str,
    description: dict[str, Any],
    data: QueryDict,
    place: Place | None,
    on: date | None,
    errors: dict[str, str],
) -> dict[str, Any] | None:
    """The calculation, or None with the errors filled in next to their fields."""
    inputs, input_errors = forms.calculation_inputs(description, data)
    errors.update(input_errors)
    if not errors:
        try:
            return services.calculation_run(calculator=name, inputs=inputs, place=place, on=on)
        except ApplicationError as exc:
            errors[forms.error_field(description, exc.field)] = exc.message
    errors.setdefault("__all__", _("请更正标红的项目。"))
    return None


def _place_and_date(
    request: AuthenticatedHttpRequest, source: QueryDict, errors: dict[str, str]
) -> tuple[Place | None, date | None]:
    code = source.get("place")
    place = None
    if code is None and request.method == "GET":
        place = _home_place(request)
    elif code:
        try:
            place = selectors.place_get(code=code)
        except ApplicationError as exc:
            errors["place"] = exc.message
    on = None
    raw = (source.get("on") or "").strip()
    if raw:
        try:
            on = date.fromisoformat(raw)
        except ValueError:
            errors["on"] = _("日期格式应为 YYYY-MM-DD。")
    return place, on


def _home_place(request: AuthenticatedHttpRequest) -> Place | None:
    """The place of the user's own union (its region code, or the nearest one above it)."""
    for role in staff_role_list(user=request.user):
        codes = [o.region_code for o in reversed(org_ancestors(org=role.org)) if o.region_code]
        found = {p.code: p for p in selectors.place_list().filter(code__in=codes)}
        for code in codes:
            if code in found:
                return found[code]
    return None


def _context(
    description: dict[str, Any],
    facts: list[Any],
    params: list[forms.FieldView],
    place: Place | None,
    on: date | None,
    errors: dict[str, str],
    result: dict[str, Any] | None,
) -> dict[str, Any]:
    places = sorted(selectors.place_list(), key=lambda p: (p.code != "CN", p.code))
    ctx: dict[str, Any] = {
        "calc": description,
        "facts": facts,
        "params": params,
        "places": places,
        "place": place,
        "on": on,
        "prefill_date": on or timezone.localdate(),
        "errors": errors,
        "form_error": errors.get("__all__", ""),
        "result": result,
    }
    if result is not None:
        ctx.update(presenters.result_context(description, result, forms.entered(facts, params)))
    return ctx
