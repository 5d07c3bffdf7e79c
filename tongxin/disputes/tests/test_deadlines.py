"""Statutory periods of a case (norms.md §3.3): calendar days from the next day, a last day
off rolls to the next working day; the acceptance decision in working days (调休 included)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tongxin.core.exceptions import ApplicationError
from tongxin.disputes import deadlines
from tongxin.disputes.tests.builders import act, open_case, signed_agreement
from tongxin.workdays.services import calendar_override_set

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 3, 2), date(2026, 3, 17)),  # a Tuesday: no roll
        (
            date(2026, 9, 16),
            date(2026, 10, 8),
        ),  # day 15 is 10-01, National Day: first working day after
        (date(2026, 9, 25), date(2026, 10, 10)),  # day 15 is the 调休 Saturday 10-10: a working day
        (date(2026, 9, 26), date(2026, 10, 12)),  # day 15 is Sunday 10-11: Monday
    ],
)
def test_fifteen_day_mediation_period(db, received, due):
    assert deadlines.mediation_due(received) == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2026, 9, 29), date(2026, 10, 9)),  # 09-30, 10-08, 10-09
        (date(2026, 10, 9), date(2026, 10, 13)),  # 10-10 (调休 Saturday), 10-12, 10-13
    ],
)
def test_acceptance_decision_in_three_working_days(db, received, due):
    assert deadlines.decision_due(received) == due


@pytest.mark.parametrize(
    ("source", "procedure", "due"),
    [
        ("court_delegated", "", date(2026, 10, 26)),  # 30 days: 10-24 is a Saturday
        ("court_entrusted", "ordinary", date(2026, 10, 9)),  # 15 days
        ("court_entrusted", "summary", date(2026, 10, 8)),  # 7 days: 10-01 is a holiday
        ("walk_in", "", None),
    ],
)
def test_court_referral_periods(db, source, procedure, due):
    assert (
        deadlines.referral_due(source=source, procedure=procedure, received_on=date(2026, 9, 24))
        == due
    )


def test_a_2027_period_follows_an_override(db):
    # chinese-calendar does not know 2027 yet: Monday-Friday, until admins record the schedule
    assert deadlines.mediation_due(date(2027, 1, 17)) == date(2027, 2, 1)
    calendar_override_set(actor=None, day=date(2027, 2, 1), is_working_day=False, note="测试")
    assert deadlines.mediation_due(date(2027, 1, 17)) == date(2027, 2, 2)


def test_case_carries_its_deadlines_from_receipt(tree, cast):
    case = open_case(cast["handler"], tree["town_a"], received_on=date(2026, 9, 16))
    # 09-17, 09-18 and Sunday 09-20, a 调休 working day before National Day
    assert (case.decision_due_on, case.mediation_due_on) == (date(2026, 9, 20), date(2026, 10, 8))


def test_judicial_confirmation_within_30_days_of_the_agreement(tree, cast, agencies):
    handler = cast["handler"]
    with time_machine.travel(datetime(2026, 9, 1, 9, tzinfo=SH), tick=False):
        case = signed_agreement(
            handler, tree["town_a"], signed_on=date(2026, 9, 1), pay_by="2026-12-31"
        )
    # 30 days after 09-01 is 10-01, a holiday: the last day is 10-08
    with time_machine.travel(datetime(2026, 10, 9, 9, tzinfo=SH), tick=False):
        with pytest.raises(ApplicationError) as exc:
            act(handler, case, "handover", kind="judicial_confirmation", agency="JJ-FY")
        assert (exc.value.code, exc.value.field) == ("too_late", "handed_on")
        act(
            handler,
            case,
            "handover",
            kind="judicial_confirmation",
            agency="JJ-FY",
            handed_on="2026-10-08",
        )
    handover = case.handovers.get()
    assert (handover.due_on, handover.legal_basis) == (
        date(2026, 10, 8),
        "《人民调解法》第三十三条；《民事诉讼法》第二百零五条",
    )
    case.refresh_from_db()
    assert case.status == "agreement_effective"  # confirming does not take the case away
