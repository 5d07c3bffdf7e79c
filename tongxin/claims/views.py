"""Pages: live suggestions at the desk, and the claim-type and similar-case panels that the
work-order page loads with htmx (so the order page itself costs nothing extra)."""

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from claimtext import LABELS
from tongxin.appeals.models import WorkOrder
from tongxin.appeals.selectors import work_order_get_for_user
from tongxin.claims import selectors, services
from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.core.types import AuthenticatedHttpRequest


@login_required
@require_GET
def claim_suggest(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The desk form's suggestion box, re-rendered as the description is typed. Labels the
    operator ticked stay ticked; labels newly suggested start ticked; nothing is saved here."""
    g = request.GET
    ctx: dict[str, Any] = {"text": "", "confirm": g.get("claims_confirm") == "1"}
    try:
        text = validation.clean_text(
            g.get("description"), field="description", label=_("诉求内容"), max_len=4000
        )
    except ApplicationError as exc:
        return render(request, "claims/_suggestions.html", ctx | {"error": exc}, status=400)
    ticked = set(g.getlist("claim_labels")) & set(LABELS)
    seen = set(g.getlist("claims_seen")) & set(LABELS)
    ctx["text"] = text
    if text:
        suggestions = selectors.claim_suggestions(text=text)
        suggested = [s.label for s in suggestions.items]
        checked = ticked | (set(suggested) - seen)
        ctx |= {
            "suggestions": suggestions,
            "checked": checked,
            "seen": sorted(seen | set(suggested)),
            "other_labels": [n for n in LABELS if n not in suggested],
        }
    return render(request, "claims/_suggestions.html", ctx)


def _panel_context(order: WorkOrder, checked: set[str] | None = None) -> dict[str, Any]:
    annotation = selectors.claim_annotation_get(order=order)
    suggestions = selectors.claim_suggestions(text=order.description)
    if checked is None:
        checked = set(
            annotation.label_names() if annotation else [s.label for s in suggestions.items]
        )
    return {
        "order": order,
        "annotation": annotation,
        "suggestions": suggestions,
        "confidence": {s.label: s for s in suggestions.items},
        "labels": LABELS,
        "checked": checked,
    }


@login_required
@require_GET
def order_claims(request: AuthenticatedHttpRequest, tracking_code: str) -> HttpResponse:
    order = work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    return render(request, "claims/order_panels.html#claims-panel", _panel_context(order))


@login_required
@require_POST
def order_claims_confirm(request: AuthenticatedHttpRequest, tracking_code: str) -> HttpResponse:
    order = work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    posted = request.POST.getlist("claim_labels")
    try:
        services.claim_annotation_confirm(actor=request.user, order=order, labels=posted)
    except ApplicationError as exc:
        ctx = _panel_context(order, checked=set(posted)) | {"error": exc}
        return render(request, "claims/order_panels.html#claims-panel", ctx, status=400)
    url = reverse("appeals:order-detail", args=[order.tracking_code])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def order_similar(request: AuthenticatedHttpRequest, tracking_code: str) -> HttpResponse:
    order = work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    ctx: dict[str, Any] = {"order": order}
    try:
        k = validation.clean_int(
            request.GET.get("k"), field="k", label=_("数量"), minimum=1, maximum=20, default=5
        )
    except ApplicationError as exc:
        return render(
            request, "claims/order_panels.html#similar-cases", ctx | {"error": exc}, status=400
        )
    cases = selectors.similar_case_list_for_user(user=request.user, order=order, k=k or 5)
    return render(request, "claims/order_panels.html#similar-cases", ctx | {"similar": cases})
