"""What each document says, as plain dicts read from the case: one function per kind. The
same dict fills the Word template and the PDF template. Nothing here writes."""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.documents import wording
from tongxin.disputes.documents.formatting import (
    chinese,
    cn_date,
    money,
    paragraphs,
    sentence_body,
)
from tongxin.disputes.documents.people import Cast, agent, person, respondent
from tongxin.disputes.models import Agreement, Claim, ClaimType, MediationCase, MediationSession
from tongxin.disputes.selectors import WorkerTotals, case_totals
from tongxin.orgs.models import PartnerAgency

Context = dict[str, Any]
ZERO = Decimal("0.00")


def _parties(case: MediationCase, cast: Cast, acting: list | None = None) -> Context:
    """Who is in the dispute, as every document heads it. Ages are as at the application."""
    employer = cast.employer_name
    return {
        "case_no": case.case_no,
        "org_name": case.org.name,
        "collective": case.kind == MediationCase.Kind.COLLECTIVE,
        "worker_count": len(cast.workers),
        "applicants": [
            person(w, employer_name=employer, on=case.received_on)
            for w in cast.acting(case, acting)
        ],
        "applicant_names": cast.applicant_names(case),
        "respondent": respondent(cast.employer),
        "agents": [agent(a) for a in cast.agents],
    }


def _matter(claim: Claim) -> str:
    label = chinese(ClaimType(claim.type).label)
    return f"{label}（{claim.description}）" if claim.description else label


def _figures(amount: Decimal | None) -> str:
    return "—" if amount is None else f"{amount:,.2f}"


def _claims_per_worker(rows: list[WorkerTotals]) -> list[Context]:
    claims = [(row.worker.name, c) for row in rows for c in row.claims]
    return [
        {"no": i, "who": name, "matter": _matter(c), "amount": _figures(c.amount_claimed)}
        for i, (name, c) in enumerate(claims, 1)
    ]


def _claims_per_type(rows: list[WorkerTotals]) -> list[Context]:
    """A collective application sums each kind of claim; the roster has each worker's."""
    workers: dict[str, set[int]] = defaultdict(set)
    amounts: dict[str, Decimal | None] = {}
    for row in rows:
        for c in row.claims:
            workers[c.type].add(row.worker.pk)
            if c.amount_claimed is not None:
                amounts[c.type] = (amounts.get(c.type) or ZERO) + c.amount_claimed
    kinds = [t for t in ClaimType.values if t in workers]  # catalogue order
    return [
        {
            "no": i,
            "who": f"{len(workers[t])}人",
            "matter": chinese(ClaimType(t).label),
            "amount": _figures(amounts.get(t)),
        }
        for i, t in enumerate(kinds, 1)
    ]


def application_context(case: MediationCase) -> Context:
    """调解申请书 (LDMAL art. 12; domain-model.md §3), dated the day it was received."""
    cast = Cast.of(case)
    totals = case_totals(case=case)
    rows = sorted(totals.workers, key=lambda row: row.worker.pk)
    head = _parties(case, cast)
    roster = [
        {
            "no": i,
            **person(row.worker, employer_name=cast.employer_name, on=case.received_on),
            "claimed": f"{row.claimed:,.2f}",
            "note": "推举代表" if row.worker.is_representative else "",
        }
        for i, row in enumerate(rows, 1)
    ]
    return {
        **head,
        "requests": paragraphs(case.requests),
        "claim_rows": _claims_per_type(rows) if head["collective"] else _claims_per_worker(rows),
        "claimed_total": money(totals.claimed),
        "facts": paragraphs(case.facts),
        "evidence": paragraphs(case.evidence) or ["（申请时未提交证据）"],
        "roster": roster,
        "oral": case.application_form == MediationCase.ApplicationForm.ORAL,
        "date": cn_date(case.received_on),
    }


def _numbered(rows: QuerySet[Any], number: int | None, *, missing: str, not_found: str) -> Any:
    """The row with `number`, or the latest one."""
    row = rows.order_by("-number").first() if number is None else rows.filter(number=number).first()
    if row is not None:
        return row
    if number is None or not rows.exists():
        raise ApplicationError(missing, code="not_applicable", field="kind")
    raise ApplicationError(not_found % {"n": number}, code="not_found", field="number")


def _staff_name(user: Any) -> str:
    return user.get_full_name() or user.username


def record_context(case: MediationCase, number: int | None = None) -> Context:
    """调解笔录 of one session, the latest unless `number` is given."""
    session: MediationSession = _numbered(
        case.sessions.select_related("recorded_by"),
        number,
        missing=_("本案还没有调解笔录。"),
        not_found=_("本案没有第 %(n)d 次调解笔录。"),
    )
    held = timezone.localtime(session.held_at)
    return {
        **_parties(case, Cast.of(case)),
        "number": session.number,
        "held_at": f"{cn_date(held.date())} {held:%H:%M}",
        "place": session.place,
        "mediators": session.mediators,
        "recorder": _staff_name(session.recorded_by),
        "attendees": paragraphs(session.attendees),
        "statements": paragraphs(session.statements),
        "proposals": paragraphs(session.proposals) or ["（无）"],
        "result": paragraphs(session.result) or ["（无）"],
    }


def _agreed_item(claim: Claim) -> str:
    if claim.amount_agreed is None:
        return _matter(claim)
    return f"{_matter(claim)} {claim.amount_agreed:,.2f}元"


def agreement_context(case: MediationCase, number: int | None = None) -> Context:
    """调解协议书, the latest unless `number` is given: the agreed amount of every worker it
    covers, in figures and in capital numerals, and the total."""
    agreement: Agreement = _numbered(
        case.agreements.all(),
        number,
        missing=_("本案还没有拟定调解协议。"),
        not_found=_("本案没有第 %(n)d 号调解协议。"),
    )
    covered = sorted(agreement.workers.all(), key=lambda w: w.pk)
    claims: dict[int, list[Claim]] = defaultdict(list)
    for claim in agreement.claims.order_by("worker_id", "id"):
        claims[claim.worker_id].append(claim)
    amounts = {w.pk: sum((c.amount_agreed or ZERO for c in claims[w.pk]), ZERO) for w in covered}
    rows = [
        {
            "no": i,
            "name": w.name,
            "detail": "；".join(_agreed_item(c) for c in claims[w.pk]),
            **money(amounts[w.pk]),
        }
        for i, w in enumerate(covered, 1)
    ]
    workers_signed = cn_date(agreement.workers_signed_on)
    copies = len(covered) + 2  # each worker, the employer, and one on file
    return {
        **_parties(case, Cast.of(case), covered),
        "number": agreement.number,
        "draft": agreement.effective_on is None,
        "mediators": "、".join(_staff_name(m) for m in case.mediators.all()),
        "facts": paragraphs(agreement.facts),
        "terms": paragraphs(agreement.terms),
        "rows": rows,
        "total": money(sum(amounts.values(), ZERO)),
        "performance_method": agreement.performance_method,
        "performance_due_on": cn_date(agreement.performance_due_on),
        "waived": paragraphs(agreement.waived_claims) or ["无"],
        "effect": [line.format(copies=copies) for line in wording.AGREEMENT_EFFECT],
        "signers": [
            {"no": i, "name": w.name, "date": workers_signed} for i, w in enumerate(covered, 1)
        ],
        "employer_signed_on": cn_date(agreement.employer_signed_on),
        "mediator_signed_on": cn_date(agreement.mediator_signed_on),
        "sealed_on": cn_date(agreement.sealed_on),
        "effective_on": cn_date(agreement.effective_on) if agreement.effective_on else "",
    }


def termination_context(case: MediationCase) -> Context:
    """终止调解告知书 for a case that failed or was refused: why, and the worker's routes
    (人民调解法 art. 26; LDMAL arts. 5, 9, 14, 27)."""
    refused = case.status == MediationCase.Status.REFUSED
    if not (refused or case.failure_reason):
        raise ApplicationError(
            _("只有调解不成或不予受理的案件才出具终止调解告知书（本案状态：%(status)s）。")
            % {"status": case.get_status_display()},
            code="not_applicable",
            field="kind",
        )
    committee = next(
        (
            part.agency.name
            for part in case.agencies.select_related("agency")
            if part.agency.type == PartnerAgency.Type.ARBITRATION
        ),
        wording.UNKNOWN_COMMITTEE,
    )
    head = _parties(case, Cast.of(case))
    notice = (wording.TERMINATION_REFUSED if refused else wording.TERMINATION_FAILED).format(
        respondent=head["respondent"]["name"],
        received_on=cn_date(case.received_on),
        reason=sentence_body(case.refusal_reason)
        if refused
        else chinese(MediationCase.FailureReason(case.failure_reason).label),
        ended_on=cn_date(case.ended_on),
    )
    articles = wording.ARTICLES_REFUSED if refused else wording.ARTICLES_FAILED
    return {
        **head,
        "notice": notice,
        "routes": [
            line.format(committee=committee, articles=articles)
            for line in wording.TERMINATION_ROUTES
        ],
        "ended_on": cn_date(case.ended_on),
    }
