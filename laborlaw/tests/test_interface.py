"""The public interface: errors, descriptions, result shape."""

from __future__ import annotations

import json

import pytest

import laborlaw
from laborlaw import InputError


def test_unknown_calculator() -> None:
    with pytest.raises(InputError) as err:
        laborlaw.calculate("bonus", {})
    assert err.value.field == "calculator"
    assert "bonus" in err.value.message_en
    assert "未知" in err.value.message_zh


@pytest.mark.parametrize(
    ("calculator", "inputs", "field"),
    [
        ("severance", {"start_date": "2020-01-01", "end_date": "2024-01-01"}, "termination_ground"),
        ("severance", {"termination_ground": "layoff"}, "termination_ground"),
        (
            "severance",
            {
                "termination_ground": "art41_layoff",
                "start_date": "2020-01-01",
                "end_date": "2024-01-01",
                "avg_monthly_wage_12m": "abc",
            },
            "avg_monthly_wage_12m",
        ),
        (
            "severance",
            {
                "termination_ground": "art41_layoff",
                "start_date": "2020-01-01",
                "end_date": "2024-01-01",
                "avg_monthly_wage_12m": -1,
            },
            "avg_monthly_wage_12m",
        ),
        (
            "severance",
            {
                "termination_ground": "art41_layoff",
                "end_date": "2024-01-01",
                "avg_monthly_wage_12m": 5000,
            },
            "start_date",
        ),
        (
            "severance",
            {
                "termination_ground": "art41_layoff",
                "start_date": "2020-13-01",
                "end_date": "2024-01-01",
                "avg_monthly_wage_12m": 5000,
            },
            "start_date",
        ),
        (
            "notice_pay",
            {"termination_ground": "art40_medical", "notice_30_days_given": False},
            "last_month_wage",
        ),
        ("overtime_pay", {"weekday_extension_hours": 3}, "overtime_base_monthly"),
        ("double_wage", {"scenario": "new_hire", "monthly_wage": 5000}, "employment_start_date"),
        (
            "work_injury_disability",
            {"grade": 11, "own_monthly_wage_12m": 1, "regional_avg_monthly_wage": 1},
            "grade",
        ),
        (
            "work_injury_death",
            {
                "own_monthly_wage_12m": 8000,
                "regional_avg_monthly_wage": 9000,
                "dependants": [{"relation": "cousin"}],
            },
            "dependants[0].relation",
        ),
        (
            "work_injury_death",
            {"regional_avg_monthly_wage": 9000, "death_during_stop_work_period": False},
            "grade",
        ),
        ("overtime_pay", {"piece_rate": 2, "weekday_extension_hours": 3}, "overtime_base_monthly"),
        ("time_limits", {"claim_type": "severance"}, "employment_end_date"),
        (
            "annual_leave_pay",
            {"employer_start_date": "2020-01-01", "end_date": "2024-01-01"},
            "cumulative_work_years",
        ),
    ],
)
def test_input_errors_name_the_field(
    calculator: str, inputs: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as err:
        laborlaw.calculate(calculator, inputs)
    assert err.value.field == field
    assert err.value.message_zh
    assert err.value.message_en


@pytest.mark.parametrize("name", list(laborlaw.CALCULATORS))
def test_describe(name: str) -> None:
    spec = laborlaw.describe(name)
    json.dumps(spec, ensure_ascii=False)  # JSON-serialisable for the API
    assert spec["name"] == name
    assert spec["label_zh"]
    assert spec["basis"]
    inputs = spec["inputs"]
    assert isinstance(inputs, list)
    assert inputs
    for item in inputs:
        assert {
            "name",
            "type",
            "required",
            "label_zh",
            "label_en",
            "help",
            "jurisdiction_param",
        } <= set(item)


def test_jurisdiction_parameters_are_marked() -> None:
    params = laborlaw.describe("severance")["jurisdiction_params"]
    assert "local_avg_monthly_wage" in params
    assert "local_min_wage" in params
    death = laborlaw.describe("work_injury_death")["jurisdiction_params"]
    assert "prev_year_national_urban_disposable_income" in death


def test_result_shape_and_citations() -> None:
    r = laborlaw.calculate(
        "severance",
        {
            "termination_ground": "art41_layoff",
            "start_date": "2015-01-01",
            "end_date": "2023-08-31",
            "avg_monthly_wage_12m": 40000,
            "local_avg_monthly_wage": 11000,
            "local_min_wage": 2420,
            "unknown_key": 1,
        },
    )
    assert r["amount"] == 297000
    assert "cap_3x_applied" in r["flags"]
    assert any("第47条" in b for b in r["basis"])
    for c in r["components"]:
        assert {"label", "formula", "value", "basis"} <= set(c)
    assert r["ignored_inputs"] == ["unknown_key"]


def test_missing_wage_falls_back_to_the_floor_with_a_flag() -> None:
    r = laborlaw.calculate(
        "severance",
        {"termination_ground": "art41_layoff", "comp_months": 2, "local_min_wage": 2000},
    )
    assert r["amount"] == 4000
    assert "wage_base_not_given" in r["flags"]
