from datetime import date
from decimal import Decimal

import factory

from tongxin.calculators.models import JurisdictionParameter, Place


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{990000 + n:06d}")
    name = factory.Sequence(lambda n: f"测试地区{n}")
    level = Place.Level.PROVINCE
    parent = None


class JurisdictionParameterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JurisdictionParameter

    place = factory.SubFactory(PlaceFactory)
    key = JurisdictionParameter.Key.LOCAL_AVG_MONTHLY_WAGE
    value = Decimal("9000")
    choice = ""
    valid_from = date(2024, 1, 1)
    valid_to = None
    issuing_body = "测试市统计局"
    document_no = "测试〔2024〕1号"
