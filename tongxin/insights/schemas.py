from datetime import date
from decimal import Decimal

from ninja import Schema


class IndicatorOut(Schema):
    key: str
    label: str
    numerator: int | Decimal
    denominator: int | Decimal | None
    rate: Decimal | None
    definition: str


class WorkOrderIndicatorsOut(Schema):
    org: str
    org_name: str
    start: date
    end: date
    indicators: list[IndicatorOut]


class AmountOut(Schema):
    key: str
    label: str
    value: Decimal
    definition: str


class AverageOut(Schema):
    key: str
    label: str
    total: int
    count: int
    value: Decimal | None
    definition: str


class HandoverRowOut(Schema):
    kind: str
    label: str
    total: int
    workers: int
    outcomes: dict[str, int]


class MediationIndicatorsOut(Schema):
    org: str
    org_name: str
    start: date
    end: date
    definition: str
    indicators: list[IndicatorOut]
    average_days: AverageOut
    amounts: list[AmountOut]
    handovers: list[HandoverRowOut]
