"""The labour-law calculators over HTTP: `GET /api/v1/laborlaw/`, `POST /api/v1/laborlaw/{name}`.

Staff endpoints, like the work-order and insights routers: every request carries the staff
member's bearer token (`Authorization: Bearer tx_…`); without a valid one the answer is 401.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router

import laborlaw
from tongxin.calculators import schemas, selectors, services

router = Router(tags=["laborlaw"])  # mounted with the staff bearer token in config/api.py


@router.get("/", response=list[schemas.CalculatorOut])
def calculator_list(request: HttpRequest) -> list[dict[str, Any]]:
    return [laborlaw.describe(name) for name in laborlaw.CALCULATORS]


@router.post("/{calculator}", openapi_extra=schemas.CALCULATION_IN_OPENAPI)
def calculation_run(request: HttpRequest, calculator: str) -> dict[str, Any]:
    """The library's result dict, plus amount_in_words and parameters_used (money as strings)."""
    body = schemas.calculation_in_parse(request.body)
    place = selectors.place_get(code=body.place) if body.place else None
    return services.calculation_run(
        calculator=calculator, inputs=body.inputs, place=place, on=body.on
    )
