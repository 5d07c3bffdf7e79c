import json
from decimal import Decimal

import pytest
from django.test import Client

import laborlaw
from tongxin.core.models import AuditEntry

URL = "/api/v1/laborlaw/"


@pytest.fixture
def api(api_for):
    """A staff member's API client (the handler's bearer token)."""
    return api_for("handler")


def _post(client, name, body):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(URL + name, data, content_type="application/json")


def _expected(name, inputs):
    """The library's dict as JSON would carry it (Decimal → string)."""
    return json.loads(json.dumps(laborlaw.calculate(name, inputs), default=str))


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer tx_not-a-token"}])
def test_anonymous_or_bad_token_gets_401_and_nothing_is_written(db, headers):
    # given no token, or a token that was never issued
    client = Client(headers=headers)
    audit_before = AuditEntry.objects.count()
    # when listing or running a calculator
    listed = client.get(URL)
    ran = _post(client, "notice_pay", {"termination_ground": "art41_layoff"})
    # then both are refused with the API's 401 body, and nothing is recorded
    assert listed.status_code == ran.status_code == 401
    assert ran.json() == {
        "code": "unauthorized",
        "message": "需要有效的接口令牌。",
        "field": None,
        "extra": {},
    }
    assert AuditEntry.objects.count() == audit_before


def test_list_describes_every_calculator(api):
    response = api.get(URL)
    assert response.status_code == 200
    body = response.json()
    assert [c["name"] for c in body] == list(laborlaw.CALCULATORS)
    severance = body[0]
    assert severance["label_zh"] == "经济补偿"
    assert "local_min_wage" in severance["jurisdiction_params"]


@pytest.mark.parametrize(
    ("name", "inputs", "amount"),
    [
        (
            "severance",
            {
                "start_date": "2015-01-01",
                "end_date": "2023-08-31",
                "termination_ground": "art41_layoff",
                "avg_monthly_wage_12m": 40000,
                "local_avg_monthly_wage": 11000,
                "local_min_wage": 2420,
            },
            "297000.00",
        ),
        (
            "unlawful_termination_damages",
            {
                "comp_months": 8.5,
                "avg_monthly_wage_12m": 50000,
                "local_avg_monthly_wage": 13876,
                "already_paid": 392746,
            },
            "707676.00",
        ),
        (
            "overtime_pay",
            {
                "contract_monthly_wage": 6000,
                "contract_overtime_base_clause": 2420,
                "local_min_wage": 2420,
                "weekday_extension_hours": 10,
                "jurisdiction": "Beijing",
            },
            "517.24",
        ),
    ],
)
def test_happy_path_returns_the_library_dict(api, name, inputs, amount):
    response = _post(api, name, inputs)
    assert response.status_code == 200
    body = response.json()
    assert body["amount"] == amount
    expected = _expected(name, inputs)
    for key, value in expected.items():
        assert body[key] == value, key
    assert body["amount_in_words"] == laborlaw.amount_in_words(Decimal(amount))
    assert body["parameters_used"] == [u for u in body["parameters_used"] if u["origin"] == "typed"]


def test_place_fills_the_national_income_with_its_source(api):
    response = _post(
        api,
        "work_injury_death",
        {
            "place": "110000",
            "death_year": 2024,
            "own_monthly_wage_12m": 8000,
            "regional_avg_monthly_wage": 10000,
            "dependants": [{"relation": "spouse"}],
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["lump_sum_death_benefit"] == "1036420.00"
    assert body["amount_in_words"] == "壹佰零玖万陆仟肆佰贰拾元整"
    income = next(
        u
        for u in body["parameters_used"]
        if u["name"] == "prev_year_national_urban_disposable_income"
    )
    assert income["origin"] == "record"
    assert income["place"] == "CN"
    assert income["issuing_body"] == "国家统计局"
    assert income["valid_from"] == "2024-01-01"


def test_on_picks_the_beijing_min_wage(api):
    inputs = {"place": "110000", "on": "2025-09-01", "claim_type": "final_award_check"}
    inputs["claim_items"] = [{"name": "经济补偿", "amount": 30480, "kind": "severance"}]
    body = _post(api, "time_limits", inputs).json()
    used = {u["name"]: u for u in body["parameters_used"]}
    assert used["local_min_wage"]["value"] == "2540.00"


def test_unknown_calculator_is_400_naming_calculator(api):
    response = _post(api, "nope", {})
    assert response.status_code == 400
    assert response.json()["field"] == "calculator"


BAD_BODIES = [
    ("severance", "not json", "body"),
    ("severance", "[1, 2]", "body"),
    ("severance", '"a string"', "body"),
    ("severance", "null", "body"),
    ("severance", "1" * 5000, "body"),
    ("severance", "[" * 100000, "body"),
    ("severance", '{"a": ' + "1" * 5000 + "}", "body"),
    ("severance", {}, "termination_ground"),
    ("severance", {"termination_ground": 7}, "termination_ground"),
    ("severance", {"termination_ground": ["x"]}, "termination_ground"),
    ("severance", {"termination_ground": "art41_layoff", "comp_months": "abc"}, "comp_months"),
    ("severance", {"termination_ground": "art41_layoff", "comp_months": [1]}, "comp_months"),
    ("severance", {"termination_ground": "art41_layoff", "comp_months": {"a": 1}}, "comp_months"),
    ("severance", {"termination_ground": "art41_layoff", "comp_months": True}, "comp_months"),
    ("severance", {"termination_ground": "art41_layoff", "comp_months": -1}, "comp_months"),
    ("severance", {"termination_ground": "art41_layoff", "comp_months": 1e300}, "comp_months"),
    (
        "severance",
        {
            "termination_ground": "art41_layoff",
            "comp_months": 5,
            "avg_monthly_wage_12m": "9" * 4000,
        },
        "avg_monthly_wage_12m",
    ),
    (
        "severance",
        {
            "termination_ground": "art41_layoff",
            "start_date": "2020-13-01",
            "end_date": "2024-01-01",
        },
        "start_date",
    ),
    (
        "severance",
        {
            "termination_ground": "art41_layoff",
            "start_date": "0001-01-01",
            "end_date": "9999-12-31",
        },
        "start_date",
    ),
    (
        "severance",
        {"termination_ground": "art41_layoff", "start_date": 20200101, "end_date": "2024-01-01"},
        "start_date",
    ),
    ("severance", {"termination_ground": "art41_layoff", "monthly_wages": "8000"}, "monthly_wages"),
    ("severance", {"termination_ground": "art41_layoff", "monthly_wages": ["a"]}, "monthly_wages"),
    ("severance", {"termination_ground": "art41_layoff", "monthly_wages": [None]}, "monthly_wages"),
    ("severance", {"place": 110000}, "place"),
    ("severance", {"place": "999999"}, "place"),
    ("severance", {"on": "yesterday"}, "on"),
    ("severance", {"on": 20240101}, "on"),
    ("work_injury_death", {"dependants": "spouse"}, "dependants"),
    ("work_injury_death", {"dependants": [1, 2]}, "dependants"),
    ("work_injury_death", {"death_year": 10**12}, "death_year"),
    ("work_injury_death", {"death_year": "2024x"}, "death_year"),
    ("work_injury_death", {"death_year": "²"}, "death_year"),  # a digit int() refuses
    (
        "work_injury_disability",
        {"grade": 11, "own_monthly_wage_12m": 1, "regional_avg_monthly_wage": 1},
        "grade",
    ),
    (
        "work_injury_disability",
        {"grade": 1.5, "own_monthly_wage_12m": 1, "regional_avg_monthly_wage": 1},
        "grade",
    ),
    (
        "work_injury_disability",
        {"grade": None, "own_monthly_wage_12m": 1, "regional_avg_monthly_wage": 1},
        "grade",
    ),
    (
        "time_limits",
        {"claim_type": "severance", "employment_end_date": "2024-99"},
        "employment_end_date",
    ),
    (
        "time_limits",
        {"claim_type": "severance", "suspensions": [{"start": "x"}]},
        "suspensions[0].start",
    ),
    ("time_limits", {"claim_type": "severance", "interruptions": ["2024-02-30"]}, "interruptions"),
    ("time_limits", {"claim_type": "severance", "interruptions": "2024-02-01"}, "interruptions"),
    (
        "double_wage",
        {"scenario": "new_hire", "monthly_wage": 1e20, "employment_start_date": "2024-01-01"},
        "monthly_wage",
    ),
    (
        "double_wage",
        {"scenario": "new_hire", "monthly_wage": 9000, "employment_start_date": "2099-12-31"},
        None,
    ),
    (
        "overtime_pay",
        {"overtime_base_monthly": "NaN", "weekday_extension_hours": 1},
        "overtime_base_monthly",
    ),
    (
        "overtime_pay",
        {"overtime_base_monthly": "Infinity", "weekday_extension_hours": 1},
        "overtime_base_monthly",
    ),
    ("annual_leave_pay", {"employer_start_date": "2024-01-01", "year": -5}, "year"),
    ("final_wages", {"monthly_wage": 9000, "last_day_worked": "2024-02-30"}, "last_day_worked"),
    ("wage_arrears_penalty", {"amount_owed": {"x": 1}}, "amount_owed"),
]


@pytest.mark.parametrize(("name", "body", "field"), BAD_BODIES)
def test_bad_input_is_a_4xx_naming_the_field(api, name, body, field):
    response = _post(api, name, body)
    assert response.status_code < 500
    if response.status_code == 200:
        assert field is None  # a far-future date is odd but computable
        return
    assert response.status_code == 400
    payload = response.json()
    assert payload["field"]
    if field is not None:
        assert payload["field"] == field
    assert payload["message"]


def test_every_calculator_survives_every_input_set_to_junk(api):
    """Each input of each calculator, set in turn to each kind of junk: never a 500."""
    junk = ["", "x", "²", -1, 10**40, 1.5, True, None, [], [1], {"a": 1}, "2024-02-30", "9" * 400]
    for name in laborlaw.CALCULATORS:
        for spec in laborlaw.describe(name)["inputs"]:
            for value in junk:
                response = _post(api, name, {spec["name"]: value})
                assert response.status_code in (200, 400), (name, spec["name"], value)
                if response.status_code == 400:
                    assert response.json()["field"], (name, spec["name"], value)


@pytest.mark.parametrize(("body", "field"), [({"place": "11\x00"}, "place"), ({"\x00": 1}, "\x00")])
def test_nul_in_the_body_is_400_naming_the_field(api, body, field):
    audit_before = AuditEntry.objects.count()
    response = _post(api, "severance", body)
    assert response.status_code == 400
    assert (response.json()["code"], response.json()["field"]) == ("invalid_characters", field)
    assert AuditEntry.objects.count() == audit_before
