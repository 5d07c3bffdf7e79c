from datetime import date
from decimal import Decimal

from ninja import Schema


class IndicatorOut(Schema):
    key: str
    label: str
    numerator: int
    denominator: int | None
    rate: Decimal | None
    definition: str


class WorkOrderIndicatorsOut(Schema):
    org: str
    org_name: str
    start: date
    end: date
    indicators: list[IndicatorOut]
