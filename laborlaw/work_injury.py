"""工伤待遇: the own wage of 第64条 and disability benefits — laborlaw.md §8.1–8.2.

工伤保险条例 as revised in 2010 (国务院令第586号, in force 2011-01-01); death benefits are in
:mod:`laborlaw.death_benefits`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal

from .inputs import Field, InputError, Reader
from .money import fmt, round2
from .results import Builder, CalcResult
from .wagebase import LOCAL_MIN

R35 = "工伤保险条例 第35条"
R36 = "工伤保险条例 第36条"
R37 = "工伤保险条例 第37条"
R64 = "工伤保险条例 第64条第2款"
IMPL23 = "劳动合同法实施条例 第23条"
OLD = "工伤保险条例（2003，国务院令第375号）(memory, unverified)"

#: 一次性伤残补助金, months of own wage (第35条第1项、第36条第1项、第37条第1项).
LUMP_MONTHS = {1: 27, 2: 25, 3: 23, 4: 21, 5: 18, 6: 16, 7: 13, 8: 11, 9: 9, 10: 7}
#: Pre-2011 table (laborlaw.md §8.6, from memory: verify before relying on it).
LUMP_MONTHS_PRE2011 = {1: 24, 2: 22, 3: 20, 4: 18, 5: 16, 6: 14, 7: 12, 8: 10, 9: 8, 10: 6}
#: 伤残津贴, share of own wage (第35条第2项、第36条第2项).
ALLOWANCE = {
    1: Decimal("0.90"),
    2: Decimal("0.85"),
    3: Decimal("0.80"),
    4: Decimal("0.75"),
    5: Decimal("0.70"),
    6: Decimal("0.60"),
}
REGIMES = ("current", "pre2011")

REGIONAL = Field(
    "regional_avg_monthly_wage",
    "money",
    "统筹地区上年度职工月平均工资",
    "regional average monthly wage (previous year)",
    "用于本人工资60%–300%的上下限 (第64条) 和丧葬补助金 (第39条)。",
    jurisdiction_param="regional_avg_monthly_wage",
)
OWN = Field(
    "own_monthly_wage_12m",
    "money",
    "本人工资（受伤前12个月平均缴费工资）",
    "own wage: average contribution wage of the 12 months before the injury",
)


def own_wage_used(own: Decimal, regional: Decimal, b: Builder) -> Decimal:
    """本人工资, clamped to 60%–300% of the regional average (工伤保险条例 第64条第2款)."""
    low, high = round2(regional * Decimal("0.6")), round2(regional * 3)
    b.cite(R64)
    if own < low:
        b.flag("own_wage_raised_to_60pct")
        b.add("本人工资（按60%下限）", "own wage, 60% floor", f"{fmt(regional)} × 60%", low, R64)
        return low
    if own > high:
        b.flag("own_wage_capped_at_300pct")
        b.add("本人工资（按300%上限）", "own wage, 300% cap", f"{fmt(regional)} × 300%", high, R64)
        return high
    return round2(own)


# =========================================================================== disability


@dataclass(frozen=True)
class DisabilityInput:
    """Facts for disability benefits (laborlaw.md §8.1–8.2)."""

    grade: int
    own_monthly_wage_12m: Decimal
    regional_avg_monthly_wage: Decimal
    local_min_wage: Decimal | None = None
    employer_cannot_arrange_work: bool = False
    regime: str = "current"
    one_off_medical_subsidy: Decimal | None = None
    one_off_employment_subsidy: Decimal | None = None


DISABILITY_FIELDS: tuple[Field, ...] = (
    Field("grade", "int", "伤残等级", "disability grade", "1（最重）至10。", required=True),
    replace(OWN, required=True),
    replace(REGIONAL, required=True),
    replace(LOCAL_MIN, help="1–6级伤残津贴低于最低工资的补足 (第35条、第36条)。"),
    Field(
        "employer_cannot_arrange_work",
        "bool",
        "用人单位难以安排工作",
        "employer cannot arrange work",
        "5–6级才发伤残津贴 (第36条)。",
        default=False,
    ),
    Field(
        "regime",
        "choice",
        "适用条例版本",
        "regime",
        "current（2011-01-01起，国务院令第586号）/ pre2011（旧表，未核实）。",
        choices=REGIMES,
        default="current",
    ),
    Field(
        "one_off_medical_subsidy",
        "money",
        "一次性工伤医疗补助金",
        "one-off medical subsidy",
        "5–10级离职时，按省级标准 (第36条第2款、第37条第2项)。",
        jurisdiction_param="provincial_work_injury_subsidy_table",
    ),
    Field(
        "one_off_employment_subsidy",
        "money",
        "一次性伤残就业补助金",
        "one-off employment subsidy",
        "5–10级离职时由用人单位支付，按省级标准。",
        jurisdiction_param="provincial_work_injury_subsidy_table",
    ),
)


def parse_disability(raw: Mapping[str, object]) -> tuple[DisabilityInput, list[str]]:
    r = Reader(raw, DISABILITY_FIELDS)
    regional = r.money_req("regional_avg_monthly_wage")
    if regional == 0:
        raise r.invalid("regional_avg_monthly_wage", "必须大于零", "must be greater than zero")
    inp = DisabilityInput(
        grade=r.integer_req("grade", minimum=1, maximum=10),
        own_monthly_wage_12m=r.money_req("own_monthly_wage_12m"),
        regional_avg_monthly_wage=regional,
        local_min_wage=r.money("local_min_wage"),
        employer_cannot_arrange_work=r.flag("employer_cannot_arrange_work"),
        regime=r.choice("regime", REGIMES, "current") or "current",
        one_off_medical_subsidy=r.money("one_off_medical_subsidy"),
        one_off_employment_subsidy=r.money("one_off_employment_subsidy"),
    )
    return inp, r.unused()


def work_injury_disability(inp: DisabilityInput) -> CalcResult:
    """一次性伤残补助金 and 伤残津贴.

    * Own wage = 12-month average contribution wage, within 60%–300% of the regional average
      (工伤保险条例 第64条第2款).
    * Lump sum: grades 1–10 = 27/25/23/21/18/16/13/11/9/7 months (第35条第1项、第36条第1项、
      第37条第1项).
    * Monthly allowance: grades 1–4 = 90/85/80/75%, paid by the fund and topped up to the local
      minimum wage by the fund (第35条第2项); grades 5–6 = 70/60% only when the employer cannot
      arrange work, paid and topped up by the employer (第36条第2项); grades 7–10 none.
    * Grades 5–10 leaving: provincial one-off medical and employment subsidies (第36条第2款、
      第37条第2项) are inputs; a termination also needs severance (实施条例 第23条).

    ``amount`` = lump sum + any one-off subsidies given; the allowance is monthly.
    """
    b = Builder("work_injury_disability")
    grade = inp.grade
    article = R35 if grade <= 4 else R36 if grade <= 6 else R37
    b.cite(article)
    wage = own_wage_used(inp.own_monthly_wage_12m, inp.regional_avg_monthly_wage, b)
    table = LUMP_MONTHS if inp.regime == "current" else LUMP_MONTHS_PRE2011
    if inp.regime == "pre2011":
        b.flag("unverified:pre2011_table")
        b.cite(OLD)
        b.assume(
            "2011年前旧表来自记忆，使用前须核对原文 / the pre-2011 table is from memory and "
            "must be verified"
        )
    months = table[grade]
    lump = round2(wage * months)
    b.add(
        "一次性伤残补助金",
        "one-off disability grant",
        f"{fmt(wage)} × {months}",
        lump,
        article + "第1项",
    )
    allowance: Decimal | None = None
    payer: str | None = None
    if grade <= 6 and (grade <= 4 or inp.employer_cannot_arrange_work):
        pct = ALLOWANCE[grade]
        allowance = round2(wage * pct)
        payer = "工伤保险基金" if grade <= 4 else "用人单位"
        formula = f"{fmt(wage)} × {fmt(pct * 100)}%"
        if inp.local_min_wage is None:
            b.flag("unchecked:min_wage_top_up")
            b.assume(
                "未提供当地最低工资，未核对伤残津贴补足 / local minimum wage not given: the top-up "
                "was not checked"
            )
        elif allowance < inp.local_min_wage:
            allowance = round2(inp.local_min_wage)
            b.flag("min_wage_floor_applied")
            formula += f"，补足至最低工资 {fmt(inp.local_min_wage)}"
        b.add(
            "伤残津贴（每月）",
            "monthly disability allowance",
            formula,
            allowance,
            article + "第2项",
        )
    elif grade <= 6:
        b.assume(
            "5–6级：用人单位安排适当工作的，不发伤残津贴 (第36条第2项) / grades 5-6: no "
            "allowance while the employer provides suitable work"
        )
    total = lump
    for name, value, label, label_en in (
        (
            "one_off_medical_subsidy",
            inp.one_off_medical_subsidy,
            "一次性工伤医疗补助金",
            "one-off medical subsidy",
        ),
        (
            "one_off_employment_subsidy",
            inp.one_off_employment_subsidy,
            "一次性伤残就业补助金",
            "one-off employment subsidy",
        ),
    ):
        if value is not None:
            if grade <= 4:
                raise InputError(
                    name, "1–4级伤残不适用一次性补助金", "grades 1-4 do not receive this subsidy"
                )
            total += round2(value)
            b.add(label, label_en, "省级标准 / provincial table", round2(value), article)
            b.flag("local_rule_used:provincial_subsidy_table")
    if grade >= 5:
        b.assume(
            "5–10级解除或终止劳动关系时另有一次性工伤医疗补助金和伤残就业补助金（省级标准），以及"
            "经济补偿 (实施条例 第23条) / grades 5-10 leaving: provincial subsidies and severance"
        )
        b.cite(IMPL23)
    b.details.update(
        {
            "grade": grade,
            "own_wage_used": wage,
            "lump_sum_months": months,
            "lump_sum": lump,
            "monthly_disability_allowance": allowance,
            "allowance_payer": payer,
        }
    )
    return b.build(total)
