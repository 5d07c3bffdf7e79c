"""Handovers to arbitration and the courts, their outcomes, and correcting a wrong separation
reason so workers can claim unemployment benefit."""

from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes import deadlines
from tongxin.disputes.claim_types import INVOLUNTARY_REASONS
from tongxin.disputes.models import (
    Agreement,
    Claim,
    ClaimType,
    Handover,
    MediationCase,
    SeparationCorrection,
)
from tongxin.disputes.services.common import workers_of
from tongxin.disputes.services.settlement import outstanding
from tongxin.orgs.models import PartnerAgency
from tongxin.orgs.selectors import agency_list_for_org

S = MediationCase.Status
K = Handover.Kind
A = PartnerAgency.Type
Data = dict[str, Any]

# kind → (receiving agency type, legal basis)
HANDOVER_RULES: dict[str, tuple[str, Any]] = {
    K.ARBITRATION: (A.ARBITRATION, gettext_lazy("《劳动争议调解仲裁法》第十四条、第十五条")),
    K.PAYMENT_ORDER: (A.COURT, gettext_lazy("《劳动争议调解仲裁法》第十六条")),
    K.JUDICIAL_CONFIRMATION: (
        A.COURT,
        gettext_lazy("《人民调解法》第三十三条；《民事诉讼法》第二百零五条"),
    ),
    K.ENFORCEMENT: (A.COURT, gettext_lazy("《民事诉讼法》第二百零六条")),
    K.LABOUR_INSPECTION: (A.HR_BUREAU, gettext_lazy("《劳动争议调解仲裁法》第九条")),
    K.COURT_RETURN: (
        A.COURT,
        gettext_lazy("《最高人民法院关于人民法院特邀调解的规定》第二十一条、第二十六条"),
    ),
}
# Kinds that take the whole dispute out of mediation once mediation has ended.
LEAVING_KINDS = frozenset({K.ARBITRATION, K.PAYMENT_ORDER, K.ENFORCEMENT, K.COURT_RETURN})
# 支付令 only for agreed wages, injury medical costs, compensation or damages (LDMAL art. 16).
PAYMENT_ORDER_TYPES = frozenset(
    {
        ClaimType.WAGES,
        ClaimType.OVERTIME,
        ClaimType.ARREARS_PENALTY,
        ClaimType.WORK_INJURY,
        ClaimType.SEVERANCE,
        ClaimType.DAMAGES,
        ClaimType.NOTICE_PAY,
        ClaimType.DOUBLE_WAGE,
        ClaimType.ANNUAL_LEAVE,
    }
)


def _effective_agreement(case: MediationCase, p: Data) -> Agreement:
    agreements = case.agreements.filter(effective_on__isnull=False)
    number = p.get("agreement")
    agreement = (
        agreements.filter(
            number=validation.clean_int(
                number, field="agreement", label=_("协议"), minimum=1, maximum=999
            )
        ).first()
        if number not in (None, "")
        else agreements.order_by("-number").first()
    )
    if agreement is None:
        raise ApplicationError(
            _("请选择已生效的调解协议。"), code="no_agreement", field="agreement"
        )
    return agreement


def _check_kind(case: MediationCase, kind: str, p: Data, handed_on: Any) -> Agreement | None:
    if kind == K.COURT_RETURN and case.referring_court_id is None:
        raise ApplicationError(
            _("只有法院委派或委托的案件才退回法院。"), code="invalid_kind", field="kind"
        )
    if kind not in (K.JUDICIAL_CONFIRMATION, K.PAYMENT_ORDER, K.ENFORCEMENT):
        return None
    agreement = _effective_agreement(case, p)
    if kind == K.JUDICIAL_CONFIRMATION:
        assert agreement.effective_on is not None
        due = deadlines.confirmation_due(agreement.effective_on)
        if handed_on > due:
            raise ApplicationError(
                _("司法确认应在协议生效之日起30日内（至 %(due)s）共同申请，已逾期。")
                % {"due": due},
                code="too_late",
                field="handed_on",
            )
    if kind == K.PAYMENT_ORDER:
        owed = [
            c
            for c in agreement.claims.all()
            if c.type in PAYMENT_ORDER_TYPES and outstanding(c) > 0
        ]
        if not owed:
            raise ApplicationError(
                _("支付令只适用于协议中未付的劳动报酬、工伤医疗费、经济补偿或赔偿金。"),
                code="invalid_kind",
                field="kind",
            )
    return agreement


def _apply_handover(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    kind = validation.clean_choice(
        p.get("kind"), field="kind", label=_("移交类型"), choices=K.values, required=True
    )
    agency_type, basis = HANDOVER_RULES[kind]
    agency = (
        agency_list_for_org(org=case.org)
        .filter(code=str(p.get("agency") or "").strip(), type=agency_type)
        .first()
    )
    if agency is None:
        raise ApplicationError(
            _("请选择本辖区的%(type)s。") % {"type": A(agency_type).label},
            code="invalid_agency",
            field="agency",
        )
    handed_on = validation.clean_date(p.get("handed_on"), field="handed_on", label=_("移交日期"))
    handed_on = handed_on or timezone.localdate()
    agreement = _check_kind(case, kind, p, handed_on)
    workers = list(agreement.workers.all()) if agreement else workers_of(case, p.get("workers"))
    handover = Handover.objects.create(
        case=case,
        kind=kind,
        agency=agency,
        legal_basis=str(basis),
        handed_on=handed_on,
        due_on=deadlines.confirmation_due(agreement.effective_on)  # type: ignore[arg-type]
        if kind == K.JUDICIAL_CONFIRMATION
        else None,
        agreement=agreement,
        documents=validation.clean_text(p.get("documents"), field="documents", label=_("移交材料")),
        reference_no=validation.clean_text(
            p.get("reference_no"), field="reference_no", label=_("接收方案号"), max_len=60
        ),
    )
    handover.workers.set(workers)
    moved = 0
    if kind in LEAVING_KINDS and case.status == S.IN_MEDIATION:
        left = case.claims.filter(outcome=Claim.Outcome.PENDING).exclude(worker__in=workers)
        if not left.exists():
            raise ApplicationError(
                _("全部职工都移交时，请先终止调解（并告知仲裁途径），再移交。"),
                code="end_mediation_first",
                field="workers",
            )
    if kind in LEAVING_KINDS:
        moved = case.claims.filter(worker__in=workers, outcome=Claim.Outcome.PENDING).update(
            outcome=Claim.Outcome.HANDED_OVER, handover=handover, agreement=None, amount_agreed=None
        )
        if case.status in (S.FAILED, S.NOT_PERFORMED):
            case.status = S.HANDED_OVER
    return {"kind": kind, "agency": agency.code, "workers": len(workers), "claims": moved}


def _apply_handover_outcome(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    handover = case.handovers.filter(
        pk=validation.clean_int(
            p.get("handover"), field="handover", label=_("移交"), minimum=1, maximum=2**31
        )
    ).first()
    if handover is None:
        raise ApplicationError(_("本案没有这次移交。"), code="not_found", field="handover")
    if handover.outcome != Handover.Outcome.PENDING:
        raise ApplicationError(_("该移交已登记结果。"), code="duplicate", field="handover")
    outcome = validation.clean_choice(
        p.get("outcome"),
        field="outcome",
        label=_("结果"),
        choices=[o for o in Handover.Outcome.values if o != Handover.Outcome.PENDING],
        required=True,
    )
    handover.outcome = outcome
    handover.outcome_on = (
        validation.clean_date(p.get("outcome_on"), field="outcome_on", label=_("结果日期"))
        or timezone.localdate()
    )
    handover.outcome_note = note
    if p.get("reference_no"):
        handover.reference_no = validation.clean_text(
            p["reference_no"], field="reference_no", label=_("接收方案号"), max_len=60
        )
    handover.save()
    settled = 0
    if outcome in (Handover.Outcome.SETTLED, Handover.Outcome.AWARDED):
        given = {str(k): v for k, v in (p.get("amounts") or {}).items()}
        for claim in handover.claims.select_related("worker"):
            amount = validation.clean_amount(
                given.get(str(claim.pk)), field=f"amounts.{claim.pk}", label=_("确定金额")
            )
            if amount is None and claim.amount_claimed is not None:
                raise ApplicationError(
                    _("请填写“%(worker)s · %(type)s”经仲裁/诉讼确定的金额（未支持请填 0）。")
                    % {"worker": claim.worker.name, "type": claim.get_type_display()},
                    code="required",
                    field=f"amounts.{claim.pk}",
                )
            claim.amount_agreed, claim.outcome = amount, Claim.Outcome.SETTLED_ELSEWHERE
            claim.save(update_fields=["amount_agreed", "outcome", "updated_at"])
            settled += 1
    return {"handover": handover.pk, "kind": handover.kind, "outcome": outcome, "claims": settled}


def _separation(case: MediationCase, p: Data) -> SeparationCorrection:
    row = case.separations.filter(
        pk=validation.clean_int(
            p.get("separation"),
            field="separation",
            label=_("离职原因更正"),
            minimum=1,
            maximum=2**31,
        )
    ).first()
    if row is None:
        raise ApplicationError(
            _("本案没有这条离职原因更正。"), code="not_found", field="separation"
        )
    return row


def _hr_bureau(case: MediationCase, code: Any) -> PartnerAgency | None:
    if not code:
        return None
    agency = (
        agency_list_for_org(org=case.org).filter(code=str(code).strip(), type=A.HR_BUREAU).first()
    )
    if agency is None:
        raise ApplicationError(
            _("请选择本辖区的人社部门。"), code="invalid_agency", field="hr_bureau"
        )
    return agency


def _apply_record_separation(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    reasons = SeparationCorrection.Reason.values
    recorded = validation.clean_choice(
        p.get("recorded_reason"),
        field="recorded_reason",
        label=_("单位登记的原因"),
        choices=reasons,
        required=True,
    )
    lawful = validation.clean_choice(
        p.get("lawful_reason"),
        field="lawful_reason",
        label=_("依法应登记的原因"),
        choices=reasons,
        required=True,
    )
    if lawful == recorded:
        raise ApplicationError(
            _("应登记的原因与单位登记的原因相同，无需更正。"), code="invalid", field="lawful_reason"
        )
    row = SeparationCorrection.objects.create(
        case=case,
        recorded_reason=recorded,
        lawful_reason=lawful,
        evidence=validation.clean_text(
            p.get("evidence"), field="evidence", label=_("证据"), required=True
        ),
        hr_bureau=_hr_bureau(case, p.get("hr_bureau")),
    )
    workers = workers_of(case, p.get("workers"))
    row.workers.set(workers)
    return {
        "separation": row.pk,
        "workers": len(workers),
        "from": recorded,
        "to": lawful,
        "unemployment_benefit": lawful in INVOLUNTARY_REASONS,
    }


def _apply_separation_notice(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    row = _separation(case, p)
    if row.status != SeparationCorrection.Status.RECORDED:
        raise ApplicationError(_("已函告过人社部门。"), code="duplicate", field="separation")
    row.hr_bureau = _hr_bureau(case, p.get("hr_bureau")) or row.hr_bureau
    if row.hr_bureau is None:
        raise ApplicationError(_("请选择本辖区的人社部门。"), code="required", field="hr_bureau")
    row.notice_sent_on = (
        validation.clean_date(p.get("notice_sent_on"), field="notice_sent_on", label=_("函告日期"))
        or timezone.localdate()
    )
    row.status = SeparationCorrection.Status.NOTICE_SENT
    row.save()
    return {"separation": row.pk, "hr_bureau": row.hr_bureau.code}


def _apply_separation_corrected(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    row = _separation(case, p)
    if row.status == SeparationCorrection.Status.CORRECTED:
        raise ApplicationError(_("已登记为更正。"), code="duplicate", field="separation")
    row.corrected_on = (
        validation.clean_date(p.get("corrected_on"), field="corrected_on", label=_("更正日期"))
        or timezone.localdate()
    )
    row.status = SeparationCorrection.Status.CORRECTED
    row.save()
    return {"separation": row.pk, "corrected_on": row.corrected_on.isoformat()}
