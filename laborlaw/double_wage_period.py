"""The double-wage period counted in full months plus a partial month (laborlaw.md §9).

A partial month is paid as monthly wage ÷ 21.75 × the actual working days in it
(解释（二）第6条); the divisor is a parameter because the interpretation does not state it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from .dates import add_months, weekdays_between
from .money import ZERO


@dataclass(frozen=True)
class Period:
    """First and last day of a double-wage period, and how its months are counted."""

    start: date
    end: date
    capped: bool = False
    # months are counted as add_months(anchor, offset + m) so that a month-end clamp is
    # applied once (start 01-31: periods end on the 30th/31st, never drift to the 28th)
    anchor: date | None = None
    offset: int = 0


@dataclass(frozen=True)
class Count:
    """Full months and partial-month working days of a period, and the unrounded amount."""

    full_months: int
    partial_days: int
    amount_raw: Decimal
    estimated: bool
    partial_capped: bool = False  # the partial month came to more than a month's wage


def count_months(
    start: date,
    end: date,
    wage: Decimal,
    divisor: Decimal,
    work_days: int | None,
    anchor: date | None = None,
    offset: int = 0,
) -> Count:
    """Full months from ``start`` plus a partial month paid by working days (解释（二）第6条).

    Month ends are ``add_months(anchor, offset + m)`` (``anchor`` defaults to ``start``).
    """
    if end < start:
        return Count(0, 0, ZERO, False)
    if anchor is None:
        anchor, offset = start, 0
    stop = end + timedelta(days=1)
    months = (stop.year - anchor.year) * 12 + stop.month - anchor.month - offset + 1
    while months > 0 and add_months(anchor, offset + months) > stop:
        months -= 1
    months = max(months, 0)
    partial_from = add_months(anchor, offset + months)
    days = 0
    estimated = False
    if partial_from <= end:
        if work_days is not None:
            days = work_days
        else:
            days = weekdays_between(partial_from, end)
            estimated = True
    # A month can have more working days than the divisor (23 weekdays > 21.75), but part of
    # a month is never worth more than the whole month.
    partial = wage * days / divisor
    capped = partial > wage
    return Count(months, days, wage * months + min(partial, wage), estimated, capped)
