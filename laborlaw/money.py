"""Money arithmetic (laborlaw.md §1.1): ``Decimal`` only, rounded half-up to the fen.

No binary float ever touches an amount. Monthly bases are rounded to 0.01 before they are
multiplied; daily and hourly rates are never rounded before use (only for display).
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

ZERO = Decimal("0")
CENT = Decimal("0.01")
HALF = Decimal("0.5")

#: 月计薪天数 (劳社部发〔2008〕3号): (365 − 104) / 12 = 21.75 paid days per month.
DAYS_PER_MONTH = Decimal("21.75")


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


def fmt(value: Decimal) -> str:
    """Format a Decimal for a formula string without exponent noise."""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return text
