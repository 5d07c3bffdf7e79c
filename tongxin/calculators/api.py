"""The labour-law calculators over HTTP: `GET /api/v1/laborlaw/`, `POST /api/v1/laborlaw/{name}`.

Authentication: none, with the public rate limit (PUBLIC_RATE_LIMIT_PER_MINUTE per address).
The calculators hold no personal data, write nothing, and apply public law to public figures,
so a union's website, a mini-program or a worker can use them without a staff account, as
they can read the statute. What a public endpoint must not become is free compute or a way
to load the database, hence the rate limit and the input screen in `services`.
"""

from typing import Any

from django.http import HttpRequest
from ninja import Router

import laborlaw
from tongxin.calculators import schemas, selectors, services
from tongxin.core.exceptions import ApplicationError
from tongxin.core.ratelimit import rate_limit_exceeded

router = Router(tags=["laborlaw"], auth=None)


def _throttle(request: HttpRequest) -> None:
    if rate_limit_exceeded(request, scope="laborlaw-api"):
        raise ApplicationError("请求过于频繁，请稍后再试。", code="rate_limited")


@router.get("/", response=list[schemas.CalculatorOut])
def calculator_list(request: HttpRequest) -> list[dict[str, object]]:
    _throttle(request)
    return [laborlaw.describe(name) for name in laborlaw.CALCULATORS]


@router.post("/{calculator}", openapi_extra=schemas.CALCULATION_IN_OPENAPI)
def calculation_run(request: HttpRequest, calculator: str) -> dict[str, Any]:
    """The library's result dict, plus amount_in_words and parameters_used (money as strings)."""
    _throttle(request)
    body = schemas.calculation_in_parse(request.body)
    place = selectors.place_get(code=body.place) if body.place else None
    return services.calculation_run(
        calculator=calculator, inputs=body.inputs, place=place, on=body.on
    )
