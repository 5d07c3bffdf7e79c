"""Comparison helper shared by the table-driven tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

#: Calculators whose amounts are built from daily or hourly rates: laborlaw.md §1.1 allows
#: ±0.05 yuan there, because awards that round the daily rate first differ by a few fen.
DAILY_RATE_CALCULATORS = {"overtime_pay", "annual_leave_pay", "final_wages", "double_wage"}


def tolerance(calculator: str) -> Decimal:
    return Decimal("0.05") if calculator in DAILY_RATE_CALCULATORS else Decimal("0.01")


def mismatches(expected: Any, got: Any, tol: Decimal, path: str = "") -> list[str]:
    """Every key of ``expected`` must be in ``got`` with the same meaning.

    Numbers compare within ``tol``; booleans and ``None`` exactly; strings exactly, except
    that an explanatory suffix in parentheses ("2020-02 (one year after termination)") is
    compared on the part before it.
    """
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            return [f"{path}: expected a mapping, got {got!r}"]
        out: list[str] = []
        for key, value in expected.items():
            if key not in got:
                out.append(f"{path}.{key}: missing")
            else:
                out.extend(mismatches(value, got[key], tol, f"{path}.{key}"))
        return out
    if isinstance(expected, bool) or expected is None:
        return [] if got is expected or got == expected else [f"{path}: {expected!r} != {got!r}"]
    if isinstance(expected, int | float | Decimal):
        if isinstance(got, bool) or not isinstance(got, int | float | Decimal):
            return [f"{path}: {expected!r} != {got!r}"]
        diff = abs(Decimal(str(got)) - Decimal(str(expected)))
        return [] if diff <= tol else [f"{path}: {expected!r} != {got!r} (diff {diff})"]
    if isinstance(expected, str):
        if not isinstance(got, str):
            return [f"{path}: {expected!r} != {got!r}"]
        if got == expected or got.split(" (")[0] == expected.split(" (")[0]:
            return []
        return [f"{path}: {expected!r} != {got!r}"]
    return [] if got == expected else [f"{path}: {expected!r} != {got!r}"]
