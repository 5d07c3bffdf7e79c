from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from tongxin.appeals.selectors import work_order_get_for_user
from tongxin.claims import selectors as claim_selectors
from tongxin.core.exceptions import ApplicationError
from tongxin.core.http import download_response
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.disputes import forms, selectors, services
from tongxin.disputes.claim_types import CLAIM_SPECS, claim_types_for_labels
from tongxin.disputes.documents import document_render
from tongxin.disputes.models import (
    CaseAgency,
    ClaimType,
    Handover,
    MediationCase,
    Party,
    Payment,
    SeparationCorrection,
)
from tongxin.disputes.workflow import MEDIATORS, allowed_transitions
from tongxin.orgs.models import PartnerAgency
from tongxin.orgs.selectors import (
    agency_list_for_org,
    org_get_for_user,
    org_list_for_user,
    staff_users_at,
)

PAGE_SIZE = 25


@login_required
def dispute_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    g = request.GET
    filters = selectors.DisputeFilter(
        status=g.get("status", ""),
        kind=g.get("kind", ""),
        org=g.get("org", ""),
        overdue=g.get("overdue") == "1",
        q=g.get("q", ""),
    )
    cases = selectors.dispute_list_for_user(user=request.user, filters=filters)
    page = Paginator(cases, PAGE_SIZE).get_page(g.get("page"))
    ctx = {
        "page": page,
        "filters": filters,
        "statuses": MediationCase.Status.choices,
        "kinds": MediationCase.Kind.choices,
        "orgs": org_list_for_user(user=request.user),
        "query": g.urlencode(),
    }
    template = (
        "disputes/dispute_list.html#case-rows" if request.htmx else "disputes/dispute_list.html"
    )
    return render(request, template, ctx)


@login_required
def dispute_new(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The application form; `?order=<tracking code>` opens the case from that work order."""
    code = request.GET.get("order") or request.POST.get("order") or ""
    order = work_order_get_for_user(user=request.user, tracking_code=code) if code else None
    if order is not None and hasattr(order, "mediation_case"):
        return redirect("disputes:dispute-detail", order.mediation_case.pk)
    ctx: dict[str, Any] = {
        "order": order,
        "orgs": org_list_for_user(user=request.user),
        "values": request.POST or _prefill(order),
        "kinds": MediationCase.Kind.choices,
        "sources": [c for c in MediationCase.Source.choices if c[0] != "work_order"],
        "forms": MediationCase.ApplicationForm.choices,
        "procedures": MediationCase.CourtProcedure.choices,
        "claim_types": ClaimType.choices,
        "courts": PartnerAgency.objects.filter(type=PartnerAgency.Type.COURT),
        "error": None,
    }
    if request.method == "POST":
        try:
            data = forms.application_data(request.POST)
            if order is not None:
                case = services.dispute_open_from_work_order(
                    actor=request.user, order=order, data=data
                )
            else:
                org = org_get_for_user(user=request.user, code=request.POST.get("org", ""))
                case = services.dispute_open(actor=request.user, org=org, data=data)
        except Http404:
            ctx["error"] = ApplicationError("请选择您管辖范围内的调解组织。", field="org")
        except ApplicationError as exc:
            ctx["error"] = exc
        else:
            return redirect("disputes:dispute-detail", case.pk)
    return render(request, "disputes/dispute_new.html", ctx, status=400 if ctx["error"] else 200)


def _prefill(order: Any) -> dict[str, Any]:
    if order is None:
        return {"application_form": "written", "kind": "individual"}
    defaults = services.opening.work_order_defaults(order)
    worker = defaults["parties"][0]
    types = _claim_types_of(order)
    return {
        "kind": defaults["kind"],
        "application_form": defaults["application_form"],
        "facts": defaults["facts"],
        "worker_name": worker["name"],
        "worker_phone": worker["phone"],
        "employer_name": order.employer_name,
        "claim_type": types[0] if types else "",
        "claim_amount": order.amount_claimed or "",
        "suggested_types": [ClaimType(t).label for t in types],
    }


def _claim_types_of(order: Any) -> list[str]:
    """Claim types from the order's confirmed claim labels, else from what the classifier
    reads in its description."""
    annotation = claim_selectors.claim_annotation_get(order=order)
    if annotation is not None:
        labels = annotation.label_names()
    else:
        labels = [s.label for s in claim_selectors.claim_suggestions(text=order.description).items]
    return claim_types_for_labels(labels)


def _detail_context(request: AuthenticatedHttpRequest, case: MediationCase) -> dict[str, Any]:
    totals = selectors.case_totals(case=case)
    parties = list(case.parties.all())
    sessions = list(case.sessions.all())
    agreements = list(case.agreements.prefetch_related("workers"))
    return {
        "case": case,
        "totals": totals,
        "employers": [p for p in parties if p.role == Party.Role.EMPLOYER],
        "agents": [p for p in parties if p.role == Party.Role.AGENT],
        "workers": [w.worker for w in totals.workers],
        "pending_claims": [c for w in totals.workers for c in w.claims if c.outcome == "pending"],
        "handed_claims": [
            c for w in totals.workers for c in w.claims if c.outcome == "handed_over"
        ],
        "sessions": sessions,
        "agreements": agreements,
        "documents": _documents(case, sessions=bool(sessions), agreements=bool(agreements)),
        "handovers": case.handovers.select_related("agency").prefetch_related("workers"),
        "separations": case.separations.select_related("hr_bureau").prefetch_related("workers"),
        "timeline": selectors.dispute_timeline(case=case),
        "actions": allowed_transitions(user=request.user, case=case),
        "agencies_nearby": agency_list_for_org(org=case.org),
        "claim_types": [(t, label, CLAIM_SPECS[t].calculator) for t, label in ClaimType.choices],
        "agency_roles": CaseAgency.Role.choices,
        "failure_reasons": MediationCase.FailureReason.choices,
        "payment_methods": Payment.Method.choices,
        "handover_kinds": Handover.Kind.choices,
        "handover_outcomes": Handover.Outcome.choices[1:],
        "separation_reasons": SeparationCorrection.Reason.choices,
        "mediator_candidates": staff_users_at(org=case.org, roles=MEDIATORS),
    }


def _documents(case: MediationCase, *, sessions: bool, agreements: bool) -> list[tuple[str, str]]:
    """The documents this case has the facts for, as (kind, label)."""
    docs = [("application", _("调解申请书"))]
    if sessions:
        docs.append(("record", _("调解笔录")))
    if agreements:
        docs.append(("agreement", _("调解协议书")))
    if (
        case.status in (MediationCase.Status.FAILED, MediationCase.Status.REFUSED)
        or case.failure_reason
    ):
        docs.append(("termination", _("终止调解告知书")))
    return docs


@login_required
def dispute_detail(request: AuthenticatedHttpRequest, case_id: str) -> HttpResponse:
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    return render(request, "disputes/dispute_detail.html", _detail_context(request, case))


@login_required
@require_POST
def dispute_transition(request: AuthenticatedHttpRequest, case_id: str) -> HttpResponse:
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    action = request.POST.get("action", "")
    try:
        services.dispute_transition(
            actor=request.user,
            case=case,
            action=action,
            payload=forms.transition_payload(request.POST),
        )
    except ApplicationError as exc:
        case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
        ctx = _detail_context(request, case) | {"error": exc, "failed_action": action}
        template = (
            "disputes/dispute_detail.html#actions"
            if request.htmx
            else "disputes/dispute_detail.html"
        )
        return render(request, template, ctx, status=400)
    url = reverse("disputes:dispute-detail", args=[case.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
def dispute_document(
    request: AuthenticatedHttpRequest, case_id: str, kind: str, fmt: str
) -> HttpResponse:
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    number = request.GET.get("number", "")
    try:
        doc = document_render(
            case=case, kind=kind, fmt=fmt, number=int(number) if number.isdecimal() else None
        )
    except ApplicationError as exc:
        ctx = _detail_context(request, case) | {"error": exc}
        return render(request, "disputes/dispute_detail.html", ctx, status=400)
    return download_response(
        content=doc.content, filename=doc.filename, content_type=doc.content_type
    )


@login_required
def dispute_claim_calculator(request: AuthenticatedHttpRequest, case_id: str) -> HttpResponse:
    """From the add-claim form to the calculator of the chosen claim type; its result page
    offers to record the amount, with its breakdown, as the worker's claim."""
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    claim_type = request.GET.get("type", "")
    calculator = CLAIM_SPECS[claim_type].calculator if claim_type in CLAIM_SPECS else None
    if calculator is None:
        ctx = _detail_context(request, case) | {
            "error": ApplicationError(_("这类请求没有对应的计算器，请直接填写金额。"))
        }
        return render(request, "disputes/dispute_detail.html", ctx, status=400)
    query = urlencode(
        {"case": case.pk, "worker": request.GET.get("worker", ""), "type": claim_type}
    )
    return redirect(f"{reverse('calculators:calculator-detail', args=[calculator])}?{query}")


@login_required
def dispute_similar(request: AuthenticatedHttpRequest, case_id: str) -> HttpResponse:
    """The similar past cases panel (htmx), from every source the user may see."""
    case = selectors.dispute_get_for_user(user=request.user, case_id=case_id)
    similar = claim_selectors.similar_cases_for_text(
        user=request.user, text=f"{case.requests}\n{case.facts}", exclude=f"mc:{case.pk}"
    )
    return render(request, "claims/order_panels.html#similar-cases", {"similar": similar})
