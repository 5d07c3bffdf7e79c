"""违法解除/终止赔偿金 (damages, "2N") — laborlaw.md §3."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .dates import LCL_IN_FORCE, art47_months, service_length
from .inputs import Field, Reader
from .money import ZERO, fmt, round2
from .results import Builder, CalcResult
from .termination_facts import (
    BJ_Q66,
    IMPL25,
    LCL47_1,
    TERMINATION_FIELDS,
    TerminationFacts,
    parse_termination_facts,
    service_dates,
)

LCL48 = "劳动合同法 第48条"
LCL87 = "劳动合同法 第87条"


@dataclass(frozen=True)
class DamagesInput:
    """Facts and parameters for 违法解除/终止赔偿金 (laborlaw.md §3)."""

    facts: TerminationFacts = field(default_factory=TerminationFacts)
    already_paid: Decimal = ZERO
    termination_ground: str | None = None


DAMAGES_FIELDS: tuple[Field, ...] = (
    Field(
        "termination_ground",
        "str",
        "解除/终止情形（说明）",
        "termination (description)",
        "仅作记录，如 unlawful_probation_dismissal。",
    ),
    *TERMINATION_FIELDS,
    Field(
        "already_paid",
        "money",
        "已支付的经济补偿",
        "severance already paid",
        "从赔偿金中扣除 (实施条例 第25条“不再支付经济补偿”)。Alias: severance_already_paid.",
    ),
)


def parse_damages(raw: Mapping[str, object]) -> tuple[DamagesInput, list[str]]:
    r = Reader(raw, DAMAGES_FIELDS)
    paid = r.money("already_paid")
    if paid is None:
        paid = r.money("severance_already_paid")
    inp = DamagesInput(
        facts=parse_termination_facts(r),
        already_paid=paid or ZERO,
        termination_ground=r.text("termination_ground"),
    )
    return inp, r.unused()


def unlawful_termination_damages(inp: DamagesInput) -> CalcResult:
    """违法解除或者终止劳动合同的赔偿金 (2N).

    * 劳动合同法 第87条: twice the 经济补偿 standard of 第47条; 第48条: the worker may choose
      damages instead of reinstatement, or reinstatement is impossible (解释（二）第16条).
    * 实施条例 第25条: years counted from 用工之日 — the whole service, never split at 2008
      (北京解答（一）Q66); damages replace severance ("不再支付经济补偿"), so severance already
      paid is deducted; notice pay is not due on top (NOT-05).
    * Base, floor and cap as for severance (实施条例 第27条; 劳动合同法 第47条第2款).
    """
    b = Builder("unlawful_termination_damages")
    b.cite(LCL87, LCL48, IMPL25)
    if inp.termination_ground:
        b.details["termination_ground"] = inp.termination_ground
    facts = inp.facts
    if facts.comp_months is not None:
        months = facts.comp_months
        b.assume("补偿月数直接给定（如裁判文书所定）/ compensation months given directly")
    else:
        start, end = service_dates(
            facts.start_date, facts.end_date, facts.merged_prior_service_start, b
        )
        service = service_length(start, end)
        b.details["service"] = str(service)
        months = art47_months(service)
        if start < LCL_IN_FORCE:
            b.assume(
                "赔偿金年限自用工之日起计算，不分段 (实施条例 第25条；北京解答（一）Q66) / damages "
                "count the whole service from the first day of work, not split at 2008"
            )
            b.cite(BJ_Q66)
    b.cite(LCL47_1)
    base = facts.base(b)
    if base.cap_applied and months > 12:
        months = Decimal(12)
        b.flag("cap_12y_applied")
    damages = round2(base.capped * months * 2)
    b.add(
        "违法解除赔偿金",
        "damages for unlawful termination",
        f"{fmt(base.capped)} × {fmt(months)} × 2",
        damages,
        LCL87,
        LCL47_1,
        IMPL25,
    )
    balance = damages - inp.already_paid
    if inp.already_paid > 0:
        b.add(
            "扣除已付经济补偿",
            "less severance already paid",
            f"{fmt(damages)} − {fmt(inp.already_paid)}",
            -inp.already_paid,
            IMPL25,
        )
        if balance < 0:
            b.flag("already_paid_exceeds_damages")
            balance = ZERO
    b.details.update(
        {
            "comp_months": months,
            "wage_base": base.capped,
            "wage_before_cap": base.wage,
            "cap_applied": base.cap_applied,
            "damages": damages,
            "already_paid": round2(inp.already_paid),
            "balance_due": round2(balance),
        }
    )
    b.assume(
        "赔偿金不与经济补偿、代通知金叠加；未休年休假工资、欠薪、加班费、二倍工资另计 / no "
        "stacking with severance or notice pay; leave pay, wages, overtime, double wage are "
        "separate"
    )
    b.assume(
        "如选择继续履行，应另算自违法解除至恢复前一日的工资 (解释（二）第18条) / reinstatement "
        "instead gives back-pay (a different calculation)"
    )
    return b.build(damages)
