"""Agreements and the money that performs them. Amounts are Decimal end to end, so the totals
per worker and per case are exact sums of the rows behind them."""

from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError
from tongxin.disputes.claim_types import CLAIM_SPECS
from tongxin.disputes.models import Agreement, Claim, MediationCase, Payment
from tongxin.disputes.selectors import cents
from tongxin.disputes.services.common import claim_of, party_of, workers_of

S = MediationCase.Status
Outcome = Claim.Outcome
Data = dict[str, Any]
ZERO = Decimal("0.00")
SIGNATURES = (  # LDMAL art. 14: both parties sign or seal, the mediator signs, the body seals
    ("workers_signed_on", _("职工方（或其代表）签名日期")),
    ("employer_signed_on", _("用人单位签章日期")),
    ("mediator_signed_on", _("调解员签名日期")),
    ("sealed_on", _("调解组织盖章日期")),
)


def _release(draft: Agreement) -> None:
    draft.claims.update(agreement=None, amount_agreed=None)
    draft.workers.clear()


def _agreed_amounts(claims: list[Claim], p: Data) -> dict[int, Decimal | None]:
    """The agreed amount of every claim: from `amounts` {claim id: amount}, or, with
    `as_claimed`, the claimed amount. Every monetary claim needs one (0 = waived)."""
    given = {str(k): v for k, v in (p.get("amounts") or {}).items()}
    as_claimed = validation.clean_bool(
        p.get("as_claimed"), field="as_claimed", label=_("按请求金额")
    )
    agreed: dict[int, Decimal | None] = {}
    for claim in claims:
        field = f"amounts.{claim.pk}"
        monetary = CLAIM_SPECS[claim.type].monetary
        raw = given.get(str(claim.pk))
        if raw in (None, "") and as_claimed:
            raw = claim.amount_claimed
        amount = validation.clean_amount(raw, field=field, label=_("达成金额"))
        if monetary and amount is None and claim.amount_claimed is not None:
            raise ApplicationError(
                _("请填写“%(worker)s · %(type)s”的达成金额（放弃请填 0）。")
                % {"worker": claim.worker.name, "type": claim.get_type_display()},
                code="required",
                field=field,
            )
        agreed[claim.pk] = amount if monetary else None
    return agreed


def _apply_draft_agreement(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    draft = case.agreements.filter(effective_on__isnull=True).first()
    if draft:  # redrafting: the claims go back to pending first
        _release(draft)
    workers = workers_of(case, p.get("workers"))
    claims = list(
        case.claims.filter(worker__in=workers, outcome=Outcome.PENDING, agreement__isnull=True)
        .select_related("worker")
        .order_by("worker_id", "id")
    )
    covered = {c.worker_id for c in claims}
    if missing := [w.name for w in workers if w.pk not in covered]:
        raise ApplicationError(
            _("以下职工没有待调解的请求：%(names)s") % {"names": "、".join(missing)},
            code="nothing_pending",
            field="workers",
        )
    agreed = _agreed_amounts(claims, p)
    due = validation.clean_date(
        p.get("performance_due_on"), field="performance_due_on", label=_("履行期限"), required=True
    )
    assert due is not None
    if due < timezone.localdate():
        raise ApplicationError(
            _("履行期限不能早于今天。"), code="invalid", field="performance_due_on"
        )
    text = {
        name: validation.clean_text(p.get(name), field=name, label=label, required=required)
        for name, label, required in (
            ("facts", _("主要事实、争议事项与责任"), True),
            ("terms", _("协议内容"), True),
            ("performance_method", _("履行方式"), True),
            ("waived_claims", _("放弃的请求"), False),
        )
    }
    if draft is None:
        draft = Agreement(case=case, number=case.agreements.count() + 1, drafted_by=actor)
    for name, value in text.items():
        setattr(draft, name, value)
    draft.performance_due_on = due
    draft.save()
    draft.workers.set(workers)
    for claim in claims:
        claim.agreement, claim.amount_agreed = draft, agreed[claim.pk]
        claim.save(update_fields=["agreement", "amount_agreed", "updated_at"])
    total = sum((a for a in agreed.values() if a is not None), ZERO)
    return {"agreement": draft.number, "workers": len(workers), "total": str(total)}


def _apply_sign_agreement(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    draft = case.agreements.filter(effective_on__isnull=True).first()
    if draft is None:
        raise ApplicationError(_("请先拟定调解协议。"), code="no_draft", field="agreement")
    today = timezone.localdate()
    dates = {}
    for name, label in SIGNATURES:
        signed = validation.clean_date(p.get(name), field=name, label=label)
        if signed is None:
            raise ApplicationError(
                _(
                    "缺少%(label)s：协议须经双方当事人签名或盖章、调解员签名并加盖调解组织印章后生效"
                    "（《劳动争议调解仲裁法》第十四条）。"
                )
                % {"label": label},
                code="signature_missing",
                field=name,
            )
        if not case.received_on <= signed <= today:
            raise ApplicationError(
                _("%(label)s应在收到申请之日与今天之间。") % {"label": label},
                code="invalid",
                field=name,
            )
        dates[name] = signed
        setattr(draft, name, signed)
    draft.effective_on = max(dates.values())
    draft.save()
    draft.claims.update(outcome=Outcome.AGREED)
    if case.status == S.IN_MEDIATION:
        case.status = S.AGREEMENT_EFFECTIVE
    total = cents(draft.claims.aggregate(t=Sum("amount_agreed"))["t"])
    return {
        "agreement": draft.number,
        "effective_on": draft.effective_on.isoformat(),
        "total": str(total),
    }


def outstanding(claim: Claim) -> Decimal:
    paid = cents(claim.payments.aggregate(t=Sum("amount"))["t"])
    return (claim.amount_agreed or ZERO) - paid


def fully_performed(case: MediationCase) -> bool:
    """Nothing left to settle and every agreed amount paid in full."""
    if case.claims.filter(outcome__in=[Outcome.PENDING, Outcome.HANDED_OVER]).exists():
        return False
    return all(outstanding(c) <= 0 for c in case.claims.filter(amount_agreed__gt=0))


def _payable(case: MediationCase) -> list[Claim]:
    claims = case.claims.filter(
        outcome__in=[Outcome.AGREED, Outcome.SETTLED_ELSEWHERE], amount_agreed__gt=0
    ).select_related("worker", "agreement")
    return [c for c in claims.order_by("worker_id", "id") if outstanding(c) > 0]


def _allocate(claims: list[Claim], amount: Decimal, field: str) -> list[tuple[Claim, Decimal]]:
    due = sum((outstanding(c) for c in claims), ZERO)
    if amount > due:
        raise ApplicationError(
            _("金额超过尚未支付的 %(due)s 元。") % {"due": due}, code="overpaid", field=field
        )
    parts = []
    for claim in claims:
        part = min(amount, outstanding(claim))
        if part > 0:
            parts.append((claim, part))
            amount -= part
    return parts


def _apply_record_payment(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    payable = _payable(case)
    if not payable:
        raise ApplicationError(_("没有待支付的达成金额。"), code="nothing_due", field="amount")
    paid_on = validation.clean_date(p.get("paid_on"), field="paid_on", label=_("支付日期"))
    paid_on = paid_on or timezone.localdate()
    if paid_on > timezone.localdate():
        raise ApplicationError(_("支付日期不能晚于今天。"), code="invalid", field="paid_on")
    method = validation.clean_choice(
        p.get("method") or Payment.Method.BANK_TRANSFER,
        field="method",
        label=_("支付方式"),
        choices=Payment.Method.values,
    )
    if validation.clean_bool(p.get("all"), field="all", label=_("全部付清")):
        parts = [(c, outstanding(c)) for c in payable]
    else:
        if p.get("claim"):
            claims = [c for c in payable if c.pk == claim_of(case, p["claim"]).pk]
        else:
            worker = party_of(case, p.get("worker"), field="worker", role="worker")
            claims = [c for c in payable if c.worker_id == worker.pk]
        if not claims:
            raise ApplicationError(_("该项没有待支付的金额。"), code="nothing_due", field="worker")
        amount = validation.clean_amount(p.get("amount"), field="amount", label=_("金额"))
        if not amount:
            raise ApplicationError(_("请填写大于 0 的金额。"), code="required", field="amount")
        parts = _allocate(claims, amount, "amount")
    for claim, part in parts:
        Payment.objects.create(
            claim=claim, amount=part, paid_on=paid_on, method=method, recorded_by=actor
        )
    if case.status != S.HANDED_OVER:
        case.status = S.PERFORMED if fully_performed(case) else S.PERFORMING
    total = sum((part for _c, part in parts), ZERO)
    return {"amount": str(total), "payments": len(parts), "paid_on": paid_on.isoformat()}


def _apply_mark_not_performed(actor: User, case: MediationCase, p: Data, note: str) -> Data:
    today = timezone.localdate()
    late = [c for c in _payable(case) if c.agreement and c.agreement.performance_due_on < today]
    if not late:
        raise ApplicationError(
            _("没有已过履行期限而未付清的协议款项。"), code="not_due", field="action"
        )
    owed = sum((outstanding(c) for c in late), ZERO)
    return {"owed": str(owed)}
