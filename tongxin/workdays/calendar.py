"""Chinese working days: admin overrides, then chinese-calendar (调休 included), then Mon–Fri.

chinese-calendar ships each year's State Council schedule in a new release; for a year it
does not know yet, admins enter the published 放假安排 as overrides (see `workdays set`).
"""

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar

from tongxin.core.refcache import RefCache
from tongxin.workdays.models import CalendarOverride

# The longest run of consecutive days off in any official schedule is 9 (e.g. 春节 2024);
# a search window of n*2+30 days always contains n working days.
_SLACK_DAYS = 30


def package_covers(year: int) -> bool:
    """True if the installed chinese-calendar has the official schedule for `year`."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


# Pure (the package's tables never change in a running process) and on every deadline's path;
# a day past the package's last year costs a raised exception, so remember the answers.
@lru_cache(maxsize=8192)
def _default_is_working_day(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def _all_overrides() -> dict[date, bool]:
    return dict(CalendarOverride.objects.values_list("day", "is_working_day"))


# A few dozen rows a year, read on every deadline: kept in memory (see core.refcache).
OVERRIDES = RefCache("calendar-overrides", _all_overrides)


def _overrides(start: date, end: date) -> dict[date, bool]:
    return {d: w for d, w in OVERRIDES.get().items() if start <= d <= end}


def is_working_day(day: date) -> bool:
    override = _overrides(day, day).get(day)
    return _default_is_working_day(day) if override is None else override


def _window_end(start: date, n: int) -> date:
    """The end of a search window for n working days after `start`, at most date.max."""
    try:
        return start + timedelta(days=n * 2 + _SLACK_DAYS)
    except OverflowError:
        return date.max


def add_working_days(start: date, n: int) -> date:
    """The date n working days after `start` (start itself not counted); n=0 gives `start`."""
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return start
    end = _window_end(start, n)
    overrides = _overrides(start, end)
    day, counted = start, 0
    while counted < n:
        day += timedelta(days=1)  # OverflowError past date.max: no such date exists
        if day > end:  # a very long run of overrides: widen the window
            end = _window_end(end, n)
            overrides.update(_overrides(day, end))
        working = overrides.get(day)
        if working is None:
            working = _default_is_working_day(day)
        counted += working
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days in (start, end]: how many working days `end` lies after `start`."""
    if end <= start:
        return 0
    overrides = _overrides(start, end)
    total, day = 0, start
    while day < end:
        day += timedelta(days=1)
        working = overrides.get(day)
        total += _default_is_working_day(day) if working is None else working
    return total


def missing_calendar_years(today: date) -> list[int]:
    """This year and next, where neither the package nor any override gives a schedule."""
    years = []
    for year in (today.year, today.year + 1):
        if package_covers(year):
            continue
        if not CalendarOverride.objects.filter(day__year=year).exists():
            years.append(year)
    return years


def non_working_days(start: date, end: date) -> list[date]:
    """Every day off in [start, end] (weekends and holidays, minus 调休 working days)."""
    overrides = _overrides(start, end)
    days, day = [], start
    while day <= end:
        working = overrides.get(day)
        if not (_default_is_working_day(day) if working is None else working):
            days.append(day)
        day += timedelta(days=1)
    return days


def period_end(start: date, days: int) -> date:
    """The last day of a statutory period of `days` calendar days, counted from the day after
    `start`; a last day that falls on a day off moves to the next working day (民事诉讼法
    art. 85, norms.md §3.3 item 5). Days off are weekends and holidays as this calendar knows
    them: in practice 法定休假日 includes weekends, and a 调休 Saturday is a working day."""
    if days < 1:
        raise ValueError("days must be >= 1")
    last = start + timedelta(days=days)
    while not is_working_day(last):
        last += timedelta(days=1)
    return last
