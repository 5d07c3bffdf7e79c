"""Acceptance, sessions, extension, ending a mediation, and the agencies that take part."""

from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.models import CaseAgency, MediationCase, MediationSession
from tongxin.disputes.services.common import roster_problem
from tongxin.disputes.workflow import MEDIATORS
from tongxin.orgs.models import PartnerAgency
from tongxin.orgs.selectors import agency_ids_for_user, agency_list_for_org, roles_at

S = MediationCase.Status
Data = dict[str, Any]


def _mediators(case: MediationCase, usernames: Any, actor: User) -> list[User]:
    """Staff who may mediate this case (a mediating role at its org or above)."""
    if usernames in (None, "", []):
        return [actor]
    if isinstance(usernames, str):
        usernames = [u for u in usernames.replace("，", ",").split(",") if u.strip()]
    chosen = []
    for username in usernames:
        user = User.objects.filter(username=str(username).strip(), is_active=True).first()
        if user is None or not roles_at(user=user, org=case.org) & MEDIATORS:
            raise ApplicationError(
                _("“%(name)s”不是本调解组织的调解人员。") % {"name": username},
                code="invalid_mediator",
                field="mediators",
            )
        chosen.append(user)
    return chosen


def _apply_accept(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    if problem := roster_problem(case):
        raise problem
    mediators = _mediators(case, p.get("mediators"), actor)
    case.accepted_on = timezone.localdate()
    case.save()
    case.mediators.set(mediators)
    return {
        "mediators": [m.username for m in mediators],
        "late": case.accepted_on > case.decision_due_on,
    }


def _apply_refuse(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    case.refusal_reason = note
    case.ended_on = timezone.localdate()
    return {}


def _apply_record_session(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    held_at = validation.clean_datetime(p.get("held_at"), field="held_at", label=_("调解时间"))
    held_at = held_at or timezone.now()
    if timezone.localdate(held_at) < case.received_on:
        raise ApplicationError(
            _("调解时间不能早于收到申请的日期。"), code="invalid", field="held_at"
        )
    text = {
        name: validation.clean_text(p.get(name), field=name, label=label, required=required)
        for name, label, required in (
            ("place", _("地点"), True),
            ("attendees", _("参加人员"), True),
            ("statements", _("当事人陈述"), True),
            ("proposals", _("调解意见/方案"), False),
            ("result", _("调解情况"), False),
        )
    }
    mediators = validation.clean_text(
        p.get("mediator_names"), field="mediator_names", label=_("调解员")
    )
    if not mediators:
        mediators = "、".join(m.get_full_name() or m.username for m in case.mediators.all())
    session = MediationSession.objects.create(
        case=case,
        number=case.sessions.count() + 1,
        held_at=held_at,
        mediators=mediators,
        recorded_by=actor,
        **text,
    )
    return {"session": session.number}


def _apply_extend(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    consent = validation.clean_bool(
        p.get("parties_consent"), field="parties_consent", label=_("双方当事人同意")
    )
    if not consent:
        raise ApplicationError(
            _("延长调解期限须经双方当事人同意。"), code="consent_required", field="parties_consent"
        )
    until = validation.clean_date(p.get("until"), field="until", label=_("延长至"), required=True)
    assert until is not None
    if until <= case.mediation_due_on:
        raise ApplicationError(
            _("延长后的期限应晚于现期限 %(due)s。") % {"due": case.mediation_due_on},
            code="invalid",
            field="until",
        )
    old = case.mediation_due_on
    case.mediation_due_on = until
    case.extension_reason = note
    return {"from": old.isoformat(), "to": until.isoformat()}


def _apply_fail(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    reason = validation.clean_choice(
        p.get("reason"),
        field="reason",
        label=_("终止原因"),
        choices=MediationCase.FailureReason.values,
        required=True,
    )
    today = timezone.localdate()
    if (
        reason == MediationCase.FailureReason.NO_AGREEMENT_IN_TIME
        and today <= case.mediation_due_on
    ):
        raise ApplicationError(
            _("调解期限 %(due)s 尚未届满。") % {"due": case.mediation_due_on},
            code="not_due",
            field="reason",
        )
    case.failure_reason = reason
    case.ended_on = today
    return {"reason": reason}


def _apply_close(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    case.closed_at = timezone.now()
    return {}


def _agency(case: MediationCase, code: Any, field: str = "agency") -> PartnerAgency:
    agency = agency_list_for_org(org=case.org).filter(code=str(code or "").strip()).first()
    if agency is None:
        raise ApplicationError(_("请选择本辖区的协作部门。"), code="invalid_agency", field=field)
    return agency


def _apply_join_agency(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    agency = _agency(case, p.get("agency"))
    role = validation.clean_choice(
        p.get("agency_role"),
        field="agency_role",
        label=_("职责"),
        choices=CaseAgency.Role.values,
        required=True,
    )
    if case.agencies.filter(agency=agency).exists():
        raise ApplicationError(_("该部门已参与本案。"), code="duplicate", field="agency")
    CaseAgency.objects.create(case=case, agency=agency, role=role, joined_on=timezone.localdate())
    return {"agency": agency.code, "agency_role": role}


def _apply_agency_sign_off(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    """An agency's user signs off for their own agency; union staff record a paper sign-off
    for the agency they name."""
    taking_part = list(case.agencies.select_related("agency"))
    if roles_at(user=actor, org=case.org) & MEDIATORS:
        allowed = taking_part
    else:
        mine = set(agency_ids_for_user(user=actor))
        allowed = [a for a in taking_part if a.agency_id in mine]
    code = str(p.get("agency") or "").strip()
    part = next(
        (a for a in allowed if a.agency.code == code or (not code and len(allowed) == 1)), None
    )
    if part is None:
        raise ApplicationError(_("请选择参与本案的部门。"), code="invalid_agency", field="agency")
    if part.signed_off_at:
        raise ApplicationError(_("该部门已会签。"), code="duplicate", field="agency")
    part.signed_off_at, part.signed_off_by, part.sign_off_note = timezone.now(), actor, note
    part.save()
    return {"agency": part.agency.code, "_agency": part.agency}
