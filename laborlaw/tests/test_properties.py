"""Property tests: never negative, monotone in wage and service, caps and floors respected."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

import laborlaw

money = st.decimals(min_value=0, max_value=200_000, places=2, allow_nan=False)
positive = st.decimals(min_value=1000, max_value=40_000, places=2, allow_nan=False)
starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2024, 6, 30))
days = st.integers(min_value=0, max_value=12_000)
grounds = st.sampled_from(
    [
        "mutual_employer_initiated",
        "art40_incompetent",
        "art41_layoff",
        "expiry_not_renewed",
        "worker_38_unpaid_wages",
        "employer_dissolution",
    ]
)


def _sev(
    start: date, end: date, wage: Decimal, avg: Decimal, minimum: Decimal, ground: str
) -> dict[str, object]:
    return laborlaw.calculate(
        "severance",
        {
            "start_date": start,
            "end_date": end,
            "avg_monthly_wage_12m": wage,
            "local_avg_monthly_wage": avg,
            "local_min_wage": minimum,
            "termination_ground": ground,
        },
    )


@settings(max_examples=200, deadline=None)
@given(starts, days, days, money, positive, st.decimals(1000, 3000, places=2), grounds)
def test_severance_properties(
    start: date,
    length: int,
    extra: int,
    wage: Decimal,
    avg: Decimal,
    minimum: Decimal,
    ground: str,
) -> None:
    end = max(start + timedelta(days=length), date(2008, 1, 1))
    r = _sev(start, end, wage, avg, minimum, ground)
    amount = Decimal(str(r["amount"]))
    assert amount >= 0
    base = Decimal(str(r["wage_base"]))
    # floor (实施条例 第27条) and cap (第47条第2款)
    assert base >= min(minimum, 3 * avg) - Decimal("0.01")
    assert base <= max(wage, minimum, Decimal(0)) + Decimal("0.01")
    if r["cap_applied"]:
        assert base == (3 * avg).quantize(Decimal("0.01"))
        assert Decimal(str(r["comp_months_post2008"])) <= 12
    # monotone in length of service
    later = _sev(start, end + timedelta(days=extra), wage, avg, minimum, ground)
    assert Decimal(str(later["amount"])) >= amount


@settings(max_examples=200, deadline=None)
@given(starts, days, money, money, positive, grounds)
def test_severance_monotone_in_wage_below_the_cliff(
    start: date, length: int, w1: Decimal, w2: Decimal, avg: Decimal, ground: str
) -> None:
    """Monotone in wage wherever the 12-year limit cannot bite (service ≤ 12 years after 2008);
    above it the statute itself has a cliff (see test_severance_cliff_at_cap)."""
    start = max(start, date(2008, 1, 1))
    end = start + timedelta(days=min(length, 4000))
    low, high = sorted((w1, w2))
    a = _sev(start, end, low, avg, Decimal(2000), ground)
    b = _sev(start, end, high, avg, Decimal(2000), ground)
    assert Decimal(str(b["amount"])) >= Decimal(str(a["amount"]))


@settings(max_examples=150, deadline=None)
@given(st.dates(date(2008, 1, 1), date(2024, 1, 1)), days, money, positive)
def test_damages_are_twice_severance_after_2008(
    start: date, length: int, wage: Decimal, avg: Decimal
) -> None:
    end = start + timedelta(days=length)
    facts = {
        "start_date": start,
        "end_date": end,
        "avg_monthly_wage_12m": wage,
        "local_avg_monthly_wage": avg,
        "local_min_wage": 2000,
    }
    n = laborlaw.calculate("severance", {**facts, "termination_ground": "art41_layoff"})
    d = laborlaw.calculate("unlawful_termination_damages", facts)
    # N is rounded once, 2N once (laborlaw.md §1.1): they agree to the fen
    assert abs(d["amount"] - 2 * n["amount"]) <= Decimal("0.01")


hours = st.decimals(min_value=0, max_value=200, places=1)


@settings(deadline=None)
@given(money, money, hours, hours, st.integers(0, 10), st.integers(0, 5))
def test_overtime_monotone(
    b1: Decimal, b2: Decimal, weekday: Decimal, more: Decimal, rest: int, holiday: int
) -> None:
    low, high = sorted((b1, b2))
    facts = {
        "weekday_extension_hours": weekday,
        "rest_day_days_without_comp_off": rest,
        "statutory_holiday_days": holiday,
    }
    a = laborlaw.calculate("overtime_pay", {**facts, "overtime_base_monthly": low})
    b = laborlaw.calculate("overtime_pay", {**facts, "overtime_base_monthly": high})
    c = laborlaw.calculate(
        "overtime_pay",
        {**facts, "overtime_base_monthly": high, "weekday_extension_hours": weekday + more},
    )
    assert 0 <= a["amount"] <= b["amount"] <= c["amount"]


@settings(deadline=None)
@given(
    st.integers(0, 45),
    st.dates(date(2000, 1, 1), date(2024, 12, 31)),
    st.integers(0, 800),
    st.integers(0, 20),
    money,
)
def test_annual_leave_bounds(
    years: int, start: date, length: int, taken: int, wage: Decimal
) -> None:
    end = start + timedelta(days=length)
    r = laborlaw.calculate(
        "annual_leave_pay",
        {
            "cumulative_work_years": years,
            "employer_start_date": start,
            "end_date": end,
            "days_taken_this_year": taken,
            "avg_monthly_wage_ex_overtime_12m": wage,
            "previous_continuous_12m_satisfied": True,
        },
    )
    assert r["amount"] >= 0
    if r["eligible"]:
        assert 0 <= r["prorated_days"] <= r["full_year_entitlement"] <= 15
        assert r["unused_days"] <= r["prorated_days"]


@settings(deadline=None)
@given(st.dates(date(2008, 1, 1), date(2024, 1, 1)), st.integers(0, 900), money)
def test_double_wage_new_hire_at_most_11_months(start: date, length: int, wage: Decimal) -> None:
    r = laborlaw.calculate(
        "double_wage",
        {
            "scenario": "new_hire",
            "employment_start_date": start,
            "end_date": start + timedelta(days=length),
            "monthly_wage": wage,
        },
    )
    assert 0 <= r["amount"] <= (11 * wage).quantize(Decimal("0.01")) + Decimal("0.01")


@settings(deadline=None)
@given(st.integers(1, 10), money, positive, st.decimals(1000, 3000, places=2))
def test_work_injury_clamp_and_floor(
    grade: int, own: Decimal, regional: Decimal, minimum: Decimal
) -> None:
    r = laborlaw.calculate(
        "work_injury_disability",
        {
            "grade": grade,
            "own_monthly_wage_12m": own,
            "regional_avg_monthly_wage": regional,
            "local_min_wage": minimum,
            "employer_cannot_arrange_work": True,
        },
    )
    used = r["own_wage_used"]
    assert (regional * Decimal("0.6")).quantize(Decimal("0.01")) <= used
    assert used <= (regional * 3).quantize(Decimal("0.01"))
    if r["monthly_disability_allowance"] is not None:
        assert r["monthly_disability_allowance"] >= minimum.quantize(Decimal("0.01"))


@settings(deadline=None)
@given(st.decimals(0, 100_000, places=2), st.integers(1, 24), st.booleans())
def test_penalty_range(owed: Decimal, months: int, ordered: bool) -> None:
    r = laborlaw.calculate(
        "wage_arrears_penalty",
        {
            "amount_owed": owed,
            "labor_bureau_order_issued": ordered,
            "order_deadline_missed": ordered,
        },
    )
    assume(r["owed"] is not None)
    assert 0 <= r["penalty_min"] <= r["penalty_max"] <= r["owed"]


@settings(max_examples=150, deadline=None)
@given(st.dates(date(1995, 1, 1), date(2024, 1, 1)), days, days, money, money, positive)
def test_damages_monotone_in_service_and_wage_below_the_cliff(
    start: date, length: int, extra: int, w1: Decimal, w2: Decimal, avg: Decimal
) -> None:
    """2N grows with service and with the wage; the one statutory cliff (the 12-year limit that
    comes with the 3× cap, 第47条第2款) is kept out by wages at or below 3× the average."""
    low, high = sorted((min(w1, 3 * avg), min(w2, 3 * avg)))
    end = start + timedelta(days=length)
    facts = {"start_date": start, "local_avg_monthly_wage": avg, "local_min_wage": 2000}
    short = laborlaw.calculate(
        "unlawful_termination_damages", {**facts, "end_date": end, "avg_monthly_wage_12m": low}
    )
    longer = laborlaw.calculate(
        "unlawful_termination_damages",
        {**facts, "end_date": end + timedelta(days=extra), "avg_monthly_wage_12m": low},
    )
    richer = laborlaw.calculate(
        "unlawful_termination_damages", {**facts, "end_date": end, "avg_monthly_wage_12m": high}
    )
    assert 0 <= short["amount"] <= longer["amount"]
    assert short["amount"] <= richer["amount"]
    assert short["amount"] == (2 * short["wage_base"] * short["comp_months"]).quantize(
        Decimal("0.01")
    )


@settings(deadline=None)
@given(money, money, st.integers(0, 20), st.dates(date(2010, 1, 1), date(2024, 12, 31)))
def test_annual_leave_monotone_in_wage(w1: Decimal, w2: Decimal, years: int, end: date) -> None:
    low, high = sorted((w1, w2))
    facts = {
        "cumulative_work_years": years,
        "employer_start_date": "2000-01-01",
        "end_date": end,
        "previous_continuous_12m_satisfied": True,
    }
    a = laborlaw.calculate("annual_leave_pay", {**facts, "avg_monthly_wage_ex_overtime_12m": low})
    b = laborlaw.calculate("annual_leave_pay", {**facts, "avg_monthly_wage_ex_overtime_12m": high})
    assert 0 <= a["amount"] <= b["amount"]


@settings(deadline=None)
@given(st.dates(date(2008, 1, 1), date(2024, 1, 1)), st.integers(0, 900), money, money)
def test_double_wage_monotone_in_wage_and_period(
    start: date, length: int, w1: Decimal, w2: Decimal
) -> None:
    low, high = sorted((w1, w2))
    facts = {"scenario": "open_ended_refused", "should_sign_open_ended_date": start}
    end = start + timedelta(days=length)
    a = laborlaw.calculate("double_wage", {**facts, "end_date": end, "monthly_wage": low})
    b = laborlaw.calculate("double_wage", {**facts, "end_date": end, "monthly_wage": high})
    c = laborlaw.calculate(
        "double_wage", {**facts, "end_date": end + timedelta(days=31), "monthly_wage": high}
    )
    assert 0 <= a["amount"] <= b["amount"] <= c["amount"]


relations = st.sampled_from(["spouse", "child", "parent", "sibling"])
dependants = st.lists(
    st.fixed_dictionaries(
        {"relation": relations, "widowed_elderly": st.booleans(), "orphan": st.booleans()}
    ),
    max_size=6,
)


@settings(deadline=None)
@given(money, positive, dependants)
def test_death_pensions_never_exceed_the_own_wage(
    own: Decimal, regional: Decimal, people: list[dict[str, object]]
) -> None:
    r = laborlaw.calculate(
        "work_injury_death",
        {"own_monthly_wage_12m": own, "regional_avg_monthly_wage": regional, "dependants": people},
    )
    wage = r["own_wage_used"]
    assert 0 <= r["dependant_pension_monthly"] <= wage
    assert r["cap_applied"] == (r["uncapped_total"] > wage)
    assert r["funeral_grant"] == (6 * regional).quantize(Decimal("0.01"))


@settings(deadline=None)
@given(money, st.sampled_from(["art40_medical", "art40_incompetent", "art40_objective_change"]))
def test_notice_pay_is_the_last_month_uncapped(wage: Decimal, ground: str) -> None:
    r = laborlaw.calculate(
        "notice_pay",
        {"termination_ground": ground, "notice_30_days_given": False, "last_month_wage": wage},
    )
    assert r["amount"] == wage.quantize(Decimal("0.01")) >= 0
