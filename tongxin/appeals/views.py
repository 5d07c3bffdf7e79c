from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from tongxin.appeals import antibot, exports, presenters, qrcodes, selectors, services
from tongxin.appeals.models import Difficulty, Nature, WorkOrder
from tongxin.appeals.workflow import allowed_transitions
from tongxin.claims import services as claims_services
from tongxin.core.exceptions import ApplicationError
from tongxin.core.http import file_download_response
from tongxin.core.masking import mask_phone
from tongxin.core.ratelimit import RateLimited, rate_limit_exceeded, retry_after_seconds
from tongxin.core.types import AuthenticatedHttpRequest
from tongxin.orgs.selectors import (
    agency_list_for_org,
    org_get_for_user,
    org_get_public,
    org_list_for_user,
    roles_at,
    staff_role_list,
)
from tongxin.workdays.calendar import missing_calendar_years

PAGE_SIZE = 25


# The worker's side ---------------------------------------------------------------------------


def qr_form(request: HttpRequest, org_code: str) -> HttpResponse:
    org = org_get_public(code=org_code)
    ctx: dict[str, Any] = {"org": org, "values": request.POST, "error": None}
    if request.method == "POST":
        try:
            if rate_limit_exceeded(request, scope="qr-form"):
                raise RateLimited(_("提交过于频繁，请一分钟后再试。"))
            antibot.verify(
                ticket=request.POST.get("ticket", ""),
                answer=request.POST.get("challenge", ""),
                honeypot=request.POST.get("website", ""),
            )
            order, _created = services.work_order_submit(
                actor=None,
                org=org,
                channel=WorkOrder.Channel.QR,
                data=request.POST.dict(),
                attachments=request.FILES.getlist("attachments"),
                idempotency_key=f"qr:{request.POST.get('ticket', '')[-60:]}",
            )
        except ApplicationError as exc:
            ctx["error"] = exc
        else:
            return render(request, "appeals/qr_done.html", {"order": order, "org": org})
    ctx["question"], ctx["ticket"] = antibot.new_challenge()
    if isinstance(ctx["error"], RateLimited):
        return _too_many(render(request, "appeals/qr_form.html", ctx, status=429))
    return render(request, "appeals/qr_form.html", ctx, status=400 if ctx["error"] else 200)


def _too_many(response: HttpResponse) -> HttpResponse:
    response["Retry-After"] = str(retry_after_seconds())
    return response


def track(request: HttpRequest) -> HttpResponse:
    code = (request.GET.get("code") or "").strip().upper()
    last4 = (request.GET.get("last4") or "").strip()
    ctx: dict[str, Any] = {"code": code, "last4": last4, "order": None, "not_found": False}
    if code or last4:
        if rate_limit_exceeded(request, scope="track"):
            return _track_limited(request, code=code)
        try:
            order = selectors.work_order_get_public(tracking_code=code, phone_last4=last4)
        except Http404:
            ctx["not_found"] = True
            return render(request, "appeals/track.html", ctx, status=404)
        ctx["order"] = presenters.public_view(order)
    return render(request, "appeals/track.html", ctx)


def _track_limited(request: HttpRequest, *, code: str) -> HttpResponse:
    ctx = {"code": code, "last4": "", "error": _("查询过于频繁，请一分钟后再试。")}
    return _too_many(render(request, "appeals/track.html", ctx, status=429))


@require_POST
def track_rate(request: HttpRequest, tracking_code: str) -> HttpResponse:
    # Each post is a guess at the last four digits: it counts with the tracking page's.
    if rate_limit_exceeded(request, scope="track"):
        return _track_limited(request, code=tracking_code)
    last4 = request.POST.get("last4", "")
    order = selectors.work_order_get_public(tracking_code=tracking_code, phone_last4=last4)
    ctx: dict[str, Any] = {"code": order.tracking_code, "last4": last4}
    try:
        order = services.work_order_rate(
            order=order,
            rating=request.POST.get("rating", ""),
            comment=request.POST.get("comment", ""),
        )
        ctx["rated"] = True
    except ApplicationError as exc:
        ctx["error"] = exc.message
    ctx["order"] = presenters.public_view(order)
    return render(request, "appeals/track.html", ctx, status=400 if "error" in ctx else 200)


# Staff -----------------------------------------------------------------------------------------


def _filters(request: HttpRequest) -> selectors.WorkOrderFilter:
    g = request.GET
    return selectors.WorkOrderFilter(
        status=g.get("status", selectors.OPEN),
        category=g.get("category", ""),
        overdue=g.get("overdue") == "1",
        org=g.get("org", ""),
        channel=g.get("channel", ""),
        q=g.get("q", ""),
    )


@login_required
def workbench(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = selectors.work_order_list_for_user(user=request.user, filters=_filters(request))
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    is_admin = any(r.role == "admin" for r in staff_role_list(user=request.user))
    ctx = {
        "page": page,
        "statuses": WorkOrder.Status.choices,
        "categories": selectors.category_list().filter(parent__isnull=True),
        "orgs": org_list_for_user(user=request.user),
        "f": request.GET,
        "channels": WorkOrder.Channel.choices,
        "missing_years": missing_calendar_years(timezone.localdate()) if is_admin else [],
        "no_roles": not staff_role_list(user=request.user),
    }
    template = "appeals/workbench.html#queue" if request.htmx else "appeals/workbench.html"
    return render(request, template, ctx)


@login_required
def overdue_board(request: AuthenticatedHttpRequest) -> HttpResponse:
    page = Paginator(selectors.overdue_board_for_user(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "appeals/overdue_board.html", {"page": page})


@login_required
def ledger_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = selectors.work_order_list_for_user(user=request.user, filters=_filters(request))
    response = HttpResponse(
        exports.ledger_xlsx(qs.iterator(chunk_size=2000)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="workorders.xlsx"'
    return response


def _detail_context(request: AuthenticatedHttpRequest, order: WorkOrder) -> dict[str, Any]:
    return {
        "order": order,
        "phone_masked": mask_phone(order.phone),
        "timeline": selectors.work_order_timeline(order=order),
        "actions": allowed_transitions(user=request.user, order=order),
        "suborgs": org_list_for_user(user=request.user).filter(
            path__startswith=order.assigned_org.path
        ),
        "agencies": agency_list_for_org(org=order.assigned_org),
        "categories": selectors.category_list(),
        "natures": Nature.choices,
        "difficulties": Difficulty.choices,
        "satisfaction": WorkOrder.Satisfaction.choices,
        "adoption": WorkOrder.Adoption.choices,
        "attachments": order.attachments.all(),
    }


@login_required
def order_detail(request: AuthenticatedHttpRequest, tracking_code: str) -> HttpResponse:
    order = selectors.work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    return render(request, "appeals/order_detail.html", _detail_context(request, order))


@login_required
def attachment_download(
    request: AuthenticatedHttpRequest, tracking_code: str, attachment_id: int
) -> FileResponse:
    attachment = selectors.attachment_get_for_user(
        user=request.user, tracking_code=tracking_code, attachment_id=attachment_id
    )
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError as exc:  # the row outlived its file (a restore without media)
        raise Http404 from exc
    return file_download_response(
        file=file, filename=attachment.original_name, content_type=attachment.content_type
    )


@login_required
@require_POST
def order_transition(request: AuthenticatedHttpRequest, tracking_code: str) -> HttpResponse:
    order = selectors.work_order_get_for_user(user=request.user, tracking_code=tracking_code)
    try:
        services.work_order_transition(
            actor=request.user,
            order=order,
            action=request.POST.get("action", ""),
            payload=request.POST.dict(),
        )
    except ApplicationError as exc:
        ctx = _detail_context(request, order) | {
            "error": exc,
            "failed_action": request.POST.get("action"),
        }
        template = (
            "appeals/order_detail.html#actions" if request.htmx else "appeals/order_detail.html"
        )
        return render(request, template, ctx, status=400)
    url = reverse("appeals:order-detail", args=[order.tracking_code])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
def desk_intake(request: AuthenticatedHttpRequest) -> HttpResponse:
    """12351 hotline and walk-in desk: the operator records the appeal for an org in scope."""
    channel = request.GET.get("channel") or request.POST.get("channel") or "hotline"
    if channel not in (WorkOrder.Channel.HOTLINE, WorkOrder.Channel.WALK_IN):
        raise Http404
    orgs = org_list_for_user(user=request.user)
    ctx: dict[str, Any] = {
        "channel": channel,
        "orgs": orgs,
        "values": request.POST,
        # The claim types ticked before a refusal, for the suggestion box to tick them again.
        "claims_posted": {
            "labels": request.POST.getlist("claim_labels"),
            "seen": request.POST.getlist("claims_seen"),
            "confirm": request.POST.get("claims_confirm") == "1",
        },
        "natures": Nature.choices,
        "categories": selectors.category_list(),
        "error": None,
    }
    if request.method == "POST":
        try:
            org = org_get_for_user(user=request.user, code=request.POST.get("org", ""))
            if not roles_at(user=request.user, org=org) & {
                "operator",
                "dispatcher",
                "supervisor",
                "admin",
            }:
                raise ApplicationError("您的岗位不能登记诉求。", code="forbidden", field="org")
            claim_labels = claims_services.claim_labels_from_form(request.POST)
            answer = request.POST.get("answer_now", "").strip()
            if answer:  # refused before the appeal (and any attachment file) is written
                answer = services.work_order_answer_check(
                    actor=request.user, org=org, answer=answer
                )
            # One unit: a refusal at any step leaves no order behind for a resubmission to
            # duplicate.
            with transaction.atomic():
                order, _created = services.work_order_submit(
                    actor=request.user,
                    org=org,
                    channel=channel,
                    data=request.POST.dict(),
                    attachments=request.FILES.getlist("attachments"),
                )
                if claim_labels is not None:
                    claims_services.claim_annotation_confirm(
                        actor=request.user, order=order, labels=claim_labels
                    )
                if answer:
                    services.work_order_transition(
                        actor=request.user,
                        order=order,
                        action="answer_directly",
                        payload={"reply": answer},
                    )
        except Http404:
            ctx["error"] = ApplicationError("请选择您管辖范围内的受理组织。", field="org")
        except ApplicationError as exc:
            ctx["error"] = exc
        else:
            return redirect("appeals:order-detail", order.tracking_code)
    return render(request, "appeals/desk_intake.html", ctx, status=400 if ctx["error"] else 200)


@login_required
def caller_history(request: AuthenticatedHttpRequest) -> HttpResponse:
    phone = (request.GET.get("phone") or "").strip()
    orders = (
        selectors.work_order_history_for_phone(user=request.user, phone=phone)
        if len(phone) >= 7
        else []
    )
    return render(
        request, "appeals/desk_intake.html#caller-history", {"history": orders, "phone": phone}
    )


@login_required
def org_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    orgs = org_list_for_user(user=request.user)
    return render(request, "appeals/org_list.html", {"orgs": orgs})


@login_required
def org_qr(request: AuthenticatedHttpRequest, org_code: str, fmt: str) -> HttpResponse:
    if fmt not in ("png", "svg"):
        raise Http404
    org = org_get_for_user(user=request.user, code=org_code)
    data = qrcodes.render_qr(url=qrcodes.form_url(request=request, org=org), fmt=fmt)
    response = HttpResponse(data, content_type="image/svg+xml" if fmt == "svg" else "image/png")
    response["Content-Disposition"] = f'attachment; filename="qr-{org.code}.{fmt}"'
    return response
