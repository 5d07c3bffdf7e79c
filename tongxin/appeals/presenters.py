"""Shapes of a work order for the outside world: API payloads and the public tracking page.

The public shape carries no personal data and no internal notes."""

from typing import Any

from django.contrib.auth.models import User

from tongxin.appeals import selectors
from tongxin.appeals.models import WorkOrder, WorkOrderEvent
from tongxin.appeals.workflow import allowed_transitions
from tongxin.core.masking import mask_phone

S = WorkOrder.Status
RATABLE = (S.REPLIED, S.REVISITED, S.CLOSED, S.ANSWERED_DIRECTLY)


def _timeline(order: WorkOrder, *, with_notes: bool) -> list[dict[str, Any]]:
    rows = []
    for e in selectors.work_order_timeline(order=order):
        rows.append(
            {
                "time": e.created_at,
                "action": e.action,
                "action_label": str(WorkOrderEvent.Action(e.action).label),
                "status": e.to_status,
                "status_label": str(S(e.to_status).label) if e.to_status else "",
                "note": e.note if with_notes else "",
            }
        )
    return rows


def public_view(order: WorkOrder) -> dict[str, Any]:
    replied = order.status in RATABLE
    return {
        "tracking_code": order.tracking_code,
        "status": order.status,
        "status_label": str(S(order.status).label),  # one lookup, not the whole choices list
        "received_at": order.received_at,
        "due_at": order.due_at,
        "timeline": _timeline(order, with_notes=False),
        "reply": order.reply if replied else None,
        "can_rate": replied and not order.worker_rating,
    }


# The columns row_view reads (a queue page loads only these).
ROW_FIELDS = (
    "tracking_code",
    "status",
    "channel",
    "category__code",
    "nature",
    "difficulty",
    "assigned_org__code",
    "intake_org__code",
    "received_at",
    "accept_due_at",
    "due_at",
    "is_group",
    "wage_arrears",
    "emergency",
    "workers_involved",
    "phone",
    "employer_name",
)


def row_view(order: WorkOrder) -> dict[str, Any]:
    return {
        "tracking_code": order.tracking_code,
        "status": order.status,
        "status_label": str(S(order.status).label),  # one lookup, not the whole choices list
        "channel": order.channel,
        "category": order.category.code if order.category else None,
        "nature": order.nature,
        "difficulty": order.difficulty,
        "assigned_org": order.assigned_org.code,
        "intake_org": order.intake_org.code,
        "received_at": order.received_at,
        "accept_due_at": order.accept_due_at,
        "due_at": order.due_at,
        "is_overdue": order.is_overdue,
        "is_group": order.is_group,
        "wage_arrears": order.wage_arrears,
        "emergency": order.emergency,
        "workers_involved": order.workers_involved,
        "phone_masked": mask_phone(order.phone),
        "employer_name": order.employer_name,
    }


def detail_view(order: WorkOrder, *, user: User) -> dict[str, Any]:
    return {
        **row_view(order),
        "description": order.description,
        "requester_name": order.requester_name,
        "amount_claimed": order.amount_claimed,
        "reply": order.reply,
        "revisit_result": order.revisit_result,
        "worker_rating": order.worker_rating,
        "reopen_count": order.reopen_count,
        "handler": order.handler.username if order.handler else None,
        "allowed_actions": [t.action for t in allowed_transitions(user=user, order=order)],
        "timeline": _timeline(order, with_notes=True),
    }
