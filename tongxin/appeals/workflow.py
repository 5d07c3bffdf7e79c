"""The work-order state machine as data: which action moves which status, and who may act.

Every status change goes through services.work_order_transition, which checks this table.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from tongxin.appeals.models import WorkOrder
from tongxin.orgs.selectors import roles_at, staff_role_list

S = WorkOrder.Status
A = WorkOrder.Satisfaction
HANDLING = frozenset({"handler", "dispatcher", "supervisor", "admin"})
PLATFORM = frozenset({"operator", "dispatcher", "supervisor", "admin"})
ROUTING = frozenset({"dispatcher", "supervisor", "admin"})
OVERSIGHT = frozenset({"supervisor", "admin"})
RUNNING = frozenset(WorkOrder.RUNNING_STATUSES)


@dataclass(frozen=True)
class Transition:
    action: str
    label: Promise
    sources: frozenset[str]
    target: str | None  # None: the status stays (or is decided by the input, as for revisit)
    roles: frozenset[str]
    # Whose roles count. By default the assigned org's (and the orgs above it); platform=True
    # adds the org that took the appeal in, so it may still classify, urge and supervise an
    # order it sent down. platform_only=True is for what the hotline platform alone does
    # ("the hotline platform revisits, quality-checks, then closes"; 回访 "by platform not
    # handler"): only roles at the intake org count, and neither the order's handler or replier
    # nor anyone working in the orgs it was handled in below the intake org may act.
    platform: bool = False
    platform_only: bool = False
    note_required: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        Transition(
            "classify",
            _("分类"),
            frozenset(WorkOrder.OPEN_STATUSES),
            None,
            PLATFORM | HANDLING,
            platform=True,
        ),
        Transition(
            "dispatch",
            _("派单"),
            frozenset({S.NEW, S.RETURNED, S.DISPATCHED, S.ACCEPTED, S.REOPENED}),
            S.DISPATCHED,
            ROUTING,
        ),
        Transition(
            "answer_directly",
            _("即时答复"),
            frozenset({S.NEW}),
            S.ANSWERED_DIRECTLY,
            PLATFORM,
            platform=True,
        ),
        Transition(
            "merge", _("合并重复诉求"), frozenset({S.NEW}), S.MERGED, PLATFORM, platform=True
        ),
        Transition(
            "invalidate",
            _("作废"),
            frozenset({S.NEW}),
            S.INVALID,
            PLATFORM,
            platform=True,
            note_required=True,
        ),
        # Accepting a NEW order: the org that took it in handles it itself (no dispatch needed).
        Transition(
            "accept", _("签收"), frozenset({S.NEW, S.DISPATCHED, S.REOPENED}), S.ACCEPTED, HANDLING
        ),
        Transition(
            "return", _("退回"), frozenset({S.DISPATCHED}), S.RETURNED, HANDLING, note_required=True
        ),
        Transition("start", _("开始办理"), frozenset({S.ACCEPTED}), S.IN_PROGRESS, HANDLING),
        Transition(
            "request_extension",
            _("申请延期"),
            frozenset({S.ACCEPTED, S.IN_PROGRESS}),
            S.EXTENSION_REQUESTED,
            HANDLING,
            note_required=True,
        ),
        Transition(
            "approve_extension",
            _("批准延期"),
            frozenset({S.EXTENSION_REQUESTED}),
            S.IN_PROGRESS,
            OVERSIGHT,
        ),
        Transition(
            "reject_extension",
            _("驳回延期"),
            frozenset({S.EXTENSION_REQUESTED}),
            S.IN_PROGRESS,
            OVERSIGHT,
            note_required=True,
        ),
        Transition(
            "transfer_external",
            _("转协作部门"),
            frozenset({S.ACCEPTED, S.IN_PROGRESS}),
            S.TRANSFERRED_EXTERNAL,
            HANDLING,
        ),
        Transition(
            "agency_feedback",
            _("登记部门反馈"),
            frozenset({S.TRANSFERRED_EXTERNAL}),
            S.IN_PROGRESS,
            HANDLING,
            note_required=True,
        ),
        Transition(
            "reply", _("办结反馈"), frozenset({S.ACCEPTED, S.IN_PROGRESS}), S.REPLIED, HANDLING
        ),
        Transition(
            "revisit",
            _("回访"),
            frozenset({S.REPLIED, S.ANSWERED_DIRECTLY}),
            None,
            frozenset({"operator", "supervisor", "admin"}),
            platform_only=True,
        ),
        Transition(
            "close",
            _("结案"),
            frozenset({S.REVISITED}),
            S.CLOSED,
            frozenset({"operator", "supervisor", "admin"}),
            platform_only=True,
        ),
        Transition(
            "reopen",
            _("重办"),
            frozenset({S.REVISITED, S.CLOSED}),
            S.REOPENED,
            OVERSIGHT,
            platform=True,
            note_required=True,
        ),
        Transition("urge", _("催办"), RUNNING, None, ROUTING | {"operator"}, platform=True),
        Transition(
            "supervise", _("督办"), RUNNING, None, OVERSIGHT, platform=True, note_required=True
        ),
    ]
}


def actor_roles(*, user: User, order: WorkOrder, transition: Transition) -> set[str]:
    if transition.platform_only:
        return roles_at(user=user, org=order.intake_org)
    roles = roles_at(user=user, org=order.assigned_org)
    if transition.platform:
        roles |= roles_at(user=user, org=order.intake_org)
    return roles


def works_in_handling_chain(*, user: User, order: WorkOrder) -> bool:
    """True if the user holds a role at an org below the intake org that the order was sent
    down to or through: the org handling it now or one above it (orders go only down)."""
    intake, assigned = order.intake_org, order.assigned_org
    return any(
        assigned.is_within(r.org) and r.org.is_within(intake) and r.org.pk != intake.pk
        for r in staff_role_list(user=user)
    )


def refusal(*, user: User, order: WorkOrder, transition: Transition) -> str | None:
    """Why `user` may not take `transition` on `order` now, or None if they may."""
    if order.status not in transition.sources:
        return str(
            _("当前状态“%(status)s”不能执行“%(action)s”。")
            % {"status": order.get_status_display(), "action": transition.label}
        )
    if not actor_roles(user=user, order=order, transition=transition) & transition.roles:
        return str(_("您的岗位不能执行“%(action)s”。") % {"action": transition.label})
    if transition.platform_only:
        if user.pk in (order.handler_id, order.replied_by_id):
            return str(
                _("“%(action)s”须由受理平台人员进行，不能由承办人或答复人本人进行。")
                % {"action": transition.label}
            )
        if works_in_handling_chain(user=user, order=order):
            return str(
                _("“%(action)s”须由受理平台人员进行，承办本工单的下级组织人员不能执行。")
                % {"action": transition.label}
            )
    if transition.action == "urge" and order.is_overdue:
        return str(_("工单已超期，应督办而非催办。"))
    if transition.action == "supervise" and not (order.is_overdue or order.is_accept_overdue):
        return str(_("工单未超期，可先催办。"))
    return None


def allowed_transitions(*, user: User, order: WorkOrder) -> list[Transition]:
    """Exactly the actions `user` may take on `order` now."""
    return [
        t for t in TRANSITIONS.values() if refusal(user=user, order=order, transition=t) is None
    ]
