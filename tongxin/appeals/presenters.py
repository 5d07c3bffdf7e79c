"""Shapes of a work order for the outside world: API payloads and the public tracking page.

The public shape carries no personal data and no internal notes."""

from collections.abc import Mapping
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


# The columns row_view reads, as values() names (a queue page loads only these).
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


def row_values(order: WorkOrder) -> dict[str, Any]:
    """An order's ROW_FIELDS, as a queue page reads them with values()."""
    values: dict[str, Any] = {}
    for name in ROW_FIELDS:
        target: Any = order
        for part in name.split("__"):
            target = getattr(target, part) if target is not None else None
        values[name] = target
    return values


def row_view(row: Mapping[str, Any]) -> dict[str, Any]:
    """A queue row from an order's ROW_FIELDS values (see `row_values`)."""
    return {
        "tracking_code": row["tracking_code"],
        "status": row["status"],
        "status_label": str(S(row["status"]).label),  # one lookup, not the whole choices list
        "channel": row["channel"],
        "category": row["category__code"],
        "nature": row["nature"],
        "difficulty": row["difficulty"],
        "assigned_org": row["assigned_org__code"],
        "intake_org": row["intake_org__code"],
        "received_at": row["received_at"],
        "accept_due_at": row["accept_due_at"],
        "due_at": row["due_at"],
        "is_overdue": WorkOrder.overdue(status=row["status"], due_at=row["due_at"]),
        "is_group": row["is_group"],
        "wage_arrears": row["wage_arrears"],
        "emergency": row["emergency"],
        "workers_involved": row["workers_involved"],
        "phone_masked": mask_phone(row["phone"]),
        "employer_name": row["employer_name"],
    }


def detail_view(order: WorkOrder, *, user: User) -> dict[str, Any]:
    return {
        **row_view(row_values(order)),
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
