"""Termination money: 经济补偿 (N), 违法解除赔偿金 (2N) and 代通知金 (+1).

laborlaw.md §2 (severance), §3 (damages), §4 (notice pay).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from .core import (
    LCL_IN_FORCE,
    ZERO,
    Builder,
    CalcResult,
    Field,
    InputError,
    Reader,
    Service,
    art47_months,
    fmt,
    old_rule_months,
    round2,
    service_length,
)
from .wagebase import (
    LOCAL_AVG,
    LOCAL_MIN,
    WAGE_FIELDS,
    WageBaseInput,
    floored_capped_base,
    parse_wage_base,
)

LCL46 = "劳动合同法 第46条"
LCL47_1 = "劳动合同法 第47条第1款"
LCL47_2 = "劳动合同法 第47条第2款"
LCL97_3 = "劳动合同法 第97条第3款"
LCL48 = "劳动合同法 第48条"
LCL87 = "劳动合同法 第87条"
IMPL25 = "劳动合同法实施条例 第25条"
IMPL20 = "劳动合同法实施条例 第20条"
LCL40 = "劳动合同法 第40条"
IMPL10 = "劳动合同法实施条例 第10条"
BJ_Q66 = "practice: 北京解答（一）Q66"
BJ_Q71 = "practice: 北京解答（一）Q71"


@dataclass(frozen=True)
class Ground:
    """How one termination ground is treated (laborlaw.md §2.1)."""

    label_zh: str
    due: bool
    basis: str
    pre2008: bool = False  # pre-2008 years compensable under the old rules
    pre2008_cap12: bool = False  # 481号 第5条、第7条: old-rule months capped at 12
    art11_floor: bool = False  # 481号 第11条 enterprise-average floor (art.6/8/9 grounds)
    old_basis: str = ""


_OLD38 = "法释〔2020〕26号 解释（一）第45条"
GROUNDS: Mapping[str, Ground] = {
    "mutual_employer_initiated": Ground(
        "用人单位提出、协商一致解除",
        True,
        "劳动合同法 第46条第2项、第36条",
        True,
        True,
        old_basis="劳部发〔1994〕481号 第5条",
    ),
    "worker_38_unpaid_wages": Ground(
        "劳动者因未及时足额支付劳动报酬解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第2项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_unpaid_overtime": Ground(
        "劳动者因拒不支付加班费解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第2项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_below_min_wage": Ground(
        "劳动者因工资低于最低工资解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第2项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_no_labour_conditions": Ground(
        "劳动者因未提供劳动保护或劳动条件解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第1项",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_forced_labour": Ground(
        "劳动者因强迫劳动解除",
        True,
        "劳动合同法 第46条第1项、第38条第2款",
        True,
        old_basis=_OLD38,
    ),
    "worker_38_no_social_insurance": Ground(
        "劳动者因未依法缴纳社会保险费解除",
        True,
        "劳动合同法 第46条第1项、第38条第1款第3项",
        False,
        old_basis=BJ_Q71,
    ),
    "worker_38_other": Ground(
        "劳动者因用人单位其他过错解除（第38条）",
        True,
        "劳动合同法 第46条第1项、第38条",
        False,
    ),
    "art40_medical": Ground(
        "医疗期满不能工作解除",
        True,
        "劳动合同法 第46条第3项、第40条第1项",
        True,
        art11_floor=True,
        old_basis="劳部发〔1994〕481号 第6条",
    ),
    "art40_incompetent": Ground(
        "不能胜任工作解除",
        True,
        "劳动合同法 第46条第3项、第40条第2项",
        True,
        True,
        old_basis="劳部发〔1994〕481号 第7条",
    ),
    "art40_objective_change": Ground(
        "客观情况发生重大变化解除",
        True,
        "劳动合同法 第46条第3项、第40条第3项",
        True,
        art11_floor=True,
        old_basis="劳部发〔1994〕481号 第8条",
    ),
    "art41_layoff": Ground(
        "经济性裁员",
        True,
        "劳动合同法 第46条第4项、第41条第1款",
        True,
        art11_floor=True,
        old_basis="劳部发〔1994〕481号 第9条",
    ),
    "expiry_not_renewed": Ground(
        "劳动合同期满终止（用人单位不续订或降低条件）",
        True,
        "劳动合同法 第46条第5项、第44条第1项",
    ),
    "employer_bankruptcy": Ground(
        "用人单位被宣告破产",
        True,
        "劳动合同法 第46条第6项、第44条第4项",
    ),
    "employer_dissolution": Ground(
        "用人单位提前解散",
        True,
        "劳动合同法 第46条第6项、第44条第5项",
    ),
    "employer_licence_revoked": Ground(
        "用人单位被吊销营业执照、责令关闭、撤销",
        True,
        "劳动合同法 第46条第6项、第44条第5项",
    ),
    "task_completed": Ground(
        "以完成一定工作任务为期限的劳动合同因任务完成而终止",
        True,
        "劳动合同法实施条例 第22条",
    ),
    "worker_resigned": Ground("劳动者主动辞职", False, "劳动合同法 第37条、第46条"),
    "art37_resignation": Ground("劳动者提前通知解除", False, "劳动合同法 第37条、第46条"),
    "mutual_worker_initiated": Ground(
        "劳动者提出、协商一致解除",
        False,
        "劳动合同法 第36条、第46条第2项",
    ),
    "art39_dismissal": Ground("过失性辞退（第39条）", False, "劳动合同法 第39条、第46条"),
    "probation_rejection": Ground(
        "试用期内证明不符合录用条件（合法）",
        False,
        "劳动合同法 第39条第1项、第46条",
    ),
    "expiry_worker_refused_same_terms": Ground(
        "合同期满，用人单位维持或提高条件续订而劳动者不同意",
        False,
        "劳动合同法 第46条第5项",
    ),
}

ART40_GROUNDS = ("art40_medical", "art40_incompetent", "art40_objective_change")


def _check_comp_months(r: Reader, name: str) -> Decimal | None:
    months = r.decimal(name)
    if months is not None and (months * 2) != (months * 2).to_integral_value():
        raise r.invalid(name, "应为0.5的整数倍", "must be a multiple of 0.5 (LCL art.47)")
    return months


def _service_fields() -> tuple[Field, ...]:
    return (
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


# =========================================================================== severance


@dataclass(frozen=True)
class SeveranceInput:
    """Facts and parameters for 经济补偿 (laborlaw.md §2)."""

    termination_ground: str | None
    start_date: date | None = None
    end_date: date | None = None
    years_counted_from: date | None = None
    comp_months: Decimal | None = None
    wage: WageBaseInput = field(default_factory=WageBaseInput)
    local_avg_monthly_wage: Decimal | None = None
    local_min_wage: Decimal | None = None
    split_pre2008: bool = True
    merged_prior_service_start: date | None = None
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
    *_service_fields(),
    Field(
        "years_counted_from",
        "date",
        "年限起算日（裁判确定）",
        "years counted from (as decided)",
        "如法院只从2008-01-01起计算年限。",
    ),
    *WAGE_FIELDS,
    LOCAL_AVG,
    LOCAL_MIN,
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
        start_date=r.date("start_date"),
        end_date=r.date("end_date"),
        years_counted_from=r.date("years_counted_from"),
        comp_months=_check_comp_months(r, "comp_months"),
        wage=parse_wage_base(r),
        local_avg_monthly_wage=r.money("local_avg_monthly_wage"),
        local_min_wage=r.money("local_min_wage"),
        split_pre2008=r.flag("split_pre2008", True),
        merged_prior_service_start=r.date("merged_prior_service_start"),
        enterprise_avg_monthly_wage=r.money("enterprise_avg_monthly_wage"),
        pre2008_cap_3x=r.flag("pre2008_cap_3x", False),
        mode=mode,
    )
    if mode == "wage_base_only" and not inp.wage.given:
        raise r.missing(
            "avg_monthly_wage_12m",
            "（或 monthly_wages / regular_monthly_wage_x12）",
            " (or monthly_wages / regular_monthly_wage_x12)",
        )
    return inp, r.unused()


def _dates(
    start: date | None, end: date | None, merged: date | None, b: Builder
) -> tuple[date, date]:
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
      both parts (北京解答（一）Q66).
    """
    b = Builder("severance")
    if inp.mode == "wage_base_only":
        base = floored_capped_base(inp.wage, inp.local_min_wage, inp.local_avg_monthly_wage, b)
        b.details.update(
            {
                "wage_base": base.wage,
                "wage_base_capped": base.capped,
                "cap_applied": base.cap_applied,
            }
        )
        b.assume("仅推算工资基数；amount 为基数 / wage base only: amount is the base")
        return b.build(base.wage)

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

    m_pre = ZERO
    pre_service: Service | None = None
    post_service: Service | None = None
    if inp.comp_months is not None:
        m_post = inp.comp_months
        b.assume("补偿月数直接给定（如裁判文书所定）/ compensation months given directly")
        if inp.years_counted_from is not None:
            b.details["years_counted_from"] = inp.years_counted_from
    else:
        if inp.years_counted_from is not None:
            start, end = _dates(inp.years_counted_from, inp.end_date, None, b)
            b.details["years_counted_from"] = inp.years_counted_from
            split = False
        else:
            start, end = _dates(inp.start_date, inp.end_date, inp.merged_prior_service_start, b)
            split = inp.split_pre2008
        if end < LCL_IN_FORCE:
            raise InputError(
                "end_date",
                "终止日早于2008-01-01，不适用劳动合同法，本计算器不支持",
                "terminations before 2008-01-01 are outside the Labour Contract Law and not "
                "supported",
            )
        b.details["service"] = str(service_length(start, end))
        if start < LCL_IN_FORCE and split:
            pre_service = service_length(start, LCL_IN_FORCE - timedelta(days=1))
            post_service = service_length(LCL_IN_FORCE, end)
            b.flag("pre2008_split")
            b.cite(LCL97_3)
            if ground.pre2008:
                m_pre = old_rule_months(pre_service)
                b.cite(ground.old_basis)
                if ground.pre2008_cap12 and m_pre > 12:
                    m_pre = Decimal(12)
                    b.flag("pre2008_cap_12_months_applied")
                b.assume(
                    "2008年前年限按原规定“不满一年按一年”计算 (481号已于2017年废止，按第97条第3款"
                    "仍适用于2008年前的年限) / pre-2008 years under the old rules, a part year "
                    "counts as a year"
                )
            else:
                b.assume(
                    "该事由在2008年前不支付经济补偿，年限自2008-01-01起算 / this ground was not "
                    "compensable before 2008: years count from 2008-01-01"
                    + (f" ({ground.old_basis})" if ground.old_basis else "")
                )
            b.details["service_pre2008"] = str(pre_service)
            b.details["service_post2008"] = str(post_service)
        else:
            post_service = service_length(start, end)
            if start < LCL_IN_FORCE:
                b.flag("local_rule_used:no_pre2008_split")
                b.assume(
                    "未分段：全部年限按第47条计算 / no split: the whole service is counted "
                    "under art.47"
                )
        m_post = art47_months(post_service)
    b.cite(LCL47_1)

    base = floored_capped_base(inp.wage, inp.local_min_wage, inp.local_avg_monthly_wage, b)
    w_post = base.capped
    if base.cap_applied and m_post > 12:
        m_post = Decimal(12)
        b.flag("cap_12y_applied")
    w_pre = base.wage
    if m_pre > 0:
        if inp.pre2008_cap_3x and base.cap_applied:
            w_pre = base.capped
            b.flag("local_rule_used:pre2008_cap_3x")
        if ground.art11_floor:
            if inp.enterprise_avg_monthly_wage is not None:
                ent = round2(inp.enterprise_avg_monthly_wage)
                if ent > w_pre:
                    w_pre = ent
                    b.flag("enterprise_avg_floor_applied")
                    b.cite("劳部发〔1994〕481号 第11条")
            else:
                b.flag("unsettled:481_art11_floor")
                b.assume(
                    "481号第11条（低于企业月平均工资的按企业平均工资）未核对：未提供企业月平均工资 "
                    "/ the enterprise-average floor of 481号 art.11 was not checked"
                )
        if inp.termination_ground == "art40_medical":
            b.flag("unsettled:481_art6_medical_subsidy")
            b.assume(
                "481号第6条另有不低于六个月工资的医疗补助费（2008年前年限），未计入 / the "
                "pre-2008 medical subsidy of >= 6 months (481号 art.6) is not included"
            )

    post_amount = round2(w_post * m_post)
    b.add(
        "经济补偿（第47条）" if m_pre == 0 else "经济补偿（2008年以后）",
        "severance (art.47)" if m_pre == 0 else "severance, service from 2008",
        f"{fmt(w_post)} × {fmt(m_post)}",
        post_amount,
        LCL47_1,
        *((LCL47_2,) if base.cap_applied else ()),
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


# =========================================================================== damages (2N)


@dataclass(frozen=True)
class DamagesInput:
    """Facts and parameters for 违法解除/终止赔偿金 (laborlaw.md §3)."""

    start_date: date | None = None
    end_date: date | None = None
    comp_months: Decimal | None = None
    wage: WageBaseInput = field(default_factory=WageBaseInput)
    local_avg_monthly_wage: Decimal | None = None
    local_min_wage: Decimal | None = None
    already_paid: Decimal = ZERO
    merged_prior_service_start: date | None = None
    termination_ground: str | None = None


DAMAGES_FIELDS: tuple[Field, ...] = (
    Field(
        "termination_ground",
        "str",
        "解除/终止情形（说明）",
        "termination (description)",
        "仅作记录，如 unlawful_probation_dismissal。",
    ),
    *_service_fields(),
    *WAGE_FIELDS,
    LOCAL_AVG,
    LOCAL_MIN,
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
        start_date=r.date("start_date"),
        end_date=r.date("end_date"),
        comp_months=_check_comp_months(r, "comp_months"),
        wage=parse_wage_base(r),
        local_avg_monthly_wage=r.money("local_avg_monthly_wage"),
        local_min_wage=r.money("local_min_wage"),
        already_paid=paid or ZERO,
        merged_prior_service_start=r.date("merged_prior_service_start"),
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
    if inp.comp_months is not None:
        months = inp.comp_months
        b.assume("补偿月数直接给定（如裁判文书所定）/ compensation months given directly")
    else:
        start, end = _dates(inp.start_date, inp.end_date, inp.merged_prior_service_start, b)
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
    base = floored_capped_base(inp.wage, inp.local_min_wage, inp.local_avg_monthly_wage, b)
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


# =========================================================================== notice pay


@dataclass(frozen=True)
class NoticePayInput:
    """Facts for 代通知金 (laborlaw.md §4)."""

    termination_ground: str
    notice_30_days_given: bool | None
    last_month_wage: Decimal | None
    unlawful: bool = False
    local_min_wage: Decimal | None = None


NOTICE_FIELDS: tuple[Field, ...] = (
    Field(
        "termination_ground",
        "str",
        "解除事由",
        "termination ground",
        "只有第40条三种情形 (art40_medical / art40_incompetent / art40_objective_change) 才有"
        "代通知金；其他任何事由（含 art41_layoff、协商、期满、第39条）均为0。",
        required=True,
        choices=(
            *ART40_GROUNDS,
            "art41_layoff",
            "mutual_employer_initiated",
            "expiry_not_renewed",
            "art39_dismissal",
        ),
    ),
    Field(
        "notice_30_days_given",
        "bool",
        "已提前30日书面通知",
        "30 days' written notice given",
        "第40条事由时必填。",
    ),
    Field(
        "last_month_wage",
        "money",
        "上一个月工资",
        "previous month's wage",
        "解除前最后一个完整月的工资标准，而非12个月平均 (实施条例 第20条)。应支付时必填。",
    ),
    Field(
        "unlawful",
        "bool",
        "解除被认定违法",
        "termination held unlawful",
        "违法解除只有赔偿金，不另付代通知金。",
        default=False,
    ),
    LOCAL_MIN,
)


def parse_notice_pay(raw: Mapping[str, object]) -> tuple[NoticePayInput, list[str]]:
    r = Reader(raw, NOTICE_FIELDS)
    ground = r.text("termination_ground")
    if ground is None:
        raise r.missing("termination_ground")
    unlawful = r.flag("unlawful", False)
    notice = r.boolean("notice_30_days_given", None)
    wage = r.money("last_month_wage")
    if ground in ART40_GROUNDS and not unlawful:
        if notice is None:
            raise r.missing("notice_30_days_given")
        if not notice and wage is None:
            raise r.missing("last_month_wage")
    inp = NoticePayInput(
        termination_ground=ground,
        notice_30_days_given=notice,
        last_month_wage=wage,
        unlawful=unlawful,
        local_min_wage=r.money("local_min_wage"),
    )
    return inp, r.unused()


def notice_pay(inp: NoticePayInput) -> CalcResult:
    """代通知金 ("+1").

    * 劳动合同法 第40条: on the three art.40 grounds the employer gives 30 days' written notice
      or pays one extra month's wage.
    * 实施条例 第20条: the extra month is "该劳动者上一个月的工资标准" — the last month's wage,
      not the 12-month average, and not subject to the 3× cap of 第47条.
    * Nothing on other grounds (第41条 layoff, 第36条, expiry, 第39条), and nothing for an
      unlawful termination, which gives damages instead (实施条例 第25条; (2023)京03民终14407号).
    """
    b = Builder("notice_pay")
    b.cite(LCL40, IMPL20)
    due = (
        inp.termination_ground in ART40_GROUNDS
        and not inp.unlawful
        and not inp.notice_30_days_given
    )
    amount = ZERO
    if due:
        assert inp.last_month_wage is not None
        amount = round2(inp.last_month_wage)
        b.add(
            "代通知金",
            "pay in lieu of notice",
            f"{fmt(inp.last_month_wage)} × 1",
            amount,
            LCL40,
            IMPL20,
        )
        b.flag("unsettled:notice_pay_wage_components")
        b.assume(
            "上一个月工资：是否含提成/奖金、病假或待岗等异常月份是否替换、是否适用最低工资兜底均未"
            "统一 / last month's wage: components, abnormal months and a minimum-wage floor are "
            "unsettled"
        )
        if inp.local_min_wage is not None and inp.last_month_wage < inp.local_min_wage:
            b.flag("unsettled:notice_pay_min_wage_floor")
    else:
        if inp.unlawful:
            reason = (
                "违法解除适用赔偿金，不另付代通知金 (实施条例 第25条) / unlawful termination: "
                "damages only, no notice pay"
            )
            b.cite(IMPL25)
        elif inp.termination_ground not in ART40_GROUNDS:
            reason = "只有第40条解除才有代通知金 / notice pay exists only for an art.40 termination"
        else:
            reason = "已提前30日书面通知 / 30 days' written notice was given"
        b.assume(reason)
        b.add("代通知金", "pay in lieu of notice", "0", ZERO, LCL40)
    b.details.update({"notice_pay": amount, "due": due})
    return b.build(amount)
