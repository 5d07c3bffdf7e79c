"""Running a calculator with the figures of a place: a read that writes nothing.

Missing jurisdiction parameters are filled from the place and day (typed values win), the
holiday calendar from tongxin.workdays; inputs far outside any real case are refused before
the arithmetic sees them, and every bad input becomes an ApplicationError naming the field.
"""

import logging
import re
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

import laborlaw
from tongxin.calculators import selectors
from tongxin.calculators.models import Place
from tongxin.core.exceptions import ApplicationError
from tongxin.workdays import calendar as workdays

logger = logging.getLogger(__name__)

# Inputs that name the day the case turns on, in order of preference: the parameters in
# force on that day are the ones that apply (上年度 average at termination, minimum wage at
# filing…). A mediator can always give `on` explicitly.
EVENT_DATE_INPUTS = (
    "end_date",
    "termination_date",
    "last_day_worked",
    "employment_end_date",
    "application_date",
    "claim_date",
)
# Parameters that are not a single stored value: the holiday calendar comes from
# tongxin.workdays, the provincial 工伤 subsidy table is entered per case.
NOT_STORED = {"public_holiday_calendar", "provincial_work_injury_subsidy_table"}
# Beyond this the figures are not plausible inputs and the arithmetic could overflow.
MAX_ABS_NUMBER = Decimal(10) ** 12
YEAR_RANGE = (1900, 2100)
# The calendar given to the library covers the case's dates plus the longest period that can
# end after them (1-year limitation, with slack for interruptions and roll-over).
CALENDAR_TAIL = timedelta(days=3 * 366)
CALENDAR_MAX_SPAN = timedelta(days=40 * 366)
_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\s*$")


def calculation_run(
    *,
    calculator: str,
    inputs: Mapping[str, Any],
    place: Place | None = None,
    on: date | None = None,
) -> dict[str, Any]:
    """Run one laborlaw calculator. Missing jurisdiction parameters are filled from `place` on
    `on` (typed values win), `non_working_days` from tongxin.workdays; any bad input becomes an
    ApplicationError naming the field. Reads only; writes nothing."""
    try:
        description = laborlaw.describe(calculator)
    except laborlaw.InputError as exc:
        raise ApplicationError(
            exc.message_zh, code="unknown_calculator", field="calculator"
        ) from None
    if not isinstance(inputs, Mapping):
        raise ApplicationError(_("输入应为键值对（JSON 对象）。"), field="inputs")
    fields: list[dict[str, Any]] = description["inputs"]
    data = {str(k): v for k, v in inputs.items()}
    _screen(fields, data)
    day, day_source = (on, "given") if on is not None else _event_date(data)

    records = selectors.parameters_for(place=place, on=day) if place is not None else {}
    used: list[dict[str, Any]] = []
    for field in fields:
        key = field["jurisdiction_param"]
        if not key or key in NOT_STORED:
            continue
        record = records.get(key)
        typed = data.get(field["name"])
        if _blank(typed) and record is not None:
            data[field["name"]] = record.value
            typed = record.value
        if _blank(typed):
            continue
        used.append(_parameter_used(field["name"], key, typed, record))

    calendar_range = None
    if any(f["name"] == "non_working_days" for f in fields) and _blank(
        data.get("non_working_days")
    ):
        calendar_range = _calendar_range(data)
        if calendar_range is not None:
            data["non_working_days"] = workdays.non_working_days(*calendar_range)

    result = _calculate(calculator, data)
    result["amount_in_words"] = _in_words(result["amount"])
    result["parameters_used"] = used
    result["parameters_date"] = day.isoformat()
    result["parameters_date_source"] = day_source
    result["place"] = place.code if place is not None else None
    if calendar_range is not None:
        result["calendar_used"] = {
            "from": calendar_range[0].isoformat(),
            "to": calendar_range[1].isoformat(),
            "source": "tongxin.workdays（chinese-calendar + 日历调整）",
        }
    return result


def _calculate(calculator: str, data: dict[str, Any]) -> dict[str, Any]:
    try:
        return laborlaw.calculate(calculator, data)
    except laborlaw.InputError as exc:
        raise ApplicationError(
            exc.message_zh,
            code="invalid_input",
            field=exc.field,
            extra={"message_en": exc.message_en},
        ) from None
    except (ArithmeticError, ValueError, TypeError, LookupError, OverflowError):
        # The screen above keeps inputs in sane ranges; anything that still fails inside the
        # library is a bug to fix there, but the caller gets a 400, not a 500.
        logger.exception("laborlaw.calculate(%s) failed on screened inputs", calculator)
        raise ApplicationError(
            _("无法根据这些输入计算，请检查各项数值和日期是否合理。"),
            code="calculation_failed",
            field="inputs",
        ) from None


def _in_words(amount: Decimal) -> str:
    try:
        return laborlaw.amount_in_words(amount)
    except laborlaw.InputError:
        return ""


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _same(typed: object, recorded: Decimal | str) -> bool:
    if isinstance(recorded, Decimal):
        try:
            return Decimal(str(typed).replace(",", "")) == recorded
        except (InvalidOperation, ValueError):
            return False
    return str(typed).strip().lower() == recorded.lower()


def _parameter_used(
    name: str, key: str, value: object, record: selectors.ParameterValue | None
) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": key, "input": name, "value": value, "origin": "typed"}
    if record is not None and _same(value, record.value):
        entry.update(record.as_dict())
        entry["value"] = value
        entry["origin"] = "record"
    elif record is not None:
        entry["record_value"] = record.value
    return entry


# --------------------------------------------------------------------------- input screening


def _invalid(field: dict[str, Any], zh: str) -> ApplicationError:
    return ApplicationError(
        f"「{field['label_zh']}」（{field['name']}）{zh}", code="invalid_input", field=field["name"]
    )


def _screen(fields: list[dict[str, Any]], data: dict[str, Any]) -> None:
    """Refuse numbers and dates far outside any real case, before the arithmetic sees them."""
    for field in fields:
        value = data.get(field["name"])
        if _blank(value):
            continue
        kind = field["type"]
        if kind in ("money", "decimal", "int"):
            _screen_number(field, value)
        elif kind == "money_list" and isinstance(value, list | tuple):
            for item in value:
                _screen_number(field, item)
        elif kind in ("date", "month"):
            _screen_date(field, value)
        elif kind in ("date_list", "period_list", "object_list") and isinstance(
            value, list | tuple
        ):
            for item in value:
                for part in item.values() if isinstance(item, Mapping) else [item]:
                    if kind != "object_list":
                        _screen_date(field, part)
                    elif isinstance(part, int | float | Decimal) and not isinstance(part, bool):
                        _screen_number(field, part)


def _screen_number(field: dict[str, Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        return  # the library names the type error
    try:
        number = Decimal(str(value).strip().replace(",", "").replace("，", ""))
    except (InvalidOperation, ValueError):
        return
    if number.is_finite() and abs(number) > MAX_ABS_NUMBER:
        raise _invalid(field, _("数值过大"))


def _screen_date(field: dict[str, Any], value: object) -> None:
    parsed = _parse_day(value)
    if parsed is None:
        return
    if not YEAR_RANGE[0] <= parsed.year <= YEAR_RANGE[1]:
        raise _invalid(
            field,
            _("日期应在 %(first)s 年至 %(last)s 年之间")
            % {"first": YEAR_RANGE[0], "last": YEAR_RANGE[1]},
        )


def _parse_day(value: object) -> date | None:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _DATE_RE.match(value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3) or 1))
    except ValueError:
        return None


def _dates_in(value: object) -> Iterator[date]:
    if isinstance(value, Mapping):
        for item in value.values():
            yield from _dates_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _dates_in(item)
    else:
        day = _parse_day(value)
        if day is not None and YEAR_RANGE[0] <= day.year <= YEAR_RANGE[1]:
            yield day


def _event_date(data: Mapping[str, Any]) -> tuple[date, str]:
    for name in EVENT_DATE_INPUTS:
        day = next(_dates_in(data.get(name)), None)
        if day is not None:
            return day, name
    year = data.get("death_year")
    # isdecimal, not isdigit: "²" is a digit that int() refuses.
    if isinstance(year, int | str) and not isinstance(year, bool) and str(year).strip().isdecimal():
        number = int(str(year).strip())
        if YEAR_RANGE[0] <= number <= YEAR_RANGE[1]:
            return date(number, 1, 1), "death_year"
    return timezone.localdate(), "today"


def _calendar_range(data: Mapping[str, Any]) -> tuple[date, date] | None:
    days = list(_dates_in(data))
    if not days:
        return None
    start, end = min(days), max(days) + CALENDAR_TAIL
    if end - start > CALENDAR_MAX_SPAN:
        return None
    return start, end
