"""The result every calculator returns (laborlaw.md §1.5) and the builder that collects it.

``{amount, components[], basis[], flags[], assumptions[]}`` plus the calculator-specific
figures; each component is ``{label, formula, value, basis}``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from .money import ZERO, round2


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

    def as_dict(self) -> dict[str, Any]:
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
