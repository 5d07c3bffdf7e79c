"""经济补偿 (severance, "N") — laborlaw.md §2.

Due only on the grounds of 劳动合同法 第46条 (:mod:`laborlaw.grounds`); one month's wage per
year of service under 第47条; service before 2008 under the old rules (第97条第3款).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from .dates import LCL_IN_FORCE, Service, art47_months, old_rule_months, service_length
from .grounds import GROUNDS, Ground
from .inputs import Field, InputError, Reader
from .money import ZERO, fmt, round2
from .results import Builder, CalcResult
from .termination_facts import (
    BJ_Q66,
    LCL47_1,
    TERMINATION_FIELDS,
    TerminationFacts,
    parse_termination_facts,
    service_dates,
)
from .wagebase import ART47_2

LCL97_3 = "劳动合同法 第97条第3款"
ORDER481_11 = "劳部发〔1994〕481号 第11条"


@dataclass(frozen=True)
class SeveranceInput:
    """Facts and parameters for 经济补偿 (laborlaw.md §2)."""

    termination_ground: str | None
    facts: TerminationFacts = field(default_factory=TerminationFacts)
    years_counted_from: date | None = None
    split_pre2008: bool = True
    enterprise_avg_monthly_wage: Decimal | None = None
    pre2008_cap_3x: bool = False
    mode: str = "full"


SEVERANCE_FIELDS: tuple[Field, ...] = (
    Field(
        "termination_ground",
        "choice",
        "解除/终止事由",
        "termination ground",
        "决定是否支付经济补偿以及2008年前年限是否计算 (劳动合同法 第46条；laborlaw.md §2.1)。"
        "协商一致须区分由哪一方提出。",
        required=True,
        choices=tuple(GROUNDS),
    ),
    *TERMINATION_FIELDS,
    Field(
        "years_counted_from",
        "date",
        "年限起算日（裁判确定）",
        "years counted from (as decided)",
        "如法院只从2008-01-01起计算年限。",
    ),
    Field(
        "split_pre2008",
        "bool",
        "2008年前后分段计算",
        "split service at 2008-01-01",
        "2008年前的年限按原规定计算 (劳动合同法 第97条第3款)；默认是。",
        default=True,
    ),
    Field(
        "enterprise_avg_monthly_wage",
        "money",
        "本企业月平均工资",
        "enterprise average monthly wage",
        "仅用于2008年前年限：医疗期满、客观情况变化、裁员事由下低于企业平均工资的按企业平均工资"
        " (481号 第11条；该文件已于2017年废止，是否适用有争议)。",
    ),
    Field(
        "pre2008_cap_3x",
        "bool",
        "2008年前部分也适用3倍封顶",
        "apply the 3x cap to pre-2008 part",
        "地方规则选择；默认否 (laborlaw.md §11 Q2)。",
        default=False,
        jurisdiction_param="severance_pre2008_cap_3x",
    ),
    Field(
        "mode",
        "choice",
        "计算模式",
        "mode",
        "full = 计算经济补偿；wage_base_only = 只推算工资基数。",
        choices=("full", "wage_base_only"),
        default="full",
    ),
)


def parse_severance(raw: Mapping[str, object]) -> tuple[SeveranceInput, list[str]]:
    r = Reader(raw, SEVERANCE_FIELDS)
    mode = r.choice("mode", ("full", "wage_base_only"), "full") or "full"
    ground = (
        r.choice("termination_ground", tuple(GROUNDS))
        if mode == "wage_base_only"
        else r.choice_req("termination_ground", tuple(GROUNDS))
    )
    inp = SeveranceInput(
        termination_ground=ground,
        facts=parse_termination_facts(r),
        years_counted_from=r.date("years_counted_from"),
        split_pre2008=r.flag("split_pre2008", True),
        enterprise_avg_monthly_wage=r.money("enterprise_avg_monthly_wage"),
        pre2008_cap_3x=r.flag("pre2008_cap_3x", False),
        mode=mode,
    )
    if mode == "wage_base_only" and not inp.facts.wage.given:
        raise r.missing(
            "avg_monthly_wage_12m",
            "（或 monthly_wages / regular_monthly_wage_x12）",
            " (or monthly_wages / regular_monthly_wage_x12)",
        )
    return inp, r.unused()


def severance(inp: SeveranceInput) -> CalcResult:
    """经济补偿 (N).

    * Due only on the grounds of 劳动合同法 第46条 (and 实施条例 第22条 for task contracts).
    * Months: 劳动合同法 第47条第1款 — one month per full year; a remainder of 6 months or
      more counts as a year; a shorter remainder as half a month.
    * Base: 12-month average 应得工资, floored at the local minimum wage (实施条例 第27条).
    * Cap: above 3× the local average monthly wage the base is 3× and the months are at most
      12 — both limits together, and only when the wage is strictly higher (第47条第2款).
    * Pre-2008 service (劳动合同法 第97条第3款) follows the old rules: "不满一年的按一年"; only
      grounds compensable before 2008 count; 481号 第5条、第7条 cap those months at 12 for
      mutual termination and incompetence; no 3× cap (default). One 12-month-average base for
      both parts (北京解答（一）Q66). For art.6/8/9 grounds a wage below the enterprise average
      is raised to it (481号 第11条).
    """
    b = Builder("severance")
    if inp.mode == "wage_base_only":
        return _wage_base_only(inp, b)
    assert inp.termination_ground is not None
    ground = GROUNDS[inp.termination_ground]
    b.cite(ground.basis)
    b.details["termination_ground"] = inp.termination_ground
    b.details["due"] = ground.due
    if not ground.due:
        b.assume(
            f"「{ground.label_zh}」不属于应支付经济补偿的情形 / this ground gives no severance "
            f"({ground.basis})"
        )
        b.details.update({"comp_months": ZERO, "comp_months_total": ZERO})
        b.add("经济补偿", "severance", "0", ZERO, ground.basis)
        return b.build(ZERO)

    m_pre, m_post = _months(inp, ground, b)
    b.cite(LCL47_1)
    base = inp.facts.base(b)
    w_post = base.capped
    if base.cap_applied and m_post > 12:
        m_post = Decimal(12)
        b.flag("cap_12y_applied")
    w_pre = _pre2008_base(inp, ground, base.wage, base.capped, b) if m_pre > 0 else base.wage

    post_amount = round2(w_post * m_post)
    b.add(
        "经济补偿（第47条）" if m_pre == 0 else "经济补偿（2008年以后）",
        "severance (art.47)" if m_pre == 0 else "severance, service from 2008",
        f"{fmt(w_post)} × {fmt(m_post)}",
        post_amount,
        LCL47_1,
        *((ART47_2,) if base.cap_applied else ()),
    )
    pre_amount = ZERO
    if m_pre > 0:
        pre_amount = round2(w_pre * m_pre)
        b.add(
            "经济补偿（2008年以前）",
            "severance, service before 2008",
            f"{fmt(w_pre)} × {fmt(m_pre)}",
            pre_amount,
            LCL97_3,
            ground.old_basis,
            BJ_Q66,
        )
    total_months = m_pre + m_post
    b.details.update(
        {
            "comp_months": total_months,
            "comp_months_pre2008": m_pre,
            "comp_months_post2008": m_post,
            "comp_months_total": total_months,
            "wage_base": w_post,
            "wage_base_pre2008": w_pre if m_pre > 0 else None,
            "wage_before_cap": base.wage,
            "cap_amount": base.cap,
            "cap_applied": base.cap_applied,
        }
    )
    b.assume("经济补偿在办结工作交接时支付 (劳动合同法 第50条第2款) / payable on handover of work")
    return b.build(post_amount + pre_amount)


def _wage_base_only(inp: SeveranceInput, b: Builder) -> CalcResult:
    """Only the wage base (实施条例 第27条), e.g. to check a judgment's figure (SEV-14)."""
    base = inp.facts.base(b)
    b.details.update(
        {
            "wage_base": base.wage,
            "wage_base_capped": base.capped,
            "cap_applied": base.cap_applied,
        }
    )
    b.assume("仅推算工资基数；amount 为基数 / wage base only: amount is the base")
    return b.build(base.wage)


def _months(inp: SeveranceInput, ground: Ground, b: Builder) -> tuple[Decimal, Decimal]:
    """(pre-2008 months under the old rules, months under 第47条) before any cap."""
    facts = inp.facts
    if facts.comp_months is not None:
        b.assume("补偿月数直接给定（如裁判文书所定）/ compensation months given directly")
        if inp.years_counted_from is not None:
            b.details["years_counted_from"] = inp.years_counted_from
        return ZERO, facts.comp_months
    if inp.years_counted_from is not None:
        start, end = service_dates(inp.years_counted_from, facts.end_date, None, b)
        b.details["years_counted_from"] = inp.years_counted_from
        split = False
    else:
        start, end = service_dates(
            facts.start_date, facts.end_date, facts.merged_prior_service_start, b
        )
        split = inp.split_pre2008
    if end < LCL_IN_FORCE:
        raise InputError(
            "end_date",
            "终止日早于2008-01-01，不适用劳动合同法，本计算器不支持",
            "terminations before 2008-01-01 are outside the Labour Contract Law and not supported",
        )
    b.details["service"] = str(service_length(start, end))
    if start >= LCL_IN_FORCE or not split:
        if start < LCL_IN_FORCE:
            b.flag("local_rule_used:no_pre2008_split")
            b.assume(
                "未分段：全部年限按第47条计算 / no split: the whole service is counted under art.47"
            )
        return ZERO, art47_months(service_length(start, end))
    pre_service = service_length(start, LCL_IN_FORCE - timedelta(days=1))
    post_service = service_length(LCL_IN_FORCE, end)
    b.flag("pre2008_split")
    b.cite(LCL97_3)
    b.details["service_pre2008"] = str(pre_service)
    b.details["service_post2008"] = str(post_service)
    return _old_rule_months(pre_service, ground, b), art47_months(post_service)


def _old_rule_months(pre_service: Service, ground: Ground, b: Builder) -> Decimal:
    """Pre-2008 months: "不满一年的按一年", capped at 12 where 481号 第5条、第7条 say so."""
    if not ground.pre2008:
        b.assume(
            "该事由在2008年前不支付经济补偿，年限自2008-01-01起算 / this ground was not "
            "compensable before 2008: years count from 2008-01-01"
            + (f" ({ground.old_basis})" if ground.old_basis else "")
        )
        return ZERO
    months = old_rule_months(pre_service)
    b.cite(ground.old_basis)
    if ground.pre2008_cap12 and months > 12:
        months = Decimal(12)
        b.flag("pre2008_cap_12_months_applied")
    b.assume(
        "2008年前年限按原规定“不满一年按一年”计算 (481号已于2017年废止，按第97条第3款仍适用于2008年"
        "前的年限) / pre-2008 years under the old rules, a part year counts as a year"
    )
    return months


def _pre2008_base(
    inp: SeveranceInput, ground: Ground, wage: Decimal, capped: Decimal, b: Builder
) -> Decimal:
    """The base for pre-2008 months: the same 12-month average (北京解答（一）Q66), not capped
    unless a local rule says so, raised to the enterprise average on 481号 第11条 grounds."""
    base = wage
    if inp.pre2008_cap_3x and capped < wage:
        base = capped
        b.flag("local_rule_used:pre2008_cap_3x")
    if ground.art11_floor:
        if inp.enterprise_avg_monthly_wage is None:
            b.flag("unsettled:481_art11_floor")
            b.assume(
                "481号第11条（低于企业月平均工资的按企业平均工资）未核对：未提供企业月平均工资 / "
                "the enterprise-average floor of 481号 art.11 was not checked"
            )
        elif round2(inp.enterprise_avg_monthly_wage) > base:
            base = round2(inp.enterprise_avg_monthly_wage)
            b.flag("enterprise_avg_floor_applied")
            b.cite(ORDER481_11)
    if inp.termination_ground == "art40_medical":
        subsidy = round2(base * 6)
        b.flag("unsettled:481_art6_medical_subsidy")
        b.details["medical_subsidy_pre2008_min"] = subsidy
        b.assume(
            f"481号第6条另有不低于六个月工资的医疗补助费（至少 {fmt(base)} × 6 = {fmt(subsidy)}），"
            "未计入 amount / the pre-2008 medical subsidy of at least 6 months (481号 art.6) is "
            "shown separately, not in the amount"
        )
    return base
