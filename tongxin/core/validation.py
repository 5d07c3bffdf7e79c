"""Turning raw input (form fields, JSON) into checked values; errors name the field, in Chinese.
Shared by every app's services."""

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from tongxin.core.exceptions import ApplicationError

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
LANDLINE_RE = re.compile(r"^0\d{2,3}-?\d{7,8}$")


def clean_phone(value: Any, *, allow_landline: bool) -> str:
    phone = re.sub(r"[\s()（）]", "", str(value or "")).removeprefix("+86")
    if MOBILE_RE.match(phone) or (allow_landline and LANDLINE_RE.match(phone)):
        return phone.replace("-", "")
    message = (
        _("请填写正确的联系电话（手机号或带区号的固定电话）。")
        if allow_landline
        else _("请填写正确的大陆手机号码（11 位，1 开头）。")
    )
    raise ApplicationError(message, code="invalid_phone", field="phone")


def clean_text(
    value: Any,
    *,
    field: str,
    label: str,
    required: bool = False,
    min_len: int = 0,
    max_len: int = 4000,
) -> str:
    text = str(value or "").strip()
    if required and not text:
        raise ApplicationError(
            _("请填写%(label)s。") % {"label": label}, code="required", field=field
        )
    if text and len(text) < min_len:
        raise ApplicationError(
            _("%(label)s至少 %(n)d 个字。") % {"label": label, "n": min_len},
            code="too_short",
            field=field,
        )
    if len(text) > max_len:
        raise ApplicationError(
            _("%(label)s不能超过 %(n)d 个字。") % {"label": label, "n": max_len},
            code="too_long",
            field=field,
        )
    return text


def clean_int(
    value: Any, *, field: str, label: str, minimum: int, maximum: int, default: int | None = None
) -> int | None:
    if value in (None, ""):
        return default
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ApplicationError(
            _("%(label)s应为整数。") % {"label": label}, code="invalid", field=field
        ) from None
    if not minimum <= number <= maximum:
        raise ApplicationError(
            _("%(label)s应在 %(lo)d 到 %(hi)d 之间。")
            % {"label": label, "lo": minimum, "hi": maximum},
            code="out_of_range",
            field=field,
        )
    return number


def clean_amount(value: Any, *, field: str, label: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        amount = Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation:
        raise ApplicationError(
            _("%(label)s应为金额数字。") % {"label": label}, code="invalid", field=field
        ) from None
    if not amount.is_finite() or amount < 0 or amount >= Decimal("1e12"):
        raise ApplicationError(
            _("%(label)s应为不小于 0 的合理金额。") % {"label": label},
            code="out_of_range",
            field=field,
        )
    if amount != amount.quantize(Decimal("0.01")):
        raise ApplicationError(
            _("%(label)s最多两位小数。") % {"label": label}, code="invalid", field=field
        )
    return amount.quantize(Decimal("0.01"))


def clean_choice(
    value: Any, *, field: str, label: str, choices: list[str], required: bool = False
) -> str:
    text = str(value or "").strip()
    if not text and not required:
        return ""
    if text not in choices:
        raise ApplicationError(
            _("%(label)s的取值无效，可选：%(all)s。") % {"label": label, "all": "、".join(choices)},
            code="invalid_choice",
            field=field,
        )
    return text


def clean_bool(value: Any) -> bool | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "on", "yes", "是"}
