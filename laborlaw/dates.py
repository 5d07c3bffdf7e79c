"""Date arithmetic (laborlaw.md §1.2): month-end clamping, service length, period ends.

Dates are explicit ``datetime.date`` values; nothing here reads the clock.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .money import HALF

#: The day the Labour Contract Law entered into force (劳动合同法 第98条).
LCL_IN_FORCE = date(2008, 1, 1)


def add_months(day: date, months: int) -> date:
    """Shift by whole months, clamping to the last day of a shorter month.

    Month-end rule of 民法典 第202条 ("没有对应日的，月末日为期间的最后一日"), by analogy.
    """
    index = day.month - 1 + months
    year = day.year + index // 12
    month = index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """Shift by whole years (29 February → 28 February in a common year)."""
    return add_months(day, 12 * years)


@dataclass(frozen=True)
class Service:
    """A length of service: completed years, months and leftover days (laborlaw.md §1.2)."""

    years: int
    months: int
    days: int

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    def __str__(self) -> str:
        return f"{self.years}y{self.months}m{self.days}d"


def service_length(start: date, end: date) -> Service:
    """Service from ``start`` to ``end``, both days counted (laborlaw.md §1.2).

    Completed months are the largest ``m`` with ``add_months(start, m) <= end + 1 day``;
    leftover days are ``(end + 1) - add_months(start, m)``. 2024-01-01 → 2024-06-30 is
    6 months 0 days; 2024-01-01 → 2024-06-29 is 5 months 29 days.
    """
    stop = end + timedelta(days=1)
    if stop <= start:
        return Service(0, 0, 0)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    while months > 0 and add_months(start, months) > stop:
        months -= 1
    days = (stop - add_months(start, months)).days
    return Service(months // 12, months % 12, days)


def art47_months(service: Service) -> Decimal:
    """Months of pay under 劳动合同法 第47条第1款.

    "每满一年支付一个月工资…六个月以上不满一年的，按一年计算；不满六个月的，向劳动者支付半个月
    工资": a remainder of 6 months or more counts as a year ("以上" includes 6, 民法典 第1259条);
    any shorter non-zero remainder counts as half a month.
    """
    if service.months >= 6:
        return Decimal(service.years + 1)
    if service.months > 0 or service.days > 0:
        return Decimal(service.years) + HALF
    return Decimal(service.years)


def old_rule_months(service: Service) -> Decimal:
    """Months of pay for pre-2008 service: 每满一年一个月，"不满一年的按一年" (481号 第5条等)."""
    extra = 1 if service.months > 0 or service.days > 0 else 0
    return Decimal(service.years + extra)


def is_rest_day(day: date, non_working_days: frozenset[date] | None) -> bool:
    """A day on which a period cannot end (法定休假日).

    With an explicit ``non_working_days`` calendar (weekends, public holidays, minus
    调休 working days, as published by the State Council) that calendar is used as given;
    without one, Saturdays and Sundays are rest days and public holidays are unknown.
    """
    if non_working_days is not None:
        return day in non_working_days
    return day.weekday() >= 5


def roll_to_working_day(day: date, non_working_days: frozenset[date] | None) -> date:
    """Move a period's last day past rest days (民法典 第203条第1款)."""
    while is_rest_day(day, non_working_days):
        day += timedelta(days=1)
    return day


def weekdays_between(first: date, last: date) -> int:
    """Monday–Friday days in ``[first, last]`` (an estimate: holidays and 调休 ignored)."""
    if last < first:
        return 0
    total = (last - first).days + 1
    weeks, rest = divmod(total, 7)
    count = weeks * 5
    for offset in range(rest):
        if (first + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count
