from datetime import date
from decimal import Decimal

import pytest

from tongxin.calculators.models import JurisdictionParameter, Place
from tongxin.calculators.tests.factories import JurisdictionParameterFactory, PlaceFactory

K = JurisdictionParameter.Key
L = Place.Level


@pytest.fixture
def places(db) -> dict[str, Place]:
    """country (seeded CN) ─ province 990000 ─ city 990100 ─┬─ district 990101 (tier 2)
    └─ district 990102 (no tier)"""
    country = Place.objects.get(code="CN")
    province = PlaceFactory(code="990000", name="测试省", level=L.PROVINCE, parent=country)
    city = PlaceFactory(code="990100", name="测试市", level=L.CITY, parent=province)
    tiered = PlaceFactory(
        code="990101", name="甲区", level=L.DISTRICT, parent=city, min_wage_tier=2
    )
    untiered = PlaceFactory(code="990102", name="乙县", level=L.DISTRICT, parent=city)
    return {
        "country": country,
        "province": province,
        "city": city,
        "tiered": tiered,
        "untiered": untiered,
    }


@pytest.fixture
def figures(places) -> dict[str, JurisdictionParameter]:
    """Province: average 8,000 and minimum wage by tier; city: its own average, two periods."""
    p, c = places["province"], places["city"]
    return {
        "province_avg": JurisdictionParameterFactory(
            place=p, value=Decimal("8000"), valid_from=date(2023, 1, 1)
        ),
        "min_t1": JurisdictionParameterFactory(
            place=p, key=K.LOCAL_MIN_WAGE, tier=1, value=Decimal("2100")
        ),
        "min_t2": JurisdictionParameterFactory(
            place=p, key=K.LOCAL_MIN_WAGE, tier=2, value=Decimal("1900")
        ),
        "city_avg_old": JurisdictionParameterFactory(
            place=c, value=Decimal("8500"), valid_from=date(2023, 7, 1), valid_to=date(2024, 6, 30)
        ),
        "city_avg_new": JurisdictionParameterFactory(
            place=c, value=Decimal("9000"), valid_from=date(2024, 7, 1)
        ),
    }
