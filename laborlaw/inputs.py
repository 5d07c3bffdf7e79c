"""Describing and reading calculator inputs.

:class:`InputError` is raised for an unknown calculator or a missing or invalid input; it names
the field and explains the problem in Chinese and in English. :class:`Field` describes one
input (for :func:`laborlaw.describe`, forms and APIs); :class:`Reader` parses a raw ``dict``
of JSON-like values into typed values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from .money import ZERO


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
