"""Reads of work orders, limited to the user's part of the union tree (404 outside it)."""

import hmac
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from tongxin.appeals.models import Category, WorkOrder, WorkOrderEvent
from tongxin.core.crypto import keyed_hash
from tongxin.orgs.models import OrgUnit
from tongxin.orgs.selectors import scope_q

OPEN = "open"  # the queue: orders still being handled (the workbench's and the API's default)


@dataclass(frozen=True)
class WorkOrderFilter:
    status: str = ""  # a status, OPEN, or "" / "all" for every status
    category: str = ""
    overdue: bool = False
    org: str = ""  # an org code: that org's subtree (within the user's scope)
    channel: str = ""
    q: str = ""  # tracking code or employer


def work_order_list_for_user(
    *, user: User | AnonymousUser, filters: WorkOrderFilter | None = None
) -> QuerySet[WorkOrder]:
    """Orders assigned to, or taken in by, the user's subtrees; queue order (deadline first)."""
    qs = WorkOrder.objects.filter(
        scope_q(user=user, field="assigned_org") | scope_q(user=user, field="intake_org")
    )
    f = filters or WorkOrderFilter()
    if f.status == OPEN:
        qs = qs.filter(status__in=WorkOrder.OPEN_STATUSES)
    elif f.status and f.status != "all":
        qs = qs.filter(status=f.status)
    if f.category:
        qs = qs.filter(Q(category__code=f.category) | Q(category__parent__code=f.category))
    if f.overdue:
        qs = qs.filter(status__in=WorkOrder.RUNNING_STATUSES, due_at__lt=timezone.now())
    if f.org:
        # A prefix match on the chosen org's path uses the path index (a '%/CODE/%' would not).
        path = OrgUnit.objects.filter(code=f.org).values_list("path", flat=True).first()
        qs = qs.filter(assigned_org__path__startswith=path) if path else qs.none()
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.q:
        qs = qs.filter(Q(tracking_code=f.q.strip().upper()) | Q(employer_name__icontains=f.q))
    return qs.select_related("assigned_org", "intake_org", "category__parent").order_by(
        "due_at", "received_at"
    )


def work_order_get_for_user(*, user: User | AnonymousUser, tracking_code: str) -> WorkOrder:
    """One order the user may see, else 404 (no hint that it exists)."""
    order = (
        work_order_list_for_user(user=user)
        .filter(tracking_code=tracking_code.strip().upper())
        .select_related(
            "handler",
            "replied_by",
            "dispatched_by_org",
            "transferred_agency",
            "duplicate_of",
            "mediation_case",
        )
        .first()
    )
    if order is None:
        raise Http404
    return order


def work_order_get_public(*, tracking_code: str, phone_last4: str) -> WorkOrder:
    """The worker's own order: code and the phone's last four digits must both match, else 404."""
    order = WorkOrder.objects.filter(tracking_code=str(tracking_code).strip().upper()).first()
    if order is None or not hmac.compare_digest(order.phone_last4, str(phone_last4).strip()):
        raise Http404
    return order


def work_order_timeline(*, order: WorkOrder) -> QuerySet[WorkOrderEvent]:
    return order.events.select_related("actor", "org").order_by("created_at", "id")


def work_order_history_for_phone(
    *, user: User | AnonymousUser, phone: str, limit: int = 20
) -> QuerySet[WorkOrder]:
    """The caller's earlier appeals within the user's scope (repeat callers, duplicates)."""
    return (
        work_order_list_for_user(user=user)
        .filter(phone_hash=keyed_hash(phone))
        .order_by("-received_at")[:limit]
    )


def overdue_board_for_user(*, user: User | AnonymousUser) -> QuerySet[WorkOrder]:
    """Running orders past their deadline (or not signed in time), most overdue first."""
    now = timezone.now()
    return (
        work_order_list_for_user(user=user)
        .filter(
            Q(status__in=WorkOrder.RUNNING_STATUSES, due_at__lt=now)
            | Q(status=WorkOrder.Status.DISPATCHED, accept_due_at__lt=now)
        )
        .order_by("due_at")
    )


def category_list() -> QuerySet[Category]:
    return Category.objects.filter(is_active=True).select_related("parent")


def work_order_page(
    *, orders: QuerySet[WorkOrder], offset: int, limit: int, fields: tuple[str, ...] = ()
) -> list[WorkOrder]:
    """One page of a queue in two steps: the ids (the open-queue index answers this alone on
    PostgreSQL), then those rows by primary key, in the same order; `fields` limits the
    columns loaded to what the caller shows."""
    ids = list(orders.values_list("pk", flat=True)[offset : offset + limit])
    rows = WorkOrder.objects.filter(pk__in=ids).select_related(
        "assigned_org", "intake_org", "category"
    )
    if fields:
        rows = rows.only(*fields)
    by_id = {o.pk: o for o in rows}
    return [by_id[pk] for pk in ids]
