from datetime import date
from decimal import Decimal

from tongxin.calculators import selectors
from tongxin.calculators.models import JurisdictionParameter
from tongxin.calculators.tests.factories import JurisdictionParameterFactory

K = JurisdictionParameter.Key


def test_nearest_place_wins_and_date_picks_the_period(places, figures):
    # given a province average of 8,000 and a city average that changed on 2024-07-01
    # when a district of that city asks, before and after the change
    before = selectors.parameters_for(place=places["tiered"], on=date(2024, 6, 30))
    after = selectors.parameters_for(place=places["tiered"], on=date(2024, 7, 1))
    # then the city's figure in force that day is used, with its provenance
    assert before[K.LOCAL_AVG_MONTHLY_WAGE].value == Decimal("8500")
    assert after[K.LOCAL_AVG_MONTHLY_WAGE].value == Decimal("9000")
    assert after[K.LOCAL_AVG_MONTHLY_WAGE].place_code == "990100"
    assert after[K.LOCAL_AVG_MONTHLY_WAGE].issuing_body == "测试市统计局"
    assert after[K.LOCAL_AVG_MONTHLY_WAGE].valid_from == date(2024, 7, 1)


def test_before_the_city_published_the_province_figure_applies(places, figures):
    found = selectors.parameters_for(place=places["tiered"], on=date(2023, 3, 1))
    assert found[K.LOCAL_AVG_MONTHLY_WAGE].value == Decimal("8000")
    assert found[K.LOCAL_AVG_MONTHLY_WAGE].place_code == "990000"


def test_nothing_in_force_before_any_validity(places, figures):
    assert K.LOCAL_AVG_MONTHLY_WAGE not in selectors.parameters_for(
        place=places["tiered"], on=date(2022, 12, 31)
    )


def test_min_wage_for_the_district_tier(places, figures):
    found = selectors.parameters_for(place=places["tiered"], on=date(2024, 8, 1))
    assert found[K.LOCAL_MIN_WAGE].value == Decimal("1900")
    assert found[K.LOCAL_MIN_WAGE].tier == 2


def test_district_without_tier_gets_only_an_all_tier_figure(places, figures):
    assert K.LOCAL_MIN_WAGE not in selectors.parameters_for(
        place=places["untiered"], on=date(2024, 8, 1)
    )
    JurisdictionParameterFactory(
        place=places["city"], key=K.LOCAL_MIN_WAGE, value=Decimal("2000"), tier=None
    )
    found = selectors.parameters_for(place=places["untiered"], on=date(2024, 8, 1))
    assert found[K.LOCAL_MIN_WAGE].value == Decimal("2000")


def test_national_figures_reach_every_district(places, figures):
    found = selectors.parameters_for(place=places["untiered"], on=date(2024, 5, 1))
    income = found[K.PREV_YEAR_NATIONAL_URBAN_DISPOSABLE_INCOME]
    assert income.value == Decimal("51821")
    assert income.place_code == "CN"
    assert income.issuing_body == "国家统计局"


def test_rule_choice_comes_back_as_its_code(places):
    JurisdictionParameterFactory(
        place=places["city"], key=K.DOUBLE_WAGE_GAP_RULE, value=None, choice="one_month_grace"
    )
    found = selectors.parameters_for(place=places["tiered"], on=date(2024, 8, 1))
    assert found[K.DOUBLE_WAGE_GAP_RULE].value == "one_month_grace"
