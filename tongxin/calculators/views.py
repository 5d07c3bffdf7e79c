"""The mediator's calculator pages: a list, and one form per calculator (htmx, printable)."""

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

import laborlaw
from tongxin.calculators import forms, presenters, selectors, services
from tongxin.calculators.models import Place
from tongxin.core.exceptions import ApplicationError
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.orgs.selectors import org_ancestors, staff_role_list

TEMPLATE = "calculators/calculator_detail.html"


@login_required
def calculator_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    calculators = [laborlaw.describe(name) for name in laborlaw.CALCULATORS]
    return render(request, "calculators/calculator_list.html", {"calculators": calculators})


@login_required
@require_http_methods(["GET", "POST"])
def calculator_detail(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    description = _describe(name)
    source = request.POST if request.method == "POST" else request.GET
    errors: dict[str, str] = {}
    place, on = _place_and_date(request, source, errors)
    records = selectors.parameters_for(place=place, on=on or timezone.localdate()) if place else {}
    result = None
    if request.method == "POST":
        inputs, errors = forms.calculation_inputs(description, request.POST)
        if not errors:
            try:
                result = services.calculation_run(
                    calculator=name, inputs=inputs, place=place, on=on
                )
            except ApplicationError as exc:
                errors[exc.field or "__all__"] = exc.message
        else:
            errors["__all__"] = "请更正标红的项目。"
    facts, params = forms.field_views(
        description,
        data=request.POST if request.method == "POST" else None,
        records=records,
        errors=errors,
    )
    ctx = _context(request, description, facts, params, place, on, errors, result)
    if request.htmx and request.method == "POST":
        return render(request, f"{TEMPLATE}#calculator-body", ctx)
    return render(request, TEMPLATE, ctx)


@login_required
def calculator_parameters(request: AuthenticatedHttpRequest, name: str) -> HttpResponse:
    """The jurisdiction-parameter fields, refilled for the chosen place and date (htmx)."""
    description = _describe(name)
    errors: dict[str, str] = {}
    place, on = _place_and_date(request, request.GET, errors)
    records = selectors.parameters_for(place=place, on=on or timezone.localdate()) if place else {}
    _, params = forms.field_views(description, records=records, errors=errors)
    ctx = _context(request, description, [], params, place, on, errors, None)
    return render(request, f"{TEMPLATE}#jurisdiction-fields", ctx)


def _describe(name: str) -> dict[str, Any]:
    try:
        return laborlaw.describe(name)
    except laborlaw.InputError:
        raise Http404 from None


def _place_and_date(
    request: AuthenticatedHttpRequest, source: Any, errors: dict[str, str]
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
            errors["on"] = "日期格式应为 YYYY-MM-DD。"
    return place, on


def _home_place(request: AuthenticatedHttpRequest) -> Place | None:
    """The place of the user's own union (its region code, or the nearest one above it)."""
    for role in staff_role_list(user=request.user):
        codes = [o.region_code for o in reversed(org_ancestors(org=role.org)) if o.region_code]
        found = {p.code: p for p in Place.objects.filter(code__in=codes)}
        for code in codes:
            if code in found:
                return found[code]
    return None


def _context(
    request: AuthenticatedHttpRequest,
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
        varying, notes = presenters.flag_notes(list(result["flags"]))
        labels = {f["name"]: f["label_zh"] for f in description["inputs"]}
        ctx.update(
            varying=varying,
            notes=notes,
            details=presenters.detail_rows(result),
            facts_entered=[
                (labels.get(v.name, v.name), dict(v.options).get(v.value, v.value))
                for v in _flatten(facts) + params
                if v.value
            ],
            used=[
                {**u, "label": labels.get(u["input"], u["input"])}
                for u in result["parameters_used"]
            ],
        )
    return ctx


def _flatten(items: list[Any]) -> list[forms.FieldView]:
    out: list[forms.FieldView] = []
    for item in items:
        out.extend(item.fields if isinstance(item, forms.Group) else [item])
    return out
