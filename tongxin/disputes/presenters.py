"""Shapes of a mediation case for the API. Phones and ID numbers leave only masked."""

from typing import Any

from django.contrib.auth.models import AnonymousUser, User

from tongxin.core.masking import mask_id_number, mask_phone
from tongxin.disputes import selectors
from tongxin.disputes.models import DisputeEvent, MediationCase, Party
from tongxin.disputes.workflow import allowed_transitions


def _label(choices: Any, value: str) -> str:
    return str(choices(value).label) if value else ""


def row_view(case: MediationCase) -> dict[str, Any]:
    return {
        "id": case.pk,
        "case_no": case.case_no,
        "org": case.org.code,
        "org_name": case.org.name,
        "kind": case.kind,
        "source": case.source,
        "status": case.status,
        "status_label": str(MediationCase.Status(case.status).label),
        "received_on": case.received_on,
        "decision_due_on": case.decision_due_on,
        "mediation_due_on": case.mediation_due_on,
        "is_mediation_overdue": case.is_mediation_overdue,
    }


def _party(p: Party) -> dict[str, Any]:
    return {
        "id": p.pk,
        "role": p.role,
        "name": p.name,
        "is_representative": p.is_representative,
        "phone_masked": mask_phone(p.phone),
        "id_number_masked": mask_id_number(p.id_number),
        "legal_rep_name": p.legal_rep_name,
        "agent_for": p.agent_for_id,
    }


def _timeline(case: MediationCase) -> list[dict[str, Any]]:
    return [
        {
            "time": e.created_at,
            "action": e.action,
            "action_label": _label(DisputeEvent.Action, e.action),
            "status": e.to_status,
            "actor": e.actor.username if e.actor else None,
            "agency": e.agency.code if e.agency else None,
            "note": e.note,
        }
        for e in selectors.dispute_timeline(case=case)
    ]


def detail_view(case: MediationCase, *, user: User | AnonymousUser) -> dict[str, Any]:
    totals = selectors.case_totals(case=case)
    claims = [c for w in totals.workers for c in w.claims]
    return {
        **row_view(case),
        "work_order": case.work_order.tracking_code if case.work_order else None,
        "requests": case.requests,
        "facts": case.facts,
        "referring_court": case.referring_court.code if case.referring_court else None,
        "court_case_no": case.court_case_no,
        "referral_due_on": case.referral_due_on,
        "accepted_on": case.accepted_on,
        "ended_on": case.ended_on,
        "failure_reason": case.failure_reason,
        "mediators": [m.username for m in case.mediators.all()],
        "parties": [_party(p) for p in case.parties.all()],
        "claims": [
            {
                "id": c.pk,
                "worker": c.worker_id,
                "type": c.type,
                "amount_claimed": c.amount_claimed,
                "amount_agreed": c.amount_agreed,
                "amount_paid": c.paid or 0,  # type: ignore[attr-defined]
                "outcome": c.outcome,
                "agreement": c.agreement.number if c.agreement else None,
                "handover": c.handover_id,
                "calculation": c.calculation,
            }
            for c in claims
        ],
        "totals": {
            "claimed": totals.claimed,
            "agreed": totals.agreed,
            "paid": totals.paid,
            "outstanding": totals.outstanding,
            "workers": [
                {"worker": w.worker.pk, "claimed": w.claimed, "agreed": w.agreed, "paid": w.paid}
                for w in totals.workers
            ],
        },
        "agreements": [
            {
                "number": a.number,
                "workers": [w.pk for w in a.workers.all()],
                "performance_due_on": a.performance_due_on,
                "effective_on": a.effective_on,
            }
            for a in case.agreements.prefetch_related("workers")
        ],
        "handovers": [
            {
                "id": h.pk,
                "kind": h.kind,
                "agency": h.agency.code,
                "legal_basis": h.legal_basis,
                "handed_on": h.handed_on,
                "due_on": h.due_on,
                "outcome": h.outcome,
                "workers": [w.pk for w in h.workers.all()],
            }
            for h in case.handovers.select_related("agency").prefetch_related("workers")
        ],
        "agencies": [
            {"agency": a.agency.code, "role": a.role, "signed_off_at": a.signed_off_at}
            for a in case.agencies.all()
        ],
        "separations": [
            {
                "id": s.pk,
                "recorded_reason": s.recorded_reason,
                "lawful_reason": s.lawful_reason,
                "status": s.status,
                "workers": [w.pk for w in s.workers.all()],
            }
            for s in case.separations.prefetch_related("workers")
        ],
        "sessions": [
            {"number": s.number, "held_at": s.held_at, "place": s.place}
            for s in case.sessions.all()
        ],
        "allowed_actions": [t.action for t in allowed_transitions(user=user, case=case)],
        "timeline": _timeline(case),
    }
