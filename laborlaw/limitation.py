"""时效与期限 (limitation and procedural deadlines) — laborlaw.md §10.

Periods start the day after the triggering event and end on the corresponding day; a last
day that is a rest day or public holiday moves to the next working day (民法典 第201条至
第203条; 北京解答（一）Q12). Without an explicit ``non_working_days`` calendar only weekends
are known to be rest days.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .dates import add_years, roll_to_working_day
from .inputs import Field, InputError, Reader
from .money import ZERO, fmt, round2
from .results import Builder, CalcResult
from .wagebase import LOCAL_MIN

ARB14 = "劳动争议调解仲裁法 第14条第3款"
ARB16 = "劳动争议调解仲裁法 第16条"
ARB27_1 = "劳动争议调解仲裁法 第27条第1款"
ARB27_2 = "劳动争议调解仲裁法 第27条第2款"
ARB27_3 = "劳动争议调解仲裁法 第27条第3款"
ARB27_4 = "劳动争议调解仲裁法 第27条第4款"
ARB43 = "劳动争议调解仲裁法 第43条第1款"
ARB47 = "劳动争议调解仲裁法 第47条"
CIVIL = "民法典 第201条至第203条"
J2_20 = "法释〔2025〕12号 解释（二）第20条"
BJ_Q9 = "practice: 北京解答（一）Q9"
BJ_Q12 = "practice: 北京解答（一）Q12"
CASE10 = "practice: 最高人民法院、人力资源社会保障部 劳动人事争议典型案例（第二批）案例10"

WAGE_CLAIMS = ("unpaid_wages", "overtime_pay", "min_wage_shortfall")
TERMINATION_CLAIMS = ("severance", "unlawful_termination_damages", "notice_pay")
OTHER_CLAIMS = ("double_wage", "annual_leave_pay", "work_injury", "other")
PROCEDURES = ("mediation_deadline", "arbitration_award_deadline", "final_award_check")
CLAIM_TYPES = (*WAGE_CLAIMS, *TERMINATION_CLAIMS, *OTHER_CLAIMS, *PROCEDURES)
FINAL_KINDS = ("wages", "work_injury_medical", "severance", "damages", "other")

Stamp = tuple[date, bool]  # (date, month precision only)


@dataclass(frozen=True)
class Suspension:
    """A period during which the limitation is suspended (调解仲裁法 第27条第3款)."""

    start: date
    end: date


@dataclass(frozen=True)
class ClaimItem:
    """One claim for the 一裁终局 check (调解仲裁法 第47条)."""

    name: str
    amount: Decimal
    kind: str = "wages"


@dataclass(frozen=True)
class TimeLimitsInput:
    """Facts for limitation and procedural deadlines (laborlaw.md §10)."""

    claim_type: str
    employment_end_date: Stamp | None = None
    employment_status: str | None = None
    application_date: Stamp | None = None
    right_known_date: Stamp | None = None
    arrears_since: Stamp | None = None
    interruptions: tuple[date, ...] = ()
    suspensions: tuple[Suspension, ...] = ()
    non_working_days: frozenset[date] | None = None
    mediation_application_received: date | None = None
    arbitration_accepted_date: date | None = None
    claim_items: tuple[ClaimItem, ...] = ()
    local_min_wage: Decimal | None = None


FIELDS: tuple[Field, ...] = (
    Field(
        "claim_type",
        "choice",
        "请求类型",
        "claim type",
        "工资类（unpaid_wages/overtime_pay/min_wage_shortfall）适用第27条第4款；终止类与其他请求"
        "适用第1款；mediation_deadline / arbitration_award_deadline / final_award_check 为程序期限。",
        required=True,
        choices=CLAIM_TYPES,
    ),
    Field(
        "employment_end_date",
        "month",
        "劳动关系终止日",
        "end of employment",
        "YYYY-MM-DD，或只知月份时 YYYY-MM。",
    ),
    Field(
        "employment_status",
        "choice",
        "劳动关系状态",
        "employment status",
        "ongoing / ended；默认有终止日即为 ended。",
        choices=("ongoing", "ended"),
    ),
    Field("application_date", "month", "申请仲裁日", "date of the arbitration application"),
    Field(
        "right_known_date",
        "month",
        "知道或应当知道权利被侵害之日",
        "date the party knew or should have known of the infringement",
        "终止类请求默认为终止日；工伤待遇一般为待遇可确定之日（如伤残鉴定）。",
    ),
    Field("arrears_since", "month", "欠薪起始", "arrears since", "仅作记录。"),
    Field(
        "interruptions",
        "date_list",
        "时效中断事由发生日",
        "dates of interruptions",
        "向对方主张权利、向有关部门请求救济（含申请调解）、对方同意履行 (第27条第2款)。",
    ),
    Field(
        "suspensions",
        "period_list",
        "时效中止期间",
        "suspension periods",
        "每项 {start, end}：不可抗力或其他正当理由 (第27条第3款)。",
    ),
    Field(
        "non_working_days",
        "date_list",
        "休息日和法定节假日",
        "rest days and public holidays",
        "期间末日顺延用；留空则只顺延周六、周日。",
        jurisdiction_param="public_holiday_calendar",
    ),
    Field(
        "mediation_application_received",
        "date",
        "调解组织收到调解申请之日",
        "date the mediation organisation received the application",
    ),
    Field(
        "arbitration_accepted_date", "date", "仲裁委受理之日", "date the arbitration was accepted"
    ),
    Field(
        "claim_items",
        "object_list",
        "仲裁请求事项",
        "claim items",
        "每项 {name, amount, kind: wages|work_injury_medical|severance|damages|other}。",
    ),
    LOCAL_MIN,
)


def parse_time_limits(raw: Mapping[str, object]) -> tuple[TimeLimitsInput, list[str]]:
    r = Reader(raw, FIELDS)
    claim = r.choice_req("claim_type", CLAIM_TYPES)
    suspensions: list[Suspension] = []
    for index, item in enumerate(r.object_list("suspensions") or ()):
        sub = Reader(item, ())
        try:
            s = Suspension(sub.date_req("start"), sub.date_req("end"))
        except InputError as exc:
            raise InputError(
                f"suspensions[{index}].{exc.field}", exc.message_zh, exc.message_en
            ) from None
        if s.end < s.start:
            raise InputError(f"suspensions[{index}].end", "早于开始日", "is before start")
        suspensions.append(s)
    items: list[ClaimItem] = []
    for index, item in enumerate(r.object_list("claim_items") or ()):
        sub = Reader(item, ())
        try:
            items.append(
                ClaimItem(
                    name=sub.text("name") or f"item{index + 1}",
                    amount=sub.money_req("amount"),
                    kind=sub.choice("kind", FINAL_KINDS, "wages") or "wages",
                )
            )
        except InputError as exc:
            raise InputError(
                f"claim_items[{index}].{exc.field}", exc.message_zh, exc.message_en
            ) from None
    nwd = r.date_list("non_working_days")
    inp = TimeLimitsInput(
        claim_type=claim,
        employment_end_date=r.month_or_date("employment_end_date"),
        employment_status=r.choice("employment_status", ("ongoing", "ended")),
        application_date=r.month_or_date("application_date"),
        right_known_date=r.month_or_date("right_known_date"),
        arrears_since=r.month_or_date("arrears_since"),
        interruptions=tuple(sorted(r.date_list("interruptions"))),
        suspensions=tuple(suspensions),
        non_working_days=frozenset(nwd) if nwd else None,
        mediation_application_received=r.date("mediation_application_received"),
        arbitration_accepted_date=r.date("arbitration_accepted_date"),
        claim_items=tuple(items),
        local_min_wage=r.money("local_min_wage"),
    )
    if claim == "mediation_deadline" and inp.mediation_application_received is None:
        raise r.missing("mediation_application_received")
    if claim == "arbitration_award_deadline" and inp.arbitration_accepted_date is None:
        raise r.missing("arbitration_accepted_date")
    if claim == "final_award_check":
        if not inp.claim_items:
            raise r.missing("claim_items")
        if inp.local_min_wage is None:
            raise r.missing("local_min_wage")
    ongoing = inp.employment_status == "ongoing" or (
        inp.employment_status is None and inp.employment_end_date is None
    )
    if claim in WAGE_CLAIMS and not ongoing and inp.employment_end_date is None:
        raise r.missing("employment_end_date")
    needs_event = claim in (*TERMINATION_CLAIMS, *OTHER_CLAIMS)
    if needs_event and inp.right_known_date is None and inp.employment_end_date is None:
        raise r.missing(
            "right_known_date"
            if claim in ("work_injury", "other", "double_wage")
            else "employment_end_date"
        )
    return inp, r.unused()


def _show(stamp: Stamp) -> str:
    day, month_only = stamp
    return day.strftime("%Y-%m") if month_only else day.isoformat()


def _barred(application: Stamp | None, deadline: Stamp) -> bool | None:
    if application is None:
        return None
    app, app_month = application
    end, end_month = deadline
    if app_month or end_month:
        a, e = (app.year, app.month), (end.year, end.month)
        return None if a == e else a > e
    return app > end


def _one_year(event: Stamp, inp: TimeLimitsInput, b: Builder) -> tuple[Stamp, Stamp]:
    """Start and last day of a one-year period after ``event`` (interruption, suspension)."""
    day, month_only = event
    if month_only:
        b.flag("month_precision_only")
        b.assume(
            "只知月份，期限按月计算；同月申请无法判断是否超过时效 / only months are known; a "
            "claim in the deadline month cannot be decided"
        )
        return (day, True), (add_years(day, 1), True)
    start = day + timedelta(days=1)
    deadline = add_years(day, 1)
    for moment in inp.interruptions:
        if day < moment <= deadline:
            b.cite(ARB27_2)
            b.flag("interrupted")
            start = moment + timedelta(days=1)
            deadline = add_years(moment, 1)
    for s in inp.suspensions:
        if s.start <= deadline and s.end >= start:
            b.cite(ARB27_3)
            b.flag("suspended")
            deadline += timedelta(days=(s.end - max(s.start, start)).days + 1)
    rolled = roll_to_working_day(deadline, inp.non_working_days)
    if rolled != deadline:
        b.flag("deadline_moved_to_working_day")
    b.cite(CIVIL, BJ_Q12)
    return (start, False), (rolled, False)


def time_limits(inp: TimeLimitsInput) -> CalcResult:
    """Arbitration limitation (调解仲裁法 第27条) and procedural deadlines.

    * Wage claims (unpaid wages, overtime — 劳动报酬, 典型案例（第二批）案例10): no limit while
      the relationship continues; one year from its end (第27条第4款).
    * Severance, damages, notice pay: one year from termination (第27条第1款).
    * Interruption restarts the full year (第2款); suspension stops the clock (第3款).
    * The employer must raise limitation at arbitration (解释（二）第20条).
    * Mediation: 15 days from receipt, then arbitration may be sought (第14条第3款).
    * Award: 45 days from acceptance, extendable by 15 (第43条第1款).
    * 一裁终局: wages, 工伤医疗费, N or 2N each ≤ 12 × the local monthly minimum wage (第47条;
      北京解答（一）Q9, judged per item).

    ``amount`` is always 0: this calculator gives dates, not money.
    """
    b = Builder("time_limits")
    claim = inp.claim_type
    d = b.details
    d["claim_type"] = claim
    if claim == "mediation_deadline":
        assert inp.mediation_application_received is not None
        mediation_end = roll_to_working_day(
            inp.mediation_application_received + timedelta(days=15), inp.non_working_days
        )
        d.update(
            {
                "mediation_deadline": mediation_end,
                "may_apply_for_arbitration_from": mediation_end + timedelta(days=1),
            }
        )
        b.cite(ARB14, CIVIL, ARB27_2, ARB16)
        b.assume(
            "申请调解中断仲裁时效 (第27条第2款)；达成调解协议而用人单位不履行的，可就工资、工伤医疗费、"
            "经济补偿或赔偿金申请支付令 (第16条) / mediation interrupts limitation; a payment "
            "order is available on an unperformed agreement"
        )
        return b.build(ZERO)
    if claim == "arbitration_award_deadline":
        assert inp.arbitration_accepted_date is not None
        accepted = inp.arbitration_accepted_date
        d.update(
            {
                "award_deadline": roll_to_working_day(
                    accepted + timedelta(days=45), inp.non_working_days
                ),
                "award_deadline_extended": roll_to_working_day(
                    accepted + timedelta(days=60), inp.non_working_days
                ),
            }
        )
        b.cite(ARB43, CIVIL)
        return b.build(ZERO)
    if claim == "final_award_check":
        assert inp.local_min_wage is not None
        threshold = round2(inp.local_min_wage * 12)
        eligible: dict[str, bool] = {}
        for item in inp.claim_items:
            eligible[item.name] = item.kind != "other" and item.amount <= threshold
        d.update({"threshold": threshold, "final_award_eligible": eligible})
        b.cite(ARB47, BJ_Q9)
        b.add(
            "一裁终局标准",
            "final-award threshold",
            f"{fmt(inp.local_min_wage)} × 12",
            threshold,
            ARB47,
        )
        b.assume(
            "按单项金额分别判断；使用申请仲裁时的当地月最低工资 / judged per item, at the minimum "
            "wage in force at filing"
        )
        return b.build(ZERO)

    b.cite(J2_20)
    b.assume(
        "时效抗辩须由用人单位在仲裁阶段提出，裁判机构不主动适用 (解释（二）第20条) / the employer "
        "must raise limitation at arbitration"
    )
    ended = inp.employment_status == "ended" or (
        inp.employment_status is None and inp.employment_end_date is not None
    )
    if claim in WAGE_CLAIMS:
        d["rule"] = "art27_para4_wages"
        b.cite(ARB27_4)
        if claim == "overtime_pay":
            b.cite(CASE10)
        if not ended:
            d.update({"deadline": None, "time_barred": False})
            b.assume(
                "劳动关系存续期间拖欠劳动报酬不受一年时效限制 (第27条第4款) / no limit while the "
                "employment continues"
            )
            return b.build(ZERO)
        assert inp.employment_end_date is not None
        start, deadline = _one_year(inp.employment_end_date, inp, b)
        shown = _show(deadline)
        if deadline[1]:
            shown += " (one year after termination)"
        d.update(
            {
                "limitation_start": _show(start),
                "deadline": shown,
                "time_barred": _barred(inp.application_date, deadline),
            }
        )
        return b.build(ZERO)

    d["rule"] = "art27_para1_general"
    b.cite(ARB27_1)
    event = inp.right_known_date or inp.employment_end_date
    assert event is not None
    start, deadline = _one_year(event, inp, b)
    d.update(
        {
            "limitation_start": _show(start),
            "deadline": _show(deadline),
            "time_barred": _barred(inp.application_date, deadline),
        }
    )
    if claim == "double_wage":
        b.flag("unsettled:double_wage_limitation_rule")
        b.assume(
            "二倍工资加付一倍的时效起算各地不同，请用 double_wage 计算器的 limitation_rule / the "
            "start of the double-wage limitation varies: use double_wage with limitation_rule"
        )
    elif claim == "annual_leave_pay":
        b.flag("unsettled:annual_leave_limitation")
        b.assume(
            "未休年休假工资属劳动报酬（第4款）还是福利（第1款，自可补休年度结束起算）尚无定论 / "
            "whether unused-leave pay is wages (para.4) or not (para.1) is unsettled"
        )
        if ended:
            d["alternative_rule"] = "art27_para4_wages"
    elif claim == "work_injury":
        b.assume(
            "工伤待遇一般自待遇可确定之日（如伤残等级鉴定结论）起算 (实务) / work-injury "
            "benefits: from the date the amounts became determinable (practice)"
        )
    return b.build(ZERO)
