"""The mediation case's actions as data: from which statuses, to which status, and who may act.

Every change to a case goes through services.dispute_transition, which checks this table;
`target` None means the status stays or the service decides it from the facts (a payment
that settles the last amount makes the case 'performed')."""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tongxin.disputes.models import Claim, MediationCase, Payment, SeparationCorrection
from tongxin.orgs.selectors import agency_ids_for_user, roles_at

S = MediationCase.Status
MEDIATORS = frozenset({"handler", "dispatcher", "supervisor", "admin"})
AGENCY = "agency"  # a user of a partner agency that takes part in the case
EDITABLE = frozenset({S.APPLIED, S.ACCEPTED, S.IN_MEDIATION, S.AGREEMENT_EFFECTIVE, S.PERFORMING})
MEDIATING = frozenset({S.ACCEPTED, S.IN_MEDIATION})
SETTLING = frozenset({S.IN_MEDIATION, S.AGREEMENT_EFFECTIVE, S.PERFORMING})
PAYING = frozenset({S.AGREEMENT_EFFECTIVE, S.PERFORMING, S.NOT_PERFORMED, S.HANDED_OVER})
OPEN = frozenset(MediationCase.OPEN_STATUSES)
ANY_BUT_REFUSED = frozenset(set(S.values) - {S.REFUSED})


def _has_pending_claims(case: MediationCase) -> bool:
    return case.claims.filter(outcome=Claim.Outcome.PENDING).exists()


def _has_draft(case: MediationCase) -> bool:
    return case.agreements.filter(effective_on__isnull=True).exists()


def _has_money_due(case: MediationCase) -> bool:
    settled = [Claim.Outcome.AGREED, Claim.Outcome.SETTLED_ELSEWHERE]
    agreed = case.claims.filter(outcome__in=settled).aggregate(t=Sum("amount_agreed"))["t"]
    paid = Payment.objects.filter(claim__case=case).aggregate(t=Sum("amount"))["t"]
    return (agreed or Decimal(0)) > (paid or Decimal(0))


def _has_unsigned_agency(case: MediationCase) -> bool:
    return any(a.signed_off_at is None for a in case.agencies.all())


def _has_pending_handover(case: MediationCase) -> bool:
    return case.handovers.filter(outcome="pending").exists()


def _has_unsent_separation(case: MediationCase) -> bool:
    return case.separations.filter(status=SeparationCorrection.Status.RECORDED).exists()


def _has_uncorrected_separation(case: MediationCase) -> bool:
    return case.separations.exclude(status=SeparationCorrection.Status.CORRECTED).exists()


@dataclass(frozen=True)
class Transition:
    action: str
    label: Promise
    sources: frozenset[str]
    target: str | None
    roles: frozenset[str] = MEDIATORS
    note_required: bool = False
    # What the case must have for the action to make sense (so pages offer only real actions).
    needs: Callable[[MediationCase], bool] | None = None
    needs_message: Promise | None = None


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in [
        Transition(
            "accept", pgettext_lazy("mediation action", "受理"), frozenset({S.APPLIED}), S.ACCEPTED
        ),
        Transition("refuse", _("不予受理"), frozenset({S.APPLIED}), S.REFUSED, note_required=True),
        Transition("add_party", _("添加当事人"), EDITABLE, None),
        Transition("change_party", _("修改当事人"), EDITABLE, None),
        Transition("remove_party", _("移除当事人"), EDITABLE, None, note_required=True),
        Transition("add_claim", _("添加请求"), EDITABLE, None),
        Transition(
            "change_claim",
            _("修改请求"),
            EDITABLE,
            None,
            needs=_has_pending_claims,
            needs_message=_("本案没有待调解的请求。"),
        ),
        Transition(
            "remove_claim",
            _("移除请求"),
            EDITABLE,
            None,
            note_required=True,
            needs=_has_pending_claims,
            needs_message=_("本案没有待调解的请求。"),
        ),
        Transition("join_agency", _("邀请部门参与"), OPEN, None),
        Transition(
            "agency_sign_off",
            _("部门会签"),
            ANY_BUT_REFUSED,  # an agency may confirm the result after the money is paid
            None,
            MEDIATORS | {AGENCY},
            needs=_has_unsigned_agency,
            needs_message=_("没有待会签的参与部门。"),
        ),
        Transition("record_session", _("调解记录"), MEDIATING, S.IN_MEDIATION),
        Transition("extend", _("延长调解期限"), MEDIATING, None, note_required=True),
        Transition(
            "draft_agreement",
            _("拟定调解协议"),
            SETTLING,
            None,
            needs=_has_pending_claims,
            needs_message=_("本案没有待调解的请求。"),
        ),
        Transition(
            "sign_agreement",
            _("协议签署生效"),
            SETTLING,
            None,
            needs=_has_draft,
            needs_message=_("请先拟定调解协议。"),
        ),
        Transition("fail", _("终止调解"), MEDIATING, S.FAILED),
        Transition(
            "record_payment",
            _("登记履行款项"),
            PAYING,
            None,
            needs=_has_money_due,
            needs_message=_("没有待支付的达成金额。"),
        ),
        Transition(
            "mark_not_performed",
            _("登记未履行"),
            frozenset({S.AGREEMENT_EFFECTIVE, S.PERFORMING}),
            S.NOT_PERFORMED,
            note_required=True,
        ),
        Transition(
            "handover",
            _("移交"),
            frozenset({*SETTLING, S.FAILED, S.NOT_PERFORMED, S.HANDED_OVER}),
            None,
        ),
        Transition(
            "handover_outcome",
            _("登记移交结果"),
            frozenset({*SETTLING, S.FAILED, S.NOT_PERFORMED, S.HANDED_OVER, S.PERFORMED}),
            None,
            needs=_has_pending_handover,
            needs_message=_("没有待登记结果的移交。"),
        ),
        Transition("record_separation", _("登记离职原因更正"), ANY_BUT_REFUSED, None),
        Transition(
            "separation_notice",
            _("函告人社部门"),
            ANY_BUT_REFUSED,
            None,
            needs=_has_unsent_separation,
            needs_message=_("没有待函告的离职原因更正。"),
        ),
        Transition(
            "separation_corrected",
            _("离职原因已更正"),
            ANY_BUT_REFUSED,
            None,
            needs=_has_uncorrected_separation,
            needs_message=_("没有待更正的离职原因。"),
        ),
        Transition(
            "close",
            _("结案"),
            frozenset({S.FAILED, S.HANDED_OVER, S.NOT_PERFORMED}),
            S.CLOSED,
            note_required=True,
        ),
    ]
}


def actor_roles(*, user: User | AnonymousUser, case: MediationCase) -> set[str]:
    """Union roles at the case's org (or above), plus 'agency' for a taking-part agency."""
    roles = roles_at(user=user, org=case.org)
    mine = set(agency_ids_for_user(user=user))
    if mine and any(a.agency_id in mine for a in case.agencies.all()):
        roles.add(AGENCY)
    return roles


def refusal(
    *, user: User | AnonymousUser, case: MediationCase, transition: Transition
) -> str | None:
    """Why `user` may not take `transition` on `case` now, or None if they may."""
    if case.status not in transition.sources:
        return str(
            _("当前状态“%(status)s”不能执行“%(action)s”。")
            % {"status": case.get_status_display(), "action": transition.label}
        )
    if not actor_roles(user=user, case=case) & transition.roles:
        return str(_("您的岗位不能执行“%(action)s”。") % {"action": transition.label})
    if transition.needs is not None and not transition.needs(case):
        return str(transition.needs_message)
    return None


def allowed_transitions(*, user: User | AnonymousUser, case: MediationCase) -> list[Transition]:
    """Exactly the actions `user` may take on `case` now."""
    return [t for t in TRANSITIONS.values() if refusal(user=user, case=case, transition=t) is None]
