"""加班工资 (overtime pay) — laborlaw.md §5."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .inputs import Field, Reader
from .money import DAYS_PER_MONTH, ZERO, fmt, round2
from .results import Builder, CalcResult
from .wagebase import LOCAL_MIN

LABOUR44 = "劳动法 第44条"
LABOUR41 = "劳动法 第41条"
PAY13 = "工资支付暂行规定（劳部发〔1994〕489号） 第13条"
SUPP1 = "对《工资支付暂行规定》有关问题的补充规定（劳部发〔1995〕226号） 第1条"
SUPP2 = "对《工资支付暂行规定》有关问题的补充规定（劳部发〔1995〕226号） 第2条第1项"
DOC3 = "劳社部发〔2008〕3号"
REPLY1997 = "劳动部《关于职工工作时间有关问题的复函》（1997） 第3条至第5条"
BJ_Q57 = "practice: 北京解答（一）Q57"
BJ_PAY44 = "practice: 北京市工资支付规定 第44条"

SYSTEMS = (
    "standard",
    "comprehensive_monthly",
    "comprehensive_quarterly",
    "comprehensive_yearly",
    "flexible",
)
BASE_RULES = ("national_contract_wage", "beijing_q57", "agreed_clause_not_below_min")
#: 3号文 standard working days per period (11-holiday basis): month 20.83, quarter 62.5,
#: year 250 — × 8 hours.
STANDARD_DAYS = {
    "comprehensive_monthly": Decimal("20.83"),
    "comprehensive_quarterly": Decimal("62.5"),
    "comprehensive_yearly": Decimal("250"),
}
_YEAR_RE = re.compile(r"^(\d{4})")


@dataclass(frozen=True)
class OvertimeInput:
    """Hours, days, base and rule choices for overtime pay (laborlaw.md §5)."""

    overtime_base_monthly: Decimal | None = None
    contract_monthly_wage: Decimal | None = None
    contract_overtime_base_clause: Decimal | None = None
    actual_monthly_wage: Decimal | None = None
    overtime_base_rule: str = "national_contract_wage"
    local_min_wage: Decimal | None = None
    weekday_extension_hours: Decimal = ZERO
    rest_day_days_without_comp_off: Decimal = ZERO
    rest_day_hours_without_comp_off: Decimal = ZERO
    rest_day_days_with_comp_off: Decimal = ZERO
    statutory_holiday_days: Decimal = ZERO
    statutory_holiday_hours: Decimal = ZERO
    working_time_system: str = "standard"
    period: str | None = None
    actual_hours_in_period: Decimal | None = None
    standard_hours_in_period: Decimal | None = None
    overtime_days_divisor: Decimal = DAYS_PER_MONTH
    flexible_holiday_300: bool = False
    months_covered: int = 1
    piece_rate: Decimal | None = None
    pieces_weekday_extension: Decimal = ZERO
    pieces_rest_day: Decimal = ZERO
    pieces_statutory_holiday: Decimal = ZERO


FIELDS: tuple[Field, ...] = (
    Field(
        "overtime_base_monthly",
        "money",
        "加班费计算基数（月）",
        "overtime base (monthly)",
        "劳动合同约定的本人工资标准 (工资支付暂行规定 第13条；补充规定 第1条)。或改填 "
        "contract_monthly_wage。",
        one_of="base",
    ),
    Field(
        "contract_monthly_wage",
        "money",
        "劳动合同约定月工资",
        "monthly wage in the contract",
        one_of="base",
    ),
    Field(
        "contract_overtime_base_clause",
        "money",
        "合同约定的加班费基数",
        "overtime base fixed by a contract clause",
    ),
    Field("actual_monthly_wage", "money", "实际月工资（正常工作时间）", "actual monthly pay"),
    Field(
        "overtime_base_rule",
        "choice",
        "加班基数规则",
        "overtime base rule",
        "national_contract_wage（默认）/ beijing_q57（合同工资优先，约定基数低于合同工资可不采；"
        "实际高于合同按实际）/ agreed_clause_not_below_min（约定基数不低于最低工资即可）。",
        choices=BASE_RULES,
        jurisdiction_param="overtime_base_rule",
    ),
    Field("jurisdiction", "str", "地区", "jurisdiction", "如 Beijing；北京默认适用 Q57。"),
    LOCAL_MIN,
    Field("weekday_extension_hours", "decimal", "工作日延长工时（小时）", "weekday overtime hours"),
    Field(
        "rest_day_days_without_comp_off",
        "decimal",
        "休息日加班天数（未补休）",
        "rest days worked, no time off in lieu",
    ),
    Field(
        "rest_day_hours_without_comp_off",
        "decimal",
        "休息日加班小时（未补休）",
        "rest-day hours worked, no time off in lieu",
    ),
    Field(
        "rest_day_days_with_comp_off",
        "decimal",
        "休息日加班天数（已补休）",
        "rest days worked and compensated with time off",
        "不产生200%加班费。",
    ),
    Field("statutory_holiday_days", "decimal", "法定节假日加班天数", "statutory holidays worked"),
    Field("statutory_holiday_hours", "decimal", "法定节假日加班小时", "statutory-holiday hours"),
    Field(
        "working_time_system",
        "choice",
        "工时制度",
        "working-time system",
        "standard / comprehensive_monthly / comprehensive_quarterly / comprehensive_yearly / "
        "flexible（经批准）。",
        choices=SYSTEMS,
        default="standard",
    ),
    Field("period", "str", "综合计算周期", "comprehensive-hours period", "如 2024-Q1、2024-03。"),
    Field(
        "actual_hours_in_period",
        "decimal",
        "周期内实际工作小时",
        "actual hours in the period",
        "综合工时制必填；不含法定节假日加班小时（另按300%计）。",
    ),
    Field(
        "standard_hours_in_period",
        "decimal",
        "周期内标准工作小时",
        "standard hours in the period",
        "默认按3号文：月166.64、季500、年2000小时。",
    ),
    Field(
        "overtime_days_divisor",
        "decimal",
        "月计薪天数",
        "paid days per month",
        "默认21.75 (3号文)。",
        default="21.75",
        jurisdiction_param="overtime_days_divisor",
    ),
    Field(
        "flexible_holiday_300",
        "bool",
        "不定时工作制法定节假日仍付300%",
        "flexible hours: still pay 300% on holidays",
        "地方规则 (laborlaw.md §11 Q7)。",
        default=False,
        jurisdiction_param="flexible_hours_holiday_300",
    ),
    Field(
        "months_covered", "int", "涵盖月数", "months covered", "用于每月36小时上限提示。", default=1
    ),
    Field(
        "piece_rate",
        "money",
        "计件单价（法定工作时间）",
        "piece rate in normal hours",
        "计件工资：完成定额后延长工作时间的计件按单价的150%/200%/300% (工资支付暂行规定 第13条"
        "第2款)。",
    ),
    Field(
        "pieces_weekday_extension", "decimal", "工作日延时完成的件数", "pieces, weekday overtime"
    ),
    Field("pieces_rest_day", "decimal", "休息日完成的件数", "pieces, rest days"),
    Field("pieces_statutory_holiday", "decimal", "法定节假日完成的件数", "pieces, public holidays"),
)


def parse_overtime(raw: Mapping[str, object]) -> tuple[OvertimeInput, list[str]]:
    r = Reader(raw, FIELDS)
    base = r.money("overtime_base_monthly")
    contract = r.money("contract_monthly_wage")
    piece_rate = r.money("piece_rate")
    time_based = any(
        r.has(name)
        for name in (
            "weekday_extension_hours",
            "rest_day_days_without_comp_off",
            "rest_day_hours_without_comp_off",
            "statutory_holiday_days",
            "statutory_holiday_hours",
            "actual_hours_in_period",
        )
    )
    if base is None and contract is None and (piece_rate is None or time_based):
        raise r.missing(
            "overtime_base_monthly", "（或 contract_monthly_wage）", " (or contract_monthly_wage)"
        )
    jurisdiction = (r.text("jurisdiction") or "").lower()
    default_rule = (
        "beijing_q57"
        if ("beijing" in jurisdiction or "北京" in jurisdiction)
        else ("national_contract_wage")
    )
    system = r.choice("working_time_system", SYSTEMS, "standard") or "standard"
    actual = r.decimal("actual_hours_in_period")
    if system.startswith("comprehensive") and actual is None:
        raise r.missing("actual_hours_in_period", "（综合计算工时制）", " (comprehensive hours)")
    inp = OvertimeInput(
        overtime_base_monthly=base,
        contract_monthly_wage=contract,
        contract_overtime_base_clause=r.money("contract_overtime_base_clause"),
        actual_monthly_wage=r.money("actual_monthly_wage"),
        overtime_base_rule=r.choice("overtime_base_rule", BASE_RULES, default_rule) or default_rule,
        local_min_wage=r.money("local_min_wage"),
        weekday_extension_hours=r.decimal("weekday_extension_hours") or ZERO,
        rest_day_days_without_comp_off=r.decimal("rest_day_days_without_comp_off") or ZERO,
        rest_day_hours_without_comp_off=r.decimal("rest_day_hours_without_comp_off") or ZERO,
        rest_day_days_with_comp_off=r.decimal("rest_day_days_with_comp_off") or ZERO,
        statutory_holiday_days=r.decimal("statutory_holiday_days") or ZERO,
        statutory_holiday_hours=r.decimal("statutory_holiday_hours") or ZERO,
        working_time_system=system,
        period=r.text("period"),
        actual_hours_in_period=actual,
        standard_hours_in_period=r.decimal("standard_hours_in_period"),
        overtime_days_divisor=r.positive("overtime_days_divisor", DAYS_PER_MONTH),
        flexible_holiday_300=r.flag("flexible_holiday_300"),
        months_covered=r.integer("months_covered", minimum=1) or 1,
        piece_rate=piece_rate,
        pieces_weekday_extension=r.decimal("pieces_weekday_extension") or ZERO,
        pieces_rest_day=r.decimal("pieces_rest_day") or ZERO,
        pieces_statutory_holiday=r.decimal("pieces_statutory_holiday") or ZERO,
    )
    return inp, r.unused()


def _base(inp: OvertimeInput, b: Builder) -> Decimal:
    """The monthly overtime base (工资支付暂行规定 第13条; 补充规定 第1条; 北京解答（一）Q57)."""
    if inp.overtime_base_monthly is None and inp.contract_monthly_wage is None:
        return ZERO  # a piece-rate worker with no time-based overtime
    b.cite(PAY13, SUPP1)
    if inp.overtime_base_monthly is not None:
        base = inp.overtime_base_monthly
    else:
        assert inp.contract_monthly_wage is not None
        contract = inp.contract_monthly_wage
        clause = inp.contract_overtime_base_clause
        base = contract
        if inp.overtime_base_rule == "beijing_q57":
            b.flag("local_rule_used:beijing_q57")
            b.cite(BJ_Q57)
            if clause is not None and clause < contract:
                b.assume(
                    "约定加班基数低于合同工资，劳动者可主张按合同工资计算 (北京解答（一）Q57) / a "
                    "base clause below the contract wage is overridden"
                )
            if inp.actual_monthly_wage is not None and inp.actual_monthly_wage > contract:
                base = inp.actual_monthly_wage
                b.assume("实际工资高于合同约定，按实际工资 / actual pay above the contract wage")
        elif inp.overtime_base_rule == "agreed_clause_not_below_min" and clause is not None:
            base = clause
            b.flag("local_rule_used:agreed_clause_not_below_min")
        elif clause is not None and clause < contract:
            b.flag("unsettled:overtime_base_clause")
            b.assume(
                "合同另有较低的加班基数条款，按本人合同工资标准计算；部分地区认可不低于最低工资的"
                "约定 / a lower base clause exists: the contract wage is used"
            )
    if inp.local_min_wage is not None and base < inp.local_min_wage:
        base = inp.local_min_wage
        b.flag("min_wage_floor_applied")
        b.cite(BJ_PAY44)
    return base


def overtime_pay(inp: OvertimeInput) -> CalcResult:
    """加班工资.

    * 劳动法 第44条; 工资支付暂行规定 第13条: weekday extension 150% of the hourly wage, rest
      day without time off in lieu 200%, statutory holiday 300%.
    * Daily wage = base ÷ 21.75, hourly = base ÷ 174 (劳社部发〔2008〕3号); no intermediate
      rounding — the amount is rounded once (laborlaw.md §1.1).
    * Holiday 300% is paid on top of the monthly salary (补充规定 第2条第1项, "另外支付").
    * Rest-day work with equal time off: no 200% (劳动法 第44条第2项).
    * Piece rate: 150/200/300% of the piece rate for pieces made after the quota is met
      (第13条第2款).
    * Comprehensive hours: hours above the period's standard at 150% (工资支付暂行规定 第13条
      第3款); holidays still 300% (1997复函 第5条); standard hours per 3号文.
    * Flexible hours: no overtime pay (第13条第4款), save a local 300% holiday rule.
    * 36 hours/month (劳动法 第41条) is flagged, never deducted.
    """
    b = Builder("overtime_pay")
    b.cite(LABOUR44, DOC3)
    base = _base(inp, b)
    div = inp.overtime_days_divisor
    if div != DAYS_PER_MONTH:
        b.flag(f"local_rule_used:overtime_days_divisor_{fmt(div)}")
    system = inp.working_time_system
    details: dict[str, object] = {}
    weekday = rest = excess_part = ZERO
    if system == "standard":
        weekday, rest, hours = _standard_parts(inp, base, b)
    elif system.startswith("comprehensive"):
        excess_part, hours = _comprehensive_part(inp, base, b, details)
    else:
        hours = ZERO
        b.cite(PAY13 + "第4款")
        b.assume("经批准的不定时工作制不支付加班费 / approved flexible hours: no overtime pay")
        if inp.flexible_holiday_300:
            b.flag("local_rule_used:flexible_holiday_300")
    holiday = ZERO
    if system != "flexible" or inp.flexible_holiday_300:
        holiday = _holiday_part(inp, base, b)
        hours += inp.statutory_holiday_days * 8 + inp.statutory_holiday_hours
    pieces = _piece_rate_part(inp, b) if system != "flexible" else ZERO
    if hours > 36 * inp.months_covered:
        b.flag("over_36h_monthly_limit")
        b.cite(LABOUR41)
        b.assume(
            "加班超过每月36小时 (劳动法 第41条)，不减少加班费 / overtime above 36 hours a month "
            "is unlawful but does not reduce pay"
        )
    amount = round2(weekday + rest + holiday + excess_part + pieces)
    details.update(
        {
            "overtime_base_monthly": round2(base),
            "hourly_wage": round2(base / (div * 8)),
            "daily_wage": round2(base / div),
            "weekday_part": round2(weekday),
            "rest_day_part": round2(rest),
            "holiday_part": round2(holiday),
            "piece_rate_part": round2(pieces),
            "amount": amount,
        }
    )
    b.details.update(details)
    b.assume(
        "日/小时工资仅为展示而四舍五入，金额按未舍入的费率一次性四舍五入 / daily and hourly rates "
        "are rounded for display only"
    )
    return b.build(amount)


def _standard_parts(
    inp: OvertimeInput, base: Decimal, b: Builder
) -> tuple[Decimal, Decimal, Decimal]:
    """(weekday 150%, rest day 200%, overtime hours) under the standard working-time system."""
    div = inp.overtime_days_divisor
    hours_div = div * 8
    weekday = base * inp.weekday_extension_hours * Decimal("1.5") / hours_div
    rest = _days_and_hours(
        base, inp.rest_day_days_without_comp_off, inp.rest_day_hours_without_comp_off, 2, div
    )
    if weekday:
        b.add(
            "工作日延长工作时间",
            "weekday extension (150%)",
            f"{fmt(base)} ÷ {fmt(hours_div)} × {fmt(inp.weekday_extension_hours)} × 150%",
            round2(weekday),
            LABOUR44 + "第1项",
            PAY13,
        )
    if rest:
        b.add(
            "休息日加班（未补休）",
            "rest day without time off (200%)",
            f"{fmt(base)} ÷ {fmt(div)} × {fmt(inp.rest_day_days_without_comp_off)} × 200% + "
            f"{fmt(base)} ÷ {fmt(hours_div)} × {fmt(inp.rest_day_hours_without_comp_off)} × 200%",
            round2(rest),
            LABOUR44 + "第2项",
            PAY13,
        )
    if inp.rest_day_days_with_comp_off:
        b.assume(
            "休息日加班已安排同等时间补休，不支付200% (劳动法 第44条第2项) / rest-day work "
            "compensated with time off: no 200%"
        )
    hours = (
        inp.weekday_extension_hours
        + inp.rest_day_days_without_comp_off * 8
        + inp.rest_day_hours_without_comp_off
        + inp.rest_day_days_with_comp_off * 8
    )
    return weekday, rest, hours


def _comprehensive_part(
    inp: OvertimeInput, base: Decimal, b: Builder, details: dict[str, object]
) -> tuple[Decimal, Decimal]:
    """(150% on hours above the period's standard, those hours) — 第13条第3款."""
    b.cite(PAY13 + "第3款", REPLY1997)
    system = inp.working_time_system
    standard = inp.standard_hours_in_period
    if standard is None:
        standard = STANDARD_DAYS[system] * 8
        b.assume(
            f"标准工时按3号文计算：{fmt(STANDARD_DAYS[system])}天 × 8小时 = {fmt(standard)}小时 / "
            "standard hours per 劳社部发〔2008〕3号"
        )
    year_match = _YEAR_RE.match(inp.period or "")
    if year_match and int(year_match.group(1)) >= 2025:
        b.flag("unsettled:2025_standard_hours")
        b.assume(
            "2025年起法定节假日增至13天，3号文的工作日数（250/62.5/20.83）尚无新文件替代 / from "
            "2025 the 3号文 work-day figures have no official replacement"
        )
    assert inp.actual_hours_in_period is not None
    excess = max(inp.actual_hours_in_period - standard, ZERO)
    hours_div = inp.overtime_days_divisor * 8
    part = base * excess * Decimal("1.5") / hours_div
    details.update({"excess_hours": excess, "standard_hours_in_period": standard})
    b.add(
        "综合工时超时部分",
        "hours above the period standard (150%)",
        f"{fmt(base)} ÷ {fmt(hours_div)} × {fmt(excess)} × 150%",
        round2(part),
        PAY13 + "第3款",
    )
    if inp.weekday_extension_hours or inp.rest_day_days_without_comp_off:
        b.assume(
            "综合计算工时制只看周期总工时，不单独计算工作日延时和休息日200% / comprehensive "
            "hours: only the period total counts"
        )
    return part, excess


def _holiday_part(inp: OvertimeInput, base: Decimal, b: Builder) -> Decimal:
    """300% for statutory-holiday work, on top of the monthly salary (补充规定 第2条第1项)."""
    div = inp.overtime_days_divisor
    hours_div = div * 8
    holiday = _days_and_hours(base, inp.statutory_holiday_days, inp.statutory_holiday_hours, 3, div)
    if holiday:
        b.add(
            "法定节假日加班",
            "statutory holiday (300%, on top of the salary)",
            f"{fmt(base)} ÷ {fmt(div)} × {fmt(inp.statutory_holiday_days)} × 300% + "
            f"{fmt(base)} ÷ {fmt(hours_div)} × {fmt(inp.statutory_holiday_hours)} × 300%",
            round2(holiday),
            LABOUR44 + "第3项",
            PAY13,
            SUPP2,
        )
    return holiday


def _days_and_hours(
    base: Decimal, days: Decimal, hours: Decimal, multiple: int, div: Decimal
) -> Decimal:
    """base ÷ divisor × days × multiple + base ÷ (divisor × 8) × hours × multiple, unrounded."""
    return base * days * multiple / div + base * hours * multiple / (div * 8)


def _piece_rate_part(inp: OvertimeInput, b: Builder) -> Decimal:
    """Pieces made after the quota in overtime: 150/200/300% of the piece rate (第13条第2款)."""
    rate = inp.piece_rate
    pieces = (inp.pieces_weekday_extension, inp.pieces_rest_day, inp.pieces_statutory_holiday)
    if rate is None or not any(pieces):
        return ZERO
    weekday, rest, holiday = pieces
    part = rate * (weekday * Decimal("1.5") + rest * 2 + holiday * 3)
    b.add(
        "计件工资加班（完成定额后）",
        "piece-rate overtime after the quota",
        f"{fmt(rate)} × ({fmt(weekday)} × 150% + {fmt(rest)} × 200% + {fmt(holiday)} × 300%)",
        round2(part),
        PAY13 + "第2款",
        LABOUR44,
    )
    return part
