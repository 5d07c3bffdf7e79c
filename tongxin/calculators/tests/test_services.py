from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

import laborlaw
from tongxin.calculators import services
from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.calculators.tests.factories import JurisdictionParameterFactory
from tongxin.core.exceptions import ApplicationError
from tongxin.core.models import AuditEntry

K = JurisdictionParameter.Key


def _set(place, **kwargs):
    defaults = {
        "actor": None,
        "place": place,
        "key": K.LOCAL_AVG_MONTHLY_WAGE,
        "value": Decimal("9000"),
        "valid_from": date(2024, 1, 1),
        "issuing_body": "测试市统计局",
    }
    return services.jurisdiction_parameter_set(**{**defaults, **kwargs})


def test_set_writes_the_row_and_an_audit_entry(places, cast):
    row = _set(places["city"], actor=cast["admin"], valid_to=date(2024, 12, 31))
    entry = AuditEntry.objects.get(
        object_type="calculators.jurisdictionparameter", object_id=str(row.pk)
    )
    assert entry.action == "jurisdiction_parameter_add"
    assert entry.actor == cast["admin"]
    assert entry.data["value"] == "9000"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ({"valid_to": None}, {"valid_from": date(2030, 1, 1)}),  # open-ended first
        ({"valid_to": date(2024, 12, 31)}, {"valid_from": date(2024, 12, 31)}),  # one shared day
        ({"valid_to": date(2024, 12, 31)}, {"valid_from": date(2023, 1, 1), "valid_to": None}),
    ],
)
def test_overlapping_validity_is_refused(places, first, second):
    # given one figure for the city
    _set(places["city"], **first)
    # when a second one overlaps it
    with pytest.raises(ApplicationError) as exc:
        _set(places["city"], **second)
    # then it is refused, naming the field, and nothing was written
    assert exc.value.code == "overlap"
    assert exc.value.field == "valid_from"
    assert JurisdictionParameter.objects.filter(place=places["city"]).count() == 1


def test_adjacent_periods_are_accepted(places):
    _set(places["city"], valid_to=date(2024, 6, 30))
    _set(places["city"], valid_from=date(2024, 7, 1), value=Decimal("9500"))
    assert JurisdictionParameter.objects.filter(place=places["city"]).count() == 2


def test_min_wage_tiers_overlap_only_with_the_same_tier_or_all_tiers(places):
    province = places["province"]
    _set(province, key=K.LOCAL_MIN_WAGE, tier=1, value=Decimal("2100"))
    _set(province, key=K.LOCAL_MIN_WAGE, tier=2, value=Decimal("1900"))
    with pytest.raises(ApplicationError):
        _set(province, key=K.LOCAL_MIN_WAGE, tier=2, value=Decimal("1950"))
    with pytest.raises(ApplicationError):
        _set(province, key=K.LOCAL_MIN_WAGE, tier=None, value=Decimal("2000"))


def test_updating_a_row_does_not_clash_with_itself(places):
    row = _set(places["city"])
    changed = services.jurisdiction_parameter_set(
        actor=None,
        place=places["city"],
        key=row.key,
        value=Decimal("9100"),
        valid_from=row.valid_from,
        issuing_body=row.issuing_body,
        parameter=row,
    )
    assert changed.pk == row.pk
    assert AuditEntry.objects.filter(action="jurisdiction_parameter_change").count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"key": K.DOUBLE_WAGE_GAP_RULE, "value": Decimal("1")}, "value"),
        ({"key": K.DOUBLE_WAGE_GAP_RULE, "value": None, "choice": "made_up"}, "choice"),
        ({"value": None}, "value"),
        ({"choice": "beijing_q57"}, "choice"),
        ({"tier": 2}, "tier"),
        ({"valid_to": date(2023, 12, 31)}, "valid_to"),
    ],
)
def test_values_of_the_wrong_kind_are_refused(places, kwargs, field):
    with pytest.raises(ApplicationError) as exc:
        _set(places["city"], **kwargs)
    assert exc.value.field == field


def test_rule_choice_accepts_the_library_choices(places):
    row = _set(places["city"], key=K.SEVERANCE_PRE2008_CAP_3X, value=None, choice="true")
    assert row.choice == "true"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="exclusion constraints: PostgreSQL")
def test_database_refuses_overlap_that_bypasses_the_service(places):
    JurisdictionParameterFactory(place=places["city"], valid_from=date(2024, 1, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        JurisdictionParameterFactory(place=places["city"], valid_from=date(2024, 6, 1))


# --------------------------------------------------------------------------- calculation_run


def test_parameters_filled_from_the_place_when_omitted(places, figures):
    inputs = {
        "termination_ground": "art41_layoff",
        "start_date": "2015-01-01",
        "end_date": "2024-08-31",
        "avg_monthly_wage_12m": 40000,
    }
    # when the city's district is given, the end date picks the city's 9,000 average
    result = services.calculation_run(calculator="severance", inputs=inputs, place=places["tiered"])
    expected = laborlaw.calculate(
        "severance", {**inputs, "local_avg_monthly_wage": 9000, "local_min_wage": 1900}
    )
    assert result["amount"] == expected["amount"] == Decimal("270000.00")
    assert result["parameters_date"] == "2024-08-31"
    used = {u["name"]: u for u in result["parameters_used"]}
    assert used["local_avg_monthly_wage"]["origin"] == "record"
    assert used["local_avg_monthly_wage"]["place"] == "990100"
    assert used["local_avg_monthly_wage"]["document_no"] == "测试〔2024〕1号"
    assert used["local_min_wage"]["value"] == Decimal("1900")


def test_typed_values_win_over_the_place(places, figures):
    inputs = {
        "termination_ground": "art41_layoff",
        "start_date": "2015-01-01",
        "end_date": "2024-08-31",
        "avg_monthly_wage_12m": 40000,
        "local_avg_monthly_wage": "11000",
    }
    result = services.calculation_run(calculator="severance", inputs=inputs, place=places["tiered"])
    assert result["amount"] == Decimal("330000.00")  # 3 × 11,000 × 10 months
    used = {u["name"]: u for u in result["parameters_used"]}
    assert used["local_avg_monthly_wage"]["origin"] == "typed"
    assert used["local_avg_monthly_wage"]["record_value"] == Decimal("9000")


def test_explicit_date_picks_the_period(places, figures):
    result = services.calculation_run(
        calculator="severance",
        inputs={
            "termination_ground": "art41_layoff",
            "comp_months": 9,
            "avg_monthly_wage_12m": 40000,
        },
        place=places["tiered"],
        on=date(2024, 1, 15),
    )
    assert result["amount"] == Decimal("229500.00")  # 3 × 8,500 (the old city figure) × 9
    assert result["parameters_date_source"] == "given"


def test_holiday_calendar_filled_from_workdays(db):
    # given a deadline on 2024-10-01 (National Day) and a claim filed on 2024-10-08
    inputs = {
        "claim_type": "severance",
        "employment_end_date": "2023-10-01",
        "application_date": "2024-10-08",
    }
    # when run through the service, the official holidays roll the deadline past the week off
    result = services.calculation_run(calculator="time_limits", inputs=inputs)
    assert result["deadline"] == "2024-10-08"
    assert result["time_barred"] is False
    # whereas the library alone only knows weekends
    assert laborlaw.calculate("time_limits", inputs)["time_barred"] is True


def test_input_error_becomes_application_error_naming_the_field(db):
    with pytest.raises(ApplicationError) as exc:
        services.calculation_run(
            calculator="severance",
            inputs={"termination_ground": "art41_layoff", "comp_months": "x"},
        )
    assert exc.value.field == "comp_months"
    assert "补偿月数" in exc.value.message


def test_unknown_calculator_names_calculator(db):
    with pytest.raises(ApplicationError) as exc:
        services.calculation_run(calculator="nope", inputs={})
    assert exc.value.field == "calculator"


def test_amount_in_words_added(db):
    result = services.calculation_run(
        calculator="severance",
        inputs={
            "termination_ground": "art41_layoff",
            "comp_months": 10,
            "avg_monthly_wage_12m": 46300,
        },
    )
    assert result["amount"] == Decimal("463000.00")
    assert result["amount_in_words"] == "肆拾陆万叁仟元整"


def test_delete_keeps_the_figure_in_the_audit_entry(places, cast):
    row = _set(places["city"], document_no="测试〔2024〕9号")
    services.jurisdiction_parameter_delete(actor=cast["admin"], parameter=row)
    assert not JurisdictionParameter.objects.filter(place=places["city"]).exists()
    entry = AuditEntry.objects.get(action="jurisdiction_parameter_delete")
    assert entry.actor == cast["admin"]
    assert entry.data["value"] == "9000"
    assert entry.data["document_no"] == "测试〔2024〕9号"


def test_place_in_use_is_not_deleted_and_nothing_is_audited(places, figures):
    with pytest.raises(ApplicationError) as exc:
        services.place_delete(actor=None, place=places["city"])
    assert exc.value.code == "place_in_use"
    assert Place.objects.filter(code="990100").exists()
    assert not AuditEntry.objects.filter(action="place_delete").exists()


def test_place_save_validates_the_code(places):
    with pytest.raises(ValidationError):
        services.place_save(actor=None, place=Place(code="12", name="坏", level="city"))
    assert not AuditEntry.objects.filter(action="place_add").exists()
