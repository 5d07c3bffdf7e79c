"""Reads of work orders, limited to the user's part of the union tree (404 outside it)."""

import hmac
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, Q, QuerySet, Window
from django.http import Http404
from django.utils import timezone

from tongxin.appeals.models import Attachment, Category, WorkOrder, WorkOrderEvent
from tongxin.core.crypto import keyed_hash
from tongxin.orgs.selectors import org_by_code, org_subtree_ids, scope_paths, scope_q

SUBTREE_ID_LIMIT = 500  # a subtree this small is filtered by org ids, a larger one by path
OPEN = "open"  # the queue: orders still being handled (the workbench's and the API's default)
ALL = "all"
LAST4_RE = re.compile(r"[0-9]{4}")


@dataclass(frozen=True)
class WorkOrderFilter:
    status: str = ""  # a status, OPEN, or "" / ALL for every status
    category: str = ""
    overdue: bool = False
    org: str = ""  # an org code: that org's subtree (within the user's scope)
    channel: str = ""
    q: str = ""  # tracking code or employer


def work_order_list_for_user(
    *, user: User | AnonymousUser, filters: WorkOrderFilter | None = None
) -> QuerySet[WorkOrder]:
    """Orders assigned to, or taken in by, the user's subtrees; queue order (deadline first)."""
    f = filters or WorkOrderFilter()
    org_path = _org_path(f.org) if f.org else ""
    if f.org and not org_path:
        return WorkOrder.objects.none()
    if org_path and any(org_path.startswith(p) for p in scope_paths(user=user)):
        # Inside the user's own subtree the scope test (two joins and an OR) is implied by the
        # org filter; without it PostgreSQL answers from the queue index alone.
        ids = org_subtree_ids(path=org_path, limit=SUBTREE_ID_LIMIT)
        if ids is None:
            qs = WorkOrder.objects.filter(assigned_org__path__startswith=org_path)
        else:
            qs = WorkOrder.objects.filter(assigned_org_id__in=ids)
    else:
        qs = WorkOrder.objects.filter(
            scope_q(user=user, field="assigned_org") | scope_q(user=user, field="intake_org")
        )
        if org_path:
            qs = qs.filter(assigned_org__path__startswith=org_path)
    if f.status == OPEN:
        qs = qs.filter(status__in=WorkOrder.OPEN_STATUSES)
    elif f.status and f.status != ALL:
        qs = qs.filter(status=f.status)
    if f.category:
        qs = qs.filter(Q(category__code=f.category) | Q(category__parent__code=f.category))
    if f.overdue:
        qs = qs.filter(status__in=WorkOrder.RUNNING_STATUSES, due_at__lt=timezone.now())
    if f.channel:
        qs = qs.filter(channel=f.channel)
    if f.q:
        qs = qs.filter(Q(tracking_code=f.q.strip().upper()) | Q(employer_name__icontains=f.q))
    return qs.select_related("assigned_org", "intake_org", "category__parent").order_by(
        "due_at", "received_at"
    )


def _org_path(code: str) -> str:
    # A prefix match on the chosen org's path uses the path index (a '%/CODE/%' would not).
    org = org_by_code(code=code)
    return org.path if org else ""


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


def attachment_get_for_user(
    *, user: User | AnonymousUser, tracking_code: str, attachment_id: int
) -> Attachment:
    """An attachment of an order the user may see, else 404 (as for the order itself)."""
    order = work_order_get_for_user(user=user, tracking_code=tracking_code)
    attachment = order.attachments.filter(pk=attachment_id).first()
    if attachment is None:
        raise Http404
    return attachment


def work_order_get_public(*, tracking_code: str, phone_last4: str) -> WorkOrder:
    """The worker's own order: code and the phone's last four digits must both match, else 404.
    Any other last4 (not four ASCII digits) is the same 404, after the same query. Full-width
    digits (a phone keyboard's Chinese mode) count as the digits they show."""
    last4 = unicodedata.normalize("NFKC", str(phone_last4)).strip()
    order = WorkOrder.objects.filter(tracking_code=str(tracking_code).strip().upper()).first()
    # Bytes: compare_digest refuses a str with non-ASCII characters (TypeError).
    if (
        order is None
        or not hmac.compare_digest(order.phone_last4.encode(), last4.encode())
        or not LAST4_RE.fullmatch(last4)
    ):
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


def category_code_exists(*, code: str) -> bool:
    """Any category, retired ones too: old orders still carry them."""
    return Category.objects.filter(code=code).exists()


def work_order_page(
    *, orders: QuerySet[WorkOrder], offset: int, limit: int, fields: tuple[str, ...]
) -> tuple[list[dict[str, Any]], int]:
    """One page of a queue as `fields` values (values() names), and the queue's length.
    Two steps: the ids with the total as a window count (one pass, which the open-queue index
    answers alone on PostgreSQL), then those rows by primary key, in the same order. Plain
    values, not model instances: a page is read on every queue view."""
    head = list(
        orders.annotate(total=Window(Count("pk"))).values_list("pk", "total")[
            offset : offset + limit
        ]
    )
    if not head:
        return [], (orders.count() if offset else 0)
    ids = [pk for pk, _total in head]
    rows = {row["pk"]: row for row in WorkOrder.objects.filter(pk__in=ids).values("pk", *fields)}
    return [rows[pk] for pk in ids], head[0][1]
