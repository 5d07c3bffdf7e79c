"""未休年休假工资 (pay for unused annual leave) — laborlaw.md §6."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from .dates import add_months, service_length
from .inputs import Field, InputError, Reader
from .money import DAYS_PER_MONTH, ZERO, dec, floor_int, fmt, round2, round_places
from .results import Builder, CalcResult

REG2 = "职工带薪年休假条例 第2条"
REG3 = "职工带薪年休假条例 第3条"
REG4 = "职工带薪年休假条例 第4条"
REG5 = "职工带薪年休假条例 第5条"
IMP3 = "企业职工带薪年休假实施办法 第3条"
IMP4 = "企业职工带薪年休假实施办法 第4条"
IMP5 = "企业职工带薪年休假实施办法 第5条"
IMP10 = "企业职工带薪年休假实施办法 第10条"
IMP11 = "企业职工带薪年休假实施办法 第11条"
IMP12 = "企业职工带薪年休假实施办法 第12条"
IMP13 = "企业职工带薪年休假实施办法 第13条"
HAN149 = "人社厅函〔2009〕149号 第1条、第2条"
BJ_Q62 = "practice: 北京解答（一）Q62"

SETTLEMENTS = ("termination", "year_end_in_service")


@dataclass(frozen=True)
class AnnualLeaveInput:
    """Facts for the unused-leave calculation of one calendar year (laborlaw.md §6)."""

    employer_start_date: date
    year: int
    end_date: date | None = None
    cumulative_work_years: int | None = None
    days_taken_this_year: int = 0
    avg_monthly_wage_ex_overtime_12m: Decimal | None = None
    previous_continuous_12m_satisfied: bool = False
    first_job: bool = False
    continuous_work_start_date: date | None = None
    settlement: str = "termination"
    contract_entitlement_days: int | None = None
    excluded_by_art4: bool = False
    worker_waived_in_writing: bool = False


FIELDS: tuple[Field, ...] = (
    Field(
        "employer_start_date",
        "date",
        "入职本单位日期",
        "start date at this employer",
        required=True,
    ),
    Field(
        "end_date",
        "date",
        "离职日期（或计算截止日）",
        "leaving date (or cut-off)",
        "settlement=termination 时必填。",
    ),
    Field("year", "int", "计算年度", "calendar year", "默认为 end_date 所在年度。"),
    Field(
        "cumulative_work_years",
        "int",
        "累计工作年限",
        "cumulative years of work",
        "所有单位合计，含视同工作期间 (实施办法 第4条；149号函)；首份工作可由入职日推算。",
    ),
    Field("days_taken_this_year", "int", "本年度已休天数", "days already taken this year"),
    Field(
        "avg_monthly_wage_ex_overtime_12m",
        "money",
        "前12个月平均工资（不含加班费）",
        "12-month average wage excluding overtime",
        "支付前12个月剔除加班工资后的月平均工资，不满12个月按实际月数 (实施办法 第11条)。",
    ),
    Field(
        "previous_continuous_12m_satisfied",
        "bool",
        "入职前已连续工作满12个月",
        "already 12 months' continuous work before joining",
        "在不同单位连续工作满12个月也可享受 (实施办法 第3条；149号函)。",
        default=False,
    ),
    Field("first_job", "bool", "首次就业", "first job", default=False),
    Field(
        "continuous_work_start_date",
        "date",
        "连续工作起始日",
        "start of continuous work",
        "入职前在其他单位连续工作但不满12个月时填写。",
    ),
    Field(
        "settlement",
        "choice",
        "结算情形",
        "settlement",
        "termination（离职折算）/ year_end_in_service（在职，年度末结算）。",
        choices=SETTLEMENTS,
        default="termination",
    ),
    Field(
        "contract_entitlement_days",
        "int",
        "合同/制度约定年休假天数",
        "contractual entitlement (if more generous)",
        "高于法定的按约定 (实施办法 第13条)。",
    ),
    Field(
        "excluded_by_art4",
        "bool",
        "属条例第4条不享受情形",
        "excluded under art.4",
        "如请事假累计20天以上且不扣工资、病假累计达到规定期间等。",
        default=False,
    ),
    Field(
        "worker_waived_in_writing",
        "bool",
        "单位安排而劳动者书面放弃",
        "worker waived in writing",
        "只支付正常工资 (实施办法 第10条第2款)。",
        default=False,
    ),
)


def parse_annual_leave(raw: Mapping[str, object]) -> tuple[AnnualLeaveInput, list[str]]:
    r = Reader(raw, FIELDS)
    start = r.date_req("employer_start_date")
    settlement = r.choice("settlement", SETTLEMENTS, "termination") or "termination"
    end = r.date("end_date")
    year = r.integer("year", minimum=1950, maximum=2200)
    if end is None and (settlement == "termination" or year is None):
        raise r.missing("end_date")
    if year is None:
        assert end is not None
        year = end.year
    if end is not None and end < start:
        raise r.invalid("end_date", "早于入职日期", "is before employer_start_date")
    inp = AnnualLeaveInput(
        employer_start_date=start,
        year=year,
        end_date=end,
        cumulative_work_years=r.integer("cumulative_work_years", maximum=80),
        days_taken_this_year=r.integer("days_taken_this_year", maximum=366) or 0,
        avg_monthly_wage_ex_overtime_12m=r.money("avg_monthly_wage_ex_overtime_12m"),
        previous_continuous_12m_satisfied=r.flag("previous_continuous_12m_satisfied"),
        first_job=r.flag("first_job"),
        continuous_work_start_date=r.date("continuous_work_start_date"),
        settlement=settlement,
        contract_entitlement_days=r.integer("contract_entitlement_days", maximum=366),
        excluded_by_art4=r.flag("excluded_by_art4"),
        worker_waived_in_writing=r.flag("worker_waived_in_writing"),
    )
    if not inp.first_job and inp.cumulative_work_years is None:
        raise r.missing("cumulative_work_years")
    return inp, r.unused()


def statutory_days(years: int) -> int:
    """条例 第3条: 满1年不满10年 5天；满10年不满20年 10天；满20年 15天."""
    if years >= 20:
        return 15
    if years >= 10:
        return 10
    if years >= 1:
        return 5
    return 0


def annual_leave_pay(inp: AnnualLeaveInput) -> CalcResult:
    """未休年休假工资报酬.

    * Eligibility: 12 months' continuous work, at one or several employers (条例 第2条;
      实施办法 第3条; 149号函 第1条). First job: the year in which 12 months are completed is
      prorated from that date (北京解答（一）Q62).
    * Entitlement by cumulative years: 5 / 10 / 15 days (条例 第3条); more if the contract
      says so (实施办法 第13条); none in a year excluded by 条例 第4条.
    * Prorating over 365 days, floored — "不足1整天的部分不享受" (实施办法 第5条 new hire,
      第12条 leaving); never above the full-year figure in a leap year; days taken beyond the
      prorated figure are not clawed back (第12条第3款).
    * Pay: daily wage = 12-month average excluding overtime ÷ 21.75 (第11条). The statute's
      300% includes the normal 100% already paid (第10条), so the amount owed is 200%.
    """
    b = Builder("annual_leave_pay")
    b.cite(REG2, REG3, IMP3)
    jan1, dec31 = date(inp.year, 1, 1), date(inp.year, 12, 31)
    if inp.previous_continuous_12m_satisfied:
        eligible_from = inp.employer_start_date
        b.cite(HAN149)
    else:
        anchor = inp.continuous_work_start_date or inp.employer_start_date
        eligible_from = add_months(anchor, 12)
    end = dec31 if inp.settlement == "year_end_in_service" else min(inp.end_date or dec31, dec31)
    start = max(jan1, inp.employer_start_date, eligible_from)
    b.details["eligible_from"] = eligible_from
    if start > end:
        b.details.update({"eligible": False, "unused_days": 0, "amount": ZERO})
        b.assume(
            "截至计算日连续工作不满12个月，不享受年休假 (条例 第2条；实施办法 第3条) / less "
            "than 12 months' continuous work: no annual leave"
        )
        b.add("未休年休假工资", "unused-leave pay", "0", ZERO, REG2, IMP3)
        return b.build(ZERO)
    if eligible_from > inp.employer_start_date and eligible_from > jan1:
        b.cite(BJ_Q62)
        b.assume(
            "满12个月后，当年剩余日历天数折算年休假 (北京解答（一）Q62) / the year in which 12 "
            "months are completed is prorated from that date"
        )
    years = inp.cumulative_work_years
    if years is None:  # first job: only the time at this employer counts
        years = service_length(inp.employer_start_date, end).years
        b.assume(f"首次就业，累计工作年限按本单位计算为{years}年 / first job: {years} year(s)")
    else:
        b.cite(IMP4)
    entitlement = statutory_days(years)
    if inp.contract_entitlement_days is not None and inp.contract_entitlement_days > entitlement:
        entitlement = inp.contract_entitlement_days
        b.cite(IMP13)
        b.flag("contract_entitlement_used")
    if inp.excluded_by_art4:
        entitlement = 0
        b.cite(REG4)
        b.assume("本年度属条例第4条不享受年休假情形 / excluded year under art.4")
    days = (end - start).days + 1
    raw = dec(days) * entitlement / 365
    prorated = min(floor_int(raw), entitlement)
    partial = start > jan1 or end < dec31
    if partial:
        b.cite(IMP5 if start > jan1 else IMP12)
        if start > jan1 and end < dec31:
            b.details["days_employed"] = days
            b.assume(
                "同一年度入职并离职：按在职天数折算（由第5条、第12条推出）/ hired and leaving in "
                "the same year: prorated on days employed (derived)"
            )
            b.cite(IMP12)
        elif start > jan1:
            b.details["days_remaining"] = days
        else:
            b.details["days_elapsed"] = days
    if days > 365:
        b.assume("闰年366天不使年休假超过全年天数 / a leap year never raises the entitlement")
    taken = inp.days_taken_this_year
    unused = max(prorated - taken, 0)
    over = max(taken - prorated, 0)
    if over:
        b.cite(IMP12 + "第3款")
        b.assume(
            "已休天数超过折算天数，不扣回 (实施办法 第12条第3款) / days taken above the prorated "
            "figure are not clawed back"
        )
    b.details.update(
        {
            "eligible": True,
            "cumulative_work_years": years,
            "full_year_entitlement": entitlement,
            "days_counted": days,
            "prorated_raw": round_places(raw, 3),
            "prorated_days": prorated,
            "days_taken": taken,
            "unused_days": unused,
            "over_taken_days": over,
            "clawback": ZERO,
        }
    )
    if unused == 0:
        b.details["amount"] = ZERO
        b.add("未休年休假工资", "unused-leave pay", f"{prorated} − {taken} ≤ 0 天", ZERO, IMP12)
        return b.build(ZERO)
    wage = inp.avg_monthly_wage_ex_overtime_12m
    if wage is None:
        raise InputError(
            "avg_monthly_wage_ex_overtime_12m",
            "缺少必填项「前12个月平均工资（不含加班费）」（avg_monthly_wage_ex_overtime_12m）",
            "missing required input 'avg_monthly_wage_ex_overtime_12m'",
        )
    daily = wage / DAYS_PER_MONTH
    if inp.worker_waived_in_writing:
        b.cite(IMP10 + "第2款")
        b.assume(
            "单位安排休假而劳动者书面提出不休，只支付正常工资 / the worker waived leave in "
            "writing: only normal pay"
        )
        b.details.update({"daily_wage": round2(daily), "amount": ZERO})
        b.add("未休年休假工资", "unused-leave pay", "0", ZERO, IMP10)
        return b.build(ZERO)
    amount = round2(dec(unused) * wage * 2 / DAYS_PER_MONTH)
    b.add(
        "未休年休假工资（200%）",
        "unused-leave pay (200% on top of normal pay)",
        f"{unused} × {fmt(wage)} ÷ 21.75 × 200%",
        amount,
        IMP10,
        IMP11,
    )
    b.cite(REG5)
    b.details.update(
        {
            "daily_wage": round2(daily),
            "statutory_300_total": round2(dec(unused) * wage * 3 / DAYS_PER_MONTH),
            "amount": amount,
        }
    )
    b.assume(
        "第10条的300%含已随工资发放的100%，应补发200% / the statutory 300% includes the 100% "
        "already paid: 200% is owed"
    )
    b.flag("unsettled:annual_leave_limitation")
    return b.build(amount)
