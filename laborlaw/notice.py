"""代通知金 (pay in lieu of notice, "+1") — laborlaw.md §4."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .grounds import ART40_GROUNDS
from .inputs import Field, Reader
from .money import ZERO, fmt, round2
from .results import Builder, CalcResult
from .termination_facts import IMPL25
from .wagebase import LOCAL_MIN

LCL40 = "劳动合同法 第40条"
IMPL20 = "劳动合同法实施条例 第20条"


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
