"""Handling deadlines: the most specific rule in force, working days with 调休, group wage arrears."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tongxin.appeals import deadlines
from tongxin.appeals.models import DeadlineRule
from tongxin.appeals.tests.builders import act
from tongxin.appeals.tests.factories import submit
from tongxin.workdays.services import calendar_override_set

SH = ZoneInfo("Asia/Shanghai")
MON = datetime(2026, 9, 14, 10, 0, tzinfo=SH)


def eod(y, m, d):
    return datetime(y, m, d, 23, 59, 59, tzinfo=SH)


def _rule(**kw):
    values = {"finish_working_days": 5, "effective_from": date(2020, 1, 1)} | kw
    return DeadlineRule.objects.create(**values)


@pytest.mark.parametrize(
    ("nature", "expected"),
    [
        ("request", eod(2026, 9, 20)),  # 一般 5 wd; 09-20 is the 调休 Sunday
        ("consult", eod(2026, 9, 16)),  # 咨询 2 wd
        ("suggestion", eod(2026, 10, 8)),  # 建议 13 wd, over Mid-Autumn and National Day
    ],
)
def test_seeded_rules_set_due_at_on_intake(tree, nature, expected):
    with time_machine.travel(MON, tick=False):
        order = submit(tree["town_a"], nature=nature)
    assert order.due_at == expected


def test_difficulty_picks_the_longer_limit(tree, cast):
    # given an order received on Monday 2026-09-14
    with time_machine.travel(MON, tick=False):
        order = submit(tree["town_a"])
        # when it is classified as 难点 (15 wd)
        order = act(cast["supervisor"], order, "classify", difficulty="hard")
    # then: 09-15..18, 09-20, 09-21..24, 09-28..30, 10-08, 10-09, 10-10 (调休 Saturday)
    assert order.due_at == eod(2026, 10, 10)


def test_org_rule_beats_the_global_rule(tree):
    # given a global consult rule (2 wd, seeded) and a county rule for everything (3 wd)
    _rule(org=tree["county_a"], finish_working_days=3)
    # then an order below the county uses the county rule even though the global one names
    # the nature; an order elsewhere keeps the global rule
    rule = deadlines.rule_for(org=tree["ent_a"], nature="consult", difficulty="normal", on=MON)
    assert rule.finish_working_days == 3
    rule = deadlines.rule_for(org=tree["county_b"], nature="consult", difficulty="normal", on=MON)
    assert rule.finish_working_days == 2


def test_nearer_org_beats_farther_org(tree):
    _rule(org=tree["city"], finish_working_days=7)
    _rule(org=tree["town_a"], finish_working_days=4)
    _rule(org=tree["county_a"], finish_working_days=6)
    pick = deadlines.rule_for
    assert (
        pick(org=tree["ent_a"], nature="request", difficulty="normal", on=MON).org == tree["town_a"]
    )
    assert (
        pick(org=tree["county_a"], nature="request", difficulty="normal", on=MON).org
        == tree["county_a"]
    )
    assert (
        pick(org=tree["county_b"], nature="request", difficulty="normal", on=MON).org
        == tree["city"]
    )


def test_nature_then_difficulty_decide_within_one_org(tree):
    _rule(org=tree["county_a"], finish_working_days=9)
    _rule(org=tree["county_a"], difficulty="hard", finish_working_days=20)
    _rule(org=tree["county_a"], nature="request", finish_working_days=8)
    _rule(org=tree["county_a"], nature="request", difficulty="hard", finish_working_days=25)

    def days(nature, difficulty):
        return deadlines.rule_for(
            org=tree["town_a"], nature=nature, difficulty=difficulty, on=MON
        ).finish_working_days

    assert days("request", "hard") == 25
    assert days("request", "normal") == 8
    assert days("complaint", "hard") == 20
    assert days("complaint", "normal") == 9


def test_rules_apply_only_within_their_effective_dates(tree):
    # given an older rule in force, a newer one that expired, and a future one
    _rule(
        org=tree["county_a"],
        finish_working_days=3,
        effective_from=date(2025, 6, 1),
        effective_to=date(2026, 9, 13),
    )
    _rule(org=tree["county_a"], finish_working_days=4, effective_from=date(2026, 9, 15))
    _rule(org=tree["county_a"], finish_working_days=6, effective_from=date(2025, 1, 1))

    def days(on):
        return deadlines.rule_for(
            org=tree["town_a"], nature="request", difficulty="normal", on=on
        ).finish_working_days

    assert days(MON) == 6
    assert days(MON - timedelta(days=1)) == 3  # the last day of the expired rule
    assert days(MON + timedelta(days=1)) == 4  # the newer rule wins from its first day


def test_last_resort_when_every_rule_is_deleted(tree):
    DeadlineRule.objects.all().delete()
    rule = deadlines.rule_for(org=tree["town_a"], nature="request", difficulty="normal", on=MON)
    assert (rule.accept_working_days, rule.finish_working_days, rule.urgent_accept_hours) == (
        1,
        5,
        1,
    )


def test_group_wage_arrears_must_be_accepted_within_one_hour(tree, cast):
    # given an appeal by 12 workers about unpaid wages, dispatched on 2026-09-30 at 16:20
    with time_machine.travel(MON, tick=False):
        order = submit(tree["county_a"], workers_involved="12", wage_arrears="1")
    assert (order.is_group, order.wage_arrears) == (True, True)
    when = datetime(2026, 9, 30, 16, 20, tzinfo=SH)
    with time_machine.travel(when, tick=False):
        order = act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    # then it must be signed for within the hour, holiday or not
    assert order.accept_due_at == when + timedelta(hours=1)


@pytest.mark.parametrize(("workers", "arrears"), [("9", "1"), ("12", "")])
def test_other_orders_get_a_working_day_to_accept(tree, cast, workers, arrears):
    # given 9 workers with arrears (not a group), or a group without arrears
    order = submit(tree["county_a"], workers_involved=workers, wage_arrears=arrears)
    when = datetime(2026, 9, 30, 16, 20, tzinfo=SH)
    # when dispatched on the eve of National Day
    with time_machine.travel(when, tick=False):
        order = act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    # then the accept deadline is the end of the next working day, after the holiday
    assert order.accept_due_at == eod(2026, 10, 8)


def test_org_rule_urgent_hours_apply(tree, cast):
    _rule(org=tree["county_a"], urgent_accept_hours=2)
    order = submit(tree["county_a"], workers_involved="30", wage_arrears="1")
    when = datetime(2026, 9, 14, 9, 0, tzinfo=SH)
    with time_machine.travel(when, tick=False):
        order = act(cast["dispatcher"], order, "dispatch", to_org="JJKFQ")
    assert order.accept_due_at == when + timedelta(hours=2)


def test_2027_deadline_without_and_with_an_override(tree):
    # given 2027 is not in chinesecalendar 1.11: Mon–Fri only (New Year's Day would count)
    received = datetime(2026, 12, 30, 10, 0, tzinfo=SH)  # Wednesday
    with time_machine.travel(received, tick=False):
        before = submit(tree["town_a"], nature="consult")
    # 2 wd: 12-31, 2027-01-01 (a Friday, not known to be a holiday)
    assert before.due_at == eod(2027, 1, 1)
    # when the admin enters 2027-01-01 as a holiday
    calendar_override_set(actor=None, day=date(2027, 1, 1), is_working_day=False, note="元旦")
    with time_machine.travel(received, tick=False):
        after = submit(tree["town_a"], nature="consult")
    # then the same appeal is due on Monday 01-04
    assert after.due_at == eod(2027, 1, 4)


def test_a_rule_edited_in_the_admin_applies_to_the_next_intake(tree, cast, client):
    # given the rules already in memory from an intake (5 working days for a normal request)
    before = submit(tree["town_a"])
    rule = DeadlineRule.objects.get(org=None, nature="", difficulty="normal")
    # when an admin sets the default limit to 8 working days
    cast["admin"].is_staff = cast["admin"].is_superuser = True
    cast["admin"].save()
    client.force_login(cast["admin"])
    form = {
        "nature": "",
        "difficulty": "",
        "accept_working_days": rule.accept_working_days,
        "finish_working_days": 8,
        "urgent_accept_hours": rule.urgent_accept_hours,
        "effective_from": rule.effective_from.isoformat(),
    }
    response = client.post(f"/admin/appeals/deadlinerule/{rule.pk}/change/", form)
    assert response.status_code == 302
    # then the next appeal's deadline follows at once
    after = submit(tree["town_a"])
    assert (
        deadlines.rule_for(
            org=tree["town_a"], nature="request", difficulty="normal", on=MON
        ).finish_working_days
        == 8
    )
    assert after.due_at > before.due_at
