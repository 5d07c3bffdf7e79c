"""The calculator registry: one entry point, machine-readable input descriptions."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import (
    annual_leave,
    compensation,
    damages,
    death_benefits,
    limitation,
    no_contract,
    notice,
    overtime,
    wages,
    work_injury,
)
from .inputs import Field, InputError
from .results import CalcResult

Parser = Callable[[Mapping[str, object]], tuple[Any, list[str]]]
Rule = Callable[[Any], CalcResult]


@dataclass(frozen=True)
class Calculator:
    """One calculator: its name, labels, statutory basis, inputs, parser and rule."""

    name: str
    label_zh: str
    label_en: str
    basis: tuple[str, ...]
    fields: tuple[Field, ...]
    parse: Parser
    rule: Rule
    section: str

    def describe(self) -> dict[str, Any]:
        """JSON-friendly description for forms and APIs."""
        return {
            "name": self.name,
            "label_zh": self.label_zh,
            "label_en": self.label_en,
            "spec_section": self.section,
            "basis": list(self.basis),
            "inputs": [f.as_dict() for f in self.fields],
            "jurisdiction_params": sorted(
                {f.jurisdiction_param for f in self.fields if f.jurisdiction_param}
            ),
        }

    def run(self, inputs: Mapping[str, object]) -> CalcResult:
        parsed, unused = self.parse(inputs)
        result = self.rule(parsed)
        if unused:
            details = dict(result.details)
            details["ignored_inputs"] = unused
            result = CalcResult(
                result.calculator,
                result.amount,
                result.components,
                result.basis,
                result.flags,
                result.assumptions,
                details,
            )
        return result


CALCULATORS: Mapping[str, Calculator] = {
    c.name: c
    for c in (
        Calculator(
            "severance",
            "经济补偿",
            "severance pay (N)",
            ("劳动合同法 第46条、第47条、第97条第3款", "劳动合同法实施条例 第27条"),
            compensation.SEVERANCE_FIELDS,
            compensation.parse_severance,
            compensation.severance,
            "§2",
        ),
        Calculator(
            "unlawful_termination_damages",
            "违法解除/终止赔偿金",
            "damages for unlawful termination (2N)",
            ("劳动合同法 第48条、第87条", "劳动合同法实施条例 第25条"),
            damages.DAMAGES_FIELDS,
            damages.parse_damages,
            damages.unlawful_termination_damages,
            "§3",
        ),
        Calculator(
            "notice_pay",
            "代通知金",
            "pay in lieu of notice (+1)",
            ("劳动合同法 第40条", "劳动合同法实施条例 第20条"),
            notice.NOTICE_FIELDS,
            notice.parse_notice_pay,
            notice.notice_pay,
            "§4",
        ),
        Calculator(
            "double_wage",
            "未签书面劳动合同二倍工资差额",
            "double wage (no written contract)",
            (
                "劳动合同法 第10条、第14条、第82条",
                "劳动合同法实施条例 第6条、第7条",
                "解释（二）第6条至第11条",
            ),
            no_contract.FIELDS,
            no_contract.parse_double_wage,
            no_contract.double_wage,
            "§9",
        ),
        Calculator(
            "overtime_pay",
            "加班工资",
            "overtime pay",
            ("劳动法 第44条", "工资支付暂行规定 第13条", "劳社部发〔2008〕3号"),
            overtime.FIELDS,
            overtime.parse_overtime,
            overtime.overtime_pay,
            "§5",
        ),
        Calculator(
            "annual_leave_pay",
            "未休年休假工资",
            "pay for unused annual leave",
            ("职工带薪年休假条例 第2条至第5条", "企业职工带薪年休假实施办法 第3条至第13条"),
            annual_leave.FIELDS,
            annual_leave.parse_annual_leave,
            annual_leave.annual_leave_pay,
            "§6",
        ),
        Calculator(
            "final_wages",
            "离职工资结算",
            "final wages",
            ("工资支付暂行规定 第9条", "劳社部发〔2008〕3号"),
            wages.FINAL_FIELDS,
            wages.parse_final_wages,
            wages.final_wages,
            "§7.1",
        ),
        Calculator(
            "wage_arrears_penalty",
            "加付赔偿金",
            "penalty for wage arrears (art.85)",
            ("劳动合同法 第85条",),
            wages.PENALTY_FIELDS,
            wages.parse_arrears_penalty,
            wages.wage_arrears_penalty,
            "§7.2",
        ),
        Calculator(
            "work_injury_disability",
            "工伤伤残待遇",
            "work-injury disability benefits",
            ("工伤保险条例 第35条至第37条、第64条",),
            work_injury.DISABILITY_FIELDS,
            work_injury.parse_disability,
            work_injury.work_injury_disability,
            "§8.1–8.2",
        ),
        Calculator(
            "work_injury_death",
            "因工死亡待遇",
            "work-related death benefits",
            ("工伤保险条例 第39条、第64条",),
            death_benefits.DEATH_FIELDS,
            death_benefits.parse_death,
            death_benefits.work_injury_death,
            "§8.3",
        ),
        Calculator(
            "time_limits",
            "时效与期限",
            "limitation and deadlines",
            ("劳动争议调解仲裁法 第14条、第27条、第43条、第47条", "民法典 第201条至第203条"),
            limitation.FIELDS,
            limitation.parse_time_limits,
            limitation.time_limits,
            "§10",
        ),
    )
}


def _get(calculator: str) -> Calculator:
    found = CALCULATORS.get(calculator) if isinstance(calculator, str) else None
    if found is None:
        names = ", ".join(CALCULATORS)
        raise InputError(
            "calculator",
            f"未知的计算器「{calculator}」，可选：{names}",
            f"unknown calculator '{calculator}'; one of: {names}",
        )
    return found


def describe(calculator: str) -> dict[str, Any]:
    """Machine-readable description of one calculator's inputs.

    ``{name, label_zh, label_en, spec_section, basis[], jurisdiction_params[], inputs[]}``;
    each input is ``{name, type, required, label_zh, label_en, help, jurisdiction_param,
    is_jurisdiction_param, choices[], default, one_of}``.
    """
    return _get(calculator).describe()


def calculate_result(calculator: str, inputs: Mapping[str, object]) -> CalcResult:
    """Like :func:`calculate` but returns the frozen :class:`CalcResult`."""
    return _get(calculator).run(inputs)


def calculate(calculator: str, inputs: Mapping[str, object]) -> dict[str, Any]:
    """Run one calculator on a dict of inputs (the names of laborlaw_cases.json).

    Returns a plain dict with the calculator-specific keys plus ``amount``, ``components``,
    ``basis``, ``flags`` and ``assumptions`` (laborlaw.md §1.5). Money values are ``Decimal``
    rounded to 0.01, dates ISO strings. Raises :class:`InputError` for an unknown
    calculator or a missing or invalid input.
    """
    return calculate_result(calculator, inputs).as_dict()
