"""Shared building blocks of the labour-law calculators.

Money is ``Decimal`` throughout; no binary floats touch an amount (laborlaw.md §1.1).
Dates are explicit ``datetime.date`` values; nothing here reads the clock.

Contents: rounding helpers, the :class:`InputError` raised for bad input, the
:class:`Field` description of one input (used by :func:`laborlaw.describe`), the
:class:`Reader` that parses a raw ``dict`` of inputs, date arithmetic (month-end clamping,
service length, working-day roll-over) and the :class:`CalcResult` returned by every
calculator (laborlaw.md §1.5).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal("0")
ONE = Decimal("1")
CENT = Decimal("0.01")
HALF = Decimal("0.5")

#: 月计薪天数 (劳社部发〔2008〕3号): (365 − 104) / 12 = 21.75 paid days per month.
DAYS_PER_MONTH = Decimal("21.75")
#: Hours per paid month: 21.75 × 8 = 174 (劳社部发〔2008〕3号).
HOURS_PER_MONTH = Decimal("174")

#: The day the Labour Contract Law entered into force (劳动合同法 第98条).
LCL_IN_FORCE = date(2008, 1, 1)


# --------------------------------------------------------------------------- rounding


def round2(value: Decimal) -> Decimal:
    """Round to the fen (0.01 yuan), half-up — the rounding courts use (laborlaw.md §1.1)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def round_places(value: Decimal, places: int) -> Decimal:
    """Round half-up to ``places`` decimals (display only, e.g. prorated leave days)."""
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def floor_int(value: Decimal) -> int:
    """Floor to an integer (leave days are never rounded up: 实施办法 第5条、第12条)."""
    return int(value.to_integral_value(rounding=ROUND_FLOOR))


def dec(value: int | str | Decimal) -> Decimal:
    """Build a Decimal from an int, a Decimal or a numeric string."""
    return value if isinstance(value, Decimal) else Decimal(value)


# --------------------------------------------------------------------------- errors


class InputError(ValueError):
    """An unknown calculator, or a missing or invalid input.

    ``field`` names the offending input (``"calculator"`` for an unknown calculator);
    ``message_zh`` and ``message_en`` explain the problem to the mediator.
    """

    def __init__(self, field: str, message_zh: str, message_en: str) -> None:
        super().__init__(f"{field}: {message_en} / {message_zh}")
        self.field = field
        self.message_zh = message_zh
        self.message_en = message_en


# --------------------------------------------------------------------------- input description


@dataclass(frozen=True)
class Field:
    """Machine-readable description of one calculator input.

    ``type`` is one of ``money``, ``decimal``, ``int``, ``bool``, ``date``, ``month``
    (``YYYY-MM`` or a full date), ``choice``, ``str``, ``money_list``, ``date_list``,
    ``object_list`` (a list of dicts, described in ``help``) and ``period_list``.
    ``required`` is unconditional; inputs needed only in some situations say so in
    ``help`` and, for alternatives ("give one of these"), share a ``one_of`` group name.
    ``jurisdiction_param`` is the name of the jurisdiction parameter of laborlaw.md §1.4
    that fills this input (empty when the input is a fact of the case).
    """

    name: str
    type: str
    label_zh: str
    label_en: str
    help: str = ""
    required: bool = False
    jurisdiction_param: str = ""
    choices: tuple[str, ...] = ()
    default: str | int | bool | None = None
    one_of: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "required": self.required,
            "label_zh": self.label_zh,
            "label_en": self.label_en,
            "help": self.help,
            "jurisdiction_param": self.jurisdiction_param or None,
            "is_jurisdiction_param": bool(self.jurisdiction_param),
            "choices": list(self.choices),
            "default": self.default,
            "one_of": self.one_of or None,
        }


# --------------------------------------------------------------------------- input parsing

Date = date  # alias: Reader has a method named "date"
_MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


class Reader:
    """Parse a raw input mapping (JSON-like values) into typed values.

    ``None`` and ``""`` count as "not given". Every accessor raises :class:`InputError`
    naming the field when a value is present but invalid, and the ``*_req`` accessors
    raise it when the value is missing.
    """

    def __init__(self, raw: object, fields: Sequence[Field]) -> None:
        if not isinstance(raw, Mapping):
            raise InputError(
                "inputs", "输入必须是键值对（dict）", "inputs must be a mapping (dict)"
            )
        self._raw: Mapping[object, object] = raw
        self._fields = {f.name: f for f in fields}
        self._used: set[str] = set()

    # -- generic
    def label(self, name: str) -> tuple[str, str]:
        f = self._fields.get(name)
        return (f.label_zh, f.label_en) if f else (name, name)

    def missing(self, name: str, why_zh: str = "", why_en: str = "") -> InputError:
        zh, en = self.label(name)
        return InputError(
            name,
            f"缺少必填项「{zh}」（{name}）{why_zh}",
            f"missing required input '{name}' ({en}){why_en}",
        )

    def invalid(self, name: str, zh: str, en: str) -> InputError:
        lzh, len_ = self.label(name)
        return InputError(name, f"「{lzh}」（{name}）{zh}", f"'{name}' ({len_}): {en}")

    def raw(self, name: str) -> object | None:
        self._used.add(name)
        value = self._raw.get(name)
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return None
        return value

    def has(self, name: str) -> bool:
        return self.raw(name) is not None

    def unused(self) -> list[str]:
        return sorted(str(k) for k in self._raw if k not in self._used)

    # -- numbers
    def _to_decimal(self, name: str, value: object) -> Decimal:
        if isinstance(value, bool):
            raise self.invalid(name, "应为数字，而不是真/假", "expected a number, not a boolean")
        try:
            if isinstance(value, Decimal):
                result = value
            elif isinstance(value, int):
                result = Decimal(value)
            elif isinstance(value, float):
                result = Decimal(repr(value))  # shortest repr, never the binary expansion
            elif isinstance(value, str):
                result = Decimal(value.strip().replace(",", "").replace("，", ""))
            else:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            raise self.invalid(name, "不是有效的数字", "not a valid number") from None
        if not result.is_finite():
            raise self.invalid(name, "不是有效的数字", "not a finite number")
        return result

    def decimal(self, name: str, *, minimum: Decimal | None = ZERO) -> Decimal | None:
        value = self.raw(name)
        if value is None:
            return None
        result = self._to_decimal(name, value)
        if minimum is not None and result < minimum:
            raise self.invalid(name, f"不能小于 {minimum}", f"must be at least {minimum}")
        return result

    def decimal_req(self, name: str, *, minimum: Decimal | None = ZERO) -> Decimal:
        result = self.decimal(name, minimum=minimum)
        if result is None:
            raise self.missing(name)
        return result

    def money(self, name: str) -> Decimal | None:
        """A non-negative amount of yuan (not rounded here: bases are rounded by the rule)."""
        return self.decimal(name)

    def money_req(self, name: str) -> Decimal:
        return self.decimal_req(name)

    def positive(self, name: str, default: Decimal) -> Decimal:
        result = self.decimal(name)
        if result is None:
            return default
        if result <= 0:
            raise self.invalid(name, "必须大于零", "must be greater than zero")
        return result

    def integer(self, name: str, *, minimum: int = 0, maximum: int | None = None) -> int | None:
        value = self.raw(name)
        if value is None:
            return None
        number = self._to_decimal(name, value)
        if number != number.to_integral_value():
            raise self.invalid(name, "应为整数", "expected a whole number")
        result = int(number)
        if result < minimum or (maximum is not None and result > maximum):
            bound = f"{minimum}–{maximum}" if maximum is not None else f"≥ {minimum}"
            raise self.invalid(name, f"超出范围（{bound}）", f"out of range ({bound})")
        return result

    def integer_req(self, name: str, *, minimum: int = 0, maximum: int | None = None) -> int:
        result = self.integer(name, minimum=minimum, maximum=maximum)
        if result is None:
            raise self.missing(name)
        return result

    def money_list(self, name: str) -> tuple[Decimal, ...] | None:
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            raise self.invalid(name, "应为金额列表", "expected a list of amounts")
        items = tuple(self._to_decimal(name, v) for v in value)
        if any(v < 0 for v in items):
            raise self.invalid(name, "金额不能为负数", "amounts must not be negative")
        return items

    # -- booleans and text
    def boolean(self, name: str, default: bool | None = False) -> bool | None:
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        if isinstance(value, str):
            text = value.strip().lower()
            if text in ("true", "1", "yes", "y", "on", "是"):
                return True
            if text in ("false", "0", "no", "n", "off", "否"):
                return False
        raise self.invalid(name, "应为是/否", "expected true or false")

    def flag(self, name: str, default: bool = False) -> bool:
        result = self.boolean(name, default)
        return default if result is None else result

    def text(self, name: str) -> str | None:
        value = self.raw(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.invalid(name, "应为文本", "expected text")
        return value.strip()

    def choice(self, name: str, choices: Sequence[str], default: str | None = None) -> str | None:
        value = self.text(name)
        if value is None:
            return default
        if value not in choices:
            options = ", ".join(choices)
            raise self.invalid(
                name, f"取值无效，可选：{options}", f"invalid value; one of: {options}"
            )
        return value

    def choice_req(self, name: str, choices: Sequence[str]) -> str:
        result = self.choice(name, choices)
        if result is None:
            raise self.missing(name)
        return result

    # -- dates
    def _to_date(self, name: str, value: object) -> Date:
        if isinstance(value, Date):
            return value
        if isinstance(value, str):
            try:
                return Date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.invalid(name, "应为日期（YYYY-MM-DD）", "expected a date (YYYY-MM-DD)")

    def date(self, name: str) -> Date | None:
        value = self.raw(name)
        return None if value is None else self._to_date(name, value)

    def date_req(self, name: str) -> Date:
        result = self.date(name)
        if result is None:
            raise self.missing(name)
        return result

    def month_or_date(self, name: str) -> tuple[Date, bool] | None:
        """A full date, or ``YYYY-MM`` (returned as the 1st with ``month_only=True``)."""
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, str):
            match = _MONTH_RE.match(value.strip())
            if match:
                year, month = int(match.group(1)), int(match.group(2))
                if 1 <= month <= 12:
                    return date(year, month, 1), True
        return self._to_date(name, value), False

    def date_list(self, name: str) -> tuple[Date, ...]:
        value = self.raw(name)
        if value is None:
            return ()
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            raise self.invalid(name, "应为日期列表", "expected a list of dates")
        return tuple(self._to_date(name, v) for v in value)

    def object_list(self, name: str) -> tuple[Mapping[str, object], ...] | None:
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, str | bytes) or not isinstance(value, Sequence):
            raise self.invalid(name, "应为对象列表", "expected a list of objects")
        items: list[Mapping[str, object]] = []
        for item in value:
            if not isinstance(item, Mapping):
                raise self.invalid(name, "每一项应为键值对", "each item must be a mapping")
            items.append({str(k): v for k, v in item.items()})
        return tuple(items)

    def sub_reader(self, item: Mapping[str, object], fields: Sequence[Field]) -> Reader:
        return Reader(item, fields)


# --------------------------------------------------------------------------- dates


def add_months(day: date, months: int) -> date:
    """Shift by whole months, clamping to the last day of a shorter month.

    Month-end rule of 民法典 第202条 ("没有对应日的，月末日为期间的最后一日"), by analogy.
    """
    index = day.month - 1 + months
    year = day.year + index // 12
    month = index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    """Shift by whole years (29 February → 28 February in a common year)."""
    return add_months(day, 12 * years)


@dataclass(frozen=True)
class Service:
    """A length of service: completed years, months and leftover days (laborlaw.md §1.2)."""

    years: int
    months: int
    days: int

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    def __str__(self) -> str:
        return f"{self.years}y{self.months}m{self.days}d"


def service_length(start: date, end: date) -> Service:
    """Service from ``start`` to ``end``, both days counted (laborlaw.md §1.2).

    Completed months are the largest ``m`` with ``add_months(start, m) <= end + 1 day``;
    leftover days are ``(end + 1) - add_months(start, m)``. 2024-01-01 → 2024-06-30 is
    6 months 0 days; 2024-01-01 → 2024-06-29 is 5 months 29 days.
    """
    stop = end + timedelta(days=1)
    if stop <= start:
        return Service(0, 0, 0)
    months = (stop.year - start.year) * 12 + stop.month - start.month
    while months > 0 and add_months(start, months) > stop:
        months -= 1
    days = (stop - add_months(start, months)).days
    return Service(months // 12, months % 12, days)


def art47_months(service: Service) -> Decimal:
    """Months of pay under 劳动合同法 第47条第1款.

    "每满一年支付一个月工资…六个月以上不满一年的，按一年计算；不满六个月的，向劳动者支付半个月
    工资": a remainder of 6 months or more counts as a year ("以上" includes 6, 民法典 第1259条);
    any shorter non-zero remainder counts as half a month.
    """
    if service.months >= 6:
        return Decimal(service.years + 1)
    if service.months > 0 or service.days > 0:
        return Decimal(service.years) + HALF
    return Decimal(service.years)


def old_rule_months(service: Service) -> Decimal:
    """Months of pay for pre-2008 service: 每满一年一个月，"不满一年的按一年" (481号 第5条等)."""
    extra = 1 if service.months > 0 or service.days > 0 else 0
    return Decimal(service.years + extra)


def is_rest_day(day: date, non_working_days: frozenset[date] | None) -> bool:
    """A day on which a period cannot end (法定休假日).

    With an explicit ``non_working_days`` calendar (weekends, public holidays, minus
    调休 working days, as published by the State Council) that calendar is used as given;
    without one, Saturdays and Sundays are rest days and public holidays are unknown.
    """
    if non_working_days is not None:
        return day in non_working_days
    return day.weekday() >= 5


def roll_to_working_day(day: date, non_working_days: frozenset[date] | None) -> date:
    """Move a period's last day past rest days (民法典 第203条第1款)."""
    while is_rest_day(day, non_working_days):
        day += timedelta(days=1)
    return day


def weekdays_between(first: date, last: date) -> int:
    """Monday–Friday days in ``[first, last]`` (an estimate: holidays and 调休 ignored)."""
    if last < first:
        return 0
    total = (last - first).days + 1
    weeks, rest = divmod(total, 7)
    count = weeks * 5
    for offset in range(rest):
        if (first + timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Component:
    """One line of a result: ``{label, formula, value, basis}`` (laborlaw.md §1.5)."""

    label: str
    label_en: str
    formula: str
    value: Decimal
    basis: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "label": self.label,
            "label_en": self.label_en,
            "formula": self.formula,
            "value": self.value,
            "basis": list(self.basis),
        }


Detail = Decimal | int | str | bool | None | Mapping[str, "Detail"] | Sequence["Detail"]


def _plain(value: object) -> object:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class CalcResult:
    """The result of one calculator (laborlaw.md §1.5).

    ``amount`` is the headline figure in yuan (rounded to 0.01); ``details`` holds the
    calculator-specific figures (the keys of the worked examples' ``expected``), with
    dates as ISO strings, money as ``Decimal`` rounded to 0.01 and counts as ``int``.
    """

    calculator: str
    amount: Decimal
    components: tuple[Component, ...]
    basis: tuple[str, ...]
    flags: tuple[str, ...]
    assumptions: tuple[str, ...]
    details: Mapping[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """Plain ``dict``: the details plus ``amount``, ``components``, ``basis``, ``flags``,
        ``assumptions`` and ``calculator``."""
        out: dict[str, object] = {str(k): _plain(v) for k, v in self.details.items()}
        out.update(
            {
                "calculator": self.calculator,
                "amount": self.amount,
                "components": [c.as_dict() for c in self.components],
                "basis": list(self.basis),
                "flags": list(self.flags),
                "assumptions": list(self.assumptions),
            }
        )
        return out


class Builder:
    """Collects components, citations, flags and assumptions while a rule runs."""

    def __init__(self, calculator: str) -> None:
        self.calculator = calculator
        self.components: list[Component] = []
        self.basis: list[str] = []
        self.flags: list[str] = []
        self.assumptions: list[str] = []
        self.details: dict[str, object] = {}

    def cite(self, *sources: str) -> None:
        for source in sources:
            if source not in self.basis:
                self.basis.append(source)

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def assume(self, text: str) -> None:
        if text not in self.assumptions:
            self.assumptions.append(text)

    def add(self, label: str, label_en: str, formula: str, value: Decimal, *basis: str) -> Decimal:
        self.components.append(Component(label, label_en, formula, value, tuple(basis)))
        self.cite(*basis)
        return value

    def build(self, amount: Decimal, unused_inputs: Sequence[str] = ()) -> CalcResult:
        if unused_inputs:
            self.details.setdefault("ignored_inputs", list(unused_inputs))
        return CalcResult(
            calculator=self.calculator,
            amount=round2(max(amount, ZERO)),
            components=tuple(self.components),
            basis=tuple(self.basis),
            flags=tuple(self.flags),
            assumptions=tuple(self.assumptions),
            details=dict(self.details),
        )


def fmt(value: Decimal) -> str:
    """Format a Decimal for a formula string without exponent noise."""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return text
