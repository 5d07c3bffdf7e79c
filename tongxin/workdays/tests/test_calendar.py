"""Working days: chinese-calendar's 2026 schedule (调休 included), overrides, and the Mon–Fri
fallback for a year the installed package does not know (2027 for chinesecalendar 1.11)."""

from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tongxin.core.models import AuditEntry
from tongxin.workdays import calendar
from tongxin.workdays.checks import calendar_years_check
from tongxin.workdays.models import CalendarOverride
from tongxin.workdays.services import calendar_override_set

pytestmark = pytest.mark.django_db


def test_installed_package_has_2026_and_not_2027():
    # The 2027 tests below rely on this; when chinesecalendar learns 2027, move them to 2028.
    assert calendar.package_covers(2026) is True
    assert calendar.package_covers(2027) is False


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 9, 20), True),  # Sunday, 调休 for National Day
        (date(2026, 9, 25), False),  # Friday, Mid-Autumn Festival
        (date(2026, 9, 30), True),
        *[(date(2026, 10, d), False) for d in range(1, 8)],  # National Day holiday
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # Saturday, 调休
        (date(2026, 10, 11), False),  # an ordinary Sunday
        (date(2027, 1, 1), True),  # Friday: 2027 unknown, so Mon–Fri (New Year not known)
        (date(2027, 1, 2), False),  # Saturday
    ],
)
def test_is_working_day(day, working):
    assert calendar.is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 9, 30), 1, date(2026, 10, 8)),  # over the National Day week
        (date(2026, 9, 30), 0, date(2026, 9, 30)),
        (date(2026, 10, 9), 1, date(2026, 10, 10)),  # the make-up Saturday counts
        (date(2026, 10, 10), 1, date(2026, 10, 12)),
        (date(2026, 9, 18), 1, date(2026, 9, 20)),  # Fri -> the make-up Sunday
        (date(2026, 9, 24), 1, date(2026, 9, 28)),  # over Mid-Autumn and a weekend
        (date(2026, 9, 14), 5, date(2026, 9, 20)),
        (date(2026, 9, 28), 5, date(2026, 10, 10)),
        (date(2027, 1, 1), 1, date(2027, 1, 4)),  # 2027: Fri -> Mon
        (date(2026, 12, 31), 3, date(2027, 1, 5)),  # across the year boundary
    ],
)
def test_add_working_days(start, n, expected):
    assert calendar.add_working_days(start, n) == expected


def test_add_working_days_refuses_negative():
    with pytest.raises(ValueError, match="n must be >= 0"):
        calendar.add_working_days(date(2026, 9, 30), -1)


def test_working_days_between():
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 8)) == 1
    assert calendar.working_days_between(date(2026, 9, 30), date(2026, 10, 12)) == 4
    assert calendar.working_days_between(date(2026, 10, 8), date(2026, 9, 30)) == 0


def test_2027_override_moves_the_deadline():
    # given 2027 is not in the package: Friday 2027-01-01 + 1 = Monday 01-04
    assert calendar.add_working_days(date(2027, 1, 1), 1) == date(2027, 1, 4)
    # when an admin records 01-04 as a day off (the published schedule)
    calendar_override_set(actor=None, day=date(2027, 1, 4), is_working_day=False, note="元旦调休")
    # then the deadline moves to Tuesday, and an override can make a Saturday a working day
    assert calendar.add_working_days(date(2027, 1, 1), 1) == date(2027, 1, 5)
    calendar_override_set(actor=None, day=date(2027, 1, 2), is_working_day=True)
    assert calendar.add_working_days(date(2027, 1, 1), 1) == date(2027, 1, 2)


def test_override_beats_the_package_in_a_covered_year():
    calendar_override_set(actor=None, day=date(2026, 10, 8), is_working_day=False)
    assert calendar.add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 9)
    assert calendar.is_working_day(date(2026, 10, 8)) is False


def test_long_run_of_overrides_widens_the_search_window():
    # given 60 consecutive days off in 2027, longer than the first search window
    CalendarOverride.objects.bulk_create(
        CalendarOverride(
            day=date.fromordinal(date(2027, 3, 1).toordinal() + i), is_working_day=False
        )
        for i in range(60)
    )
    # then one working day after 02-28 is the first weekday after the run (04-30 is Friday)
    assert calendar.add_working_days(date(2027, 2, 28), 1) == date(2027, 4, 30)


def test_workdays_add_command_prints_the_date():
    out, err = StringIO(), StringIO()
    call_command("workdays", "add", "2026-09-30", "1", stdout=out, stderr=err)
    assert out.getvalue() == "2026-10-08\n"
    assert err.getvalue() == ""


def test_workdays_add_reaches_the_last_dates_and_the_largest_n():
    # a result just before date.max is found (the search window stops at date.max)
    out = StringIO()
    call_command("workdays", "add", "9999-12-01", "1", stdout=out, stderr=StringIO())
    assert out.getvalue() == "9999-12-02\n"  # a Thursday
    # and the largest N allowed is answered (the package's schedule for 2026, then Mon–Fri)
    out = StringIO()
    call_command("workdays", "add", "2026-01-01", "10000", stdout=out, stderr=StringIO())
    assert out.getvalue() == "2064-05-19\n"


def test_workdays_add_warns_for_an_uncovered_year():
    out, err = StringIO(), StringIO()
    call_command("workdays", "add", "2027-01-01", "1", stdout=out, stderr=err)
    assert out.getvalue() == "2027-01-04\n"
    assert "chinesecalendar 未收录 2027 年" in err.getvalue()


def test_workdays_set_command_records_an_override_and_audits_it():
    # when an admin marks 2027-01-04 off
    out = StringIO()
    call_command("workdays", "set", "2027-01-04", "off", "--note", "元旦", stdout=out)
    # then it prints the date, stores it, and leaves an audit row
    assert out.getvalue() == "2027-01-04 休息\n"
    assert list(CalendarOverride.objects.values_list("day", "is_working_day", "note")) == [
        (date(2027, 1, 4), False, "元旦")
    ]
    audit = AuditEntry.objects.get(action="calendar_override_set")
    assert audit.data == {"day": "2027-01-04", "is_working_day": False}
    # and add now skips it
    out = StringIO()
    call_command("workdays", "add", "2027-01-01", "1", stdout=out, stderr=StringIO())
    assert out.getvalue() == "2027-01-05\n"
    # setting it again updates the same row
    call_command("workdays", "set", "2027-01-04", "on", stdout=StringIO())
    assert list(CalendarOverride.objects.values_list("day", "is_working_day")) == [
        (date(2027, 1, 4), True)
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "2026-13-01", "1"], "日期格式应为 YYYY-MM-DD：2026-13-01"),
        (["add", "2026-09-30", "-1"], "N 不能为负数。"),
        (["set", "yesterday", "off"], "日期格式应为 YYYY-MM-DD：yesterday"),
        (["add", "9999-12-30", "5"], "结果超出可计算的日期范围（最晚 9999-12-31）。"),
        (["add", "2026-01-01", "99999999"], "N 不能超过 10000（约 40 年的工作日）。"),
        (["add", "2026-01-01", "10001"], "N 不能超过 10000（约 40 年的工作日）。"),
    ],
)
def test_workdays_command_errors(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("workdays", *args, stdout=StringIO())
    assert CalendarOverride.objects.count() == 0


def test_missing_calendar_years_until_an_override_is_entered():
    # given it is 2026: the package knows 2026 but not 2027
    assert calendar.missing_calendar_years(date(2026, 6, 1)) == [2027]
    assert calendar.missing_calendar_years(date(2027, 6, 1)) == [2027, 2028]
    # when any 2027 date is entered
    calendar_override_set(actor=None, day=date(2027, 1, 1), is_working_day=False)
    # then 2027 is no longer reported
    assert calendar.missing_calendar_years(date(2026, 6, 1)) == []


def test_system_check_warns_for_the_missing_year():
    with time_machine.travel(date(2026, 11, 25), tick=False):
        warnings = calendar_years_check(None)
    assert [(w.id, w.level) for w in warnings] == [("workdays.W001", 30)]
    assert warnings[0].msg.startswith("2027 年的法定节假日安排缺失")
    with time_machine.travel(date(2025, 3, 1), tick=False):
        assert calendar_years_check(None) == []
