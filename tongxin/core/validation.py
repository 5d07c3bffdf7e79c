"""Turning raw input (form fields, JSON) into checked values; errors name the field, in Chinese.
Shared by every app's services."""

import re
import unicodedata
import uuid
from collections import deque
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, NoReturn

from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from tongxin.core.exceptions import ApplicationError

# [0-9], not \d: \d also matches full-width and other scripts' digits, which would be stored
# as such and never match the ASCII digits a worker types to track the order.
MOBILE_RE = re.compile(r"^1[3-9][0-9]{9}$")
LANDLINE_RE = re.compile(r"^0[0-9]{2,3}-?[0-9]{7,8}$")
ID_NUMBER_RE = re.compile(r"[0-9]{17}[0-9X]")
# PostgreSQL text cannot hold NUL, and a lone surrogate (a JSON "\ud800") cannot be encoded as
# UTF-8: either would fail only when saved, as a 500.
UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")
# The largest list offset an API takes: far past any queue, and it keeps offset + limit inside
# SQL's 64-bit integers (else a 500).
MAX_OFFSET = 10_000_000
# The dates we take: outside these years a date is a typo, and at the ends of Python's calendar
# (0001-01-01, 9999-12-31) a deadline, a day's bounds or the shift to UTC overflow (else a 500).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2999, 12, 31)


def unstorable_message(field: str) -> str:
    return _("字段 %(field)s 含有不允许的字符（空字符或无效的 Unicode 字符）。") % {"field": field}


def check_storable(data: Any) -> None:
    """Refuse JSON-like data (dicts, lists, strings) with NUL or a lone surrogate in any key or
    string; the error names the first one's dotted path ("body" for a bare string)."""
    pending: deque[tuple[str, Any]] = deque([("", data)])
    while pending:
        path, value = pending.popleft()
        if isinstance(value, dict):
            for key, item in value.items():
                key_path = f"{path}.{key}" if path else str(key)
                if UNSTORABLE_RE.search(str(key)):
                    _refuse_unstorable(key_path)
                pending.append((key_path, item))
        elif isinstance(value, list):
            pending.extend((f"{path}.{i}" if path else str(i), v) for i, v in enumerate(value))
        elif isinstance(value, str) and UNSTORABLE_RE.search(value):
            _refuse_unstorable(path or "body")


def _refuse_unstorable(field: str) -> NoReturn:
    raise ApplicationError(unstorable_message(field), code="invalid_characters", field=field)


def clean_phone(value: Any, *, allow_landline: bool) -> str:
    # NFKC: full-width digits, brackets, "＋" and "－" (a phone keyboard's Chinese mode) → ASCII.
    text = unicodedata.normalize("NFKC", str(value or ""))
    phone = re.sub(r"[\s()]", "", text).removeprefix("+86")
    if MOBILE_RE.fullmatch(phone) or (allow_landline and LANDLINE_RE.fullmatch(phone)):
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


TRUE_WORDS = frozenset({"1", "true", "on", "yes", "是"})
FALSE_WORDS = frozenset({"0", "false", "off", "no", "否"})


def clean_bool(value: Any, *, field: str, label: str) -> bool | None:
    """Yes, no, or None when left empty. Anything else is refused rather than read as "no":
    a junk `solved` or `wage_arrears` would otherwise be stored as a wrong answer."""
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise ApplicationError(
        _("%(label)s只能是“是”或“否”。") % {"label": label}, code="invalid_choice", field=field
    )


def clean_date(value: Any, *, field: str, label: str, required: bool = False) -> date | None:
    """A calendar date from `YYYY-MM-DD` (or a date object)."""
    if value in (None, ""):
        if required:
            raise ApplicationError(
                _("请填写%(label)s。") % {"label": label}, code="required", field=field
            )
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise ApplicationError(
                _("%(label)s应为日期（如 2026-03-02）。") % {"label": label},
                code="invalid",
                field=field,
            ) from None
    check_date_in_range(day, field=field, label=label)
    return day


def clean_datetime(value: Any, *, field: str, label: str) -> datetime | None:
    """A moment from `YYYY-MM-DD HH:MM` (or `T`), in Beijing time when no offset is given."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ApplicationError(
                _("%(label)s应为日期时间（如 2026-03-02 09:30）。") % {"label": label},
                code="invalid",
                field=field,
            ) from None
    check_date_in_range(moment.date(), field=field, label=label)
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def check_date_in_range(day: date, *, field: str, label: str) -> None:
    """Refuse a day outside [EARLIEST_DATE, LATEST_DATE], naming the field."""
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        raise ApplicationError(
            _("%(label)s应在 %(earliest)s 至 %(latest)s 之间。")
            % {
                "label": label,
                "earliest": EARLIEST_DATE.isoformat(),
                "latest": LATEST_DATE.isoformat(),
            },
            code="out_of_range",
            field=field,
        )


def clean_uuid(value: Any, *, field: str, label: str) -> str | None:
    """A UUID in its canonical form (lower case, with hyphens, as the URLs take it), or None
    for nothing."""
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise ApplicationError(
            _("%(label)s的编号无效。") % {"label": label}, code="invalid", field=field
        ) from None


def clean_id_number(value: Any, *, field: str = "id_number") -> str:
    """A mainland resident ID number (18 characters, a real birth date, GB 11643 check digit),
    or ''. The region part is not checked: codes change, and people keep their numbers."""
    text = ric.compact(str(value or "").strip().upper())
    if not text:
        return ""
    try:
        # ID_NUMBER_RE, not isdigit(): other scripts' digits pass isdigit() and int().
        if not ID_NUMBER_RE.fullmatch(text) or text[-1] != ric.calc_check_digit(text):
            raise ValueError
        ric.get_birth_date(text)
    except (ValueError, ValidationError):
        raise ApplicationError(
            _("身份证号码无效（应为 18 位，出生日期和校验位正确）。"),
            code="invalid_id_number",
            field=field,
        ) from None
    return text


def clean_uscc(value: Any, *, field: str = "uscc") -> str:
    """A 统一社会信用代码 (GB 32100 check character), or ''."""
    text = str(value or "").strip().upper()
    if not text:
        return ""
    if not uscc.is_valid(text):
        raise ApplicationError(
            _("统一社会信用代码无效（应为 18 位，校验位正确）。"), code="invalid_uscc", field=field
        )
    return uscc.compact(text)
