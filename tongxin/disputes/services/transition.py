"""The one path that changes a case after it is opened. Every action writes one DisputeEvent."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.models import MediationCase
from tongxin.disputes.services import handovers, mediation, roster, settlement
from tongxin.disputes.services.common import event
from tongxin.disputes.workflow import TRANSITIONS, refusal

Apply = Callable[[User, MediationCase, dict[str, Any], str], dict[str, Any]]
_APPLY: dict[str, Apply] = {
    "accept": mediation._apply_accept,
    "refuse": mediation._apply_refuse,
    "add_party": roster._apply_add_party,
    "change_party": roster._apply_change_party,
    "remove_party": roster._apply_remove_party,
    "add_claim": roster._apply_add_claim,
    "change_claim": roster._apply_change_claim,
    "remove_claim": roster._apply_remove_claim,
    "join_agency": mediation._apply_join_agency,
    "agency_sign_off": mediation._apply_agency_sign_off,
    "record_session": mediation._apply_record_session,
    "extend": mediation._apply_extend,
    "draft_agreement": settlement._apply_draft_agreement,
    "sign_agreement": settlement._apply_sign_agreement,
    "fail": mediation._apply_fail,
    "record_payment": settlement._apply_record_payment,
    "mark_not_performed": settlement._apply_mark_not_performed,
    "handover": handovers._apply_handover,
    "handover_outcome": handovers._apply_handover_outcome,
    "record_separation": handovers._apply_record_separation,
    "separation_notice": handovers._apply_separation_notice,
    "separation_corrected": handovers._apply_separation_corrected,
    "close": mediation._apply_close,
}
assert set(_APPLY) == set(TRANSITIONS), "every case action needs an apply function"


@transaction.atomic
def dispute_transition(
    *, actor: User, case: MediationCase, action: str, payload: dict[str, Any] | None = None
) -> MediationCase:
    """Take one action on a case if its status and the actor's role allow it; all or nothing,
    and exactly one timeline event for it."""
    payload = payload or {}
    transition = TRANSITIONS.get(str(action))
    if transition is None:
        raise ApplicationError(
            _("未知操作：%(action)s") % {"action": action}, code="unknown_action", field="action"
        )
    case = (
        MediationCase.objects.select_for_update()
        .select_related("org")
        .prefetch_related("agencies")
        .get(pk=case.pk)
    )
    if reason := refusal(user=actor, case=case, transition=transition):
        raise ApplicationError(reason, code="transition_refused", field="action")
    note = validation.clean_text(
        payload.get("note"),
        field="note",
        label=_("说明"),
        required=transition.note_required,
        max_len=2000,
    )
    from_status = case.status
    data = _APPLY[transition.action](actor, case, payload, note)
    agency = data.pop("_agency", None)
    if transition.target:
        case.status = transition.target
    case.save()
    event(
        case=case,
        actor=actor,
        action=transition.action,
        from_status=from_status,
        note=note,
        data=data,
        agency=agency,
    )
    return case
