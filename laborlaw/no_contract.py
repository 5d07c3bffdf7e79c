"""未签书面劳动合同二倍工资差额 (the extra one-fold wage) — laborlaw.md §9."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .dates import add_months
from .double_wage_limitation import BJ_Q41, LIMITATION_RULES, limitation_results
from .double_wage_period import Period, count_months
from .inputs import Field, Reader
from .money import DAYS_PER_MONTH, ZERO, fmt, round2
from .results import Builder, CalcResult

LCL82 = "劳动合同法 第82条"
LCL82_1 = "劳动合同法 第82条第1款"
LCL82_2 = "劳动合同法 第82条第2款"
LCL10 = "劳动合同法 第10条"
LCL14_3 = "劳动合同法 第14条第3款"
IMPL6 = "劳动合同法实施条例 第6条"
IMPL7 = "劳动合同法实施条例 第7条"
J2_6 = "法释〔2025〕12号 解释（二）第6条"
J2_7 = "法释〔2025〕12号 解释（二）第7条"
J2_8 = "法释〔2025〕12号 解释（二）第8条"
J2_9 = "法释〔2025〕12号 解释（二）第9条"
J2_20 = "法释〔2025〕12号 解释（二）第20条"
ARB27_1 = "劳动争议调解仲裁法 第27条第1款"

SCENARIOS = ("new_hire", "post_expiry", "open_ended_refused", "period_given")
GAP_RULES = ("beijing_from_next_day", "one_month_grace", "deemed_renewal_no_double_wage")


@dataclass(frozen=True)
class DoubleWageInput:
    """Facts and rule choices for the double wage (laborlaw.md §9)."""

    scenario: str
    monthly_wage: Decimal | None
    employment_start_date: date | None = None
    contract_signed_date: date | None = None
    end_date: date | None = None
    prior_contract_end_date: date | None = None
    should_sign_open_ended_date: date | None = None
    period_start: date | None = None
    period_end: date | None = None
    gap_rule: str = "compare_all"
    partial_month_actual_work_days: int | None = None
    daily_wage_divisor: Decimal = DAYS_PER_MONTH
    worker_intentionally_refused: bool = False
    force_majeure: bool = False
    statutory_extension: bool = False
    claim_date: date | None = None
    limitation_rule: str | None = None
    non_working_days: frozenset[date] | None = None
    claimed_amount: Decimal | None = None


FIELDS: tuple[Field, ...] = (
    Field(
        "scenario",
        "choice",
        "情形",
        "scenario",
        "new_hire 入职未签；post_expiry 合同期满后未续签（空窗期）；open_ended_refused 应订立无固定"
        "期限合同而未订立 (第82条第2款)；period_given 期间已确定。",
        required=True,
        choices=SCENARIOS,
    ),
    Field(
        "monthly_wage",
        "money",
        "月工资（正常应得）",
        "monthly wage normally payable",
        "北京仅计固定项目，不含不固定的提成和奖金 (北京解答（一）Q41(5)、Q55(3))。",
        required=True,
    ),
    Field("employment_start_date", "date", "用工之日", "first day of work", "new_hire 必填。"),
    Field(
        "contract_signed_date",
        "date",
        "书面合同签订日",
        "date the written contract was signed",
        "未签则留空。",
    ),
    Field("end_date", "date", "劳动关系终止日/计算截止日", "end of employment / cut-off date"),
    Field(
        "prior_contract_end_date",
        "date",
        "原合同到期日",
        "expiry date of the previous contract",
        "post_expiry 必填。",
    ),
    Field(
        "should_sign_open_ended_date",
        "date",
        "应订立无固定期限合同之日",
        "date the open-ended contract should have been signed",
        "open_ended_refused 必填。",
    ),
    Field("period_start", "date", "二倍工资期间起", "period start", "period_given 必填。"),
    Field("period_end", "date", "二倍工资期间止", "period end", "period_given 必填。"),
    Field(
        "gap_rule",
        "choice",
        "空窗期规则",
        "post-expiry gap rule",
        "beijing_from_next_day（北京，到期次日起，最长12个月）/ one_month_grace（宽限一个月）/ "
        "deemed_renewal_no_double_wage（视为续订，不支付）/ compare_all（并列展示）。",
        choices=(*GAP_RULES, "compare_all"),
        default="compare_all",
        jurisdiction_param="double_wage_gap_rule",
    ),
    Field(
        "partial_month_actual_work_days",
        "int",
        "不足月部分的实际出勤天数",
        "actual working days in the partial month",
        "解释（二）第6条；未提供时按周一至周五估算并提示。",
    ),
    Field(
        "daily_wage_divisor",
        "decimal",
        "日工资折算天数",
        "daily-wage divisor",
        "默认21.75；按当月工作日计算为未决问题 (laborlaw.md §11 Q5)。",
        default="21.75",
        jurisdiction_param="overtime_days_divisor",
    ),
    Field(
        "worker_intentionally_refused",
        "bool",
        "劳动者故意拒签",
        "worker deliberately refused",
        "用人单位举证；成立则不支付 (解释（二）第7条)。",
        default=False,
    ),
    Field("force_majeure", "bool", "不可抗力", "force majeure", "解释（二）第7条。", default=False),
    Field(
        "statutory_extension",
        "bool",
        "依法续延（第42条等）",
        "statutory extension",
        "合同依法续延期间不属于未订立书面合同 (解释（二）第8条)。",
        default=False,
    ),
    Field(
        "claim_date",
        "date",
        "申请仲裁日",
        "date of the arbitration claim",
        "适用时效规则时必填。",
    ),
    Field(
        "limitation_rule",
        "choice",
        "时效计算规则",
        "limitation rule",
        "beijing_count_back_by_day / count_back_by_month / from_end_of_period / compare_all；"
        "留空则不计时效（时效抗辩须由用人单位在仲裁阶段提出，解释（二）第20条）。",
        choices=(*LIMITATION_RULES, "compare_all"),
        jurisdiction_param="double_wage_limitation_rule",
    ),
    Field(
        "non_working_days",
        "date_list",
        "休息日和法定节假日",
        "rest days and public holidays",
        "期间末日顺延用；留空则只顺延周六、周日。",
    ),
    Field("claimed_amount", "money", "劳动者主张金额", "amount claimed", "仅作对照。"),
)


def parse_double_wage(raw: Mapping[str, object]) -> tuple[DoubleWageInput, list[str]]:
    r = Reader(raw, FIELDS)
    scenario = r.choice_req("scenario", SCENARIOS)
    nwd = r.date_list("non_working_days")
    inp = DoubleWageInput(
        scenario=scenario,
        monthly_wage=r.money("monthly_wage"),
        employment_start_date=r.date("employment_start_date"),
        contract_signed_date=r.date("contract_signed_date"),
        end_date=r.date("end_date"),
        prior_contract_end_date=r.date("prior_contract_end_date"),
        should_sign_open_ended_date=r.date("should_sign_open_ended_date"),
        period_start=r.date("period_start"),
        period_end=r.date("period_end"),
        gap_rule=r.choice("gap_rule", (*GAP_RULES, "compare_all"), "compare_all") or "compare_all",
        partial_month_actual_work_days=r.integer("partial_month_actual_work_days", maximum=31),
        daily_wage_divisor=r.positive("daily_wage_divisor", DAYS_PER_MONTH),
        worker_intentionally_refused=r.flag("worker_intentionally_refused"),
        force_majeure=r.flag("force_majeure"),
        statutory_extension=r.flag("statutory_extension"),
        claim_date=r.date("claim_date"),
        limitation_rule=r.choice("limitation_rule", (*LIMITATION_RULES, "compare_all", "none")),
        non_working_days=frozenset(nwd) if nwd else None,
        claimed_amount=r.money("claimed_amount"),
    )
    exempt = inp.worker_intentionally_refused or inp.force_majeure or inp.statutory_extension
    if not exempt:
        if inp.monthly_wage is None:
            raise r.missing("monthly_wage")
        required = {
            "new_hire": ("employment_start_date",),
            "post_expiry": ("prior_contract_end_date",),
            "open_ended_refused": ("should_sign_open_ended_date",),
            "period_given": ("period_start", "period_end"),
        }[scenario]
        for name in required:
            if getattr(inp, name) is None:
                raise r.missing(name)
        if (
            scenario != "period_given"
            and inp.contract_signed_date is None
            and (inp.end_date is None)
        ):
            raise r.missing(
                "end_date",
                "（未签合同时需要终止日或计算截止日）",
                " (needed when no contract was signed)",
            )
        if inp.limitation_rule not in (None, "none") and inp.claim_date is None:
            raise r.missing("claim_date", "（适用时效规则时）", " (needed for the limitation rule)")
    return inp, r.unused()


def _min_date(*days: date | None) -> date:
    return min(d for d in days if d is not None)


def _period(inp: DoubleWageInput, gap_rule: str, b: Builder) -> Period | None:
    signed_eve = inp.contract_signed_date - timedelta(days=1) if inp.contract_signed_date else None
    if inp.scenario == "period_given":
        assert inp.period_start is not None
        assert inp.period_end is not None
        b.cite(LCL82)
        return Period(inp.period_start, inp.period_end)
    if inp.scenario == "new_hire":
        assert inp.employment_start_date is not None
        start = inp.employment_start_date
        p0 = add_months(start, 1)
        ceiling = add_months(start, 12) - timedelta(days=1)
        p1 = _min_date(signed_eve, ceiling, inp.end_date)
        b.cite(LCL82_1, LCL10, IMPL6, IMPL7)
        b.assume(
            "实施条例第7条“至满一年的前一日”字面上比11个整月少一天；按实务和北京“最长不超过十一个"
            "月”计满11个月 / the literal text of 实施条例 art.7 is one day short of 11 months; "
            "practice counts 11 full months"
        )
        capped = p1 == ceiling and (signed_eve is None or signed_eve > ceiling)
        if capped:
            b.flag("cap_11_months_applied")
            b.flag("deemed_open_ended_contract")
            b.cite(LCL14_3, J2_9, BJ_Q41)
            b.assume(
                "满一年之日起视为已订立无固定期限劳动合同，此后不再支付二倍工资 (劳动合同法 第14条"
                "第3款；解释（二）第9条) / from the first anniversary the contract is deemed "
                "open-ended: no double wage after that"
            )
        return Period(p0, p1, capped, anchor=start, offset=1)
    if inp.scenario == "open_ended_refused":
        assert inp.should_sign_open_ended_date is not None
        b.cite(LCL82_2, BJ_Q41)
        b.assume(
            "第82条第2款无11/12个月上限 (北京解答（一）Q41(4)) / no 11/12-month ceiling under "
            "art.82 para.2"
        )
        return Period(inp.should_sign_open_ended_date, _min_date(signed_eve, inp.end_date))
    # post_expiry
    assert inp.prior_contract_end_date is not None
    first = inp.prior_contract_end_date + timedelta(days=1)
    if gap_rule == "deemed_renewal_no_double_wage":
        b.flag("local_rule_used:deemed_renewal_no_double_wage")
        b.cite("法释〔2020〕26号 解释（一）第34条第1款")
        return None
    if gap_rule == "beijing_from_next_day":
        b.flag("local_rule_used:beijing_from_next_day")
        b.cite(BJ_Q41)
        ceiling = add_months(first, 12) - timedelta(days=1)
        p1 = _min_date(signed_eve, inp.end_date, ceiling)
        return Period(first, p1, p1 == ceiling and (signed_eve is None or signed_eve > ceiling))
    b.flag("local_rule_used:one_month_grace")
    b.cite(LCL10)
    ceiling = add_months(first, 12) - timedelta(days=1)
    p1 = _min_date(signed_eve, inp.end_date, ceiling)
    return Period(
        add_months(first, 1),
        p1,
        p1 == ceiling and (signed_eve is None or signed_eve > ceiling),
        anchor=first,
        offset=1,
    )


def _evaluate(
    inp: DoubleWageInput, period: Period | None, b: Builder
) -> tuple[Decimal, Decimal, Decimal, dict[str, object]]:
    """Amount (headline, min, max) and details for one period, with limitation applied."""
    assert inp.monthly_wage is not None
    wage = inp.monthly_wage
    div = inp.daily_wage_divisor
    if period is None or period.end < period.start:
        details: dict[str, object] = {"full_months": 0, "partial_days": 0, "amount": ZERO}
        if period is not None:
            details.update({"period_start": period.start, "period_end": period.end})
            b.assume(
                "在宽限期内已订立书面合同，无二倍工资 / the contract was signed within the grace "
                "period: no double wage"
            )
        return ZERO, ZERO, ZERO, details
    c = count_months(
        period.start,
        period.end,
        wage,
        div,
        inp.partial_month_actual_work_days,
        period.anchor,
        period.offset,
    )
    if c.estimated:
        b.flag("estimated:partial_month_work_days")
        b.assume(
            "不足月部分的出勤天数按周一至周五估算，未考虑节假日和调休；请输入 "
            "partial_month_actual_work_days / working days of the partial month estimated as "
            "Mon-Fri"
        )
    if c.partial_days:
        b.cite(J2_6)
        b.flag("unsettled:partial_month_divisor")
    if c.partial_capped:
        b.assume(
            "不足月部分按天折算后超过一个月工资，按一个月工资计 / the partial month, counted "
            "by days, came to more than a month's wage: one month's wage is used"
        )
    theoretical = round2(c.amount_raw)
    details = {
        "period_start": period.start,
        "period_end": period.end,
        "full_months": c.full_months,
        "partial_days": c.partial_days,
        "amount": theoretical,
    }
    rule = inp.limitation_rule
    if rule in (None, "none"):
        return theoretical, theoretical, theoretical, details
    assert inp.claim_date is not None
    b.cite(ARB27_1, J2_20)
    b.assume(
        "二倍工资中加付的一倍属惩罚性赔偿，适用一年时效；须用人单位在仲裁阶段提出时效抗辩 "
        "(解释（二）第20条) / the extra one-fold has the one-year limit, which the employer must "
        "raise at arbitration"
    )
    rules: tuple[str, ...] = LIMITATION_RULES if rule == "compare_all" else (str(rule),)
    results = limitation_results(
        rules,
        period=period,
        count=c,
        wage=wage,
        divisor=div,
        claim=inp.claim_date,
        partial_work_days=inp.partial_month_actual_work_days,
        non_working_days=inp.non_working_days,
        b=b,
    )
    amounts = [d["amount"] for d in results.values()]
    decimals = [a for a in amounts if isinstance(a, Decimal)]
    low, high = min(decimals), max(decimals)
    out = dict(details)
    out["theoretical"] = dict(details)
    out.update(results)
    if rule == "compare_all":
        b.flag("unsettled:double_wage_limitation_rule")
        b.assume(
            "时效起算规则各地不同，amount 为未适用时效的数额（时效须由用人单位主张），amount_min "
            "为最不利规则下的数额 / limitation rules differ: amount is before limitation (a "
            "defence the employer must raise); amount_min is the least favourable rule"
        )
        return theoretical, low, theoretical, out
    out["amount"] = high
    return high, high, high, out


def double_wage(inp: DoubleWageInput) -> CalcResult:
    """未签书面劳动合同的二倍工资差额 — only the extra one-fold (the normal wage was paid).

    * New hire (劳动合同法 第10条、第82条第1款; 实施条例 第6条、第7条): from the day after the
      first month ("满一个月的次日") to the day before signing, at most to the day before the
      first anniversary — 11 months (北京解答（一）Q41(1)); after that the contract is deemed
      open-ended and no double wage is due (第14条第3款; 解释（二）第9条).
    * Partial month: monthly wage ÷ 21.75 × actual working days (解释（二）第6条).
    * Exceptions → 0: force majeure, the worker's deliberate refusal (解释（二）第7条); statutory
      extension is not "no contract" (解释（二）第8条).
    * Post-expiry gap: rules differ (北京解答（一）Q41(3) from the next day, ≤ 12 months; one
      month's grace by analogy to 第10条; deemed renewal, 解释（一）第34条) — a parameter.
    * Open-ended contract refused (第82条第2款): no ceiling (北京解答（一）Q41(4)).
    * Limitation on the extra one-fold (调解仲裁法 第27条第1款): count back by day (Beijing), by
      month, or from the end of the period — a parameter; raised only by the employer
      (解释（二）第20条).
    """
    b = Builder("double_wage")
    b.details["scenario"] = inp.scenario
    if inp.claimed_amount is not None:
        b.details["claimed_amount"] = round2(inp.claimed_amount)
    if inp.worker_intentionally_refused or inp.force_majeure or inp.statutory_extension:
        if inp.statutory_extension:
            reason, basis = "劳动合同依法续延 / statutory extension of the contract", J2_8
        elif inp.force_majeure:
            reason, basis = "不可抗力 / force majeure", J2_7
        else:
            reason, basis = "劳动者故意拒签 / the worker deliberately refused to sign", J2_7
        b.add("二倍工资差额", "extra one-fold wage", "0", ZERO, basis, LCL82)
        b.assume(f"不支付二倍工资：{reason}（用人单位须举证）/ no double wage; employer must prove")
        b.details["amount"] = ZERO
        return b.build(ZERO)
    assert inp.monthly_wage is not None
    if inp.scenario == "post_expiry" and inp.gap_rule == "compare_all":
        nested: dict[str, object] = {}
        highs: list[Decimal] = []
        lows: list[Decimal] = []
        for rule in GAP_RULES:
            amount, low, _high, details = _evaluate(inp, _period(inp, rule, b), b)
            nested[rule] = details
            highs.append(amount)
            lows.append(low)
        b.details.update(nested)
        headline = max(highs)
        b.flag("unsettled:double_wage_gap_rule")
        b.assume(
            "空窗期二倍工资各地规则不同；amount 为最高数额（主张上限），amount_min 为最低 / the gap "
            "rule differs by forum: amount is the highest figure, amount_min the lowest"
        )
        b.details.update({"amount_min": min(lows), "amount_max": headline})
        b.add(
            "二倍工资差额（各规则最高）",
            "extra one-fold wage (highest rule)",
            " / ".join(f"{r}: {fmt(a)}" for r, a in zip(GAP_RULES, highs, strict=True)),
            headline,
            LCL82,
            BJ_Q41,
        )
        return b.build(headline)
    rule = inp.gap_rule if inp.scenario == "post_expiry" else ""
    period = _period(inp, rule, b)
    amount, low, high, details = _evaluate(inp, period, b)
    b.details.update(details)
    b.details.update({"amount_min": low, "amount_max": high})
    if period is not None and period.capped and inp.scenario == "post_expiry":
        b.flag(
            "cap_12_months_applied" if rule == "beijing_from_next_day" else "cap_11_months_applied"
        )
    months = details.get("full_months", 0)
    days = details.get("partial_days", 0)
    b.add(
        "二倍工资差额",
        "extra one-fold wage",
        f"{fmt(inp.monthly_wage)} × {months} + {fmt(inp.monthly_wage)} ÷ "
        f"{fmt(inp.daily_wage_divisor)} × {days}",
        amount,
        LCL82,
    )
    return b.build(amount)
