"""The 12-month average wage used for severance and damages, and its statutory floor/cap.

Rules (laborlaw.md §1.3, §2.2, §3):

* 实施条例 第27条: the monthly wage for 经济补偿 is the worker's 应得工资 (time or piece wages,
  bonuses, allowances and subsidies) averaged over the 12 months before termination; if the
  worker worked less than 12 months, over the months actually worked. If the average is
  below the local minimum wage, the minimum wage is used.
* 北京解答（一）Q55(4) (practice, Beijing): overtime pay is included and the annual bonus is
  spread over 12 months.
* 劳动合同法 第47条第2款: if the wage is *higher than* three times the local average monthly
  wage published by the municipality or prefecture-level city, the base is that 3× figure
  and the years are limited to 12. Exactly 3× is not "higher than" (SEV-07).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .inputs import Field, InputError, Reader
from .money import ZERO, dec, fmt, round2
from .results import Builder

ART27 = "劳动合同法实施条例 第27条"
ART47_2 = "劳动合同法 第47条第2款"
BJ_Q55 = "practice: 北京解答（一）（京高法发〔2024〕534号）Q55(4)"
BJ_8452 = "practice: (2023)京0105民初8452号"

WAGE_FIELDS: tuple[Field, ...] = (
    Field(
        "avg_monthly_wage_12m",
        "money",
        "前十二个月平均工资",
        "average monthly wage over the last 12 months",
        "应得工资（税前，含奖金、津贴、补贴；北京另含加班费和分摊的年终奖），终止前12个月平均；"
        "不满12个月按实际月数平均 (实施条例 第27条)。Pre-tax wage due, averaged over the 12 "
        "months before termination.",
        one_of="wage",
    ),
    Field(
        "monthly_wages",
        "money_list",
        "逐月应得工资",
        "monthly wages (oldest first)",
        "逐月工资；取最后12个月平均，不满12个月按实际月数 (实施条例 第27条)。Alternative to "
        "avg_monthly_wage_12m.",
        one_of="wage",
    ),
    Field(
        "regular_monthly_wage_x12",
        "money_list",
        "逐月正常工资（不含年终奖、加班费）",
        "regular monthly wages (without bonus and overtime)",
        "与 year_end_double_pay_total、overtime_pay_in_12m 一起按北京做法推算基数。",
        one_of="wage",
    ),
    Field(
        "year_end_double_pay_total",
        "money",
        "年终奖（双薪）总额",
        "annual bonus / 13th-month pay, total",
    ),
    Field(
        "annual_bonus_spread_months",
        "int",
        "年终奖分摊月数",
        "months over which the annual bonus is spread",
        "默认12 (北京解答（一）Q55(4))。",
        default=12,
    ),
    Field(
        "overtime_pay_in_12m",
        "money",
        "12个月内加班费合计",
        "overtime pay received in the 12 months",
        "北京计入基数 (Q55(4))；其他地区可能不计入。",
    ),
)

LOCAL_AVG = Field(
    "local_avg_monthly_wage",
    "money",
    "当地上年度职工月平均工资",
    "local average monthly wage (previous year)",
    "直辖市、设区的市人民政府公布的本地区上年度职工月平均工资，用于3倍封顶 (劳动合同法 第47条第2款)。"
    "Needed for the 3x cap; if omitted the cap is not checked and a flag says so.",
    jurisdiction_param="local_avg_monthly_wage",
)
LOCAL_MIN = Field(
    "local_min_wage",
    "money",
    "当地月最低工资标准",
    "local monthly minimum wage",
    "按用人单位所在区县档次 (实施条例 第27条)。By district tier.",
    jurisdiction_param="local_min_wage",
)


@dataclass(frozen=True)
class WageBaseInput:
    """The facts from which the 12-month average wage is derived (one of three forms)."""

    avg_monthly_wage_12m: Decimal | None = None
    monthly_wages: tuple[Decimal, ...] | None = None
    regular_monthly_wage_x12: tuple[Decimal, ...] | None = None
    year_end_double_pay_total: Decimal | None = None
    annual_bonus_spread_months: int = 12
    overtime_pay_in_12m: Decimal | None = None

    @property
    def given(self) -> bool:
        return (
            self.avg_monthly_wage_12m is not None
            or bool(self.monthly_wages)
            or bool(self.regular_monthly_wage_x12)
        )


def parse_wage_base(r: Reader) -> WageBaseInput:
    monthly = r.money_list("monthly_wages")
    regular = r.money_list("regular_monthly_wage_x12")
    if monthly is not None and not monthly:
        raise r.invalid("monthly_wages", "列表不能为空", "the list must not be empty")
    if regular is not None and not regular:
        raise r.invalid("regular_monthly_wage_x12", "列表不能为空", "the list must not be empty")
    return WageBaseInput(
        avg_monthly_wage_12m=r.money("avg_monthly_wage_12m"),
        monthly_wages=monthly,
        regular_monthly_wage_x12=regular,
        year_end_double_pay_total=r.money("year_end_double_pay_total"),
        annual_bonus_spread_months=r.integer("annual_bonus_spread_months", minimum=1) or 12,
        overtime_pay_in_12m=r.money("overtime_pay_in_12m"),
    )


def average_wage(w: WageBaseInput, b: Builder) -> Decimal | None:
    """The 12-month average, rounded to the fen (实施条例 第27条; laborlaw.md §1.1)."""
    if w.avg_monthly_wage_12m is not None:
        return round2(w.avg_monthly_wage_12m)
    if w.monthly_wages:
        months = w.monthly_wages[-12:]
        if len(w.monthly_wages) > 12:
            b.assume("逐月工资超过12个月，仅取最后12个月 / only the last 12 months are averaged")
        value = round2(sum(months, ZERO) / len(months))
        b.add(
            "前十二个月平均工资",
            "12-month average wage",
            f"{fmt(sum(months, ZERO))} ÷ {len(months)}",
            value,
            ART27,
        )
        if len(months) < 12:
            b.assume(
                f"工作不满12个月，按实际工作的{len(months)}个月平均 (实施条例 第27条) / fewer "
                f"than 12 months worked: averaged over {len(months)} months"
            )
        return value
    if w.regular_monthly_wage_x12:
        regular = w.regular_monthly_wage_x12
        total = sum(regular, ZERO)
        parts = [f"{fmt(total)}"]
        if w.year_end_double_pay_total:
            total += w.year_end_double_pay_total / dec(w.annual_bonus_spread_months)
            parts.append(f"{fmt(w.year_end_double_pay_total)}/{w.annual_bonus_spread_months}")
        if w.overtime_pay_in_12m:
            total += w.overtime_pay_in_12m
            parts.append(fmt(w.overtime_pay_in_12m))
        value = round2(total / len(regular))
        b.add(
            "工资基数（含分摊年终奖、加班费）",
            "wage base incl. spread bonus and overtime",
            f"[{' + '.join(parts)}] ÷ {len(regular)}",
            value,
            ART27,
            BJ_Q55,
            BJ_8452,
        )
        b.flag("local_rule_used:beijing_q55_wage_base")
        b.assume(
            "年终奖按 总额÷分摊月数 计入12个月工资总额，与(2023)京0105民初8452号的算式一致；"
            "加班费计入基数为北京做法 / the annual bonus enters the 12-month total as total ÷ "
            "spread months, as written in (2023)京0105民初8452号; including overtime is the "
            "Beijing practice"
        )
        return value
    return None


@dataclass(frozen=True)
class Base:
    wage: Decimal  # after the minimum-wage floor, before the cap
    capped: Decimal  # after the 3x cap
    cap_applied: bool
    cap: Decimal | None


def floored_capped_base(
    w: WageBaseInput,
    local_min_wage: Decimal | None,
    local_avg_monthly_wage: Decimal | None,
    b: Builder,
) -> Base:
    """Apply the minimum-wage floor (实施条例 第27条) and the 3× cap (劳动合同法 第47条第2款)."""
    avg = average_wage(w, b)
    b.cite(ART27)
    if avg is None:
        if local_min_wage is None:
            raise InputError(
                "avg_monthly_wage_12m",
                "缺少必填项「前十二个月平均工资」（avg_monthly_wage_12m，或 monthly_wages）",
                "missing required input 'avg_monthly_wage_12m' (or 'monthly_wages')",
            )
        wage = round2(local_min_wage)
        b.flag("min_wage_floor_applied")
        b.flag("wage_base_not_given")
        b.assume(
            "未提供平均工资，按当地最低工资（法定下限）计算，结果是最低应得数额 / no average wage "
            "given: the local minimum wage (the statutory floor) is used, so the result is the "
            "least amount due"
        )
    elif local_min_wage is not None and avg < local_min_wage:
        wage = round2(local_min_wage)
        b.flag("min_wage_floor_applied")
        b.add(
            "最低工资标准兜底",
            "minimum-wage floor",
            f"max({fmt(avg)}, {fmt(local_min_wage)})",
            wage,
            ART27,
        )
    else:
        wage = avg
        if local_min_wage is None:
            b.flag("unchecked:min_wage_floor")
            b.assume(
                "未提供当地最低工资，未核对最低工资兜底 / local minimum wage not given: the floor "
                "of 实施条例 第27条 was not checked"
            )
    if local_avg_monthly_wage is None:
        b.flag("unchecked:cap_3x")
        b.assume(
            "未提供当地上年度职工月平均工资，未核对3倍封顶 / local average wage not given: the "
            "3x cap of 劳动合同法 第47条第2款 was not checked"
        )
        return Base(wage, wage, False, None)
    cap = round2(3 * local_avg_monthly_wage)
    b.cite(ART47_2)
    if wage > cap:
        b.flag("cap_3x_applied")
        b.add(
            "3倍封顶基数",
            "base capped at 3x local average",
            f"3 × {fmt(local_avg_monthly_wage)}",
            cap,
            ART47_2,
        )
        return Base(wage, cap, True, cap)
    return Base(wage, wage, False, cap)
