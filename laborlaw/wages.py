"""Final pay on leaving and the 加付赔偿金 of 劳动合同法 第85条 — laborlaw.md §7."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from .dates import weekdays_between
from .inputs import Field, Reader
from .money import DAYS_PER_MONTH, ZERO, dec, fmt, round2
from .results import Builder, CalcResult
from .wagebase import LOCAL_MIN

PAY9 = "工资支付暂行规定（劳部发〔1994〕489号） 第9条"
DOC3 = "劳社部发〔2008〕3号"
LCL50 = "劳动合同法 第50条"
LCL85 = "劳动合同法 第85条"
BJ_Q6 = "practice: 北京解答（一）Q6"
MINWAGE = "最低工资规定（劳社部令第21号） 第12条"

METHODS = ("daily_rate_x_paid_days", "monthly_minus_absent_days", "compare_all")
OWED_TYPES = ("unpaid_wages", "min_wage_shortfall", "unpaid_overtime", "unpaid_severance")


# =========================================================================== final wages


@dataclass(frozen=True)
class FinalWagesInput:
    """Facts for the wages of the last, partial month (laborlaw.md §7.1)."""

    monthly_wage: Decimal
    last_day_worked: date
    termination_date: date
    method: str = "daily_rate_x_paid_days"
    paid_days_in_partial_month: Decimal | None = None
    absent_working_days: Decimal | None = None
    other_owed_wages: Decimal = ZERO
    payment_window_days: int = 0
    daily_wage_divisor: Decimal = DAYS_PER_MONTH


FINAL_FIELDS: tuple[Field, ...] = (
    Field("monthly_wage", "money", "月工资", "monthly wage", required=True),
    Field(
        "last_day_worked",
        "date",
        "最后工作日",
        "last day worked",
        "或给出 last_month（YYYY-MM）+ 最后工作日。",
        required=True,
    ),
    Field("last_month", "month", "最后工资月份", "last wage month", "YYYY-MM，仅用于核对。"),
    Field(
        "termination_date",
        "date",
        "劳动合同解除/终止日",
        "termination date",
        "默认等于最后工作日；工资应在解除或终止时一次付清 (工资支付暂行规定 第9条)。",
    ),
    Field(
        "method",
        "choice",
        "不足月工资算法",
        "partial-month method",
        "daily_rate_x_paid_days：月工资÷21.75×计薪天数（工作日+法定节假日）；"
        "monthly_minus_absent_days：月工资−月工资÷21.75×缺勤工作日；compare_all：两者并列。",
        choices=METHODS,
        default="daily_rate_x_paid_days",
    ),
    Field(
        "paid_days_in_partial_month",
        "decimal",
        "不足月计薪天数",
        "paid days in the partial month",
        "出勤工作日加其间的法定节假日；未提供时按周一至周五估算。",
    ),
    Field(
        "absent_working_days",
        "decimal",
        "当月缺勤工作日",
        "absent working days in the month",
        "monthly_minus_absent_days 使用；未提供时按周一至周五估算。",
    ),
    Field("other_owed_wages", "money", "其他欠发工资", "other wages still owed"),
    Field(
        "payment_window_days",
        "int",
        "地方规定的支付宽限天数",
        "local payment window (days)",
        "全国规定为解除或终止时一次付清；部分地方允许数日 (laborlaw.md §11 Q11)。",
        default=0,
        jurisdiction_param="final_pay_window_days",
    ),
    Field(
        "daily_wage_divisor",
        "decimal",
        "月计薪天数",
        "paid days per month",
        default="21.75",
        jurisdiction_param="overtime_days_divisor",
    ),
)


def parse_final_wages(raw: Mapping[str, object]) -> tuple[FinalWagesInput, list[str]]:
    r = Reader(raw, FINAL_FIELDS)
    last_day = r.date_req("last_day_worked")
    month = r.month_or_date("last_month")
    if month is not None and (month[0].year, month[0].month) != (last_day.year, last_day.month):
        raise r.invalid("last_month", "与最后工作日不在同一月", "does not match last_day_worked")
    termination = r.date("termination_date") or last_day
    inp = FinalWagesInput(
        monthly_wage=r.money_req("monthly_wage"),
        last_day_worked=last_day,
        termination_date=termination,
        method=r.choice("method", METHODS, "daily_rate_x_paid_days") or "daily_rate_x_paid_days",
        paid_days_in_partial_month=r.decimal("paid_days_in_partial_month"),
        absent_working_days=r.decimal("absent_working_days"),
        other_owed_wages=r.money("other_owed_wages") or ZERO,
        payment_window_days=r.integer("payment_window_days", maximum=60) or 0,
        daily_wage_divisor=r.positive("daily_wage_divisor", DAYS_PER_MONTH),
    )
    return inp, r.unused()


def final_wages(inp: FinalWagesInput) -> CalcResult:
    """Wages for the last, partial month, payable in one lump at termination.

    * 工资支付暂行规定 第9条: on lawful termination the employer pays all wages in one lump at
      termination (a local window is a parameter).
    * Partial month, two methods (the result says which): (a) monthly ÷ 21.75 × paid days
      (working days and statutory holidays in the part worked); (b) monthly − monthly ÷ 21.75 ×
      absent working days. 21.75 from 劳社部发〔2008〕3号. They differ (WG-01).
    * The final settlement bundles other items, each with its own basis (劳动合同法 第50条;
      实施条例 第24条): N or 2N, notice pay, leave pay, double wage, overtime — separate
      calculators.
    """
    b = Builder("final_wages")
    b.cite(PAY9, DOC3)
    wage, div = inp.monthly_wage, inp.daily_wage_divisor
    last = inp.last_day_worked
    month_first = last.replace(day=1)
    month_last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    paid_days = inp.paid_days_in_partial_month
    absent = inp.absent_working_days
    estimated = False
    if paid_days is None and inp.method != "monthly_minus_absent_days":
        paid_days = dec(weekdays_between(month_first, last))
        estimated = True
    if absent is None and inp.method != "daily_rate_x_paid_days":
        absent = dec(weekdays_between(last + timedelta(days=1), month_last))
        estimated = True
    if estimated:
        b.flag("estimated:working_days")
        b.assume(
            "天数按周一至周五估算，未考虑法定节假日和调休；请输入实际天数 / days estimated as "
            "Mon-Fri; enter the actual counts"
        )
    results: dict[str, Decimal] = {}
    if paid_days is not None:
        results["daily_rate_x_paid_days"] = round2(wage * paid_days / div)
    if absent is not None:
        value = wage - wage * absent / div
        if value < 0:
            b.flag("absent_days_exceed_month")
            value = ZERO
        results["monthly_minus_absent_days"] = round2(value)
    chosen = "daily_rate_x_paid_days" if inp.method == "compare_all" else inp.method
    partial = results[chosen]
    if chosen == "daily_rate_x_paid_days":
        assert paid_days is not None
        formula = f"{fmt(wage)} ÷ {fmt(div)} × {fmt(paid_days)}"
    else:
        assert absent is not None
        formula = f"{fmt(wage)} − {fmt(wage)} ÷ {fmt(div)} × {fmt(absent)}"
    b.add(
        "最后一个月工资（不足月）", "wages for the partial last month", formula, partial, PAY9, DOC3
    )
    total = partial
    if inp.other_owed_wages:
        total += round2(inp.other_owed_wages)
        b.add(
            "其他欠发工资",
            "other wages owed",
            fmt(inp.other_owed_wages),
            round2(inp.other_owed_wages),
            PAY9,
        )
    due = inp.termination_date + timedelta(days=inp.payment_window_days)
    if inp.payment_window_days:
        b.flag("local_rule_used:final_pay_window")
    if inp.method == "compare_all":
        b.flag("unsettled:partial_month_method")
        for name, value in results.items():
            b.details[f"amount_{name}"] = value
    b.details.update(
        {
            "method": chosen,
            "partial_month_pay": partial,
            "daily_wage": round2(wage / div),
            "paid_days_in_partial_month": paid_days,
            "absent_working_days": absent,
            "due_date": due,
            "amount": round2(total),
        }
    )
    b.assume(f"采用的算法：{chosen}（两种算法结果不同，须说明）/ method used: {chosen}")
    b.assume(
        "离职结算另含经济补偿或赔偿金、代通知金、未休年休假工资、二倍工资、加班费等，各有依据 "
        "(劳动合同法 第50条) / other leaving items are separate calculators"
    )
    b.cite(LCL50)
    return b.build(total)


# =========================================================================== art.85 penalty


@dataclass(frozen=True)
class ArrearsPenaltyInput:
    """Facts for the 加付赔偿金 of 劳动合同法 第85条 (laborlaw.md §7.2)."""

    amount_owed: Decimal | None = None
    months: Decimal | None = None
    paid_per_month: Decimal | None = None
    local_min_wage: Decimal | None = None
    owed_type: str = "unpaid_wages"
    labor_bureau_order_issued: bool = False
    order_deadline_missed: bool = False


PENALTY_FIELDS: tuple[Field, ...] = (
    Field(
        "amount_owed",
        "money",
        "拖欠金额",
        "amount owed",
        "未支付的劳动报酬、加班费或经济补偿 (第85条第1、3、4项)。",
        one_of="owed",
    ),
    Field(
        "months",
        "decimal",
        "低于最低工资的月数",
        "months paid below the minimum wage",
        one_of="owed",
    ),
    Field("paid_per_month", "money", "每月实发工资", "pay per month (below minimum)"),
    LOCAL_MIN,
    Field(
        "owed_type",
        "choice",
        "拖欠类型",
        "type of arrears",
        choices=OWED_TYPES,
        default="unpaid_wages",
    ),
    Field(
        "labor_bureau_order_issued",
        "bool",
        "劳动行政部门已责令限期支付",
        "labour bureau ordered payment",
        default=False,
    ),
    Field(
        "order_deadline_missed",
        "bool",
        "逾期仍未支付",
        "deadline of the order missed",
        default=False,
    ),
)


def parse_arrears_penalty(raw: Mapping[str, object]) -> tuple[ArrearsPenaltyInput, list[str]]:
    r = Reader(raw, PENALTY_FIELDS)
    inp = ArrearsPenaltyInput(
        amount_owed=r.money("amount_owed"),
        months=r.decimal("months"),
        paid_per_month=r.money("paid_per_month"),
        local_min_wage=r.money("local_min_wage"),
        owed_type=r.choice("owed_type", OWED_TYPES, "") or "",
        labor_bureau_order_issued=r.flag("labor_bureau_order_issued"),
        order_deadline_missed=r.flag("order_deadline_missed"),
    )
    if inp.amount_owed is None:
        if inp.months is None:
            raise r.missing(
                "amount_owed",
                "（或 months + paid_per_month + local_min_wage）",
                " (or months + paid_per_month + local_min_wage)",
            )
        if inp.paid_per_month is None:
            raise r.missing("paid_per_month")
        if inp.local_min_wage is None:
            raise r.missing("local_min_wage")
    if not inp.owed_type:
        kind = "unpaid_wages" if inp.amount_owed is not None else "min_wage_shortfall"
        inp = replace(inp, owed_type=kind)
    return inp, r.unused()


def wage_arrears_penalty(inp: ArrearsPenaltyInput) -> CalcResult:
    """加付赔偿金 under 劳动合同法 第85条 — a range, not a single figure.

    * Owed: unpaid wages (第85条第1项), the shortfall below the minimum wage (第2项; 最低工资
      规定 第12条), unpaid overtime (第3项), unpaid severance (第4项).
    * Only if the labour administration ordered payment and the employer missed the deadline:
      50%–100% of the amount owed. Arbitration in Beijing will not hear a direct claim without
      proof of the order and the default (北京解答（一）Q6): complain to 劳动监察 first.
    * The 25%/50% "additional compensation" of 481号 第3、4、10条 was abolished in 2017 and
      is not applied.

    ``amount`` is the lower end of the penalty range (zero until the order is defied).
    """
    b = Builder("wage_arrears_penalty")
    b.cite(LCL85)
    owed = ZERO
    if inp.amount_owed is not None:
        owed += round2(inp.amount_owed)
        b.add("拖欠金额", "amount owed", fmt(inp.amount_owed), round2(inp.amount_owed), LCL85)
    if inp.months is not None and inp.paid_per_month is not None and inp.local_min_wage is not None:
        gap = max(inp.local_min_wage - inp.paid_per_month, ZERO)
        shortfall = round2(gap * inp.months)
        owed += shortfall
        b.cite(MINWAGE)
        b.add(
            "低于最低工资的差额",
            "shortfall below the minimum wage",
            f"({fmt(inp.local_min_wage)} − {fmt(inp.paid_per_month)}) × {fmt(inp.months)}",
            shortfall,
            LCL85 + "第2项",
            MINWAGE,
        )
        b.details["shortfall"] = shortfall
    applicable = inp.labor_bureau_order_issued and inp.order_deadline_missed
    if applicable:
        low, high = round2(owed / 2), owed
        b.add("加付赔偿金（区间下限）", "penalty, lower end", f"{fmt(owed)} × 50%", low, LCL85)
        b.add("加付赔偿金（区间上限）", "penalty, upper end", f"{fmt(owed)} × 100%", high, LCL85)
        b.assume(
            "加付赔偿金由劳动行政部门责令支付，比例在50%至100%之间由其决定 / the labour "
            "administration sets the rate between 50% and 100%"
        )
    else:
        low = high = ZERO
        b.cite(BJ_Q6)
        b.assume(
            "须先向劳动保障监察投诉，经责令限期支付而逾期不付后才产生加付赔偿金；仲裁不直接受理 "
            "(北京解答（一）Q6) / complain to 劳动监察 first; the penalty arises only after the "
            "employer ignores the order"
        )
        b.details["path"] = "complain_to_labour_inspection_first"
    b.assume(
        "481号规定的25%/50%额外经济补偿已于2017年废止，不适用 / the abolished 481号 25%/50% "
        "additions are not applied"
    )
    b.details.update(
        {
            "owed_type": inp.owed_type,
            "owed": owed,
            "penalty_applicable": applicable,
            "penalty_min": low,
            "penalty_max": high,
            "total_min": owed + low,
            "total_max": owed + high,
        }
    )
    return b.build(low)
