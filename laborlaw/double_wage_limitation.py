"""The one-year limitation on the extra one-fold of the double wage (laborlaw.md §9.4).

The extra one-fold is a penalty, so the general one-year period applies (调解仲裁法 第27条第1款);
forums differ on where the year starts (`double_wage_limitation_rule`):

* ``beijing_count_back_by_day`` — one year back, day by day, from the claim date (北京解答
  （一）Q41(5));
* ``count_back_by_month`` — each month's difference falls due at the end of that month and has
  its own year (Guangdong 2012 座谈会纪要 第15条, as quoted on public pages);
* ``from_end_of_period`` — one year from the end of the double-wage period.

The employer must raise the defence at arbitration (解释（二）第20条).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from .dates import add_months, add_years, roll_to_working_day
from .double_wage_period import Count, Period, count_months
from .money import ZERO, round2
from .results import Builder

LIMITATION_RULES = ("beijing_count_back_by_day", "count_back_by_month", "from_end_of_period")
BJ_Q41 = "practice: 北京解答（一）Q41"
CIVIL_201 = "民法典 第201条至第203条"


def limitation_results(
    rules: tuple[str, ...],
    *,
    period: Period,
    count: Count,
    wage: Decimal,
    divisor: Decimal,
    claim: date,
    partial_work_days: int | None,
    non_working_days: frozenset[date] | None,
    b: Builder,
) -> dict[str, dict[str, object]]:
    """The claimable part of ``period`` under each rule in ``rules``."""
    results: dict[str, dict[str, object]] = {}
    for name in rules:
        if name == "beijing_count_back_by_day":
            cutoff = add_years(claim, -1)
            start = max(period.start, cutoff)
            work_days = partial_work_days if start == period.start else None
            sub = count_months(start, period.end, wage, divisor, work_days)
            results[name] = {
                "claimable_from": cutoff,
                "full_months": sub.full_months,
                "partial_days": sub.partial_days,
                "amount": round2(sub.amount_raw),
            }
            b.cite(BJ_Q41)
        elif name == "count_back_by_month":
            results[name] = _by_month(period, count, wage, divisor, claim, non_working_days)
            b.flag("local_rule_used:count_back_by_month")
        else:
            expires = roll_to_working_day(add_years(period.end, 1), non_working_days)
            barred = claim > expires
            results[name] = {
                "limitation_starts": period.end + timedelta(days=1),
                "limitation_expires": expires,
                "time_barred": barred,
                "amount": ZERO if barred else round2(count.amount_raw),
            }
            b.cite(CIVIL_201)
    return results


def _by_month(
    period: Period,
    count: Count,
    wage: Decimal,
    divisor: Decimal,
    claim: date,
    non_working_days: frozenset[date] | None,
) -> dict[str, object]:
    """按月分别计算: a month is claimable while its own one-year period has not run out."""
    months = 0
    raw = ZERO
    anchor = period.anchor or period.start
    for k in range(count.full_months):
        month_end = add_months(anchor, period.offset + k + 1) - timedelta(days=1)
        if claim <= roll_to_working_day(add_years(month_end, 1), non_working_days):
            months += 1
            raw += wage
    partial_ok = count.partial_days > 0 and claim <= roll_to_working_day(
        add_years(period.end, 1), non_working_days
    )
    if partial_ok:
        raw += wage * count.partial_days / divisor
    return {
        "full_months": months,
        "partial_days": count.partial_days if partial_ok else 0,
        "amount": round2(raw),
    }
