"""因工死亡待遇 (work-related death) — laborlaw.md §8.3, 工伤保险条例 第39条.

Inputs follow laborlaw.md §8.5: ``grade`` (``disability_grade`` is accepted as an alias),
``own_monthly_wage_12m``, ``regional_avg_monthly_wage``, ``dependants[{relation,
widowed_elderly, orphan}]``, ``death_year``, ``prev_year_national_urban_disposable_income``,
``death_during_stop_work_period`` and ``regime``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .inputs import Field, InputError, Reader
from .money import ZERO, fmt, round2
from .results import Builder, CalcResult
from .work_injury import OLD, OWN, REGIMES, REGIONAL, own_wage_used

R39 = "工伤保险条例 第39条"
RELATIONS = ("spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other")
SPOUSE_SHARE = Decimal("0.40")
OTHER_SHARE = Decimal("0.30")
ALONE_EXTRA = Decimal("0.10")  # 孤寡老人或者孤儿
#: The year 国务院令第586号 took effect; deaths before it fall under the 2003 regulation.
CURRENT_REGIME_FROM = 2011


@dataclass(frozen=True)
class Dependant:
    """One dependant for the 供养亲属抚恤金 (工伤保险条例 第39条第1款第2项)."""

    relation: str
    widowed_elderly: bool = False
    orphan: bool = False


@dataclass(frozen=True)
class DeathInput:
    """Facts for death benefits (laborlaw.md §8.3, §8.5)."""

    regional_avg_monthly_wage: Decimal | None = None
    own_monthly_wage_12m: Decimal | None = None
    dependants: tuple[Dependant, ...] = ()
    death_year: int | None = None
    prev_year_national_urban_disposable_income: Decimal | None = None
    death_during_stop_work_period: bool = True
    grade: int | None = None
    regime: str = "current"


DEPENDANT_FIELDS: tuple[Field, ...] = (
    Field("relation", "choice", "关系", "relation", required=True, choices=RELATIONS),
    Field("widowed_elderly", "bool", "孤寡老人", "widowed elderly without support", default=False),
    Field("orphan", "bool", "孤儿", "orphan", default=False),
)

DEATH_FIELDS: tuple[Field, ...] = (
    REGIONAL,
    OWN,
    Field(
        "dependants",
        "object_list",
        "供养亲属",
        "dependants",
        "每项 {relation: spouse|child|parent|grandparent|grandchild|sibling|other, "
        "widowed_elderly: bool, orphan: bool}。",
    ),
    Field("death_year", "int", "死亡年度", "year of death"),
    Field(
        "prev_year_national_urban_disposable_income",
        "money",
        "上一年度全国城镇居民人均可支配收入",
        "national urban per-capita disposable income, previous year",
        "死亡前一年度的数据 (第39条第1款第3项)。",
        jurisdiction_param="prev_year_national_urban_disposable_income",
    ),
    Field(
        "death_during_stop_work_period",
        "bool",
        "因工死亡或在停工留薪期内死亡",
        "died at work or during the stop-work period",
        "否 = 伤残职工停工留薪期满后死亡，须填伤残等级 (第39条第3款)。",
        default=True,
    ),
    Field(
        "grade",
        "int",
        "伤残等级（停工留薪期满后死亡时）",
        "disability grade (death after the stop-work period)",
        "1–10；别名 disability_grade。",
    ),
    Field(
        "regime",
        "choice",
        "适用条例版本",
        "regime",
        "current（2011-01-01起，国务院令第586号）/ pre2011（旧条例，未核实）；默认按死亡年度。",
        choices=REGIMES,
    ),
)


def parse_death(raw: Mapping[str, object]) -> tuple[DeathInput, list[str]]:
    r = Reader(raw, DEATH_FIELDS)
    grade = r.integer("grade", minimum=1, maximum=10)
    if grade is None:
        grade = r.integer("disability_grade", minimum=1, maximum=10)
    death_year = r.integer("death_year", minimum=1950, maximum=2200)
    old = death_year is not None and death_year < CURRENT_REGIME_FROM
    inp = DeathInput(
        regional_avg_monthly_wage=r.money("regional_avg_monthly_wage"),
        own_monthly_wage_12m=r.money("own_monthly_wage_12m"),
        dependants=_dependants(r),
        death_year=death_year,
        prev_year_national_urban_disposable_income=r.money(
            "prev_year_national_urban_disposable_income"
        ),
        death_during_stop_work_period=r.flag("death_during_stop_work_period", True),
        grade=grade,
        regime=r.choice("regime", REGIMES) or ("pre2011" if old else "current"),
    )
    if inp.dependants and inp.own_monthly_wage_12m is None:
        raise r.missing("own_monthly_wage_12m", "（计算供养亲属抚恤金）", " (for the pensions)")
    if inp.own_monthly_wage_12m is not None and inp.regional_avg_monthly_wage is None:
        raise r.missing(
            "regional_avg_monthly_wage", "（本人工资上下限）", " (for the 60-300% clamp)"
        )
    if (
        inp.regional_avg_monthly_wage is None
        and inp.prev_year_national_urban_disposable_income is None
    ):
        raise r.missing(
            "prev_year_national_urban_disposable_income",
            "（或 regional_avg_monthly_wage）",
            " (or regional_avg_monthly_wage)",
        )
    if not inp.death_during_stop_work_period and inp.grade is None:
        raise r.missing("grade", "（停工留薪期满后死亡）", " (death after the stop-work period)")
    return inp, r.unused()


def _dependants(r: Reader) -> tuple[Dependant, ...]:
    dependants: list[Dependant] = []
    for index, item in enumerate(r.object_list("dependants") or ()):
        sub = Reader(item, DEPENDANT_FIELDS)
        try:
            dependants.append(
                Dependant(
                    relation=sub.choice_req("relation", RELATIONS),
                    widowed_elderly=sub.flag("widowed_elderly"),
                    orphan=sub.flag("orphan"),
                )
            )
        except InputError as exc:
            raise InputError(
                f"dependants[{index}].{exc.field}", exc.message_zh, exc.message_en
            ) from None
    return tuple(dependants)


def work_injury_death(inp: DeathInput) -> CalcResult:
    """因工死亡待遇 (工伤保险条例 第39条).

    * 丧葬补助金 = 6 × the regional average monthly wage (第39条第1款第1项).
    * 供养亲属抚恤金 = own wage × 40% for the spouse, 30% for each other dependant, +10% each
      for 孤寡老人 or 孤儿; the total may not exceed the deceased's own wage (第1款第2项); the
      cut is shared pro rata here (the split is set locally). Own wage per 第64条第2款.
    * 一次性工亡补助金 = 20 × the previous year's national urban per-capita disposable income
      (第1款第3项).
    * Death during the 停工留薪期: all three (第2款). A grade 1–4 worker dying after it:
      funeral grant and pensions only (第3款).
    * Deaths before 2011 fall under the 2003 regulation (国务院令第375号): lump sum of 48–60
      months of the regional average (laborlaw.md §8.6, not verified).

    ``amount`` = funeral grant + lump sum (one-off items); pensions are monthly.
    """
    b = Builder("work_injury_death")
    b.cite(R39)
    lump_allowed, pensions_allowed = _entitlements(inp, b)
    amount = ZERO
    if inp.regional_avg_monthly_wage is not None and pensions_allowed:
        funeral = round2(inp.regional_avg_monthly_wage * 6)
        amount += funeral
        b.add(
            "丧葬补助金",
            "funeral grant",
            f"{fmt(inp.regional_avg_monthly_wage)} × 6",
            funeral,
            R39 + "第1款第1项",
        )
        b.details["funeral_grant"] = funeral
    if inp.own_monthly_wage_12m is not None and pensions_allowed:
        assert inp.regional_avg_monthly_wage is not None
        wage = own_wage_used(inp.own_monthly_wage_12m, inp.regional_avg_monthly_wage, b)
        _pensions(wage, inp.dependants, b)
    if lump_allowed:
        amount += _lump_sum(inp, b)
    b.details["death_year"] = inp.death_year
    b.details["regime"] = inp.regime
    return b.build(amount)


def _entitlements(inp: DeathInput, b: Builder) -> tuple[bool, bool]:
    """(lump sum due, funeral grant and pensions due) under 第39条第2款、第3款."""
    if inp.death_during_stop_work_period:
        return True, True
    if (inp.grade or 10) <= 4:
        b.cite(R39 + "第3款")
        b.assume(
            "1–4级伤残职工停工留薪期满后死亡：只享受丧葬补助金和供养亲属抚恤金，无一次性工亡补助金"
            " (第39条第3款) / grade 1-4 death after the stop-work period: no lump sum"
        )
        return False, True
    b.assume(
        "5–10级伤残职工停工留薪期满后死亡（非因工），不适用第39条 / grades 5-10 dying after the "
        "stop-work period: art.39 does not apply"
    )
    return False, False


def _pensions(wage: Decimal, dependants: tuple[Dependant, ...], b: Builder) -> None:
    """供养亲属抚恤金: shares of the own wage, the total capped at the own wage (第39条第1款第2项)."""
    b.details["own_wage_used"] = wage
    shares: list[tuple[str, Decimal]] = []
    for d in dependants:
        pct = SPOUSE_SHARE if d.relation == "spouse" else OTHER_SHARE
        if d.widowed_elderly or d.orphan:
            pct += ALONE_EXTRA
        shares.append((d.relation, wage * pct))
    uncapped = round2(sum((s for _, s in shares), ZERO))
    capped = uncapped > wage
    factor = wage / uncapped if capped else Decimal(1)
    each = [(rel, round2(s * factor)) for rel, s in shares]
    monthly = wage if capped else uncapped
    if capped:
        b.flag("cap_applied:dependant_pensions")
        b.flag("unsettled:pension_cut_allocation")
        b.assume(
            "抚恤金之和超过本人工资，按比例削减（具体分配由地方规定）/ pensions exceed the own "
            "wage: cut pro rata (the split is set locally)"
        )
    breakdown: dict[str, Decimal] = {}
    for rel, value in each:
        breakdown[rel] = breakdown.get(rel, ZERO) + value
    b.add(
        "供养亲属抚恤金（每月）",
        "dependants' pensions (monthly)",
        " + ".join(f"{rel} {fmt(v)}" for rel, v in each) or "0",
        monthly,
        R39 + "第1款第2项",
    )
    b.details.update(
        {
            "uncapped_total": uncapped,
            "dependant_pension_monthly": monthly,
            "cap_applied": capped,
            "breakdown": breakdown,
            "dependants_detail": [{"relation": rel, "monthly": value} for rel, value in each],
        }
    )


def _lump_sum(inp: DeathInput, b: Builder) -> Decimal:
    """一次性工亡补助金: 20 × the national figure (第39条第1款第3项), or the old 48–60 months."""
    if inp.regime == "pre2011":
        b.flag("unverified:pre2011_regime")
        b.cite(OLD)
        b.assume(
            "2011年前死亡适用旧条例（48–60个月统筹地区月平均工资，未核实）/ deaths before 2011: "
            "old regime, 48-60 months of the regional average (unverified)"
        )
        if inp.regional_avg_monthly_wage is None:
            return ZERO
        low = round2(inp.regional_avg_monthly_wage * 48)
        high = round2(inp.regional_avg_monthly_wage * 60)
        b.details.update({"lump_sum_death_benefit_min": low, "lump_sum_death_benefit_max": high})
        b.add(
            "一次性工亡补助金（旧条例下限）",
            "lump-sum death benefit (old, lower end)",
            f"{fmt(inp.regional_avg_monthly_wage)} × 48",
            low,
            OLD,
        )
        return low
    income = inp.prev_year_national_urban_disposable_income
    if income is None:
        return ZERO
    lump = round2(income * 20)
    b.add(
        "一次性工亡补助金",
        "lump-sum death benefit",
        f"{fmt(income)} × 20",
        lump,
        R39 + "第1款第3项",
    )
    b.details["lump_sum_death_benefit"] = lump
    if inp.death_year is not None:
        b.assume(
            f"应使用{inp.death_year - 1}年度全国城镇居民人均可支配收入 / use the "
            f"{inp.death_year - 1} national figure"
        )
    return lump
