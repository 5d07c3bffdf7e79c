"""Mediation indicators: the figures of a known set of cases, split by child org and month,
the handovers table, the scope of who asks, and a fixed number of queries."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.http import Http404

from tongxin.insights import mediation
from tongxin.insights.tests.conftest import END, START
from tongxin.orgs.selectors import org_get_for_user

PER_WORKER = Decimal("15000.00") + Decimal("1379.31")  # the collective case's two claims


def _fresh(username: str) -> User:
    """The user as a request would load it (no roles cached from building the cases)."""
    return User.objects.get(username=username)


def _values(figures: mediation.Figures) -> dict[str, tuple]:
    return {i.key: (i.numerator, i.denominator, i.rate) for i in figures.indicators}


def test_figures_of_county_a_in_the_period(mediation_cases, tree):
    # given the cases of March and April (and one from February, and county B's)
    # when county A's supervisor asks for county A
    report = mediation.mediation_report(
        user=_fresh("supervisor"), org=tree["county_a"], start=START, end=END
    )
    # then every figure is counted from the records of the five cases received in the period
    assert _values(report.total) == {
        "applications": (5, None, None),
        "accepted": (4, None, None),
        "refused": (1, None, None),
        "success": (3, None, None),
        "success_rate": (3, 4, Decimal("75.00")),
        # 03-02 and 03-20 within their 15 days; the late case signed 04-24, due 04-20
        "on_time_rate": (2, 3, Decimal("66.67")),
        # 1 + 12 + 2 + 1 workers of accepted cases; 1 + 5 + 1 of them under an agreement
        "workers": (16, None, None),
        "workers_agreed_rate": (7, 16, Decimal("43.75")),
        "collective": (1, None, None),
        "collective_workers": (12, None, None),
        "performance_rate": (Decimal("83300.00"), Decimal("85300.00"), Decimal("97.66")),
        "handovers": (3, None, None),
    }
    days = report.total.average_days
    assert (days.total, days.count, days.value) == (0 + 10 + 21, 3, Decimal("10.3"))
    amounts = {a.key: a.value for a in report.total.amounts}
    assert amounts == {
        # the refused application's 900.00 is not counted: it was never mediated
        "claimed": Decimal("2300.00") + 12 * PER_WORKER + 2 * Decimal("5000.00") + 4000,
        "agreed": Decimal("2300.00") + 5 * Decimal("16000.00") + Decimal("3000.00"),
        "settled_elsewhere": 7 * PER_WORKER,
        "recovered": Decimal("2300.00") + 5 * Decimal("16000.00") + 7 * PER_WORKER + 1000,
        "recovered_agreed": Decimal("2300.00") + 5 * Decimal("16000.00") + 1000,
    }
    assert amounts["recovered"] == Decimal("197955.17")
    assert all(a.value.as_tuple().exponent == -2 for a in report.total.amounts)


def test_handovers_by_kind_and_outcome(mediation_cases, tree):
    report = mediation.mediation_report(
        user=_fresh("supervisor"), org=tree["county_a"], start=START, end=END
    )
    assert [(h.kind, h.total, h.workers) for h in report.handovers] == [
        ("arbitration", 2, 7 + 2),
        ("judicial_confirmation", 1, 1),
    ]
    nonzero = [{o: n for o, n in h.outcomes.items() if n} for h in report.handovers]
    assert nonzero == [{"pending": 1, "settled": 1}, {"confirmed": 1}]
    assert report.handovers[0].counts == [1, 1, 0, 0, 0, 0, 0]


def test_split_by_child_org_and_by_month(mediation_cases, tree):
    report = mediation.mediation_report(
        user=_fresh("supervisor"), org=tree["county_a"], start=START, end=END
    )
    # the county's own case first, then town A's subtree (with the enterprise union below it)
    assert [(g.label, g.org) for g in report.by_child] == [
        ("晋江市总工会（本级）", None),
        ("晋江经济开发区工会", tree["town_a"]),
    ]
    own, town = (_values(g.figures) for g in report.by_child)
    assert (own["applications"], own["success_rate"]) == ((1, None, None), (0, 1, Decimal(0)))
    assert (town["applications"], town["success_rate"]) == ((4, None, None), (3, 3, 100))
    assert [g.figures.amount["recovered"].value for g in report.by_child] == [
        Decimal("0.00"),
        Decimal("197955.17"),
    ]
    assert [(g.label, g.figures.indicator["applications"].numerator) for g in report.by_month] == [
        ("2026-03", 2),
        ("2026-04", 3),
    ]


def test_child_figures_add_up_to_the_total(mediation_cases, tree):
    report = mediation.mediation_report(
        user=_fresh("admin"), org=tree["county_a"], start=START, end=END
    )
    for key in ("claimed", "agreed", "settled_elsewhere", "recovered"):
        parts = [g.figures.amount[key].value for g in report.by_child]
        months = [g.figures.amount[key].value for g in report.by_month]
        assert sum(parts) == sum(months) == report.total.amount[key].value


def test_the_outsider_sees_only_county_b(mediation_cases, tree):
    # given the outsider, a supervisor in county B
    outsider = _fresh("outsider")
    # when they ask for their own county
    report = mediation.mediation_report(user=outsider, org=tree["county_b"], start=START, end=END)
    # then only county B's case counts
    assert _values(report.total)["applications"] == (1, None, None)
    assert report.total.amount["recovered"].value == Decimal("800.00")
    assert report.handovers == []
    # and county A is not theirs to ask for
    with pytest.raises(Http404):
        org_get_for_user(user=outsider, code="JJ")


def test_an_org_passed_from_outside_the_scope_still_counts_nothing_of_it(mediation_cases, tree):
    # given a caller that skipped org_get_for_user: the cases stay scoped to the user anyway
    report = mediation.mediation_report(
        user=_fresh("outsider"), org=tree["county_a"], start=START, end=END
    )
    assert _values(report.total)["applications"] == (0, None, None)
    assert report.total.amount["claimed"].value == Decimal("0.00")


def test_the_city_sees_both_counties(mediation_cases, tree):
    report = mediation.mediation_report(
        user=_fresh("admin"), org=tree["city"], start=START, end=END
    )
    assert _values(report.total)["applications"] == (6, None, None)
    assert [(g.label, g.figures.indicator["applications"].numerator) for g in report.by_child] == [
        ("南安市总工会", 1),
        ("晋江市总工会", 5),
    ]


def test_a_handler_sees_their_town(mediation_cases, tree):
    report = mediation.mediation_report(
        user=_fresh("handler"), org=tree["town_a"], start=START, end=END
    )
    assert _values(report.total)["applications"] == (4, None, None)
    assert _values(report.total)["refused"] == (1, None, None)


def test_the_period_bounds_are_inclusive(mediation_cases, tree):
    day = mediation_cases["same_day"].received_on
    report = mediation.mediation_report(user=_fresh("admin"), org=tree["city"], start=day, end=day)
    assert _values(report.total)["applications"] == (1, None, None)
    assert [g.label for g in report.by_month] == ["2026-03"]


def test_no_cases_gives_no_rates(tree, cast):
    report = mediation.mediation_report(
        user=_fresh("supervisor"), org=tree["county_a"], start=START, end=END
    )
    assert {k: v for k, v in _values(report.total).items() if v[1] is not None} == {
        "success_rate": (0, 0, None),
        "on_time_rate": (0, 0, None),
        "workers_agreed_rate": (0, 0, None),
        "performance_rate": (Decimal("0.00"), Decimal("0.00"), None),
    }
    assert report.total.average_days.value is None
    assert report.by_child[0].label == "晋江经济开发区工会"  # no "本级" row without own cases


def test_the_report_takes_five_queries_however_many_cases(
    mediation_cases, tree, django_assert_num_queries
):
    # given a user as a request loads it
    user = _fresh("supervisor")
    # then: roles, agencies, the cases with their figures, the child orgs, the handovers
    with django_assert_num_queries(5):
        mediation.mediation_report(user=user, org=tree["county_a"], start=START, end=END)
