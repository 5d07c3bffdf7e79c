"""The seven work-order indicators of a county over March 2026, from orders driven through
the real services on the days things happened; each number is checked against its
definition (numerator / denominator)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tongxin.appeals.tests.builders import REPLY, act, order_in
from tongxin.appeals.tests.factories import submit
from tongxin.insights.indicators import _counts, indicators_for_org, orders_in_scope

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=SH)  # a Monday
MARCH = {"org": "JJ", "start": "2026-03-01", "end": "2026-03-31"}


def _at(moment: datetime) -> time_machine.travel:
    return time_machine.travel(moment, tick=False)


def _dispatched(tree, cast, **data):
    return act(cast["admin"], submit(tree["city"], **data), "dispatch", to_org="JJKFQ")


def _replied(order, cast, **reply):
    handler = cast["handler"]
    order = act(handler, act(handler, order, "accept"), "start")
    return act(handler, order, "reply", reply=REPLY, **reply)


@pytest.fixture
def march(tree, cast):
    """Seven orders handled in county JJ's park, plus three that must not count."""
    operator = cast["operator"]
    with _at(T0):
        closed = order_in("closed", tree=tree, cast=cast)  # on time, satisfied, solved
        late = _dispatched(tree, cast)
        act(cast["handler"], act(cast["handler"], late, "accept"), "start")
        never_accepted = _dispatched(tree, cast)
        accepted_late = _dispatched(tree, cast)
        suggestion = _replied(
            _dispatched(tree, cast, nature="suggestion"), cast, suggestion_adopted="adopted"
        )
        unreachable = act(
            operator,
            _replied(_dispatched(tree, cast), cast, solved="1"),
            "revisit",
            result="unreachable",
        )
        reopened = act(
            operator,
            _replied(_dispatched(tree, cast), cast, solved="1"),
            "revisit",
            result="unsatisfied",
        )
        act(operator, submit(tree["town_a"]), "invalidate", note="骚扰电话")
        act(operator, submit(tree["town_a"]), "merge", duplicate_of=closed.tracking_code)
        submit(tree["county_b"])  # another county
    with _at(T0 - timedelta(days=10)):
        _dispatched(tree, cast)  # February
    with _at(T0 + timedelta(days=5)):
        act(cast["handler"], accepted_late, "accept")
    with _at(T0 + timedelta(days=30)):
        late = act(cast["handler"], late, "reply", reply=REPLY, solved="0")
        act(operator, late, "revisit", result="basically_satisfied")
    return {
        "closed": closed,
        "never_accepted": never_accepted,
        "suggestion": suggestion,
        "unreachable": unreachable,
        "reopened": reopened,
    }


def test_each_indicator_counts_by_its_definition(tree, march):
    with _at(T0 + timedelta(days=31)):
        rows = indicators_for_org(
            org=tree["county_a"], start=date(2026, 3, 1), end=date(2026, 3, 31)
        )
    got = {i.key: (i.numerator, i.denominator) for i in rows}
    assert got == {
        "received": (7, None),  # not the invalid, the merged, February's or county B's
        "accepted_on_time": (5, 7),  # late: the one accepted on day 5; the unsigned one
        "done": (4, 7),  # closed, late, suggestion, unreachable; not the reopened ones
        "done_on_time": (3, 4),  # the reply on day 30 was late
        "satisfied": (2, 3),  # satisfied + basically / all reached; unreachable left out
        "solved": (2, 3),  # requests only: the late one was not solved
        "suggestions_adopted": (1, 1),
    }


def test_api_gives_the_same_numbers_with_rates(api_for, tree, march):
    with _at(T0 + timedelta(days=31)):
        body = api_for("supervisor").get("/api/v1/insights/workorders", MARCH).json()
    by_key = {i["key"]: i for i in body["indicators"]}
    assert (body["org"], body["start"], body["end"]) == ("JJ", "2026-03-01", "2026-03-31")
    assert by_key["accepted_on_time"]["numerator"] == 5
    assert by_key["accepted_on_time"]["denominator"] == 7
    assert by_key["accepted_on_time"]["rate"] == "71.43"
    assert by_key["received"]["rate"] is None


def test_the_page_shows_numerators_and_denominators(client_for, tree, march):
    with _at(T0 + timedelta(days=31)):
        page = client_for("supervisor").get("/insights/workorders/", MARCH).content.decode()
    assert "按时签收率" in page
    assert "5 / 7" in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="index-only scans: PostgreSQL")
def test_the_indicators_are_read_from_the_index_alone(tree, march):
    """wo_indicators_idx must carry every column the indicators count: if a new indicator
    reads another column, this plan falls back to the table and the test says so."""
    lo, hi = datetime(2026, 3, 1, tzinfo=SH), datetime(2026, 4, 1, tzinfo=SH)
    qs = orders_in_scope(org=tree["county_a"], start=lo.date(), end=hi.date())
    sql = _counts_sql(qs)
    with connection.cursor() as cursor:
        # The test data is tiny: leave the planner nothing but index-only scans.
        for scan in ("seqscan", "bitmapscan", "indexscan"):
            cursor.execute(f"SET LOCAL enable_{scan} = off")
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using wo_indicators_idx" in plan, plan


def _counts_sql(qs) -> str:
    """The SQL of the indicators' one aggregate query, as sent (values inlined)."""
    with CaptureQueriesContext(connection) as ctx:
        _counts(qs)
    return ctx.captured_queries[-1]["sql"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        (
            {"start": "0001-01-01", "end": "2026-03-31"},
            "start",
            "开始日期应在 1900-01-01 至 2999-12-31 之间。",
        ),
        (
            {"start": "9999-12-01", "end": "9999-12-31"},
            "end",
            "结束日期应在 1900-01-01 至 2999-12-31 之间。",
        ),
        ({"end": "0001-01-01"}, "end", "结束日期应在 1900-01-01 至 2999-12-31 之间。"),
    ],
)
def test_api_refuses_dates_at_the_ends_of_the_calendar(api_for, tree, query, field, message):
    # given an order in the supervisor's scope
    submit(tree["town_a"])
    # when the indicators are asked for a period at the ends of Python's calendar
    response = api_for("supervisor").get("/api/v1/insights/workorders", {"org": "JJ", **query})
    # then it is a 400 naming the field, not an overflow
    body = response.json()
    assert (response.status_code, body["field"], body["message"]) == (400, field, message)
