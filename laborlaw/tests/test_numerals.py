"""Chinese capital numerals (支付结算办法 附件一; 会计基础工作规范 第52条)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from laborlaw import InputError, amount_in_words

CASES = [
    ("0", "零元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角整"),
    ("10.00", "壹拾元整"),
    ("100010.01", "壹拾万零壹拾元零壹分"),
    ("463000.00", "肆拾陆万叁仟元整"),
    # the official examples of 支付结算办法 附件一 第5条
    ("1409.50", "壹仟肆佰零玖元伍角整"),
    ("6007.14", "陆仟零柒元壹角肆分"),
    ("1680.32", "壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "壹拾万柒仟元零伍角叁分"),
    ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "叁佰贰拾伍元零肆分"),
    ("100001000", "壹亿零壹仟元整"),
    ("1200000000000", "壹万贰仟亿元整"),
    ("0.004", "零元整"),
    ("0.005", "壹分"),
]


@pytest.mark.parametrize(("amount", "words"), CASES)
def test_amount_in_words(amount: str, words: str) -> None:
    assert amount_in_words(Decimal(amount)) == words


def test_prefix_and_negative() -> None:
    assert amount_in_words(Decimal("10"), currency_prefix=True) == "人民币壹拾元整"
    with pytest.raises(InputError) as err:
        amount_in_words(Decimal("-1"))
    assert err.value.field == "amount"


DIGITS = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
SMALL = {"拾": 10, "佰": 100, "仟": 1000}


def _parse(words: str) -> Decimal:
    """Independent reader of capital numerals, for the round-trip property."""
    words = words.removesuffix("整")
    integer, _, fraction = words.rpartition("元") if "元" in words else ("", "", words)
    total = section = number = 0
    for ch in integer:
        if ch in DIGITS:
            number = DIGITS[ch]
        elif ch in SMALL:
            section += number * SMALL[ch]
            number = 0
        elif ch == "万":
            section = (section + number) * 10_000
            number = 0
        elif ch == "亿":
            total += (section + number) * 100_000_000
            section = number = 0
    total += section + number
    cents = 0
    digit = 0
    for ch in fraction:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch == "角":
            cents += digit * 10
        elif ch == "分":
            cents += digit
    return Decimal(total) + Decimal(cents) / 100


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip(cents: int) -> None:
    amount = Decimal(cents) / 100
    words = amount_in_words(amount)
    assert _parse(words) == amount
    assert set(words) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert not words.startswith("拾")
    assert "零零" not in words
    assert words.endswith("分") or words.endswith("整")
