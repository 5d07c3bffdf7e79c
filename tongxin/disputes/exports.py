"""The mediation ledger (台账) as Excel: one row per case, its figures taken from the records.

Nothing personal leaves: no phones, no ID numbers, not even the workers' names (the ledger
counts workers, it does not list them). The employer and the mediating staff are named."""

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from openpyxl import Workbook

from tongxin.core.xlsx import append_row
from tongxin.disputes.models import Agreement, Claim, Handover, MediationCase, Party, Payment

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
MONEY = DecimalField(max_digits=14, decimal_places=2)
AGREED = Claim.Outcome.AGREED
SETTLED_ELSEWHERE = Claim.Outcome.SETTLED_ELSEWHERE
WORKER = Party.Role.WORKER

HEADERS = [
    "案号",
    "收到申请日期",
    "受理日期",
    "调解组织",
    "类型",
    "来源",
    "状态",
    "用人单位",
    "职工人数",
    "请求金额",
    "调解协议金额",
    "移交后确定金额",
    "已支付金额",
    "首份协议生效日期",
    "调解员",
    "移交",
]


def cents(value: Decimal) -> Decimal:
    """A per-case sum in yuan and fen. PostgreSQL sums numerics exactly; SQLite hands them back
    from floating point with 15 significant digits, exact to the fen once quantized."""
    return value.quantize(CENT)


def _per_case(rows: QuerySet[Any], case_field: str, value: Any, output: Any) -> Coalesce:
    """`value` aggregated over the `rows` of each case (0 when it has none), as a subquery so
    that sums over claims, payments and parties never multiply one another."""
    grouped = (
        rows.filter(**{case_field: OuterRef("pk")})
        .order_by()
        .values(case_field)
        .annotate(v=value)
        .values("v")
    )
    zero = Value(ZERO) if isinstance(output, DecimalField) else Value(0)
    return Coalesce(Subquery(grouped, output_field=output), zero, output_field=output)


def annotate_figures(cases: QuerySet[MediationCase]) -> QuerySet[MediationCase]:
    """Each case's figures from its records, in one query: amount_claimed, amount_agreed (in
    effective mediation agreements), amount_settled_elsewhere (fixed by arbitration or a court
    after a handover), amount_paid (payments actually recorded) and amount_paid_agreed (the
    part paid against mediation agreements); worker_count, workers_agreed (workers under an
    effective agreement), first_agreement_on and handover_count. The ledger prints them and the
    indicators add them up, so the two always agree."""
    claims, payments = Claim.objects.all(), Payment.objects.all()
    workers = Party.objects.filter(role=WORKER)
    first_agreement = (
        Agreement.objects.filter(case=OuterRef("pk"), effective_on__isnull=False)
        .order_by("effective_on")
        .values("effective_on")[:1]
    )
    return cases.annotate(
        amount_claimed=_per_case(claims, "case", Sum("amount_claimed"), MONEY),
        amount_agreed=_per_case(claims.filter(outcome=AGREED), "case", Sum("amount_agreed"), MONEY),
        amount_settled_elsewhere=_per_case(
            claims.filter(outcome=SETTLED_ELSEWHERE), "case", Sum("amount_agreed"), MONEY
        ),
        amount_paid=_per_case(payments, "claim__case", Sum("amount"), MONEY),
        amount_paid_agreed=_per_case(
            payments.filter(claim__outcome=AGREED), "claim__case", Sum("amount"), MONEY
        ),
        worker_count=_per_case(workers, "case", Count("pk"), IntegerField()),
        workers_agreed=_per_case(
            workers.filter(agreements__effective_on__isnull=False),
            "case",
            Count("pk", distinct=True),
            IntegerField(),
        ),
        first_agreement_on=Subquery(first_agreement),
        handover_count=_per_case(Handover.objects.all(), "case", Count("pk"), IntegerField()),
    )


def ledger_cases(cases: QuerySet[MediationCase]) -> QuerySet[MediationCase]:
    """`cases` with everything a ledger row shows, oldest application first: three queries
    however many cases (the cases with their figures, their mediators, their handovers)."""
    employer = Party.objects.filter(case=OuterRef("pk"), role=Party.Role.EMPLOYER).values("name")
    return (
        annotate_figures(cases)
        .annotate(employer_name=Subquery(employer[:1]))
        .select_related("org")
        .prefetch_related(
            "mediators",
            Prefetch("handovers", queryset=Handover.objects.select_related("agency")),
        )
        .order_by("received_on", "case_no")
    )


def _handovers(case: MediationCase) -> str:
    return "；".join(
        f"{h.handed_on:%Y-%m-%d} {h.get_kind_display()}→{h.agency.name}（{h.get_outcome_display()}）"
        for h in case.handovers.all()
    )


def ledger_xlsx(cases: Iterable[MediationCase]) -> bytes:
    """The workbook for cases from `ledger_cases`."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("调解台账")
    append_row(ws, HEADERS)
    for c in cases:
        figures: Any = c  # the annotations of annotate_figures
        append_row(
            ws,
            [
                c.case_no,
                c.received_on,
                c.accepted_on,
                c.org.name,
                c.get_kind_display(),
                c.get_source_display(),
                c.get_status_display(),
                figures.employer_name or "",
                figures.worker_count,
                cents(figures.amount_claimed),
                cents(figures.amount_agreed),
                cents(figures.amount_settled_elsewhere),
                cents(figures.amount_paid),
                figures.first_agreement_on,
                "、".join(m.get_full_name() or m.username for m in c.mediators.all()),
                _handovers(c),
            ],
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
