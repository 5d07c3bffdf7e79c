"""The facts 经济补偿 and 赔偿金 share: length of service, the wage base, the local figures.

Service runs from 用工之日 (劳动合同法 第7条、第10条第3款) to the last day of the employment
relationship, both days counted (laborlaw.md §1.2). Service with a previous employer is
merged when the worker was moved without own fault and that employer paid no severance
(实施条例 第10条; 解释（一）第46条). A court may have fixed the months directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .inputs import Field, InputError, Reader
from .results import Builder
from .wagebase import (
    LOCAL_AVG,
    LOCAL_MIN,
    WAGE_FIELDS,
    Base,
    WageBaseInput,
    floored_capped_base,
    parse_wage_base,
)

LCL47_1 = "劳动合同法 第47条第1款"
IMPL10 = "劳动合同法实施条例 第10条"
IMPL25 = "劳动合同法实施条例 第25条"
BJ_Q66 = "practice: 北京解答（一）Q66"


def comp_months_input(r: Reader, name: str = "comp_months") -> Decimal | None:
    """Compensation months given directly: a multiple of 0.5 (劳动合同法 第47条第1款)."""
    months = r.decimal(name)
    if months is not None and (months * 2) != (months * 2).to_integral_value():
        raise r.invalid(name, "应为0.5的整数倍", "must be a multiple of 0.5 (LCL art.47)")
    return months


@dataclass(frozen=True)
class TerminationFacts:
    """Service (dates, or months fixed by a court), the 12-month wage and the local figures."""

    start_date: date | None = None
    end_date: date | None = None
    comp_months: Decimal | None = None
    merged_prior_service_start: date | None = None
    wage: WageBaseInput = field(default_factory=WageBaseInput)
    local_avg_monthly_wage: Decimal | None = None
    local_min_wage: Decimal | None = None

    def base(self, b: Builder) -> Base:
        """The wage floored at the minimum wage and capped at 3× the local average."""
        return floored_capped_base(self.wage, self.local_min_wage, self.local_avg_monthly_wage, b)


def parse_termination_facts(r: Reader) -> TerminationFacts:
    return TerminationFacts(
        start_date=r.date("start_date"),
        end_date=r.date("end_date"),
        comp_months=comp_months_input(r),
        merged_prior_service_start=r.date("merged_prior_service_start"),
        wage=parse_wage_base(r),
        local_avg_monthly_wage=r.money("local_avg_monthly_wage"),
        local_min_wage=r.money("local_min_wage"),
    )


SERVICE_FIELDS: tuple[Field, ...] = (
    Field(
        "start_date",
        "date",
        "用工之日",
        "first day of actual work",
        "实际用工之日 (劳动合同法 第7条、第10条第3款)；与 end_date 一起计算工作年限。",
        one_of="service",
    ),
    Field(
        "end_date",
        "date",
        "劳动关系终止日",
        "last day of the employment relationship",
        "两端均计入 (laborlaw.md §1.2)。",
    ),
    Field(
        "comp_months",
        "decimal",
        "补偿月数（直接给定）",
        "compensation months (given directly)",
        "已由裁判文书确定时直接输入，步长0.5；优先于日期计算。",
        one_of="service",
    ),
    Field(
        "merged_prior_service_start",
        "date",
        "合并计算的原单位工作起始日",
        "start of merged prior service",
        "非因本人原因从原单位被安排到新单位工作，且原单位未支付经济补偿 (实施条例 第10条；"
        "解释（一）第46条)。",
    ),
)


def service_dates(
    start: date | None, end: date | None, merged: date | None, b: Builder
) -> tuple[date, date]:
    """First and last day of the service counted, merging prior service (实施条例 第10条)."""
    if end is None:
        raise InputError(
            "end_date",
            "缺少必填项「劳动关系终止日」（end_date），或直接给出 comp_months",
            "missing required input 'end_date' (or give 'comp_months')",
        )
    if start is None and merged is None:
        raise InputError(
            "start_date",
            "缺少必填项「用工之日」（start_date），或直接给出 comp_months",
            "missing required input 'start_date' (or give 'comp_months')",
        )
    first = min(d for d in (start, merged) if d is not None)
    if merged is not None and (start is None or merged < start):
        b.cite(IMPL10)
        b.assume(
            "原单位工作年限合并计算（原单位未支付经济补偿）/ prior service merged (the previous "
            "employer paid no severance), 实施条例 第10条"
        )
    if end < first:
        raise InputError("end_date", "终止日早于用工之日", "end_date is before start_date")
    return first, end


TERMINATION_FIELDS: tuple[Field, ...] = (*SERVICE_FIELDS, *WAGE_FIELDS, LOCAL_AVG, LOCAL_MIN)
