"""Request and response shapes of the laborlaw API.

The request body is the library's own inputs (a JSON object, names as in `describe()`), plus
two optional keys read here: `place` (a GB/T 2260 code or "CN") and `on` (YYYY-MM-DD). It is
parsed by hand rather than by a pydantic model, so that every malformed body — not JSON, not
an object, a number too long to parse — becomes a 400 that names the field at fault.
"""

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema

from tongxin.core import validation
from tongxin.core.exceptions import ApplicationError


class CalculatorInputOut(Schema):
    name: str
    type: str
    required: bool
    label_zh: str
    label_en: str
    help: str
    jurisdiction_param: str | None
    is_jurisdiction_param: bool
    choices: list[str]
    default: str | int | bool | None
    one_of: str | None


class CalculatorOut(Schema):
    name: str
    label_zh: str
    label_en: str
    spec_section: str
    basis: list[str]
    jurisdiction_params: list[str]
    inputs: list[CalculatorInputOut]


CALCULATION_IN_OPENAPI: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "title": "CalculationIn",
                    "description": "The calculator's inputs (see GET /api/v1/laborlaw/), plus "
                    "optional `place` and `on` to fill jurisdiction parameters.",
                    "properties": {
                        "place": {"type": "string", "example": "110000"},
                        "on": {"type": "string", "format": "date"},
                    },
                    "additionalProperties": True,
                }
            }
        },
    }
}


@dataclass(frozen=True)
class CalculationIn:
    inputs: dict[str, Any]
    place: str | None
    on: date | None


def calculation_in_parse(raw: bytes) -> CalculationIn:
    """Parse a request body; numbers with a fraction become Decimal, never float."""
    try:
        data = json.loads(raw or b"{}", parse_float=Decimal)
    except (ValueError, RecursionError):
        raise ApplicationError(_("请求内容不是有效的 JSON。"), field="body") from None
    if not isinstance(data, dict):
        raise ApplicationError(_("请求内容应为 JSON 对象（键值对）。"), field="body")
    validation.check_storable(data)  # NUL would reach the place look-up (a 500 on PostgreSQL)
    place = data.pop("place", None)
    if place is not None and not isinstance(place, str):
        raise ApplicationError(_("地区代码应为文本，如 110000。"), field="place")
    on = data.pop("on", None)
    day = None
    if on not in (None, ""):
        try:
            day = date.fromisoformat(on) if isinstance(on, str) else None
        except ValueError:
            day = None
        if day is None:
            raise ApplicationError(_("参数适用日期应为 YYYY-MM-DD。"), field="on")
    return CalculationIn(inputs=data, place=place or None, on=day)
