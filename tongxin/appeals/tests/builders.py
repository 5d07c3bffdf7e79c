"""Orders in any status, built only through the real services (no hand-set status fields)."""

from typing import Any

from django.contrib.auth.models import User

from tongxin.appeals import services
from tongxin.appeals.models import WorkOrder
from tongxin.appeals.tests.factories import submit
from tongxin.orgs.models import OrgUnit

S = WorkOrder.Status
REPLY = "已协调企业补发工资 2300 元。"


def act(actor: User, order: WorkOrder, action: str, **payload: Any) -> WorkOrder:
    return services.work_order_transition(actor=actor, order=order, action=action, payload=payload)


def order_in(
    status: str, *, tree: dict[str, OrgUnit], cast: dict[str, User], **data: Any
) -> WorkOrder:
    """An order taken in at the city and, past NEW, dispatched to the park (JJKFQ), where the
    handler works. Replies are by the handler; revisits and closes by the operator."""
    order = submit(tree["city"], **data)
    admin, handler, operator = cast["admin"], cast["handler"], cast["operator"]
    if status == S.NEW:
        return order
    if status == S.ANSWERED_DIRECTLY:
        return act(operator, order, "answer_directly", reply=REPLY)
    if status == S.MERGED:
        target = submit(tree["city"])
        return act(operator, order, "merge", duplicate_of=target.tracking_code)
    if status == S.INVALID:
        return act(operator, order, "invalidate", note="骚扰电话")
    order = act(admin, order, "dispatch", to_org="JJKFQ")
    if status == S.DISPATCHED:
        return order
    if status == S.RETURNED:
        return act(handler, order, "return", note="不属于本园区")
    order = act(handler, order, "accept")
    if status == S.ACCEPTED:
        return order
    if status == S.TRANSFERRED_EXTERNAL:
        return act(handler, order, "transfer_external", agency="JJ-HRSS")
    order = act(handler, order, "start")
    if status == S.IN_PROGRESS:
        return order
    if status == S.EXTENSION_REQUESTED:
        return act(handler, order, "request_extension", days="3", note="需等仲裁结果")
    order = act(handler, order, "reply", reply=REPLY, solved="1")
    if status == S.REPLIED:
        return order
    order = act(operator, order, "revisit", result="satisfied")
    if status == S.REVISITED:
        return order
    if status == S.CLOSED:
        return act(operator, order, "close")
    if status == S.REOPENED:
        return act(admin, order, "reopen", note="职工反映未补发")
    raise AssertionError(f"no recipe for {status}")
