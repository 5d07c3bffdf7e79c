"""Amounts in Chinese capital numerals (大写金额) for mediation agreements and awards."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .inputs import InputError
from .money import round2

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")
LIMIT = 10**16


def _integer_words(value: int) -> str:
    groups: list[int] = []
    while value:
        value, group = divmod(value, 10000)
        groups.append(group)
    out: list[str] = []
    pending_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            pending_zero = pending_zero or bool(out)
            continue
        for position in (3, 2, 1, 0):
            digit = group // 10**position % 10
            if digit == 0:
                pending_zero = pending_zero or bool(out)
                continue
            if pending_zero:
                out.append("零")
                pending_zero = False
            out.append(DIGITS[digit] + SMALL_UNITS[position])
        # 万亿 group: write 万 only when the 亿 group follows with its own 亿 (壹万贰仟亿)
        unit = "万" if index == 3 and groups[2] else GROUP_UNITS[index]
        out.append(unit)
        pending_zero = False  # zeros at the end of a group (级末尾的0) are not written
    return "".join(out)


def amount_in_words(amount: Decimal | int | str, *, currency_prefix: bool = False) -> str:
    """Write an amount of yuan in Chinese capital numerals.

    The amount is first rounded to the fen (half-up). Rules followed — 中国人民银行《支付结算
    办法》附件一《正确填写票据和结算凭证的基本规定》and 财政部《会计基础工作规范》第52条:

    1. Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟万亿, then 元角分. Every 拾 carries its digit,
       so 10 is 壹拾 and 100,010 is 壹拾万零壹拾 (never a bare 拾, which could be altered).
    2. An amount ending at 元 ends with 整 (拾元 → 壹拾元整; zero → 零元整). An amount ending at
       角 also gets 整 (《会计基础工作规范》第52条; the 支付结算办法 makes it optional). Nothing
       follows 分.
    3. Zeros between non-zero digits are written as one 零 (1,409.50 → 壹仟肆佰零玖元伍角整;
       6,007.14 → 陆仟零柒元壹角肆分). Zeros at the end of a four-digit group (万、亿 级末尾)
       are not written (107,000.53 → 壹拾万柒仟元零伍角叁分 — the first form of the
       official example).
    4. When the 元 digit is 0 and 角 is not, one 零 follows 元 (1,680.32 →
       壹仟陆佰捌拾元零叁角贰分, the form with 零 of the two the rule allows).
    5. When 角 is 0 and 分 is not, 零 follows 元 (16,409.02 → 壹万陆仟肆佰零玖元零贰分).
    6. Amounts below one yuan start at 角 or 分 (0.05 → 伍分; 0.50 → 伍角整).

    Examples: 0 → 零元整; 0.05 → 伍分; 10.00 → 壹拾元整; 100,010.01 → 壹拾万零壹拾元零壹分;
    463,000.00 → 肆拾陆万叁仟元整. With ``currency_prefix=True`` the text starts with 人民币
    (rule 3 of the 基本规定). Negative amounts raise :class:`InputError`.
    """
    try:
        value = amount if isinstance(amount, Decimal) else Decimal(str(amount).strip())
    except InvalidOperation:
        raise InputError("amount", "不是有效的金额", "not a valid amount") from None
    if isinstance(amount, bool) or not value.is_finite():
        raise InputError("amount", "不是有效的金额", "not a valid amount")
    if value < 0:
        raise InputError("amount", "金额不能为负数", "the amount must not be negative")
    cents = int(round2(value) * 100)
    yuan, rest = divmod(cents, 100)
    jiao, fen = divmod(rest, 10)
    if yuan >= LIMIT:
        raise InputError("amount", "金额过大", "the amount is too large")
    text = ""
    if yuan:
        text = _integer_words(yuan) + "元"
    if jiao == 0 and fen == 0:
        text = (text or "零元") + "整"
    elif jiao == 0:
        text += ("零" if yuan else "") + DIGITS[fen] + "分"
    else:
        if yuan and yuan % 10 == 0:
            text += "零"
        text += DIGITS[jiao] + "角" + (DIGITS[fen] + "分" if fen else "整")
    return ("人民币" if currency_prefix else "") + text
