from datetime import date
from decimal import Decimal

import pytest

from tongxin.calculators import selectors
from tongxin.calculators.models import JurisdictionParameter, Place

K = JurisdictionParameter.Key
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("on", "value"),
    [(date(2017, 6, 1), "33616"), (date(2024, 1, 1), "51821"), (date(2025, 12, 31), "54188")],
)
def test_seeded_national_disposable_income_with_its_source(on, value):
    found = selectors.parameters_for(place=Place.objects.get(code="CN"), on=on)
    income = found[K.PREV_YEAR_NATIONAL_URBAN_DISPOSABLE_INCOME]
    assert income.value == Decimal(value)
    assert income.issuing_body == "国家统计局"
    assert "居民收入和消费支出情况" in income.document_no


def test_seeded_beijing_min_wage_from_2025_09_01():
    beijing = Place.objects.get(code="110000")
    assert K.LOCAL_MIN_WAGE not in selectors.parameters_for(place=beijing, on=date(2025, 8, 31))
    found = selectors.parameters_for(place=beijing, on=date(2025, 9, 1))
    assert found[K.LOCAL_MIN_WAGE].value == Decimal("2540")
    assert found[K.LOCAL_MIN_WAGE].issuing_body == "北京市人力资源和社会保障局"


def test_seeded_beijing_rule_choices_cite_the_answers():
    found = selectors.parameters_for(place=Place.objects.get(code="110000"), on=date(2024, 5, 1))
    assert found[K.DOUBLE_WAGE_GAP_RULE].value == "beijing_from_next_day"
    assert found[K.DOUBLE_WAGE_LIMITATION_RULE].value == "beijing_count_back_by_day"
    assert found[K.OVERTIME_BASE_RULE].value == "beijing_q57"
    assert "京高法发〔2024〕534号" in found[K.OVERTIME_BASE_RULE].document_no
    assert found[K.OVERTIME_BASE_RULE].source_url.startswith("https://www.beijing.gov.cn/")


def test_every_seeded_figure_states_its_source():
    rows = JurisdictionParameter.objects.all()
    assert rows.count() == 7
    assert all(r.issuing_body and r.note for r in rows)


def test_demo_places_are_seeded_without_figures():
    for code in ["350500", "350582", "210200", "210214", "371400", "371425"]:
        place = Place.objects.get(code=code)
        assert not place.parameters.exists()
    assert Place.objects.get(code="350582").parent.code == "350500"
    assert Place.objects.get(code="350500").parent.parent.code == "CN"
